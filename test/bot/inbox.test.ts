/**
 * The running bot watches INBOX_DIR and FEEDS: a web article dropped in the inbox and a new feed
 * item (from a loopback web server) are answered from without a restart, a garbage file lands in
 * failed/, and an admin's /stats shows the newest issue, the feed's last poll, the inbox's last run
 * and the refused file. Real core and index (seeds, fixture model), loopback Bot API, the inbox
 * polled every 50 ms instead of 5 s (the feeds are polled at start).
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
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
let site: http.Server;
/** An item page of the feed: a short article written for the test, dated only by its feed item. */
const ITEM = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>昌吉市第二十届冬季运动会开幕</title></head><body><article><h1>昌吉市第二十届冬季运动会开幕</h1>
<p>本报讯记者李雪报道：昌吉市第二十届冬季运动会在北庭滑雪场开幕，来自全市各乡镇街道的1260名运动员参加滑雪、滑冰和冰壶等12个项目的比赛。</p>
<p>本届运动会为期五天，设置群众组和青少年组，首次增设越野滑雪接力项目，吸引了大批市民到场观看。</p></article></body></html>`;
const temp: string[] = [];

beforeAll(async () => {
  const seeds = fs.mkdtempSync(path.join(os.tmpdir(), "qa-bot-inbox-seeds-"));
  const inbox = fs.mkdtempSync(path.join(os.tmpdir(), "qa-bot-inbox-"));
  for (const name of BASE) fs.copyFileSync(path.join(ROOT, "seeds", name), path.join(seeds, name));
  api = await FakeBotApi.start(TOKEN);
  site = http.createServer((req, res) => {
    const root = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    if (req.url === "/rss.xml") {
      const item = `<item><title>冬运会</title><link>${root}/news/winter-games.html</link><pubDate>Sat, 06 Dec 2025 07:30:00 +0800</pubDate></item>`;
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>昌吉日报</title>${item}</channel></rss>`);
    } else if (req.url === "/news/winter-games.html") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ITEM);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const feed = `http://127.0.0.1:${(site.address() as AddressInfo).port}/rss.xml`;
  config = fixtureConfig({ SEEDS_DIR: seeds, INBOX_DIR: inbox, FEEDS: feed, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, ADMIN_IDS: String(ADMIN) });
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
  site?.closeAllConnections();
  await new Promise((resolve) => site?.close(resolve));
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
});

const ask = async (text: string, chatId: number) => (await api.exchange(messageUpdate(text, { chatId, userId: chatId }), chatId)).map((c) => visibleText(c.params.text)).join("\n");

describe("the bot's inbox", () => {
  it("adds a dropped web article and a new feed item, refuses garbage, and answers from both without a restart", async () => {
    const inbox = config.inboxDir!;
    fs.copyFileSync(path.join(ROOT, "test/fixtures/ingest/grain-reserve-article.html"), path.join(inbox, "grain-reserve-article.html"));
    fs.writeFileSync(path.join(inbox, "broken.pdf"), Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x9c]));
    await api.waitFor(() => fs.existsSync(path.join(inbox, "failed/broken.pdf.reason.txt")) && qa.info().files === BASE.length + 2, 60_000, "the inbox run, the feed poll and the reloads");
    expect(fs.readdirSync(path.join(inbox, "done"))).toEqual(["grain-reserve-article.html"]);
    expect(fs.readFileSync(path.join(inbox, "failed/broken.pdf.reason.txt"), "utf8")).toContain("(FORMAT_UNKNOWN)");

    const answer = await ask("昌吉州地方储备粮建储项目首批入库了多少玉米？", 5);
    expect(answer).toContain("2.1万吨");
    expect(answer).toContain("2025-12-12");
    const games = await ask("昌吉市冬季运动会有多少名运动员参加？", 6);
    expect(games).toContain("1260名");
    expect(games).toContain("2025-12-06");
  });

  it("/stats shows the newest issue, the inbox's last run and the refused file", async () => {
    const stats = await ask("/stats", ADMIN);
    expect(stats).toContain("Newest issue: 昌吉日报 2026-04-22 (总第12482期)");
    expect(stats).toMatch(/Feeds \(every 30 min\):\n {2}http:\/\/127\.0\.0\.1:\d+\/rss\.xml \(.+ UTC\): 1 added \(127-0-0-1-winter-games-\w+_2025-12-06\.txt\), 0 not added/);
    expect(stats).toContain("Added grain-reserve-article.txt from grain-reserve-article.html → done/grain-reserve-article.html");
    expect(stats).toMatch(/Failed \(1, in .+failed, each with <name>\.reason\.txt\):\n {2}broken\.pdf — Cannot add broken\.pdf: .*\(FORMAT_UNKNOWN\)/);
  });
});
