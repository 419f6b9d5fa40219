import "dotenv/config";
import path from "node:path";
import { loadConfig } from "../src/config/index.js";
import { openQaService } from "../src/core/service.js";
import { describeError } from "../src/errors.js";
import { evaluateAll, formatResult, formatSummary, loadQuestions, summarize } from "../src/eval/evaluate.js";

/**
 * `npm run eval`: asks every question of test/eval/questions.jsonl against the configured index
 * and prints per-question hits and a summary (single-turn and conversation sets separately).
 */
try {
  const config = loadConfig(process.env);
  const qa = await openQaService(config);
  const questions = loadQuestions(path.resolve("test/eval/questions.jsonl"));
  const single = await evaluateAll(qa, questions.filter((q) => !q.conversation));
  const conversation = await evaluateAll(qa, questions.filter((q) => q.conversation));
  for (const r of [...single, ...conversation]) process.stdout.write(`${formatResult(r)}\n`);
  process.stdout.write(`${formatSummary(summarize(single), "single-turn")}\n`);
  process.stdout.write(`${formatSummary(summarize(conversation), "conversation")}\n`);
  await qa.close();
} catch (err) {
  process.stderr.write(`${describeError(err)}\n`);
  process.exitCode = 1;
}
