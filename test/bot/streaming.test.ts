/**
 * Streamed answers through the real bot and the fake Bot API, over a scripted QaService that calls
 * `onDelta` on a timetable: the first sentences as a message, throttled edits, the final rendered
 * answer edited in (split when long), group quoting, and the paths where editing fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot, runBot, type RunningBot } from "../../src/bot/index.js";
import { MESSAGE_LIMIT, visibleText } from "../../src/bot/html.js";
import { FAILURE_TEXT } from "../../src/bot/render.js";
import type { AskOptions } from "../../src/core/types.js";
import { createLogger } from "../../src/log.js";
import { answer, citation, standInQa } from "./answers.js";
import { FakeBotApi, messageUpdate, type ApiCall } from "./fake-bot-api.js";
import { telegramHtmlProblems } from "./telegram-html.js";

const TOKEN = "333444555:AAStreamingTestTokenNotReal_abcdefg";
const INTERVAL_MS = 200;
const GROUP = -1003;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Deltas at [ms after the question, text so far]; then the final answer. */
const SCRIPTS: Record<string, { deltas: Array<[number, string]>; final: string; fail?: boolean }> = {
  stream: {
    deltas: [
      [0, "第一句<1>。"],
      [30, "第一句<1>。第二句。"],
      [60, "第一句<1>。第二句。"], // repeated: never sent twice
      [500, "第一句<1>。第二句。第三句10395人。"],
    ],
    final: "第一句<1>。第二句。第三句10395人。",
  },
  long: { deltas: [[0, "10395人。"]], final: `10395人。${"昌吉州持续推进稳就业工作。".repeat(400)}` },
  plain: { deltas: [], final: "10395人。没有流式输出。" },
  boom: { deltas: [[0, "写到一半。"]], final: "", fail: true },
};

const qa = standInQa({
  async answer(question: string, options: AskOptions = {}) {
    const script = SCRIPTS[question.replace(/^@\w+\s*/, "")]!;
    let at = 0;
    for (const [ms, text] of script.deltas) {
      await sleep(ms - at);
      at = ms;
      options.onDelta?.(text);
    }
    await sleep(50);
    if (script.fail) throw new Error("the core failed after streaming");
    return answer({ question, answer: script.final, citations: [citation(), citation({ headline: "第二篇" })] });
  },
});

let api: FakeBotApi;
let running: RunningBot;

beforeAll(async () => {
  api = await FakeBotApi.start(TOKEN);
  const bot = createBot({ token: TOKEN, apiRoot: api.apiRoot, qa, logger: createLogger("silent"), editIntervalMs: INTERVAL_MS, onUpdateHandled: api.onUpdateHandled });
  running = await runBot(bot, { qa, logger: createLogger("silent"), signals: [], pollTimeoutSeconds: 1 });
});

afterAll(async () => {
  await running?.stop();
  await api?.close();
});

const ask = (text: string, chatId: number) => api.exchange(messageUpdate(text, { chatId }), chatId, ["sendMessage", "editMessageText"]);
const methods = (calls: ApiCall[]) => calls.map((c) => c.method);

describe("a streamed answer in Telegram", () => {
  it("sends the first sentences, edits in later ones at most once per interval, then the full answer", async () => {
    const calls = await ask("stream", 1);
    expect(methods(calls)).toEqual(["sendMessage", "editMessageText", "editMessageText", "editMessageText"]);
    const [sent, ...edits] = calls;
    expect(sent!.params.text).toBe("第一句&lt;1&gt;。"); // escaped, no sources yet
    expect(new Set(edits.map((e) => e.params.message_id)).size).toBe(1); // one message, edited
    expect(edits[0]!.params.text).toBe("第一句&lt;1&gt;。第二句。");
    expect(edits[0]!.at - sent!.at).toBeGreaterThanOrEqual(INTERVAL_MS - 20);
    expect(edits[1]!.params.text).toBe("第一句&lt;1&gt;。第二句。第三句10395人。");
    expect(edits[1]!.at - edits[0]!.at).toBeGreaterThanOrEqual(INTERVAL_MS - 20);
    // The final edit: the normal rendering — figure in bold, numbered sources.
    expect(edits[2]!.params.text).toMatch(/^第一句&lt;1&gt;。第二句。第三句<b>10395人<\/b>。/);
    expect(visibleText(edits[2]!.params.text)).toMatch(/来源\n\n1\. 昌吉日报 · 2026-04-22 · /);
    expect(api.shown(1)).toEqual([edits[2]!.params.text]);
    expect(api.calls.filter((c) => c.method === "editMessageText" && c.params.__failed)).toEqual([]); // nothing unchanged sent
  });

  it("edits the first part of a long final answer into the message and sends the rest", async () => {
    const calls = await ask("long", 2);
    expect(methods(calls)[0]).toBe("sendMessage");
    expect(methods(calls)[1]).toBe("editMessageText");
    expect(calls.slice(2).every((c) => c.method === "sendMessage")).toBe(true);
    expect(calls.length).toBeGreaterThan(2);
    const shown = api.shown(2);
    expect(shown).toHaveLength(calls.length - 1);
    for (const text of shown) {
      expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(telegramHtmlProblems(text)).toEqual([]);
    }
    expect(visibleText(shown.at(-1)!)).toContain("第二篇");
  });

  it("without streamed text sends the answer as before: no edits", async () => {
    const calls = await ask("plain", 3);
    expect(methods(calls)).toEqual(["sendMessage"]);
    expect(visibleText(calls[0]!.params.text)).toContain("没有流式输出");
  });

  it("in a group the streamed message quotes the question", async () => {
    const update = messageUpdate("@changji_qa_bot stream", { chatId: GROUP });
    const calls = await api.exchange(update, GROUP, ["sendMessage", "editMessageText"]);
    expect(calls[0]).toMatchObject({ method: "sendMessage", params: { reply_parameters: { message_id: update.message!.message_id } } });
    expect(visibleText(api.shown(GROUP)[0]!)).toContain("来源");
  });

  it("sends the final answer anew when the streamed message cannot be edited any more", async () => {
    api.failOnce("editMessageText", { error_code: 400, description: "Bad Request: message to edit not found" });
    const calls = await ask("plain", 4); // no stream: the failure stays queued for the next question
    expect(methods(calls)).toEqual(["sendMessage"]);
    const streamed = await ask("long", 4);
    expect(methods(streamed).slice(0, 2)).toEqual(["sendMessage", "sendMessage"]); // the preview, then the answer anew
    expect(visibleText(api.shown(4).at(-1)!)).toContain("第二篇");
  });

  it("keeps the partial text and apologises when the core fails after streaming", async () => {
    const calls = await ask("boom", 5);
    expect(calls.map((c) => visibleText(c.params.text))).toEqual(["写到一半。", FAILURE_TEXT]);
  });
});
