import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openQaService } from "../../src/core/service.js";
import { evaluateAll, formatResult, formatSummary, loadQuestions, summarize, type EvalSummary } from "../../src/eval/evaluate.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";

/**
 * The evaluation sets, run with the fixture model. Floors are aggregate figures measured with the
 * fitted answer decision (src/answer/model/profiles/tiny-zh.json; its thresholds hold every refusal
 * of questions.jsonl), minus a little slack: a regression fails here, and no single phrasing is
 * forced to pass. Measured 2026-11-30 after the windows and bridge work (top-1 / figure / refusals):
 * single-turn 97.6 / 94.0 / 100 %, conversation 100 / 100 / 100 %, heldout 87.0 / 78.3 / 66.7 %,
 * heldout-2 88.0 / 80.0 / 100 %; again after local weights and chooseInputs (unchanged), and
 * heldout-3 (untyped near-topic refusals) 75.0 / 75.0 / 50.0 % (41.7 % before the English
 * unread-name refit) — a known weakness, guarded from getting worse; after weakly read English
 * names became anchors: heldout 91.3 / 82.6 / 66.7 %, heldout-3 100 / 100 / 50 %, heldout-4 100 %.
 * Before the fitted decision: 95.2 / 90.5 / 100, 100 / 100 / 100, 82.6 / 73.9 / 66.7, 68.0 / 64.0 / 100.
 */
/**
 * Since the decision was fitted on the lead a reader sees and a wrong answer costs a right one
 * (issue #26, third step): 97.6 → 92.9 % answered right (91.7 % keyword-only) — four questions
 * became evidence; every refusal held. The price of fewer wrong leads, stated here.
 *
 * Values as candidates (fifth step: a fitted lead layer picks the value and may take it back):
 * 92.9 → 88.1 % — three right answers became evidence (the quote still holds the value), and so
 * did two wrong leads this set counted as found (30多个 international organisations for the number
 * of countries, a deputy for the chairman): it measures the expected text in a found reply, not leads.
 */
const FLOORS = { top1: 0.85, figure: 0.85, refusals: 1 };
/** Follow-up and date questions (conversation: true), asked with their earlier turns and "today". */
const CONVERSATION_FLOORS = { top1: 0.95, figure: 0.95, refusals: 1 };
/** The held-out sets and their floors: never fitted or tuned on, they guard how well answers generalise. */
const HELD_OUT: Record<string, Partial<typeof FLOORS>> = {
  // Fifth step (the lead layer): 82.6 → 78.3 % figure — one figure answer became evidence.
  "heldout.jsonl": { top1: 0.86, figure: 0.75, refusals: 0.6 },
  // Since the refit on DRCD and near-topic negatives (issue #26): 96.0 / 92.0 % answered, but one English
  // refusal of seven ("How many people died in road traffic accidents…") leads with a count of people
  // trained (4.8万余人次) — a wrong lead the English binding lets through (the asked measure, no focus word).
  // Fitted on the lead a reader sees (third step): 88.0 / 80.0 %, and all seven refused again.
  "heldout-2.jsonl": { top1: 0.8, figure: 0.75, refusals: 1 },
  /** What / which / how questions the seeds come near but never answer, and four they do. */
  "heldout-3.jsonl": { top1: 0.75, figure: 0.75, refusals: 0.4 },
  /** Far-off questions (a prime minister, the Titanic), English and Chinese: every one refused. */
  "heldout-4.jsonl": { refusals: 1 },
};

describe("npm run eval on the fixture index", () => {
  let summary: EvalSummary;
  let conversation: EvalSummary;
  const heldOut = new Map<string, EvalSummary>();
  beforeAll(async () => {
    const config = fixtureConfig();
    await buildFixtureIndex(config);
    const qa = await openQaService(config);
    const questions = loadQuestions(path.join(ROOT, "test/eval/questions.jsonl"));
    const single = await evaluateAll(qa, questions.filter((q) => !q.conversation));
    const turns = await evaluateAll(qa, questions.filter((q) => q.conversation));
    summary = summarize(single);
    conversation = summarize(turns);
    const unseen = [];
    for (const file of Object.keys(HELD_OUT)) {
      const results = await evaluateAll(qa, loadQuestions(path.join(ROOT, "test/eval", file)));
      heldOut.set(file, summarize(results));
      unseen.push(...results);
    }
    console.log([...single, ...turns, ...unseen].filter((r) => !r.pass).map(formatResult).join("\n"));
    console.log(formatSummary(summary, "single-turn"));
    console.log(formatSummary(conversation, "conversation"));
    for (const [file, figures] of heldOut) console.log(formatSummary(figures, file));
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
    for (const [file, floors] of Object.entries(HELD_OUT)) {
      const figures = heldOut.get(file)!;
      for (const [figure, floor] of Object.entries(floors)) expect(figures[figure as keyof typeof floors], `${file} ${figure}`).toBeGreaterThanOrEqual(floor);
    }
  });
});

describe.each(["questions.jsonl", ...Object.keys(HELD_OUT), "fresh.jsonl", "fresh-2.jsonl", "dev-news.jsonl", "dev-news-2.jsonl", "dev-news-3.jsonl", "dev-news-4.jsonl", "dev-news-5.jsonl"])("test/eval/%s", (file) => {
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
