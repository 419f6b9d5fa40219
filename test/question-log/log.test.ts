import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { LOG_FILES, openQuestionLog, type QuestionEntry } from "../../src/question-log/index.js";
import { SCHEMA_VERSION } from "../../src/question-log/migrations.js";
import { createLogger } from "../../src/log.js";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "qa-log-"));
const configIn = (dataDir: string, env: Record<string, string> = {}) => loadConfig({ DATA_DIR: dataDir, ...env });

function entry(overrides: Partial<QuestionEntry> = {}): QuestionEntry {
  return {
    at: new Date("2026-12-01T10:00:00Z"),
    asker: { frontEnd: "bot", chat: "private", user: "12345" },
    lang: "zh",
    intent: "fact",
    question: "昌吉州今年新增城镇就业多少人？",
    reply: "answer",
    answer: "10395人",
    articles: ["003#1"],
    build: "b1",
    latencyMs: 12.4,
    ...overrides,
  };
}

describe("the question log", () => {
  it("keeps a question with every field, the user id only as a keyed hash, in a versioned schema", () => {
    const dir = tmp();
    const log = openQuestionLog(configIn(dir), { now: () => new Date("2026-12-01T12:00:00Z") });
    const id = log.record(entry());
    expect(id).toBeTypeOf("number");
    const [row] = log.since(new Date("2026-11-30T00:00:00Z"));
    expect(row).toMatchObject({ id, frontEnd: "bot", chat: "private", lang: "zh", intent: "fact", reply: "answer", articles: ["003#1"], build: "b1", latencyMs: 12, feedback: null });
    log.close();
    const db = new Database(path.join(dir, LOG_FILES.database), { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    const stored = db.prepare("SELECT user_hash FROM questions").get() as { user_hash: string };
    db.close();
    expect(stored.user_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(path.join(dir, LOG_FILES.database)).includes("12345")).toBe(false);
    // The generated key is kept, readable by its owner only.
    expect(fs.statSync(path.join(dir, LOG_FILES.secret)).mode & 0o077).toBe(0);
  });

  it("changes a vote on a second press, and forgets one reader's rows across restarts", () => {
    const dir = tmp();
    const now = () => new Date("2026-12-01T12:00:00Z");
    let log = openQuestionLog(configIn(dir), { now });
    const mine = log.record(entry())!;
    log.record(entry({ asker: { frontEnd: "bot", chat: "group", user: "777" } }));
    expect(log.vote(mine, "down")).toBe(true);
    expect(log.vote(mine, "up")).toBe(true);
    expect(log.since(new Date(0)).find((r) => r.id === mine)!.feedback).toBe("up");
    log.close();
    log = openQuestionLog(configIn(dir), { now }); // same kept secret: the same hash
    expect(log.forget({ frontEnd: "bot", user: "12345" })).toBe(1);
    expect(log.since(new Date(0)).map((r) => r.chat)).toEqual(["group"]);
    expect(log.forget({ frontEnd: "cli", user: "777" })).toBe(0); // another front end's user
    expect(log.vote(mine, "down")).toBe(false); // gone
  });

  it("prunes rows older than QUESTION_LOG_DAYS", () => {
    const dir = tmp();
    let clock = new Date("2026-12-01T12:00:00Z");
    const log = openQuestionLog(configIn(dir, { QUESTION_LOG_DAYS: "30" }), { now: () => clock });
    log.record(entry({ at: new Date("2026-10-15T00:00:00Z") }));
    log.record(entry({ at: new Date("2026-11-20T00:00:00Z") }));
    expect(log.prune()).toBe(1);
    clock = new Date("2026-12-25T12:00:00Z");
    log.record(entry({ at: clock })); // over an hour since the last pruning: prunes first
    expect(log.since(new Date(0)).map((r) => r.at.toISOString())).toEqual([clock.toISOString()]);
  });

  it("writes nothing with QUESTION_LOG=off", () => {
    const dir = path.join(tmp(), "data");
    const log = openQuestionLog(configIn(dir, { QUESTION_LOG: "off" }));
    expect(log.enabled).toBe(false);
    expect(log.record(entry())).toBeNull();
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("counts and logs a failed write instead of throwing, without the question in the log line", () => {
    const dir = tmp();
    const lines: string[] = [];
    const log = openQuestionLog(configIn(dir), { logger: createLogger("warn", { write: (l: string) => void lines.push(l) }) });
    const other = new Database(path.join(dir, LOG_FILES.database));
    other.exec("DROP TABLE questions");
    other.close();
    expect(log.record(entry())).toBeNull();
    expect(log.failures).toBe(1);
    expect(lines.join("")).toMatch(/question log: a write failed/);
    expect(lines.join("")).not.toContain("新增城镇就业");
  });

  it("refuses a database of a newer schema, and then counts what it could not keep", () => {
    const dir = tmp();
    const db = new Database(path.join(dir, LOG_FILES.database));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const lines: string[] = [];
    const log = openQuestionLog(configIn(dir), { logger: createLogger("warn", { write: (l: string) => void lines.push(l) }) });
    expect(log.enabled).toBe(false);
    expect(lines.join("")).toMatch(/QUESTION_LOG_UNAVAILABLE/);
    log.record(entry());
    expect(log.failures).toBe(2);
  });

  it("is configured once: DATA_DIR, QUESTION_LOG on|off, QUESTION_LOG_DAYS (default 90), a secret of 16+ characters", () => {
    expect(loadConfig({}, "/srv/qa")).toMatchObject({ dataDir: "/srv/qa/data", questionLog: { enabled: true, days: 90, secret: null }, dashboardToken: null });
    expect(() => loadConfig({ QUESTION_LOG: "maybe" })).toThrow(/QUESTION_LOG/);
    expect(() => loadConfig({ QUESTION_LOG_SECRET: "short" })).toThrow(/QUESTION_LOG_SECRET: use at least 16/);
  });

  it("uses QUESTION_LOG_SECRET when set, and keeps no key file", () => {
    const dir = tmp();
    openQuestionLog(configIn(dir, { QUESTION_LOG_SECRET: "0123456789abcdef0123" })).close();
    expect(fs.existsSync(path.join(dir, LOG_FILES.secret))).toBe(false);
  });
});
