import "dotenv/config";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CHOOSE_INPUT_NAMES, chooseInputs, type DecisionModel } from "../src/answer/decision.js";
import { FEATURE_NAMES } from "../src/answer/features.js";
import { loadConfig } from "../src/config/index.js";
import { loadQuestions } from "../src/eval/evaluate.js";
import { carriedOver, labelProject, labelSquad, openAnswering, openSeeds, type LabelledQuestion } from "./fit/collect.js";
import { fitLead, formatLeadMeasure, LEAD_COST, leadsOf, leadThresholds, measureLead, type LeadMeasure } from "./fit/lead.js";
import { LEAD_INPUT_NAMES } from "../src/answer/values.js";
import { fitLogistic } from "./fit/logistic.js";
import { bestOf, formatMeasure, measure } from "./fit/measure.js";
import { chooseEvidence, chooseThresholds, DEV, GROUPS, of, weightOf } from "./fit/thresholds.js";
import { buildSquadIndex } from "../src/eval/external.js";
import { KEYWORD_PROFILE, profileFileOf, readProfile } from "../src/answer/profiles.js";
import { loadTranslatedQuestions } from "../src/eval/squad.js";

/**
 * `npm run fit -- [--model ID] --squad FILE`: fits the answer decision of one retrieval profile
 * (src/answer/model/profiles/<ID>.json; profiles.ts): `--model keyword-only` without vectors, any
 * other id with that embedding model's vectors (MODELS_DIR / the hub, as EMBEDDING_MODEL would).
 * Labelled data: every candidate sentence of (1) the SQuAD-format development file, its articles
 * written as seed pages with every 6th left out (those questions must be refused), and (2) the
 * project's own eval questions (test/eval/questions.jsonl) on the seeds. The held-out sets
 * (heldout*.jsonl) are never read here. Per language, a threshold per question group (typed answer
 * asked or not), chosen jointly (chooseThresholds). Then the lead layer
 * (src/answer/values.ts, scripts/fit/lead.ts) on the values of the sentences `choose` picks;
 * `--lead-only` fits that layer alone over the committed profile's sentence layers; `--english-only`
 * the English layers and thresholds alone beside the committed Chinese ones.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
// Every --squad file (Chinese, SQuAD format: CMRC 2018 trial, DRCD in Simplified) is written as
// its own pages and labelled; the first one is the file --questions-en translates.
const squadFiles = args.flatMap((a, i) => (a === "--squad" && args[i + 1] ? [args[i + 1]!] : []));
if (!squadFiles.length) squadFiles.push(path.join(ROOT, "data/cmrc2018_trial.json"));
const squadFile = squadFiles[0]!;
const englishFile = arg("--questions-en") ?? path.join(ROOT, "test/eval/cmrc-trial-en.jsonl");
const cacheFile = arg("--cache");
const profile = arg("--model") ?? process.env.EMBEDDING_MODEL ?? "tiny-zh";
// `--out FILE` writes the fitted profile elsewhere than the committed one (a trial fit, the tests).
const out = arg("--out") ?? profileFileOf(profile);

// keyword-only: a model id no folder holds, so every index is built without vectors (nothing is downloaded with MODELS_DIR set).
const config = loadConfig({ MODELS_DIR: "test/fixtures/models", INDEX_DIR: os.tmpdir(), ...process.env, EMBEDDING_MODEL: profile === KEYWORD_PROFILE ? "no-such-model-keyword-only" : profile }, ROOT);

async function collect(): Promise<LabelledQuestion[]> {
  if (cacheFile && fs.existsSync(cacheFile)) return JSON.parse(fs.readFileSync(cacheFile, "utf8")) as LabelledQuestion[];
  // The same pages and index as `npm run eval -- --squad` asks against.
  const labelled: LabelledQuestion[] = [];
  for (const file of squadFiles) {
    const squad = await buildSquadIndex(config, file);
    if ((squad.embedder !== null) !== (profile !== KEYWORD_PROFILE)) throw new Error(`The model ${profile} could not be loaded: set MODELS_DIR, or fit the keyword-only profile with --model ${KEYWORD_PROFILE}.`);
    const dev = openAnswering(squad.config, squad.embedder, profile);
    const { questions } = squad.corpus;
    const name = path.basename(file);
    labelled.push(...(await labelSquad(dev, questions, "squad", undefined, name)));
    if (file === squadFile && fs.existsSync(englishFile)) labelled.push(...(await labelSquad(dev, questions, "squad-en", loadTranslatedQuestions(englishFile), name)));
    squad.dispose();
    process.stderr.write(`labelled ${name}: ${questions.length} questions\n`);
  }
  const own = await openSeeds(config, path.join(ROOT, "seeds"), profile);
  labelled.push(...(await labelProject(own, loadQuestions(path.join(ROOT, "test/eval/questions.jsonl")), "project")));
  own.close();
  if (cacheFile) fs.writeFileSync(cacheFile, JSON.stringify(labelled));
  return labelled;
}

/**
 * Fits `choose` per question language on every candidate (is it the answering sentence?), then `answer` on the sentence
 * `choose` picks per question (is that reply right, or should the bot refuse?), then the threshold.
 */
