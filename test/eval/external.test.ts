import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runExternalEval, type ExternalEvalRun } from "../../src/eval/external.js";
import { fixtureConfig, ROOT } from "../helpers/fixture-index.js";

/**
 * `npm run eval -- --squad` on a small SQuAD-format fixture written for the project (seven made-up
 * articles, the sixth left out, the third written without its first answer), through the real pipeline with the fixture model. It asserts the
 * report's shape and behaviour any sensible answering shows, not tuned rates.
 */
describe("the external evaluation on test/fixtures/squad", () => {
  let run: ExternalEvalRun;
  beforeAll(async () => {
    run = await runExternalEval(fixtureConfig(), {
      squadFile: path.join(ROOT, "test/fixtures/squad/mini-zh.json"),
      questionsEnFile: path.join(ROOT, "test/fixtures/squad/mini-en.jsonl"),
    });
  });

  it("reports the documented --json fields", () => {
    const { report } = run;
    expect(Object.keys(report).sort()).toEqual(
      ["articles", "buildSeconds", "dataset", "decision", "en", "goldInCorpus", "model", "passages", "skipped", "zh"].sort(),
    );
    expect(Object.keys(report.zh).sort()).toEqual(["ours", "peer", "questions"]);
    expect(Object.keys(report.zh.ours).sort()).toEqual(
      ["answerInAnyReply", "answerInReply", "answerable", "errors", "found", "leadsWithAnswer", "leftOut", "leftOutNoValueLead", "nearTopic", "nearTopicNoValueLead", "nearTopicNotAnswered", "p50Ms", "p95Ms", "refused", "top1Source", "valueLeads", "wrongLeads"].sort(),
    );
    expect(Object.keys(report.zh.peer).sort()).toEqual(["answerInReply", "answerable", "valueLeads", "wrongLeads"]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("indexes every article but the 6th, and counts the left-out article's questions as ones to refuse", () => {
    const { report } = run;
    expect(report.dataset).toBe("mini-zh.json");
    expect(report.model).toBe("model tiny-zh");
    expect(report.decision).toBe("tiny-zh");
    expect(report.articles).toEqual({ total: 7, written: 6, indexed: 6, leftOut: 1, nearTopic: 1, leaveOutEvery: 6 });
    expect(report.skipped).toBe(2);
    expect(report.goldInCorpus).toBe(1);
    expect(report.zh.questions).toBe(17);
    const { answerable, leftOut, nearTopic, errors } = report.zh.ours;
    expect({ answerable, leftOut, nearTopic, errors }).toEqual({ answerable: 13, leftOut: 2, nearTopic: 2, errors: 0 });
    expect(report.en && { questions: report.en.questions, leftOut: report.en.ours.leftOut, nearTopic: report.en.ours.nearTopic }).toEqual({ questions: 5, leftOut: 1, nearTopic: 1 });
  });

  it("refuses the questions about the article the corpus does not hold", () => {
    const leftOut = run.outcomes.filter((o) => !o.kept && !o.nearTopic);
    expect(leftOut.map((o) => o.found)).toEqual([false, false, false]);
    expect(run.report.zh.ours.refused).toBe(1);
    expect(run.report.zh.ours.leftOutNoValueLead).toBe(1);
    expect(leftOut.every((o) => !o.answerInReply && !o.peerAnswerInReply)).toBe(true);
  });

  it("gives no value for a fact taken out of an article that is still indexed (near-topic), in either language", () => {
    const near = run.outcomes.filter((o) => o.nearTopic);
    expect(near.map((o) => [o.id, o.lang])).toEqual([
      ["MINI_3_QUERY_0", "zh"],
      ["MINI_3_QUERY_1", "zh"],
      ["MINI_3_QUERY_0", "en"],
    ]);
    expect(near.map((o) => o.found)).toEqual([false, false, false]);
    expect(near.some((o) => o.quote !== null || o.answer !== null)).toBe(true);
    expect(run.report.zh.ours.nearTopicNotAnswered).toBe(1);
    // No value lead either (the looser reading of issue #26 can never be below the strict one).
    expect(run.report.zh.ours.nearTopicNoValueLead).toBe(1);
  });

  it("answers plain Chinese questions with the gold answer in the reply", () => {
    const { ours } = run.report.zh;
    expect(ours.answerInReply).toBeGreaterThanOrEqual(0.5);
    expect(ours.answerInAnyReply).toBeGreaterThanOrEqual(ours.answerInReply);
    expect(ours.found).toBeGreaterThanOrEqual(ours.answerInReply);
    const railway = run.outcomes.find((o) => o.id === "MINI_5_QUERY_0" && o.lang === "zh")!;
    expect(railway).toMatchObject({ found: true, source: "00005.txt", expectedSource: "00005.txt", answerInReply: true });
  });

  it("has the naive peer find an obvious answer, and never refuse", () => {
    const railway = run.outcomes.find((o) => o.id === "MINI_5_QUERY_0" && o.lang === "zh")!;
    expect(railway.peerReply).toContain("全长86公里");
    expect(railway.peerAnswerInReply).toBe(true);
    expect(run.report.zh.peer.answerInReply).toBeGreaterThanOrEqual(0.5);
    expect(run.outcomes.filter((o) => o.lang === "zh").every((o) => o.peerReply !== "")).toBe(true);
  });
});
