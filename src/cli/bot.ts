import type { Command } from "commander";
import { cliContext } from "./context.js";

/** `cli bot`: the Telegram bot over the index, long polling until Ctrl+C. */
export function registerBot(program: Command): void {
  program
    .command("bot")
    .description("Run the Telegram bot (long polling). Needs TELEGRAM_BOT_TOKEN; TELEGRAM_API_ROOT for a self-hosted Bot API server.")
    .action(async () => {
      const ctx = await cliContext();
      // grammY and the answering core load only when the bot runs.
      const { missingTokenError, startBot } = await import("../bot/index.js");
      if (!ctx.config.telegram.token) throw missingTokenError();
      const [{ openQaService }, { withQuestionLog }, { openQuestionLog }] = await Promise.all([import("../core/service.js"), import("../core/logged.js"), import("../question-log/index.js")]);
      const qa = withQuestionLog(await openQaService(ctx.config, { logger: ctx.logger }), openQuestionLog(ctx.config, { logger: ctx.logger }));
      await startBot(ctx.config, qa, ctx.logger);
    });
}
