import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Config } from "../../src/config/index.js";
import { buildFixtureIndex, FIXTURE_TODAY, fixtureConfig, ROOT } from "../helpers/fixture-index.js";

/** Helpers for tests that run the CLI as real processes and write into SEEDS_DIR. */

/** A built fixture index over a private copy of some seed pages (`index --add` writes into SEEDS_DIR). Fewer pages, faster runs. */
export async function privateFixture(pages = ["001_1a32e2d18765e48d.txt", "003_2a3bfdafac07cb06.txt"]): Promise<Config> {
  const seeds = fs.mkdtempSync(path.join(os.tmpdir(), "qa-seeds-"));
  for (const name of pages) fs.copyFileSync(path.join(ROOT, "seeds", name), path.join(seeds, name));
  const config = fixtureConfig({ SEEDS_DIR: seeds });
  await buildFixtureIndex(config);
  return config;
}

/** A CLI process started by a test, and how it ended. */
export interface CliRun {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * Runs `cli index <args>` as a real process on the test's settings. `node --import tsx` is `npx tsx`
 * without the npx wrapper process, so `child.pid` is the writer itself (what a test kills).
 */
export function runIndexCli(config: Config, args: string[], extraEnv: Record<string, string> = {}): CliRun {
  const env = {
    ...process.env,
    MODELS_DIR: config.modelsDir!,
    EMBEDDING_MODEL: config.embeddingModel,
    INDEX_DIR: config.indexDir,
    SEEDS_DIR: config.seedsDir,
    LOG_LEVEL: "silent",
    TODAY: FIXTURE_TODAY,
    ...extraEnv,
  };
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "index", ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Awaited<CliRun["done"]>>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Waits until `condition` holds, checking every few milliseconds. */
export async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
