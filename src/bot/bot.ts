/**
 * The one place the bot is assembled: API transformers (auto-retry), then the guard, per-chat order
 * and the concurrency limit, admin, commands, questions and non-text composers inside an error boundary. Nothing here starts polling.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { QaService } from "../core/types.js";
import type { Logger } from "../log.js";
import { adminComposer, BotStats, type AdminServices } from "./admin.js";
import { AnswerButtons, buttonsComposer } from "./buttons.js";
import { commandsComposer } from "./commands.js";
import { createErrorHandler } from "./errors.js";
import { concurrencyComposer, reportHandled } from "./concurrency.js";
import { guardComposer } from "./guard.js";
import { LastAnswers } from "./memory.js";
import { newsComposer } from "./news.js";
import { nonTextComposer } from "./non-text.js";
import { questionsComposer } from "./questions.js";
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from "./rate-limit.js";
import { DEFAULT_EXAMPLES } from "./render.js";
import { uploadComposer, type UploadOptions } from "./upload.js";

export interface RetryOptions {
  /** Retries of one request after a 429/5xx answer (default 3). Network errors are retried with backoff. */
  maxRetryAttempts: number;
  /** A 429 asking to wait longer than this many seconds fails instead (default 60). */
  maxDelaySeconds: number;
}

export interface CreateBotOptions extends UploadOptions {
  /** Bot API token from @BotFather. Never logged. */
  token: string;
  /** Bot API root URL (default https://api.telegram.org): a self-hosted Bot API server, or a fake one in tests. */
  apiRoot?: string | null;
  /** The answering core. */
  qa: QaService;
  logger: Logger;
  /** Chats the bot answers in (config ALLOWED_CHAT_IDS); null or absent: every chat. */
  allowedChatIds?: ReadonlySet<number> | null;
  /** Per-sender rate limit (default 5 messages per 10 s, 10 more queued). */
  rateLimit?: Partial<RateLimitOptions>;
  /** Updates handled at the same time, across chats; one chat's are always handled in order (default 20). */
  concurrency?: number;
  /** Called with each update's id once the bot is done with it (replies sent, or ignored); for metrics and tests. */
  onUpdateHandled?: (updateId: number) => void;
  /** Retry limits for the auto-retry transformer. */
  retry?: Partial<RetryOptions>;
  /** Last answer per chat for /sources (default: an LRU of 1000 chats). */
  memory?: LastAnswers;
  /** Example questions in /start and /help (default: the Changji jobs question in English and Chinese). */
  examples?: readonly string[];
  /** User ids allowed to run /stats and /reindex (config ADMIN_IDS); null or absent: admin commands off. */
  adminIds?: ReadonlySet<number> | null;
  /** Rebuilds the index for /reindex: its summary, then a line per skipped page; absent: /reindex only reloads a newer build. */
  reindex?: AdminServices["reindex"];
  /** Lines /stats adds: the newest issue in the index, the inbox's last run, its refused files (see core/status.ts). */
  status?: () => string[];
  /** The bot's own user (grammY `botInfo`); when absent it is fetched with getMe on start. */
  botInfo?: UserFromGetMe;
  /** Minimum time between two edits of an LLM answer streamed into its message (default 1500 ms). */
  editIntervalMs?: number;
}

const DEFAULT_RETRY: RetryOptions = { maxRetryAttempts: 3, maxDelaySeconds: 60 };

/** Builds the grammY bot (not started: see `runBot`). */
export function createBot(options: CreateBotOptions): Bot<Context> {
  const { qa, logger } = options;
  const bot = new Bot<Context>(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: options.apiRoot ? { apiRoot: options.apiRoot.replace(/\/+$/, "") } : {},
  });
  // Every call is retried except getMe: at start-up a wrong API root or a dead network should fail
  // fast with a clear message, not wait with an ever longer backoff.
  const retry = autoRetry({ ...DEFAULT_RETRY, ...options.retry });
  bot.api.config.use((prev, method, payload, signal) =>
    method === "getMe" ? prev(method, payload, signal) : retry(prev, method, payload, signal),
  );

  const services = {
    qa,
    logger,
    memory: options.memory ?? new LastAnswers(1000),
    examples: options.examples ?? DEFAULT_EXAMPLES,
    stats: new BotStats(),
    buttons: new AnswerButtons(qa),
    ...(options.editIntervalMs !== undefined ? { editIntervalMs: options.editIntervalMs } : {}),
  };
  const admin = adminComposer({ ...services, adminIds: options.adminIds ?? null, ...(options.reindex ? { reindex: options.reindex } : {}), ...(options.status ? { status: options.status } : {}) });
  const guard = guardComposer({
    allowedChatIds: options.allowedChatIds ?? null,
    rateLimit: { ...DEFAULT_RATE_LIMIT, ...options.rateLimit },
    logger,
  });
  // The error boundary works in both modes (grammY calls bot.catch only for long polling);
  // bot.catch stays as the last resort.
  const handleError = createErrorHandler(logger, services.stats);
  if (options.onUpdateHandled) bot.use(reportHandled(options.onUpdateHandled));
  const news = [newsComposer(services), buttonsComposer(services.buttons, qa, logger)];
  bot.errorBoundary(
    handleError,
    guard,
    concurrencyComposer(options.concurrency),
    admin,
    uploadComposer({ ...options, ...services }),
    ...news,
    commandsComposer(services),
    questionsComposer(services),
    nonTextComposer(),
  );
  bot.catch(handleError);
  return bot;
}
