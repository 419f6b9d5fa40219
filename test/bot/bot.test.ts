/**
 * Telegram behaviour of the real bot (long polling through the fake Bot API), over a small in-test
 * QaService: groups, edits, captions, non-text, /sources, rate limit, failures and the token.
 * The end-to-end suite over the real answering core is e2e.test.ts.
 */
import { Writable } from "node:stream";
import { HttpError } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot, runBot, startBot, type RunningBot } from "../../src/bot/index.js";
import { MESSAGE_LIMIT, visibleText } from "../../src/bot/html.js";
import { rateLimitText } from "../../src/bot/rate-limit.js";
import { FAILURE_TEXT, NON_TEXT_TEXT } from "../../src/bot/render.js";
import { loadConfig } from "../../src/config/index.js";
import { QaError } from "../../src/errors.js";
import { createLogger } from "../../src/log.js";
import { answer, citation, standInQa } from "./answers.js";
import { FakeBotApi, messageUpdate } from "./fake-bot-api.js";
import { telegramHtmlProblems } from "./telegram-html.js";

const TOKEN = "123456789:AAHfakeTokenForTests_abcdefghijklmn";
const GROUP = -1001;
const RATE_USER = 777;
const RATE = { limit: 6, timeFrameMs: 60_000, queue: 0 };

let api: FakeBotApi;
let running: RunningBot;
const logLines: string[] = [];
const asked: string[] = [];
let closed = 0;

const qa = standInQa({
  async answer(question) {
    asked.push(question);
    if (question.includes("boom")) {
      // What grammY throws on a network failure: the inner fetch error carries the URL with the token.
      throw new HttpError("Network request for 'sendMessage' failed!", new Error(`request to http://127.0.0.1:1/bot${TOKEN}/sendMessage failed, reason: socket hang up`));
    }
    if (!question.trim()) throw new QaError("EMPTY_QUESTION", "The question is empty.", "Type a question, e.g. 昌吉州今年新增城镇就业多少人？");
    if (question.includes("long")) {
      return answer({ question, answer: `10395人。${"昌吉州持续推进稳就业工作。".repeat(400)}`, citations: [citation(), citation({ headline: "第二篇" })] });
    }
    return answer({ question, answer: `Echo: ${question}`, figure: null });
  },
  close: async () => {
    closed++;
  },
});

const logger = createLogger(
  "debug",
  new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
);

beforeAll(async () => {
  api = await FakeBotApi.start(TOKEN);
  const bot = createBot({
    token: TOKEN,
    apiRoot: api.apiRoot,
    qa,
    logger,
    rateLimit: RATE,
    adminIds: new Set([6]),
    reindex: async () => "Indexed 5 files: 26 articles.",
    allowedChatIds: new Set([1, 2, 3, 4, 5, 6, GROUP, RATE_USER]),
    onUpdateHandled: api.onUpdateHandled,
  });
  running = await runBot(bot, { qa, logger, signals: [], pollTimeoutSeconds: 1 });
});

afterAll(async () => {
  await running?.stop();
  await api?.close();
});

const texts = (calls: { params: { text?: string } }[]) => calls.map((c) => visibleText(c.params.text ?? ""));

