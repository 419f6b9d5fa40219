import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config/index.js";
import { createEmbedder } from "../../src/embed/index.js";
import { buildIndex, buildOptionsFor, workerCount, type BuildReport } from "../../src/index/build.js";
import { machineLoadFor } from "../../src/index/build-workers.js";
import { FILES } from "../../src/index/manifest.js";
import { openIndex } from "../../src/index/open.js";
import { resolveCurrentBuild } from "../../src/index/store.js";
import { buildFixtureIndex, fixtureConfig } from "../helpers/fixture-index.js";

describe("building the index from the seeds with the fixture model", () => {
  let config: Config;
  let report: BuildReport;
  beforeAll(async () => {
    config = fixtureConfig();
    report = await buildFixtureIndex(config);
  });

  it("records what it was built from in manifest.json", () => {
    const manifest = report.manifest;
    expect(manifest.model).toMatchObject({ id: "tiny-zh", available: true, dim: 64 });
    expect(manifest.seeds.map((s) => s.name)).toEqual(fs.readdirSync(config.seedsDir).filter((f) => f.endsWith(".txt")).sort());
    expect(manifest.counts.articles).toBeGreaterThanOrEqual(20);
    expect(manifest.counts.passages).toBe(report.passages);
    expect(manifest.chunking).toEqual(config.chunk);
    expect(Object.keys(manifest.files).sort()).toEqual([FILES.articles, FILES.keyword, FILES.lexicon, FILES.passages, FILES.vectors].sort());
  });

  it("reloads, and a query vector for 新增城镇就业 finds the 003 jobs article in its top 3", async () => {
    const index = openIndex({ indexDir: config.indexDir, model: "tiny-zh" });
    const embedder = await createEmbedder({ model: "tiny-zh", modelsDir: config.modelsDir });
    const [query] = await embedder.embedQueries(["新增城镇就业"]);
    const top = index.vectors!.search(query!, 3).map((h) => index.passages[h.id]!);
    const articles = top.map((p) => index.articles.get(p.articleId)!);
    expect(articles.some((a) => a.source === "003_2a3bfdafac07cb06.txt" && a.headline.includes("就业"))).toBe(true);
  });

  it("refuses an index built with another model, naming both", () => {
    expect(() => openIndex({ indexDir: config.indexDir, model: "Xenova/multilingual-e5-small" })).toThrow(
      expect.objectContaining({ code: "MODEL_MISMATCH", message: expect.stringContaining("tiny-zh") }),
    );
  });

  it("reports a corrupt file with INDEX_CORRUPT and the command that fixes it", () => {
    const scratch = fixtureConfig().indexDir;
    fs.cpSync(config.indexDir, scratch, { recursive: true, verbatimSymlinks: true });
    const file = path.join(resolveCurrentBuild(scratch), FILES.passages);
    fs.appendFileSync(file, " ");
    expect(() => openIndex({ indexDir: scratch, model: "tiny-zh" })).toThrow(
      expect.objectContaining({ code: "INDEX_CORRUPT", hint: expect.stringContaining("npm run -s cli -- index") }),
    );
  });

  it("says how to build an index that is missing", () => {
    expect(() => openIndex({ indexDir: path.join(config.indexDir, "nowhere"), model: "tiny-zh" })).toThrow(
      expect.objectContaining({ code: "INDEX_MISSING", hint: expect.stringContaining("cli -- index") }),
    );
  });

  it("keeps the previous index when a rebuild fails midway", async () => {
    const before = resolveCurrentBuild(config.indexDir);
    await expect(
      buildIndex({
        ...{ seedsDir: config.seedsDir, indexDir: config.indexDir, model: "tiny-zh", chunk: config.chunk, hnsw: config.hnsw },
        loadEmbedder: async () => ({
          modelId: "tiny-zh",
          dim: 64,
          embedQueries: async () => [],
          embedPassages: async () => {
            throw new Error("disk on fire");
          },
        }),
      }),
    ).rejects.toThrow(/disk on fire/);
    expect(resolveCurrentBuild(config.indexDir)).toBe(before);
    expect(() => openIndex({ indexDir: config.indexDir, model: "tiny-zh" })).not.toThrow();
  });

  it("keeps the previous index answering when a rebuild stops after any page, or while writing", async () => {
    const before = resolveCurrentBuild(config.indexDir);
    const embedder = await createEmbedder({ model: "tiny-zh", modelsDir: config.modelsDir });
    const pages = report.files;
    const stops = [
      ...Array.from({ length: pages }, (_, k) => ({ at: `after page ${k + 1}`, onProgress: (_s: string, done: number) => {
        if (done === k + 1) throw new Error(`stopped after page ${k + 1}`);
      } })),
      // The last page's progress comes after its passages are written and embedded: what follows is sealing.
      { at: "while writing the index files", onProgress: (_s: string, done: number) => {
        // A folder where the keyword file goes makes its write fail (EISDIR), even for root.
        if (done === pages) fs.mkdirSync(path.join(leftovers()[0]!, FILES.keyword));
      } },
    ];
    const leftovers = () => fs.readdirSync(path.join(config.indexDir, "builds")).filter((b) => b.includes(".tmp-")).map((b) => path.join(config.indexDir, "builds", b));
    for (const stop of stops) {
      await expect(buildIndex({ ...buildOptionsFor(config), pagesPerBatch: 1, loadEmbedder: async () => embedder, onProgress: stop.onProgress }), stop.at).rejects.toThrow();
      expect(resolveCurrentBuild(config.indexDir), stop.at).toBe(before);
      expect(leftovers(), stop.at).toEqual([]);
      const index = openIndex({ indexDir: config.indexDir, model: "tiny-zh" });
      expect(index.keyword.search("新增城镇就业", 3).length, stop.at).toBeGreaterThan(0);
    }
  });

  it("builds a keyword-only index, with a warning, when the model cannot be loaded", async () => {
    const offline = fixtureConfig({ EMBEDDING_MODEL: "no-such-model" });
    const result = await buildIndex({
      seedsDir: offline.seedsDir,
      indexDir: offline.indexDir,
      model: offline.embeddingModel,
      chunk: offline.chunk,
      hnsw: offline.hnsw,
      loadEmbedder: () => createEmbedder({ model: offline.embeddingModel, modelsDir: offline.modelsDir }),
    });
    expect(result.manifest.model).toMatchObject({ id: "no-such-model", available: false, dim: null });
    expect(result.warnings.join(" ")).toMatch(/keyword-only/);
    const index = openIndex({ indexDir: offline.indexDir, model: "no-such-model" });
    expect(index.vectors).toBeNull();
    expect(index.keyword.search("新增城镇就业", 1)).toHaveLength(1);
  });

  it("builds with worker processes twice in one process (as the bot's /reindex does), each time as one thread would", async () => {
    const single = await buildIndex(buildOptionsFor(fixtureConfig()));
    for (let round = 0; round < 2; round++) {
      const threaded = await buildIndex(buildOptionsFor(fixtureConfig({ BUILD_WORKERS: "2" })));
      expect(threaded.manifest.model.available, `round ${round}`).toBe(true);
      for (const file of Object.keys(single.manifest.files)) {
        expect(threaded.manifest.files[file]!.sha256, `round ${round}: ${file}`).toBe(single.manifest.files[file]!.sha256);
      }
    }
  });

  it("BUILD_WORKERS: a number is taken as it is; auto (the default) uses a worker per core for 64 pages or more on a half-idle machine", () => {
    expect(fixtureConfig().buildWorkers).toBe("auto");
    expect(fixtureConfig({ BUILD_WORKERS: "3" }).buildWorkers).toBe(3);
    expect(() => fixtureConfig({ BUILD_WORKERS: "many" })).toThrow(expect.objectContaining({ code: "CONFIG_INVALID" }));
    const idle = { cores: 2, load: 0.3 };
    expect(workerCount(3, 1, 16, { cores: 2, load: 9 })).toBe(3);
    expect(workerCount("auto", 5, 16, idle)).toBe(0);
    expect(workerCount("auto", 1000, 16, idle)).toBe(2);
    expect(workerCount("auto", 1000, 16, { cores: 2, load: 1.2 })).toBe(0);
    expect(workerCount("auto", 1000, 16, { cores: 1, load: 0 })).toBe(0);
    expect(workerCount("auto", 1000, 16, { cores: 16, load: 2 })).toBe(4);
  });

  it("BUILD_WORKERS=auto weighs the cores busy now, sampled only for a build big enough to use workers", async () => {
    expect(await machineLoadFor(2, 1000, 16)).toBeUndefined();
    expect(await machineLoadFor("auto", 10, 16)).toBeUndefined();
    const sampled = await machineLoadFor("auto", 1000, 16);
    expect(sampled?.cores).toBe(os.availableParallelism());
    expect(sampled!.load).toBeGreaterThanOrEqual(0);
    expect(sampled!.load).toBeLessThanOrEqual(sampled!.cores);
  });
});
