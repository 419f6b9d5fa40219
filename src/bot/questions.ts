/**
 * Questions: text messages, photo (and other) captions, and edited messages (answered again).
 * The guard has already dropped group chatter; here the question is read and answered.
 */
import { Composer, type Context } from "grammy";
import type { QaService } from "../core/types.js";
import type { Logger } from "../log.js";
import { readMessage } from "./addressing.js";
import type { BotStats } from "./admin.js";
import { liveAnswer } from "./live-answer.js";
import type { AnswerButtons } from "./buttons.js";
import type { LastAnswers } from "./memory.js";
import { renderAnswer } from "./render.js";
import { isGroup, withTyping } from "./reply.js";

export interface QuestionServices {
  qa: QaService;
  logger: Logger;
  memory: LastAnswers;
  stats: BotStats;
  /** Minimum time between two edits of a streamed LLM answer (default 1500 ms). */
  editIntervalMs?: number;
  /** "Full article" / "More" under each answer; absent: no keyboard. */
  buttons?: AnswerButtons;
}

/**
 * Answers one question in the current chat: "typing…" while the core works (with LLM answers, the
 * verified sentences appear as they are written), then the rendered answer, remembered for
 * /sources. A QaError (empty, too long…) propagates to the error boundary.
 *
 * Logs one info line per answer — chat, latency, found, top source, language — and never the
 * question itself at info: readers' questions are theirs, and logs travel further than chats.
 */
export async function answerQuestion(ctx: Context, question: string, services: QuestionServices): Promise<void> {
  const { qa, logger, memory, stats } = services;
  const chatId = ctx.chat!.id;
  const started = performance.now();
  logger.debug({ chatId, question }, "question");
  const live = liveAnswer(ctx, logger, services.editIntervalMs);
  const asker = { frontEnd: "bot", chat: isGroup(ctx) ? "group" : "private", user: ctx.from ? String(ctx.from.id) : null } as const;
  const answer = await withTyping(ctx, logger, () => qa.answer(question, { sessionId: String(chatId), onDelta: live.onDelta, asker })).catch(
    async (err: unknown) => {
      await live.cancel();
      throw err;
    },
  );
  stats.answered++;
  if (!answer.found) stats.notFound++;
  memory.set(chatId, answer);
  await live.finish(renderAnswer(answer), services.buttons?.keyboardFor(chatId, answer));
  logger.info(
    {
      chatId,
      latencyMs: Math.round(performance.now() - started),
      found: answer.found,
      topSource: answer.citations[0]?.source ?? null,
      lang: answer.lang,
      // Whether LLM text was shown while it was written; whether the final text is the LLM's
      // cannot be told from the Answer (a rejected one falls back silently), so it is not claimed.
      streamed: live.streamed,
    },
    "answered",
  );
}

export function questionsComposer(services: QuestionServices): Composer<Context> {
  const questions = new Composer<Context>();
  questions.on(["message:text", "message:caption", "edited_message:text", "edited_message:caption"], async (ctx) => {
    const reading = readMessage(ctx.msg, ctx.me, isGroup(ctx));
    // New commands were handled by the commands composer; of edited ones only /ask is re-answered.
    if (reading.command !== null && reading.command !== "ask") return;
    await answerQuestion(ctx, reading.question, services);
  });
  return questions;
}
