import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Config } from "../../src/config/index.js";
import { openQaService } from "../../src/core/service.js";
import { FILES } from "../../src/index/manifest.js";
import { openIndex } from "../../src/index/open.js";
import { resolveCurrentBuild } from "../../src/index/store.js";
import { buildFixtureIndex, ROOT } from "../helpers/fixture-index.js";
import { privateFixture as builtFixture, runIndexCli as cli, until } from "./cli-process.js";

/** Real CLI processes against one INDEX_DIR: concurrent writers, and writers killed mid-build. */

const builds = (config: Config) => fs.readdirSync(path.join(config.indexDir, "builds"));
const sources = (config: Config) => openIndex({ indexDir: config.indexDir, model: "tiny-zh" }).manifest.seeds.map((s) => s.name);

async function expectAnswering(config: Config): Promise<void> {
  const qa = await openQaService(config);
  const answer = await qa.answer("昌吉州今年新增城镇就业多少人？");
  expect(answer.found).toBe(true);
  expect(answer.answer).toContain("10395");
}

describe("index writers as real processes", () => {
  it("two `index` runs and an `index --add` at once: one wins, the others stop with INDEX_LOCKED (or run after it), the page is indexed exactly when --add succeeded", async () => {
    const config = await builtFixture();
    const page = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qa-page-")), "009_extra.txt");
    fs.copyFileSync(path.join(ROOT, "seeds/000_4405eea7cb10f242.txt"), page);
    const [first, second, add] = await Promise.all([cli(config, []).done, cli(config, []).done, cli(config, ["--add", page]).done]);
    expect([first, second, add].filter((r) => r.code === 0).length).toBeGreaterThanOrEqual(1);
    for (const r of [first, second, add].filter((r) => r.code !== 0)) expect(r.stderr + r.stdout).toContain("INDEX_LOCKED");
    // A full build reads SEEDS_DIR under the lock, so it can never undo an --add that got in first.
    expect(sources(config).includes("009_extra.txt")).toBe(add.code === 0);
    expect(fs.existsSync(path.join(config.seedsDir, "009_extra.txt"))).toBe(add.code === 0);
    expect(fs.existsSync(path.join(config.indexDir, ".lock"))).toBe(false);
    expect(builds(config).filter((b) => b.includes(".tmp-"))).toEqual([]);
    await expectAnswering(config);
  });

  it("a build with worker processes (BUILD_WORKERS=2) writes the very files a build on one thread writes", async () => {
    const config = await builtFixture(["000_4405eea7cb10f242.txt", "001_1a32e2d18765e48d.txt", "003_2a3bfdafac07cb06.txt"]);
    const single = openIndex({ indexDir: config.indexDir, model: "tiny-zh" }).manifest;
    const run = await cli(config, [], { BUILD_WORKERS: "2" }).done;
    expect(run.code, run.stderr).toBe(0);
    const workers = openIndex({ indexDir: config.indexDir, model: "tiny-zh" }).manifest;
    expect(workers.builtAt).not.toBe(single.builtAt);
    for (const file of [FILES.articles, FILES.passages, FILES.keyword, FILES.lexicon]) expect(workers.files[file], file).toEqual(single.files[file]);
    expect(workers.seeds).toEqual(single.seeds);
    await expectAnswering(config);
  });

  it("a rebuild killed halfway leaves the previous index answering; the next build takes over its lock", async () => {
    const config = await builtFixture();
    const before = resolveCurrentBuild(config.indexDir);
    const run = cli(config, []);
    const temp = `.tmp-${run.child.pid}`;
    await until(() => builds(config).some((b) => b.endsWith(temp)), "the temporary build folder");
    run.child.kill("SIGKILL");
    expect((await run.done).signal).toBe("SIGKILL");

    expect(resolveCurrentBuild(config.indexDir)).toBe(before);
    expect(fs.readFileSync(path.join(config.indexDir, ".lock"), "utf8")).toContain(`"pid":${run.child.pid}`);
    await expectAnswering(config);

    await buildFixtureIndex(config);
    expect(builds(config).filter((b) => b.includes(".tmp-"))).toEqual([]);
    await expectAnswering(config);
  });

  it("an `index --add` killed while it holds the lock leaves the previous index answering", async () => {
    const config = await builtFixture();
    const before = resolveCurrentBuild(config.indexDir);
    const page = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qa-page-")), "009_extra.txt");
    fs.copyFileSync(path.join(ROOT, "seeds/000_4405eea7cb10f242.txt"), page);
    const run = cli(config, ["--add", page]);
    const lock = path.join(config.indexDir, ".lock");
    await until(() => fs.existsSync(lock) && fs.readFileSync(lock, "utf8").includes(`"pid":${run.child.pid}`), "the writer lock");
    run.child.kill("SIGKILL");
    await run.done;
    expect(resolveCurrentBuild(config.indexDir)).toBe(before);
    expect(sources(config)).not.toContain("009_extra.txt");
    await expectAnswering(config);
  });
});
