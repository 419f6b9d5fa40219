import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { FIXTURE_TODAY, ROOT } from "./fixture-index.js";

/**
 * Runs the real CLI (`npm run -s cli -- …` is `tsx src/cli/main.ts …`) as a reader would. DATA_DIR
 * (the question log) is a fresh temporary folder unless `env` names one.
 */
export function runCli(args: string[], env: Record<string, string>, input?: string, entry = "src/cli/main.ts") {
  const run = spawnSync(process.execPath, ["--import", "tsx", entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, TODAY: FIXTURE_TODAY, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "qa-data-")), ...env, CI: "true" },
    input,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
