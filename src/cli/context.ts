import type { Config } from "../config/index.js";
import type { Logger } from "../log.js";
import type { LogOutput } from "./log-output.js";

/** What every command needs, parsed once from the environment. */
export interface CliContext {
  config: Config;
  logger: Logger;
  /** Where `logger` writes: readable lines on a terminal, JSON otherwise; the chat holds it. */
  logs: LogOutput;
}

/**
 * Parses the settings and makes the logger. Commands call it when they run, and it loads the
 * settings schema (zod) and pino only then, so `--help` and usage errors answer at once.
 */
export async function cliContext(): Promise<CliContext> {
  const [{ loadConfig }, { createLogger }, { createLogOutput }] = await Promise.all([
    import("../config/index.js"),
    import("../log.js"),
    import("./log-output.js"),
  ]);
  const { secretsOf } = await import("../redact.js");
  const config = loadConfig(process.env);
  const logs = createLogOutput(process.stderr);
  return { config, logger: createLogger(config.logLevel, logs, { secrets: secretsOf(config) }), logs };
}