function fit(questions: LabelledQuestion[]): DecisionModel {
  const chooseOf = (lang: "zh" | "en") => {
    // Each question's candidates are read against each other (chooseInputs), as `decide` reads them.
    const rows = questions.filter((q) => q.lang === lang && q.rows.length).flatMap((q) => {
      const xs = chooseInputs(q.rows.map((r) => r.x));
      return q.rows.map((r, i) => ({ x: xs[i]!, y: r.y, weight: weightOf(q) }));
    });
    return fitLogistic(rows.map((r) => r.x), rows.map((r) => r.y), { weights: rows.map((r) => r.weight) });
  };
  const choose = { zh: chooseOf("zh"), en: chooseOf("en") };
  const half = { typed: 0.5, untyped: 0.5 };
  const chosen: DecisionModel = { features: [...FEATURE_NAMES], choose, answer: choose, threshold: { zh: half, en: half } };
  const answerOf = (lang: "zh" | "en") => {
    const picked = questions.map((q) => ({ ...bestOf(chosen, q), weight: weightOf(q) * (q.lang === lang ? 1 : OTHER_LANGUAGE_WEIGHT) })).filter((b) => b.x !== null && b.weight > 0);
    return fitLogistic(picked.map((b) => b.x!), picked.map((b) => (b.right ? 1 : 0)), { weights: picked.map((b) => b.weight) });
  };
  const model: DecisionModel = { ...chosen, answer: { zh: answerOf("zh"), en: answerOf("en") } };
  const threshold = { zh: chooseThresholds(model, questions, "zh"), en: chooseThresholds(model, questions, "en") };
  const decided = { ...model, threshold, evidence: { zh: chooseEvidence(model, questions, "zh", threshold.zh), en: chooseEvidence(model, questions, "en", threshold.en) } };
  return { ...decided, lead: fitLead(decided, questions) };
}

/**
 * How much the other language's questions count in a language's `answer` layer (tried 0, 0.1, 0.3:
 * 0 answered too few English topic questions — news overviews lost two — and 0.1 answered the most
 * CMRC at the refusal targets).
 */
const OTHER_LANGUAGE_WEIGHT = 0.1;

/**
 * `--lead-only`: the committed profile's sentence layers and thresholds stay; only the lead layer
 * (values.ts) is fitted over the sentences they choose — seconds after labelling, not minutes.
 */
const leadOnly = args.includes("--lead-only");
function fitLeadOnly(questions: LabelledQuestion[]): DecisionModel {
  const committed = readProfile(profile);
  if (!committed) throw new Error(`No committed profile ${profile} to fit a lead layer over: run the whole fit (without --lead-only).`);
  const { lead: _old, ...sentences } = carriedOver(committed);
  return { ...sentences, lead: fitLead(sentences, questions) };
}

/**
 * `--english-only`: the committed profile's Chinese layers, thresholds and lead layer stay; the
 * English layers and thresholds (and the English lead thresholds over the committed lead layer) are
 * fitted — for more English questions (`--questions-en`) without moving a Chinese reply.
 */
const englishOnly = args.includes("--english-only");
function fitEnglishOnly(questions: LabelledQuestion[]): DecisionModel {
  const committed = readProfile(profile);
  if (!committed?.lead) throw new Error(`No committed profile ${profile} with a lead layer to keep the Chinese side of: run the whole fit (without --english-only).`);
  const kept = carriedOver(committed);
  const english = fit(questions);
  const sentences: DecisionModel = {
    ...kept,
    choose: { zh: kept.choose.zh, en: english.choose.en },
    answer: { zh: kept.answer.zh, en: english.answer.en },
    threshold: { zh: kept.threshold.zh, en: english.threshold.en },
    evidence: { zh: kept.evidence?.zh ?? english.evidence!.zh, en: english.evidence!.en },
  };
  const lead = kept.lead!;
  return { ...sentences, lead: { ...lead, threshold: { zh: lead.threshold.zh, en: leadThresholds(sentences, lead.layer, questions, "en") } } };
}

const labelled = await collect();
const fitWith = leadOnly ? fitLeadOnly : englishOnly ? fitEnglishOnly : fit;
const model = fitWith(labelled);

// Two folds by article: fit on one half, measure on the other, so the figure is not in-sample.
const foldOf = (group: string) => [...group].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % 2;
const folds = [0, 1].map((k) => labelled.filter((q) => foldOf(q.group) === k));
const cross = folds.map((test, k) => {
  const m = fitWith(folds[1 - k]!);
  return { zh: measure(m, of(test, "squad")), en: measure(m, of(test, "squad-en")), lead: { zh: measureLead(leadsOf(m, m.lead!, of(test, "squad"), "zh"), m.lead!, "zh"), en: measureLead(leadsOf(m, m.lead!, of(test, "squad-en"), "en"), m.lead!, "en") } };
});

