/**
 * The core with a question log, through the real pipeline (seeds, fixture model, real index): what
 * each reply is logged as, votes by answer, and answers that go out when the log cannot keep them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { runChat } from "../../src/cli/chat.js";
import type { Config } from "../../src/config/index.js";
import { withQuestionLog } from "../../src/core/logged.js";
import { openQaService } from "../../src/core/service.js";
import type { QaService } from "../../src/core/types.js";
import { LOG_FILES, openQuestionLog } from "../../src/question-log/index.js";
import { buildFixtureIndex, fixtureConfig } from "../helpers/fixture-index.js";

const BOT_READER = { frontEnd: "bot", chat: "group", user: "501" } as const;
let config: Config;
let plain: QaService;

const logged = (overrides: Record<string, string> = {}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-data-"));
  const settings = { ...config, dataDir, questionLog: { ...config.questionLog, ...(overrides.QUESTION_LOG === "off" ? { enabled: false } : {}) } };
  return { dataDir, qa: withQuestionLog(plain, openQuestionLog(settings)) };
};

beforeAll(async () => {
  config = fixtureConfig();
  await buildFixtureIndex(config);
  plain = await openQaService(config);
});

describe("answers kept in the question log", () => {
  it("logs an answer, evidence and a refusal with their reply kind, sources, build and language", async () => {
    const { qa } = logged();
    const answered = await qa.answer("昌吉州今年新增城镇就业多少人？", { asker: BOT_READER });
    const evidence = await qa.answer("昌吉州2023年新增城镇就业多少人？", { asker: BOT_READER });
    await qa.answer("What is the capital of France?", { asker: { ...BOT_READER, chat: "private" } });
    await qa.answer("How many jobs did Changji add this year?"); // no asker (`cli ask`): not logged
    const rows = qa.questionLog!.since(new Date(0));
    expect(rows.map((r) => [r.question, r.reply, r.lang, r.chat])).toEqual([
      ["昌吉州今年新增城镇就业多少人？", "answer", "zh", "group"],
      ["昌吉州2023年新增城镇就业多少人？", "evidence", "zh", "group"],
      ["What is the capital of France?", "refusal", "en", "private"],
    ]);
    expect(rows[2]!.articles).toEqual([]);
    expect(rows[0]!.articles).toEqual([...new Set(answered.citations.map((c) => c.articleId))]);
    expect(rows[0]!.answer).toBe(answered.answer);
    expect(rows[1]!.answer).toBe(evidence.answer);
    expect(rows[0]!.build).toBe(path.basename(qa.info().buildDir));
    expect(rows[0]!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("takes a vote on an answer it logged, and none on one it did not", async () => {
    const { qa } = logged();
    const answer = await qa.answer("最近有什么新闻？", { asker: BOT_READER });
    expect(qa.feedback!(answer, "down")).toBe(true);
    expect(qa.questionLog!.since(new Date(0))[0]).toMatchObject({ intent: "latest", feedback: "down" });
    expect(qa.feedback!(await qa.answer("最近有什么新闻？"), "up")).toBe(false);
  });

  it("answers as before when a write fails, and counts it", async () => {
    const { qa, dataDir } = logged();
    const db = new Database(path.join(dataDir, LOG_FILES.database));
    db.exec("DROP TABLE questions");
    db.close();
    const answer = await qa.answer("昌吉州今年新增城镇就业多少人？", { asker: BOT_READER });
    expect(answer.found).toBe(true);
    expect(qa.questionLog!.failures).toBe(1);
    expect(qa.feedback!(answer, "up")).toBe(false);
  });

  it("with QUESTION_LOG=off, keeps nothing and makes no file", async () => {
    const { qa, dataDir } = logged({ QUESTION_LOG: "off" });
    await qa.answer("昌吉州今年新增城镇就业多少人？", { asker: BOT_READER });
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("the terminal chat logs its questions and takes /good and /bad for the last answer", async () => {
    const { qa } = logged();
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = "";
    output.on("data", (chunk: Buffer) => (shown += chunk.toString()));
    input.end("/bad\n昌吉州今年新增城镇就业多少人？\n/bad\n/good\n");
    await runChat(qa, input, output);
    expect(shown).toContain("No answer yet");
    expect(shown).toContain("Noted: 👎");
    expect(qa.questionLog!.since(new Date(0))).toMatchObject([{ frontEnd: "cli", chat: "private", reply: "answer", feedback: "up" }]);
  });
});
