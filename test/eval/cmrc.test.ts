import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runExternalEval } from "../../src/eval/external.js";
import type { ExternalReport } from "../../src/eval/report.js";
import { fixtureConfig, ROOT } from "../helpers/fixture-index.js";

/**
 * Floors for `npm run eval -- --squad data/cmrc2018_trial.json --questions-en test/eval/cmrc-trial-en.jsonl`
 * with the fixture model. The trial set is third-party data (CC BY-SA 4.0) and never committed: put
 * it at data/cmrc2018_trial.json (see docs/external-eval.md); without it these tests are skipped.
 * Floors sit a little under what the pipeline measured; raise them as answering improves.
 */
const TRIAL = path.join(ROOT, "data/cmrc2018_trial.json");
const FLOORS = {
  // Measured with the fitted answer decision, two-sentence windows (Chinese), the English bridge of
  // issue-12-en and thresholds per language and question group chosen jointly (typed answer asked or
  // not), within-article term weights, `choose` reading candidates against each other and English
  // unread names weighing 3, the units general pages print, headline words as the article's topic
  // in the local weights, findNames without title runs: zh 76.1 % answer-in-reply, 96.1 % refused;
  // en 31.3 %, 100 %; peer 60.6 %.
  // The refusal floor is the target itself.
  // Issue #26: a value leads only when bound to the question (binding.ts): zh 76.1 → 71.2 %, refused
  // unchanged at 96.1 % — answers whose value was not bound became evidence (the quote is still there:
  // gold in any reply 80.4 %). The floor follows; raise it as the binding learns (a fitted ranking).
  // Near-topic negatives (the answer taken out of an article that stays indexed), added after: zh
  // 61.2 % of 49, en 57.1 % of 7 given no value with the weights of then; the target is 80 %.
  // Refitted on CMRC + DRCD with near-topic negatives, a typed question without a value to lead with
  // made evidence: zh 70.0 → 61.4 % (gold still quoted in 78.3 %), refused 95.4 → 96.7 %, near-topic
  // 61.2 → 73.5 %; en 32.1 → 34.3 %, 96.0 %, 57.1 %.
  // Fitted on the lead a reader sees, a wrong answer costing a right one (third step): zh 61.4 →
  // 59.3 %, refused 97.4 %, near-topic 71.4 %; en 32.1 %, 100 %, 57.1 % (keyword-only: 59.0 / 32.8 %).
  // The lead's shape read by the decision (fourth step): zh 59.3 → 60.5 %, refused 97.4 %, near-topic
  // 71.4 → 77.6 %; en 32.9 %, 100 %, 57.1 % (keyword-only: zh 61.0 %, 96.7 %, 73.5 %; en 32.9 %).
  // Values as candidates (fifth step: a fitted lead layer picks the value and may take it back):
  // wrong leads 36.0 → 33.1 % of value leads (112 → 87; naive peer 79.5 %), answer in reply
  // 60.5 → 57.5 % (gold still quoted in 70.4 %), refused 97.4 %, near-topic 77.5 %; en 32.9 → 30.7 %.
  // Plain verbs no anchors (jieba part of speech): zh 57.5 → 57.9 %, the rest unchanged.
  // Values read as the page prints them (sixth step: commas, ranges, definitions, one-character
  // phrases, the locative lead feature, (sentence, value) pairs within the article): wrong leads
  // 33.1 → 25.3 % (keyword-only 26.2 %), answer in reply 57.9 → 59.3 %, refused 97.4 %, near-topic
  // 77.5 %; en 30.7 %, 100 %, 71.4 %.
  // Vetoes (ninth step: a value about something else never leads): wrong leads 22.8 → 22.5 %,
  // answer in reply 58.4 %, refused 97.4 %, near-topic 77.5 %; en 30.7 %.
  // Wrong leads are a ceiling: the headline, and the one figure here that must fall.
  zh: { answerInReply: 0.57, refused: 0.95, nearTopic: 0.75, wrongLeads: 0.3 },
  en: { answerInReply: 0.3, refused: 0.95, nearTopic: 0.5 },
  /** The naive peer: a sanity check that the harness scores what it should. */
  peer: { answerInReply: 0.58 },
};

describe.skipIf(!fs.existsSync(TRIAL))("the CMRC 2018 trial set (data/cmrc2018_trial.json)", () => {
  let report: ExternalReport;
  beforeAll(async () => {
    ({ report } = await runExternalEval(fixtureConfig(), { squadFile: TRIAL, questionsEnFile: path.join(ROOT, "test/eval/cmrc-trial-en.jsonl") }));
    console.log(JSON.stringify(report));
  });

  it("writes 214 of the 256 articles as pages, 42 of them with an answer taken out (the ingest drops at most the two whose one line holds .NET or .com, read as a URL), and asks all 1000 questions with text", () => {
    expect(report.articles).toEqual({ total: 256, written: 214, indexed: report.articles.indexed, leftOut: 42, nearTopic: 42, leaveOutEvery: 6 });
    expect(report.articles.indexed).toBeGreaterThanOrEqual(212);
    expect(report.zh.questions).toBe(1000);
    expect(report.en?.questions).toBe(169);
  });
  it("leads with a wrong value in at most 35 % of its value leads, under half the naive peer's rate", () => {
    expect(report.zh.ours.wrongLeads).toBeLessThanOrEqual(FLOORS.zh.wrongLeads);
    expect(report.zh.ours.wrongLeads).toBeLessThan(report.zh.peer.wrongLeads / 2);
  });
  it("puts the gold answer in the reply of Chinese questions", () => expect(report.zh.ours.answerInReply).toBeGreaterThanOrEqual(FLOORS.zh.answerInReply));
  it("refuses Chinese questions about left-out articles", () => expect(report.zh.ours.refused).toBeGreaterThanOrEqual(FLOORS.zh.refused));
  it("gives no value to Chinese questions whose answer was taken out of an indexed article", () => expect(report.zh.ours.nearTopicNotAnswered).toBeGreaterThanOrEqual(FLOORS.zh.nearTopic));
  it("gives no value to English questions whose answer was taken out of an indexed article", () => expect(report.en!.ours.nearTopicNotAnswered).toBeGreaterThanOrEqual(FLOORS.en.nearTopic));
  it("puts the gold answer in the reply of English questions", () => expect(report.en!.ours.answerInReply).toBeGreaterThanOrEqual(FLOORS.en.answerInReply));
  it("refuses English questions about left-out articles", () => expect(report.en!.ours.refused).toBeGreaterThanOrEqual(FLOORS.en.refused));
  it("scores the naive peer as measured", () => expect(report.zh.peer.answerInReply).toBeGreaterThanOrEqual(FLOORS.peer.answerInReply));
});
