/** What polling and webhook mode share: start-up checks, the command menu, signals, clear errors. */
import { GrammyError, HttpError, type Bot, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { QaService } from "../core/types.js";
import { QaError } from "../errors.js";
import type { Logger } from "../log.js";
import { safeError } from "./errors.js";
import { COMMANDS } from "./render.js";

export interface RunOptions {
  qa: QaService;
  logger: Logger;
  /** Signals that stop the bot (default SIGINT and SIGTERM); `[]` handles none. */
  signals?: readonly NodeJS.Signals[];
  /** Called once the bot receives updates. */
  onStart?: (me: UserFromGetMe) => void;
}

export interface RunningBot {
  me: UserFromGetMe;
  /** Stops receiving updates (letting the one in hand finish), then closes the core. Idempotent. */
  stop(): Promise<void>;
  /** Settles when the bot has stopped: resolves after `stop()`, rejects if it failed for good (the core is closed then too). */
  done: Promise<void>;
}

const TOKEN_HINT = "Create a bot with @BotFather and put TELEGRAM_BOT_TOKEN=... in .env";

/** The refusal when no token is configured. */
export function missingTokenError(): QaError {
  return new QaError("CONFIG_INVALID", "TELEGRAM_BOT_TOKEN is not set, so the Telegram bot cannot start.", TOKEN_HINT);
}

/** A bad token or an unreachable API, as an error a user can act on (the token redacted). */
export function startError(err: unknown): unknown {
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
 * getMe once, without retries (grammY's own init retries network errors forever), so a wrong token
 * or API root fails start-up at once; then the command menu (a failure there is only logged).
 * On failure the core is closed: from here on the bot owns `qa`.
 */
export async function prepareBot(bot: Bot<Context>, { qa, logger }: RunOptions): Promise<UserFromGetMe> {
  try {
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
  return bot.botInfo;
}

/** Calls `stop` once on the first of `signals`; returns the function that removes the listeners. */
export function stopOnSignals(signals: readonly NodeJS.Signals[], stop: () => unknown, logger: Logger): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "stopping the bot");
    void stop();
  };
  for (const s of signals) process.once(s, onSignal);
  return () => signals.forEach((s) => process.off(s, onSignal));
}

/** The update types the bot handles (fewer updates to fetch or receive). */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;
