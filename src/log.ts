import pino, { type Logger } from "pino";
import { redactingStream, redactSecrets } from "./redact.js";

export type { Logger };
export { redactSecrets };

export interface LoggerOptions {
  /** Exact values to redact besides anything shaped like a Telegram token (see `secretsOf`). */
  secrets?: readonly string[];
}

/**
 * Structured JSON logs on stderr, quiet by default (LOG_LEVEL=warn), so stdout stays clean for
 * answers and `--json` output. Every line is redacted as a whole before it is written: anything
 * that looks like a Telegram token, and the `secrets` given, in any field.
 */
export function createLogger(level: string, destination: pino.DestinationStream = process.stderr, options: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: (err: Error) => ({ type: err.name, message: err.message, code: (err as { code?: unknown }).code }) },
    },
    redactingStream(destination, options.secrets) as pino.DestinationStream,
  );
}
