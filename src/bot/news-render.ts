/**
 * What the bot says for news answers (latest, a day's paper, an overview), "More" and "Full
 * article", as Telegram HTML. Pure; every piece of article text is escaped here, once.
 */
import type { Answer, Citation } from "../answer/types.js";
import type { Article } from "../ingest/types.js";
import { escapeHtml } from "./html.js";

/** The keyboard's labels, in the answer's language. */
export const BUTTON_LABELS = {
  en: { full: "Full article", more: "More" },
  zh: { full: "全文", more: "更多" },
} as const;

/** Toasts shown on a button press (answerCallbackQuery), in the answer's language. */
export const NEWS_NOTES = {
  en: {
    stale: "This button has expired — please ask again.",
    gone: "That article is no longer in the index — please ask again.",
    noMore: "That is all the articles have on it.",
    voted: "Thank you — noted for the editors:",
    unvoted: "That answer is no longer in the log — your vote was not kept.",
  },
  zh: {
    stale: "这个按钮已过期，请重新提问。",
    gone: "索引中已没有这篇报道，请重新提问。",
    noMore: "没有更多了。",
    voted: "谢谢，已转告编辑：",
    unvoted: "这条回答已不在记录中，未能记下您的评价。",
  },
} as const;

const FOOTER = {
  en: "Buttons below: the full article, or more.",
  zh: "下方按钮：查看全文，或看更多。",
} as const;

/** "1. 昌吉日报 · 2026-04-22 · <b>headline</b>" and the quote in a blockquote. */
function citationHtml(c: Citation, n: number): string {
  const parts = [c.paper, c.date ?? "—"].filter((p): p is string => Boolean(p)).map(escapeHtml);
  parts.push(`<b>${escapeHtml(c.headline || c.source)}</b>`);
  return `${n}. ${parts.join(" · ")}\n<blockquote>${escapeHtml(c.quote)}</blockquote>`;
}

/**
 * A news answer: its first line (which issue, how old; or what the overview is on), then each
 * citation once — headline and source, the lead or key sentence quoted. A refusal is its text.
 */
export function renderNewsAnswer(answer: Answer): string {
  if (!answer.citations.length) return escapeHtml(answer.answer);
  const intro = answer.answer.split("\n")[0]!;
  return [escapeHtml(intro), ...answer.citations.map((c, i) => citationHtml(c, i + 1)), `<i>${escapeHtml(FOOTER[answer.lang])}</i>`].join("\n\n");
}

/** A "More" page: the next citations, numbered from 1 (as its own Full-article buttons are). */
export function renderMoreHtml(citations: readonly Citation[], lang: "zh" | "en"): string {
  return [`<b>${lang === "zh" ? "更多" : "More"}</b>`, ...citations.map((c, i) => citationHtml(c, i + 1))].join("\n\n");
}

/** A whole cleaned article: headline, paper · date · issue, byline, then its paragraphs (split by the sender). */
export function renderArticleHtml(article: Article): string {
  const head = [
    article.kicker ? `<i>${escapeHtml(article.kicker)}</i>` : null,
    `<b>${escapeHtml(article.headline)}</b>`,
    article.subheadline ? escapeHtml(article.subheadline) : null,
    escapeHtml([article.paper ?? "—", article.date ?? "undated", article.page].filter(Boolean).join(" · ")),
    article.byline ? `<i>${escapeHtml(article.byline)}</i>` : null,
  ].filter((line): line is string => line !== null);
  return [head.join("\n"), ...article.paragraphs.map(escapeHtml)].join("\n\n");
}
