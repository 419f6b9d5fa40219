/**
 * `index --add` with a PDF page and a web article, run as a reader would (`npm run -s cli -- …`):
 * the report names the converted pages and their dates, `ask --json` cites them with those dates,
 * and a bad file stops with its code and hint on stderr and exit code 1, the index unchanged.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixture-index.js";

const FIXTURES = path.join(ROOT, "test/fixtures/ingest");
const BASE = ["000_4405eea7cb10f242.txt", "001_1a32e2d18765e48d.txt", "003_2a3bfdafac07cb06.txt"];

function cli(args: string[], env: Record<string, string>) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, CI: "true" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("index --add with a PDF page and a web article (fixture model)", () => {
  const seeds = fs.mkdtempSync(path.join(os.tmpdir(), "qa-cli-docs-seeds-"));
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-cli-docs-index-"));
  const env = { MODELS_DIR: "test/fixtures/models", EMBEDDING_MODEL: "tiny-zh", INDEX_DIR: indexDir, SEEDS_DIR: seeds };

  beforeAll(() => {
    for (const name of BASE) fs.copyFileSync(path.join(ROOT, "seeds", name), path.join(seeds, name));
    expect(cli(["index"], env).code).toBe(0);
  });
  afterAll(() => {
    for (const dir of [seeds, indexDir]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("adds both, reports the pages they became with their dates, and answers from them", () => {
    const added = cli(["index", "--add", path.join(FIXTURES, "cjrb-2024-11-07-p1.pdf"), path.join(FIXTURES, "grain-reserve-article.html")], env);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    const lines = added.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Added cjrb-2024-11-07-p1\.txt from cjrb-2024-11-07-p1\.pdf \(PDF, 2024-11-07\): 2 articles, \d+ passages \(copied into .+\)\.$/);
    expect(lines[1]).toMatch(/^Added grain-reserve-article\.txt from grain-reserve-article\.html \(HTML, 2025-12-12\): 1 articles, \d+ passages/);
    expect(lines[2]).toMatch(/^Index updated: 5 files, /);

    const asked = cli(["ask", "--json", "昌吉州地方储备粮建储项目首批入库了多少玉米？"], env);
    const json = JSON.parse(asked.stdout) as { answer: string; citations: { source: string; date: string }[] };
    expect(json.answer).toContain("2.1万吨");
    expect(json.citations[0]).toMatchObject({ source: "grain-reserve-article.txt", date: "2025-12-12" });
  });

  it("stops on a scanned PDF with PDF_NO_TEXT and its OCR hint, exit code 1, nothing changed", () => {
    const before = fs.readdirSync(seeds).sort();
    const refused = cli(["index", "--add", path.join(FIXTURES, "scanned-page.pdf")], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    // With Tesseract installed the page is OCR'd first, and its grey bars hold no text either.
    expect(refused.stderr).toMatch(/^Cannot add scanned-page\.pdf: the PDF has no text layer .*\(PDF_NO_TEXT\)\n→ (?:To read scanned pages here, install Tesseract|Scan the page again)/);
    expect(fs.readdirSync(seeds).sort()).toEqual(before);
  });
});
