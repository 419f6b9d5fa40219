/**
 * News feeds against a loopback HTTP server: new items' pages are fetched and added as one update
 * (a page without a date of its own is dated from its feed item), a page with no article and a
 * 50 MB page are refused and remembered, a feed that times out or is not a feed is reported without
 * stopping the others, an unchanged feed costs one 304, and after a restart only a new item is
 * fetched. Real index (seeds, fixture model).
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../src/config/index.js";
import { openQaService } from "../../src/core/service.js";
import { createEmbedder, type Embedder } from "../../src/embed/index.js";
import { USER_AGENT } from "../../src/feeds/http.js";
import { pageFileName, pollFeeds } from "../../src/feeds/poll.js";
import { readFeedsState } from "../../src/feeds/state.js";
import { describeStatus, readStatus } from "../../src/core/status.js";
import { buildOptionsFor } from "../../src/index/build.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";

const BASE = ["000_4405eea7cb10f242.txt", "003_2a3bfdafac07cb06.txt"];
const GRAIN = fs.readFileSync(path.join(ROOT, "test/fixtures/ingest/grain-reserve-article.html"));
/** A web article written for the test, with no date anywhere in it. */
const UNDATED = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>昌吉市第二十届冬季运动会开幕</title></head><body>
<nav><a href="/">首页</a> <a href="/news">新闻</a></nav><article><h1>昌吉市第二十届冬季运动会开幕</h1>
<p>本报讯记者李雪报道：昌吉市第二十届冬季运动会在北庭滑雪场开幕，来自全市各乡镇街道的1260名运动员参加滑雪、滑冰和冰壶等12个项目的比赛。</p>
<p>本届运动会为期五天，设置群众组和青少年组，首次增设越野滑雪接力项目，吸引了大批市民到场观看。</p></article></body></html>`;
const FRONT = `<!DOCTYPE html><html><head><title>新闻频道</title></head><body>${Array.from({ length: 30 }, (_, i) => `<a href="/n/${i}.html">新闻标题第${i}条</a>`).join("<br>")}</body></html>`;

let server: http.Server;
let base: string;
let feedVersion = 1;
const requests: string[] = [];

function rss(items: { path: string; date: string }[]): string {
  const entries = items.map((i) => `<item><title>${i.path}</title><link>${base}${i.path}</link><guid>${base}${i.path}</guid><pubDate>${i.date}</pubDate></item>`).join("");
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>昌吉日报</title><link>${base}/</link>${entries}</channel></rss>`;
}

function feedBody(): string {
  const items = [
    { path: "/news/grain-reserve.html", date: "Fri, 12 Dec 2025 09:30:00 +0800" },
    { path: "/news/winter-games.html", date: "Sat, 06 Dec 2025 07:30:00 +0800" }, // 2025-12-05 in UTC
    { path: "/news/front.html", date: "Sat, 06 Dec 2025 08:00:00 +0800" },
    { path: "/news/huge.html", date: "Sat, 06 Dec 2025 08:00:00 +0800" },
  ];
  if (feedVersion > 1) items.unshift({ path: "/news/grain-again.html", date: "Sun, 07 Dec 2025 08:00:00 +0800" });
  return rss(items);
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(`${req.url} ${req.headers["user-agent"] === USER_AGENT ? "ua" : "no-ua"}`);
    const send = (type: string, body: string | Buffer) => res.writeHead(200, { "content-type": type }).end(body);
    switch (req.url) {
      case "/feed.xml": {
        const etag = `"v${feedVersion}"`;
        if (req.headers["if-none-match"] === etag) return void res.writeHead(304).end();
        return void res.writeHead(200, { "content-type": "application/rss+xml", etag }).end(feedBody());
      }
      case "/news/grain-reserve.html":
      case "/news/grain-again.html": // the same page under a second URL
        return send("text/html; charset=utf-8", GRAIN);
      case "/news/winter-games.html":
        return send("text/html; charset=utf-8", UNDATED);
      case "/news/front.html":
        return send("text/html; charset=utf-8", FRONT);
      case "/news/huge.html": {
        // 50 MB, streamed without a length: the reader must stop at its cap.
        res.writeHead(200, { "content-type": "text/html" });
        const block = Buffer.alloc(1 << 20, "<p>填充</p>");
        let sent = 0;
        const pump = () => {
          while (sent < 50 && res.write(block)) sent++;
          if (sent >= 50) res.end();
          else res.once("drain", () => (sent++, pump()));
        };
        res.on("close", () => (sent = 50));
        return pump();
      }
      case "/slow.xml":
        return; // never answers
      case "/not-a-feed.xml":
        return send("text/html", FRONT);
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  embedder = await createEmbedder({ model: "tiny-zh", modelsDir: path.join(ROOT, "test/fixtures/models") });
  const seeds = fs.mkdtempSync(path.join(os.tmpdir(), "qa-feeds-seeds-"));
  for (const name of BASE) fs.copyFileSync(path.join(ROOT, "seeds", name), path.join(seeds, name));
  config = fixtureConfig({ SEEDS_DIR: seeds, ADD_MAX_MB: "1" });
  await buildFixtureIndex(config);
});

