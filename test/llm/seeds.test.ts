/**
 * The verifier against every figure in the seed papers: what the extractive answerer itself prints
 * (src/answer figures and their English readings) must pass, and the same figure off by one must not.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Citation } from "../../src/answer/types.js";
import { figureInEnglish } from "../../src/answer/compose.js";
import { findFigures } from "../../src/answer/figures.js";
import { verifyGrounded } from "../../src/llm/verify.js";

const SEEDS = path.resolve("seeds");

function sentences(): { source: string; sentence: string }[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .flatMap((source) =>
      readFileSync(path.join(SEEDS, source), "utf8")
        .split(/(?<=[。！？\n])/)
        .filter((s) => /\d/.test(s))
        .map((sentence) => ({ source, sentence })),
    );
}

function citation(source: string, sentence: string): Citation {
  return { source, paper: "昌吉日报", date: null, headline: "", quote: sentence, score: 1, articleId: source, passage: sentence };
}

describe("verifyGrounded over every figure in the seeds", () => {
  const all = sentences();

  it("accepts each figure as the extractive answer prints it, in Chinese and in English", () => {
    const rejected: string[] = [];
    let checked = 0;
    for (const { source, sentence } of all) {
      const sources = [citation(source, sentence)];
      for (const figure of findFigures(sentence)) {
        const english = figureInEnglish(figure);
        for (const text of [`${figure.text}[1]。`, ...(english ? [`${english} (${figure.text}) [1].`] : [])]) {
          checked++;
          const verdict = verifyGrounded(text, sources);
          if (!verdict.ok) rejected.push(`${text} — ${verdict.reason} — ${sentence.trim().slice(0, 60)}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(rejected).toEqual([]);
  });

  it("rejects each quantity off by one in its last digit, unless the sentence prints that number too (in digits or as 一…九)", () => {
    const accepted: string[] = [];
    let checked = 0;
    for (const { source, sentence } of all) {
      const sources = [citation(source, sentence)];
      for (const figure of findFigures(sentence)) {
        if (figure.kind !== "quantity" && figure.kind !== "percent") continue;
        const wrong = figure.text.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));
        const number = /\d+(?:\.\d+)?/.exec(wrong)?.[0] ?? "";
        if (new RegExp(`(?<![\\d.])${number.replace(".", "\\.")}(?![\\d.])`).test(sentence)) continue;
        if (number.length === 1 && sentence.includes("零一二三四五六七八九"[Number(number)]!)) continue; // 四 prints 4 too
        checked++;
        if (verifyGrounded(`${wrong}[1]。`, sources).ok) accepted.push(`${wrong} — ${sentence.trim().slice(0, 60)}`);
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(accepted).toEqual([]);
  });
});
