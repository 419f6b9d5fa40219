import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openQaService } from "../../src/core/service.js";
import { evaluateAll, formatResult, formatSummary, loadQuestions, summarize, type EvalSummary } from "../../src/eval/evaluate.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";

/**
 * The evaluation set, run with the fixture model. Floors are what the current pipeline achieves
 * (minus a little slack), so a regression fails here; raise them as answers improve. The
 * single-turn floors are also the product's minimum: top-1 90 %, figure 85 %, every refusal.
 */
const FLOORS = { top1: 0.9, figure: 0.85, refusals: 1 };
/** Follow-up and date questions (conversation: true), asked with their earlier turns and "today": all of them. */
const CONVERSATION_FLOORS = { top1: 1, figure: 1, refusals: 1 };
/**
 * heldout.jsonl: questions written before the changes of 2026-11-25 were measured on them and not
 * tuned against since. Lower, because that is how well the pipeline generalises; it guards that too.
 */
const HELD_OUT_FLOORS = { top1: 0.8, figure: 0.65, refusals: 0.6 };

describe("npm run eval on the fixture index", () => {
  let summary: EvalSummary;
  let conversation: EvalSummary;
  let heldOut: EvalSummary;
  let conversationMisses: string[];
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
    conversationMisses = turns.filter((r) => !r.pass).map((r) => r.q.id);
    console.log([...single, ...turns, ...unseen].filter((r) => !r.pass).map(formatResult).join("\n"));
    console.log(formatSummary(summary, "single-turn"));
    console.log(formatSummary(conversation, "conversation"));
    console.log(formatSummary(heldOut, "held-out"));
  });

  it("finds the right source first", () => expect(summary.top1).toBeGreaterThanOrEqual(FLOORS.top1));
  it("puts the expected figure in the answer", () => expect(summary.figure).toBeGreaterThanOrEqual(FLOORS.figure));
  it("refuses everything the articles do not answer", () => expect(summary.refusals).toBeGreaterThanOrEqual(FLOORS.refusals));
  it("answers every follow-up and date question", () => {
    expect(conversationMisses).toEqual([]);
    expect(conversation.top1).toBeGreaterThanOrEqual(CONVERSATION_FLOORS.top1);
    expect(conversation.figure).toBeGreaterThanOrEqual(CONVERSATION_FLOORS.figure);
    expect(conversation.refusals).toBeGreaterThanOrEqual(CONVERSATION_FLOORS.refusals);
  });
  it("generalises to questions it was not tuned on", () => {
    expect(heldOut.top1).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.top1);
    expect(heldOut.figure).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.figure);
    expect(heldOut.refusals).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.refusals);
  });
});

describe.each(["questions.jsonl", "heldout.jsonl", "heldout-2.jsonl"])("test/eval/%s", (file) => {
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
