/**
 * End to end: the real answering core over an index built from seeds/ with the fixture model,
 * the real bot started by `startBot(config…)` (long polling through getUpdates), and a loopback
 * fake Bot API reached through TELEGRAM_API_ROOT. Stopped with SIGINT, as a terminal would.
 *
 * With BOT_TRANSCRIPT=<file> the exchange is also written out as a readable transcript
 * (that is how src/bot/README-section.md was produced).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGE_LIMIT, visibleText } from "../../src/bot/html.js";
import { NON_TEXT_TEXT } from "../../src/bot/render.js";
import { loadConfig, type Config } from "../../src/config/index.js";
import type { QaService } from "../../src/core/types.js";
import { buildIndex, buildOptionsFor } from "../../src/index/build.js";
import { callbackUpdate, FakeBotApi, messageUpdate, type ApiCall } from "./fake-bot-api.js";
import { startRealBot, type RealBot } from "./real-bot.js";
import { telegramHtmlProblems } from "./telegram-html.js";

const TOKEN = "555000111:AAE2eTestTokenNotARealOne_xyzxyzxyz";
const ROOT = path.resolve(import.meta.dirname, "../..");
import { FIXTURE_TODAY } from "../helpers/fixture-index.js";
const GROUP = -1002;

let api: FakeBotApi;
let indexDir: string;
let config: Config;
let qa: QaService;
let bot: RealBot;
const transcript: string[] = [];

beforeAll(async () => {
  indexDir = mkdtempSync(path.join(os.tmpdir(), "bot-e2e-index-"));
  api = await FakeBotApi.start(TOKEN);
  config = loadConfig(
    {
      MODELS_DIR: "test/fixtures/models",
      EMBEDDING_MODEL: "tiny-zh",
      SEEDS_DIR: "seeds",
      INDEX_DIR: indexDir,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      TODAY: FIXTURE_TODAY,
    },
    ROOT,
  );
  await build();
  bot = await startRealBot(config, api);
  qa = bot.qa;
});

afterAll(async () => {
  await bot?.stop();
  await api?.close();
  if (indexDir) rmSync(indexDir, { recursive: true, force: true });
  if (process.env.BOT_TRANSCRIPT) writeFileSync(process.env.BOT_TRANSCRIPT, transcript.join("\n"));
});

/** A full build from seeds/ into INDEX_DIR, as `cli index` does; swapped in atomically. */
function build() {
  return buildIndex(buildOptionsFor(config));
}

let nextUser = 1;
/** One exchange in a chat: the user's message in, the bot's messages out (also added to the transcript). */
async function say(chatId: number, content: Parameters<typeof messageUpdate>[0], replyToBot = false): Promise<ApiCall[]> {
  const sent = await api.exchange(messageUpdate(content, { chatId, userId: 10_000 + nextUser++, replyToBot }), chatId);
  const shown = typeof content === "string" ? (content.length > 80 ? `${content.slice(0, 40)}… (${content.length} characters)` : content) : `[${Object.keys(content)[0]}]`;
  transcript.push(`${chatId < 0 ? "Group" : "You"}: ${shown}`, ...sent.map((m) => `Bot: ${visibleText(m.params.text).replace(/\n/g, "\n     ")}`), "");
  return sent;
}

const text = (calls: ApiCall[]) => calls.map((c) => visibleText(c.params.text)).join("\n");

