import { beforeAll, describe, expect, it } from "vitest";
import { toJsonContract } from "../../src/answer/types.js";
import type { QaService } from "../../src/core/types.js";
import { openFixtureService } from "../helpers/fixture-index.js";

const JOBS = "003_2a3bfdafac07cb06.txt";

describe("answering questions through the real pipeline (seeds, index, fixture model)", () => {
  let qa: QaService;
  beforeAll(async () => {
    qa = await openFixtureService();
  });

  it("answers a Chinese figure question with the figure first and its citation", async () => {
    const a = await qa.answer("昌吉州今年新增城镇就业多少人？");
    expect(a.found).toBe(true);
    expect(a.figure).toBe("10395人");
    expect(a.answer.startsWith("10395人（截至2026-04-22）")).toBe(true);
    expect(a.asOf).toBe("2026-04-22");
    expect(a.citations[0]).toMatchObject({ source: JOBS, paper: "昌吉日报", date: "2026-04-22" });
    expect(a.citations[0]!.quote).toContain("新增城镇就业10395人");
  });

  it("answers the same question in English, in English framing with the Chinese quote", async () => {
    const a = await qa.answer("How many jobs did Changji add this year?");
    expect(a.found).toBe(true);
    expect(a.lang).toBe("en");
    expect(a.answer).toMatch(/^10,395 people \(10395人\) as of 2026-04-22, according to 昌吉日报/);
    expect(a.citations[0]!.source).toBe(JOBS);
  });

  it("counts people with a figure, not with the 一人 of a set phrase, and no verb as the thing counted", async () => {
    // The jobs page also says 建立专项帮扶台账…确保帮扶不漏一人 ("found" reads 建立; 一人 is "a person").
    const a = await qa.answer("How many people found urban jobs in Changji this year?");
    expect(a.found).toBe(true);
    expect(a.figure).toBe("10395人");
    expect(a.citations[0]!.source).toBe(JOBS);
  });

  it("leads with the figure next to the words asked about, not another figure in the sentence", async () => {
    const a = await qa.answer("昌吉州今年农村劳动力外出务工多少人？");
    expect(a.figure).toBe("8710人");
  });

  it("reads an address's larger places as the way to its last one, not as a smaller place than asked", async () => {
    // The page: 昌吉市建国路街道水林社区党委书记冯文璐 — 建国路街道 holds 水林社区, the place asked about.
    const a = await qa.answer("Who is the party secretary of the Shuilin community?");
    expect(a.reply).toBe("answer");
    expect(a.figure).toBe("冯文璐");
  });

  it("does not give a county the prefecture's figure in English either", async () => {
    // The jobs report gives 昌吉州's 10395人 and never names 呼图壁县 (Hutubi county).
    expect((await qa.answer("How many new urban jobs did Changji add?")).figure).toBe("10395人");
    const county = await qa.answer("How many new urban jobs did Hutubi county add?");
    expect(county.figure).toBeNull();
  });

  it("gives no other county's bureau head for the one asked, in English too", async () => {
    // The page names 奇台县退役军人事务局局长杨长锁 only.
    expect((await qa.answer("Who heads the Qitai county veterans affairs bureau?")).figure).toBe("杨长锁");
    expect((await qa.answer("Who heads the Jimsar county veterans affairs bureau?")).figure).toBeNull();
  });

  it("gives no other fire zone's figure for the one a name asks about (老君庙火区's drilling for 将军庙)", async () => {
    expect((await qa.answer("How many metres of drilling have been done at the Laojunmiao fire zone?")).figure).toBe("98653米");
    expect((await qa.answer("How many metres of drilling have been done at the Jiangjunmiao fire zone?")).figure).toBeNull();
  });

  it("reads a village or a town the reader names as that rank: 新户镇's wheat is no figure of a 新户村", async () => {
    expect((await qa.answer("How many mu of winter wheat did Xinhu town plant?")).figure).toBe("4.3万亩");
    expect((await qa.answer("How many mu of winter wheat did Xinhu village plant?")).figure).toBeNull();
  });

  it("counts in whatever measure word the papers use (列 for train trips)", async () => {
    expect((await qa.answer("中欧班列累计开行突破多少列？")).figure).toBe("10万列");
  });

  it("does not give one city's trains the national figure: a place the question names must be the sentence's or the article's", async () => {
    // 中欧班列（武汉） is quoted once in the report; its 10万列 counts every China–Europe train.
    for (const question of ["武汉的中欧班列累计开行了多少列？", "中欧班列（武汉）累计开行突破多少列？"]) {
      const a = await qa.answer(question);
      expect(a.reply).toBe("evidence");
      expect(a.figure).toBeNull();
    }
    // The company's 新疆 is named once, in the report's first sentence: the story's own place.
    expect((await qa.answer("新疆裕隆丰源气体有限公司碳捕集与氢能综合利用项目总投资多少？")).figure).toBe("1.26亿元");
  });

  it("does not answer how much hydrogen with the project's investment in the same sentence", async () => {
    // 该项目总投资1.26亿元，可年生产…氢气2000吨: 氢 is what is counted, and 1.26亿元 does not measure it.
    const a = await qa.answer("碳捕集项目一年能产多少氢？");
    expect(a.figure).not.toBe("1.26亿元");
    expect(a.figure === null || a.figure.endsWith("吨")).toBe(true);
  });

  it("reads 共有 as part of the question, not as the thing asked about", async () => {
    expect((await qa.answer("昌吉州总工会实施的创新项目共有多少项？")).figure).toBe("2.6万项");
  });

  it("does not answer a Chinese question about one thing with a sibling that shares a character", async () => {
    // The farm reports 奶牛存栏数近千头 (dairy cows); 肉牛 (beef cattle) shares only 牛.
    const a = await qa.answer("正飞牛业有多少头肉牛？");
    expect(a.found).toBe(false);
    expect(a.figure).toBeNull();
  });

  it("reads a lead sentence with its headline: the headline names the event the lead dates", async () => {
    // Headline: 天山天池国际滑雪场开板…; lead: 本报讯…12月1日，伴随响亮的汽笛声… (no 开板 in it).
    // The lead sentence is quoted — an answer, or evidence where the fitted lead layer doubts the
    // date (values.test.ts checks the hand-set reading leads with it) — and no other date leads.
    const reply = await qa.answer("天山天池国际滑雪场什么时候开板？");
    expect(reply.reply).not.toBe("refusal");
    expect(reply.citations[0]?.quote).toContain("12月1日");
    expect([null, "12月1日"]).toContain(reply.figure);
  });

  it("answers 'when' with the day, and 'which year' with the year", async () => {
    // 11月5日上午，2024年昌吉州全民终身学习活动周开幕式举行: 2024年 is part of the event's name.
    expect((await qa.answer("全民终身学习活动周开幕式什么时候举行？")).figure).toBe("11月5日");
    expect((await qa.answer("傲农公司哪一年成立？")).figure).toBe("2014年");
  });

  it("says plainly when the articles do not cover a topic, citing nothing", async () => {
    const farOff = ["明天乌鲁木齐天气怎么样？", "Who won the 2022 World Cup?", "What is the price of Bitcoin today?", "Who is the president of France?"];
    // Names the dictionary spells (世界杯, 哈利·波特, 奥运) and no page does, whatever loose readings their words
    // have; a name beside an abbreviation (CEO of Apple) is no half-spelled institution name.
    const absentNames = ["Who won the World Cup?", "Who wrote Harry Potter?", "Who won the 2022 Olympics?", "Who is the CEO of Apple?"];
    for (const question of [...farOff, ...absentNames]) {
      const a = await qa.answer(question);
      expect(a.found, question).toBe(false);
      expect(a.figure).toBeNull();
    }
  });

  it("refuses the same figure asked for another year instead of answering with a nearby one", async () => {
    const a = await qa.answer("昌吉州2023年新增城镇就业多少人？");
    expect(a.found).toBe(false);
    expect(a.answer).not.toMatch(/^10395/);
  });

  it("dates an undated page's sentence by the month it names beside it and the year in force there, and by nothing else", async () => {
    // 12月1日，…开板。2024—2025冰雪季，…当日共接待1700余名: the page carries no issue date.
    expect((await qa.answer("How many skiers came to the Tianchi ski resort on its opening day in December 2024?")).figure).toMatch(/^1700/);
    const otherYear = await qa.answer("How many skiers came to the Tianchi ski resort on its opening day in December 2023?");
    expect(otherYear.figure).toBeNull();
  });

  it("keeps the ask --json contract: exactly question, answer, found, citations, intent, reply", async () => {
    const json = toJsonContract(await qa.answer("天山天池国际滑雪场共有几条雪道？")) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["question", "answer", "found", "citations", "intent", "reply"]);
    expect(json.reply).toBe("answer");
    const [first] = json.citations as Record<string, unknown>[];
    expect(Object.keys(first!)).toEqual(["source", "paper", "date", "headline", "quote", "score"]);
  });

  it("rejects empty, symbol-only and over-long questions with a code and a hint", async () => {
    await expect(qa.answer("   ")).rejects.toMatchObject({ code: "EMPTY_QUESTION" });
    await expect(qa.answer("？？！！😀😀")).rejects.toMatchObject({ code: "EMPTY_QUESTION" });
    await expect(qa.answer("就业".repeat(5000))).rejects.toMatchObject({ code: "QUESTION_TOO_LONG", hint: expect.any(String) });
  });

  it("handles mixed-script questions", async () => {
    const a = await qa.answer("Changji 新增城镇就业 how many?");
    expect(a.found).toBe(true);
    expect(a.citations[0]!.source).toBe(JOBS);
  });
});
