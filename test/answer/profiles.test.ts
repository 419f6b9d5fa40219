import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_DIR, writeFixtureModel } from "../../scripts/make-fixture-model.js";
import { decisionProfileFor, describeProfile, KEYWORD_PROFILE } from "../../src/answer/profiles.js";
import { openQaService } from "../../src/core/service.js";
import type { QaService } from "../../src/core/types.js";
import { evaluateAll, loadQuestions, summarize, type EvalResult, type EvalSummary } from "../../src/eval/evaluate.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";

/**
 * Issue #27: the answer decision must not depend on one model's similarity scale. The decision is
 * fitted per retrieval profile (src/answer/profiles.ts): keyword-only always, and the fixture model
 * tiny-zh. A model with no fitted profile — here a "scaled" fixture, the same tiny model with one
 * direction shared by every token vector, so its cosines sit high and close together (0.8–0.95)
 * like a real model's — is decided by the keyword-only profile, and its answers do not collapse.
 */
describe("decision profiles", () => {
  it("uses an index's own profile when one is fitted, else keyword-only, and says which", () => {
    expect(decisionProfileFor(null)).toMatchObject({ name: KEYWORD_PROFILE, unfittedModel: null });
    expect(decisionProfileFor("tiny-zh")).toMatchObject({ name: "tiny-zh", unfittedModel: null });
    const unfitted = decisionProfileFor("Xenova/multilingual-e5-small");
    expect(unfitted).toMatchObject({ name: KEYWORD_PROFILE, unfittedModel: "Xenova/multilingual-e5-small" });
    expect(describeProfile(unfitted)).toMatch(/keyword-only.*npm run fit -- --model Xenova\/multilingual-e5-small/);
  });
});

const SETS = ["questions.jsonl", "heldout.jsonl", "heldout-2.jsonl", "heldout-3.jsonl", "heldout-4.jsonl"];
const MAYOR = "Who is the mayor of Changji?";

describe("keyword-only, fixture and scaled-fixture indexes of the seeds", () => {
  const services = new Map<string, QaService>();
  const results = new Map<string, EvalResult[]>();
  const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-scaled-"));
  beforeAll(async () => {
    await writeFixtureModel(path.join(modelsDir, "tiny-zh-scaled"), { shared: 0.25, tokenizerDir: FIXTURE_DIR });
    const configs = {
      fixture: fixtureConfig(),
      // A model that cannot be loaded: the index is built keyword-only, as offline `npm start` does.
      keyword: fixtureConfig({ EMBEDDING_MODEL: "no-such-model" }),
      scaled: fixtureConfig({ MODELS_DIR: modelsDir, EMBEDDING_MODEL: "tiny-zh-scaled" }),
    };
    const questions = SETS.flatMap((file) => loadQuestions(path.join(ROOT, "test/eval", file))).filter((q) => !q.conversation);
    for (const [name, config] of Object.entries(configs)) {
      await buildFixtureIndex(config);
      const qa = await openQaService(config);
      services.set(name, qa);
      results.set(name, await evaluateAll(qa, questions));
    }
  }, 600_000);
  afterAll(async () => {
    for (const qa of services.values()) await qa.close();
    fs.rmSync(modelsDir, { recursive: true, force: true });
  });
  const summary = (name: string): EvalSummary => summarize(results.get(name)!);

  it("names the decision each index is answered with", () => {
    expect(services.get("fixture")!.info().decision).toMatchObject({ profile: "tiny-zh", unfittedModel: null });
    expect(services.get("keyword")!.info()).toMatchObject({ vectors: false, decision: { profile: KEYWORD_PROFILE, unfittedModel: null } });
    expect(services.get("scaled")!.info()).toMatchObject({ vectors: true, decision: { profile: KEYWORD_PROFILE, unfittedModel: "tiny-zh-scaled" } });
  });

  it("does not name a mayor the pages never mention, with or without vectors", async () => {
    for (const qa of services.values()) expect((await qa.answer(MAYOR)).found).toBe(false);
  });

  it("refuses about as many unanswerable questions keyword-only as with the fixture's vectors", () => {
    const [keyword, fixture] = [summary("keyword"), summary("fixture")];
    // One question either way of the unanswerable questions of the own sets.
    expect(Math.abs(keyword.refusals - fixture.refusals) * keyword.unanswerable).toBeLessThanOrEqual(1);
  });

  it("answers a model it was not fitted for like the keyword-only decision: no collapse either way", () => {
    const [keyword, scaled] = [summary("keyword"), summary("scaled")];
    expect(scaled.top1).toBeGreaterThanOrEqual(keyword.top1 - 0.05);
    expect(scaled.refusals).toBeGreaterThanOrEqual(keyword.refusals - 0.05);
    // Reply by reply: found where keyword-only finds, refused where it refuses, nearly always.
    const same = results.get("scaled")!.filter((r, i) => r.answer?.found === results.get("keyword")![i]!.answer?.found).length;
    expect(same / results.get("scaled")!.length).toBeGreaterThanOrEqual(0.9);
  });
});
