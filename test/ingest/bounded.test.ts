/**
 * readDocumentBounded reads in a child process: a page that needs more heap than the cap ends in
 * the format's coded error while this process goes on, and an ordinary page comes back whole.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDocumentBounded } from "../../src/ingest/formats/bounded.js";
import { ROOT } from "../helpers/fixture-index.js";

const uncapped = { maxHtmlElements: 1e9, maxHtmlDepth: 1e9, timeoutMs: 60_000 };
const manyParagraphs = (n: number) => Buffer.from(`<html><body>${"<p>段落很多的文章内容，用来占满读取进程的内存。</p>".repeat(n)}</body></html>`);

describe("readDocumentBounded", () => {
  it("a page over the heap cap: HTML_TOO_COMPLEX naming the cap, and the caller lives on", async () => {
    const read = readDocumentBounded("big.html", manyParagraphs(200_000), { maxBytes: 100e6, limits: { ...uncapped, memoryMb: 16 }, ocr: null });
    await expect(read).rejects.toMatchObject({ code: "HTML_TOO_COMPLEX", message: "Cannot add big.html: reading it needs more than 16 MB of memory." });
    // The same call with room to read it: the child's crash left nothing behind.
    const page = await readDocumentBounded("seed.txt", fs.readFileSync(path.join(ROOT, "seeds", "003_2a3bfdafac07cb06.txt")), { maxBytes: 100e6, limits: {}, ocr: null });
    expect(page.format).toBe("text");
    expect(page.articles.length).toBeGreaterThan(1);
  });
});
