/** Sending helpers shared by the composers: HTML replies (split, quoted in groups) and "typing…". */
import type { Context } from "grammy";
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import type { Logger } from "../log.js";
import { MESSAGE_LIMIT, splitHtml } from "./html.js";

/** Telegram shows a chat action for about 5 s; it is renewed this often while an answer is worked out. */
const TYPING_EVERY_MS = 4_500;

export function isGroup(ctx: Context): boolean {
  return ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
}

/** How every HTML message is sent and edited: parsed as HTML, no link previews. */
export const HTML_OPTIONS = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;

/**
 * Sends one message of Telegram HTML (at most 4096 characters). With `quote`, in groups it quotes
 * the message being answered (reply_parameters), so the thread stays readable.
 */
export function sendHtml(ctx: Context, html: string, quote: boolean, keyboard?: InlineKeyboardMarkup): Promise<Message.TextMessage> {
  const quoted = quote && isGroup(ctx) && ctx.msg ? ctx.msg.message_id : undefined;
  return ctx.reply(html, {
    ...HTML_OPTIONS,
    ...(quoted !== undefined ? { reply_parameters: { message_id: quoted, allow_sending_without_reply: true } } : {}),
    ...(keyboard ? { reply_markup: keyboard } : {}),
  });
}

/**
 * Sends Telegram HTML, split into messages of at most 4096 characters; in groups the first quotes
 * the question. An inline keyboard goes under the last part.
 */
export async function replyHtml(ctx: Context, html: string, keyboard?: InlineKeyboardMarkup): Promise<void> {
  const parts = splitHtml(html, MESSAGE_LIMIT);
  for (const [i, part] of parts.entries()) await sendHtml(ctx, part, i === 0, i === parts.length - 1 ? keyboard : undefined);
}

/** Runs `work` while the chat shows "typing…"; a failed chat action never fails the work. */
export async function withTyping<T>(ctx: Context, logger: Logger, work: () => Promise<T>): Promise<T> {
  const typing = () =>
    ctx.replyWithChatAction("typing").catch((err: unknown) => logger.debug({ err }, "chat action failed"));
  await typing();
  const timer = setInterval(() => void typing(), TYPING_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
