import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, type Config } from "../../src/config/index.js";
import { openQaService } from "../../src/core/service.js";
import type { QaService } from "../../src/core/types.js";
import { buildIndex, buildOptionsFor, type BuildReport } from "../../src/index/build.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * "Today" of every test (TODAY): the newest seed page is of 2026-04-22, so 今年 / this year is 2026.
 * The suite never reads the real date; `test/answer/later-year.test.ts` asks in 2027 on purpose.
 */
export const FIXTURE_TODAY = "2026-05-01";

/** Settings of the offline fixture: the committed tiny-zh model and the real seeds. */
export function fixtureConfig(overrides: Record<string, string> = {}): Config {
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-index-"));
  return loadConfig(
    { MODELS_DIR: "test/fixtures/models", EMBEDDING_MODEL: "tiny-zh", SEEDS_DIR: "seeds", INDEX_DIR: indexDir, TODAY: FIXTURE_TODAY, ...overrides },
    ROOT,
  );
}

/** Builds the real index from seeds/ with the real fixture model (no mocks). */
export async function buildFixtureIndex(config: Config): Promise<BuildReport> {
  return buildIndex(buildOptionsFor(config));
}

/** The answering core over a freshly built fixture index of the real seeds: what most answer tests ask. */
export async function openFixtureService(overrides: Record<string, string> = {}): Promise<QaService> {
  const config = fixtureConfig(overrides);
  await buildFixtureIndex(config);
  return openQaService(config);
}
