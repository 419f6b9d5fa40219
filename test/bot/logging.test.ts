/**
 * The bot's log at info: exactly one structured "answered" line per question (chat, latency, found,
 * top source, language), and never the question text or the token. Captured from a real pino logger.
 */
import { Writable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { createBot, runBot, type RunningBot } from "../../src/bot/index.js";
import { createLogger } from "../../src/log.js";
import { answer, citation, standInQa } from "./answers.js";
import { FakeBotApi, messageUpdate } from "./fake-bot-api.js";

const TOKEN = "444555666:AALoggingTestTokenNotReal_abcdefgh";
const QUESTION = "昌吉州今年新增城镇就业多少人？秘密的问题";

interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

function capture(level: string) {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const logger = createLogger(
    level,
    new Writable({
      write(chunk, _enc, done) {
        raw.push(String(chunk));
        lines.push(JSON.parse(String(chunk)) as LogLine);
        done();
      },
    }),
  );
  return { logger, lines, raw };
}

const qa = standInQa({
  async answer(question) {
    if (question.includes("天气")) return answer({ question, found: false, answer: "报道中没有提到。", figure: null, citations: [] });
    return answer({ question, citations: [citation(), citation({ source: "other.txt" })] });
  },
});

async function runWith(level: string, run: (api: FakeBotApi) => Promise<void>) {
  const log = capture(level);
  const api = await FakeBotApi.start(TOKEN);
  let running: RunningBot | undefined;
  try {
    running = await runBot(createBot({ token: TOKEN, apiRoot: api.apiRoot, qa, logger: log.logger, onUpdateHandled: api.onUpdateHandled }), { qa, logger: log.logger, signals: [], pollTimeoutSeconds: 1 });
    await run(api);
  } finally {
    await running?.stop();
    await api.close();
  }
  return log;
}

describe("the bot's log", () => {
  let info: ReturnType<typeof capture>;
  beforeAll(async () => {
    info = await runWith("info", async (api) => {
      await api.exchange(messageUpdate(QUESTION, { chatId: 71 }), 71);
      await api.exchange(messageUpdate("明天乌鲁木齐天气怎么样？", { chatId: 72 }), 72);
      await api.exchange(messageUpdate("/about", { chatId: 71 }), 71);
    });
  });

  it("has exactly one 'answered' line per question, with its fields", () => {
    const answered = info.lines.filter((l) => l.msg === "answered");
    expect(answered).toHaveLength(2);
    expect(answered[0]).toMatchObject({ level: "info", chatId: 71, found: true, topSource: "003_2a3bfdafac07cb06.txt", lang: "zh", streamed: false });
    expect(answered[0]!.latencyMs).toEqual(expect.any(Number));
    expect(answered[0]!.latencyMs as number).toBeGreaterThanOrEqual(0);
    expect(answered[1]).toMatchObject({ chatId: 72, found: false, topSource: null });
  });

  it("never holds the question text or the token at info", () => {
    const all = info.raw.join("");
    expect(all).not.toContain("秘密的问题");
    expect(all).not.toContain("乌鲁木齐");
    expect(all).not.toContain(TOKEN.split(":")[1]);
  });

  it("holds the question only at debug", async () => {
    const debug = await runWith("debug", async (api) => void (await api.exchange(messageUpdate(QUESTION, { chatId: 73 }), 73)));
    const question = debug.lines.find((l) => l.msg === "question");
    expect(question).toMatchObject({ level: "debug", chatId: 73, question: QUESTION });
    expect(debug.lines.filter((l) => l.msg === "answered")).toHaveLength(1);
  });
});

