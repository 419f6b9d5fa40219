import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTuning, DEFAULT_ANSWER_TUNING } from "../../src/answer/tuning.js";
import { openQaService } from "../../src/core/service.js";
import type { QaService } from "../../src/core/types.js";
import { QaError } from "../../src/errors.js";
import { buildFixtureIndex, fixtureConfig } from "../helpers/fixture-index.js";

describe("answerTuning: the answer stage's hand-set numbers", () => {
  it("is the documented defaults when nothing is overridden", () => {
    expect(answerTuning()).toEqual(DEFAULT_ANSWER_TUNING);
    expect(answerTuning({})).not.toBe(DEFAULT_ANSWER_TUNING);
  });

  it("overrides some numbers, and mentionWeight's parts one by one", () => {
    const tuning = answerTuning({ candidates: 16, mentionWeight: { article: 0.1 } });
    expect(tuning.candidates).toBe(16);
    expect(tuning.mentionWeight).toEqual({ ...DEFAULT_ANSWER_TUNING.mentionWeight, article: 0.1 });
    expect(tuning.spanMaxChars).toBe(DEFAULT_ANSWER_TUNING.spanMaxChars);
  });

  it("refuses a value it cannot use, or a name it does not know, saying which", () => {
    const refusal = (overrides: object) => {
      try {
        answerTuning(overrides as never);
      } catch (err) {
        return err instanceof QaError ? `${err.code}: ${err.message}` : String(err);
      }
      return "accepted";
    };
    expect(refusal({ candidates: 0 })).toMatch(/^CONFIG_INVALID: .*candidates=0/);
    expect(refusal({ candidates: 2.5 })).toMatch(/candidates=2.5/);
    expect(refusal({ partialMention: Number.NaN })).toMatch(/partialMention=NaN/);
    expect(refusal({ mentionWeight: { headline: -1 } })).toMatch(/mentionWeight.headline=-1/);
    expect(refusal({ candidatez: 3 })).toMatch(/no such number candidatez/);
    expect(refusal({ focusAdjacent: 0 })).toBe("accepted");
  });
});

describe("an answerer runs with the numbers passed in (real seeds, index, fixture model)", () => {
  let plain: QaService;
  let tuned: QaService;
  const today = new Date("2026-05-01T12:00:00Z");
  beforeAll(async () => {
    const config = fixtureConfig();
    await buildFixtureIndex(config);
    plain = await openQaService(config);
    // A phrase of at most two characters: 昌吉开放大学 is too long to lead a reply.
    tuned = await openQaService(config, { tuning: { spanMaxChars: 2 } });
  });
  afterAll(async () => {
    await plain.close();
    await tuned.close();
  });

  it("leads with the phrase where the question word stands only within spanMaxChars", async () => {
    const question = "2024年昌吉州全民终身学习活动周由哪个单位承办？";
    const [byDefault, shortSpans] = await Promise.all([plain.answer(question, { today }), tuned.answer(question, { today })]);
    expect(byDefault.figure).toBe("昌吉开放大学");
    expect(shortSpans.figure).not.toBe("昌吉开放大学");
    expect(shortSpans.citations[0]?.quote ?? "").toContain("昌吉开放大学");
  });

  it("refuses to open with numbers it cannot use", async () => {
    await expect(openQaService(fixtureConfig(), { tuning: { spanMaxChars: -1 } })).rejects.toMatchObject({ code: "CONFIG_INVALID" });
  });
});
