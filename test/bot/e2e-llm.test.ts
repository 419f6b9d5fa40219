/**
 * End to end with LLM answers: the real bot started by `startBot`, the real answering core over the
 * fixture index with LLM_BASE_URL pointing at a loopback OpenAI-compatible server that streams its
 * reply, and the fake Bot API. The verified sentences appear first, then the full answer is edited in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../../src/bot/html.js";
import { startBot } from "../../src/bot/index.js";
import { openQaService } from "../../src/core/service.js";
import { createLogger } from "../../src/log.js";
import { buildFixtureIndex, fixtureConfig } from "../helpers/fixture-index.js";
import { startFakeOpenAi, type FakeOpenAi } from "../llm/fake-openai.js";
import { FakeBotApi, messageUpdate, type ApiCall } from "./fake-bot-api.js";
import { telegramHtmlProblems } from "./telegram-html.js";

const TOKEN = "666777888:AAE2eLlmTestTokenNotARealOne_xyzxyz";
const QUESTION = "昌吉州今年新增城镇就业多少人？";

let api: FakeBotApi;
let llm: FakeOpenAi;
let indexDir: string;
let stopped: Promise<void>;

beforeAll(async () => {
  api = await FakeBotApi.start(TOKEN);
  llm = await startFakeOpenAi();
  const config = fixtureConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    LLM_BASE_URL: llm.url,
    LLM_MODEL: "test-model",
    LLM_TIMEOUT_MS: "5000",
  });
  indexDir = config.indexDir;
  await buildFixtureIndex(config);
  const logger = createLogger("silent");
  const qa = await openQaService(config, { logger });
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  stopped = startBot(config, qa, logger, { pollTimeoutSeconds: 1, signals: ["SIGUSR2"], onStart: () => ready(), onUpdateHandled: api.onUpdateHandled });
  await Promise.race([started, stopped]);
});

afterAll(async () => {
  process.emit("SIGUSR2", "SIGUSR2");
  await stopped;
  await api?.close();
  await llm?.close();
  if (indexDir) (await import("node:fs")).rmSync(indexDir, { recursive: true, force: true });
});

let nextChat = 100;
async function ask(question: string): Promise<{ calls: ApiCall[]; shown: string[] }> {
  const chatId = nextChat++;
  const calls = await api.exchange(messageUpdate(question, { chatId }), chatId, ["sendMessage", "editMessageText"]);
  return { calls, shown: api.shown(chatId).map(visibleText) };
}

describe("the bot streaming LLM answers end to end (real core, fake OpenAI, fake Bot API)", () => {
  it("sends the verified sentence, then edits in the full answer with its 昌吉日报 source", async () => {
    llm.reply({ content: "今年以来，昌吉州新增城镇就业10395人[1]。", chunkChars: 4 });
    const { calls, shown } = await ask(QUESTION);
    expect(llm.requests.at(-1)!.body.stream).toBe(true);
    expect(calls.map((c) => c.method)).toEqual(["sendMessage", "editMessageText"]);
    expect(visibleText(calls[0]!.params.text)).toBe("今年以来，昌吉州新增城镇就业10395人[1]。"); // no sources yet
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^今年以来，昌吉州新增城镇就业10395人\[1\]。/);
    expect(shown[0]).toMatch(/来源\n\n1\. 昌吉日报 · 2026-04-22 · /);
    expect(calls[1]!.params.text).toContain("<b>10395人</b>"); // the normal renderer: figure in bold
    for (const c of calls) expect(telegramHtmlProblems(c.params.text)).toEqual([]);
  });

  it("edits in the extractive answer when the LLM goes on to state a figure the sources do not", async () => {
    llm.reply({ content: "今年以来，昌吉州新增城镇就业10395人[1]。全年预计新增12000人[1]。", chunkChars: 4 });
    const { calls, shown } = await ask(QUESTION);
    expect(calls.map((c) => c.method)).toEqual(["sendMessage", "editMessageText"]);
    expect(visibleText(calls[0]!.params.text)).toBe("今年以来，昌吉州新增城镇就业10395人[1]。"); // the checked sentence only
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^10395人\S*。据《昌吉日报》/); // the extractive wording (an "as of" note after the figure is the core's)
    expect(shown[0]).not.toContain("12000");
    expect(shown[0]).toContain("昌吉日报 · 2026-04-22");
  });

  it("sends the extractive answer as one message when nothing the LLM wrote passes the check", async () => {
    llm.reply({ content: "今年以来，昌吉州新增城镇就业12000人[1]。", chunkChars: 4 });
    const { calls, shown } = await ask(QUESTION);
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(shown[0]).toMatch(/^10395人\S*。据《昌吉日报》/);
    expect(shown.join("\n")).not.toContain("12000");
  });

  it("sends the extractive answer, in one message, when the LLM runs on and on (issue 13)", async () => {
    const sentence = "今年以来，昌吉州新增城镇就业10395人[1]。";
    llm.reply({ content: sentence.repeat(100_000), chunkChars: 4096 }); // 2.4 MB
    const { calls, shown } = await ask(QUESTION);
    expect(calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^10395人\S*。据《昌吉日报》/);
  });
});
