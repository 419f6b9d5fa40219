/**
 * Feedback and the question log through the loopback Bot API: the real core over the fixture index,
 * wrapped with a real question log in a temporary DATA_DIR, the real bot started by startBot.
 * A session of questions (answered, evidence, refused), votes, and /forget.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../../src/bot/html.js";
import type { Config } from "../../src/config/index.js";
import { withQuestionLog } from "../../src/core/logged.js";
import { openQaService } from "../../src/core/service.js";
import type { QaService } from "../../src/core/types.js";
import { createLogger } from "../../src/log.js";
import { openQuestionLog } from "../../src/question-log/index.js";
import type { QuestionReport } from "../../src/question-log/report.js";
import { buildFixtureIndex, fixtureConfig } from "../helpers/fixture-index.js";
import { runCli } from "../helpers/run-cli.js";
import { startPollingBot } from "./running-bot.js";
import { callbackUpdate, FakeBotApi, messageUpdate, type ApiCall } from "./fake-bot-api.js";

const TOKEN = "777000111:AAFeedbackTestTokenNotReal_abcdefgh";
const READER = 501;
const OTHER = 502;
const GROUP = -3001;
const ADMIN = 9001;

let api: FakeBotApi;
let config: Config;
let qa: QaService;
let stop: () => Promise<void>;

beforeAll(async () => {
  api = await FakeBotApi.start(TOKEN);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-data-"));
  config = fixtureConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dataDir, ADMIN_IDS: String(ADMIN) });
  await buildFixtureIndex(config);
  const logger = createLogger("silent");
  qa = withQuestionLog(await openQaService(config, { logger }), openQuestionLog(config, { logger }));
  stop = await startPollingBot(config, qa, api, logger, "SIGUSR2");
});

afterAll(() => stop?.());

const text = (calls: ApiCall[]) => calls.map((c) => visibleText(c.params.text)).join("\n");
const ask = (chatId: number, userId: number, question: string) => api.exchange(messageUpdate(question, { chatId, userId }), chatId);
const buttonsOf = (call: ApiCall): Map<string, string> =>
  new Map((call.params.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string; callback_data: string }) => [b.text, b.callback_data]));
/** Presses a button under `call`; the toast the bot answered with. */
async function press(call: ApiCall, label: string, userId = READER): Promise<string | undefined> {
  const chatId = call.params.chat_id as number;
  const before = api.calls.length;
  await api.exchange(callbackUpdate(buttonsOf(call).get(label)!, { chatId, messageId: 1, userId }), chatId, []);
  return api.calls.slice(before).find((c) => c.method === "answerCallbackQuery")?.params.text;
}
const rows = () => qa.questionLog!.since(new Date(0));

describe("feedback and the question log in the bot", () => {
  it("puts 👍 / 👎 beside Full article and More; a second press changes the vote", async () => {
    const sent = await ask(READER, READER, "昌吉州今年新增城镇就业多少人？");
    expect(text(sent)).toContain("10395");
    const labels = [...buttonsOf(sent.at(-1)!).keys()];
    expect(labels).toEqual(expect.arrayContaining(["全文", "👍", "👎"]));
    expect(await press(sent.at(-1)!, "👎")).toBe("谢谢，已转告编辑： 👎");
    expect(rows().at(-1)).toMatchObject({ question: "昌吉州今年新增城镇就业多少人？", reply: "answer", frontEnd: "bot", chat: "private", feedback: "down" });
    expect(await press(sent.at(-1)!, "👍")).toBe("谢谢，已转告编辑： 👍");
    expect(rows().at(-1)!.feedback).toBe("up");
  });

  it("logs evidence and refusals too, with votes even under a refusal without sources", async () => {
    await ask(READER, READER, "昌吉州2023年新增城镇就业多少人？");
    const refused = await ask(READER, READER, "What is the capital of France?");
    expect([...buttonsOf(refused.at(-1)!).keys()]).toEqual(["👍", "👎"]);
    expect(await press(refused.at(-1)!, "👎")).toBe("Thank you — noted for the editors: 👎");
    expect(rows().slice(-2).map((r) => [r.reply, r.lang, r.feedback])).toEqual([
      ["evidence", "zh", null],
      ["refusal", "en", "down"],
    ]);
  });

  it("logs a group question as a group's", async () => {
    await ask(GROUP, OTHER, "/ask 最近有什么新闻？");
    expect(rows().at(-1)).toMatchObject({ chat: "group", intent: "latest" });
  });

  it("/report gives admins the session: kinds, languages, the unanswered, the 👎 answer with its reply", async () => {
    expect(text(await ask(READER, READER, "/report"))).toBe("That command is for the bot's admins.");
    const report = text(await ask(ADMIN, ADMIN, "/report 1d"));
    expect(report).toContain("Report\nQuestions ");
    expect(report).toContain(": 4 (answer 2, evidence 1, refusal 1); 👍 1, 👎 1.");
    expect(report).toContain("Languages: zh 3, en 1. Intents: fact 3, latest 1.");
    expect(report).toMatch(/\n {2}2 × 深学笃行正确政绩观 真抓实干促就业惠民 \(003_2a3bfdafac07cb06\.txt#1-[0-9a-f]{8}\)/);
    // Groups of one: the newest first.
    expect(report).toMatch(/Unanswered[^\n]*\n {2}1 × What is the capital of France\?[^\n]*\n {2}1 × 昌吉州2023年新增城镇就业多少人？/);
    expect(report).toMatch(/Marked 👎:\n {2}\S+ \S+ What is the capital of France\? → \[refusal\] The articles don't say/);
    expect(text(await ask(ADMIN, ADMIN, "/report soon"))).toBe("Usage: /report [24h | 7d | 2w | YYYY-MM-DD] (default 7d).");
  });

  it("`cli report --json` reads the same log while the bot runs", () => {
    const run = runCli(["report", "--json", "--since", "1d"], { DATA_DIR: config.dataDir, INDEX_DIR: config.indexDir });
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as QuestionReport;
    expect(report).toMatchObject({ questions: 4, replies: { answer: 2, evidence: 1, refusal: 1 }, languages: { zh: 3, en: 1 }, feedback: { up: 1, down: 1 } });
    expect(report.disliked).toEqual([expect.objectContaining({ question: "What is the capital of France?", reply: "refusal" })]);
    expect(report.unanswered.map((u) => u.question)).toEqual(["What is the capital of France?", "昌吉州2023年新增城镇就业多少人？"]);
    expect(report.perDay.reduce((n, d) => n + d.questions, 0)).toBe(4);
    const off = runCli(["report"], { DATA_DIR: config.dataDir, INDEX_DIR: config.indexDir, QUESTION_LOG: "off" });
    expect([off.code, off.stdout, off.stderr]).toEqual([1, "", "The question log is off (QUESTION_LOG=off): there is nothing to report.\n"]);
  });

  it("/forget deletes only the asking reader's rows", async () => {
    const before = rows().length;
    const reply = text(await ask(READER, READER, "/forget"));
    expect(reply).toBe("Done: 3 of your questions deleted from the question log. New questions are kept again (for at most the log's retention).");
    expect(rows()).toHaveLength(before - 3);
    expect(rows().every((r) => r.chat === "group")).toBe(true);
  });

  it("/stats tells admins whether the log is on and how many writes failed", async () => {
    expect(text(await ask(ADMIN, ADMIN, "/stats"))).toContain("Question log: on, writes failed: 0");
  });
});
