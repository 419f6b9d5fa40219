/**
 * /latest and /paper YYYY-MM-DD (or /paper 12124, an issue number): asked of the core as the
 * reader's own question would be, in the reader's Telegram language, so the answer, its keyboard
 * and /sources work exactly as for a typed "最近有什么新闻？".
 */
import { Composer, type Context } from "grammy";
import { answerQuestion, type QuestionServices } from "./questions.js";
import { replyHtml } from "./reply.js";

/** Chinese for a reader whose Telegram is set to Chinese, else English. */
export function userLang(ctx: Context): "zh" | "en" {
  return ctx.from?.language_code?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

const QUESTIONS = {
  latest: { zh: "最近有什么新闻？", en: "What is the latest news?" },
  day: { zh: (date: string) => `${date}的报纸`, en: (date: string) => `The paper of ${date}` },
  number: { zh: (n: string) => `第${n}期`, en: (n: string) => `Issue ${n}` },
} as const;

export const PAPER_USAGE_TEXT = "Usage: /paper YYYY-MM-DD (or an issue number) — e.g. /paper 2024-11-07";

export function newsComposer(services: QuestionServices): Composer<Context> {
  const news = new Composer<Context>();
  news.command("latest", (ctx) => answerQuestion(ctx, QUESTIONS.latest[userLang(ctx)], services));
  news.command("paper", async (ctx) => {
    const arg = ctx.match.trim();
    const lang = userLang(ctx);
    if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(arg)) return answerQuestion(ctx, QUESTIONS.day[lang](arg), services);
    if (/^\d{3,6}$/.test(arg)) return answerQuestion(ctx, QUESTIONS.number[lang](arg), services);
    await replyHtml(ctx, PAPER_USAGE_TEXT);
  });
  return news;
}
