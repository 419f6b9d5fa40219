/**
 * Warm, in-process latency of the whole answering core (openQaService) over the eval questions,
 * with the share of each stage when the core reports timings; cold start in a fresh process.
 */
import { readFileSync } from "node:fs";
import type { Config } from "../src/config/index.js";
import { openQaService } from "../src/core/service.js";
import { runFresh } from "./fresh.js";
import { note, percentile, since, sum } from "./stats.js";

/** Stage timings the answerer attaches to its result (not part of the declared QaService type). */
const STAGES = [
  ["embed query", "embedMs"],
  ["vector search", "vectorMs"],
  ["keyword search", "keywordMs"],
  ["fusion", "fusionMs"],
  ["answer", "answerMs"],
] as const;

export interface QuestionBenchResult {
  questions: number;
  rounds: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  /** Per-stage mean ms and share of the mean total; null when no timings could be had. */
  stages: Array<{ label: string; meanMs: number; share: number }> | null;
  /** Where the stage timings came from: the service's answers, or the bare answerer it wraps. */
  stagesFrom: "service" | null;
  cold: { importMs: number; openMs: number; firstAnswerMs: number };
  found: number;
}

/** Single-turn questions of the eval set (conversation entries with `turns` are skipped). */
export function loadQuestions(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { question: string; turns?: unknown })
    .filter((q) => !q.turns)
    .map((q) => q.question);
}

function timingsOf(result: object): Record<string, number> | null {
  const t = (result as { timings?: unknown }).timings;
  if (!t || typeof t !== "object") return null;
  return STAGES.every(([, key]) => typeof (t as Record<string, unknown>)[key] === "number") ? (t as Record<string, number>) : null;
}

interface Timed {
  totals: number[];
  /** Stage label → per-question ms; null when some result carried no timings. */
  stages: Map<string, number[]> | null;
  found: number;
}

/** Asks every question `rounds` times (after a warm-up), timing each whole call (also used by the scale bench). */
export async function timeAll(ask: (q: string) => Promise<object & { found: boolean }>, questions: string[], rounds: number): Promise<Timed> {
  for (const q of questions.slice(0, 10)) await ask(q); // warm-up: JIT, caches
  const totals: number[] = [];
  let stages: Timed["stages"] = new Map(STAGES.map(([label]) => [label, []]));
  let found = 0;
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t0 = performance.now();
      const result = await ask(q);
      totals.push(since(t0));
      if (r === 0 && result.found) found++;
      const t = timingsOf(result);
      if (!t) stages = null;
      else for (const [label, key] of STAGES) stages?.get(label)!.push(t[key]!);
    }
  }
  return { totals, stages, found };
}

function shares(timed: Timed): NonNullable<QuestionBenchResult["stages"]> {
  const meanMs = sum(timed.totals) / timed.totals.length;
  const stages = STAGES.map(([label]) => {
    const m = sum(timed.stages!.get(label)!) / timed.totals.length;
    return { label, meanMs: m, share: m / meanMs };
  });
  const rest = meanMs - sum(stages.map((s) => s.meanMs));
  return [...stages, { label: "other (translate, glue)", meanMs: rest, share: rest / meanMs }];
}

export async function benchQuestions(config: Config, envFile: string, questionsFile: string, rounds: number): Promise<QuestionBenchResult> {
  const questions = loadQuestions(questionsFile);
  note(`questions: cold start in a fresh process`);
  const cold = runFresh<{ importMs: number; openMs: number; firstAnswerMs: number }>("cold-start", envFile, questions[0] ?? "昌吉");

  const service = await openQaService(config);
  note(`questions: ${questions.length} questions × ${rounds} rounds, warm, through openQaService`);
  const timed = await timeAll((q) => service.answer(q), questions, rounds);
  await service.close();
  // Stage shares come from the timings every answer carries (Answer.timings).
  const stages = timed.stages ? shares(timed) : null;
  const stagesFrom: QuestionBenchResult["stagesFrom"] = stages ? "service" : null;
  const t = timed.totals;
  return { questions: questions.length, rounds, p50Ms: percentile(t, 50), p95Ms: percentile(t, 95), meanMs: sum(t) / t.length, stages, stagesFrom, cold, found: timed.found };
}
