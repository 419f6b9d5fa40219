/**
 * Issue #31, no silent loss: pages in GBK / GB18030 / UTF-16 are read; a build that would drop most
 * of the live articles needs --allow-shrink; a page that is skipped is named alike by the CLI and
 * the bot's /reindex. Real CLI processes, real index; the bot on the loopback Bot API.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { visibleText } from "../../src/bot/html.js";
import type { Config } from "../../src/config/index.js";
import { openIndex } from "../../src/index/open.js";
import { FakeBotApi, messageUpdate } from "../bot/fake-bot-api.js";
import { startRealBot } from "../bot/real-bot.js";
import { GB18030_ONLY, toGbk, toUtf16 } from "../helpers/encodings.js";
import { fixtureConfig, ROOT } from "../helpers/fixture-index.js";
import { runCli } from "../helpers/run-cli.js";
import { runIndexCli } from "../index/cli-process.js";

const seed = (name: string) => fs.readFileSync(path.join(ROOT, "seeds", name), "utf8");
const articles = (config: Config) => openIndex({ indexDir: config.indexDir, model: "tiny-zh" }).manifest.counts.articles;
const env = (config: Config) => ({ MODELS_DIR: config.modelsDir!, EMBEDDING_MODEL: "tiny-zh", INDEX_DIR: config.indexDir, SEEDS_DIR: config.seedsDir, LOG_LEVEL: "silent" });

/** A seeds folder holding these files (name → bytes). */
function seedsWith(files: Record<string, Buffer | string>): Config {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-seeds-"));
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  return fixtureConfig({ SEEDS_DIR: dir });
}

describe("no silent loss", () => {
  it("reads pages in GBK, GB18030 and UTF-16 — by `index` and by `index --add` — and answers from them", async () => {
    const config = seedsWith({
      "001_1a32e2d18765e48d.txt": seed("001_1a32e2d18765e48d.txt"),
      "004_gbk.txt": toGbk(seed("004_79b3c460d300cb0d.txt")),
      "005_gb18030.txt": Buffer.concat([toGbk(seed("000_4405eea7cb10f242.txt")), GB18030_ONLY.bytes]),
    });
    const built = await runIndexCli(config, []).done;
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain("Indexed 3 files: 13 articles");
    expect(built.stderr).not.toContain("Skipped");
    const ask = runCli(["ask", "老君庙火区已累计完成采空区超前钻探进尺多少米？"], env(config));
    expect(ask.stdout).toContain("98653");

    const page = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qa-page-")), "006_utf16.txt");
    fs.writeFileSync(page, toUtf16(seed("002_baf0b540dc6ce199.txt"), "LE+BOM"));
    const added = await runIndexCli(config, ["--add", page]).done;
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain("Added 006_utf16.txt: 7 articles");
    expect(articles(config)).toBe(20);
  });

  it("a build that would drop more than half the live articles is refused (INDEX_SHRINK) unless --allow-shrink", async () => {
    const config = seedsWith({ "001_1a32e2d18765e48d.txt": seed("001_1a32e2d18765e48d.txt"), "002_baf0b540dc6ce199.txt": seed("002_baf0b540dc6ce199.txt") });
    expect((await runIndexCli(config, []).done).code).toBe(0);
    expect(articles(config)).toBe(8);
    // The big page is gone from SEEDS_DIR (a wrong copy, a page in an unreadable state): 1 article of 8 would be left.
    fs.writeFileSync(path.join(config.seedsDir, "002_baf0b540dc6ce199.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const refused = await runIndexCli(config, []).done;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("INDEX_SHRINK");
    expect(refused.stderr).toContain("The new build would hold 1 articles, the live index 8");
    expect(refused.stderr).toContain("Skipped 002_baf0b540dc6ce199.txt: it looks binary (NUL bytes).");
    expect(refused.stderr).toContain("--allow-shrink");
    expect(articles(config)).toBe(8);
    const allowed = await runIndexCli(config, ["--allow-shrink"]).done;
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(articles(config)).toBe(1);
  });

  it("a skipped page is named alike by `index` and by the bot's /reindex", async () => {
    const skipped = "Skipped 009_scan.txt: it looks binary (NUL bytes).";
    const config = seedsWith({ "001_1a32e2d18765e48d.txt": seed("001_1a32e2d18765e48d.txt"), "009_scan.txt": Buffer.from([0x25, 0x00, 0x01, 0x02]) });
    const cli = await runIndexCli(config, []).done;
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stderr).toContain(`warning: ${skipped}`);

    const token = "321321321:AANoSilentLossTestTokenNotReal_abcdef";
    const api = await FakeBotApi.start(token);
    const admin = 77;
    const bot = await startRealBot({ ...config, telegram: { ...config.telegram, token, apiRoot: api.apiRoot, adminIds: new Set([admin]) } }, api, "SIGUSR2");
    try {
      await api.exchange(messageUpdate("/reindex", { chatId: admin, userId: admin }), admin);
      const report = await api.waitFor(() => api.sent(admin).find((m) => visibleText(m.params.text).startsWith("Indexed")), 30_000, "the rebuild report");
      expect(visibleText(report.params.text)).toMatch(/^Indexed 1 files: 1 articles.*The new build is live\.\nSkipped 009_scan\.txt: it looks binary \(NUL bytes\)\.$/);
    } finally {
      await bot.stop();
      await api.close();
    }
  });
});
