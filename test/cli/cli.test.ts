import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli as cli } from "../helpers/run-cli.js";

describe("the command line (fixture model, real seeds)", () => {
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-cli-"));
  const env = { MODELS_DIR: "test/fixtures/models", EMBEDDING_MODEL: "tiny-zh", INDEX_DIR: indexDir, SEEDS_DIR: "seeds" };

  beforeAll(() => {
    const built = cli(["index"], env);
    expect(built.stderr).toBe("");
    expect(built.stdout).toMatch(/^Indexed 5 files: \d+ articles, \d+ passages in [\d.]+ s \(model tiny-zh\)\.\n$/);
  });

  it("articles --json prints one object per article with the contract's fields", () => {
    const { stdout, code } = cli(["articles", "--json"], env);
    expect(code).toBe(0);
    const rows = stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) expect(Object.keys(row)).toEqual(["source", "paper", "date", "page", "headline", "byline", "derived", "passages"]);
    expect(rows).toContainEqual(expect.objectContaining({ source: "003_2a3bfdafac07cb06.txt", date: "2026-04-22", page: "总第12482期", paper: "昌吉日报" }));
    // The byline in its own field, never the headline; a headline the page does not print is marked derived.
    expect(rows).toContainEqual(expect.objectContaining({ headline: "深学笃行正确政绩观 真抓实干促就业惠民", byline: "本报记者 杨鹤", derived: false }));
    expect(rows).toContainEqual(expect.objectContaining({ headline: "车辆正在灌装液体二氧化碳…", byline: null, derived: true }));
    for (const row of rows) expect(row.headline).not.toMatch(/^(?:本报|记者|通讯员)/);
  });

  it("ask --json prints exactly one JSON line", () => {
    const { stdout, code } = cli(["ask", "--json", "How many jobs did Changji add this year?"], env);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!) as { found: boolean; answer: string; citations: { source: string; date: string }[] };
    expect(json.found).toBe(true);
    expect(json.answer).toContain("10395");
    expect(json.citations[0]).toMatchObject({ source: "003_2a3bfdafac07cb06.txt", date: "2026-04-22" });
  });

  it("ask prints a readable answer with numbered sources", () => {
    const { stdout } = cli(["ask", "昌吉州今年新增城镇就业多少人？"], env);
    expect(stdout).toMatch(/^10395人/);
    expect(stdout).toContain("[1] 昌吉日报 · 2026-04-22 · 深学笃行正确政绩观 真抓实干促就业惠民 (003_2a3bfdafac07cb06.txt)");
  });

  it("bad input gets one clear line and exit code 1, never a stack trace", () => {
    const empty = cli(["ask", "   "], env);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/EMPTY_QUESTION/);
    expect(empty.stderr).not.toMatch(/\n\s+at /);
    const missing = cli(["ask", "就业"], { ...env, INDEX_DIR: path.join(indexDir, "none") });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("npm run -s cli -- index");
    const badSetting = cli(["ask", "就业"], { ...env, HNSW_M: "lots" });
    expect(badSetting.stderr).toMatch(/CONFIG_INVALID[\s\S]*HNSW_M|HNSW_M[\s\S]*CONFIG_INVALID/);
  });

  it("chat answers piped questions in order, follows up, shows sources, and leaves on end of input", () => {
    const { stdout, code } = cli(["chat"], env, "昌吉州今年新增城镇就业多少人？\n那外出务工呢？\n/sources\n/bogus\n");
    expect(code).toBe(0);
    expect(stdout).toContain("10395人");
    expect(stdout).toContain("8710人（截至2026-04-22）");
    expect(stdout).toContain("树立和践行正确政绩观学习教育开展以来"); // the full passage from /sources
    expect(stdout).toContain("Unknown command /bogus.");
    expect(stdout).toMatch(/Bye\.\n$/);
  });

  it("every command has --help", () => {
    for (const command of ["index", "articles", "ask", "chat", "bot"]) {
      const { stdout, code } = cli([command, "--help"], env);
      expect(code, command).toBe(0);
      expect(stdout).toContain(`Usage: cli ${command}`);
    }
  });

  it("npm start without a token builds a missing index, then chats in the terminal", () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "qa-start-"));
    const { stdout, stderr, code } = cli([], { ...env, INDEX_DIR: fresh, TELEGRAM_BOT_TOKEN: "" }, "天山天池国际滑雪场共有几条雪道？\n", "src/main.ts");
    expect(code).toBe(0);
    // What the user is told, and nothing more: the build (pages, model), its result, the index and
    // model that answer, and what this is / what to do for the bot.
    const told = stderr.trim().split("\n");
    expect(told).toHaveLength(4);
    expect(told[0]).toMatch(/^No index in .* yet — building it from 5 pages in \.\/seeds with the model tiny-zh from \.\/test\/fixtures\/models\. This happens once\.$/);
    expect(told[1]).toMatch(/^Indexed 5 files: 26 articles, \d+ passages in [\d.]+ s \(model tiny-zh\)\.$/);
    expect(told[2]).toMatch(/^Index .*: 26 articles from 5 pages \(built \d{4}-\d\d-\d\d \d\d:\d\d UTC\), model tiny-zh; answer decision: fitted for tiny-zh\.$/);
    expect(told[3]).toContain("TELEGRAM_BOT_TOKEN is not set");
    expect(stdout).toContain("Ask in Chinese or English");
    expect(stdout).toContain("7条");
  });

  it("npm start rebuilds an index written by another version, from the seeds, and answers", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-start-old-"));
    expect(cli(["index"], { ...env, INDEX_DIR: dir }).code).toBe(0);
    // An index from a future (or past) release: its manifest names another format.
    const manifest = path.join(dir, "current", "manifest.json");
    fs.writeFileSync(manifest, JSON.stringify({ ...JSON.parse(fs.readFileSync(manifest, "utf8")), formatVersion: 1 }));
    expect(cli(["ask", "天山天池国际滑雪场共有几条雪道？"], { ...env, INDEX_DIR: dir }).stderr).toContain("INDEX_VERSION");

    const { stdout, stderr, code } = cli([], { ...env, INDEX_DIR: dir, TELEGRAM_BOT_TOKEN: "" }, "天山天池国际滑雪场共有几条雪道？\n", "src/main.ts");
    expect(code).toBe(0);
    expect(stderr).toContain("written by another version");
    expect(stdout).toContain("7条");
  });
});