describe("the bot end to end (real core, fake Bot API)", () => {
  it("/start says what the bot knows, with an example question", async () => {
    const reply = text(await say(1, "/start"));
    expect(reply).toContain("昌吉日报");
    expect(reply).toMatch(/\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/);
    expect(reply).toContain("How many jobs did Changji add this year?");
    expect(api.callsOf("setMyCommands")).toHaveLength(1);
  });

  it("answers an English question with the figure and its 昌吉日报 2026-04-22 citation", async () => {
    const reply = text(await say(2, "How many jobs did Changji add this year?"));
    expect(reply).toContain("10395");
    expect(reply).toMatch(/Sources\n\n1\. 昌吉日报 · 2026-04-22 · /);
    expect(reply).toContain("新增城镇就业10395人");
  });

  it("answers a Chinese question with the figure first and its citation", async () => {
    const sent = await say(3, "昌吉州今年新增城镇就业多少人？");
    expect(sent[0]!.params.text.startsWith("<b>10395人</b>")).toBe(true);
    // The quote may open with the sentence before it (a two-sentence window, docs/answer-decision.md).
    expect(text(sent)).toMatch(/来源\n\n1\. 昌吉日报 · 2026-04-22 · .+\n[^\n]*今年以来,新增城镇就业10395人/);
  });

  it("/sources then shows the full passage behind that answer", async () => {
    const reply = await say(3, "/sources");
    expect(reply[0]!.params.text).toMatch(/<b>[^<]*今年以来,新增城镇就业10395人[^<]*<\/b>/);
    expect(text(reply)).toMatch(/问题： 昌吉州今年新增城镇就业多少人[？?]/); // the core normalises full-width punctuation
  });

  it("/about shows the index statistics", async () => {
    const reply = text(await say(1, "/about"));
    expect(reply).toContain(`Articles: ${qa.info().articles}`);
    expect(reply).toContain("Model: tiny-zh");
  });

  it("gives a friendly note for a sticker", async () => {
    const sticker = { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } };
    expect(text(await say(4, sticker as never))).toBe(NON_TEXT_TEXT);
  });

  it("says plainly that the articles don't say, for a question outside the corpus", async () => {
    const reply = text(await say(5, "明天乌鲁木齐天气怎么样？"));
    expect(reply).toContain("现有报道中没有找到这个问题的答案");
    expect(reply).not.toContain("来源");
  });

  it("waits out a 429 (retry_after 1) and still delivers the answer", async () => {
    api.failOnce("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    const before = api.calls.length;
    const sent = await say(6, "昌吉州今年新增城镇就业多少人？");
    expect(text(sent)).toContain("10395");
    const attempts = api.calls.slice(before).filter((c) => c.method === "sendMessage" && c.params.chat_id === 6);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.params.__failed).toBe(true);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it("escapes a question with <script> and & into valid Telegram HTML", async () => {
    const question = "<script>alert('x')</script> 昌吉州今年新增城镇就业多少人？ A&B";
    const sent = [...(await say(7, question)), ...(await say(7, "/sources"))];
    for (const m of sent) expect(telegramHtmlProblems(m.params.text)).toEqual([]);
    expect(sent.at(-1)!.params.text).toContain("&lt;script&gt;alert('x')&lt;/script&gt;");
    expect(text(sent)).toContain("A&B");
  });

  it("in a group ignores chatter without a mention and answers a mention, quoting it", async () => {
    expect(await say(GROUP, "昌吉州今年新增城镇就业多少人？")).toEqual([]);
    transcript.push("(no reply: not addressed to the bot)", "");
    const update = messageUpdate("@changji_qa_bot 昌吉州今年新增城镇就业多少人？", { chatId: GROUP, userId: 20_001 });
    const sent = await api.exchange(update, GROUP);
    transcript.push(`Group: ${update.message!.text}`, `Bot (replying to it): ${text(sent).replace(/\n/g, "\n     ")}`, "");
    expect(text(sent)).toContain("10395");
    expect(sent[0]!.params.reply_parameters).toMatchObject({ message_id: update.message!.message_id });
  });

  it("answers an unknown command with help", async () => {
    const reply = text(await say(8, "/weather"));
    expect(reply).toContain("/ask");
    expect(reply).toContain("/sources");
    expect(text(await say(8, "/stats"))).toContain("/ask"); // admin commands are off without ADMIN_IDS
  });

  it("explains an empty or a 10,000-character question politely, without a stack trace", async () => {
    const empty = text(await say(9, "   "));
    expect(empty).toMatch(/^⚠️ The question is empty\.\n/);
    const long = text(await say(9, "就业".repeat(5000)));
    expect(long).toMatch(/^⚠️ /);
    expect(long).toMatch(/long/i);
    for (const reply of [empty, long]) expect(reply).not.toMatch(/\n\s+at /);
  });

  it("answers from a build swapped into INDEX_DIR while it runs, without a restart", async () => {
    const before = qa.info();
    expect(text(await api.exchange(messageUpdate("/about", { chatId: 10 }), 10))).toContain(`Built at: ${before.builtAt}`);
    await build(); // a second process running `cli index` would do the same
    // The bot's watcher (every 100 ms here) swaps it in; nothing is restarted.
    await api.waitFor(() => qa.info().buildDir !== before.buildDir, 15_000, "the new build to be loaded");
    const about = text(await api.exchange(messageUpdate("/about", { chatId: 10 }), 10));
    expect(about).toContain(`Built at: ${qa.info().builtAt}`);
    expect(qa.info().builtAt).not.toBe(before.builtAt);
    expect(about).not.toContain(before.builtAt);
    expect(text(await api.exchange(messageUpdate("昌吉州今年新增城镇就业多少人？", { chatId: 10 }), 10))).toContain("10395");
  });

  it("sent only valid HTML messages of at most 4096 characters", () => {
    const sent = api.callsOf("sendMessage");
    expect(sent.length).toBeGreaterThan(10);
    for (const m of sent) {
      expect(m.params.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(telegramHtmlProblems(m.params.text)).toEqual([]);
    }
  });
});

/** The inline keyboard's buttons of a sent message: label → callback data. */
const buttonsOf = (call: ApiCall): Map<string, string> =>
  new Map((call.params.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string; callback_data: string }) => [b.text, b.callback_data]));

/** Presses a button of the bot's message `call`; returns the messages sent and the callback answers. */
async function press(call: ApiCall, data: string): Promise<{ sent: ApiCall[]; answered: ApiCall[] }> {
  const chatId = call.params.chat_id as number;
  const messageId = api.calls.indexOf(call); // any id: the bot finds the button's state by its token
  const before = api.calls.length;
  const calls = await api.exchange(callbackUpdate(data, { chatId, messageId }), chatId, ["sendMessage", "answerCallbackQuery"]);
  const answered = api.calls.slice(before).filter((c) => c.method === "answerCallbackQuery");
  const label = [...buttonsOf(call)].find(([, d]) => d === data)?.[0] ?? data;
  transcript.push(`You: [button: ${label}]`, ...calls.filter((c) => c.method === "sendMessage").map((m) => `Bot: ${visibleText(m.params.text).replace(/\n/g, "\n     ")}`), "");
  return { sent: calls.filter((c) => c.method === "sendMessage"), answered };
}

