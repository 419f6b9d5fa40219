/**
 * The real bot over the loopback Bot API, with uploads on: an index built from three seed pages in
 * a private seeds folder, the fixture model, and `addDocument` as the bot's own (`index --add`).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBot, runBot, type RunningBot } from "../../src/bot/index.js";
import type { Config } from "../../src/config/index.js";
import { addDocuments, type AddDocumentsOptions } from "../../src/core/add-documents.js";
import { openQaService } from "../../src/core/service.js";
import type { QaService } from "../../src/core/types.js";
import { createEmbedder } from "../../src/embed/index.js";
import { buildOptionsFor } from "../../src/index/build.js";
import { createLogger } from "../../src/log.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";
import { FakeBotApi } from "./fake-bot-api.js";

export const BASE_SEEDS = ["000_4405eea7cb10f242.txt", "001_1a32e2d18765e48d.txt", "003_2a3bfdafac07cb06.txt"];

export interface UploadBot {
  api: FakeBotApi;
  config: Config;
  qa: QaService;
  stop(): Promise<void>;
}

export interface UploadBotOptions {
  token: string;
  /** Users allowed to upload (ADMIN_IDS). */
  admins: number[];
  /** The bot's upload limit (maxUploadBytes); default ADD_MAX_MB. */
  maxUploadBytes?: number;
  /** Extra options of each add, read at the time of the upload (e.g. read limits). Default none. */
  addOptions?: () => Partial<AddDocumentsOptions>;
}

export async function startUploadBot(options: UploadBotOptions): Promise<UploadBot> {
  const seeds = fs.mkdtempSync(path.join(os.tmpdir(), "qa-upload-seeds-"));
  for (const name of BASE_SEEDS) fs.copyFileSync(path.join(ROOT, "seeds", name), path.join(seeds, name));
  const config = fixtureConfig({ SEEDS_DIR: seeds });
  const embedder = await createEmbedder({ model: "tiny-zh", modelsDir: path.join(ROOT, "test/fixtures/models") });
  await buildFixtureIndex(config);
  const logger = createLogger("silent");
  const qa = await openQaService(config, { embedder, logger });
  const api = await FakeBotApi.start(options.token);
  const addDocument = (file: string) =>
    addDocuments({ ...buildOptionsFor(config, { loadEmbedder: async () => embedder }), add: [file], maxBytes: config.addMaxBytes, ...options.addOptions?.() });
  const bot = createBot({
    token: options.token,
    apiRoot: api.apiRoot,
    qa,
    logger,
    adminIds: new Set(options.admins),
    addDocument,
    ...(options.maxUploadBytes ? { maxUploadBytes: options.maxUploadBytes } : {}),
    onUpdateHandled: api.onUpdateHandled,
  });
  const running: RunningBot = await runBot(bot, { qa, logger, signals: [], pollTimeoutSeconds: 1 });
  return {
    api,
    config,
    qa,
    async stop() {
      await running.stop();
      await api.close();
      for (const dir of [config.seedsDir, config.indexDir]) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
