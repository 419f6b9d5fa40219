#!/usr/bin/env node
import "dotenv/config";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "./config/index.js";
import type { IndexInfo, QaService } from "./core/types.js";
import type { Embedder } from "./embed/index.js";
import { cliContext, type CliContext } from "./cli/context.js";
import { describeError, QaError, type ErrorCode } from "./errors.js";

/**
 * `npm start`: builds the index if there is none, or if it was written by another version (the
 * index is derived from SEEDS_DIR alone, so rebuilding loses nothing), then runs the Telegram bot
 * when TELEGRAM_BOT_TOKEN is set, and the terminal chat otherwise. It tells the user which index
 * and model answer and what to do next, and nothing more (logs stay at LOG_LEVEL).
 */
async function main(): Promise<void> {
  // Settings first: a bad value stops here, before any model or index code is loaded.
  const ctx = await cliContext();
  const { config, logger } = ctx;
  const { openQuestionLog } = await import("./question-log/index.js");
  const { withQuestionLog } = await import("./core/logged.js");
  const qa = withQuestionLog(await openOrBuild(ctx), openQuestionLog(config, { logger }));
  process.stderr.write(`${describeIndex(qa.info(), config)}\n`);
  if (config.telegram.token) {
    const { startBot } = await import("./bot/index.js");
    await startBot(config, qa, logger);
  } else {
    process.stderr.write("TELEGRAM_BOT_TOKEN is not set, so this is the terminal chat (for the Telegram bot, see docs/bot.md).\n");
    const { chatUntilDone } = await import("./cli/chat.js");
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
  const { openQaService } = await import("./core/service.js");
  try {
    // Opening checks the index first (INDEX_MISSING, INDEX_VERSION), before any model is loaded.
    return await openQaService(config, { logger });
  } catch (err) {
    const because = err instanceof QaError ? REBUILD_BECAUSE[err.code] : undefined;
    if (!because) throw err;
    process.stderr.write(`${because(shown(config.indexDir))} — ${describeFirstBuild(config)}\n`);
    const [{ rebuildAndReport }, { embedderFor }] = await Promise.all([import("./cli/rebuild.js"), import("./embed/index.js")]);
    // The build loads the model; the service answers with that one instead of loading it again.
    let model: Promise<Embedder> | undefined;
    await rebuildAndReport(ctx, process.stderr, () => (model ??= embedderFor(config)));
    // A model that failed to load made a keyword-only index, which needs none.
    const embedder = await model?.catch(() => undefined);
    return openQaService(config, embedder ? { logger, embedder } : { logger });
  }
}

/** What the first build will do, and how long it takes: a bar with the time left on a terminal. */
function describeFirstBuild(config: Config): string {
  const pages = seedPageCount(config.seedsDir);
  const from = pages === null ? shown(config.seedsDir) : `${pages} pages in ${shown(config.seedsDir)}`;
  const model = config.modelsDir
    ? `the model ${config.embeddingModel} from ${shown(config.modelsDir)}`
    : `the model ${config.embeddingModel} (downloaded from the model hub the first time)`;
  const progress = process.stderr.isTTY ? "; the bar below shows each stage and the time left" : "";
  return `building it from ${from} with ${model}. This happens once${progress}.`;
}

function seedPageCount(seedsDir: string): number | null {
  try {
    return fs.readdirSync(seedsDir).filter((name) => name.endsWith(".txt")).length;
  } catch {
    return null; // the build itself says what is wrong with SEEDS_DIR
  }
}

/** "Index ./index: 26 articles from 5 pages (built 2026-11-30 13:00 UTC), model tiny-zh." */
function describeIndex(info: IndexInfo, config: Config): string {
  const built = info.builtAt.replace("T", " ").slice(0, 16);
  const model = info.vectors
    ? `model ${info.model}`
    : `keyword search only (run npm run -s cli -- index once the model ${info.model} can be loaded)`;
  return `Index ${shown(config.indexDir)}: ${info.articles} articles from ${info.files} pages (built ${built} UTC), ${model}; ${info.decision.summary}.`;
}

/** A folder as the user would type it: relative to the working directory when it is inside it. */
function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  if (!relative) return ".";
  return relative.startsWith("..") || path.isAbsolute(relative) ? dir : `./${relative}`;
}

main().catch((err: unknown) => {
  process.stderr.write(`${describeError(err)}\n`);
  process.exitCode = 1;
});
