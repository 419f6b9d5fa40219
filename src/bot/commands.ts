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

export function commandsComposer(services: CommandServices): Composer<Context> {
  const { qa, memory, examples } = services;
  const commands = new Composer<Context>();

  commands.command("start", (ctx) => replyHtml(ctx, renderStart(qa.info(), examples)));
  commands.command("help", (ctx) => replyHtml(ctx, renderHelp(ctx.me.username, examples)));
  commands.command("about", (ctx) => replyHtml(ctx, renderAbout(qa.info())));
  commands.command("sources", (ctx) => replyHtml(ctx, renderSources(memory.get(ctx.chat.id))));
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
