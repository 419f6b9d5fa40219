/**
 * `watch --once` and `status`, run as an operator would: the files in INBOX_DIR are added or
 * refused, each reported on one line, and `status` then shows the newest issue, the last run and
 * the refused file with its coded error.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixture-index.js";
import { runCli } from "../helpers/run-cli.js";

const FIXTURES = path.join(ROOT, "test/fixtures/ingest");
const BASE = ["000_4405eea7cb10f242.txt", "001_1a32e2d18765e48d.txt", "003_2a3bfdafac07cb06.txt"];

describe("watch --once and status (fixture model)", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "qa-cli-inbox-"));
  const env = { MODELS_DIR: "test/fixtures/models", EMBEDDING_MODEL: "tiny-zh", INDEX_DIR: path.join(root, "index"), SEEDS_DIR: path.join(root, "seeds"), INBOX_DIR: path.join(root, "inbox") };

  beforeAll(() => {
    fs.mkdirSync(env.SEEDS_DIR);
    fs.mkdirSync(env.INBOX_DIR);
    for (const name of BASE) fs.copyFileSync(path.join(ROOT, "seeds", name), path.join(env.SEEDS_DIR, name));
    expect(runCli(["index"], env).code).toBe(0);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("adds the e-paper page, refuses a broken one with exit code 1, and status shows both", () => {
    fs.copyFileSync(path.join(FIXTURES, "cjrb-2024-11-07-p1.pdf"), path.join(env.INBOX_DIR, "cjrb-2024-11-07-p1.pdf"));
    fs.writeFileSync(path.join(env.INBOX_DIR, "broken.pdf"), Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x9c]));
    fs.writeFileSync(path.join(env.INBOX_DIR, "tomorrow.pdf.part"), "%PDF-1.7 still arriving");

    const watched = runCli(["watch", "--once"], env);
    expect(watched.code).toBe(1);
    expect(watched.stdout.split("\n")).toEqual([
      "Refused broken.pdf: Cannot add broken.pdf: it is named .pdf but is not a PDF (no %PDF- header); its bytes look binary. (FORMAT_UNKNOWN) → failed/broken.pdf",
      "Added cjrb-2024-11-07-p1.txt from cjrb-2024-11-07-p1.pdf → done/cjrb-2024-11-07-p1.pdf",
      "",
    ]);
    expect(watched.stderr).toBe(""); // the printed lines are the report: nothing logged at the default level

    const status = runCli(["status"], env);
    expect(status.code).toBe(0);
    const lines = status.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Index .+: 15 articles, \d+ passages from 4 pages, built .+ UTC, model tiny-zh\.$/);
    expect(lines.slice(1)).toEqual([
      "Newest issue: 昌吉日报 2026-04-22 (总第12482期), 6 articles.",
      "Feeds: none (set FEEDS to add new items of RSS/Atom feeds).",
      `Inbox ${env.INBOX_DIR}: 0 files waiting.`,
      expect.stringMatching(/^Last inbox run \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC:$/),
      "  Refused broken.pdf: Cannot add broken.pdf: it is named .pdf but is not a PDF (no %PDF- header); its bytes look binary. (FORMAT_UNKNOWN) → failed/broken.pdf",
      "  Added cjrb-2024-11-07-p1.txt from cjrb-2024-11-07-p1.pdf → done/cjrb-2024-11-07-p1.pdf",
      `Failed (1, in ${path.join(env.INBOX_DIR, "failed")}, each with <name>.reason.txt):`,
      "  broken.pdf — Cannot add broken.pdf: it is named .pdf but is not a PDF (no %PDF- header); its bytes look binary. (FORMAT_UNKNOWN)",
    ]);
    const json = JSON.parse(runCli(["status", "--json"], env).stdout) as { newestIssue: unknown; inbox: { failed: unknown[] } };
    expect(json.newestIssue).toEqual({ paper: "昌吉日报", date: "2026-04-22", number: "总第12482期", articles: 6 });
    expect(json.inbox.failed).toEqual([{ file: "broken.pdf", reason: expect.stringContaining("(FORMAT_UNKNOWN)") }]);
  });

  it("watch without INBOX_DIR or FEEDS stops with CONFIG_INVALID and what to set", () => {
    const run = runCli(["watch", "--once"], { ...env, INBOX_DIR: "" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Neither INBOX_DIR nor FEEDS is set.*\(CONFIG_INVALID\)\n→ Set INBOX_DIR/);
  });
});
