import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config/index.js";
import { createEmbedder, type Embedder } from "../../src/embed/index.js";
import { buildIndex } from "../../src/index/build.js";
import { FILES } from "../../src/index/manifest.js";
import { openIndex } from "../../src/index/open.js";
import { resolveCurrentBuild } from "../../src/index/store.js";
import { updateIndex, type UpdateOptions } from "../../src/index/update.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";

const SEEDS = path.join(ROOT, "seeds");
const ALL = fs.readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();
const JOBS = "003_2a3bfdafac07cb06.txt";
const QUERIES = ["新增城镇就业", "昌吉州 农村劳动力外出务工", "乡村振兴 产业", "教育 学校", "交通 公路建设", "How many jobs did Changji add"];

/** A seeds folder holding copies of `names`, and settings pointing at it and at a fresh index folder. */
function setup(names: string[], overrides: Record<string, string> = {}): Config {
  const seeds = fs.mkdtempSync(path.join(os.tmpdir(), "qa-seeds-"));
  for (const name of names) fs.copyFileSync(path.join(SEEDS, name), path.join(seeds, name));
  return fixtureConfig({ SEEDS_DIR: seeds, ...overrides });
}

describe("index --add / --remove give the index a full build of the same pages would", () => {
  let embedder: Embedder;
  let config: Config;
  const update = (options: Partial<UpdateOptions>, c = config) =>
    updateIndex({ seedsDir: c.seedsDir, indexDir: c.indexDir, model: c.embeddingModel, loadEmbedder: async () => embedder, ...options });
  const fullBuild = async (names: string[]) => {
    const c = setup(names);
    await buildFixtureIndex(c);
    return c.indexDir;
  };

  async function expectSameIndex(updatedDir: string, fullDir: string) {
    const a = openIndex({ indexDir: updatedDir, model: "tiny-zh" });
    const b = openIndex({ indexDir: fullDir, model: "tiny-zh" });
    expect(a.manifest.seeds).toEqual(b.manifest.seeds);
    expect(a.manifest.counts).toEqual(b.manifest.counts);
    for (const file of [FILES.articles, FILES.passages, FILES.keyword, FILES.lexicon]) {
      expect(a.manifest.files[file], file).toEqual(b.manifest.files[file]);
    }
    expect(b.keyword.search(QUERIES[0]!, 10)).toHaveLength(10);
    const vectors = await embedder.embedQueries(QUERIES);
    QUERIES.forEach((query, i) => {
      expect(a.keyword.search(query, 10), query).toEqual(b.keyword.search(query, 10));
      const [va, vb] = [a.vectors!.search(vectors[i]!, 10), b.vectors!.search(vectors[i]!, 10)];
      expect(vb).toHaveLength(10);
      expect(va.map((h) => h.id), query).toEqual(vb.map((h) => h.id));
      va.forEach((h, k) => expect(h.similarity).toBeCloseTo(vb[k]!.similarity, 5));
    });
  }

  beforeAll(async () => {
    embedder = await createEmbedder({ model: "tiny-zh", modelsDir: path.join(ROOT, "test/fixtures/models") });
    config = setup(ALL.filter((n) => n !== "002_baf0b540dc6ce199.txt"));
    await buildFixtureIndex(config);
  });

  it("--add of a new page equals a full build with it", async () => {
    const report = await update({ add: [path.join(SEEDS, "002_baf0b540dc6ce199.txt")] });
    expect(report).toMatchObject({ changed: true, replaced: [], removed: [], unknown: [] });
    expect(report.added.map((s) => s.name)).toEqual(["002_baf0b540dc6ce199.txt"]);
    expect(report.added[0]!.articles).toBeGreaterThan(0);
    expect(fs.readdirSync(config.seedsDir).sort()).toEqual(ALL);
    await expectSameIndex(config.indexDir, await fullBuild(ALL));
  });

  it("--add of the newest page (sorting after every indexed one) appends to the index and equals a full build", async () => {
    const newest = ALL[ALL.length - 1]!;
    const c = setup(ALL.slice(0, -1));
    await buildFixtureIndex(c);
    const before = openIndex({ indexDir: c.indexDir, model: "tiny-zh" });
    const report = await update({ add: [path.join(SEEDS, newest)] }, c);
    expect(report.added.map((s) => s.name)).toEqual([newest]);
    const after = openIndex({ indexDir: c.indexDir, model: "tiny-zh" });
    // Earlier passages keep their ids: the new page's passages follow them.
    expect(after.passages.slice(0, before.passages.length)).toEqual(before.passages);
    expect(after.passages.length).toBeGreaterThan(before.passages.length);
    await expectSameIndex(c.indexDir, await fullBuild(ALL));
  });

  it("re-adding an unchanged page is a no-op", async () => {
    const before = resolveCurrentBuild(config.indexDir);
    const report = await update({ add: [path.join(SEEDS, JOBS)] });
    expect(report).toMatchObject({ changed: false, unchanged: [JOBS], added: [], replaced: [] });
    expect(resolveCurrentBuild(config.indexDir)).toBe(before);
  });

  it("--remove equals a full build without the page, and deletes its copy from SEEDS_DIR", async () => {
    const report = await update({ remove: [JOBS] });
    expect(report).toMatchObject({ changed: true, removed: [JOBS] });
    expect(fs.existsSync(path.join(config.seedsDir, JOBS))).toBe(false);
    await expectSameIndex(config.indexDir, await fullBuild(ALL.filter((n) => n !== JOBS)));
  });

  it("adding the page back after removing it equals the full build again", async () => {
    await update({ add: [path.join(SEEDS, JOBS)] });
    await expectSameIndex(config.indexDir, await fullBuild(ALL));
  });

  it("a page with the name of an indexed one replaces it", async () => {
    const edited = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qa-page-")), JOBS);
    fs.writeFileSync(edited, fs.readFileSync(path.join(SEEDS, JOBS), "utf8").replaceAll("10395", "12345"));
    const report = await update({ add: [edited] });
    expect(report.replaced.map((s) => s.name)).toEqual([JOBS]);
    const index = openIndex({ indexDir: config.indexDir, model: "tiny-zh" });
    const top = index.keyword.search("新增城镇就业", 3).map((h) => index.passages[h.id]!.text).join(" ");
    expect(top).toContain("12345");
    expect(top).not.toContain("10395");
    expect(fs.readFileSync(path.join(config.seedsDir, JOBS)).equals(fs.readFileSync(edited))).toBe(true);
    await update({ add: [path.join(SEEDS, JOBS)] }); // put the real page back for the next cases
  });

  it("an unknown source changes nothing and is reported", async () => {
    const before = resolveCurrentBuild(config.indexDir);
    const report = await update({ remove: ["nope.txt", JOBS] });
    expect(report).toMatchObject({ changed: false, unknown: ["nope.txt"], removed: [] });
    expect(resolveCurrentBuild(config.indexDir)).toBe(before);
    expect(fs.existsSync(path.join(config.seedsDir, JOBS))).toBe(true);
  });

  it("refuses unusable pages with SEED_UNREADABLE before touching anything", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-bad-"));
    fs.writeFileSync(path.join(dir, "empty.txt"), "");
    fs.writeFileSync(path.join(dir, "page.md"), "昌吉");
    const before = resolveCurrentBuild(config.indexDir);
    for (const file of ["empty.txt", "page.md", "missing.txt"]) {
      await expect(update({ add: [path.join(dir, file)] })).rejects.toMatchObject({ code: "SEED_UNREADABLE" });
    }
    expect(resolveCurrentBuild(config.indexDir)).toBe(before);
    expect(fs.readdirSync(config.seedsDir).sort()).toEqual(ALL);
  });

  it("a failure midway leaves the index and SEEDS_DIR as they were", async () => {
    const before = resolveCurrentBuild(config.indexDir);
    const broken: Embedder = { ...embedder, embedPassages: async () => Promise.reject(new Error("disk on fire")) };
    await expect(update({ remove: [JOBS], add: [path.join(SEEDS, JOBS)], loadEmbedder: async () => broken })).resolves.toMatchObject({
      changed: false,
      unchanged: [JOBS],
    });
    const page = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qa-page-")), "009_new.txt");
    fs.copyFileSync(path.join(SEEDS, JOBS), page);
    await expect(update({ add: [page], loadEmbedder: async () => broken })).rejects.toThrow(/disk on fire/);
    expect(resolveCurrentBuild(config.indexDir)).toBe(before);
    expect(fs.readdirSync(config.seedsDir).sort()).toEqual(ALL);
    expect(fs.readdirSync(path.join(config.indexDir, "builds")).filter((e) => e.includes(".tmp-"))).toEqual([]);
  });

  it("refuses another model (MODEL_MISMATCH) and removing the last page (SEEDS_EMPTY)", async () => {
    await expect(update({ model: "Xenova/multilingual-e5-small", remove: [JOBS] })).rejects.toMatchObject({ code: "MODEL_MISMATCH" });
    const other: Embedder = { ...embedder, modelId: "other-model" };
    const page = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qa-page-")), "009_new.txt");
    fs.copyFileSync(path.join(SEEDS, JOBS), page);
    await expect(update({ add: [page], loadEmbedder: async () => other })).rejects.toMatchObject({ code: "MODEL_MISMATCH" });
    const single = setup([JOBS]);
    await buildFixtureIndex(single);
    await expect(update({ remove: [JOBS] }, single)).rejects.toMatchObject({ code: "SEEDS_EMPTY" });
  });

  it("a keyword-only index stays keyword-only and never loads the model", async () => {
    const offline = setup(ALL.filter((n) => n !== JOBS), { EMBEDDING_MODEL: "no-such-model" });
    const build = { seedsDir: offline.seedsDir, indexDir: offline.indexDir, model: "no-such-model", chunk: offline.chunk, hnsw: offline.hnsw };
    await buildIndex({ ...build, loadEmbedder: () => Promise.reject(new Error("offline")) });
    const report = await update(
      { add: [path.join(SEEDS, JOBS)], loadEmbedder: () => Promise.reject(new Error("must not be called")) },
      offline,
    );
    expect(report.manifest.model).toMatchObject({ id: "no-such-model", available: false, dim: null });
    expect(report.manifest.files[FILES.vectors]).toBeUndefined();
    const index = openIndex({ indexDir: offline.indexDir, model: "no-such-model" });
    expect(index.vectors).toBeNull();
    expect(index.keyword.search("新增城镇就业", 3).map((h) => index.articles.get(index.passages[h.id]!.articleId)!.source)).toContain(JOBS);
  });
});
