/**
 * The error boundary: `bot.catch` turns a failure in one update into a polite reply and a log line,
 * so the bot keeps polling. Nothing logged here can carry the bot token: grammY's HttpError wraps
 * a fetch error whose message holds the request URL (…/bot<token>/sendMessage).
 */
import { GrammyError, HttpError, type BotError, type Context } from "grammy";
import { QaError, type ErrorCode } from "../errors.js";
import { redactSecrets, type Logger } from "../log.js";
import type { BotStats } from "./admin.js";
import { FAILURE_TEXT, renderQaError } from "./render.js";
import { replyHtml } from "./reply.js";

/** Errors the user caused and can fix: logged at info, not as failures. */
const USER_ERRORS: ReadonlySet<ErrorCode> = new Set(["EMPTY_QUESTION", "QUESTION_TOO_LONG"]);

/** A log-safe view of an error: type, code, redacted message, and its causes (a few levels deep). */
export interface SafeError {
  type: string;
  message: string;
  code?: string | number;
  method?: string;
  cause?: SafeError;
}

export function safeError(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) return { type: typeof err, message: redactSecrets(String(err)) };
  const view: SafeError = { type: err.name, message: redactSecrets(err.message) };
  if (err instanceof QaError) view.code = err.code;
  if (err instanceof GrammyError) {
    view.code = err.error_code;
    view.method = err.method;
  }
  const inner = err instanceof HttpError ? err.error : err.cause;
  if (inner !== undefined && depth < 3) view.cause = safeError(inner, depth + 1);
  return view;
}

/** The error boundary (and `bot.catch`): log, then reply — a QaError's message and hint, or an apology. */
export function createErrorHandler(logger: Logger, stats?: BotStats): (err: BotError<Context>) => Promise<void> {
  return async ({ error, ctx }) => {
    const where = { updateId: ctx.update.update_id, chatId: ctx.chat?.id };
    if (error instanceof QaError && USER_ERRORS.has(error.code)) logger.info({ ...where, code: error.code }, "question refused");
    else {
      if (stats) stats.failed++;
      logger.error({ ...where, error: safeError(error) }, "update failed");
    }
    if (!ctx.chat || ctx.chat.type === "channel") return;
    try {
      await replyHtml(ctx, error instanceof QaError ? renderQaError(error) : FAILURE_TEXT);
    } catch (replyError) {
      logger.error({ ...where, error: safeError(replyError) }, "could not send the error reply");
    }
  };
}
