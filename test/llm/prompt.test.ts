import { describe, expect, it } from "vitest";
import { buildMessages, systemPrompt } from "../../src/llm/prompt.js";
import { JOBS, OLEFIN, SAFETY } from "./citations.js";

describe("systemPrompt", () => {
  it.each([
    ["zh", "简体中文", "现有报道中没有找到这个问题的答案。"],
    ["en", "English", "The articles don't say."],
  ] as const)("%s: names the answer language and the don't-know reply", (lang, language, dontKnow) => {
    const p = systemPrompt(lang);
    expect(p).toContain(`Write the answer in ${language}`);
    expect(p).toContain(dontKnow);
  });

  it("states the rules the verifier enforces", () => {
    const p = systemPrompt("en");
    expect(p).toMatch(/ONLY the numbered passages/);
    expect(p).toMatch(/\[1\]/);
    expect(p).toMatch(/Lead with the figure/);
    expect(p).toMatch(/never round/);
  });
});

describe("buildMessages", () => {
  it("numbers the passages as the reader sees the sources, each with paper, date and headline", () => {
    const [system, user] = buildMessages(" How long until the olefin plant runs? ", "en", [OLEFIN, JOBS]);
    expect(system).toEqual({ role: "system", content: systemPrompt("en") });
    expect(user?.role).toBe("user");
    expect(user?.content.startsWith("Question: How long until the olefin plant runs?\n\nPassages:\n\n[1] 昌吉日报 · 2026-04-22 · 《煤“化”新材料")).toBe(true);
    expect(user?.content.indexOf(OLEFIN.passage)).toBeLessThan(user!.content.indexOf("[2] 昌吉日报"));
    expect(user?.content.endsWith(JOBS.passage)).toBe(true);
  });

  it("says so when the paper's date is unknown, rather than leaving a gap", () => {
    const [, user] = buildMessages("隐患整改率是多少？", "zh", [SAFETY]);
    expect(user?.content).toContain("[1] 昌吉日报 · (undated) · 《昌吉州举行2025年安全生产工作新闻发布会》");
  });
});
