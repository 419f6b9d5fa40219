import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openQaService } from "../../src/core/service.js";
import { evaluateAll, formatResult, formatSummary, loadQuestions, summarize, type EvalSummary } from "../../src/eval/evaluate.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";

/**
 * The evaluation sets, run with the fixture model. Floors are aggregate figures measured with the
 * fitted answer decision (src/answer/model/decision-weights.json; its thresholds hold every refusal
 * of questions.jsonl), minus a little slack: a regression fails here, and no single phrasing is
 * forced to pass. Measured 2026-11-30 after the windows and bridge work (top-1 / figure / refusals):
 * single-turn 97.6 / 94.0 / 100 %, conversation 100 / 100 / 100 %, heldout 87.0 / 78.3 / 66.7 %,
 * heldout-2 88.0 / 80.0 / 100 %; again after local weights and chooseInputs (unchanged), and
 * heldout-3 (untyped near-topic refusals) 75.0 / 75.0 / 50.0 % (41.7 % before the English
 * unread-name refit) — a known weakness, guarded from getting worse; after weakly read English
 * names became anchors: heldout 91.3 / 82.6 / 66.7 %, heldout-3 100 / 100 / 50 %, heldout-4 100 %.
 * Before the fitted decision: 95.2 / 90.5 / 100, 100 / 100 / 100, 82.6 / 73.9 / 66.7, 68.0 / 64.0 / 100.
 */
const FLOORS = { top1: 0.95, figure: 0.9, refusals: 1 };
/** Follow-up and date questions (conversation: true), asked with their earlier turns and "today". */
const CONVERSATION_FLOORS = { top1: 0.95, figure: 0.95, refusals: 1 };
/** heldout.jsonl and heldout-2.jsonl: never fitted or tuned on; they guard how well answers generalise. */
const HELD_OUT_FLOORS = { top1: 0.86, figure: 0.8, refusals: 0.6 };
const HELD_OUT_2_FLOORS = { top1: 0.8, figure: 0.75, refusals: 1 };
/** heldout-3.jsonl: what / which / how questions the seeds come near but never answer, and four they do. */
const HELD_OUT_3_FLOORS = { top1: 0.75, figure: 0.75, refusals: 0.4 };
/** heldout-4.jsonl: far-off questions (a prime minister, the Titanic), English and Chinese: every one refused. */
const HELD_OUT_4_REFUSALS = 1;

describe("npm run eval on the fixture index", () => {
  let summary: EvalSummary;
  let conversation: EvalSummary;
  let heldOut: EvalSummary;
  let heldOut2: EvalSummary;
  let heldOut3: EvalSummary;
  let heldOut4: EvalSummary;
  beforeAll(async () => {
    const config = fixtureConfig();
    await buildFixtureIndex(config);
    const qa = await openQaService(config);
    const questions = loadQuestions(path.join(ROOT, "test/eval/questions.jsonl"));
    const single = await evaluateAll(qa, questions.filter((q) => !q.conversation));
    const turns = await evaluateAll(qa, questions.filter((q) => q.conversation));
    const unseen = await evaluateAll(qa, loadQuestions(path.join(ROOT, "test/eval/heldout.jsonl")));
    summary = summarize(single);
    conversation = summarize(turns);
    heldOut = summarize(unseen);
    const unseen2 = await evaluateAll(qa, loadQuestions(path.join(ROOT, "test/eval/heldout-2.jsonl")));
    heldOut2 = summarize(unseen2);
    heldOut3 = summarize(await evaluateAll(qa, loadQuestions(path.join(ROOT, "test/eval/heldout-3.jsonl"))));
    heldOut4 = summarize(await evaluateAll(qa, loadQuestions(path.join(ROOT, "test/eval/heldout-4.jsonl"))));
    console.log([...single, ...turns, ...unseen].filter((r) => !r.pass).map(formatResult).join("\n"));
    console.log(formatSummary(summary, "single-turn"));
    console.log(formatSummary(conversation, "conversation"));
    console.log(formatSummary(heldOut, "held-out"));
    console.log(formatSummary(heldOut2, "held-out-2"));
    console.log(formatSummary(heldOut3, "held-out-3"));
    console.log(formatSummary(heldOut4, "held-out-4"));
  });

  it("finds the right source first", () => expect(summary.top1).toBeGreaterThanOrEqual(FLOORS.top1));
  it("puts the expected figure in the answer", () => expect(summary.figure).toBeGreaterThanOrEqual(FLOORS.figure));
  it("refuses everything the articles do not answer", () => expect(summary.refusals).toBeGreaterThanOrEqual(FLOORS.refusals));
  it("answers follow-up and date questions", () => {
    expect(conversation.top1).toBeGreaterThanOrEqual(CONVERSATION_FLOORS.top1);
    expect(conversation.figure).toBeGreaterThanOrEqual(CONVERSATION_FLOORS.figure);
    expect(conversation.refusals).toBeGreaterThanOrEqual(CONVERSATION_FLOORS.refusals);
  });
  it("generalises to questions it was not tuned on", () => {
    expect(heldOut.top1).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.top1);
    expect(heldOut.figure).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.figure);
    expect(heldOut.refusals).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.refusals);
    expect(heldOut2.top1).toBeGreaterThanOrEqual(HELD_OUT_2_FLOORS.top1);
    expect(heldOut2.figure).toBeGreaterThanOrEqual(HELD_OUT_2_FLOORS.figure);
    expect(heldOut2.refusals).toBeGreaterThanOrEqual(HELD_OUT_2_FLOORS.refusals);
    expect(heldOut3.top1).toBeGreaterThanOrEqual(HELD_OUT_3_FLOORS.top1);
    expect(heldOut3.figure).toBeGreaterThanOrEqual(HELD_OUT_3_FLOORS.figure);
    expect(heldOut3.refusals).toBeGreaterThanOrEqual(HELD_OUT_3_FLOORS.refusals);
    expect(heldOut4.refusals).toBeGreaterThanOrEqual(HELD_OUT_4_REFUSALS);
  });
});

describe.each(["questions.jsonl", "heldout.jsonl", "heldout-2.jsonl", "heldout-3.jsonl", "heldout-4.jsonl"])("test/eval/%s", (file) => {
  const questions = loadQuestions(path.join(ROOT, "test/eval", file));
  const squash = (s: string) => s.replace(/\s+/g, "");

  it("has unique ids", () => expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length));
  it("expects only strings its source page really has (whitespace removed)", () => {
    const missing = questions
      .filter((q) => q.answerable)
      .flatMap((q) => q.expect.filter((e) => !squash(fs.readFileSync(path.join(ROOT, "seeds", q.source!), "utf8")).includes(squash(e))).map((e) => `${q.id}: ${e}`));
    expect(missing).toEqual([]);
  });
  it("gives refusals no source and nothing to expect", () => {
    for (const q of questions.filter((q) => !q.answerable)) expect({ id: q.id, source: q.source, expect: q.expect }).toEqual({ id: q.id, source: null, expect: [] });
  });
});
