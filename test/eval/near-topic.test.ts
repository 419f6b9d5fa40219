import { describe, expect, it } from "vitest";
import { withoutAnswer } from "../../src/eval/near-topic.js";
import type { SquadArticle } from "../../src/eval/squad.js";

const article = (paragraphs: string[], questions: [string, string[], number][]): SquadArticle => ({
  title: "天山牧场",
  paragraphs,
  questions: questions.map(([id, answers, paragraph]) => ({ id, question: `${id}？`, answers, paragraph })),
});

describe("withoutAnswer", () => {
  it("takes out the sentence holding the first answer of a one-paragraph article, and every other sentence holding it", () => {
    const near = withoutAnswer(
      article(["牧场建于1990年。牧场有牛300头，羊500只。场长是李明。牧场去年存栏牛300头。草场面积2万亩。"], [
        ["cows", ["300头"], 0],
        ["sheep", ["500只"], 0],
        ["head", ["李明"], 0],
      ]),
    )!;
    expect(near.article.paragraphs).toEqual(["牧场建于1990年。场长是李明。草场面积2万亩。"]);
    expect([...near.unanswerable]).toEqual(["cows", "sheep"]);
  });

  it("takes out the first question's paragraph of a longer article", () => {
    const near = withoutAnswer(article(["第一段说牧场有牛300头。", "第二段说场长是李明。", "第三段说草场2万亩。"], [["cows", ["300头"], 0], ["head", ["李明"], 1]]))!;
    expect(near.article.paragraphs).toEqual(["第二段说场长是李明。", "第三段说草场2万亩。"]);
    expect([...near.unanswerable]).toEqual(["cows"]);
  });

  it("writes the article whole when the answer would take more than half of it, or stays in the title", () => {
    expect(withoutAnswer(article(["牧场有牛300头。"], [["cows", ["300头"], 0]]))).toBeNull();
    expect(withoutAnswer(article(["一共3个。另有3只。还有3头。草场2万亩。"], [["n", ["3"], 0]]))).toBeNull();
    expect(withoutAnswer(article(["天山牧场有牛300头。草场2万亩。场长李明。"], [["name", ["天山牧场"], 0]]))).toBeNull();
  });
});
