/**
 * An answer shown while the LLM writes it: the first verified sentences go out as a message, later
 * ones are edited in at a throttled rate, and the final rendered answer (figure, numbered sources)
 * replaces the lot — it may be the extractive answer if the LLM's failed its check. Without any
 * streamed text this is plain `replyHtml`, exactly as without an LLM.
 */
import type { Context } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Logger } from "../log.js";
import { safeError } from "./errors.js";
import { escapeHtml, MESSAGE_LIMIT, splitHtml } from "./html.js";
import { HTML_OPTIONS, replyHtml, sendHtml } from "./reply.js";
import { createThrottledEditor, isNotModified, type ThrottledEditor } from "./throttle.js";

export interface LiveAnswer {
  /** Pass as `AskOptions.onDelta`: the verified answer text so far. Never throws. */
  onDelta(textSoFar: string): void;
  /** Shows the final answer: edits it into the streamed message (sending any further parts), or sends it; the keyboard goes under its last part. */
  finish(html: string, keyboard?: InlineKeyboardMarkup): Promise<void>;
  /** The answer failed: stops editing (the partial text stays; the error reply follows it). */
  cancel(): Promise<void>;
  /** Whether partial text was streamed to the chat. */
  readonly streamed: boolean;
}

/** The partial text as one message: escaped, no sources yet, cut to Telegram's limit. */
function partialHtml(text: string): string {
  return splitHtml(escapeHtml(text), MESSAGE_LIMIT)[0] ?? "…";
}

/** Starts a live answer in the current chat; edits come at most once per `intervalMs`. */
export function liveAnswer(ctx: Context, logger: Logger, intervalMs?: number): LiveAnswer {
  const chatId = ctx.chat!.id;
  let latest = "";
  // The first message: being sent, sent (its id), or null when sending it failed.
  let message: Promise<number | null> | null = null;
  let editor: ThrottledEditor | null = null;
  const edit = (messageId: number, html: string, keyboard?: InlineKeyboardMarkup) =>
    ctx.api.editMessageText(chatId, messageId, html, { ...HTML_OPTIONS, ...(keyboard ? { reply_markup: keyboard } : {}) });

  const start = (html: string) =>
    sendHtml(ctx, html, true).then(
      (sent) => {
        editor = createThrottledEditor((next) => edit(sent.message_id, next), html, {
          ...(intervalMs !== undefined ? { intervalMs } : {}),
          onError: (err) => logger.warn({ chatId, error: safeError(err) }, "could not edit the streamed answer"),
        });
        editor.update(partialHtml(latest)); // sentences that arrived while it was being sent
        return sent.message_id;
      },
      (err: unknown) => {
        // The final answer is still sent as a new message; only the preview is lost.
        logger.warn({ chatId, error: safeError(err) }, "could not send the streamed answer");
        return null;
      },
    );

  return {
    get streamed() {
      return message !== null;
    },
    onDelta(textSoFar) {
      latest = textSoFar;
      if (editor) editor.update(partialHtml(textSoFar));
      else message ??= start(partialHtml(textSoFar));
    },
    async finish(html, keyboard) {
      const messageId = message ? await message : null;
      await editor?.stop();
      if (messageId === null) return replyHtml(ctx, html, keyboard);
      const [first = "…", ...rest] = splitHtml(html, MESSAGE_LIMIT);
      try {
        await edit(messageId, first, rest.length ? undefined : keyboard);
      } catch (err) {
        if (!isNotModified(err)) {
          // Deleted meanwhile, or the edit refused: the reader still gets the whole answer.
          logger.warn({ chatId, error: safeError(err) }, "could not edit in the final answer; sending it anew");
          return replyHtml(ctx, html, keyboard);
        }
      }
      for (const [i, part] of rest.entries()) await sendHtml(ctx, part, false, i === rest.length - 1 ? keyboard : undefined);
    },
    async cancel() {
      if (message) await message;
      await editor?.stop();
    },
  };
}
