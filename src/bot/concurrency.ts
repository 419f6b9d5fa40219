/**
 * How many updates are worked on at once, and in what order — the same in polling and webhook mode.
 * Updates of one chat are handled one after another (grammY runner's `sequentialize`), so replies
 * keep the order of the questions; different chats run side by side, at most `limit` at a time, so
 * one slow question (a hanging LLM) delays only its own chat.
 */
import { sequentialize } from "@grammyjs/runner";
import { Composer, type Context, type MiddlewareFn } from "grammy";

/** Updates answered at the same time (both modes): enough for a busy group, few enough for one LLM server. */
export const DEFAULT_CONCURRENCY = 20;

/**
 * Updates received but not yet done, in polling mode (grammY runner's sink; its default). Waiting
 * for a chat's turn or a free slot costs almost nothing, and a full sink stops fetching for everyone.
 */
export const POLLING_BACKLOG = 500;

/** The ordering key: one queue per chat; updates without a chat are not ordered. */
export function chatKey(ctx: Context): string | undefined {
  return ctx.chat ? String(ctx.chat.id) : undefined;
}

/** A counting semaphore: `acquire` resolves with a release function once one of `limit` slots is free. */
export function createSemaphore(limit: number): { acquire(): Promise<() => void>; readonly active: number } {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next(); // the slot passes straight on
    else active--;
  };
  return {
    get active() {
      return active;
    },
    acquire() {
      let released = false;
      const once = () => {
        if (!released) (released = true), release();
      };
      if (active < limit) {
        active++;
        return Promise.resolve(once);
      }
      return new Promise((resolve) => waiting.push(() => resolve(once)));
    },
  };
}

/**
 * Per-chat order, then at most `limit` updates in the handlers behind it. Goes after the guard, so
 * dropped group chatter and rate-limited messages never wait for a chat's turn or take a slot.
 */
export function concurrencyComposer(limit = DEFAULT_CONCURRENCY): Composer<Context> {
  const slots = createSemaphore(limit);
  const composer = new Composer<Context>();
  composer.use(sequentialize(chatKey));
  composer.use(async (_ctx, next) => {
    const release = await slots.acquire();
    try {
      await next();
    } finally {
      release();
    }
  });
  return composer;
}

/**
 * Outermost middleware: calls `onHandled` with the update id once the bot is done with an update
 * (replies sent, or the update ignored or failed) — with concurrent handling, fetching the next
 * updates no longer says that the previous ones are done.
 */
export function reportHandled(onHandled: (updateId: number) => void): MiddlewareFn<Context> {
  return async (ctx, next) => {
    try {
      await next();
    } finally {
      onHandled(ctx.update.update_id);
    }
  };
}
