/**
 * Who gets through: allowed chats only (when configured), only messages addressed to the bot in
 * groups, and a per-user rate limit (@grammyjs/ratelimiter) with a polite note when it is hit.
 * Group chatter is dropped before the rate limiter, so talking in a group never counts against anyone.
 */
import { limit } from "@grammyjs/ratelimiter";
import { Composer, type Context } from "grammy";
import type { Logger } from "../log.js";
import { readMessage } from "./addressing.js";
import { RATE_LIMIT_TEXT } from "./render.js";
import { isGroup } from "./reply.js";

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
    const chat = ctx.chat;
    if (chat?.type === "channel") return;
    if (chat && allowedChatIds && !allowedChatIds.has(chat.id)) {
      logger.debug({ chatId: chat.id }, "ignoring a chat that is not in ALLOWED_CHAT_IDS");
      return;
    }
    if (ctx.msg && !readMessage(ctx.msg, ctx.me, isGroup(ctx)).addressed) return;
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
  return guard;
}
