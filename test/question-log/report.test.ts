import { describe, expect, it } from "vitest";
import { describeReport } from "../../src/question-log/describe.js";
import { buildReport, parseSince } from "../../src/question-log/report.js";
import { bigrams, groupSimilar, jaccard } from "../../src/question-log/similar.js";
import type { LoggedQuestion } from "../../src/question-log/types.js";

let nextId = 1;
function row(overrides: Partial<LoggedQuestion>): LoggedQuestion {
  return {
    id: nextId++, at: new Date("2026-12-03T09:00:00Z"), frontEnd: "bot", chat: "private", lang: "zh", intent: "fact",
    question: "问题", reply: "answer", answer: "回答", articles: [], build: "b", latencyMs: 10, feedback: null, ...overrides,
  };
}

describe("similar wording", () => {
  it("compares character bigrams, ignoring punctuation, spaces and case", () => {
    expect([...bigrams("Ab, c！")]).toEqual(["ab", "bc"]);
    expect(jaccard(bigrams("What is it?"), bigrams("what is it"))).toBe(1);
    expect(jaccard(bigrams("昌吉州2023年新增城镇就业多少人？"), bigrams("2023年昌吉州新增就业多少人"))).toBeGreaterThanOrEqual(0.5);
    expect(jaccard(bigrams("昌吉州今年新增城镇就业多少人？"), bigrams("昌吉州今年农村劳动力外出务工多少人？"))).toBeLessThan(0.5);
  });

  it("groups a reworded question with its first wording; the threshold is an option", () => {
    const texts = ["昌吉州2023年新增城镇就业多少人？", "火锅店在哪里？", "2023年昌吉州新增就业多少人", "火锅店在哪"];
    expect(groupSimilar(texts)).toEqual([[0, 2], [1, 3]]);
    expect(groupSimilar(texts, { threshold: 0.99 })).toEqual([[0], [1], [2], [3]]);
  });
});

describe("the report", () => {
  const from = new Date("2026-12-01T00:00:00Z");
  const to = new Date("2026-12-03T12:00:00Z");
  const rows = [
    row({ at: new Date("2026-12-01T08:00:00Z"), question: "就业多少人？", articles: ["a#1", "a#2"], latencyMs: 40 }),
    row({ at: new Date("2026-12-01T09:00:00Z"), question: "就业人数？", articles: ["a#1"], feedback: "down", answer: "10395人" }),
    row({ at: new Date("2026-12-03T08:00:00Z"), question: "昌吉州2023年新增城镇就业多少人？", reply: "evidence", articles: ["a#1"], latencyMs: 300 }),
    row({ at: new Date("2026-12-03T09:00:00Z"), question: "2023年昌吉州新增就业多少人", reply: "refusal", feedback: "up" }),
    row({ at: new Date("2026-12-03T10:00:00Z"), question: "What is new?", lang: "en", intent: "latest", articles: ["a#1", "a#2", "a#3"] }),
    row({ at: new Date("2026-11-30T10:00:00Z"), question: "before the period" }),
  ];
  const report = buildReport(rows, { from, to, headlineOf: (id) => (id === "a#1" ? "就业惠民" : null) });

  it("counts per day (every day of the period), reply kinds, languages and votes", () => {
    expect(report.questions).toBe(5);
    expect(report.perDay.map((d) => [d.day, d.questions, d.answer, d.evidence, d.refusal])).toEqual([
      ["2026-12-01", 2, 2, 0, 0],
      ["2026-12-02", 0, 0, 0, 0],
      ["2026-12-03", 3, 1, 1, 1],
    ]);
    expect(report.replies).toEqual({ answer: 3, evidence: 1, refusal: 1 });
    expect(report.languages).toEqual({ zh: 4, en: 1 });
    expect(report.feedback).toEqual({ up: 1, down: 1 });
  });

  it("ranks topics by the articles facts cited (not a whole issue's list), groups the unanswered, lists 👎 and the slowest", () => {
    expect(report.topics).toEqual([
      { articleId: "a#1", headline: "就业惠民", questions: 3 },
      { articleId: "a#2", headline: "a#2", questions: 1 },
    ]);
    expect(report.unanswered).toEqual([{ question: "昌吉州2023年新增城镇就业多少人？", count: 2, wordings: ["2023年昌吉州新增就业多少人"], last: "2026-12-03T09:00:00.000Z" }]);
    expect(report.disliked).toEqual([{ at: "2026-12-01T09:00:00.000Z", question: "就业人数？", reply: "answer", answer: "10395人" }]);
    expect(report.slowest[0]).toMatchObject({ question: "昌吉州2023年新增城镇就业多少人？", latencyMs: 300 });
  });

  it("reads as lines for a terminal or a chat", () => {
    const lines = describeReport(report);
    expect(lines[0]).toBe("Questions 2026-12-01 – 2026-12-03 (UTC): 5 (answer 3, evidence 1, refusal 1); 👍 1, 👎 1.");
    expect(lines).toContain("  2 × 昌吉州2023年新增城镇就业多少人？ — also: “2023年昌吉州新增就业多少人” (last 2026-12-03)");
    expect(lines).toContain("  2026-12-01 09:00 就业人数？ → [answer] 10395人");
  });

  it("takes --since as a span or a day", () => {
    const now = new Date("2026-12-06T12:00:00Z");
    expect(parseSince("7d", now)!.toISOString()).toBe("2026-11-29T12:00:00.000Z");
    expect(parseSince("24h", now)!.toISOString()).toBe("2026-12-05T12:00:00.000Z");
    expect(parseSince("2026-12-01", now)!.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(parseSince("soon", now)).toBeNull();
    expect(parseSince("2026-13-01", now)).toBeNull();
  });
});
