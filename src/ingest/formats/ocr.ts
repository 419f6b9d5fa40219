/**
 * OCR for scanned PDF pages: each page rendered to a greyscale image by poppler's `pdftoppm`, then
 * read by Tesseract with its Simplified Chinese model (Debian: tesseract-ocr, tesseract-ocr-chi-sim,
 * poppler-utils). The installed programs, not a WebAssembly port: nothing is downloaded at run time,
 * and Debian keeps the traineddata. The one place these programs are called.
 */
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { makeStaging } from "../../staging.js";

const run = promisify(execFile);

/** Reads the text of every page of a PDF that has no text layer; pages in order. */
export type PdfOcr = (pdf: Uint8Array) => Promise<string[]>;

export interface TesseractOptions {
  /** Rendering resolution. Default 300 dpi, what Tesseract is trained for; 150 reads a page's body type too, twice as fast. */
  dpi?: number;
  /** Tesseract language. Default `chi_sim` (its English digits and Latin letters come with it). */
  language?: string;
}

export const OCR_INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils";
/** Per page: a stuck Tesseract must not hold the inbox or an upload forever. */
const PAGE_TIMEOUT_MS = 120_000;

let installed: boolean | undefined;

/** True when `tesseract` with the chi_sim model and `pdftoppm` are on PATH (checked once per process). */
export function tesseractInstalled(language = "chi_sim"): boolean {
  if (installed !== undefined) return installed;
  const langs = spawnSync("tesseract", ["--list-langs"], { encoding: "utf8", timeout: 10_000 });
  const poppler = spawnSync("pdftoppm", ["-v"], { encoding: "utf8", timeout: 10_000 });
  installed = langs.status === 0 && `${langs.stdout}`.split(/\s+/).includes(language) && poppler.error === undefined;
  return installed;
}

/** The system's Tesseract as a PdfOcr, or null when it (or its chi_sim model, or pdftoppm) is not installed. */
export function systemOcr(options: TesseractOptions = {}): PdfOcr | null {
  const language = options.language ?? "chi_sim";
  return tesseractInstalled(language) ? tesseractOcr({ ...options, language }) : null;
}

/** OCR with `pdftoppm` and `tesseract` (see `systemOcr` for the check that they exist). */
export function tesseractOcr(options: TesseractOptions = {}): PdfOcr {
  const dpi = options.dpi ?? 300;
  const language = options.language ?? "chi_sim";
  return async (pdf) => {
    const dir = makeStaging("ocr");
    try {
      fs.writeFileSync(path.join(dir, "in.pdf"), pdf);
      await run("pdftoppm", ["-r", String(dpi), "-gray", "-png", "in.pdf", "page"], { cwd: dir, timeout: PAGE_TIMEOUT_MS });
      const images = fs.readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).sort((a, b) => pageNumber(a) - pageNumber(b));
      const pages: string[] = [];
      for (const image of images) {
        // One thread each: Tesseract's OpenMP threads spin and make a page 2-3x slower on a small machine.
        const { stdout } = await run("tesseract", [image, "stdout", "-l", language, "--psm", "3"], {
          cwd: dir,
          timeout: PAGE_TIMEOUT_MS,
          maxBuffer: 16 << 20,
          env: { ...process.env, OMP_THREAD_LIMIT: "1" },
        });
        pages.push(joinCjkSpaces(stdout));
      }
      return pages;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

const pageNumber = (file: string) => Number(file.match(/\d+/)![0]);

/** Tesseract puts spaces between Chinese characters (昌 吉 日 报); Chinese text has none. */
const CJK = "\\p{Script=Han}，。、；：？！“”‘’（）《》【】";
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, "gu");

export function joinCjkSpaces(text: string): string {
  return text.replace(/\f/g, "\n").replace(SPACE_IN_CJK, "");
}
