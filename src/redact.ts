/**
 * One redaction for everything that leaves the process as text — log lines, start-up errors —
 * so a secret is hidden wherever it turns up: in a request URL, a webhook path, an error message
 * a server echoed back, or a field nobody thought of.
 */
import type { Config } from "./config/index.js";

/** Bot API tokens look like `123456789:AA…` (also inside URLs such as /bot<token>/sendMessage). */
const TOKEN_PATTERN = /\d{5,}:[A-Za-z0-9_-]{20,}/g;

/** Shorter configured values are not redacted by value: hiding every "abc" would garble the logs. */
const MIN_SECRET_LENGTH = 8;

/** The text with Telegram tokens and each of `secrets` (exact values) replaced by `<redacted-…>`. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN_PATTERN, "<redacted-token>");
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join("<redacted-secret>");
  return out;
}

/** The configured secrets: the bot token, the webhook secret, the LLM API key, the question log's key and the dashboard token. */
export function secretsOf(config: Config): string[] {
  return [config.telegram.token, config.telegram.webhookSecret, config.llm?.apiKey, config.questionLog.secret, config.dashboardToken].filter((s): s is string => !!s);
}

/** A stream that writes everything on to `destination` with secrets redacted (pino writes whole lines). */
export function redactingStream(destination: { write(chunk: string): unknown }, secrets: readonly string[] = []): { write(chunk: string): void } {
  return { write: (chunk: string) => void destination.write(redactSecrets(String(chunk), secrets)) };
}
