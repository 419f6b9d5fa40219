/**
 * The inline keyboard under each answer — "Full article" (one per article shown), "More", and 👍 / 👎
 * when the answer is kept in the question log (a second press changes the vote) — and what its
 * buttons do. What a button refers to lives in a bounded store (least recently used
 * first out, and expiring), keyed by a random token in the callback data; a button whose entry is
 * gone gets a polite note. Every callback query is answered, whatever happens.
 */
import { randomBytes } from "node:crypto";
import { Composer, InlineKeyboard, type Context } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Answer, Citation } from "../answer/types.js";
import { MorePager } from "../core/more.js";
import type { QaService } from "../core/types.js";
import type { Logger } from "../log.js";
import { safeError } from "./errors.js";
import { BUTTON_LABELS, NEWS_NOTES, renderArticleHtml, renderMoreHtml } from "./news-render.js";
import { userLang } from "./news.js";
import { replyHtml } from "./reply.js";

export interface AnswerButtonsOptions {
  /** Answers whose buttons still work (default 1000); the least recently used is forgotten first. */
  capacity: number;
  /** How long buttons work after their answer (default 24 h). */
  ttlMs: number;
}

export const DEFAULT_BUTTONS: AnswerButtonsOptions = { capacity: 1000, ttlMs: 24 * 60 * 60_000 };

interface Entry {
  chatId: number;
  /** The answer itself, for a vote (the core finds its log row by it). */
  answer: Answer;
  lang: "zh" | "en";
  /** Every citation shown under this answer so far (the answer's, then each "More" page's). */
  citations: Citation[];
  pager: MorePager;
  at: number;
}

/** Full-article buttons per row. */
const PER_ROW = 3;
const CALLBACK = /^na:([fmv]):([\w-]{8})(?::(\d+|up|down))?$/;
/** The vote buttons' labels (the same in both languages). */
export const VOTE_LABELS = { up: "👍", down: "👎" } as const;

/** The bounded store behind the buttons, and the keyboards that point into it. */
export class AnswerButtons {
  private readonly entries = new Map<string, Entry>();
  private readonly options: AnswerButtonsOptions;

  constructor(
    private readonly qa: Pick<QaService, "more" | "article" | "feedback" | "questionLog">,
    options: Partial<AnswerButtonsOptions> = {},
  ) {
    this.options = { ...DEFAULT_BUTTONS, ...options };
  }

  get size(): number {
    return this.entries.size;
  }

  /** The keyboard for an answer in a chat, or undefined when it has nothing to open or continue. */
  keyboardFor(chatId: number, answer: Answer, now = Date.now()): InlineKeyboardMarkup | undefined {
    const pager = new MorePager(this.qa, answer);
    const votes = this.votes;
    if (!answer.citations.length && !pager.available && !votes) return undefined;
    const token = randomBytes(6).toString("base64url");
    this.store(token, { chatId, answer, lang: answer.lang, citations: [...answer.citations], pager, at: now });
    return this.keyboard(token, this.entries.get(token)!, 0, votes);
  }

  /** Whether answers get 👍 / 👎: only while a question log keeps them. */
  get votes(): boolean {
    return !!this.qa.feedback && !!this.qa.questionLog?.enabled;
  }

  /** The entry behind a button, if it is still there (and from this chat). */
  entry(token: string, chatId: number, now = Date.now()): Entry | null {
    const entry = this.entries.get(token);
    if (!entry || entry.chatId !== chatId) return null;
    this.entries.delete(token);
    if (now - entry.at > this.options.ttlMs) return null;
    this.entries.set(token, entry); // re-inserted: Map order is the LRU order
    return entry;
  }

  /** Buttons for the citations from `from` on (one per article), then "More" while there may be more, and the votes under an answer. */
  keyboard(token: string, entry: Entry, from: number, votes = false): InlineKeyboardMarkup | undefined {
    const labels = BUTTON_LABELS[entry.lang];
    const keyboard = new InlineKeyboard();
    const firsts = new Map<string, number>();
    entry.citations.slice(from).forEach((c, i) => firsts.has(c.articleId) || firsts.set(c.articleId, from + i));
    const single = firsts.size === 1;
    [...firsts.values()].forEach((index, n) => {
      if (n > 0 && n % PER_ROW === 0) keyboard.row();
      keyboard.text(single ? labels.full : `${labels.full} ${index - from + 1}`, `na:f:${token}:${index}`);
    });
    if (entry.pager.hasMore || votes) keyboard.row();
    if (entry.pager.hasMore) keyboard.text(labels.more, `na:m:${token}`);
    if (votes) keyboard.text(VOTE_LABELS.up, `na:v:${token}:up`).text(VOTE_LABELS.down, `na:v:${token}:down`);
    return keyboard.inline_keyboard.some((row) => row.length) ? keyboard : undefined;
  }

  private store(token: string, entry: Entry): void {
    this.entries.set(token, entry);
    while (this.entries.size > this.options.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** Handles the buttons' callback queries (and answers any other callback query, so none spins forever). */
export function buttonsComposer(buttons: AnswerButtons, qa: Pick<QaService, "article" | "feedback">, logger: Logger): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on("callback_query:data", async (ctx) => {
    let note: string | undefined;
    try {
      const [, action, token, index] = CALLBACK.exec(ctx.callbackQuery.data) ?? [];
      const entry = token && ctx.chat ? buttons.entry(token, ctx.chat.id) : null;
      if (!entry) {
        note = NEWS_NOTES[userLang(ctx)].stale;
        return;
      }
      const notes = NEWS_NOTES[entry.lang];
      if (action === "v") {
        const vote = index === "up" ? "up" : "down";
        note = qa.feedback?.(entry.answer, vote) ? `${notes.voted} ${VOTE_LABELS[vote]}` : notes.unvoted;
        return;
      }
      if (action === "f") {
        const citation = entry.citations[Number(index)];
        const article = citation ? (qa.article?.(citation.articleId) ?? null) : null;
        if (!article) note = notes.gone;
        else await replyHtml(ctx, renderArticleHtml(article));
        return;
      }
      const page = await entry.pager.next();
      if (!page.length) {
        note = notes.noMore;
        return;
      }
      const from = entry.citations.length;
      entry.citations.push(...page);
      await replyHtml(ctx, renderMoreHtml(page, entry.lang), buttons.keyboard(token!, entry, from));
    } finally {
      await ctx.answerCallbackQuery(note ? { text: note } : undefined).catch((err: unknown) => logger.warn({ error: safeError(err) }, "could not answer a callback query"));
    }
  });
  // Buttons without data (games) or from elsewhere: answered, so the client stops waiting.
  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery().catch((err: unknown) => logger.warn({ error: safeError(err) }, "could not answer a callback query")));
  return composer;
}
