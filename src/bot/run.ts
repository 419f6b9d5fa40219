/** Running the bot: long polling by default, or a webhook when WEBHOOK_URL is set; clean stop on signals. */
import type { Server } from "node:http";
import { run } from "@grammyjs/runner";
import type { Bot, Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { clockOf, type Config } from "../config/index.js";
import type { QaService } from "../core/types.js";
import { startIndexWatcher } from "../core/watch.js";
import { startArrivals, type ArrivalsOptions } from "../core/arrivals.js";
import type { Logger } from "../log.js";
import { createBot } from "./bot.js";
import { httpRoutes, listenHttp } from "./http.js";
import { POLLING_BACKLOG } from "./concurrency.js";
import { safeError } from "./errors.js";
import { ALLOWED_UPDATES, missingTokenError, prepareBot, startError, stopOnSignals, type RunOptions, type RunningBot } from "./lifecycle.js";
import { runWebhook } from "./webhook.js";
import { cleanStaleStaging } from "../staging.js";

export interface PollingOptions extends RunOptions {
  /** Seconds one getUpdates long poll waits for news (default 30). */
  pollTimeoutSeconds?: number;
}

/**
 * Starts long polling with grammY's runner: getMe, setMyCommands, deleteWebhook, then getUpdates in
 * a loop while earlier updates are still being handled — concurrently across chats, in order within
 * one (see concurrency.ts). Resolves once polling runs. SIGINT/SIGTERM (by default) stop polling —
 * the current long poll is aborted, updates in hand finish — then close `qa`.
 */
export async function runBot(bot: Bot<Context>, options: PollingOptions): Promise<RunningBot> {
  const { qa, logger } = options;
  const me = await prepareBot(bot, options);
  try {
    await bot.api.deleteWebhook(); // getUpdates is refused while a webhook is set
  } catch (err) {
    await qa.close();
    throw startError(err);
  }
  const runner = run(bot, {
    // silent: the runner would print fetch errors (with the request URL, token included) to the console.
    runner: { fetch: { timeout: options.pollTimeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES] }, silent: true },
    sink: { concurrency: POLLING_BACKLOG },
  });

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      unhook();
      await runner.stop();
      while (runner.size() > 0) await new Promise((resolve) => setTimeout(resolve, 20)); // updates in hand
      await qa.close();
    })());
  const unhook = stopOnSignals(options.signals ?? ["SIGINT", "SIGTERM"], stop, logger);

  const done = (runner.task() ?? Promise.resolve()).then(
    () => stopping ?? Promise.resolve(),
    async (err: unknown) => {
      unhook();
      logger.error({ error: safeError(err) }, "polling stopped with an error");
      await qa.close();
      throw startError(err);
    },
  );
  logger.info({ bot: me.username }, "bot is polling");
  options.onStart?.(me);
  return { me, stop, done };
}

export interface StartOptions extends Omit<PollingOptions, "qa" | "logger"> {
  /** How often INDEX_DIR is checked for a newly swapped-in build, in milliseconds (default 2000). */
  watchIntervalMs?: number;
  /** INBOX_DIR's poll and settle times (tests); default 5 s and 3 s. */
  inbox?: ArrivalsOptions["inbox"];
  /** Passed to `createBot`: called with each update's id once the bot is done with it. */
  onUpdateHandled?: (updateId: number) => void;
}

/**
 * What `npm start` calls when TELEGRAM_BOT_TOKEN is set: builds the bot from the config and runs it
 * — long polling, or a webhook server on PORT when WEBHOOK_URL is set — until SIGINT/SIGTERM, then
 * closes the core. Throws CONFIG_INVALID without a token. Prints one "Bot @name is answering" line
 * on stderr once it runs (unless `onStart` is given).
 *
 * While it runs, a build swapped into INDEX_DIR (`cli index`, `index --add`, /reindex) is loaded
 * without a restart; a build that fails to load is logged and the previous one keeps answering.
 */
