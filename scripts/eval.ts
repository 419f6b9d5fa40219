import "dotenv/config";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { dayOf, loadConfig } from "../src/config/index.js";
import { openQaService } from "../src/core/service.js";
import { describeError, QaError } from "../src/errors.js";
import type { AnswerTuningOverrides } from "../src/answer/tuning.js";
import { evaluateAll, evaluationToday, formatResult, formatSummary, loadQuestions, summarize, type EvalResult } from "../src/eval/evaluate.js";
import { evaluateLeads, formatLeadOutcome, formatLeadSummary, summarizeByGroup } from "../src/eval/lead.js";
import { parseArticles, readSeedFiles } from "../src/ingest/index.js";
import { evaluateNews, formatNewsResult, formatNewsSummary, loadNewsQuestions, summarizeNews } from "../src/eval/news.js";
import { runExternalEval } from "../src/eval/external.js";
import { formatExternalReport } from "../src/eval/report.js";

/**
 * `npm run eval`: asks every question of test/eval/questions.jsonl, test/eval/heldout*.jsonl
 * against the configured index and prints per-question hits and a summary per set (single-turn,
 * conversation, held-out); then test/eval/news.jsonl (news-reader questions). The fresh reader sets
 * (test/eval/fresh.jsonl, then fresh-2.jsonl, …) come first, as their summaries only — their questions are not to be read while
 * changing code (`--fresh-details` prints them, one per line); `--skip-fresh` leaves them out while
 * work is under way.
 *
 * `npm run eval -- --squad FILE [--questions-en FILE] [--json] [--details FILE] [--llm]`: the external
 * evaluation on a SQuAD-format file (see docs/external-eval.md).
 *
 * `--tuning JSON` (either form) overrides hand-set numbers of the answer stage for the run, e.g.
 * `--tuning '{"candidates": 16}'` (src/answer/tuning.ts lists them with their defaults): measure a
 * knob without editing the code.
 */
const { values: args } = parseArgs({
  options: {
    squad: { type: "string" },
    "questions-en": { type: "string" },
    json: { type: "boolean", default: false },
    details: { type: "string" },
    llm: { type: "boolean", default: false },
    // The fresh set is measured at the start and the end of a piece of work only: skip it in between.
    "skip-fresh": { type: "boolean", default: false },
    // Its questions one per line: for reviewing a finished piece of work, not for deciding a change.
    "fresh-details": { type: "boolean", default: false },
    tuning: { type: "string" },
  },
});

/** The --tuning overrides, read as JSON here at the edge (answerTuning checks the values). */
function tuningOverrides(): AnswerTuningOverrides | undefined {
  if (args.tuning === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(args.tuning);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as AnswerTuningOverrides;
  } catch {
    // reported below
  }
  throw new QaError("CONFIG_INVALID", `--tuning is not a JSON object: ${args.tuning}`, `Pass an object of numbers, e.g. --tuning '{"candidates": 16}' (src/answer/tuning.ts lists them).`);
}

/** The fresh reader sets, oldest first: each written before anything was measured on it (test/eval/README.md). */
const FRESH_FILES = ["fresh.jsonl", "fresh-2.jsonl"];

/** The held-out sets (test/eval/<name>.jsonl), never fitted or tuned on. */
const HELD_OUT_FILES = ["heldout", "heldout-2", "heldout-3", "heldout-4"];

async function ownEvalSets(): Promise<void> {
  const config = loadConfig(process.env);
  // A fixed "today" (TODAY, else evaluationToday): the figures do not move with the calendar.
  const today = config.today ?? dayOf(evaluationToday);
  const qa = await openQaService(config, { clock: () => today, tuning: tuningOverrides() });
  const info = qa.info();
  process.stdout.write(`index: ${info.vectors ? `model ${info.model}` : "keyword-only"}; ${info.decision.summary}\n`);
  if (!args["skip-fresh"]) for (const file of FRESH_FILES.filter((f) => fs.existsSync(path.resolve("test/eval", f)))) await freshSet(qa, config.seedsDir, file);
  const questions = loadQuestions(path.resolve("test/eval/questions.jsonl"));
  const single = await evaluateAll(qa, questions.filter((q) => !q.conversation));
  const conversation = await evaluateAll(qa, questions.filter((q) => q.conversation));
  const heldOut: [string, EvalResult[]][] = [];
  for (const file of HELD_OUT_FILES) heldOut.push([file.replace("heldout", "held-out"), await evaluateAll(qa, loadQuestions(path.resolve("test/eval", `${file}.jsonl`)))]);
  for (const r of [...single, ...conversation, ...heldOut.flatMap(([, results]) => results)]) process.stdout.write(`${formatResult(r)}\n`);
  process.stdout.write(`${formatSummary(summarize(single), "single-turn")}\n`);
  process.stdout.write(`${formatSummary(summarize(conversation), "conversation")}\n`);
  for (const [label, results] of heldOut) process.stdout.write(`${formatSummary(summarize(results), label)}\n`);
  // News-reader questions (latest, a day's paper, overviews), on the same fixed "today".
  const news = await evaluateNews(qa, loadNewsQuestions(path.resolve("test/eval/news.jsonl")));
  for (const r of news) process.stdout.write(`${formatNewsResult(r)}\n`);
  process.stdout.write(`${formatNewsSummary(summarizeNews(news))}\n`);
  await qa.close();
}

/**
 * A fresh reader set (test/eval/`file`), scored by what each reply leads with, beside the
 * naive peer (bigram BM25 over the same pages' sentences, leading with its sentence's first number).
 */
async function freshSet(qa: Awaited<ReturnType<typeof openQaService>>, seedsDir: string, file: string): Promise<void> {
  const questions = loadQuestions(path.resolve("test/eval", file));
  const { files } = await readSeedFiles(seedsDir);
  const paragraphs = files.flatMap((f) => parseArticles(f.name, f.text).flatMap((a) => a.paragraphs));
  const { bot, peer } = await evaluateLeads(qa, questions, paragraphs);
  if (args["fresh-details"]) for (const o of bot) process.stdout.write(`${formatLeadOutcome(o)}\n`);
  process.stdout.write(`fresh set (test/eval/${file}), by what the reply leads with:\n`);
  for (const s of summarizeByGroup(bot)) process.stdout.write(`${formatLeadSummary(s, `  ${s.group}`)}\n`);
  process.stdout.write("naive peer, same questions:\n");
  for (const s of summarizeByGroup(peer)) process.stdout.write(`${formatLeadSummary(s, `  ${s.group}`)}\n`);
}

async function externalEval(squadFile: string): Promise<void> {
  const { report, outcomes } = await runExternalEval(loadConfig(process.env), {
    squadFile,
    questionsEnFile: args["questions-en"] ?? null,
    useLlm: args.llm,
    tuning: tuningOverrides(),
    onProgress: (done, total) => {
      if (done % 100 === 0 || done === total) process.stderr.write(`asked ${done}/${total}\n`);
    },
  });
  if (args.details) fs.writeFileSync(args.details, outcomes.map((o) => JSON.stringify(o)).join("\n") + "\n");
  process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : `${formatExternalReport(report)}\n`);
}

try {
  await (args.squad ? externalEval(args.squad) : ownEvalSets());
} catch (err) {
  process.stderr.write(`${describeError(err)}\n`);
  process.exitCode = 1;
}
