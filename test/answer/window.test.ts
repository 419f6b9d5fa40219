import { describe, expect, it } from "vitest";
import type { Concept } from "../../src/answer/concepts.js";
import { createPassageFinder } from "../../src/answer/passages.js";
import { rankSentences } from "../../src/answer/select.js";
import type { Article, Passage } from "../../src/ingest/types.js";
import type { ArticleHit } from "../../src/retrieve/hybrid.js";

/**
 * Two-sentence windows: the sentence that paraphrases the question and the next one of its
 * paragraph, scored and quoted as one (the answer often follows the paraphrase).
 */
const first = "乍都节公园位于曼谷。1980年公园开放。它的面积约为0.304平方公里。";
const second = "公园里有湖。";
const article: Article = { id: "a#1", source: "a", paper: null, date: null, page: null, headline: "乍都节公园", subheadline: null, byline: null, paragraphs: [first, second], captions: [] };
const body = article.paragraphs.join("\n");
const passages: Passage[] = [{ id: 0, articleId: "a#1", text: body, start: 0, end: body.length, embedText: body }];
const hit: ArticleHit = { article, score: 1, passages: [{ passage: passages[0]!, score: 1 }] as ArticleHit["passages"] };
const concept = (label: string, weight = 1): Concept => ({ label, alternatives: [label], weight, anchor: false });

describe("two-sentence windows", () => {
  const ranked = rankSentences([hit], [concept("公园"), concept("开放")], "other");
  const opening = ranked.find((s) => s.sentence.text === "1980年公园开放。")!;

  it("joins a sentence with the next one of its paragraph, as the body spells them", () => {
    expect(opening.window?.sentence.text).toBe("1980年公园开放。它的面积约为0.304平方公里。");
    expect(body.slice(opening.window!.sentence.start, opening.window!.sentence.end)).toBe(opening.window!.sentence.text);
  });

  it("scores the window over both sentences (a figure only the second gives)", () => {
    const area = rankSentences([hit], [concept("公园"), concept("开放")], "amount", { unit: null });
    const withArea = area.find((s) => s.sentence.text === "1980年公园开放。")!;
    expect(withArea.window?.figure?.text).toContain("0.304");
  });

  it("never joins across paragraphs, and a window has no window of its own", () => {
    const last = ranked.find((s) => s.sentence.text.startsWith("它的面积"))!;
    expect(last.window).toBeNull();
    expect(opening.window?.window).toBeNull();
  });

  it("cites a passage that holds the window's quote", () => {
    const passageFor = createPassageFinder(passages);
    expect(passageFor(hit, opening.window!.sentence)).toContain(opening.window!.sentence.text);
  });
});
