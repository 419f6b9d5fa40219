import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkModel, type DecisionModel } from "../../src/answer/decision.js";
import { LEAD_GROUPS } from "../../src/answer/values.js";
import { KEYWORD_PROFILE, profileFileOf } from "../../src/answer/profiles.js";
import { runCli } from "../helpers/run-cli.js";
import { ROOT } from "../helpers/fixture-index.js";

/**
 * `npm run fit` end to end on the project's small SQuAD fixture (seven made-up articles) and the
 * project's own questions over the seeds, keyword-only: it labels through the real pipeline, fits,
 * and writes a profile the answerer can load — the same one again from the cached labels.
 */
describe("npm run fit on test/fixtures/squad", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-fit-"));
  const cache = path.join(dir, "labels.json");
  const committed = profileFileOf(KEYWORD_PROFILE);
  const committedBefore = fs.readFileSync(committed, "utf8");
  const fit = (out: string, ...mode: string[]) =>
    runCli(
      ["--model", KEYWORD_PROFILE, "--squad", "test/fixtures/squad/mini-zh.json", "--questions-en", "test/fixtures/squad/mini-en.jsonl", "--cache", cache, "--out", out, ...mode],
      { MODELS_DIR: "test/fixtures/models" },
      undefined,
      "scripts/fit.ts",
    );
  let first: ReturnType<typeof fit>;
  let again: ReturnType<typeof fit>;
  let english: ReturnType<typeof fit>;
  beforeAll(() => {
    first = fit(path.join(dir, "first.json"));
    again = fit(path.join(dir, "again.json"));
    english = fit(path.join(dir, "english.json"), "--english-only");
  }, 360_000);
  const profile = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as DecisionModel & { fittedOn: unknown };

  it("labels, fits and writes the profile named by --out, leaving the committed one alone", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`wrote ${path.relative(ROOT, path.join(dir, "first.json"))}`);
    expect(fs.readFileSync(committed, "utf8")).toBe(committedBefore);
  });

  it("writes a profile the answerer accepts, with a threshold for every group and lead group", () => {
    const model = profile("first.json");
    expect(() => checkModel(model)).not.toThrow();
    for (const lang of ["zh", "en"] as const) {
      for (const t of [model.threshold[lang].typed, model.threshold[lang].untyped, ...LEAD_GROUPS.map((g) => model.lead!.threshold[lang][g])]) {
        expect(t).toBeGreaterThan(0);
        expect(t).toBeLessThan(1);
      }
    }
  });

  it("with --english-only, fits the English side and keeps the committed Chinese layers, thresholds and lead layer", () => {
    expect(english.code, english.stderr).toBe(0);
    const kept = JSON.parse(committedBefore) as DecisionModel;
    const model = profile("english.json");
    expect(() => checkModel(model)).not.toThrow();
    expect([model.choose.zh, model.answer.zh, model.threshold.zh, model.lead!.layer, model.lead!.threshold.zh]).toEqual([kept.choose.zh, kept.answer.zh, kept.threshold.zh, kept.lead!.layer, kept.lead!.threshold.zh]);
    expect(model.choose.en).toEqual(profile("first.json").choose.en);
    expect(fs.readFileSync(committed, "utf8")).toBe(committedBefore);
  });

  it("fits the same weights and thresholds again from the cached labels", () => {
    expect(again.code, again.stderr).toBe(0);
    expect(profile("again.json")).toEqual(profile("first.json"));
  });
});
