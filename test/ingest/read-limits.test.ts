/**
 * The measures behind the read limits: a web page's element count and depth taken from the raw
 * markup (unclosed paragraphs and list items do not nest, script text is not markup), and how far
 * a PDF's compressed streams inflate.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { measureHtml } from "../../src/ingest/formats/html-shape.js";
import { DEFAULT_READ_LIMITS } from "../../src/ingest/formats/limits.js";
import { inflatedSize } from "../../src/ingest/formats/pdf-inflate.js";
import { ROOT } from "../helpers/fixture-index.js";
import { bombPdf, nestedHtml } from "../helpers/hostile-files.js";

const FIXTURES = path.join(ROOT, "test/fixtures/ingest");
const uncapped = { maxHtmlElements: Infinity, maxHtmlDepth: Infinity };

describe("measureHtml", () => {
  it("measures nesting as written", () => {
    expect(measureHtml(nestedHtml(300).toString(), uncapped).depth).toBeGreaterThanOrEqual(302);
  });

  it("does not count unclosed paragraphs and list items as nesting", () => {
    const page = `<html><body><article>${"<p>一段话".repeat(1000)}<ul>${"<li>一项".repeat(500)}</ul></article></body></html>`;
    const shape = measureHtml(page, uncapped);
    expect(shape.depth).toBeLessThanOrEqual(6);
    expect(shape.elements).toBe(1504);
  });

  it("does not read markup inside scripts, nor void elements as containers", () => {
    const page = `<html><body><script>${"<div>".repeat(500)}</script>${"<br><img src=x>".repeat(100)}<p>正文</p></body></html>`;
    expect(measureHtml(page, uncapped)).toEqual({ elements: 204, depth: 3 });
  });

  it("finds the saved news pages well within the default caps", () => {
    for (const name of ["grain-reserve-article.html", "city-study-article.html"]) {
      const shape = measureHtml(fs.readFileSync(path.join(FIXTURES, name), "utf8"), uncapped);
      expect(shape.depth).toBeLessThan(DEFAULT_READ_LIMITS.maxHtmlDepth / 4);
      expect(shape.elements).toBeLessThan(DEFAULT_READ_LIMITS.maxHtmlElements / 10);
    }
  });
});

describe("inflatedSize", () => {
  it("adds up what the Flate streams inflate to, stopping just past the limit", () => {
    const pdf = bombPdf(4 * 1024 * 1024);
    expect(inflatedSize(pdf, Infinity)).toBeGreaterThan(4 * 1024 * 1024);
    expect(inflatedSize(pdf, 1024 * 1024)).toBe(1024 * 1024 + 1);
  });

  it("leaves out image streams (reading the text never decodes them)", () => {
    const image = bombPdf(4 * 1024 * 1024).toString("latin1").replace("/Filter /FlateDecode", "/Subtype /Image /Filter /FlateDecode");
    expect(inflatedSize(Buffer.from(image, "latin1"), Infinity)).toBe(0);
  });

  it("finds an ordinary e-paper page small", () => {
    expect(inflatedSize(fs.readFileSync(path.join(FIXTURES, "cjrb-2024-11-07-p1.pdf")), Infinity)).toBeLessThan(DEFAULT_READ_LIMITS.maxInflatedBytes / 100);
  });
});
