import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openQaService } from "../../src/core/service.js";
import { evaluateAll, formatResult, formatSummary, loadQuestions, summarize, type EvalSummary } from "../../src/eval/evaluate.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";

/**
 * The evaluation set, run with the fixture model. Floors are what the current pipeline achieves
 * (minus a little slack), so a regression fails here; raise them as answers improve.
 */
const FLOORS = { top1: 0.55, figure: 0.5, refusals: 0.85 };

describe("npm run eval on the fixture index", () => {
  let summary: EvalSummary;
  beforeAll(async () => {
    const config = fixtureConfig();
    await buildFixtureIndex(config);
    const qa = await openQaService(config);
    const questions = loadQuestions(path.join(ROOT, "test/eval/questions.jsonl")).filter((q) => !q.conversation);
    const results = await evaluateAll(qa, questions);
    summary = summarize(results);
    console.log(results.filter((r) => !r.pass).map(formatResult).join("\n"));
    console.log(formatSummary(summary, "single-turn"));
  });

  it("finds the right source first", () => expect(summary.top1).toBeGreaterThanOrEqual(FLOORS.top1));
  it("puts the expected figure in the answer", () => expect(summary.figure).toBeGreaterThanOrEqual(FLOORS.figure));
  it("refuses what the articles do not answer", () => expect(summary.refusals).toBeGreaterThanOrEqual(FLOORS.refusals));
});
