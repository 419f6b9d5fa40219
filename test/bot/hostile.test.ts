/**
 * A hostile webhook and a careless setup (issue 13), through the fake Bot API: no WEBHOOK_SECRET,
 * the token as the webhook path, forged POSTs, two /reindex at once, and Bot API errors that echo
 * the request URL — the token never reaches stderr, the logs or an error message.
 */
import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBot, runBot, runWebhook, startBot, type RunningBot } from "../../src/bot/index.js";
import { loadConfig } from "../../src/config/index.js";
import { describeError } from "../../src/errors.js";
import { createLogger } from "../../src/log.js";
import { standInQa } from "./answers.js";
import { FakeBotApi, freePort, messageUpdate } from "./fake-bot-api.js";

const TOKEN = "888999000:AAHostileTestTokenNotReal_abcdefghij";
const ADMIN = 77;

const qa = standInQa();

/** A debug-level logger whose every line is kept. */
function capturedLogger() {
  const raw: string[] = [];
  const logger = createLogger(
    "debug",
    new Writable({
      write(chunk, _enc, done) {
        raw.push(String(chunk));
        done();
      },
    }),
    { secrets: [TOKEN] },
  );
  return { logger, text: () => raw.join("") };
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.restoreAllMocks();
});

const post = (port: number, path: string, body: unknown, secret?: string) =>
  fetch(`http://127.0.0.1:${port}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
    body: JSON.stringify(body),
  });

describe("webhook mode without WEBHOOK_SECRET, the token as its path", () => {
  it("registers a random secret, refuses a forged admin POST, and never prints or logs the path", async () => {
    const api = await FakeBotApi.start(TOKEN);
    cleanups.push(() => api.close());
    const port = await freePort();
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      WEBHOOK_URL: `https://bot.example.org/${TOKEN}`,
      PORT: String(port),
      ADMIN_IDS: String(ADMIN),
    });
    const stderr: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (stderr.push(String(chunk)), true));
    const log = capturedLogger();
    const stopped = startBot(config, qa, log.logger, { signals: ["SIGUSR1"], onUpdateHandled: api.onUpdateHandled });
    cleanups.push(async () => {
      process.emit("SIGUSR1", "SIGUSR1");
      await stopped;
    });
    await api.waitFor(() => stderr.join("").includes("is answering"), 5_000, "the start-up line");
    const secret = api.callsOf("setWebhook")[0]!.params.secret_token as string;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,256}$/);

    const forged = await post(port, `/${TOKEN}`, { update_id: 1, ...messageUpdate("/stats", { chatId: ADMIN }) });
    expect(forged.status).toBe(401);
    const genuine = await post(port, `/${TOKEN}`, { update_id: 2, ...messageUpdate("/stats", { chatId: ADMIN }) }, secret);
    expect(genuine.status).toBe(200);
    await api.handled(2);
    expect(api.sent(ADMIN)).toHaveLength(1); // the genuine one only
    expect(api.sent(ADMIN)[0]!.params.text).toContain("Stats");

    const printed = stderr.join("");
    expect(printed).toMatch(/is answering \(webhook on port \d+\)/);
    for (const out of [printed, log.text()]) {
      expect(out).not.toContain(TOKEN);
      expect(out).not.toContain(TOKEN.split(":")[1]);
    }
    expect(log.text()).toContain("bot is serving its webhook");
  });
});

describe("/reindex", () => {
  it("runs one rebuild when two arrive at once (webhook mode)", async () => {
    const api = await FakeBotApi.start(TOKEN);
    cleanups.push(() => api.close());
    const port = await freePort();
    let rebuilds = 0;
    let finish!: () => void;
    const reindex = async () => {
      rebuilds++;
      await new Promise<void>((resolve) => (finish = resolve));
      return "Indexed 5 files: 26 articles.";
    };
    const logger = createLogger("silent");
    const bot = createBot({ token: TOKEN, apiRoot: api.apiRoot, qa, logger, adminIds: new Set([ADMIN]), reindex, onUpdateHandled: api.onUpdateHandled });
    const running: RunningBot = await runWebhook(bot, { qa, logger, signals: [], url: "https://bot.example.org/hook", secretToken: "a-secret-token", port });
    cleanups.push(() => running.stop());

    // From two chats (the admin's private chat and a group), so per-chat order does not serialise them.
    const GROUP = -100777;
    const updates = [
      { update_id: 11, ...messageUpdate("/reindex", { chatId: ADMIN }) },
      { update_id: 12, ...messageUpdate("/reindex@changji_qa_bot", { chatId: GROUP, userId: ADMIN }) },
    ];
    const responses = await Promise.all(updates.map((u) => post(port, "/hook", u, "a-secret-token")));
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    await api.handled(11);
    await api.handled(12);
    const texts = (chatId: number) => api.sent(chatId).map((c) => c.params.text as string);
    expect([...texts(ADMIN), ...texts(GROUP)].sort()).toEqual(["A rebuild is already running; I'll report when it is done.", "Rebuilding the index from the seeds…"]);
    await api.waitFor(() => rebuilds > 0 && finish, 5_000, "the rebuild to start");
    finish();
    await api.waitFor(() => [...texts(ADMIN), ...texts(GROUP)].find((t) => t.startsWith("Indexed")), 5_000, "the report");
    expect(rebuilds).toBe(1);
  });
});

describe("start-up errors", () => {
  it("never show the token when the Bot API echoes the request URL", async () => {
    const api = await FakeBotApi.start(TOKEN);
    cleanups.push(() => api.close());
    const echoed = `Internal Server Error while serving POST ${api.apiRoot}/bot${TOKEN}/getMe`;
    api.failOnce("getMe", { error_code: 500, description: echoed });
    const log = capturedLogger();
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot });
    const error = await startBot(config, qa, log.logger, { signals: [] }).catch((e: unknown) => e);
    // What the CLI prints for it (src/cli/main.ts and src/main.ts print describeError).
    const printed = describeError(error);
    expect(printed).toContain("getMe");
    expect(printed).toContain("<redacted-token>");
    for (const out of [printed, log.text()]) expect(out).not.toContain(TOKEN.split(":")[1]);
  });

  it("never log the token when polling fails later with such an error", async () => {
    const api = await FakeBotApi.start(TOKEN);
    cleanups.push(() => api.close());
    api.failOnce("deleteWebhook", { error_code: 400, description: `Bad Request: see /bot${TOKEN}/deleteWebhook` });
    const log = capturedLogger();
    const bot = createBot({ token: TOKEN, apiRoot: api.apiRoot, qa, logger: log.logger });
    const error = await runBot(bot, { qa, logger: log.logger, signals: [], pollTimeoutSeconds: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(describeError(error)).not.toContain(TOKEN.split(":")[1]);
    expect(log.text()).not.toContain(TOKEN.split(":")[1]);
  });
});

describe("odd input", () => {
  it("strips NUL, ESC and other control characters from what is echoed in /sources", async () => {
    const api = await FakeBotApi.start(TOKEN);
    cleanups.push(() => api.close());
    const logger = createLogger("silent");
    const running = await runBot(createBot({ token: TOKEN, apiRoot: api.apiRoot, qa, logger, onUpdateHandled: api.onUpdateHandled }), { qa, logger, signals: [], pollTimeoutSeconds: 1 });
    cleanups.push(() => running.stop());
    await api.exchange(messageUpdate("就业\u0000多少\u001b[31m人\u0007？", { chatId: 41 }), 41);
    const [sources] = await api.exchange(messageUpdate("/sources", { chatId: 41 }), 41);
    expect(sources!.params.text).toContain("就业多少[31m人？");
    expect(sources!.params.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
