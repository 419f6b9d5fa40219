/**
 * What the question log keeps and the small interface the core writes through. The core knows who
 * asked only as an `Asker` (front end, chat kind, an opaque user id); the log stores the user id as
 * a keyed hash, never in clear.
 */
import type { ReplyKind } from "../answer/types.js";

/** A reader's verdict on an answer: 👍 or 👎. */
export type Vote = "up" | "down";

/** Who asked, as far as the log may know: the front end, the kind of chat, and the user (hashed before it is stored). */
export interface Asker {
  frontEnd: "bot" | "cli";
  chat: "private" | "group";
  /** The front end's user id (a Telegram user id, "terminal"); null: unknown (not forgettable). */
  user: string | null;
}

/** One answered question, as the core hands it to the log. */
export interface QuestionEntry {
  at: Date;
  asker: Asker;
  lang: "zh" | "en";
  /** fact, latest, paper, overview… (see src/answer/intent.ts). */
  intent: string;
  question: string;
  reply: ReplyKind;
  /** The reply's text, so an editor can read what a 👎 was given for. */
  answer: string;
  /** Cited article ids, best first, without repeats. */
  articles: string[];
  /** The index build that answered (its folder name under INDEX_DIR/builds). */
  build: string | null;
  latencyMs: number;
}

/** A row of the log as the report reads it (the user hash stays inside the log). */
export interface LoggedQuestion extends Omit<QuestionEntry, "asker"> {
  id: number;
  frontEnd: Asker["frontEnd"];
  chat: Asker["chat"];
  feedback: Vote | null;
}

/** The question log: writes never throw (a failure is logged and counted), so it never blocks an answer. */
export interface QuestionLog {
  /** False with QUESTION_LOG=off, or when the database could not be opened. */
  readonly enabled: boolean;
  /** Writes that failed since the log was opened (also counted when it could not be opened). */
  readonly failures: number;
  /** Keeps one answered question; its row id, or null when the log is off or the write failed. */
  record(entry: QuestionEntry): number | null;
  /** Sets or changes the vote on a logged question; false when the row is gone or the write failed. */
  vote(id: number, vote: Vote): boolean;
  /** Deletes every row of this reader (front end + user); how many, or null when it failed. */
  forget(asker: Pick<Asker, "frontEnd" | "user">): number | null;
  /** Rows asked at or after `from`, oldest first; empty when the log is off. */
  since(from: Date): LoggedQuestion[];
  /** Deletes rows older than the retention (QUESTION_LOG_DAYS); how many. */
  prune(): number;
  /** The log's clock — row times, retention, and the "now" a report of it ends at. */
  now(): Date;
  close(): void;
}
