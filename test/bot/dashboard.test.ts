/**
 * The editors' dashboard end to end: the real core over the fixture index with a real question log,
 * the real bot (long polling through the loopback Bot API) serving the dashboard on PORT, a session
 * of questions with one 👎, then the page in headless Chromium (Debian `chromium` + playwright-core):
 * refused without the token, its charts and tables showing the session with it. A screenshot is kept
 * in .tmp/artifacts/dashboard.png. Skipped, saying so, where /usr/bin/chromium is not installed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenHttp, httpRoutes } from "../../src/bot/http.js";
import type { Config } from "../../src/config/index.js";
import { withQuestionLog } from "../../src/core/logged.js";
import { openQaService } from "../../src/core/service.js";
import type { QaService } from "../../src/core/types.js";
import type { DashboardData } from "../../src/dashboard/data.js";
import { createLogger } from "../../src/log.js";
import { openQuestionLog } from "../../src/question-log/index.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";
import { startPollingBot } from "./running-bot.js";
import { callbackUpdate, FakeBotApi, freePort, messageUpdate } from "./fake-bot-api.js";

const TOKEN = "888000111:AADashboardTestTokenNotReal_abcdefg";
const DASHBOARD_TOKEN = "editors-only-0123456789";
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACT = path.join(ROOT, ".tmp/artifacts/dashboard.png");
const READER = 601;

let api: FakeBotApi;
let config: Config;
let qa: QaService;
let stop: () => Promise<void>;
let base: string;

beforeAll(async () => {
  api = await FakeBotApi.start(TOKEN);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  config = fixtureConfig({
    TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, PORT: String(port),
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "qa-data-")), DASHBOARD_TOKEN,
  });
  await buildFixtureIndex(config);
  const logger = createLogger("silent");
  qa = withQuestionLog(await openQaService(config, { logger }), openQuestionLog(config, { logger }));
  stop = await startPollingBot(config, qa, api, logger, "SIGUSR1");
  // The session: answered, evidence, refused (👎), and the news.
  for (const question of ["昌吉州今年新增城镇就业多少人？", "昌吉州2023年新增城镇就业多少人？", "What is the capital of France?", "最近有什么新闻？"]) {
    const sent = await api.exchange(messageUpdate(question, { chatId: READER }), READER);
    if (question.startsWith("What")) {
      const down = sent.at(-1)!.params.reply_markup.inline_keyboard.flat().find((b: { text: string }) => b.text === "👎").callback_data;
      await api.exchange(callbackUpdate(down, { chatId: READER, messageId: 1 }), READER, []);
    }
  }
}, 120_000);

afterAll(() => stop?.());

describe("the dashboard over HTTP", () => {
  it("refuses every path without the token, or with a wrong one", async () => {
    for (const p of ["/dashboard", "/dashboard/data.json", "/dashboard/chart.js", "/dashboard?token=wrong-token-0000000"]) {
      expect((await fetch(`${base}${p}`, { redirect: "manual" })).status, p).toBe(401);
    }
    expect((await fetch(`${base}/dashboard/data.json`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect(await (await fetch(`${base}/healthz`)).text()).toBe("ok\n");
  });

  it("trades ?token= for an HttpOnly cookie and a redirect, then serves the data and Chart.js from node_modules", async () => {
    const first = await fetch(`${base}/dashboard?token=${DASHBOARD_TOKEN}`, { redirect: "manual" });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/dashboard");
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await fetch(`${base}/dashboard`, { headers: { cookie: cookie.split(";")[0]! } });
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script src="/dashboard/chart.js"');
    const chart = await (await fetch(`${base}/dashboard/chart.js`, { headers: { authorization: `Bearer ${DASHBOARD_TOKEN}` } })).text();
    expect(chart).toContain("Chart.js v4");
    const data = (await (await fetch(`${base}/dashboard/data.json?since=1d`, { headers: { authorization: `Bearer ${DASHBOARD_TOKEN}` } })).json()) as DashboardData;
    expect(data.report).toMatchObject({ questions: 4, replies: { answer: 2, evidence: 1, refusal: 1 }, feedback: { up: 0, down: 1 } });
    expect(data.index).toMatchObject({ articles: qa.info().articles, build: path.basename(qa.info().buildDir), model: "tiny-zh" });
    expect(data.newestIssue).toMatchObject({ date: "2026-04-22" });
    expect(data.ingestion).toContain("Inbox: off (set INBOX_DIR to add the files dropped in a folder).");
  });

  it("has no page at all without DASHBOARD_TOKEN", async () => {
    const server = await listenHttp(0, httpRoutes(qa, null), "127.0.0.1");
    const { port } = server.address() as { port: number };
    expect((await fetch(`http://127.0.0.1:${port}/dashboard?token=${DASHBOARD_TOKEN}`, { redirect: "manual" })).status).toBe(404);
    // A port already taken is a setting to change, said with a code.
    await expect(listenHttp(port, httpRoutes(qa, null), "127.0.0.1")).rejects.toMatchObject({ code: "CONFIG_INVALID", hint: "Set PORT to a free port, or unset DASHBOARD_TOKEN." });
    server.close();
  });
});

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`Skipping the dashboard's browser test: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does).`);

describe.skipIf(!haveChromium)("the dashboard in headless Chromium", () => {
  it("is refused without the token, and with it charts the logged questions and lists the 👎 answer", async () => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "qa-chromium-"));
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1200, height: 900 },
    });
    try {
      const page = await browser.newPage();
      const refused = await page.goto(`${base}/dashboard`);
      expect(refused!.status()).toBe(401);
      expect(await page.textContent("body")).toContain("The dashboard needs its token");

      await page.goto(`${base}/dashboard?token=${DASHBOARD_TOKEN}`);
      expect(page.url()).toBe(`${base}/dashboard`); // the token left the address bar
      await page.selectOption("#since", "24h");
      await page.waitForSelector('body[data-ready="24h"]', { timeout: 20_000 });
      const charted = await page.evaluate(() => {
        const { Chart } = window as unknown as { Chart: { getChart(id: string): { data: { labels: string[]; datasets: { label?: string; data: number[] }[] } } } };
        const perDay = Chart.getChart("per-day").data;
        return {
          perDay: Object.fromEntries(perDay.datasets.map((d) => [d.label, d.data.reduce((a, b) => a + b, 0)])),
          replies: Chart.getChart("replies").data.datasets[0]!.data,
          languages: Object.fromEntries(Chart.getChart("languages").data.labels.map((l, i) => [l, Chart.getChart("languages").data.datasets[0]!.data[i]])),
        };
      });
      expect(charted).toEqual({ perDay: { answer: 2, evidence: 1, refusal: 1 }, replies: [2, 1, 1], languages: { zh: 3, en: 1 } });
      expect(await page.textContent("#disliked")).toContain("What is the capital of France?");
      expect(await page.textContent("#unanswered")).toContain("昌吉州2023年新增城镇就业多少人？");
      expect(await page.textContent("#summary")).toContain("4 questions");
      expect(await page.textContent("#summary")).toContain("liked 0, disliked 1");
      expect(await page.textContent("#index")).toContain("tiny-zh");
      fs.mkdirSync(path.dirname(ARTIFACT), { recursive: true });
      await page.screenshot({ path: ARTIFACT, fullPage: true });
      expect(fs.statSync(ARTIFACT).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
