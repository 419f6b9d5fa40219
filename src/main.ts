#!/usr/bin/env node
import "dotenv/config";
import { cliContext, rebuildAndReport, type CliContext } from "./cli/context.js";
import { chatUntilDone } from "./cli/chat.js";
import { openQaService } from "./core/service.js";
import { embedderFor, type Embedder } from "./embed/index.js";
import type { QaService } from "./core/types.js";
import { describeError, QaError, type ErrorCode } from "./errors.js";

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
    await chatUntilDone(qa, ctx);
  }
}

/** Why an index must be (re)built before answering, by error code; other errors stop the start. */
const REBUILD_BECAUSE: Partial<Record<ErrorCode, (indexDir: string) => string>> = {
  INDEX_MISSING: (dir) => `No index in ${dir} yet`,
  INDEX_VERSION: (dir) => `The index in ${dir} was written by another version of this program`,
};

async function openOrBuild(ctx: CliContext): Promise<QaService> {
  const { config, logger } = ctx;
  try {
    // Opening checks the index first (INDEX_MISSING, INDEX_VERSION), before any model is loaded.
    return await openQaService(config, { logger });
  } catch (err) {
    const because = err instanceof QaError ? REBUILD_BECAUSE[err.code] : undefined;
    if (!because) throw err;
    process.stderr.write(`${because(config.indexDir)} — building it from ${config.seedsDir}…\n`);
    // The build loads the model; the service answers with that one instead of loading it again.
    let model: Promise<Embedder> | undefined;
    await rebuildAndReport(ctx, process.stderr, () => (model ??= embedderFor(config)));
    // A model that failed to load made a keyword-only index, which needs none.
    const embedder = await model?.catch(() => undefined);
    return openQaService(config, embedder ? { logger, embedder } : { logger });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${describeError(err)}\n`);
  process.exitCode = 1;
});
