/** The Telegram front end over the answering core. */
export { createBot } from "./bot.js";
export type { CreateBotOptions, RetryOptions } from "./bot.js";
export { missingTokenError } from "./lifecycle.js";
export type { RunOptions, RunningBot } from "./lifecycle.js";
export { runBot, startBot } from "./run.js";
export type { PollingOptions, StartOptions } from "./run.js";
export { runWebhook } from "./webhook.js";
export type { WebhookOptions } from "./webhook.js";
export { LastAnswers } from "./memory.js";
export type { RateLimitOptions } from "./rate-limit.js";
export { DEFAULT_CONCURRENCY } from "./concurrency.js";
export { COMMANDS } from "./render.js";
