/**
 * The per-sender rate limit. A sender gets `limit` updates per `timeFrameMs` answered at once; the
 * next ones are not dropped but queued (up to `queue` of them) and answered in order as the window
 * frees up; only beyond the queue are messages skipped. Either way the sender gets one polite note
 * per window saying so — nothing is lost without the sender being told.
 */
import type { Context, MiddlewareFn } from "grammy";
import type { Logger } from "../log.js";

export interface RateLimitOptions {
  /** Updates one sender may have answered per time frame (default 5). */
  limit: number;
  /** The time frame in milliseconds (default 10 000). */
  timeFrameMs: number;
  /** Over-limit updates held back per sender and answered later (default 10); 0: skip them (with the note). */
  queue: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 5, timeFrameMs: 10_000, queue: 10 };

/**
 * Whose budget an update spends: the user's — or, for a message sent on behalf of a chat (an
 * anonymous group admin, a linked channel), that chat's, since every anonymous admin shares one
 * user id (GroupAnonymousBot) across all groups.
 */
export function rateLimitKey(ctx: Context): string | undefined {
  const senderChat = ctx.msg?.sender_chat;
  if (senderChat) return `chat:${senderChat.id}`;
  return ctx.from ? `user:${ctx.from.id}` : undefined;
}

/** The note for a sender over the limit: what happens to the messages that wait, and to the rest. */
export function rateLimitText({ limit, timeFrameMs, queue }: RateLimitOptions): string {
  const seconds = Math.ceil(timeFrameMs / 1000);
  const pace = `I answer at most ${limit} messages per ${seconds} s from one person`;
  if (queue === 0) return `You're asking faster than I can answer (${pace}), so I skipped your latest message. Please send it again in ${seconds} s.`;
  return (
    `You're asking faster than I can answer (${pace}). I'll answer the waiting ones in order in a few seconds; ` +
    `beyond ${queue} waiting, messages are skipped — send those again later.`
  );
}

interface Sender {
  /** When each of the recent updates got (or will get) its turn, ascending. */
  turns: number[];
  /** No further note before this time. */
  notedUntil: number;
}

/**
 * A sliding window per sender with a FIFO of future turns. `reserve` returns how long an update
 * must wait for its turn (0: now), or null when the sender's queue is full.
 */
export function createSlidingWindow({ limit, timeFrameMs, queue }: RateLimitOptions, now: () => number = Date.now) {
  const senders = new Map<string, Sender>();
  let reservations = 0;
  const sweep = (t: number) => {
    for (const [key, s] of senders) if ((s.turns.at(-1) ?? -Infinity) <= t - timeFrameMs && s.notedUntil <= t) senders.delete(key);
  };
  return {
    reserve(key: string): number | null {
      const t = now();
      if (++reservations % 1000 === 0) sweep(t); // forget idle senders now and then
      let s = senders.get(key);
      if (!s) senders.set(key, (s = { turns: [], notedUntil: 0 }));
      s.turns = s.turns.filter((turn) => turn > t - timeFrameMs);
      const waiting = s.turns.filter((turn) => turn > t).length;
      // The turn after the `limit`-th latest one has left the window.
      const turn = s.turns.length < limit ? t : Math.max(t, s.turns[s.turns.length - limit]! + timeFrameMs);
      if (turn > t && waiting >= queue) return null;
      s.turns.push(turn);
      return turn - t;
    },
    /** True once per window per sender: whether to send the note now. */
    shouldNote(key: string): boolean {
      const t = now();
      const s = senders.get(key);
      if (!s || s.notedUntil > t) return false;
      s.notedUntil = t + timeFrameMs;
      return true;
    },
    get size() {
      return senders.size;
    },
  };
}

/**
 * The rate-limit middleware. An update within the limit goes on synchronously (so updates keep
 * their order into the per-chat queues behind); an over-limit one waits for its turn, or is skipped
 * when the sender's queue is full — with one note per window in both cases.
 */
export function rateLimit(options: RateLimitOptions, logger: Logger): MiddlewareFn<Context> {
  const window = createSlidingWindow(options);
  const note = rateLimitText(options);
  // Each sender's waiting updates go on one after another, in the order they came.
  const queues = new Map<string, Promise<void>>();
  return async (ctx, next) => {
    const key = rateLimitKey(ctx);
    if (key === undefined) return next();
    const wait = window.reserve(key);
    if (wait === 0) return next();
    let noted: Promise<void> = Promise.resolve();
    if (window.shouldNote(key)) {
      logger.info({ chatId: ctx.chat?.id, queued: wait !== null }, "rate limit hit");
      noted = ctx.reply(note).then(
        () => {},
        (err: unknown) => logger.warn({ err }, "could not send the rate-limit note"),
      );
    }
    if (wait === null) return noted; // skipped: the note said so
    const at = Date.now() + wait;
    // The note is part of the queue: a later message cannot overtake this one while it is sent.
    const turn = Promise.all([queues.get(key), noted]).then(() => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now()))));
    queues.set(key, turn);
    void turn.then(() => void (queues.get(key) === turn && queues.delete(key)));
    await turn;
    await next();
  };
}
