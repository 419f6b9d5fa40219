import { describe, expect, it } from "vitest";
import { escapeHtml, splitHtml, visibleText } from "../../src/bot/html.js";
import { telegramHtmlProblems } from "./telegram-html.js";

const squash = (s: string) => s.replace(/\s+/g, "");

describe("escapeHtml", () => {
  it("escapes &, <, > and quotes, and nothing else", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 昌吉`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 昌吉");
    expect(telegramHtmlProblems(escapeHtml("a < b && c > d; &amp; <b>"))).toEqual([]);
  });
});

describe("splitHtml", () => {
  it("keeps a short message whole and drops an empty one", () => {
    expect(splitHtml("<b>10395</b> 人", 4096)).toEqual(["<b>10395</b> 人"]);
    expect(splitHtml("  \n ", 4096)).toEqual([]);
  });

  it("cuts at paragraph boundaries when it can", () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `<b>${i}.</b> ${"昌吉州城镇新增就业。".repeat(20)}`);
    const parts = splitHtml(paragraphs.join("\n\n"), 1000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1000);
      expect(telegramHtmlProblems(part)).toEqual([]);
      expect(part.trimEnd().endsWith("。")).toBe(true); // a whole paragraph ends every part
    }
    expect(squash(parts.map(visibleText).join(""))).toBe(squash(visibleText(paragraphs.join(""))));
  });

  it("closes and reopens tags around a cut inside a long element, never splitting an entity", () => {
    const html = `<blockquote><b>${"a &amp; b &lt; c ".repeat(400)}</b></blockquote>`;
    const parts = splitHtml(html, 500);
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(500);
      expect(part.startsWith("<blockquote><b>")).toBe(true);
      expect(part.endsWith("</b></blockquote>")).toBe(true);
      expect(telegramHtmlProblems(part)).toEqual([]);
    }
    expect(squash(parts.map(visibleText).join(""))).toBe(squash(visibleText(html)));
  });

  it("cuts text without any break (one long Chinese run) at the limit", () => {
    const html = `<i>${"就".repeat(9000)}</i>`;
    const parts = splitHtml(html, 4096);
    expect(parts).toHaveLength(3);
    parts.forEach((p) => expect(telegramHtmlProblems(p)).toEqual([]));
    expect(parts.map(visibleText).join("")).toBe("就".repeat(9000));
  });

  it("never splits a surrogate pair", () => {
    const parts = splitHtml("😀".repeat(3000), 4096);
    expect(parts.join("")).toBe("😀".repeat(3000));
    parts.forEach((p) => expect(p.length).toBeLessThanOrEqual(4096));
  });
});