describe("the bot over a fake Bot API", () => {
  it("registers its commands and polls without a webhook", () => {
    expect(api.callsOf("getMe")).toHaveLength(1);
    expect(api.callsOf("setMyCommands")[0]!.params.commands.map((c: { command: string }) => c.command)).toEqual(["ask", "latest", "paper", "sources", "about", "forget", "help", "start"]);
    expect(api.callsOf("deleteWebhook")).toHaveLength(1);
  });

  it("sends a long answer as several valid HTML messages of at most 4096 characters, typing first", async () => {
    const before = api.calls.length;
    const sent = await api.exchange(messageUpdate("long question", { chatId: 1 }), 1);
    expect(sent.length).toBeGreaterThan(1);
    for (const m of sent) {
      expect(m.params.parse_mode).toBe("HTML");
      expect(m.params.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(telegramHtmlProblems(m.params.text)).toEqual([]);
    }
    expect(texts(sent).at(-1)).toContain("第二篇");
    const first = api.calls.slice(before).find((c) => c.method === "sendChatAction" || c.method === "sendMessage");
    expect(first).toMatchObject({ method: "sendChatAction", params: { action: "typing", chat_id: 1 } });
  });

  it("answers an edited message again, and a photo caption as a question", async () => {
    expect(texts(await api.exchange(messageUpdate("就业多少？", { chatId: 2, edited: true }), 2))).toEqual([expect.stringContaining("Echo: 就业多少？")]);
    const photo = { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }], caption: "How many jobs?" };
    expect(texts(await api.exchange(messageUpdate(photo, { chatId: 2 }), 2))[0]).toContain("Echo: How many jobs?");
  });

  it("gives a short friendly note for stickers, voice, documents and photos without a caption", async () => {
    const kinds = [
      { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } },
      { voice: { file_id: "v", file_unique_id: "v", duration: 2 } },
      { document: { file_id: "d", file_unique_id: "d" } },
      { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] },
    ];
    for (const kind of kinds) {
      expect(texts(await api.exchange(messageUpdate(kind as never, { chatId: 3 }), 3))).toEqual([NON_TEXT_TEXT]);
    }
  });

  it("in a group answers mentions, replies to the bot and /ask, quoting the question; ignores the rest", async () => {
    let user = 100;
    const say = (text: string, replyToBot = false) => api.exchange(messageUpdate(text, { chatId: GROUP, userId: user++, replyToBot }), GROUP);
    expect(await say("今天天气不错")).toEqual([]);
    expect(await say("/ask@other_bot 就业多少？")).toEqual([]);
    expect(await say("/weather")).toEqual([]);
    const sticker = { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } };
    expect(await api.exchange(messageUpdate(sticker as never, { chatId: GROUP, userId: user++ }), GROUP)).toEqual([]);

    const mentionUpdate = messageUpdate("@changji_qa_bot 昌吉州今年新增城镇就业多少人？", { chatId: GROUP, userId: user++ });
    const mentioned = await api.exchange(mentionUpdate, GROUP);
    expect(texts(mentioned)).toEqual([expect.stringContaining("Echo: 昌吉州今年新增城镇就业多少人？")]);
    expect(mentioned[0]!.params.reply_parameters).toMatchObject({ message_id: mentionUpdate.message!.message_id });
    expect(texts(await say("那去年呢？", true))).toEqual([expect.stringContaining("Echo: 那去年呢？")]);
    expect(texts(await say("/ask 就业多少？"))).toEqual([expect.stringContaining("Echo: 就业多少？")]);
    expect(texts(await say("/weather@changji_qa_bot"))[0]).toContain("/sources");
  });

  it("/sources shows the passages behind the last answer in this chat; /about shows the index", async () => {
    expect(texts(await api.exchange(messageUpdate("/sources", { chatId: 4 }), 4))[0]).toMatch(/ask a question first/);
    await api.exchange(messageUpdate("就业多少？", { chatId: 4 }), 4);
    const sources = await api.exchange(messageUpdate("/sources", { chatId: 4 }), 4);
    expect(sources[0]!.params.text).toContain("<b>今年以来，昌吉州城镇新增就业10395人。</b>完成全年目标任务的60%。");
    expect(texts(await api.exchange(messageUpdate("/about", { chatId: 4 }), 4))[0]).toContain("Passages: 180");
    expect(texts(await api.exchange(messageUpdate("/ask", { chatId: 4 }), 4))[0]).toMatch(/^Usage: \/ask <question>/);
  });

  it("shows a QaError's message and hint, and survives an unexpected failure without leaking the token", async () => {
    const empty = texts(await api.exchange(messageUpdate("   ", { chatId: 5 }), 5));
    expect(empty).toEqual(["⚠️ The question is empty.\nType a question, e.g. 昌吉州今年新增城镇就业多少人？"]);
    expect(texts(await api.exchange(messageUpdate("boom", { chatId: 5 }), 5))).toEqual([FAILURE_TEXT]);
    expect(texts(await api.exchange(messageUpdate("still there?", { chatId: 5 }), 5))[0]).toContain("Echo: still there?");
    const log = logLines.join("");
    expect(log).toContain("update failed");
    expect(log).toContain("<redacted-token>");
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(TOKEN.split(":")[1]);
  });

  it("politely refuses chats outside ALLOWED_CHAT_IDS, without asking the core", async () => {
    const count = asked.length;
    const sent = await api.exchange(messageUpdate("就业多少？", { chatId: 999 }), 999);
    expect(texts(sent)).toEqual([expect.stringMatching(/only answers in the chats its owner allowed.*999/)]);
    expect(telegramHtmlProblems(sent[0]!.params.text)).toEqual([]);
    expect(asked.length).toBe(count);
    expect(await api.exchange(messageUpdate("大家好", { chatId: -999 }), -999)).toEqual([]); // group chatter: silence
  });

  it("rate-limits a user with one polite note (here without a queue: the rest are skipped, as the note says)", async () => {
    const ids = Array.from({ length: 8 }, (_, i) => api.push(messageUpdate(`question ${i}`, { chatId: RATE_USER })));
    for (const id of ids) await api.handled(id);
    const sent = texts(api.sent(RATE_USER));
    expect(sent.filter((t) => t.startsWith("Echo:"))).toHaveLength(6);
    expect(sent.filter((t) => t === rateLimitText(RATE))).toHaveLength(1);
  });
});

