/**
 * Who gets through: in groups only messages addressed to the bot, then a per-sender rate limit
 * (over-limit messages wait their turn, with one polite note; see rate-limit.ts), then — when ALLOWED_CHAT_IDS is set —
 * only those chats (others get a polite refusal naming their chat id). Group chatter is dropped
 * first, so talking in a group never counts against anyone's rate limit.
 */
import { Composer, type Context } from "grammy";
import type { Logger } from "../log.js";
import { readMessage } from "./addressing.js";
import { rateLimit, type RateLimitOptions } from "./rate-limit.js";
import { notAllowedText } from "./render.js";
import { isGroup, replyHtml } from "./reply.js";

export interface GuardOptions {
  /** Chats the bot answers in; null (default) answers everywhere. */
  allowedChatIds: ReadonlySet<number> | null;
  rateLimit: RateLimitOptions;
  logger: Logger;
}

export function guardComposer({ allowedChatIds, rateLimit: limits, logger }: GuardOptions): Composer<Context> {
  const guard = new Composer<Context>();

  guard.use(async (ctx, next) => {
    if (ctx.chat?.type === "channel") return;
    // A button press carries the bot's own message, which is addressed to no one: it passes.
    if (ctx.msg && !ctx.callbackQuery && !readMessage(ctx.msg, ctx.me, isGroup(ctx)).addressed) return;
    await next();
  });

  guard.use(rateLimit(limits, logger));

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
