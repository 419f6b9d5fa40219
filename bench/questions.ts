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
  /** Per-stage mean ms and share of the mean total; null when the core exposes no timings. */
  stages: Array<{ label: string; meanMs: number; share: number }> | null;
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

export async function benchQuestions(config: Config, envFile: string, questionsFile: string, rounds: number): Promise<QuestionBenchResult> {
  const questions = loadQuestions(questionsFile);
  note(`questions: cold start in a fresh process`);
  const cold = runFresh<{ importMs: number; openMs: number; firstAnswerMs: number }>("cold-start", envFile, questions[0] ?? "昌吉");

  const service = await openQaService(config);
  for (const q of questions.slice(0, 10)) await service.answer(q); // warm-up: JIT, caches
  note(`questions: ${questions.length} questions × ${rounds} rounds, warm`);
  const totals: number[] = [];
  const perStage = new Map<string, number[]>(STAGES.map(([label]) => [label, []]));
  let timed = true;
  let found = 0;
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t0 = performance.now();
      const result = await service.answer(q);
      totals.push(since(t0));
      if (r === 0 && result.found) found++;
      const t = timingsOf(result);
      if (!t) timed = false;
      else for (const [label, key] of STAGES) perStage.get(label)!.push(t[key]!);
    }
  }
  await service.close();
  const meanMs = sum(totals) / totals.length;
  const stages: QuestionBenchResult["stages"] = timed
    ? STAGES.map(([label]) => {
        const m = sum(perStage.get(label)!) / totals.length;
        return { label, meanMs: m, share: m / meanMs };
      })
    : null;
  if (stages) {
    const rest = meanMs - sum(stages.map((s) => s.meanMs));
    stages.push({ label: "other (translate, glue)", meanMs: rest, share: rest / meanMs });
  }
  return { questions: questions.length, rounds, p50Ms: percentile(totals, 50), p95Ms: percentile(totals, 95), meanMs, stages, cold, found };
}
