import { loadConfig, type Config } from "../config/index.js";
import { buildIndex, buildOptionsFor, describeBuild, type BuildOptions, type BuildReport } from "../index/build.js";
import { createLogger, type Logger } from "../log.js";
import { secretsOf } from "../redact.js";
import { createProgress } from "./progress.js";

/** What every command needs, parsed once from the environment. */
export interface CliContext {
  config: Config;
  logger: Logger;
}

export function cliContext(): CliContext {
  const config = loadConfig(process.env);
  return { config, logger: createLogger(config.logLevel, process.stderr, { secrets: secretsOf(config) }) };
}

/** Full rebuild with a progress bar on stderr (only on a terminal); `loadEmbedder` overrides the configured loader. */
export async function rebuildIndex({ config }: CliContext, loadEmbedder?: BuildOptions["loadEmbedder"]): Promise<BuildReport> {
  const progress = createProgress();
  try {
    const onProgress: BuildOptions["onProgress"] = (stage, done, total) => progress.update(stage, done, total);
    return await buildIndex(buildOptionsFor(config, loadEmbedder ? { onProgress, loadEmbedder } : { onProgress }));
  } finally {
    progress.stop();
  }
}

/** Full rebuild, then its warnings on stderr and its one-line summary on `out`. */
export async function rebuildAndReport(ctx: CliContext, out: NodeJS.WritableStream, loadEmbedder?: BuildOptions["loadEmbedder"]): Promise<BuildReport> {
  const report = await rebuildIndex(ctx, loadEmbedder);
  for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
  out.write(`${describeBuild(report)}\n`);
  return report;
}
