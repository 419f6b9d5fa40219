import { describe, expect, it } from "vitest";
import { QaError } from "../../src/errors.js";
import { KeywordIndex } from "../../src/retrieve/bm25.js";
import { createTokenizer } from "../../src/retrieve/tokenize.js";
import { SEED_PASSAGES } from "./fixtures/seed-passages.js";

const tokenizer = createTokenizer();
const build = (docs = SEED_PASSAGES, options = {}) => KeywordIndex.fromDocuments(docs, { tokenizer, ...options });
const ids = (hits: { id: number }[]) => hits.map((hit) => hit.id);
const QUERIES = ["新增城镇就业", "天池滑雪场", "准东煤制烯烃项目", "吉木萨尔县", "呼图壁", "2027年", "木垒 小麦", "退役军人"];

describe("KeywordIndex", () => {
  const index = build();

  it("ranks the passage that answers the question first", () => {
    expect(index.search("新增城镇就业", 3)[0]?.id).toBe(1);
    expect(index.search("天池滑雪场", 3)[0]?.id).toBe(4);
    expect(index.search("煤制烯烃", 3)[0]?.id).toBe(6);
    expect(index.search("吉木萨尔", 3)[0]?.id).toBe(10);
    expect(index.search("2027年", 3)[0]?.id).toBe(7);
  });

  it("reports which query terms each hit contains", () => {
    const [top] = index.search("新增城镇就业", 1);
    expect(top?.matched).toEqual(expect.arrayContaining(["新增", "城镇", "就业"]));
    const hits = index.search("就业 天池", 10);
    expect(hits.find((hit) => hit.id === 1)?.matched).toEqual(["就业"]);
    expect(hits.find((hit) => hit.id === 4)?.matched).toEqual(["天池"]);
  });

  it("returns at most k hits, best first, and nothing for unknown words", () => {
    const hits = index.search("就业", 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    expect(index.search("宇宙飞船", 5)).toEqual([]);
    expect(index.search("就业", 0)).toEqual([]);
  });

  it("scores sanely: more query terms matched, more occurrences and shorter passages score higher", () => {
    const docs = [
      { id: 1, text: "滑雪场 就业" },
      { id: 2, text: "滑雪场" },
      { id: 3, text: "滑雪场 滑雪场 公园" },
      { id: 4, text: "滑雪场 公园 广场" },
      { id: 5, text: "滑雪场 公园 广场 商店 餐厅" },
      { id: 6, text: "无关" },
    ];
    const small = build(docs);
    const score = (q: string, id: number) => small.search(q, 10).find((hit) => hit.id === id)?.score ?? 0;
    expect(score("滑雪场 就业", 1)).toBeGreaterThan(score("滑雪场", 1));
    expect(score("滑雪场", 3)).toBeGreaterThan(score("滑雪场", 4));
    expect(score("滑雪场", 2)).toBeGreaterThan(score("滑雪场", 5));
    expect(score("滑雪场", 6)).toBe(0);
    // With b = 0 passage length no longer matters.
    const flat = build(docs, { b: 0 });
    const flatScore = (id: number) => flat.search("滑雪场", 10).find((hit) => hit.id === id)?.score;
    expect(flatScore(2)).toBeCloseTo(flatScore(5)!, 10);
  });

  it("takes weighted terms, e.g. from the English bridge, and reports the terms that hit", () => {
    const hits = index.search([{ text: "就业", weight: 1 }, { text: "滑雪场", weight: 3 }], 3);
    expect(hits[0]?.matched).toEqual(["滑雪场"]);
    expect(ids(index.search([{ text: "就业", weight: 3 }, { text: "滑雪场", weight: 1 }], 1))).not.toContain(4);
  });

  it("saves to JSON and loads back with identical results", () => {
    const loaded = KeywordIndex.fromJSON(JSON.parse(JSON.stringify(index)), tokenizer);
    expect(loaded.size).toBe(index.size);
    for (const q of QUERIES) expect(loaded.search(q, 5)).toEqual(index.search(q, 5));
  });

  it("refuses a saved index of another format version, saying how to rebuild", () => {
    const json = { ...index.toJSON(), version: KeywordIndex.VERSION + 1 };
    const error = (() => {
      try {
        KeywordIndex.fromJSON(json, tokenizer);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(QaError);
    expect(error).toMatchObject({ code: "INDEX_VERSION", hint: expect.stringContaining("npm run -s cli -- index") });
  });

  it("refuses a damaged saved index", () => {
    const json = { ...index.toJSON(), postings: "AAAA" };
    expect(() => KeywordIndex.fromJSON(json, tokenizer)).toThrow(expect.objectContaining({ code: "INDEX_CORRUPT" }));
    expect(() => KeywordIndex.fromJSON(null, tokenizer)).toThrow(QaError);
  });

  it("removes documents as if they had never been added", () => {
    const updated = build();
    expect(updated.remove(1)).toBe(true);
    expect(updated.remove(1)).toBe(false);
    expect(updated.has(1)).toBe(false);
    const without = build(SEED_PASSAGES.filter((doc) => doc.id !== 1));
    for (const q of QUERIES) expect(updated.search(q, 5)).toEqual(without.search(q, 5));
    expect(ids(updated.search("新增城镇就业", 5))).not.toContain(1);
    expect(updated.terms()).not.toContain("10395");
  });

  it("adds documents incrementally and replaces a document added twice", () => {
    const growing = build(SEED_PASSAGES.slice(0, 5));
    growing.search("就业", 1);
    for (const doc of SEED_PASSAGES.slice(5)) growing.add(doc.id, doc.text);
    growing.add(99, "临时文本");
    growing.add(99, "天池滑雪场 天池滑雪场");
    expect(growing.size).toBe(SEED_PASSAGES.length + 1);
    expect(growing.search("天池滑雪场", 1)[0]?.id).toBe(99);
    growing.remove(99);
    for (const q of QUERIES) expect(growing.search(q, 5)).toEqual(index.search(q, 5));
  });

  it("exposes its vocabulary and document frequencies", () => {
    expect(index.terms()).toEqual(expect.arrayContaining(["就业", "滑雪场", "10395人"]));
    expect(index.documentFrequency("滑雪场")).toBe(2);
    expect(index.documentFrequency("不存在")).toBe(0);
  });
});

describe("KeywordIndex ranking over many matching documents", () => {
  it("returns the top k in the order a full sort gives (score, then id), ties included", () => {
    const words = ["alpha", "beta", "gamma", "delta"];
    const tokenizer = (text: string) => text.split(" ");
    // Few distinct texts over many ids: long runs of equal scores, as in a repetitive archive.
    const docs = Array.from({ length: 3000 }, (_, id) => ({ id: (id * 7919) % 3000, text: words.slice(0, 1 + (id % 4)).concat(id % 5 ? [] : ["alpha"]).join(" ") }));
    const index = KeywordIndex.fromDocuments(docs, { tokenizer });
    for (const k of [1, 10, 40, 2999, 5000]) {
      const hits = index.search("alpha beta", k);
      const all = index.search("alpha beta", 100_000);
      expect(all.length).toBe(3000);
      for (let i = 1; i < all.length; i++) {
        const [a, b] = [all[i - 1]!, all[i]!];
        expect(a.score > b.score || (a.score === b.score && a.id < b.id)).toBe(true);
      }
      expect(hits).toEqual(all.slice(0, k));
    }
  });
});