const langs = ["zh", "en"] as const;
// Each language's development leads, worked out once: measured at the fitted thresholds and along the curve.
const devLeads = { zh: leadsOf(model, model.lead!, of(labelled, DEV("zh"), "zh"), "zh"), en: leadsOf(model, model.lead!, of(labelled, DEV("en"), "en"), "en") };
const summary = {
  data: {
    squadFiles: squadFiles.map((f) => path.basename(f)),
    ...Object.fromEntries(["squad", "squad-en", "project"].map((set) => [set, { questions: of(labelled, set).length, unanswerable: of(labelled, set).filter((q) => q.unanswerable).length, nearTopic: of(labelled, set).filter((q) => q.nearTopic).length }])),
    candidates: labelled.reduce((s, q) => s + q.rows.length, 0),
    positives: labelled.reduce((s, q) => s + q.rows.filter((r) => r.y === 1).length, 0),
  },
  inSample: Object.fromEntries(
    langs.map((l) => [
      l,
      {
        dev: measure(model, of(labelled, DEV(l))),
        project: measure(model, of(labelled, "project", l)),
        ...Object.fromEntries(GROUPS.map((g) => [g, { dev: measure(model, of(labelled, DEV(l), l, g)), project: measure(model, of(labelled, "project", l, g)) }])),
      },
    ]),
  ),
  twoFold: cross,
  // The lead layer: leads among answered questions, fitted beside hand-set, and its threshold curve.
  leadCost: LEAD_COST,
  lead: Object.fromEntries(
      langs.map((l) => [
        l,
        {
          dev: measureLead(devLeads[l], model.lead!, l),
          project: measureLead(leadsOf(model, model.lead!, of(labelled, "project", l), l), model.lead!, l),
          curve: [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((t) => ({ threshold: t, dev: measureLead(devLeads[l], model.lead!, l, t) })),
        },
      ]),
    ) as Record<"zh" | "en", { dev: LeadMeasure; project: LeadMeasure; curve: { threshold: number; dev: LeadMeasure }[] }>,
  // Per language and question group: each group's threshold is chosen on its own curve.
  curve: Object.fromEntries(
    langs.map((l) => [
      l,
      Object.fromEntries(
        GROUPS.map((g) => [
          g,
          [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9].map((t) => ({
            threshold: t,
            dev: measure(model, of(labelled, DEV(l), l, g), t),
            project: measure(model, of(labelled, "project", l, g), t),
          })),
        ]),
      ),
    ]),
  ),
};
fs.writeFileSync(out, `${JSON.stringify({ ...model, fittedOn: summary }, null, 1)}\n`);
const say = (line: string) => process.stdout.write(`${line}\n`);
for (const [name, layer, names] of [["choose zh", model.choose.zh, CHOOSE_INPUT_NAMES], ["choose en", model.choose.en, CHOOSE_INPUT_NAMES], ["answer zh", model.answer.zh, FEATURE_NAMES], ["answer en", model.answer.en, FEATURE_NAMES]] as const) {
  say(`${name}: ${names.map((n, i) => `${n}=${layer.weights[i]!.toFixed(2)}`).join(" ")} bias=${layer.bias.toFixed(2)}`);
}
say(`lead ${LEAD_INPUT_NAMES.join(" ")}`);
const leadLayer = model.lead!.layer;
say(`lead: ${LEAD_INPUT_NAMES.map((n, i) => `${n}=${leadLayer.weights[i]!.toFixed(2)}`).join(" ")} bias=${leadLayer.bias.toFixed(2)}`);
for (const l of langs) {
  say(`lead thresholds ${l}: ${JSON.stringify(model.lead!.threshold[l])}`);
  say(formatLeadMeasure(`lead ${DEV(l)} (in-sample)`, summary.lead[l].dev));
  say(formatLeadMeasure(`lead project ${l} (in-sample)`, summary.lead[l].project));
  cross.forEach((m, k) => say(formatLeadMeasure(`lead ${DEV(l)} fold ${k + 1} (fitted on the other)`, m.lead[l])));
  for (const c of summary.lead[l].curve) say(formatLeadMeasure(`  at ${c.threshold.toFixed(2)}`, c.dev));
}
for (const l of langs) {
  say(`thresholds ${l}: typed ${model.threshold[l].typed}, untyped ${model.threshold[l].untyped}, evidence ${model.evidence?.[l]}`);
  say(formatMeasure(`${DEV(l)} (in-sample)`, summary.inSample[l]!.dev));
  say(formatMeasure(`project ${l} (in-sample)`, summary.inSample[l]!.project));
  cross.forEach((m, k) => say(formatMeasure(`${DEV(l)} fold ${k + 1} (fitted on the other)`, m[l])));
  for (const g of GROUPS) {
    say(`${l} ${g}:`);
    for (const c of summary.curve[l]![g]!) say(`${c.threshold.toFixed(2)}\t${formatMeasure(DEV(l), c.dev)}\t${formatMeasure("project", c.project)}`);
  }
}
say(`wrote ${path.relative(ROOT, out)}`);
