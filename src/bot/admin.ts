/**
 * Admin commands, for the user ids in ADMIN_IDS only (not in the public command menu):
 * /stats — what the bot has done since it started, the newest issue, the inbox's last run and failures; /reindex — rebuild the index from the seeds and
 * swap it in, in the background (one at a time), reporting back when done, with every page it skipped
 * (`/reindex allow-shrink`: even when the build drops most of the live articles); /report [7d] — what readers asked (the question log).
 */
import { Composer, type Context } from "grammy";
import type { QaService } from "../core/types.js";
import { redactSecrets, type Logger } from "../log.js";
import { describeError } from "../errors.js";
import { describeReport } from "../question-log/describe.js";
import { parseSince, reportOf } from "../question-log/report.js";
import { safeError } from "./errors.js";
import { escapeHtml } from "./html.js";
import type { LastAnswers } from "./memory.js";
import { replyHtml } from "./reply.js";

/** Counters the other composers bump; shown by /stats. */
export class BotStats {
  readonly startedAt = new Date();
  answered = 0;
  notFound = 0;
  failed = 0;
}

export interface AdminServices {
  qa: QaService;
  logger: Logger;
  memory: LastAnswers;
  stats: BotStats;
  /** Admin user ids (ADMIN_IDS); null: admin commands are off (answered as unknown commands). */
  adminIds: ReadonlySet<number> | null;
  /**
   * Rebuilds the index and returns its summary line, then one line per skipped page; absent: /reindex
   * only reloads a newer build. `allowShrink`: `/reindex allow-shrink` (see src/index/shrink.ts).
   */
  reindex?: (options: { allowShrink: boolean }) => Promise<string>;
  /** Further /stats lines: the newest issue, the inbox's last run and refused files; absent: none. */
  status?: () => string[];
}

export function adminComposer(services: AdminServices): Composer<Context> {
  const { qa, logger, memory, stats, adminIds } = services;
  const admin = new Composer<Context>();
  if (!adminIds) return admin; // off: /stats and /reindex are unknown commands like any other

  admin.command(["stats", "reindex", "report"], async (ctx, next) => {
    if (ctx.from && adminIds.has(ctx.from.id)) return next();
    await replyHtml(ctx, "That command is for the bot's admins.");
  });

  admin.command("stats", (ctx) => {
    const info = qa.info();
    const uptime = Math.round((Date.now() - stats.startedAt.getTime()) / 1000);
    const rows = [
      `Up since: ${stats.startedAt.toISOString()} (${uptime} s)`,
      `Answered: ${stats.answered} (not found: ${stats.notFound}), failed: ${stats.failed}`,
      `Chats remembered for /sources: ${memory.size} of ${memory.capacity}`,
      `Index: ${info.articles} articles, ${info.passages} passages, built ${info.builtAt}`,
      ...(qa.questionLog ? [`Question log: ${qa.questionLog.enabled ? "on" : "off"}, writes failed: ${qa.questionLog.failures}`] : []),
      ...(services.status?.() ?? []),
    ];
    return replyHtml(ctx, ["<b>Stats</b>", ...rows.map(escapeHtml)].join("\n"));
  });

  admin.command("report", (ctx) => {
    const log = qa.questionLog;
    if (!log?.enabled) return replyHtml(ctx, "The question log is off (QUESTION_LOG=off, or DATA_DIR could not be opened): nothing to report.");
    const now = log.now();
    const since = parseSince(ctx.match.trim() || "7d", now);
    if (!since) return replyHtml(ctx, "Usage: /report [24h | 7d | 2w | YYYY-MM-DD] (default 7d).");
    const report = reportOf(log, since, now, { headlineOf: (id) => qa.article?.(id)?.headline ?? null });
    return replyHtml(ctx, ["<b>Report</b>", ...describeReport(report).map(escapeHtml)].join("\n"));
  });

  /**
   * Rebuild (when a rebuild is configured), then the same `qa.reload()` the index watcher uses. Live
   * or not is told by the build answering before and after, since the watcher may load it first.
   */
  const rebuildAndReload = async (allowShrink: boolean): Promise<string> => {
    const before = qa.info().buildDir;
    let summary = "";
    let skipped: string[] = [];
    try {
      [summary = "", ...skipped] = services.reindex ? (await services.reindex({ allowShrink })).split("\n") : [];
    } catch (err) {
      logger.error({ error: safeError(err) }, "reindex failed");
      return `Rebuild failed: ${redactSecrets(describeError(err))}`;
    }
    try {
      await qa.reload();
    } catch (err) {
      logger.warn({ error: safeError(err) }, "a new index build could not be loaded; still answering with the previous one");
      return [`${summary} The new build could not be loaded (${redactSecrets(describeError(err))}); still answering with the previous one.`.trim(), ...skipped].join("\n");
    }
    const live = qa.info().buildDir !== before;
    return [`${summary} ${live ? "The new build is live." : "No newer build to load."}`.trim(), ...skipped].join("\n");
  };

  // Set before the first await: with updates handled concurrently, a second /reindex may arrive
  // while the first is still sending its "Rebuilding…" note.
  let running: Promise<void> | null = null;
  admin.command("reindex", async (ctx) => {
    if (running) return replyHtml(ctx, "A rebuild is already running; I'll report when it is done.");
    const chatId = ctx.chat.id;
    let noted!: () => void;
    const afterNote = new Promise<void>((resolve) => (noted = resolve));
    // In the background: questions keep being answered from the current build meanwhile.
    running = (async () => {
      await afterNote; // the report never overtakes the "Rebuilding…" note
      const report = await rebuildAndReload(/\ballow-shrink\b/.test(String(ctx.match)));
      await ctx.api.sendMessage(chatId, escapeHtml(report), { parse_mode: "HTML" }).catch((err: unknown) => logger.warn({ err }, "could not report the rebuild"));
    })().finally(() => (running = null));
    try {
      await replyHtml(ctx, services.reindex ? "Rebuilding the index from the seeds…" : "Reloading the index…");
    } finally {
      noted();
    }
  });
  return admin;
}
