/**
 * Scanned pages: `scanned-cjrb-2024-11-07-p1.pdf` is the two-column fixture page as a picture only
 * (rendered by pdftoppm, no text layer). Without OCR it is refused with the install hint; an OCR
 * that finds nothing refuses it too; with the system's Tesseract (chi_sim) it is added to a real
 * index and its OCR text answers a question, dated from the page. The last part runs where
 * Tesseract is installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addDocuments } from "../../src/core/add-documents.js";
import { openQaService } from "../../src/core/service.js";
import { QaError } from "../../src/errors.js";
import { buildOptionsFor } from "../../src/index/build.js";
import { readDocument } from "../../src/ingest/formats/index.js";
import { joinCjkSpaces, systemOcr, tesseractInstalled } from "../../src/ingest/formats/ocr.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";

const SCAN = path.join(ROOT, "test/fixtures/ingest/scanned-cjrb-2024-11-07-p1.pdf");
const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
});

async function refusal(ocr: Parameters<typeof readDocument>[2]["ocr"]): Promise<QaError> {
  const err = await readDocument("scan.pdf", fs.readFileSync(SCAN), { maxBytes: 1 << 30, ocr }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(QaError);
  return err as QaError;
}

describe("a scanned page", () => {
  it("without OCR is refused with PDF_NO_TEXT and how to install Tesseract", async () => {
    const err = await refusal(null);
    expect(err.code).toBe("PDF_NO_TEXT");
    expect(err.message).toBe("Cannot add scan.pdf: the PDF has no text layer (a scanned or image-only page).");
    expect(err.hint).toContain("install Tesseract (apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)");
  });

  it("is refused when OCR finds no text in it either", async () => {
    const err = await refusal(async () => ["  ", "|\n"]);
    expect(err.code).toBe("PDF_NO_TEXT");
    expect(err.message).toContain("OCR (Tesseract chi_sim) found no text in it either");
    expect(err.hint).toMatch(/^Scan the page again/);
  });

  it("OCR text loses the spaces Tesseract puts between Chinese characters, and keeps those between words", () => {
    expect(joinCjkSpaces("昌 吉 日 报 2024年 11 月 7 日\f本 报 讯 ， 近 日 Changji Daily")).toBe("昌吉日报 2024年 11 月 7 日\n本报讯，近日 Changji Daily");
  });

  it.skipIf(!tesseractInstalled())("read by Tesseract, it is added and answers a question, dated from the page", async () => {
    const seeds = fs.mkdtempSync(path.join(os.tmpdir(), "qa-ocr-seeds-"));
    fs.copyFileSync(path.join(ROOT, "seeds/003_2a3bfdafac07cb06.txt"), path.join(seeds, "003_2a3bfdafac07cb06.txt"));
    const config = fixtureConfig({ SEEDS_DIR: seeds });
    temp.push(seeds, config.indexDir);
    await buildFixtureIndex(config);
    // 150 dpi: the fixture's own resolution, and half the time of the default 300.
    const { documents } = await addDocuments({ ...buildOptionsFor(config), add: [SCAN], maxBytes: config.addMaxBytes, ocr: systemOcr({ dpi: 150 }) });
    expect(documents[0]!.articles.map((a) => a.date)).toContain("2024-11-07");
    const seed = fs.readFileSync(path.join(seeds, "scanned-cjrb-2024-11-07-p1.txt"), "utf8");
    expect(seed).toContain("text-from: OCR (Tesseract chi_sim)");

    const qa = await openQaService(config);
    const answer = await qa.answer("老君庙火区已累计完成采空区超前钻探进尺多少米？");
    await qa.close();
    expect(answer.answer).toContain("98653米");
    expect(answer.citations[0]).toMatchObject({ source: "scanned-cjrb-2024-11-07-p1.txt", date: "2024-11-07" });
  });
});
