import "dotenv/config";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DecisionModel } from "../src/answer/decision.js";
import { FEATURE_NAMES } from "../src/answer/features.js";
import { loadConfig } from "../src/config/index.js";
import { loadQuestions } from "../src/eval/evaluate.js";
import { labelProject, labelSquad, openCorpus, type LabelledQuestion } from "./fit/collect.js";
import { fitLogistic } from "./fit/logistic.js";
import { bestOf, formatMeasure, measure } from "./fit/measure.js";
import { writeSquadSeeds } from "./fit/squad.js";

/**
 * `npm run fit -- --squad FILE`: fits the answer decision (src/answer/model/decision-weights.json).
 * Labelled data: every candidate sentence of (1) the SQuAD-format development file, its articles
 * written as seed pages with every 6th left out (those questions must be refused), and (2) the
 * project's own eval questions (test/eval/questions.jsonl) on the seeds. The held-out sets
 * (heldout*.jsonl) are never read here. The threshold is the lowest that refuses ≥ 95 % of the
 * left-out-article questions and every project refusal (or as many as any threshold does).
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const squadFile = arg("--squad") ?? "/work/data/cmrc2018_trial.json";
const cacheFile = arg("--cache");
const out = path.join(ROOT, "src/answer/model/decision-weights.json");

const config = loadConfig({ MODELS_DIR: "test/fixtures/models", EMBEDDING_MODEL: "tiny-zh", INDEX_DIR: os.tmpdir(), ...process.env }, ROOT);

async function collect(): Promise<LabelledQuestion[]> {
  if (cacheFile && fs.existsSync(cacheFile)) return JSON.parse(fs.readFileSync(cacheFile, "utf8")) as LabelledQuestion[];
  const seeds = fs.mkdtempSync(path.join(os.tmpdir(), "qa-fit-seeds-"));
  const squad = writeSquadSeeds(squadFile, seeds);
  const dev = await openCorpus(config, seeds);
  const labelled = await labelSquad(dev, squad, "squad");
  dev.close();
  fs.rmSync(seeds, { recursive: true, force: true });
  const own = await openCorpus(config, path.join(ROOT, "seeds"));
  labelled.push(...(await labelProject(own, loadQuestions(path.join(ROOT, "test/eval/questions.jsonl")), "project")));
  own.close();
  if (cacheFile) fs.writeFileSync(cacheFile, JSON.stringify(labelled));
  return labelled;
}

/**
 * Fits `choose` on every candidate (is it the answering sentence?), then `answer` on the sentence
 * `choose` picks per question (is that reply right, or should the bot refuse?), then the threshold.
 */
function fit(questions: LabelledQuestion[]): DecisionModel {
  const rows = weighted(questions).flatMap((q) => q.rows);
  const choose = fitLogistic(rows.map((r) => r.x), rows.map((r) => r.y));
  const chosen = { features: [...FEATURE_NAMES], choose, answer: choose, threshold: 0.5 };
  const picked = weighted(questions).map((q) => bestOf(chosen, q)).filter((b) => b.x !== null);
  const answer = fitLogistic(picked.map((b) => b.x!), picked.map((b) => (b.right ? 1 : 0)));
  const model: DecisionModel = { ...chosen, answer };
  return { ...model, threshold: chooseThreshold(model, questions) };
}

/**
 * The project's own questions are news questions with near-topic refusals, the product's domain:
 * each counts PROJECT_WEIGHT times, so about as much as the larger development set.
 */
const PROJECT_WEIGHT = 6;
const weighted = (questions: LabelledQuestion[]) => questions.flatMap((q) => (q.set === "project" ? Array<LabelledQuestion>(PROJECT_WEIGHT).fill(q) : [q]));

const GRID = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

/** The lowest threshold meeting the refusal targets (answers as much as it may), else the one refusing most. */
function chooseThreshold(model: DecisionModel, questions: LabelledQuestion[]): number {
  const squad = questions.filter((q) => q.set === "squad");
  const own = questions.filter((q) => q.set === "project");
  const meets = (t: number) => measure(model, squad, t).refusals >= 0.95 && measure(model, own, t).refusals >= 1;
  return GRID.find(meets) ?? GRID[GRID.length - 1]!;
}

const labelled = await collect();
const sets = (qs: LabelledQuestion[], set: string) => qs.filter((q) => q.set === set);
const model = fit(labelled);

// Two folds by article: fit on one half, measure on the other, so the figure is not in-sample.
const foldOf = (group: string) => [...group].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % 2;
const folds = [0, 1].map((k) => labelled.filter((q) => foldOf(q.group) === k));
const cross = folds.map((test, k) => {
  const train = folds[1 - k]!;
  const m = fit(train);
  return measure(m, sets(test, "squad"));
});

const summary = {
  data: {
    squadFile: path.basename(squadFile),
    squadQuestions: sets(labelled, "squad").length,
    squadLeftOut: sets(labelled, "squad").filter((q) => q.unanswerable).length,
    projectQuestions: sets(labelled, "project").length,
    projectRefusals: sets(labelled, "project").filter((q) => q.unanswerable).length,
    candidates: labelled.reduce((s, q) => s + q.rows.length, 0),
    positives: labelled.reduce((s, q) => s + q.rows.filter((r) => r.y === 1).length, 0),
  },
  inSample: { squad: measure(model, sets(labelled, "squad")), project: measure(model, sets(labelled, "project")) },
  twoFoldSquad: cross,
  curve: [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9].map((t) => ({
    threshold: t,
    squad: measure(model, sets(labelled, "squad"), t),
    project: measure(model, sets(labelled, "project"), t),
  })),
};
fs.writeFileSync(out, `${JSON.stringify({ ...model, fittedOn: summary }, null, 1)}\n`);
for (const layer of ["choose", "answer"] as const) {
  process.stdout.write(`${layer}: ${FEATURE_NAMES.map((n, i) => `${n}=${model[layer].weights[i]!.toFixed(2)}`).join(" ")} bias=${model[layer].bias.toFixed(2)}\n`);
}
process.stdout.write(`${formatMeasure("squad (in-sample)", summary.inSample.squad)}\n${formatMeasure("project (in-sample)", summary.inSample.project)}\n`);
cross.forEach((m, k) => process.stdout.write(`${formatMeasure(`squad fold ${k + 1} (fitted on the other)`, m)}\n`));
for (const c of summary.curve) process.stdout.write(`${c.threshold.toFixed(2)}\t${formatMeasure("squad", c.squad)}\t${formatMeasure("project", c.project)}\n`);
process.stdout.write(`wrote ${path.relative(ROOT, out)}\n`);
