/** The Telegram front end over the answering core. */
export { createBot } from "./bot.js";
export type { CreateBotOptions, RetryOptions } from "./bot.js";
export { missingTokenError, runBot, startBot } from "./run.js";
export type { RunOptions, RunningBot } from "./run.js";
export { LastAnswers } from "./memory.js";
export type { RateLimitOptions } from "./guard.js";
export { COMMANDS } from "./render.js";
