import { describe, expect, it } from "vitest";
import { askedQualifiers, clozeContext, clozeFit, qualifierConflict, questionTriples, trigramRecall } from "../../src/answer/cloze.js";

describe("clozeContext / clozeFit", () => {
  it("reads the words on either side of the question word", () => {
    expect(clozeContext("谁在分区轮输给了野马队？")).toEqual({ left: "", right: "在分区轮输给" });
    expect(clozeContext("尤金袋鼠分布在哪些地区？")).toEqual({ left: "金袋鼠分布在", right: "地区" });
    expect(clozeContext("Who won?")).toBeNull();
  });

  it("keeps the 为 of 即算为什么: why questions are not cloze", () => {
    expect(clozeContext("生命数耗完即算为什么？")?.left).toBe("数耗完即算为");
  });

  it("finds both sides in order around a short answer, and not in a sentence that lacks them", () => {
    const context = clozeContext("尤金袋鼠分布在哪些地区？");
    expect(clozeFit(context, "尤金袋鼠分布在澳洲南部岛屿及西岸地区。")).toEqual({ left: 1, right: 1, inOrder: 1 });
    expect(clozeFit(context, "牠们每季在袋鼠岛都大量繁殖。").inOrder).toBe(0);
  });
});

describe("qualifierConflict", () => {
  it("holds when the text names another phase, edition or year and never the asked one", () => {
    expect(qualifierConflict(askedQualifiers("项目二期投资多少？"), "一期投资接近200亿元。")).toBe(true);
    expect(qualifierConflict(askedQualifiers("第一届竞赛在哪里落幕？"), "第二届竞赛在石河子大学落幕。")).toBe(true);
    expect(qualifierConflict(askedQualifiers("2023年新增就业多少人？"), "2026年新增就业10395人。")).toBe(true);
  });

  it("does not hold when the asked qualifier is there too, or none of its kind is named", () => {
    expect(qualifierConflict(askedQualifiers("项目二期投资多少？"), "一期投资200亿元，二期投资100亿元。")).toBe(false);
    expect(qualifierConflict(askedQualifiers("项目二期投资多少？"), "项目投资接近200亿元。")).toBe(false);
    expect(qualifierConflict(askedQualifiers("项目投资多少？"), "一期投资接近200亿元。")).toBe(false);
    expect(qualifierConflict(askedQualifiers("工期多久？"), "建设期间，一期工程完工。")).toBe(false);
  });
});

describe("trigramRecall", () => {
  it("is the share of the question's character triples in the sentence", () => {
    expect(trigramRecall(questionTriples("野马队击败了谁？"), "野马队击败了钢人队。")).toBe(1);
    expect(trigramRecall(questionTriples("野马队击败了谁？"), "钢人队输了。")).toBe(0);
  });
});
