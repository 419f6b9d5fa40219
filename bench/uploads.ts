/**
 * `npx tsx bench/uploads.ts`: what reading a hostile upload costs and how the answering core fares
 * meanwhile. Each file is read as the bot reads an upload (readDocumentBounded: a worker thread with
 * the default read limits); while it is read, fixture questions are answered one after another on
 * this thread, as another chat's would be. Figures only (docs/adding-papers.md quotes them).
 *
 *   npx tsx bench/uploads.ts            all cases
 *   npx tsx bench/uploads.ts --json     … plus one JSON line last on stdout
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config/index.js";
import { openQaService } from "../src/core/service.js";
import { buildIndex, buildOptionsFor } from "../src/index/build.js";
import { readDocumentBounded } from "../src/ingest/formats/bounded.js";
import type { ReadLimits } from "../src/ingest/formats/limits.js";
import { createLogger } from "../src/log.js";
import { bombPdf, manyPagePdf, nestedHtml, unpunctuatedText } from "../test/helpers/hostile-files.js";
import { loadQuestions } from "./questions.js";
import { note, percentile, round } from "./stats.js";
import { table } from "./table.js";

const { values: args } = parseArgs({ options: { json: { type: "boolean", default: false } } });
const MB = 1024 * 1024;

interface Case {
  label: string;
  name: string;
  make: () => Buffer;
  limits?: Partial<ReadLimits>;
}

const CASES: Case[] = [
  { label: "PDF, 300 KB inflating to 300 MB", name: "bomb.pdf", make: () => bombPdf(300 * MB) },
  { label: "PDF, 5,000 pages", name: "pages.pdf", make: () => manyPagePdf(5000) },
  { label: "HTML, 2,500 nested divs", name: "deep.html", make: () => nestedHtml(2500) },
  { label: "HTML, 100,000 nested divs", name: "deeper.html", make: () => nestedHtml(100_000) },
  { label: "text, 19 MB on one line", name: "line.txt", make: () => unpunctuatedText(19 * MB) },
  { label: "HTML, 20,000 deep, caps off, 10 s deadline", name: "slow.html", make: () => nestedHtml(20_000), limits: { maxHtmlDepth: Infinity, maxHtmlElements: Infinity, timeoutMs: 10_000 } },
];

const indexDir = mkdtempSync(path.join(os.tmpdir(), "qa-bench-uploads-"));
const config = loadConfig({ MODELS_DIR: "test/fixtures/models", EMBEDDING_MODEL: "tiny-zh", SEEDS_DIR: "seeds", INDEX_DIR: indexDir, TODAY: "2026-05-01" }, process.cwd());
note("building the fixture index…");
await buildIndex(buildOptionsFor(config));
const qa = await openQaService(config, { logger: createLogger("silent") });
const questions = loadQuestions("test/eval/questions.jsonl");

/** Answers questions one after another until `busy` settles; returns each answer's ms. */
async function answerWhile(busy: Promise<unknown>): Promise<number[]> {
  let done = false;
  void busy.finally(() => (done = true)).catch(() => {});
  const times: number[] = [];
  for (let i = 0; !done; i++) {
    const start = performance.now();
    await qa.answer(questions[i % questions.length]!);
    times.push(performance.now() - start);
    // Another chat's question arrives as I/O; give the event loop its turn (a cached answer never would).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return times;
}

const idle: number[] = [];
for (const q of questions.slice(0, 20)) {
  const start = performance.now();
  await qa.answer(q);
  idle.push(performance.now() - start);
}

const HEADER = ["case", "file KB", "outcome", "to outcome s", "answers meanwhile", "answer p50 ms", "answer max ms", "loop delay max ms"];
const rows: (string | number)[][] = [];
for (const c of CASES) {
  note(`${c.label}…`);
  const bytes = c.make();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const start = performance.now();
  const reading = readDocumentBounded(c.name, bytes, { maxBytes: 20 * MB, limits: c.limits ?? {} }).then(
    () => "read",
    (err: { code?: string }) => err.code ?? "error",
  );
  const answers = await answerWhile(reading);
  const outcome = await reading;
  delay.disable();
  const toOutcome = (performance.now() - start) / 1000;
  rows.push([c.label, round(bytes.length / 1024, 0), outcome, round(toOutcome, 1), answers.length, round(percentile(answers, 50), 0), round(Math.max(...answers), 0), round(delay.max / 1e6, 0)]);
}

process.stdout.write(`Idle answers: p50 ${round(percentile(idle, 50), 0)} ms, max ${round(Math.max(...idle), 0)} ms (${idle.length} questions)\n`);
process.stdout.write(`${table("Hostile uploads, read with the default limits, while this thread answers questions", HEADER, rows)}\n`);
if (args.json) process.stdout.write(`${JSON.stringify({ idle: { p50Ms: percentile(idle, 50), maxMs: Math.max(...idle) }, cases: rows.map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i]]))) })}\n`);
await qa.close();
rmSync(indexDir, { recursive: true, force: true });
