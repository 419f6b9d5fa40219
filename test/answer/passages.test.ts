import { describe, expect, it } from "vitest";
import { createPassageFinder } from "../../src/answer/passages.js";
import type { Article, Passage } from "../../src/ingest/types.js";
import type { ArticleHit } from "../../src/retrieve/hybrid.js";

const body = "第一句话在这里。第二句话讲就业。第三句话给出10395人。第四句收尾。";
const article: Article = { id: "a#1", source: "a", paper: null, date: null, page: null, headline: "h", subheadline: null, byline: "本报记者 杨鹤", paragraphs: [body], captions: [] };
const passage = (id: number, start: number, end: number): Passage => ({ id, articleId: "a#1", text: body.slice(start, end), start, end, embedText: body.slice(start, end) });
const span = (text: string) => ({ text, start: body.indexOf(text), end: body.indexOf(text) + text.length });
// Passages [0, 16) and [16, 34): the third sentence is in the second only.
const passages = [passage(0, 0, 16), passage(1, 16, body.length), passage(2, 0, 3)];
const hitWith = (...ids: number[]): ArticleHit => ({ article, score: 1, passages: ids.map((id) => ({ passage: passages[id]!, score: 1 })) as ArticleHit["passages"] });

describe("createPassageFinder", () => {
  const passageFor = createPassageFinder(passages);

  it("takes the retrieved passage that holds the sentence", () => {
    expect(passageFor(hitWith(0, 1), span("第三句话给出10395人。"))).toBe(passages[1]!.text);
  });

  it("takes the article's own passage holding the sentence when the retrieved one does not (never a neighbour)", () => {
    const shown = passageFor(hitWith(0), span("第三句话给出10395人。"));
    expect(shown).toBe(passages[1]!.text);
    expect(shown).toContain("10395");
  });

  it("spans the passages a sentence the chunker cut runs across", () => {
    const cut = createPassageFinder([passage(0, 0, 12), passage(1, 12, body.length)]);
    expect(cut(hitWith(), span("第二句话讲就业。"))).toBe(body);
  });

  it("shows the byline alone (it is outside the body)", () => {
    expect(passageFor(hitWith(0), { text: "本报记者 杨鹤", start: -1, end: -1 })).toBe("本报记者 杨鹤");
  });
});
