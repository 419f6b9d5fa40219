/** Running the bot: long polling, the command menu, and a clean stop on SIGINT/SIGTERM. */
import { GrammyError, HttpError, type Bot, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config/index.js";
import type { QaService } from "../core/types.js";
import { QaError } from "../errors.js";
import type { Logger } from "../log.js";
import { createBot } from "./bot.js";
import { safeError } from "./errors.js";
import { COMMANDS } from "./render.js";

export interface RunOptions {
  qa: QaService;
  logger: Logger;
  /** Signals that stop the bot (default SIGINT and SIGTERM); `[]` handles none. */
  signals?: readonly NodeJS.Signals[];
  /** Seconds one getUpdates long poll waits for news (default 30). */
  pollTimeoutSeconds?: number;
  /** Called once polling runs. */
  onStart?: (me: UserFromGetMe) => void;
}

export interface RunningBot {
  me: UserFromGetMe;
  /** Stops polling (the current long poll is aborted, handled updates are confirmed), then closes the core. */
  stop(): Promise<void>;
  /** Settles when the bot has stopped: resolves after `stop()`, rejects if polling failed for good (then the core is closed too). */
  done: Promise<void>;
}

const TOKEN_HINT = "Create a bot with @BotFather and put TELEGRAM_BOT_TOKEN=... in .env";

/** The refusal when no token is configured. */
export function missingTokenError(): QaError {
  return new QaError("CONFIG_INVALID", "TELEGRAM_BOT_TOKEN is not set, so the Telegram bot cannot start.", TOKEN_HINT);
}

/** A bad token or an unreachable API, as an error a user can act on (the token redacted). */
function startError(err: unknown): unknown {
  if (err instanceof HttpError) {
    const cause = safeError(err).cause?.message ?? err.message;
    return new QaError(
      "CONFIG_INVALID",
      `Cannot reach the Telegram Bot API: ${cause}`,
      "Check the network connection, and TELEGRAM_API_ROOT if you use a self-hosted Bot API server.",
    );
  }
  if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
    return new QaError("CONFIG_INVALID", `Telegram rejected the bot token (${err.error_code}: ${err.description}).`, `${TOKEN_HINT} — copy the token again.`);
  }
  return err;
}

/**
 * Starts long polling: getMe, setMyCommands (a failure there is only logged), deleteWebhook and
 * getUpdates in a loop (grammY's `bot.start`). Resolves once polling runs. From here on the bot owns
 * `qa`: it is closed when the bot stops or cannot start.
 */
export async function runBot(bot: Bot<Context>, options: RunOptions): Promise<RunningBot> {
  const { qa, logger } = options;
  try {
    // One getMe without retries (grammY's init would retry network errors forever): a wrong token
    // or API root fails start-up at once with a clear message.
    if (!bot.isInited()) bot.botInfo = await bot.api.getMe();
  } catch (err) {
    await qa.close();
    throw startError(err);
  }
  try {
    await bot.api.setMyCommands(COMMANDS.map((c) => ({ ...c })));
  } catch (err) {
    logger.warn({ error: safeError(err) }, "setMyCommands failed; the command menu may be outdated");
  }

  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  const polling = bot.start({
    timeout: options.pollTimeoutSeconds ?? 30,
    allowed_updates: ["message", "edited_message"],
    onStart: () => started(),
  });

  let stopping: Promise<void> | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "stopping the bot");
    void stop();
  };
  const signals = options.signals ?? ["SIGINT", "SIGTERM"];
  for (const s of signals) process.once(s, onSignal);
  const unhook = () => signals.forEach((s) => process.off(s, onSignal));

  function stop(): Promise<void> {
    stopping ??= (async () => {
      unhook();
      if (bot.isRunning()) await bot.stop();
      await polling.catch(() => {});
      await qa.close();
    })();
    return stopping;
  }

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
  logger.info({ bot: bot.botInfo.username }, "bot is polling");
  options.onStart?.(bot.botInfo);
  return { me: bot.botInfo, stop, done };
}

/**
 * What `npm start` calls when TELEGRAM_BOT_TOKEN is set: builds the bot from the config, polls
 * until SIGINT/SIGTERM, then closes the core. Throws CONFIG_INVALID when there is no token.
 * By default prints one "Bot @name is answering" line on stderr once polling runs.
 */
export async function startBot(
  config: Config,
  qa: QaService,
  logger: Logger,
  options: Omit<RunOptions, "qa" | "logger"> = {},
): Promise<void> {
  const token = config.telegram.token;
  if (!token) throw missingTokenError();
  const bot = createBot({ token, apiRoot: config.telegram.apiRoot, qa, logger, allowedChatIds: config.telegram.allowedChatIds });
  if (config.telegram.webhookUrl) {
    logger.warn("WEBHOOK_URL is set, but the bot runs with long polling (which removes any webhook); unset WEBHOOK_URL to silence this");
  }
  const onStart = options.onStart ?? ((me: UserFromGetMe) => process.stderr.write(`Bot @${me.username} is answering (long polling). Ctrl+C to stop.\n`));
  const running = await runBot(bot, { ...options, onStart, qa, logger });
  await running.done;
}
