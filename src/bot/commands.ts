/**
 * Commands: /start, /help, /about, /sources, /ask — and help for any other command, not silence.
 * The list shown in Telegram's menu is `COMMANDS` (registered with setMyCommands by `runBot`).
 */
import { Composer, type Context } from "grammy";
import { readMessage } from "./addressing.js";
import { answerQuestion, type QuestionServices } from "./questions.js";
import { ASK_USAGE_TEXT, renderAbout, renderHelp, renderSources, renderStart } from "./render.js";
import { isGroup, replyHtml } from "./reply.js";

export interface CommandServices extends QuestionServices {
  /** Example questions for /start and /help. */
  examples: readonly string[];
}

/** /forget's replies: the reader's rows deleted from the question log (docs/editors.md#privacy). */
const FORGET_TEXT = {
  off: "This bot keeps no question log, so there is nothing to forget.",
  failed: "Sorry, the question log could not be changed just now — please try /forget again later.",
  done: (n: number) => `Done: ${n} of your question${n === 1 ? "" : "s"} deleted from the question log. New questions are kept again (for at most the log's retention).`,
};

export function commandsComposer(services: CommandServices): Composer<Context> {
  const { qa, memory, examples } = services;
  const commands = new Composer<Context>();

  commands.command("start", (ctx) => replyHtml(ctx, renderStart(qa.info(), examples)));
  commands.command("help", (ctx) => replyHtml(ctx, renderHelp(ctx.me.username, examples)));
  commands.command("about", (ctx) => replyHtml(ctx, renderAbout(qa.info())));
  commands.command("sources", (ctx) => replyHtml(ctx, renderSources(memory.get(ctx.chat.id))));
  commands.command("forget", (ctx) => {
    const log = qa.questionLog;
    if (!log?.enabled) return replyHtml(ctx, FORGET_TEXT.off);
    const removed = ctx.from ? log.forget({ frontEnd: "bot", user: String(ctx.from.id) }) : 0;
    return replyHtml(ctx, removed === null ? FORGET_TEXT.failed : FORGET_TEXT.done(removed));
  });
  commands.command("ask", async (ctx) => {
    const question = readMessage(ctx.msg, ctx.me, isGroup(ctx)).question;
    if (!question) return replyHtml(ctx, ASK_USAGE_TEXT);
    await answerQuestion(ctx, question, services);
  });

  // Any other command for this bot. In groups only when it names the bot (`/x@this_bot`): a bare
  // `/x` there may belong to another bot.
  commands.on("message", async (ctx, next) => {
    const reading = readMessage(ctx.msg, ctx.me, isGroup(ctx));
    if (reading.command === null) return next();
    if (isGroup(ctx) && !reading.commandNamesMe) return;
    await replyHtml(ctx, renderHelp(ctx.me.username, examples));
  });
  return commands;
}
