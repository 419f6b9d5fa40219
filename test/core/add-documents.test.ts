/**
 * Adding today's paper as it comes, through the real pipeline: an e-paper PDF page and a web
 * article are added to a real index (seeds, fixture model), and their articles answer questions
 * with the right dates. Bad documents stop with their code and leave index and SEEDS_DIR as they were.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config/index.js";
import { addDocuments } from "../../src/core/add-documents.js";
import { openQaService } from "../../src/core/service.js";
import type { QaService } from "../../src/core/types.js";
import { createEmbedder, type Embedder } from "../../src/embed/index.js";
import { QaError } from "../../src/errors.js";
import { buildOptionsFor } from "../../src/index/build.js";
import { openIndex } from "../../src/index/open.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";

const FIXTURES = path.join(ROOT, "test/fixtures/ingest");
const PDF = path.join(FIXTURES, "cjrb-2024-11-07-p1.pdf");
const HTML = path.join(FIXTURES, "grain-reserve-article.html");
/** Seeds without 002 and 004, whose articles the PDF and the web page bring. */
const BASE = ["000_4405eea7cb10f242.txt", "001_1a32e2d18765e48d.txt", "003_2a3bfdafac07cb06.txt"];

let embedder: Embedder;
let config: Config;
let qa: QaService | null = null;
const temp: string[] = [];

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temp.push(dir);
  return dir;
}

function setup(): Config {
  const seeds = tempDir("qa-docs-seeds-");
  for (const name of BASE) fs.copyFileSync(path.join(ROOT, "seeds", name), path.join(seeds, name));
  return fixtureConfig({ SEEDS_DIR: seeds });
}

const add = (files: string[], c = config, maxBytes = c.addMaxBytes) =>
  addDocuments({ ...buildOptionsFor(c, { loadEmbedder: async () => embedder }), add: files, maxBytes });

/** What must not change when an add is refused: the live build and the seed pages. */
const snapshot = (c: Config) => ({ manifest: openIndex({ indexDir: c.indexDir, model: c.embeddingModel }).manifest, seeds: fs.readdirSync(c.seedsDir).sort() });

beforeAll(async () => {
  embedder = await createEmbedder({ model: "tiny-zh", modelsDir: path.join(ROOT, "test/fixtures/models") });
  config = setup();
  await buildFixtureIndex(config);
});

afterAll(async () => {
  await qa?.close();
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
});

describe("a PDF page and a web article added to the index", () => {
  it("are read, copied into SEEDS_DIR as text pages and reported with their articles and dates", async () => {
    const { update, documents } = await add([PDF, HTML]);
    expect(update.added.map((s) => s.name)).toEqual(["cjrb-2024-11-07-p1.txt", "grain-reserve-article.txt"]);
    expect(documents).toEqual([
      {
        given: PDF,
        name: "cjrb-2024-11-07-p1.txt",
        format: "pdf",
        articles: [
          { headline: "准东煤田火区治理持续推进", paper: "昌吉日报", date: "2024-11-07" },
          { headline: "木垒县冬小麦长势喜人", paper: "昌吉日报", date: "2024-11-07" },
        ],
      },
      { given: HTML, name: "grain-reserve-article.txt", format: "html", articles: [{ headline: "昌吉州地方储备粮建储项目投用", paper: "昌吉日报", date: "2025-12-12" }] },
    ]);
    expect(fs.readdirSync(config.seedsDir).sort()).toEqual([...BASE, "cjrb-2024-11-07-p1.txt", "grain-reserve-article.txt"]);
  });

  it("answer questions with the right dates", async () => {
    qa = await openQaService(config, { embedder });
    const coal = await qa.answer("老君庙火区已累计完成采空区超前钻探进尺多少米？");
    expect(coal.found).toBe(true);
    expect(coal.answer).toContain("98653米");
    expect(coal.citations[0]).toMatchObject({ source: "cjrb-2024-11-07-p1.txt", date: "2024-11-07", headline: "准东煤田火区治理持续推进" });
    const grain = await qa.answer("昌吉州地方储备粮建储项目首批入库了多少玉米？");
    expect(grain.answer).toContain("2.1万吨");
    expect(grain.citations[0]).toMatchObject({ source: "grain-reserve-article.txt", date: "2025-12-12" });
  });

  it("re-adding the same PDF changes nothing, and a full rebuild from SEEDS_DIR gives the same articles", async () => {
    const before = snapshot(config);
    const { update } = await add([PDF]);
    expect(update).toMatchObject({ changed: false, unchanged: ["cjrb-2024-11-07-p1.txt"] });
    expect(snapshot(config)).toEqual(before);

    const rebuilt = fixtureConfig({ SEEDS_DIR: config.seedsDir });
    temp.push(rebuilt.indexDir);
    await buildFixtureIndex(rebuilt);
    const articles = (c: Config) => [...openIndex({ indexDir: c.indexDir, model: c.embeddingModel }).articles.values()];
    expect(articles(rebuilt)).toEqual(articles(config));
  });
});

