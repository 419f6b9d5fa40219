#!/usr/bin/env node
import "dotenv/config";
import { cliContext, rebuildIndex, summarizeBuild } from "./cli/context.js";
import { runChat } from "./cli/chat.js";
import { openQaService } from "./core/service.js";
import { startIndexWatcher } from "./core/watch.js";
import { describeError, QaError } from "./errors.js";
import { resolveCurrentBuild } from "./index/store.js";

/**
 * `npm start`: builds the index if there is none, then runs the Telegram bot when
 * TELEGRAM_BOT_TOKEN is set, and the terminal chat otherwise.
 */
async function main(): Promise<void> {
  const ctx = cliContext();
  const { config, logger } = ctx;
  try {
    resolveCurrentBuild(config.indexDir);
  } catch (err) {
    if (!(err instanceof QaError) || err.code !== "INDEX_MISSING") throw err;
    process.stderr.write(`No index in ${config.indexDir} yet — building it from ${config.seedsDir}…\n`);
    const report = await rebuildIndex(ctx);
    for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
    process.stderr.write(`${summarizeBuild(report)}\n`);
  }
  const qa = await openQaService(config, { logger });
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

main().catch((err: unknown) => {
  process.stderr.write(`${describeError(err)}\n`);
  process.exitCode = 1;
});
