import fs from "node:fs";
import type { Answer } from "../answer/types.js";
import { dayOf } from "../config/index.js";
import type { QaService } from "../core/types.js";

/**
 * "Today" of an eval row that names none (YYYY-MM-DD): evaluations, the fit and their tests never
 * read the real clock, so a figure measured today is the figure measured next year.
 */
export const evaluationToday = "2026-12-01";

/** One line of test/eval/questions.jsonl (see test/eval/README.md). */
export interface EvalQuestion {
  id: string;
  question: string;
  lang: "zh" | "en";
  kind: string;
  source: string | null;
  expect: string[];
  answerable: boolean;
  /** Earlier questions of the same chat, for follow-ups. */
  turns?: string[];
  /** "Today" for relative dates. */
  today?: string;
  conversation?: boolean;
  note?: string;
}

export interface EvalResult {
  q: EvalQuestion;
  answer: Answer | null;
  error: string | null;
  ms: number;
  top1: boolean;
  top3: boolean;
  figure: boolean;
  /** For unanswerable questions: the bot said found:false. */
  refused: boolean;
  pass: boolean;
}

export interface EvalSummary {
  answerable: number;
  unanswerable: number;
  top1: number;
  top3: number;
  figure: number;
  refusals: number;
  p50Ms: number;
  p95Ms: number;
}

/** One JSON value per non-empty line of a .jsonl file. */
export function loadJsonLines<T>(file: string): T[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function loadQuestions(file: string): EvalQuestion[] {
  return loadJsonLines<EvalQuestion>(file);
}

const squash = (s: string) => s.replace(/\s+/g, "");

/** Asks one question (replaying earlier turns in the same session) and scores the answer. */
export async function evaluateOne(qa: QaService, q: EvalQuestion, session = `eval-${q.id}`): Promise<EvalResult> {
  const today = dayOf(q.today ?? evaluationToday);
  let answer: Answer | null = null;
  let error: string | null = null;
  const t0 = performance.now();
  try {
    for (const turn of q.turns ?? []) await qa.answer(turn, { sessionId: session, today });
    answer = await qa.answer(q.question, { sessionId: session, today });
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const ms = performance.now() - t0;
  const sources = answer?.found ? answer.citations.map((c) => c.source) : [];
  const top1 = q.answerable && sources[0] === q.source;
  const top3 = q.answerable && sources.slice(0, 3).includes(q.source ?? "");
  const text = squash(answer?.answer ?? "");
  const figure = q.answerable && answer?.found === true && q.expect.every((e) => text.includes(squash(e)));
  const refused = !q.answerable && answer !== null && !answer.found;
  return { q, answer, error, ms, top1, top3, figure, refused, pass: q.answerable ? top1 && figure : refused };
}

export async function evaluateAll(qa: QaService, questions: EvalQuestion[]): Promise<EvalResult[]> {
  const results: EvalResult[] = [];
  for (const q of questions) results.push(await evaluateOne(qa, q));
  return results;
}

/** The p-th percentile (nearest rank) of `values`; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarize(results: EvalResult[]): EvalSummary {
  const answerable = results.filter((r) => r.q.answerable);
  const unanswerable = results.filter((r) => !r.q.answerable);
  const share = (rs: EvalResult[], f: (r: EvalResult) => boolean) => (rs.length ? rs.filter(f).length / rs.length : 1);
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    top1: share(answerable, (r) => r.top1),
    top3: share(answerable, (r) => r.top3),
    figure: share(answerable, (r) => r.figure),
    refusals: share(unanswerable, (r) => r.refused),
    p50Ms: percentile(results.map((r) => r.ms), 50),
    p95Ms: percentile(results.map((r) => r.ms), 95),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatResult(r: EvalResult): string {
  const mark = r.pass ? "PASS" : "FAIL";
  const got = r.error ? `error: ${r.error}` : `${r.answer?.found ? "found" : "not found"} ${r.answer?.citations[0]?.source ?? "-"} ${r.answer?.figure ?? ""}`;
  const want = r.q.answerable ? `${r.q.source} ${r.q.expect.join(",")}` : "refusal";
  return `${mark} ${r.q.id.padEnd(34)} want ${want} | got ${got}`;
}

export function formatSummary(s: EvalSummary, label = "eval"): string {
  return (
    `${label}: top-1 source ${pct(s.top1)}, top-3 ${pct(s.top3)}, figure-in-answer ${pct(s.figure)} ` +
    `(${s.answerable} answerable); refusals ${pct(s.refusals)} (${s.unanswerable} unanswerable); ` +
    `p50 ${s.p50Ms.toFixed(1)} ms, p95 ${s.p95Ms.toFixed(1)} ms`
  );
}
