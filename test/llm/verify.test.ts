import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchesLanguage, verifyGrounded } from "../../src/llm/verify.js";
import { ALL, JOBS, NOT_RETRIEVED, OLEFIN, SAFETY, SEED, TRAINING } from "./citations.js";

// Sources as numbered in these tables: [1] jobs, [2] subsidies, [3] training, [4] olefin plant.
const SOURCES = ALL;

describe("the fixture passages", () => {
  it("are verbatim from the seed file", () => {
    const seed = (file: string) => readFileSync(path.resolve("seeds", file), "utf8");
    for (const text of [...ALL.map((c) => c.passage), NOT_RETRIEVED]) {
      for (const paragraph of text.split("\n\n")) expect(seed(SEED)).toContain(paragraph);
    }
    for (const paragraph of SAFETY.passage.split("\n\n")) expect(seed(SAFETY.source)).toContain(paragraph);
  });
});

describe("verifyGrounded accepts answers the passages support", () => {
  it.each([
    ["the Chinese figure and quote", "10395人。今年以来,昌吉州新增城镇就业10395人,农村劳动力外出务工8710人[1]。"],
    ["English thousands commas against Chinese digits", "10,395 people. Changji added 10,395 urban jobs this year, and 8,710 rural workers found work elsewhere [1]."],
    ["万 written out in English", "About 14,500 person-times of vocational training have been given [3]."],
    ["万 kept in Chinese", "累计培训群众1.45万人次[3]。"],
    ["亿 as billions", "The company plans to invest 4 billion yuan in the project this year [4]."],
    ["Chinese numerals the source prints", "项目投资接近两百亿元[4]。"],
    ["Chinese numerals written out in English", "The project costs nearly 20 billion yuan [4]."],
    ["decimal 万元 as millions", "Subsidies of 1.8035 million yuan (180.35万元) and 496,900 yuan went out [2]."],
    ["a Chinese year-month", "到2027年10月底,工厂将正式投运[4]。"],
    ["an English month and year", "The plant is due to start running by the end of October 2027 [4]."],
    ["the article's date in ISO form", "As of 2026-04-22, 10395 urban jobs had been added [1]."],
    ["the article's date in English", "On 22 April 2026 the paper reported 10,395 new urban jobs [1]."],
    ["今年3月 read with the article's year", "In March 2026 the company invited 39 graduates to sign [2]."],
    ["a quote with full-width punctuation against the ASCII-punctuated seed", "据报道，“今年以来，新增城镇就业10395人，农村劳动力外出务工8710人。”[1]"],
    ["a quote with an omission", "“今年以来……农村劳动力外出务工8710人”[1]"],
    ["the paper's name in title marks", "据《昌吉日报》报道,新增城镇就业10395人[1]。"],
    ["several sources in one marker", "10395 urban jobs [1, 2]; 39 graduates were invited [2]."],
    ["full-width brackets", "新增城镇就业10395人【1】。"],
    ["list numbering is layout, not a figure", "1. 10395 urban jobs [1]\n2. 8710 rural workers [1]"],
  ])("%s", (_, text) => {
    expect(verifyGrounded(text, SOURCES)).toEqual({ ok: true });
  });
});

describe("verifyGrounded rejects answers that say more than the passages", () => {
  it.each([
    ["a figure no passage states", "Changji added 12,000 urban jobs this year [1].", /number “12,000” \(12000\)/],
    ["a rounded figure", "Subsidies of about 1.8 million yuan went out [2].", /1\.8 million/],
    ["a wrong scale for 亿", "The company plans to invest 40 billion yuan this year [4].", /40 billion/],
    ["a figure from a passage it does not cite", "累计培训群众1.45万人次[1]。", /1\.45万/],
    ["a source that does not exist", "10395人[5]。", /cites \[5\] but there are 4 sources/],
    ["source zero (markers are 1-based)", "10395人[0]。", /cites \[0\]/],
    ["no source cited at all", "10395人。", /cites no source/],
    ["a reply that the passages don't say", "The articles don't say.", /cites no source/],
    ["the wrong month", "The plant is due to start running in November 2027 [4].", /November 2027/],
    ["the wrong year in Chinese", "到2028年10月底投运[4]。", /2028年10月/],
    ["a day the article does not give", "On 23 April 2026 the paper reported 10,395 new jobs [1].", /23 April 2026/],
    ["a paraphrase passed off as a quote", "报道称“全州就业形势持续向好”[1]。", /quote “全州就业形势持续向好”/],
    ["a figure rounded into Chinese numerals", "今年以来新增城镇就业一万余人[1]。", /number “一万余人” \(10000\)/],
    ["a made-up paper name", "据《昌吉晚报》报道,新增城镇就业10395人[1]。", /昌吉晚报/],
    ["an empty answer", "   ", /empty answer/],
  ])("%s", (_, text, reason) => {
    const verdict = verifyGrounded(text, SOURCES);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? "" : verdict.reason).toMatch(reason);
  });

  it("counts sources in the reason (one source)", () => {
    expect(verifyGrounded("10395人[2]。", [JOBS])).toEqual({ ok: false, reason: "cites [2] but there is 1 source" });
  });

  it("ignores English quotes, which translate rather than copy", () => {
    expect(verifyGrounded('The report says "employment is the foundation of livelihoods" [1].', SOURCES)).toEqual({ ok: true });
  });
});

describe("verifyGrounded with percentages and an undated article", () => {
  it.each([
    ["a percentage in words", "Hazards are fixed on time in 100 percent of cases; 606 major hazards were cleared [1].", true],
    ["a percentage sign", "确保100%限期整改,已排查整治重大事故隐患606项[1]。", true],
    ["a month and day as printed", "On December 10 the prefecture reported the figures [1].", true],
    ["a month range read as its months", "From January to November (1—11月), accidents fell [1].", true],
    ["a year the undated source does not give", "On December 10, 2026 the prefecture reported the figures [1].", false],
    ["a different percentage", "Hazards are fixed on time in 99% of cases [1].", false],
  ] as const)("%s", (_, text, ok) => {
    expect(verifyGrounded(text, [SAFETY]).ok).toBe(ok);
  });
});

describe("verifyGrounded on a streamed prefix (partial)", () => {
  it("does not yet require a marker, but still checks figures against all sources", () => {
    expect(verifyGrounded("10395人。", [JOBS, OLEFIN], { partial: true })).toEqual({ ok: true });
    expect(verifyGrounded("12000人。", [JOBS, OLEFIN], { partial: true }).ok).toBe(false);
  });

  it("skips a quote that is still open", () => {
    expect(verifyGrounded("据报道，“今年以来，新增城镇", [JOBS], { partial: true })).toEqual({ ok: true });
  });

  it("still rejects a marker beyond the sources", () => {
    expect(verifyGrounded("1.45万人次[3]。", [TRAINING, JOBS], { partial: true }).ok).toBe(false);
  });
});

describe("matchesLanguage", () => {
  it.each([
    ["zh", "10395人。今年以来新增城镇就业10395人[1]。", true],
    ["zh", "Changji added 10,395 urban jobs [1].", false],
    ["en", "Changji added 10,395 urban jobs [1].", true],
    ["en", "10,395 people: “今年以来,新增城镇就业10395人,农村劳动力外出务工8710人。”[1]", true],
    ["en", "今年以来新增城镇就业10395人[1]。", false],
  ] as const)("%s: %s → %s", (lang, text, expected) => {
    expect(matchesLanguage(text, lang)).toBe(expected);
  });
});
