import { describe, expect, it } from "vitest";
import { AnswerButtons } from "../../src/bot/buttons.js";
import { MESSAGE_LIMIT, splitHtml } from "../../src/bot/html.js";
import { renderArticleHtml } from "../../src/bot/news-render.js";
import type { Article } from "../../src/ingest/types.js";
import { answer, citation } from "./answers.js";

const qa = { more: async () => [citation({ quote: "下一句。", articleId: "003#2" })], article: () => null };

describe("AnswerButtons", () => {
  it("puts one Full-article button per article and More under an answer", () => {
    const buttons = new AnswerButtons(qa);
    const two = answer({ citations: [citation(), citation({ articleId: "003#2" }), citation()] });
    const rows = buttons.keyboardFor(1, two)!.inline_keyboard;
    expect(rows.flat().map((b) => b.text)).toEqual(["全文 1", "全文 2", "更多"]);
    const one = buttons.keyboardFor(1, answer({ lang: "en" }))!.inline_keyboard;
    expect(one.flat().map((b) => b.text)).toEqual(["Full article", "More"]);
    for (const b of [...rows, ...one].flat()) expect(Buffer.byteLength((b as { callback_data: string }).callback_data)).toBeLessThanOrEqual(64);
  });

  it("stays bounded: the least recently used answer is forgotten first", () => {
    const buttons = new AnswerButtons(qa, { capacity: 2 });
    const token = (markup: ReturnType<AnswerButtons["keyboardFor"]>) => (markup!.inline_keyboard[0]![0] as { callback_data: string }).callback_data.split(":")[2]!;
    const first = token(buttons.keyboardFor(1, answer()));
    const second = token(buttons.keyboardFor(1, answer()));
    expect(buttons.entry(first, 1)).not.toBeNull(); // used: now the most recent
    buttons.keyboardFor(1, answer());
    expect(buttons.size).toBe(2);
    expect(buttons.entry(second, 1)).toBeNull();
    expect(buttons.entry(first, 1)).not.toBeNull();
  });

  it("expires buttons and refuses a token from another chat", () => {
    const buttons = new AnswerButtons(qa, { ttlMs: 1000 });
    const data = (buttons.keyboardFor(7, answer(), 0)!.inline_keyboard[0]![0] as { callback_data: string }).callback_data;
    const token = data.split(":")[2]!;
    expect(buttons.entry(token, 8, 10)).toBeNull();
    expect(buttons.entry(token, 7, 10)).not.toBeNull();
    expect(buttons.entry(token, 7, 5000)).toBeNull();
  });

  it("adds 👍 / 👎 only while a question log keeps the answers", () => {
    const labels = (enabled: boolean) =>
      new AnswerButtons({ ...qa, feedback: () => true, questionLog: { enabled } as never }).keyboardFor(1, answer({ lang: "en" }))!.inline_keyboard.flat().map((b) => b.text);
    expect(labels(true)).toEqual(["Full article", "More", "👍", "👎"]);
    expect(labels(false)).toEqual(["Full article", "More"]);
  });

  it("gives a refusal without sources no keyboard", () => {
    expect(new AnswerButtons(qa).keyboardFor(1, answer({ found: false, citations: [] }))).toBeUndefined();
  });
});

describe("renderArticleHtml", () => {
  it("escapes the article and splits a long one into messages of at most 4096 characters", () => {
    const article: Article = {
      id: "x#1", source: "x.txt", paper: "昌吉日报", date: "2024-11-07", page: "总第12124期", headline: "A <b> & C", subheadline: null, byline: "记者 某某",
      paragraphs: Array.from({ length: 40 }, (_, i) => `第${i + 1}段：${"新闻内容<>&".repeat(40)}。`), captions: [],
    };
    const parts = splitHtml(renderArticleHtml(article), MESSAGE_LIMIT);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(parts[0]).toMatch(/^<b>A &lt;b&gt; &amp; C<\/b>\n昌吉日报 · 2024-11-07 · 总第12124期\n<i>记者 某某<\/i>/);
  });
});
