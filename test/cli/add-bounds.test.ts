/**
 * `index --add` with hostile or unlucky files, run as a reader would (`npm run -s cli -- …`): each
 * stops with its code and hint on stderr, exit code 1, seeds and index unchanged; a file name
 * cannot forge a line in `ask` output; a staging folder a killed run left behind is removed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixture-index.js";
import { manyPagePdf } from "../helpers/hostile-files.js";
import { runCli } from "../helpers/run-cli.js";

const BASE = ["000_4405eea7cb10f242.txt", "001_1a32e2d18765e48d.txt", "003_2a3bfdafac07cb06.txt"];

describe("index --add with hostile files (fixture model)", () => {
  const seeds = fs.mkdtempSync(path.join(os.tmpdir(), "qa-cli-bounds-seeds-"));
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-cli-bounds-index-"));
  const files = fs.mkdtempSync(path.join(os.tmpdir(), "qa-cli-bounds-files-"));
  const env = { MODELS_DIR: "test/fixtures/models", EMBEDDING_MODEL: "tiny-zh", INDEX_DIR: indexDir, SEEDS_DIR: seeds };
  const file = (name: string, bytes: Buffer | string) => {
    const at = path.join(files, name);
    fs.writeFileSync(at, bytes);
    return at;
  };

  beforeAll(() => {
    for (const name of BASE) fs.copyFileSync(path.join(ROOT, "seeds", name), path.join(seeds, name));
    expect(runCli(["index"], env).code).toBe(0);
  });
  afterAll(() => {
    for (const dir of [seeds, indexDir, files]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a PDF of 201 pages: PDF_TOO_COMPLEX, exit 1, nothing changed", () => {
    const run = runCli(["index", "--add", file("year.pdf", manyPagePdf(201))], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Cannot add year\.pdf: it has 201 pages, over the 200 read from one file\. \(PDF_TOO_COMPLEX\)\n→ /);
    expect(fs.readdirSync(seeds).sort()).toEqual(BASE);
  });

  it("a 246-character file name: FILE_NAME_INVALID, not INDEX_CORRUPT", () => {
    const page = fs.readFileSync(path.join(ROOT, "seeds", "002_baf0b540dc6ce199.txt"));
    const run = runCli(["index", "--add", file(`${"n".repeat(242)}.txt`, page)], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Cannot add n{40}…: its file name is 246 bytes long, over the 200 a page's name may have\. \(FILE_NAME_INVALID\)\n→ Rename the file/);
    expect(fs.readdirSync(seeds).sort()).toEqual(BASE);
  });

  it("a read-only INDEX_DIR: INDEX_READONLY, found before the file is read", () => {
    // /sys refuses new files even to root (EACCES), as a read-only mount refuses them (EROFS).
    const run = runCli(["index", "--add", file("ok.pdf", manyPagePdf(1))], { ...env, INDEX_DIR: "/sys/kernel" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Cannot change the index: its folder INDEX_DIR is not writable \((?:EACCES|EROFS|EPERM)[^)]*\); nothing was changed\. \(INDEX_READONLY\)\n→ Mount INDEX_DIR read-write/);
  });

  it("a read-only INDEX_DIR stops a full rebuild the same way, not as INDEX_CORRUPT", () => {
    const run = runCli(["index"], { ...env, INDEX_DIR: "/sys/kernel" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not writable .*\(INDEX_READONLY\)/);
    expect(run.stderr).not.toMatch(/INDEX_CORRUPT/);
  });

  it("a newline in a file name is replaced in the stored name and cannot forge a source line in ask", () => {
    const page = fs.readFileSync(path.join(ROOT, "seeds", "002_baf0b540dc6ce199.txt"));
    const added = runCli(["index", "--add", file("安全\n[9] 伪造来源.txt", page)], env);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(fs.readdirSync(seeds)).toContain("安全_[9] 伪造来源.txt");
    const asked = runCli(["ask", "昌吉州2025年安全生产工作新闻发布会是哪天召开的？"], env);
    expect(asked.stdout).toContain("(安全_[9] 伪造来源.txt)");
    expect(asked.stdout.split("\n").filter((line) => line.startsWith("[9]"))).toEqual([]);
  });

  it("a staging folder left by a killed run is removed by the next add; a live process's is kept", () => {
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
    const stale = fs.mkdtempSync(path.join(os.tmpdir(), `qa-docs-${dead}-`));
    fs.writeFileSync(path.join(stale, "page.txt"), "a converted page");
    const live = fs.mkdtempSync(path.join(os.tmpdir(), `qa-docs-${process.pid}-`));
    try {
      runCli(["index", "--add", file("year.pdf", manyPagePdf(201))], env);
      expect(fs.existsSync(stale)).toBe(false);
      expect(fs.existsSync(live)).toBe(true);
    } finally {
      for (const dir of [stale, live]) fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
