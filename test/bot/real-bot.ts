import { startBot } from "../../src/bot/index.js";
import type { Config } from "../../src/config/index.js";
import { openQaService } from "../../src/core/service.js";
import type { QaService } from "../../src/core/types.js";
import { createLogger } from "../../src/log.js";
import type { FakeBotApi } from "./fake-bot-api.js";

/** A bot as `npm start` runs it — real core over `config`'s index — on the loopback Bot API `api`. */
export interface RealBot {
  qa: QaService;
  /** Stops it as SIGINT would (the signal is only emitted, never sent). */
  stop(): Promise<void>;
}

/**
 * Starts the real bot on `api` (config's TELEGRAM_* pointing at it) and resolves once it polls. It
 * listens to `signal` (distinct per test file's bot) and checks INDEX_DIR every 100 ms.
 */
export async function startRealBot(config: Config, api: FakeBotApi, signal: NodeJS.Signals = "SIGINT"): Promise<RealBot> {
  const logger = createLogger("silent");
  const qa = await openQaService(config, { logger });
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  const stopped = startBot(config, qa, logger, { pollTimeoutSeconds: 1, signals: [signal], onStart: () => ready(), watchIntervalMs: 100, onUpdateHandled: api.onUpdateHandled });
  await Promise.race([started, stopped]);
  return {
    qa,
    stop: async () => {
      process.emit(signal, signal);
      await stopped;
    },
  };
}