export async function startBot(config: Config, qa: QaService, logger: Logger, options: StartOptions = {}): Promise<void> {
  const { token, apiRoot, allowedChatIds, adminIds, webhookUrl, webhookSecret, port } = config.telegram;
  if (!token) throw missingTokenError();
  const { watchIntervalMs, onUpdateHandled, inbox: inboxOptions, ...runOptions } = options;
  const reindex = async (shrink: { allowShrink: boolean }) => {
    // Loaded on use: the build stack (model, HNSW writer) is only needed for /reindex.
    const { buildIndex, buildOptionsFor, describeBuild } = await import("../index/build.js");
    const report = await buildIndex({ ...buildOptionsFor(config), ...shrink });
    // The same lines the CLI prints: the summary, then each skipped page (or model warning) by name.
    return [describeBuild(report), ...report.warnings].join("\n");
  };
  cleanStaleStaging(); // working folders a killed run left in the temporary folder
  const addDocument = async (file: string) => {
    const [{ addDocuments }, { buildOptionsFor }, { systemOcr }] = await Promise.all([import("../core/add-documents.js"), import("../index/build.js"), import("../ingest/formats/ocr.js")]);
    return addDocuments({ ...buildOptionsFor(config), add: [file], maxBytes: config.addMaxBytes, ocr: systemOcr() });
  };
  // The status lines read the index's newest issue from disk: loaded on use, like /reindex.
  const { describeStatus, readStatus } = await import("../core/status.js");
  const bot = createBot({
    token,
    apiRoot,
    qa,
    logger,
    allowedChatIds,
    adminIds,
    reindex,
    addDocument,
    maxUploadBytes: config.addMaxBytes,
    status: () => describeStatus(readStatus(config)).slice(1), // its index line repeats the one /stats has
    ...(onUpdateHandled ? { onUpdateHandled } : {}),
  });
  // The editors' dashboard (DASHBOARD_TOKEN): on the webhook's port, or on PORT beside long polling.
  const dashboard = config.dashboardToken
    ? {
        token: config.dashboardToken,
        data: async (since: Date, now: Date) => (await import("../dashboard/data.js")).dashboardData(config, qa, since, now),
        // The report's window ends on the question log's clock (TODAY when set), where its rows are stamped.
        now: () => qa.questionLog?.now() ?? clockOf(config)(),
      }
    : null;
  // Not the webhook path: it often holds the token (WEBHOOK_URL=https://host/<token>).
  const mode = webhookUrl ? `webhook on port ${port}` : "long polling";
  const onStart = options.onStart ?? ((me: UserFromGetMe) => process.stderr.write(`Bot @${me.username} is answering (${mode}). Ctrl+C to stop.\n`));
  const watcher = startIndexWatcher(qa, config, logger, watchIntervalMs !== undefined ? { intervalMs: watchIntervalMs } : {});
  // Pages dropped in INBOX_DIR and new feed items are answered from as soon as their build is in.
  const arrivals = await startArrivals(config, logger, { ...(inboxOptions ? { inbox: inboxOptions } : {}), onIndexChanged: async () => void (await qa.reload()) });
  // The runners close the core when they stop (or fail); the watcher stops first, so nothing is
  // reloaded into a closed core.
  const core: QaService = {
    answer: (question, ask) => qa.answer(question, ask),
    ...(qa.more ? { more: qa.more.bind(qa) } : {}),
    ...(qa.article ? { article: qa.article.bind(qa) } : {}),
    ...(qa.feedback ? { feedback: qa.feedback.bind(qa) } : {}),
    ...(qa.questionLog ? { questionLog: qa.questionLog } : {}),
    info: () => qa.info(),
    reload: () => qa.reload(),
    close: async () => {
      watcher.close();
      await arrivals.close(); // a run in progress finishes: its files are moved, never left half-done
      await qa.close();
    },
  };
  let server: Server | null = null;
  try {
    if (dashboard && !webhookUrl) server = await listenHttp(port, httpRoutes(qa, dashboard));
    const running = webhookUrl
      ? await runWebhook(bot, { ...runOptions, onStart, qa: core, logger, url: webhookUrl, secretToken: webhookSecret, port, dashboard })
      : await runBot(bot, { ...runOptions, onStart, qa: core, logger });
    await running.done;
  } finally {
    watcher.close(); // also when start-up failed before the core was handed over
    await arrivals.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  }
}
