/**
 * The bot under a crowd (issue 13), through the fake Bot API in long-polling mode: a slow question
 * in one chat never holds up another chat, one chat's replies keep their order, a burst over the
 * rate limit is answered in full (queued, with one note), and anonymous admins of different groups
 * have budgets of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../../src/bot/html.js";
import { createBot, runBot, runWebhook, type RunningBot } from "../../src/bot/index.js";
import { rateLimitText } from "../../src/bot/rate-limit.js";
import { createLogger } from "../../src/log.js";
import { answer, standInQa } from "./answers.js";
import { FakeBotApi, freePort, messageUpdate } from "./fake-bot-api.js";

const TOKEN = "555666777:AACrowdTestTokenNotReal_abcdefghijk";
/** The user id Telegram gives every anonymous group admin. */
const ANONYMOUS_ADMIN = 1087968824;
const RATE = { limit: 5, timeFrameMs: 300, queue: 10 };

/** Questions containing "slow" wait until `release()` is called. */
let release: () => void = () => {};
let gate = Promise.resolve();
const holdSlowQuestions = () => {
  release(); // a gate left shut by a failed test would hang the bot's stop
  gate = new Promise<void>((resolve) => (release = resolve));
};

const qa = standInQa({
  async answer(question) {
    if (question.includes("slow")) await gate;
    return answer({ question, answer: `Echo: ${question}`, figure: null });
  },
});

let api: FakeBotApi;
let running: RunningBot;

beforeAll(async () => {
  api = await FakeBotApi.start(TOKEN);
  const logger = createLogger("silent");
  const bot = createBot({ token: TOKEN, apiRoot: api.apiRoot, qa, logger, rateLimit: RATE, onUpdateHandled: api.onUpdateHandled });
  running = await runBot(bot, { qa, logger, signals: [], pollTimeoutSeconds: 1 });
});

afterAll(async () => {
  release();
  await running?.stop();
  await api?.close();
});

const echoes = (chatId: number) =>
  api.sent(chatId).map((c) => visibleText(c.params.text).split("\n")[0]!).filter((t) => t.startsWith("Echo:"));

describe("concurrency", () => {
  it("answers other chats while one question hangs, and that one when it is done", async () => {
    holdSlowQuestions();
    const slow = api.push(messageUpdate("slow question", { chatId: 301 }));
    const others = [302, 303, 304].map((chatId) => api.push(messageUpdate(`quick ${chatId}`, { chatId })));
    for (const id of others) await api.handled(id, 5_000);
    expect([302, 303, 304].map((chatId) => echoes(chatId))).toEqual([["Echo: quick 302"], ["Echo: quick 303"], ["Echo: quick 304"]]);
    expect(echoes(301)).toEqual([]); // still waiting for its (hung) answer
    release();
    await api.handled(slow);
    expect(echoes(301)).toEqual(["Echo: slow question"]);
  });

  it("keeps one chat's replies in the order of its questions", async () => {
    holdSlowQuestions();
    const first = api.push(messageUpdate("slow first", { chatId: 311 }));
    const second = api.push(messageUpdate("second", { chatId: 311 }));
    await api.waitFor(() => api.callsOf("sendChatAction").some((c) => c.params.chat_id === 311), 5_000, "the first question to start");
    expect(echoes(311)).toEqual([]); // the second waits its turn behind the first
    release();
    await api.handled(first);
    await api.handled(second);
    expect(echoes(311)).toEqual(["Echo: slow first", "Echo: second"]);
  });
});

describe("the rate limit", () => {
  it("answers every message of a burst, in order, with one note for the ones that wait", async () => {
    const ids = Array.from({ length: 12 }, (_, i) => api.push(messageUpdate(`burst ${i}`, { chatId: 321 })));
    for (const id of ids) await api.handled(id);
    expect(echoes(321)).toEqual(Array.from({ length: 12 }, (_, i) => `Echo: burst ${i}`));
    const notes = api.sent(321).filter((c) => c.params.text === rateLimitText(RATE));
    expect(notes).toHaveLength(1);
  });

  it("skips only beyond the queue, and the note has said so", async () => {
    const ids = Array.from({ length: 18 }, (_, i) => api.push(messageUpdate(`flood ${i}`, { chatId: 322 })));
    for (const id of ids) await api.handled(id);
    expect(echoes(322)).toEqual(Array.from({ length: 15 }, (_, i) => `Echo: flood ${i}`)); // 5 at once + 10 queued
    const note = api.sent(322).filter((c) => c.params.text === rateLimitText(RATE));
    expect(note).toHaveLength(1);
    expect(note[0]!.params.text).toMatch(/beyond 10 waiting, messages are skipped/);
  });

  it("gives anonymous admins of different groups budgets of their own", async () => {
    const groups = [-100301, -100302];
    const asAnonymousAdmin = (chatId: number, i: number) => {
      const update = messageUpdate(`@changji_qa_bot group ${chatId} ${i}`, { chatId, userId: ANONYMOUS_ADMIN });
      const message = update.message!;
      return { message: { ...message, sender_chat: message.chat } } as typeof update;
    };
    const ids = groups.flatMap((chatId) => Array.from({ length: RATE.limit }, (_, i) => api.push(asAnonymousAdmin(chatId, i))));
    for (const id of ids) await api.handled(id);
    for (const chatId of groups) {
      expect(echoes(chatId)).toHaveLength(RATE.limit);
      expect(api.sent(chatId).filter((c) => c.params.text === rateLimitText(RATE))).toEqual([]);
    }
  });
});

describe("webhook mode", () => {
  /** A webhook bot on its own fake API; `concurrency` as given. */
  async function webhookBot(concurrency?: number) {
    const hookApi = await FakeBotApi.start(TOKEN);
    const port = await freePort();
    const logger = createLogger("silent");
    const bot = createBot({ token: TOKEN, apiRoot: hookApi.apiRoot, qa, logger, onUpdateHandled: hookApi.onUpdateHandled, ...(concurrency ? { concurrency } : {}) });
    const hook = await runWebhook(bot, { qa, logger, signals: [], url: "https://bot.example.org/hook", secretToken: "crowd-secret", port });
    const post = (update_id: number, text: string, chatId: number) =>
      void fetch(`http://127.0.0.1:${port}/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "crowd-secret" },
        body: JSON.stringify({ update_id, ...messageUpdate(text, { chatId }) }),
      });
    const close = async () => {
      release();
      await hook.stop();
      await hookApi.close();
    };
    return { api: hookApi, post, close };
  }

  it("answers other chats while one question hangs", async () => {
    const { api: hookApi, post, close } = await webhookBot();
    try {
      holdSlowQuestions();
      post(1, "slow question", 331);
      await hookApi.waitFor(() => hookApi.callsOf("sendChatAction").length, 5_000, "the slow question to start");
      post(2, "quick", 332);
      await hookApi.handled(2, 5_000);
      expect(hookApi.sent(331)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("holds to the same concurrency limit (here 1: the second chat waits for the first)", async () => {
    const { api: hookApi, post, close } = await webhookBot(1);
    try {
      holdSlowQuestions();
      post(1, "slow question", 341);
      await hookApi.waitFor(() => hookApi.callsOf("sendChatAction").length, 5_000, "the slow question to start");
      post(2, "quick", 342);
      await new Promise((r) => setTimeout(r, 300));
      expect(hookApi.sent(342)).toEqual([]); // no slot free
      release();
      await hookApi.handled(2, 5_000);
      expect(hookApi.sent(342)).toHaveLength(1);
    } finally {
      await close();
    }
  });
});
