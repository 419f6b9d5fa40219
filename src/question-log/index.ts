/**
 * `openQuestionLog(config)`: the question log the bot and the chat write through — SQLite in
 * DATA_DIR, or a log that keeps nothing (QUESTION_LOG=off). A database that cannot be opened does not
 * stop the bot: the error is logged once, and each answer it could not keep is counted.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { clockOf, type Config } from "../config/index.js";
import { describeError } from "../errors.js";
import type { Logger } from "../log.js";
import { openSqliteLog, type SqliteLog } from "./sqlite.js";
import type { QuestionLog } from "./types.js";

export type { Asker, LoggedQuestion, QuestionEntry, QuestionLog, Vote } from "./types.js";

/** File names inside DATA_DIR. */
export const LOG_FILES = { database: "questions.sqlite", secret: "question-log.secret" } as const;

/** Pruning runs at most this often while the log is written to (and once when it opens). */
const PRUNE_EVERY_MS = 60 * 60_000;

export interface QuestionLogDeps {
  logger?: Logger;
  /** The clock for row times and retention (default the injected clock, clockOf(config): TODAY when set, else the system clock). */
  now?: () => Date;
}

/** Opens the configured question log; never throws. */
export function openQuestionLog(config: Pick<Config, "dataDir" | "questionLog" | "today">, deps: QuestionLogDeps = {}): QuestionLog {
  const now = deps.now ?? clockOf(config);
  if (!config.questionLog.enabled) return offLog(0, now);
  let db: SqliteLog;
  try {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const secret = config.questionLog.secret ?? keptSecret(config.dataDir);
    db = openSqliteLog({ file: path.join(config.dataDir, LOG_FILES.database), secret, days: config.questionLog.days, now });
  } catch (err) {
    deps.logger?.error({ error: describeError(err) }, "the question log cannot be opened; answering without it");
    return offLog(1, now);
  }
  return guarded(db, now, deps.logger);
}

/** The SQLite log with every call guarded: a failure is logged (without the question) and counted. */
function guarded(db: SqliteLog, now: () => Date, logger: Logger | undefined): QuestionLog {
  let failures = 0;
  let prunedAt = -Infinity;
  const attempt = <T>(what: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      failures++;
      logger?.warn({ error: describeError(err), failures }, `question log: ${what} failed`);
      return fallback;
    }
  };
  const prune = () =>
    attempt("pruning", 0, () => {
      prunedAt = now().getTime();
      return db.prune();
    });
  prune();
  return {
    enabled: true,
    get failures() {
      return failures;
    },
    record(entry) {
      if (now().getTime() - prunedAt >= PRUNE_EVERY_MS) prune();
      return attempt("a write", null, () => db.record(entry));
    },
    vote: (id, vote) => attempt("a vote", false, () => db.vote(id, vote)),
    forget: (asker) => attempt("forgetting a reader", null, () => db.forget(asker)),
    since: (from) => attempt("reading", [], () => db.since(from)),
    now,
    prune,
    close: () => attempt("closing", undefined, () => db.close()),
  };
}

/** A log that keeps nothing: QUESTION_LOG=off, or a database that could not be opened (`failures` 1). */
function offLog(openFailures: number, now: () => Date): QuestionLog {
  let failures = openFailures;
  return {
    enabled: false,
    get failures() {
      return failures;
    },
    record: () => {
      if (openFailures) failures++;
      return null;
    },
    vote: () => false,
    forget: () => 0,
    since: () => [],
    prune: () => 0,
    now,
    close: () => {},
  };
}

/**
 * The hash key kept in DATA_DIR when QUESTION_LOG_SECRET is not set: made once (32 random bytes,
 * readable by the owner only), so a reader's hash — and `/forget` — stay the same across restarts.
 */
function keptSecret(dataDir: string): string {
  const file = path.join(dataDir, LOG_FILES.secret);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const secret = randomBytes(32).toString("hex");
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim(); // another process made it first
    throw err;
  }
}
