import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Config } from "../../src/config/index.js";
import { openIndex } from "../../src/index/open.js";
import { sha256 } from "../../src/index/store.js";
import { ROOT } from "../helpers/fixture-index.js";
import { runCli } from "../helpers/run-cli.js";
import { privateFixture, runIndexCli } from "./cli-process.js";

/**
 * Issue #31: an update stages its seed changes in a journal, swaps the index, then applies them to
 * SEEDS_DIR. A real CLI process SIGKILLed at each stage (QA_TEST_CRASH_AT, a test-only hook) leaves
 * a journal the next start settles: seeds and index agree afterwards.
 */

/** SEEDS_DIR's pages as name → SHA-256, and the live index's. */
const seedsOf = (config: Config) =>
  Object.fromEntries(
    fs.readdirSync(config.seedsDir).filter((n) => n.endsWith(".txt")).sort().map((n) => [n, sha256(fs.readFileSync(path.join(config.seedsDir, n)))]),
  );
const indexedOf = (config: Config) => Object.fromEntries(openIndex({ indexDir: config.indexDir, model: "tiny-zh" }).manifest.seeds.map((s) => [s.name, s.sha256]));

const env = (config: Config) => ({ MODELS_DIR: config.modelsDir!, EMBEDDING_MODEL: "tiny-zh", INDEX_DIR: config.indexDir, SEEDS_DIR: config.seedsDir, LOG_LEVEL: "silent" });

function page(name: string, from = "000_4405eea7cb10f242.txt"): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qa-page-")), name);
  fs.copyFileSync(path.join(ROOT, "seeds", from), file);
  return file;
}

describe("seeds and index change together", () => {
  it("killed at each stage of `index --remove A --add B`, the next start leaves seeds and index in step (rolled back before the swap, replayed after)", async () => {
    const config = await privateFixture(["001_1a32e2d18765e48d.txt", "003_2a3bfdafac07cb06.txt"]);
    let previous = "001_1a32e2d18765e48d.txt";
    for (const stage of ["staged", "swapped", "seeds", "committed"] as const) {
      const before = indexedOf(config);
      const added = `002_${stage}.txt`;
      const run = await runIndexCli(config, ["--remove", previous, "--add", page(added)], { QA_TEST_CRASH_AT: stage }).done;
      expect(run.signal, `${stage}: ${run.stderr}`).toBe("SIGKILL");
      expect(fs.existsSync(path.join(config.indexDir, "seeds-journal")), stage).toBe(true);
      if (stage === "swapped") expect(seedsOf(config)).not.toEqual(indexedOf(config)); // what the journal is for

      // The next start (here a question through the CLI) settles the journal.
      const ask = runCli(["ask", "昌吉州今年新增城镇就业多少人？"], env(config));
      expect(ask.code, ask.stderr).toBe(0);
      expect(fs.existsSync(path.join(config.indexDir, "seeds-journal")), stage).toBe(false);
      expect(seedsOf(config), stage).toEqual(indexedOf(config));
      if (stage === "staged") {
        expect(indexedOf(config)).toEqual(before);
      } else {
        expect(Object.keys(indexedOf(config))).toContain(added);
        expect(Object.keys(indexedOf(config))).not.toContain(previous);
        previous = added;
      }
    }
  });

  it("an append killed after the swap is replayed by the next writer; one killed before it is rolled back", async () => {
    const config = await privateFixture(["001_1a32e2d18765e48d.txt"]);
    const before = seedsOf(config);
    expect((await runIndexCli(config, ["--add", page("008_late.txt")], { QA_TEST_CRASH_AT: "staged" }).done).signal).toBe("SIGKILL");
    expect((await runIndexCli(config, ["--add", page("009_later.txt")], { QA_TEST_CRASH_AT: "swapped" }).done).signal).toBe("SIGKILL");
    // The second writer settled the first one's journal (rolled back) before its own update.
    expect(Object.keys(indexedOf(config))).toEqual(["001_1a32e2d18765e48d.txt", "009_later.txt"]);
    expect(seedsOf(config)).toEqual(before);
    const next = await runIndexCli(config, ["--add", page("010_last.txt", "003_2a3bfdafac07cb06.txt")]).done;
    expect(next.code, next.stderr).toBe(0);
    expect(Object.keys(seedsOf(config))).toEqual(["001_1a32e2d18765e48d.txt", "009_later.txt", "010_last.txt"]);
    expect(seedsOf(config)).toEqual(indexedOf(config));
  });

  it("an update whose swap fails leaves SEEDS_DIR as it was (it said the previous index is untouched)", async () => {
    const config = await privateFixture(["001_1a32e2d18765e48d.txt", "003_2a3bfdafac07cb06.txt"]);
    // `current` as a real folder (a copy of the live build) instead of the symlink: the swap's rename fails.
    const current = path.join(config.indexDir, "current");
    const live = fs.realpathSync(current);
    fs.rmSync(current);
    fs.cpSync(live, current, { recursive: true });
    const seeds = seedsOf(config);
    const run = await runIndexCli(config, ["--remove", "001_1a32e2d18765e48d.txt", "--add", page("002_new.txt")]).done;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("The previous index is untouched");
    expect(seedsOf(config)).toEqual(seeds);
    expect(indexedOf(config)).toEqual(seeds);
    expect(fs.existsSync(path.join(config.indexDir, "seeds-journal"))).toBe(false);
  });

  it("a missing SEEDS_DIR is SEEDS_MISSING for `index --add`, and no seeds folder is created", async () => {
    const config = await privateFixture(["001_1a32e2d18765e48d.txt"]);
    const gone = path.join(path.dirname(config.seedsDir), `${path.basename(config.seedsDir)}-gone`);
    const run = await runIndexCli({ ...config, seedsDir: gone }, ["--add", page("009_extra.txt")]).done;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("SEEDS_MISSING");
    expect(fs.existsSync(gone)).toBe(false);
    expect(Object.keys(indexedOf(config))).toEqual(["001_1a32e2d18765e48d.txt"]);
  });
});
