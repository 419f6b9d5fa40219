import { describe, expect, it } from "vitest";
import { QaError } from "../../src/errors.js";
import { chunkArticle, chunkArticles, parseArticles, type Article, type ChunkOptions, type Passage } from "../../src/ingest/index.js";
import { SEED_PREFIXES, seedName, seedText } from "./fixtures.js";

const articles = SEED_PREFIXES.flatMap((p) => parseArticles(seedName(p), seedText(p)));
const bodyOf = (a: Article) => a.paragraphs.join("\n");

function article(paragraphs: string[], headline = "标题"): Article {
  return {
    id: "t.txt#1",
    source: "t.txt",
    paper: null,
    date: null,
    page: null,
    headline,
    subheadline: null,
    byline: null,
    paragraphs,
    captions: [],
  };
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);
/** A sentence or clause boundary: what a passage may start after (or the start of the body). */
const BOUNDARY = /[。！？!?；;…”’」』）)》"'\n，、,：:]/u;

const settings: ChunkOptions[] = [
  { size: 300, overlap: 60 },
  { size: 120, overlap: 30 },
  { size: 80, overlap: 0 },
  { size: 500, overlap: 150 },
];

describe.each(settings)("chunkArticles on the real seeds, size $size overlap $overlap", (options) => {
  const passages = chunkArticles(articles, options);
  const byArticle = new Map<string, Passage[]>();
  for (const p of passages) byArticle.set(p.articleId, [...(byArticle.get(p.articleId) ?? []), p]);

  it("numbers passages densely from 0 in article order", () => {
    expect(passages.map((p) => p.id)).toEqual(passages.map((_, i) => i));
    expect([...byArticle.keys()]).toEqual(articles.map((a) => a.id));
  });

  it("puts every non-space character of every body into some passage", () => {
    for (const a of articles) {
      const body = bodyOf(a);
      const covered = new Array<boolean>(body.length).fill(false);
      for (const p of byArticle.get(a.id) ?? []) for (let i = p.start; i < p.end; i++) covered[i] = true;
      const missed = [...body].filter((ch, i) => !covered[i] && !/\s/.test(ch));
      expect(missed, a.id).toEqual([]);
    }
  });

  it("makes text the exact body span and embeds it under the headline", () => {
    for (const a of articles) {
      for (const p of byArticle.get(a.id) ?? []) {
        expect(p.text).toBe(bodyOf(a).slice(p.start, p.end));
        expect(p.embedText).toBe(`${a.headline}\n${p.text}`);
      }
    }
  });

  it("never cuts a number or a Latin word in two", () => {
    for (const a of articles) {
      const body = bodyOf(a);
      for (const p of byArticle.get(a.id) ?? []) {
        expect(isWordChar(body[p.start - 1]) && isWordChar(body[p.start]), `${a.id} @${p.start}`).toBe(false);
        expect(isWordChar(body[p.end - 1]) && isWordChar(body[p.end]), `${a.id} @${p.end}`).toBe(false);
      }
    }
  });

  it("keeps passages within size and starts them on sentence or clause boundaries", () => {
    for (const a of articles) {
      const body = bodyOf(a);
      for (const p of byArticle.get(a.id) ?? []) {
        expect(p.text.length).toBeLessThanOrEqual(options.size);
        expect(p.start === 0 || BOUNDARY.test(body[p.start - 1]!), `${a.id} @${p.start}`).toBe(true);
      }
    }
  });

  it("overlaps consecutive passages by whole sentences, at most `overlap` characters", () => {
    for (const list of byArticle.values()) {
      for (let i = 1; i < list.length; i++) {
        const [prev, next] = [list[i - 1]!, list[i]!];
        expect(next.start).toBeGreaterThan(prev.start);
        expect(next.end).toBeGreaterThan(prev.end);
        expect(prev.end - next.start).toBeLessThanOrEqual(options.overlap);
        if (options.overlap === 0) expect(next.start).toBeGreaterThanOrEqual(prev.end);
      }
    }
  });
});

describe("chunkArticle on constructed bodies", () => {
  it("repeats the previous passage's last sentence when it fits the overlap", () => {
    const sentences = ["第一句话在这里结束。", "第二句话也在这里结束。", "第三句话同样在这里结束。", "第四句话最后在这里结束。"];
    const passages = chunkArticle(article([sentences.join("")]), { size: 25, overlap: 12 }, 7);
    expect(passages.map((p) => p.text)).toEqual([
      "第一句话在这里结束。第二句话也在这里结束。",
      "第二句话也在这里结束。第三句话同样在这里结束。",
      "第三句话同样在这里结束。第四句话最后在这里结束。",
    ]);
    expect(passages.map((p) => p.id)).toEqual([7, 8, 9]);
  });

  it("cuts an over-long sentence at a comma, not inside a number", () => {
    const long = `${"甲".repeat(50)}，${"乙".repeat(40)}12345.67万元${"丙".repeat(30)}，${"丁".repeat(20)}。`;
    const passages = chunkArticle(article([long]), { size: 60, overlap: 0 }, 0);
    expect(passages.map((p) => p.text).join("")).toBe(long);
    expect(passages[0]!.text).toBe(`${"甲".repeat(50)}，`);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(60);
      expect(/[0-9]/.test(long[p.start - 1] ?? "") && /[0-9]/.test(long[p.start] ?? "")).toBe(false);
    }
  });

  it("cuts a comma-less sentence before a number it would split", () => {
    const long = `${"甲".repeat(55)}987654321${"乙".repeat(30)}。`;
    const passages = chunkArticle(article([long]), { size: 60, overlap: 0 }, 0);
    expect(passages.map((p) => p.text)).toEqual(["甲".repeat(55), `987654321${"乙".repeat(30)}。`]);
  });

  it("keeps a token longer than the passage size whole (the only oversized passage)", () => {
    const digits = "1".repeat(30);
    const passages = chunkArticle(article([`开头。${digits}。`]), { size: 20, overlap: 0 }, 0);
    expect(passages.map((p) => p.text)).toEqual(["开头。", `${digits}。`]);
  });

  it("cuts a token over four passage sizes (text without punctuation or spaces), keeping every character", () => {
    const body = "x".repeat(1000);
    const passages = chunkArticle(article([body]), { size: 20, overlap: 0 }, 0);
    expect(Math.max(...passages.map((p) => p.text.length))).toBe(80);
    expect(passages.map((p) => p.text).join("")).toBe(body);
  });

  it("does not treat a thousands separator as a place to cut", () => {
    const long = `${"甲".repeat(30)}共1,234,567元${"乙".repeat(30)}。`;
    const passages = chunkArticle(article([long]), { size: 40, overlap: 0 }, 0);
    expect(passages.some((p) => p.text.includes("1,234,567"))).toBe(true);
  });

  it("returns no passages for an empty body", () => {
    expect(chunkArticle(article([]), { size: 300, overlap: 60 }, 0)).toEqual([]);
  });
});

describe("chunking options", () => {
  it("defaults to size 300 and overlap 60", () => {
    const a = article(["句子。".repeat(400)]);
    const passages = chunkArticles([a]);
    expect(Math.max(...passages.map((p) => p.text.length))).toBe(300);
    expect(passages[0]!.end - passages[1]!.start).toBe(60);
  });

  it("rejects an overlap that is not smaller than the size", () => {
    const err = (() => {
      try {
        chunkArticles([article(["句子。"])], { size: 100, overlap: 100 });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(QaError);
    expect((err as QaError).code).toBe("CONFIG_INVALID");
    expect((err as QaError).hint).toMatch(/CHUNK_OVERLAP/);
  });
});
