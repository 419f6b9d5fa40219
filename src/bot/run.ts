/** Running the bot: long polling by default, or a webhook when WEBHOOK_URL is set; clean stop on signals. */
import type { Bot, Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config/index.js";
import type { QaService } from "../core/types.js";
import type { Logger } from "../log.js";
import { createBot } from "./bot.js";
import { safeError } from "./errors.js";
import { ALLOWED_UPDATES, missingTokenError, prepareBot, startError, stopOnSignals, type RunOptions, type RunningBot } from "./lifecycle.js";
import { runWebhook } from "./webhook.js";

export interface PollingOptions extends RunOptions {
  /** Seconds one getUpdates long poll waits for news (default 30). */
  pollTimeoutSeconds?: number;
}

/**
 * Starts long polling: getMe, setMyCommands, then grammY's `bot.start` (deleteWebhook, getUpdates
 * in a loop, updates handled one by one). Resolves once polling runs. SIGINT/SIGTERM (by default)
 * stop polling — the current long poll is aborted, handled updates confirmed — then close `qa`.
 */
export async function runBot(bot: Bot<Context>, options: PollingOptions): Promise<RunningBot> {
  const { qa, logger } = options;
  const me = await prepareBot(bot, options);

  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  const polling = bot.start({ timeout: options.pollTimeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES], onStart: () => started() });

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      unhook();
      if (bot.isRunning()) await bot.stop();
      await polling.catch(() => {});
      await qa.close();
    })());
  const unhook = stopOnSignals(options.signals ?? ["SIGINT", "SIGTERM"], stop, logger);

  const done = polling.then(
    () => stopping ?? Promise.resolve(),
    async (err: unknown) => {
      unhook();
      logger.error({ error: safeError(err) }, "polling stopped with an error");
      await qa.close();
      throw startError(err);
    },
  );
  // Polling can fail before it ever starts (e.g. deleteWebhook refused).
  await Promise.race([ready, done]);
  logger.info({ bot: me.username }, "bot is polling");
  options.onStart?.(me);
  return { me, stop, done };
}

/**
 * What `npm start` calls when TELEGRAM_BOT_TOKEN is set: builds the bot from the config and runs it
 * — long polling, or a webhook server on PORT when WEBHOOK_URL is set — until SIGINT/SIGTERM, then
 * closes the core. Throws CONFIG_INVALID without a token. Prints one "Bot @name is answering" line
 * on stderr once it runs (unless `onStart` is given).
 */
export async function startBot(config: Config, qa: QaService, logger: Logger, options: Omit<PollingOptions, "qa" | "logger"> = {}): Promise<void> {
  const { token, apiRoot, allowedChatIds, adminIds, webhookUrl, webhookSecret, port } = config.telegram;
  if (!token) throw missingTokenError();
  const reindex = async () => {
    // Loaded on use: the build stack (model, HNSW writer) is only needed for /reindex.
    const { rebuildIndex, summarizeBuild } = await import("../cli/context.js");
    return summarizeBuild(await rebuildIndex({ config, logger }));
  };
  const bot = createBot({ token, apiRoot, qa, logger, allowedChatIds, adminIds, reindex });
  const mode = webhookUrl ? `webhook ${new URL(webhookUrl).pathname} on port ${port}` : "long polling";
  const onStart = options.onStart ?? ((me: UserFromGetMe) => process.stderr.write(`Bot @${me.username} is answering (${mode}). Ctrl+C to stop.\n`));
  const running = webhookUrl
    ? await runWebhook(bot, { ...options, onStart, qa, logger, url: webhookUrl, secretToken: webhookSecret, port })
    : await runBot(bot, { ...options, onStart, qa, logger });
  await running.done;
}
