/**
 * The question log in SQLite (better-sqlite3: synchronous, so a write is one short call on the
 * answering path, no queue to lose on a crash). WAL mode and a busy timeout let the bot write while
 * `cli report` reads the same file. The only module that touches the database.
 */
import { createHmac } from "node:crypto";
import Database from "better-sqlite3";
import { QaError } from "../errors.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";
import type { Asker, LoggedQuestion, QuestionEntry, Vote } from "./types.js";

export interface SqliteLogOptions {
  /** The database file (created with its folder's permission; the folder must exist). */
  file: string;
  /** Key of the user-id hash. */
  secret: string;
  /** Rows older than this many days are pruned. */
  days: number;
  /** The wall clock (row times, retention); injected so tests can move it. */
  now: () => Date;
}

interface Row {
  id: number;
  at: string;
  front_end: Asker["frontEnd"];
  chat_kind: Asker["chat"];
  lang: "zh" | "en";
  intent: string;
  question: string;
  reply: LoggedQuestion["reply"];
  answer: string;
  articles: string;
  build: string | null;
  latency_ms: number;
  feedback: Vote | null;
}

const DAY_MS = 24 * 60 * 60_000;

/** Opens (creating or migrating) the log database. Throws QUESTION_LOG_UNAVAILABLE when it cannot. */
export function openSqliteLog(options: SqliteLogOptions) {
  let db: Database.Database;
  try {
    db = new Database(options.file);
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 2000");
    migrate(db);
  } catch (err) {
    if (err instanceof QaError) throw err;
    throw new QaError("QUESTION_LOG_UNAVAILABLE", `The question log ${options.file} cannot be opened: ${(err as Error).message}`, "Check that DATA_DIR is writable, or set QUESTION_LOG=off.", { cause: err });
  }
  const hash = (asker: Pick<Asker, "frontEnd" | "user">) =>
    asker.user === null ? null : createHmac("sha256", options.secret).update(`${asker.frontEnd}:${asker.user}`).digest("hex");
  const insert = db.prepare(
    `INSERT INTO questions (at, front_end, chat_kind, user_hash, lang, intent, question, reply, answer, articles, build, latency_ms)
     VALUES (@at, @frontEnd, @chat, @user, @lang, @intent, @question, @reply, @answer, @articles, @build, @latencyMs)`,
  );
  const vote = db.prepare("UPDATE questions SET feedback = ?, feedback_at = ? WHERE id = ?");
  const forget = db.prepare("DELETE FROM questions WHERE user_hash = ?");
  const since = db.prepare("SELECT * FROM questions WHERE at >= ? ORDER BY at, id");
  const prune = db.prepare("DELETE FROM questions WHERE at < ?");
  return {
    record(entry: QuestionEntry): number {
      const { asker, at, articles, ...rest } = entry;
      const result = insert.run({ ...rest, at: at.toISOString(), frontEnd: asker.frontEnd, chat: asker.chat, user: hash(asker), articles: JSON.stringify(articles), latencyMs: Math.round(entry.latencyMs) });
      return Number(result.lastInsertRowid);
    },
    vote: (id: number, value: Vote): boolean => vote.run(value, options.now().toISOString(), id).changes > 0,
    forget: (asker: Pick<Asker, "frontEnd" | "user">): number => (asker.user === null ? 0 : forget.run(hash(asker)).changes),
    since: (from: Date): LoggedQuestion[] => (since.all(from.toISOString()) as Row[]).map(fromRow),
    prune: (): number => prune.run(new Date(options.now().getTime() - options.days * DAY_MS).toISOString()).changes,
    close: () => db.close(),
  };
}

export type SqliteLog = ReturnType<typeof openSqliteLog>;

/** Applies the migrations the database lacks, in one transaction; refuses a newer schema. */
function migrate(db: Database.Database): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new QaError("QUESTION_LOG_UNAVAILABLE", `The question log ${db.name} has schema version ${version}; this program knows up to ${SCHEMA_VERSION}.`, "Run the newer version of the program, or move the file away to start a new log.");
  }
  db.transaction(() => {
    for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function fromRow(row: Row): LoggedQuestion {
  return {
    id: row.id,
    at: new Date(row.at),
    frontEnd: row.front_end,
    chat: row.chat_kind,
    lang: row.lang,
    intent: row.intent,
    question: row.question,
    reply: row.reply,
    answer: row.answer,
    articles: JSON.parse(row.articles) as string[],
    build: row.build,
    latencyMs: row.latency_ms,
    feedback: row.feedback,
  };
}
