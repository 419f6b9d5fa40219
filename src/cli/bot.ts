import type { Command } from "commander";
import { missingTokenError, startBot } from "../bot/index.js";
import { openQaService } from "../core/service.js";
import { cliContext } from "./context.js";

/** `cli bot`: the Telegram bot over the index, long polling until Ctrl+C. */
export function registerBot(program: Command): void {
  program
    .command("bot")
    .description("Run the Telegram bot (long polling). Needs TELEGRAM_BOT_TOKEN; TELEGRAM_API_ROOT for a self-hosted Bot API server.")
    .action(async () => {
      const ctx = cliContext();
      if (!ctx.config.telegram.token) throw missingTokenError();
      const qa = await openQaService(ctx.config, { logger: ctx.logger });
      await startBot(ctx.config, qa, ctx.logger);
    });
}
