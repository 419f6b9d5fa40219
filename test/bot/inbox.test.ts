/**
 * The running bot watches INBOX_DIR: a web article dropped there is answered from without a restart,
 * a garbage file lands in failed/, and an admin's /stats shows the newest issue, the inbox's last
 * run and the refused file. Real core and index (seeds, fixture model), loopback Bot API, the
 * inbox polled every 50 ms instead of 5 s.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../../src/bot/html.js";
import { startBot } from "../../src/bot/index.js";
import type { Config } from "../../src/config/index.js";
import { openQaService } from "../../src/core/service.js";
import type { QaService } from "../../src/core/types.js";
import { createLogger } from "../../src/log.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";
import { FakeBotApi, messageUpdate } from "./fake-bot-api.js";

const TOKEN = "424242424:AAInboxTestTokenNotReal_abcdefghijk";
const ADMIN = 91;
const BASE = ["000_4405eea7cb10f242.txt", "001_1a32e2d18765e48d.txt", "003_2a3bfdafac07cb06.txt"];

let api: FakeBotApi;
let config: Config;
let qa: QaService;
let stopped: Promise<void>;
const temp: string[] = [];

beforeAll(async () => {
  const seeds = fs.mkdtempSync(path.join(os.tmpdir(), "qa-bot-inbox-seeds-"));
  const inbox = fs.mkdtempSync(path.join(os.tmpdir(), "qa-bot-inbox-"));
  for (const name of BASE) fs.copyFileSync(path.join(ROOT, "seeds", name), path.join(seeds, name));
  api = await FakeBotApi.start(TOKEN);
  config = fixtureConfig({ SEEDS_DIR: seeds, INBOX_DIR: inbox, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, ADMIN_IDS: String(ADMIN) });
  temp.push(seeds, inbox, config.indexDir);
  await buildFixtureIndex(config);
  const logger = createLogger("silent");
  qa = await openQaService(config, { logger });
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  stopped = startBot(config, qa, logger, { pollTimeoutSeconds: 1, signals: ["SIGUSR2"], onStart: () => ready(), inbox: { intervalMs: 50, settleMs: 100 }, onUpdateHandled: api.onUpdateHandled });
  await Promise.race([started, stopped]);
});

afterAll(async () => {
  process.emit("SIGUSR2", "SIGUSR2");
  await stopped;
  await api?.close();
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
});

const ask = async (text: string, chatId: number) => (await api.exchange(messageUpdate(text, { chatId, userId: chatId }), chatId)).map((c) => visibleText(c.params.text)).join("\n");

describe("the bot's inbox", () => {
  it("adds a dropped web article, refuses garbage, and answers from the article without a restart", async () => {
    const inbox = config.inboxDir!;
    fs.copyFileSync(path.join(ROOT, "test/fixtures/ingest/grain-reserve-article.html"), path.join(inbox, "grain-reserve-article.html"));
    fs.writeFileSync(path.join(inbox, "broken.pdf"), Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x9c]));
    await api.waitFor(() => fs.existsSync(path.join(inbox, "failed/broken.pdf.reason.txt")) && qa.info().files === BASE.length + 1, 60_000, "the inbox run and the reload");
    expect(fs.readdirSync(path.join(inbox, "done"))).toEqual(["grain-reserve-article.html"]);
    expect(fs.readFileSync(path.join(inbox, "failed/broken.pdf.reason.txt"), "utf8")).toContain("(FORMAT_UNKNOWN)");

    const answer = await ask("昌吉州地方储备粮建储项目首批入库了多少玉米？", 5);
    expect(answer).toContain("2.1万吨");
    expect(answer).toContain("2025-12-12");
  });

  it("/stats shows the newest issue, the inbox's last run and the refused file", async () => {
    const stats = await ask("/stats", ADMIN);
    expect(stats).toContain("Newest issue: 昌吉日报 2026-04-22 (总第12482期)");
    expect(stats).toContain("Added grain-reserve-article.txt from grain-reserve-article.html → done/grain-reserve-article.html");
    expect(stats).toMatch(/Failed \(1, in .+failed, each with <name>\.reason\.txt\):\n {2}broken\.pdf — Cannot add broken\.pdf: .*\(FORMAT_UNKNOWN\)/);
  });
});
