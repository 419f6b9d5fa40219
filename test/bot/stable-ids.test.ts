/**
 * Issue #31: article ids name their content, so the buttons under an answer given before a page was
 * replaced never open the new page's stories: "Full article" opens the same article or says it is
 * gone, and "More" leaves out what is no longer indexed. Real core and index, loopback Bot API.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../../src/bot/html.js";
import type { Config } from "../../src/config/index.js";
import type { QaService } from "../../src/core/types.js";
import { buildOptionsFor } from "../../src/index/build.js";
import { updateIndex } from "../../src/index/update.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";
import { callbackUpdate, FakeBotApi, messageUpdate, type ApiCall } from "./fake-bot-api.js";
import { startRealBot, type RealBot } from "./real-bot.js";

const TOKEN = "123123123:AAStableIdsTestTokenNotReal_abcdefghij";
const PAGE = "004_79b3c460d300cb0d.txt"; // 昌吉日报 2024-11-07

let api: FakeBotApi;
let config: Config;
let qa: QaService;
let bot: RealBot;

beforeAll(async () => {
  const seeds = fs.mkdtempSync(path.join(os.tmpdir(), "qa-seeds-"));
  for (const name of ["003_2a3bfdafac07cb06.txt", PAGE]) fs.copyFileSync(path.join(ROOT, "seeds", name), path.join(seeds, name));
  api = await FakeBotApi.start(TOKEN);
  config = fixtureConfig({ SEEDS_DIR: seeds, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot });
  await buildFixtureIndex(config);
  bot = await startRealBot(config, api);
  qa = bot.qa;
});

afterAll(async () => {
  await bot?.stop();
  await api?.close();
});

const buttonsOf = (call: ApiCall): Map<string, string> =>
  new Map((call.params.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string; callback_data: string }) => [b.text, b.callback_data]));

async function press(call: ApiCall, data: string): Promise<{ sent: string; note: string | undefined }> {
  const chatId = call.params.chat_id as number;
  const before = api.calls.length;
  const calls = await api.exchange(callbackUpdate(data, { chatId, messageId: 1 }), chatId, ["sendMessage", "answerCallbackQuery"]);
  const note = api.calls.slice(before).find((c) => c.method === "answerCallbackQuery")?.params.text as string | undefined;
  return { sent: calls.filter((c) => c.method === "sendMessage").map((c) => visibleText(c.params.text)).join("\n"), note };
}

describe("buttons made before a page was replaced", () => {
  it("“Full article” opens the article it was made for while it is indexed, then says it is gone; “More” lists none of the replaced page's articles", async () => {
    const [answer] = (await api.exchange(messageUpdate("/paper 2024-11-07", { chatId: 41, userId: 41 }), 41)).slice(-1);
    const full = buttonsOf(answer!).get("全文 1")!;
    const more = buttonsOf(answer!).get("更多")!;
    const before = await press(answer!, full);
    expect(before.sent).toContain("2024-11-07");
    const headline = before.sent.split("\n")[0]!;

    // The page is replaced by another paper's page of the same name (as `index --add` would).
    const replacement = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qa-page-")), PAGE);
    fs.copyFileSync(path.join(ROOT, "seeds", "002_baf0b540dc6ce199.txt"), replacement);
    const { buildDir: old } = qa.info();
    await updateIndex({ ...buildOptionsFor(config), add: [replacement] });
    await api.waitFor(() => qa.info().buildDir !== old, 10_000, "the watcher to load the new build");

    const after = await press(answer!, full);
    expect(after.sent).toBe("");
    expect(after.note).toBe("索引中已没有这篇报道，请重新提问。");
    expect(after.sent).not.toContain(headline);
    const listed = await press(answer!, more);
    expect(listed.sent).not.toContain("2024-11-07");
    expect(listed.note ?? "").toMatch(/^$|没有更多了/);
  });
});
