import { describe, expect, it } from "vitest";
import type { Concept } from "../../src/answer/concepts.js";
import { localWeights } from "../../src/answer/local.js";
import type { Article } from "../../src/ingest/types.js";

/**
 * Within-article weights: a question word the article repeats in most sentences (its topic) tells
 * its sentences apart less than one it names once.
 */
const article: Article = {
  id: "a#1",
  source: "a.txt",
  paper: null,
  date: null,
  page: null,
  headline: "公理书院",
  subheadline: null,
  byline: null,
  paragraphs: ["公理书院是一间高中书院。公理书院位于铜锣湾。公理书院创办于1911年。", "现任校长为阮女士。"],
  captions: [],
};
const concept = (label: string, weight = 1): Concept => ({ label, alternatives: [label], weight, anchor: false });

describe("localWeights", () => {
  const local = localWeights(article, [concept("公理书院"), concept("校长")], [
    { pair: "公理", weight: 1 },
    { pair: "校长", weight: 1 },
  ]);

  it("weighs the word one sentence names above the topic every sentence names", () => {
    const topic = local.coverage("公理书院是一间高中书院。");
    const answer = local.coverage("现任校长为阮女士。");
    expect(answer).toBeGreaterThan(topic);
    expect(topic + answer).toBeCloseTo(1);
  });

  it("does the same over character pairs", () => {
    expect(local.pairRecall("现任校长为阮女士。")).toBeGreaterThan(local.pairRecall("公理书院位于铜锣湾。"));
  });

  it("gives nothing for a word the article never uses, and 0 when it uses none", () => {
    const none = localWeights(article, [concept("农场")], []);
    expect(none.coverage("现任校长为阮女士。")).toBe(0);
    expect(none.pairRecall("现任校长为阮女士。")).toBe(0);
  });
});
