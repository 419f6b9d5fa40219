/**
 * Who gets through: in groups only messages addressed to the bot, then a per-user rate limit
 * (@grammyjs/ratelimiter) with a polite note when it is hit, then — when ALLOWED_CHAT_IDS is set —
 * only those chats (others get a polite refusal naming their chat id). Group chatter is dropped
 * first, so talking in a group never counts against anyone's rate limit.
 */
import { limit } from "@grammyjs/ratelimiter";
import { Composer, type Context } from "grammy";
import type { Logger } from "../log.js";
import { readMessage } from "./addressing.js";
import { notAllowedText, RATE_LIMIT_TEXT } from "./render.js";
import { isGroup, replyHtml } from "./reply.js";

export interface RateLimitOptions {
  /** Messages one user may send per time frame (default 5). */
  limit: number;
  /** The time frame in milliseconds (default 10 000). */
  timeFrameMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 5, timeFrameMs: 10_000 };

export interface GuardOptions {
  /** Chats the bot answers in; null (default) answers everywhere. */
  allowedChatIds: ReadonlySet<number> | null;
  rateLimit: RateLimitOptions;
  logger: Logger;
}

export function guardComposer({ allowedChatIds, rateLimit, logger }: GuardOptions): Composer<Context> {
  const guard = new Composer<Context>();

  guard.use(async (ctx, next) => {
    if (ctx.chat?.type === "channel") return;
    // A button press carries the bot's own message, which is addressed to no one: it passes.
    if (ctx.msg && !ctx.callbackQuery && !readMessage(ctx.msg, ctx.me, isGroup(ctx)).addressed) return;
    await next();
  });

  guard.use(
    limit<Context, never>({
      limit: rateLimit.limit,
      timeFrame: rateLimit.timeFrameMs,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      // Returned, so the limiter awaits the note (its type says void, it returns what we return).
      onLimitExceeded: (ctx) => {
        logger.info({ userId: ctx.from?.id }, "rate limit hit");
        return ctx.reply(RATE_LIMIT_TEXT).then(
          () => {},
          (err: unknown) => logger.warn({ err }, "could not send the rate-limit note"),
        );
      },
    }),
  );

  // After the rate limit, so a refused chat cannot make the bot send refusals in a loop.
  guard.use(async (ctx, next) => {
    const chat = ctx.chat;
    if (chat && allowedChatIds && !allowedChatIds.has(chat.id)) {
      logger.info({ chatId: chat.id }, "refusing a chat that is not in ALLOWED_CHAT_IDS");
      await replyHtml(ctx, notAllowedText(chat.id));
      return;
    }
    await next();
  });
  return guard;
}