let embedder: Embedder;
let config: Config;

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  for (const dir of [config.seedsDir, config.indexDir]) fs.rmSync(dir, { recursive: true, force: true });
});

const poll = (feeds: string[]) =>
  pollFeeds({ ...buildOptionsFor(config, { loadEmbedder: async () => embedder }), maxBytes: config.addMaxBytes, feeds, timeoutMs: 500 });

describe("news feeds", () => {
  it("adds new items, refuses a page with no article and a 50 MB page, and reports a slow feed and a non-feed", async () => {
    const feed = `${base}/feed.xml`;
    const results = await poll([`${base}/slow.xml`, feed, `${base}/not-a-feed.xml`]);
    expect(results[`${base}/slow.xml`]).toMatchObject({ error: { code: "FEED_UNREACHABLE", message: expect.stringContaining("no complete answer within") } });
    expect(results[`${base}/not-a-feed.xml`]).toMatchObject({ error: { code: "FEED_INVALID" } });
    expect(results[feed]!.added).toEqual([pageFileName(`${base}/news/grain-reserve.html`, "2025-12-12T01:30:00Z").replace(/html$/, "txt"), pageFileName(`${base}/news/winter-games.html`, "2025-12-05T23:30:00Z").replace(/html$/, "txt")].sort());
    expect(results[feed]!.failed.map((f) => `${f.url.slice(base.length)} ${f.code}`).sort()).toEqual(["/news/front.html HTML_NO_ARTICLE", "/news/huge.html FILE_TOO_LARGE"]);
    expect(requests.every((r) => r.endsWith(" ua"))).toBe(true);

    const qa = await openQaService(config, { embedder });
    const games = await qa.answer("昌吉市冬季运动会有多少名运动员参加？");
    const grain = await qa.answer("昌吉州地方储备粮建储项目首批入库了多少玉米？");
    await qa.close();
    expect(games.answer).toContain("1260名");
    expect(games.citations[0]).toMatchObject({ date: "2025-12-06" }); // the feed's day, in Beijing time
    expect(grain.citations[0]).toMatchObject({ date: "2025-12-12" }); // the page's own date
  });

  it("an unchanged feed costs one 304; after a restart only the new item is fetched, and the same page under a new URL is not added", async () => {
    requests.length = 0;
    const feed = `${base}/feed.xml`;
    expect((await poll([feed]))[feed]).toMatchObject({ unchanged: true, added: [], failed: [] });
    expect(requests).toEqual(["/feed.xml ua"]);

    feedVersion = 2;
    requests.length = 0;
    const again = (await poll([feed]))[feed]!;
    expect(again).toMatchObject({ unchanged: false, added: [], failed: [] });
    expect(requests).toEqual(["/feed.xml ua", "/news/grain-again.html ua"]);
    expect(readFeedsState(config.indexDir).items[`${base}/news/grain-again.html`]?.page).toMatch(/^127-0-0-1-grain-reserve-/);
  });

  it("FEEDS takes comma-separated http(s) URLs, and stops at start-up naming one that is not", () => {
    expect(loadConfig({ FEEDS: " https://a.example/rss.xml, http://b.example/atom ", FEED_MINUTES: "10" }).feeds).toEqual({ urls: ["https://a.example/rss.xml", "http://b.example/atom"], minutes: 10 });
    expect(loadConfig({}).feeds).toEqual({ urls: [], minutes: 30 });
    expect(() => loadConfig({ FEEDS: "https://a.example/rss.xml,ftp://b.example/feed" })).toThrow(/FEEDS: not http\(s\) URLs: ftp:\/\/b\.example\/feed/);
    expect(() => loadConfig({ FEED_MINUTES: "0" })).toThrow(/FEED_MINUTES/);
  });

  it("status shows each feed's last poll, and one never polled", () => {
    const feed = `${base}/feed.xml`;
    const lines = describeStatus(readStatus({ ...config, feeds: { urls: [`${base}/slow.xml`, feed, `${base}/new.xml`], minutes: 30 } }));
    const feedLines = lines.slice(lines.indexOf("Feeds (every 30 min):"), lines.findIndex((l) => l.startsWith("Inbox")));
    expect(feedLines).toEqual([
      "Feeds (every 30 min):",
      expect.stringMatching(/^ {2}http:\/\/127\.0\.0\.1:\d+\/slow\.xml \(.+ UTC\): not read — Cannot fetch .+: no complete answer within 1 s\. \(FEED_UNREACHABLE\)$/),
      expect.stringMatching(/^ {2}http:\/\/127\.0\.0\.1:\d+\/feed\.xml \(.+ UTC\): 0 added, 0 not added$/),
      `  ${base}/new.xml: not polled yet.`,
    ]);
  });
});
