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
/** Follow-up and date questions (conversation: true), asked with their earlier turns and "today". */
const CONVERSATION_FLOORS = { top1: 0.6, figure: 0.6, refusals: 1 };

describe("npm run eval on the fixture index", () => {
  let summary: EvalSummary;
  let conversation: EvalSummary;
  beforeAll(async () => {
    const config = fixtureConfig();
    await buildFixtureIndex(config);
    const qa = await openQaService(config);
    const questions = loadQuestions(path.join(ROOT, "test/eval/questions.jsonl"));
    const single = await evaluateAll(qa, questions.filter((q) => !q.conversation));
    const turns = await evaluateAll(qa, questions.filter((q) => q.conversation));
    summary = summarize(single);
    conversation = summarize(turns);
    console.log([...single, ...turns].filter((r) => !r.pass).map(formatResult).join("\n"));
    console.log(formatSummary(summary, "single-turn"));
    console.log(formatSummary(conversation, "conversation"));
  });

  it("finds the right source first", () => expect(summary.top1).toBeGreaterThanOrEqual(FLOORS.top1));
  it("puts the expected figure in the answer", () => expect(summary.figure).toBeGreaterThanOrEqual(FLOORS.figure));
  it("refuses everything the articles do not answer", () => expect(summary.refusals).toBeGreaterThanOrEqual(FLOORS.refusals));
  it("answers follow-up and date questions", () => {
    expect(conversation.top1).toBeGreaterThanOrEqual(CONVERSATION_FLOORS.top1);
    expect(conversation.figure).toBeGreaterThanOrEqual(CONVERSATION_FLOORS.figure);
    expect(conversation.refusals).toBeGreaterThanOrEqual(CONVERSATION_FLOORS.refusals);
  });
});
