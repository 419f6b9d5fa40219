/** Webhook mode: startBot with WEBHOOK_URL serves Telegram's POSTs (secret checked) and registers the webhook. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot } from "../../src/bot/index.js";
import { visibleText } from "../../src/bot/html.js";
import { loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/log.js";
import { INFO, standInQa } from "./answers.js";
import { FakeBotApi, freePort, messageUpdate } from "./fake-bot-api.js";

const TOKEN = "222333444:AAWebhookTestTokenNotReal_abcdefghij";
const SECRET = "s3cret-token_1";

let api: FakeBotApi;
let port: number;
let stopped: Promise<void>;
let closed = 0;
/** A live build folder for /healthz to check. */
const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-webhook-build-"));
fs.writeFileSync(path.join(buildDir, "manifest.json"), "{}");

const qa = standInQa({ info: () => ({ ...INFO, buildDir }), close: async () => void closed++ });

const post = (body: unknown, secret?: string) =>
  fetch(`http://127.0.0.1:${port}/telegram/hook`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  api = await FakeBotApi.start(TOKEN);
  port = await freePort();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    WEBHOOK_URL: "https://bot.example.org/telegram/hook",
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
  });
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  stopped = startBot(config, qa, createLogger("silent"), { signals: ["SIGTERM"], onStart: () => ready(), onUpdateHandled: api.onUpdateHandled });
  await Promise.race([started, stopped]);
});

afterAll(async () => {
  await api?.close();
});

describe("webhook mode", () => {
  it("registers the webhook with its secret and the update types it handles", () => {
    expect(api.callsOf("setWebhook")[0]!.params).toMatchObject({
      url: "https://bot.example.org/telegram/hook",
      secret_token: SECRET,
      allowed_updates: ["message", "edited_message", "callback_query"],
    });
    expect(api.callsOf("getUpdates")).toHaveLength(0);
  });

  it("answers an update posted with the right secret, and refuses one without it", async () => {
    const res = await post({ update_id: 1, ...messageUpdate("就业多少？", { chatId: 31 }) }, SECRET);
    expect(res.status).toBe(200);
    const sent = await api.waitFor(() => api.sent(31)[0], 5000, "the answer");
    expect(visibleText(sent.params.text)).toContain("Echo: 就业多少？");

    const refused = await post({ update_id: 2, ...messageUpdate("就业多少？", { chatId: 32 }) });
    expect(refused.status).toBe(401);
    expect(api.sent(32)).toHaveLength(0);
  });

  it("serves /healthz, and stops on SIGTERM, closing the core", async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).text()).toBe("ok\n");
    expect((await fetch(`http://127.0.0.1:${port}/dashboard`)).status).toBe(404); // no DASHBOARD_TOKEN, no page
    fs.rmSync(buildDir, { recursive: true, force: true }); // the live build vanishes
    const unhealthy = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(unhealthy.status).toBe(503);
    expect(await unhealthy.text()).toBe("unhealthy: the live index build is gone\n");
    process.emit("SIGTERM", "SIGTERM");
    await stopped;
    expect(closed).toBe(1);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
