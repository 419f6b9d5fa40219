/**
 * The inbox, through the real pipeline (real index from the seeds, fixture model), driven by a fake
 * clock and `poll()` instead of waiting: a file still being written is left alone, temporary names
 * are never read, ten pages become one update, a duplicate and garbage are sorted out without
 * stopping the good files, and a locked index leaves the files for the next run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config/index.js";
import { openQaService } from "../../src/core/service.js";
import { createEmbedder, type Embedder } from "../../src/embed/index.js";
import { buildOptionsFor } from "../../src/index/build.js";
import { openManifest } from "../../src/index/open.js";
import { readInboxState } from "../../src/inbox/state.js";
import { watchInbox, type InboxWatcher } from "../../src/inbox/watch.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";

const FIXTURES = path.join(ROOT, "test/fixtures/ingest");
const BASE = ["000_4405eea7cb10f242.txt", "001_1a32e2d18765e48d.txt", "003_2a3bfdafac07cb06.txt"];
const SETTLE_MS = 3000;

let embedder: Embedder;
let config: Config;
let inbox: string;
let clock = 0;
let embedderLoads = 0;
const temp: string[] = [];

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temp.push(dir);
  return dir;
}

/** A watcher on the test's inbox that only runs when polled, on the fake clock. */
function watcher(): InboxWatcher {
  const loadEmbedder = async () => {
    embedderLoads++;
    return embedder;
  };
  return watchInbox({ ...buildOptionsFor(config, { loadEmbedder }), inboxDir: inbox, maxBytes: config.addMaxBytes, intervalMs: 0, settleMs: SETTLE_MS, now: () => clock });
}

/** Polls once now and once after the settle time: what a running watcher does over a few seconds. */
async function settleAndPoll(w: InboxWatcher) {
  await w.poll();
  clock += SETTLE_MS;
  return w.poll();
}

const live = () => openManifest({ indexDir: config.indexDir, model: config.embeddingModel });
const listing = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

/** A one-article text page of a day in May 2026, numbered n. */
const townPage = (n: number) =>
  `昌吉日报\n\n2026年5月${n}日\n\n# 昌吉州第${n}批农村公路改造完工\n\n本报讯 记者王明报道：5月${n}日，昌吉州第${n}批农村公路改造工程全部完工，共改造道路${100 + n}公里，惠及沿线村民两万余人。\n`;

beforeAll(async () => {
  embedder = await createEmbedder({ model: "tiny-zh", modelsDir: path.join(ROOT, "test/fixtures/models") });
  const seeds = tempDir("qa-inbox-seeds-");
  for (const name of BASE) fs.copyFileSync(path.join(ROOT, "seeds", name), path.join(seeds, name));
  inbox = tempDir("qa-inbox-");
  config = fixtureConfig({ SEEDS_DIR: seeds, INBOX_DIR: inbox });
  temp.push(config.indexDir);
  await buildFixtureIndex(config);
});