describe("admin commands", () => {
  it("are refused to other users", async () => {
    expect(texts(await api.exchange(messageUpdate("/stats", { chatId: 5 }), 5))).toEqual(["That command is for the bot's admins."]);
  });

  it("/stats counts answers and failures; /reindex rebuilds in the background and reports back", async () => {
    const stats = texts(await api.exchange(messageUpdate("/stats", { chatId: 6 }), 6))[0]!;
    expect(stats).toMatch(/Answered: \d+ \(not found: 0\), failed: [1-9]/);
    expect(stats).toContain("Index: 42 articles, 180 passages");
    expect(texts(await api.exchange(messageUpdate("/reindex", { chatId: 6 }), 6))[0]).toBe("Rebuilding the index from the seeds…");
    const report = await api.waitFor(() => api.sent(6).find((m) => m.params.text.startsWith("Indexed")), 5000, "the rebuild report");
    expect(report.params.text).toBe("Indexed 5 files: 26 articles. No newer build to load.");
  });
});

describe("starting and stopping", () => {
  it("refuses to start without a token, with a hint about @BotFather", async () => {
    const config = loadConfig({});
    await expect(startBot(config, qa, logger)).rejects.toMatchObject({ code: "CONFIG_INVALID", hint: expect.stringContaining("@BotFather") });
  });

  it("turns a token Telegram rejects into CONFIG_INVALID and closes the core", async () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: "987654321:AAwrongTokenWrongTokenWrong", TELEGRAM_API_ROOT: api.apiRoot });
    const before = closed;
    const error = await startBot(config, qa, logger, { signals: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QaError);
    expect((error as QaError).message).toMatch(/rejected the bot token \(401/);
    expect(closed).toBe(before + 1);
  });

  it("fails fast, with the token redacted, when the Bot API cannot be reached", async () => {
    const closedApi = await FakeBotApi.start(TOKEN);
    await closedApi.close(); // nothing listens on its port any more
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: closedApi.apiRoot });
    const error = (await startBot(config, qa, logger, { signals: [] }).catch((e: unknown) => e)) as QaError;
    expect(error).toMatchObject({ code: "CONFIG_INVALID", message: expect.stringContaining("Cannot reach the Telegram Bot API") });
    expect(error.message).toContain("<redacted-token>");
    expect(error.message).not.toContain(TOKEN);
  });

  it("stops polling cleanly on SIGTERM and then closes the core", async () => {
    const api2 = await FakeBotApi.start(TOKEN);
    try {
      const before = closed;
      const bot = createBot({ token: TOKEN, apiRoot: api2.apiRoot, qa, logger });
      const run = await runBot(bot, { qa, logger, signals: ["SIGTERM"], pollTimeoutSeconds: 1 });
      expect(process.listenerCount("SIGTERM")).toBeGreaterThan(0);
      process.emit("SIGTERM", "SIGTERM");
      await run.done;
      expect(bot.isRunning()).toBe(false);
      expect(closed).toBe(before + 1);
    } finally {
      await api2.close();
    }
  });
});
