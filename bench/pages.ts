/**
 * Real-shaped synthetic newspaper pages for the scale bench: the seed articles' sentences
 * recombined into dated issues of a daily paper. Half the pages are set as a PDF extraction gives
 * a narrow column (short broken lines, numbers split by spaces), half as long one-paragraph lines,
 * so every cleaning path (line joining, headings, bylines, doubled-glyph repair) is exercised.
 * Deterministic for a seed; nothing here is read by the product.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArticles } from "../src/ingest/index.js";
import type { SeedFile } from "../src/ingest/index.js";
import { mulberry32 } from "../scripts/prng.js";

/** Sentences and headlines of the seed articles, the material pages are made of. */
export interface PageMaterial {
  sentences: string[];
  headlines: string[];
}

export function pageMaterial(seeds: readonly SeedFile[]): PageMaterial {
  const sentences: string[] = [];
  const headlines: string[] = [];
  for (const seed of seeds) {
    for (const article of parseArticles(seed.name, seed.text)) {
      headlines.push(article.headline);
      for (const paragraph of article.paragraphs) sentences.push(...(paragraph.match(/[^。！？]+[。！？]?/gu) ?? []).filter((s) => s.length > 8));
    }
  }
  return { sentences, headlines };
}

const REPORTERS = ["杨鹤", "吴铎思", "许乐", "王昱晔", "田栋", "高翔", "马小峰"];
/** Characters per passage the chunker yields on average (size 300, overlap 60). */
const CHARS_PER_PASSAGE = 240;

export interface PageOptions {
  /** Articles per page. Default 6. */
  articles: number;
  /** Paragraphs per article. Default 5. */
  paragraphs: number;
  /** Sentences per paragraph. Default 4. */
  sentences: number;
  seed: number;
}

export const DEFAULT_PAGES: PageOptions = { articles: 6, paragraphs: 5, sentences: 4, seed: 15 };

/** About how many pages give `passages` passages. */
export function pagesFor(passages: number, material: PageMaterial, o: PageOptions = DEFAULT_PAGES): number {
  const meanSentence = material.sentences.reduce((s, x) => s + x.length, 0) / material.sentences.length;
  const perArticle = Math.max(1, Math.round((o.paragraphs * o.sentences * meanSentence) / CHARS_PER_PASSAGE));
  return Math.max(1, Math.ceil(passages / (perArticle * o.articles)));
}

/** Breaks a paragraph into PDF column lines of `width` characters, a space sometimes left inside a number. */
function columnLines(paragraph: string, width: number): string[] {
  const spaced = paragraph.replace(/(\d)(\d{3})(?!\d)/gu, "$1 $2");
  const lines: string[] = [];
  for (let i = 0; i < spaced.length; i += width) lines.push(spaced.slice(i, i + width));
  return lines;
}

/** The text of page `n` (0-based): issue day n / pagesPerIssue from 2016-01-01. */
export function makePage(n: number, material: PageMaterial, o: PageOptions = DEFAULT_PAGES, pagesPerIssue = 8): { name: string; text: string } {
  const next = mulberry32(o.seed * 1_000_003 + n);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const day = new Date(Date.UTC(2016, 0, 1) + Math.floor(n / pagesPerIssue) * 86_400_000);
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const page = (n % pagesPerIssue) + 1;
  const column = next() < 0.5;
  const out = ["# 昌吉日报", "", `${y}年${m}月${d}日`, "", `总第${10_000 + Math.floor(n / pagesPerIssue)}期`, "", `第${page}版`, ""];
  for (let a = 0; a < o.articles; a++) {
    const headline = pick(material.headlines);
    // One page in ten sets a headline in an outlined font, which extraction doubles.
    out.push(next() < 0.1 ? `${headline}${headline.replace(/\S+/g, (w) => w + w)}` : `## ${headline}`, "", `□本报记者 ${pick(REPORTERS)}`, "");
    for (let p = 0; p < o.paragraphs; p++) {
      const paragraph = Array.from({ length: o.sentences }, () => pick(material.sentences)).join("");
      if (column) out.push(...columnLines(paragraph, 15), "");
      else out.push(paragraph, "");
    }
  }
  const name = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}_p${String(page).padStart(2, "0")}.txt`;
  return { name, text: `${out.join("\n")}\n` };
}

/** Writes `count` pages into `dir` (created); returns their file names in order. */
export function writePages(dir: string, count: number, material: PageMaterial, o: PageOptions = DEFAULT_PAGES, from = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (let n = from; n < from + count; n++) {
    const { name, text } = makePage(n, material, o);
    writeFileSync(path.join(dir, name), text);
    names.push(name);
  }
  return names;
}
