/**
 * Every failure a user can cause or fix carries a stable `code` and a `hint` saying what to do.
 * Front ends decide how to show them (a CLI line, a Telegram reply); the core only throws.
 */
import { redactSecrets } from "./redact.js";

export type ErrorCode =
  | "CONFIG_INVALID"
  | "SEEDS_MISSING"
  | "SEEDS_EMPTY"
  | "SEED_UNREADABLE"
  | "SEEDS_UNWRITABLE"
  | "INDEX_SHRINK"
  | "FILE_TOO_LARGE"
  | "FORMAT_UNKNOWN"
  | "PDF_NO_TEXT"
  | "PDF_ENCRYPTED"
  | "PDF_DAMAGED"
  | "HTML_NO_ARTICLE"
  | "PDF_TOO_COMPLEX"
  | "HTML_TOO_COMPLEX"
  | "PAGE_TOO_LARGE"
  | "FILE_NAME_INVALID"
  | "TEMP_UNAVAILABLE"
  | "INDEX_READONLY"
  | "FEED_UNREACHABLE"
  | "FEED_INVALID"
  | "INDEX_MISSING"
  | "INDEX_CORRUPT"
  | "INDEX_VERSION"
  | "INDEX_LOCKED"
  | "MODEL_MISMATCH"
  | "MODEL_UNAVAILABLE"
  | "EMPTY_QUESTION"
  | "QUESTION_TOO_LONG"
  | "EVAL_DATA_INVALID"
  | "QUESTION_LOG_UNAVAILABLE";

export class QaError extends Error {
  override readonly name = "QaError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * One line for a terminal or a chat: what went wrong and what to do about it. Tokens are redacted:
 * a server's error may echo the request URL (…/bot<token>/getMe).
 */
export function describeError(err: unknown): string {
  if (err instanceof QaError) return redactSecrets(`${err.message} (${err.code})\n→ ${err.hint}`);
  const message = err instanceof Error ? err.message : String(err);
  return redactSecrets(`Unexpected error: ${message}`);
}
