/**
 * /reindex and the index watcher share one reload (`qa.reload()`): the report says what is live
 * now, even when the watcher loaded the new build first, and a build that fails to load leaves the
 * previous one answering.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot, runBot, type RunningBot } from "../../src/bot/index.js";
import { createLogger } from "../../src/log.js";
import { INFO, standInQa } from "./answers.js";
import { FakeBotApi, messageUpdate } from "./fake-bot-api.js";

const TOKEN = "777888999:AAReindexTestTokenNotReal_abcdefghi";
const ADMIN = 9;

let buildDir = "/tmp/index/builds/1";
let reloadError: Error | null = null;
let rebuild: () => void = () => {};

const qa = standInQa({
  answer: async () => {
    throw new Error("not asked here");
  },
  info: () => ({ ...INFO, buildDir }),
  async reload() {
    if (reloadError) throw reloadError;
    return false; // the watcher has already swapped the new build in (or there is none)
  },
});

let api: FakeBotApi;
let running: RunningBot;

beforeAll(async () => {
  api = await FakeBotApi.start(TOKEN);
  const logger = createLogger("silent");
  const reindex = async () => {
    rebuild();
    return "Indexed 5 files: 26 articles.";
  };
  running = await runBot(createBot({ token: TOKEN, apiRoot: api.apiRoot, qa, logger, adminIds: new Set([ADMIN]), reindex, onUpdateHandled: api.onUpdateHandled }), { qa, logger, signals: [], pollTimeoutSeconds: 1 });
});

afterAll(async () => {
  await running?.stop();
  await api?.close();
});

async function reindexReport(): Promise<string> {
  const before = api.sent(ADMIN).length;
  await api.exchange(messageUpdate("/reindex", { chatId: ADMIN }), ADMIN);
  const report = await api.waitFor(() => api.sent(ADMIN).slice(before).find((m) => m.params.text.startsWith("Indexed")), 5000, "the rebuild report");
  return report.params.text as string;
}

describe("/reindex", () => {
  it("reports the new build live when the watcher loaded it before /reindex's own reload", async () => {
    rebuild = () => {
      buildDir = "/tmp/index/builds/2"; // the swap, picked up by the watcher at once
    };
    expect(await reindexReport()).toBe("Indexed 5 files: 26 articles. The new build is live.");
  });

  it("reports no change when nothing new was built", async () => {
    rebuild = () => {};
    expect(await reindexReport()).toBe("Indexed 5 files: 26 articles. No newer build to load.");
  });

  it("keeps answering with the previous build when the new one cannot be loaded", async () => {
    reloadError = new Error("manifest checksum mismatch");
    try {
      expect(await reindexReport()).toMatch(/^Indexed 5 files: 26 articles\. The new build could not be loaded \(.*manifest checksum mismatch.*\); still answering with the previous one\.$/);
    } finally {
      reloadError = null;
    }
  });
});