describe("the news reader in the bot (real core, fake Bot API)", () => {
  it("/latest lists the newest dated issue's headlines, each with its lead, under Full-article and More buttons", async () => {
    const sent = await say(20, "/latest");
    const reply = text(sent);
    expect(reply).toContain("2026-04-22");
    expect(reply).toContain("深学笃行正确政绩观 真抓实干促就业惠民");
    expect(reply).toContain("就业是民生之本,更是检验政绩导向的重要标尺。");
    expect(reply).not.toContain("天山天池国际滑雪场开板"); // undated pages are never the latest
    const buttons = buttonsOf(sent.at(-1)!);
    expect([...buttons.keys()]).toContain("全文 1");
    expect([...buttons.keys()]).toContain("更多");
  });

  it("/paper 2024-11-07 gives that day's paper; a day without one names the nearest issues", async () => {
    const sent = await say(21, "/paper 2024-11-07");
    expect(text(sent)).toContain("总第12124期");
    expect(text(sent)).toContain("准东煤田火区治理持续推进");
    expect(text(sent)).toContain("木垒县冬小麦长势喜人");
    const none = text(await say(21, "/paper 2024-11-08"));
    expect(none).toContain("没有2024-11-08的报纸");
    expect(none).toContain("2024-11-07");
    expect(text(await say(21, "/paper yesterday"))).toContain("Usage: /paper");
  });

  it("“Full article” sends the cleaned article with its headline, paper and date; every press is answered", async () => {
    const [answer] = (await say(22, "/paper 2024-11-07")).slice(-1);
    const data = buttonsOf(answer!).get("全文 3")!;
    const { sent, answered } = await press(answer!, data);
    expect(answered).toHaveLength(1);
    const article = text(sent);
    expect(article).toMatch(/^准东煤田火区治理持续推进\n(?:.+\n)?昌吉日报 · 2024-11-07 · 总第12124期\n/);
    expect(article).toContain("老君庙火区已累计完成采空区超前钻探进尺98653米");
    for (const m of sent) expect(m.params.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  });

  it("“More” sends the next best sentences of an overview, then says when there is nothing more", async () => {
    const sent = await say(23, "介绍一下煤制烯烃项目");
    expect(text(sent)).toContain("煤制烯烃项目占地270多公顷");
    let more = buttonsOf(sent.at(-1)!).get("更多")!;
    const first = await press(sent.at(-1)!, more);
    expect(first.answered).toHaveLength(1);
    expect(text(first.sent)).toMatch(/^更多\n\n1\. 昌吉日报 · 2026-04-22 · /);
    for (const quote of text(first.sent).match(/(?<=\n)[^\n]+(?=\n\n|$)/g) ?? []) expect(text(sent)).not.toContain(quote);
    more = buttonsOf(first.sent.at(-1)!).get("更多") ?? more;
    const second = await press(first.sent.at(-1)!, more);
    const third = second.sent.length ? await press(second.sent.at(-1)!, more) : second;
    expect(third.sent).toHaveLength(0);
    expect(third.answered[0]!.params.text).toBe("没有更多了。");
  });

  it("a fact answer has buttons too; a stale or foreign button gets a polite note and no message", async () => {
    const sent = await say(24, "昌吉州今年新增城镇就业多少人？");
    expect(buttonsOf(sent.at(-1)!).has("全文")).toBe(true);
    const stale = await press(sent.at(-1)!, "na:m:AAAAAAAA");
    expect(stale.sent).toHaveLength(0);
    expect(stale.answered[0]!.params.text).toBe("这个按钮已过期，请重新提问。");
    const foreign = await press(sent.at(-1)!, "something-else");
    expect(foreign.answered).toHaveLength(1);
  });

  it.each([
    ["最近昌吉有什么新闻？", "深学笃行正确政绩观 真抓实干促就业惠民"],
    ["What is the latest news from Changji?", "就业是民生之本,更是检验政绩导向的重要标尺。"],
    ["Tell me about the coal-to-olefins project", "煤制烯烃项目占地270多公顷,相当于378个标准足球场。"],
    ["Summarize the 2024-11-07 paper", "准东煤田火区治理持续推进"],
  ])("answers the issue's example “%s” with cited sentences", async (question, expected) => {
    const sent = await say(25, question);
    expect(text(sent)).toContain(expected);
    expect(text(sent)).toMatch(/1\. 昌吉日报 · \d{4}-\d{2}-\d{2} · /);
    expect(buttonsOf(sent.at(-1)!).size).toBeGreaterThan(0);
  });

  it("sent only valid HTML for the news reader too", () => {
    for (const m of api.callsOf("sendMessage")) expect(telegramHtmlProblems(m.params.text)).toEqual([]);
  });
});
