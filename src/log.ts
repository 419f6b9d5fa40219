import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs on stderr, quiet by default (LOG_LEVEL=warn), so stdout stays clean for
 * answers and `--json` output. Anything that looks like a Telegram token is redacted.
 */
export function createLogger(level: string, destination: pino.DestinationStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === "string" ? redactSecrets(a) : a)) as Parameters<typeof method>);
        },
      },
      serializers: { err: (err: Error) => ({ type: err.name, message: redactSecrets(err.message), code: (err as { code?: unknown }).code }) },
    },
    destination,
  );
}

/** Bot API tokens look like `123456789:AA…` (also inside URLs such as /bot<token>/sendMessage). */
const TOKEN_PATTERN = /\d{5,}:[A-Za-z0-9_-]{20,}/g;

export function redactSecrets(text: string): string {
  return text.replace(TOKEN_PATTERN, "<redacted-token>");
}