afterAll(() => {
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the inbox", () => {
  it("reads a file only once it has stopped growing, and never temporary names", async () => {
    const w = watcher();
    const pdf = fs.readFileSync(path.join(FIXTURES, "cjrb-2024-11-07-p1.pdf"));
    const target = path.join(inbox, "cjrb-2024-11-07-p1.pdf");
    fs.writeFileSync(target, pdf.subarray(0, 1000)); // half-written
    for (const name of ["next-page.pdf.part", ".sync-tmp.html", "notes.txt~"]) fs.writeFileSync(path.join(inbox, name), "不完整");
    expect(await w.poll()).toBeNull();
    clock += SETTLE_MS - 1;
    fs.appendFileSync(target, pdf.subarray(1000)); // still arriving: the wait starts again
    expect(await w.poll()).toBeNull();
    clock += SETTLE_MS - 1;
    expect(await w.poll()).toBeNull();
    clock += 1;
    const run = await w.poll();
    expect(run?.files).toEqual([{ file: "cjrb-2024-11-07-p1.pdf", outcome: "added", page: "cjrb-2024-11-07-p1.txt", movedTo: "done/cjrb-2024-11-07-p1.pdf" }]);
    expect(run?.indexChanged).toBe(true);
    expect(listing(inbox)).toEqual([".inbox-state.json", ".sync-tmp.html", "done", "next-page.pdf.part", "notes.txt~"]);
    expect(live().manifest.seeds.map((s) => s.name)).toContain("cjrb-2024-11-07-p1.txt");

    const qa = await openQaService(config, { embedder });
    const answer = await qa.answer("老君庙火区已累计完成采空区超前钻探进尺多少米？");
    expect(answer.answer).toContain("98653米");
    expect(answer.citations[0]).toMatchObject({ source: "cjrb-2024-11-07-p1.txt", date: "2024-11-07" });
    await qa.close();
    await w.close();
  });

  it("adds ten pages dropped at once as one update", async () => {
    const w = watcher();
    for (let n = 1; n <= 10; n++) fs.writeFileSync(path.join(inbox, `town-2026-05-${String(n).padStart(2, "0")}.txt`), townPage(n));
    const before = live().buildDir;
    embedderLoads = 0;
    const run = await settleAndPoll(w);
    expect(run?.files.map((f) => f.outcome)).toEqual(Array(10).fill("added"));
    expect(embedderLoads).toBe(1); // one update embeds all ten pages
    expect(live().buildDir).not.toBe(before);
    expect(live().manifest.seeds.filter((s) => s.name.startsWith("town-"))).toHaveLength(10);
    expect(listing(path.join(inbox, "done"))).toHaveLength(11);
    await w.close();
  });

  it("moves a duplicate to done/ and garbage to failed/ with its coded error, and adds the good file with them", async () => {
    const w = watcher();
    fs.copyFileSync(path.join(FIXTURES, "cjrb-2024-11-07-p1.pdf"), path.join(inbox, "same-page-renamed.pdf"));
    fs.writeFileSync(path.join(inbox, "page.pdf"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    fs.copyFileSync(path.join(FIXTURES, "scanned-page.pdf"), path.join(inbox, "scanned-page.pdf"));
    fs.copyFileSync(path.join(FIXTURES, "grain-reserve-article.html"), path.join(inbox, "grain-reserve-article.html"));
    const run = await settleAndPoll(w);
    expect(run?.files.map(({ file, outcome, page, movedTo, error }) => ({ file, outcome, page, movedTo, code: error?.code }))).toEqual([
      { file: "grain-reserve-article.html", outcome: "added", page: "grain-reserve-article.txt", movedTo: "done/grain-reserve-article.html", code: undefined },
      { file: "page.pdf", outcome: "failed", page: null, movedTo: "failed/page.pdf", code: "FORMAT_UNKNOWN" },
      { file: "same-page-renamed.pdf", outcome: "duplicate", page: "cjrb-2024-11-07-p1.txt", movedTo: "done/same-page-renamed.pdf", code: undefined },
      { file: "scanned-page.pdf", outcome: "failed", page: null, movedTo: "failed/scanned-page.pdf", code: "PDF_NO_TEXT" },
    ]);
    const reason = fs.readFileSync(path.join(inbox, "failed/scanned-page.pdf.reason.txt"), "utf8");
    expect(reason).toMatch(/^Cannot add scanned-page\.pdf: the PDF has no text layer .*\(PDF_NO_TEXT\)\n→ /);
    expect(listing(path.join(inbox, "failed"))).toEqual(["page.pdf", "page.pdf.reason.txt", "scanned-page.pdf", "scanned-page.pdf.reason.txt"]);
    await w.close();
  });

  it("remembers added content across restarts, and leaves files for the next run while the index is locked", async () => {
    const lock = path.join(config.indexDir, ".lock");
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }));
    fs.writeFileSync(path.join(inbox, "town-copy.txt"), townPage(3)); // the content of an earlier page, under a new name
    fs.writeFileSync(path.join(inbox, "town-2026-05-11.txt"), townPage(11));
    const restarted = watcher();
    const locked = await settleAndPoll(restarted);
    expect(locked?.error?.code).toBe("INDEX_LOCKED");
    expect(locked?.files).toEqual([{ file: "town-copy.txt", outcome: "duplicate", page: "town-2026-05-03.txt", movedTo: "done/town-copy.txt" }]);
    expect(listing(inbox)).toContain("town-2026-05-11.txt");

    fs.rmSync(lock);
    const run = await settleAndPoll(restarted);
    expect(run?.files.map((f) => `${f.file} ${f.outcome}`)).toEqual(["town-2026-05-11.txt added"]);
    expect(readInboxState(inbox).runs.at(-1)).toEqual(run);
    await restarted.close();
  });
});
