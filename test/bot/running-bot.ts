/** The real bot started by `startBot` (long polling) against the loopback Bot API, for end-to-end tests. */
import { startBot } from "../../src/bot/index.js";
import type { Config } from "../../src/config/index.js";
import type { QaService } from "../../src/core/types.js";
import type { Logger } from "../../src/log.js";
import type { FakeBotApi } from "./fake-bot-api.js";

/**
 * Starts the bot over `qa` and resolves once it polls; the returned function stops it as a
 * terminal would (the signal, then waits for the core to close) and closes the fake API.
 * Each test file uses its own signal name only within its own forked process.
 */
export async function startPollingBot(config: Config, qa: QaService, api: FakeBotApi, logger: Logger, signal: NodeJS.Signals = "SIGUSR2"): Promise<() => Promise<void>> {
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  const stopped = startBot(config, qa, logger, { pollTimeoutSeconds: 1, signals: [signal], onStart: () => ready(), onUpdateHandled: api.onUpdateHandled });
  await Promise.race([started, stopped]);
  return async () => {
    process.emit(signal, signal);
    await stopped;
    await api.close();
  };
}
