import { describe, expect, it } from "vitest";
import { answerChineseNumbers, chineseValue, sourceChineseNumbers } from "../../src/llm/chinese-numerals.js";

describe("chineseValue", () => {
  it.each([
    ["十", 10], ["十五", 15], ["二十", 20], ["一百零五", 105], ["两千", 2000], ["一万五千", 15000],
    ["三万五千", 35000], ["一亿五千万", 150_000_000], ["两万亿", 2e12], ["二〇二六", 2026], ["千", 1000], ["万", 10000],
  ] as const)("%s = %d", (run, value) => {
    expect(chineseValue(run)).toBe(value);
  });
});

describe("answerChineseNumbers reads counted figures, not words", () => {
  it.each([
    ["新增城镇就业一万余人", [10000]],
    ["十余台造雪机", [10]],
    ["十余万人次", [100000]],
    ["两千名学生", [2000]],
    ["一家企业、两个阶段", []], // a lone 一…九 is "a" or "one"
    ["十分重要，千万不要", []], // idioms: no measure word follows
    ["三月份", []], // dates are not counts
  ] as const)("%s → %j", (text, values) => {
    expect(answerChineseNumbers(text).map((n) => n.value)).toEqual(values);
  });
});

describe("sourceChineseNumbers", () => {
  it("reads every run, generously (a source only widens what an answer may say)", () => {
    expect(sourceChineseNumbers("数百名滑雪爱好者，十余台造雪机，千家万户，一头连着民生")).toEqual([100, 10, 1000, 10000, 1]);
  });
});