describe("the e-paper PDF of a day whose text page is already in", () => {
  it("lists each story of that day's paper once", async () => {
    const seeds = tempDir("qa-docs-same-day-");
    fs.copyFileSync(path.join(ROOT, "seeds", "004_79b3c460d300cb0d.txt"), path.join(seeds, "004_79b3c460d300cb0d.txt"));
    const sameDay = fixtureConfig({ SEEDS_DIR: seeds });
    temp.push(sameDay.indexDir);
    await buildFixtureIndex(sameDay);
    await add([PDF], sameDay);
    const service = await openQaService(sameDay, { embedder });
    try {
      const paper = await service.answer("2024年11月7日的报纸");
      const headlines = paper.citations.map((c) => c.headline);
      expect(headlines).toContain("准东煤田火区治理持续推进");
      expect(new Set(headlines).size).toBe(headlines.length);
    } finally {
      await service.close();
    }
  });
});

describe("bad documents leave the index and SEEDS_DIR unchanged", () => {
  const garbage = () => {
    const file = path.join(tempDir("qa-bad-"), "page.pdf");
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 251)));
    return file;
  };
  const truncated = () => {
    const file = path.join(tempDir("qa-bad-"), "cut-2024-11-08.pdf");
    const whole = fs.readFileSync(PDF);
    fs.writeFileSync(file, whole.subarray(0, whole.length >> 1));
    return file;
  };
  const noArticle = () => {
    const file = path.join(tempDir("qa-bad-"), "front.html");
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/n/${i}">昌吉新闻第${i}条标题文字</a></li>`).join("");
    fs.writeFileSync(file, `<!DOCTYPE html><html><body><nav><ul>${links}</ul></nav></body></html>`);
    return file;
  };
  const cases: [string, () => string[], string, number?][] = [
    ["a scanned PDF (no text layer)", () => [path.join(FIXTURES, "scanned-page.pdf")], "PDF_NO_TEXT"],
    ["an encrypted PDF", () => [path.join(FIXTURES, "locked-page.pdf")], "PDF_ENCRYPTED"],
    ["a truncated PDF", () => [truncated()], "PDF_DAMAGED"],
    ["binary garbage named .pdf", () => [garbage()], "FORMAT_UNKNOWN"],
    ["an HTML page with no article", () => [noArticle()], "HTML_NO_ARTICLE"],
    ["a file over the size limit", () => [PDF], "FILE_TOO_LARGE", 64 * 1024],
    ["a good page together with a bad one", () => [HTML, truncated()], "PDF_DAMAGED"],
  ];
  for (const [what, files, code, maxBytes] of cases) {
    it(`${what}: ${code}`, async () => {
      const before = snapshot(config);
      const err = await add(files(), config, maxBytes).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(QaError);
      expect((err as QaError).code).toBe(code);
      expect((err as QaError).hint.length).toBeGreaterThan(10);
      expect(snapshot(config)).toEqual(before);
    });
  }
});
