#!/usr/bin/env node
import "dotenv/config";
import { cliContext, rebuildIndex } from "./cli/context.js";
import { describeBuild } from "./index/build.js";
import { runChat } from "./cli/chat.js";
import { openQaService } from "./core/service.js";
import type { QaService } from "./core/types.js";
import { startIndexWatcher } from "./core/watch.js";
import { describeError, QaError, type ErrorCode } from "./errors.js";
import { resolveCurrentBuild } from "./index/store.js";

/**
 * `npm start`: builds the index if there is none, or if it was written by another version (the
 * index is derived from SEEDS_DIR alone, so rebuilding loses nothing), then runs the Telegram bot
 * when TELEGRAM_BOT_TOKEN is set, and the terminal chat otherwise.
 */
async function main(): Promise<void> {
  const ctx = cliContext();
  const { config, logger } = ctx;
  const qa = await openOrBuild(ctx);
  if (config.telegram.token) {
    const { startBot } = await import("./bot/index.js");
    await startBot(config, qa, logger);
  } else {
    process.stderr.write("TELEGRAM_BOT_TOKEN is not set: starting the terminal chat instead (see README, \"Run the bot\").\n");
    const watcher = startIndexWatcher(qa, config, logger);
    try {
      await runChat(qa);
    } finally {
      watcher.close();
      await qa.close();
    }
  }
}

/** Why an index must be (re)built before answering, by error code; other errors stop the start. */
const REBUILD_BECAUSE: Partial<Record<ErrorCode, (indexDir: string) => string>> = {
  INDEX_MISSING: (dir) => `No index in ${dir} yet`,
  INDEX_VERSION: (dir) => `The index in ${dir} was written by another version of this program`,
};

async function openOrBuild(ctx: ReturnType<typeof cliContext>): Promise<QaService> {
  const { config, logger } = ctx;
  try {
    resolveCurrentBuild(config.indexDir);
    return await openQaService(config, { logger });
  } catch (err) {
    const because = err instanceof QaError ? REBUILD_BECAUSE[err.code] : undefined;
    if (!because) throw err;
    process.stderr.write(`${because(config.indexDir)} — building it from ${config.seedsDir}…\n`);
    const report = await rebuildIndex(ctx);
    for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
    process.stderr.write(`${describeBuild(report)}\n`);
    return openQaService(config, { logger });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${describeError(err)}\n`);
  process.exitCode = 1;
});
