/**
 * `npx tsx scripts/probe-crowd.ts`: the issue 13 crowd probes, as figures (nothing asserted). The
 * real bot and core over the fixture index, the loopback Bot API and LLM stand-ins from test/:
 *  1. four chats ask while the LLM hangs (LLM_TIMEOUT_MS=2000): when each gets its answer;
 *  2. one user sends 12 questions at once: answers, notes, and when the last answer came.
 */
import fs from "node:fs";
import { startBot } from "../src/bot/index.js";
import { openQaService } from "../src/core/service.js";
import { createLogger } from "../src/log.js";
import { FakeBotApi, messageUpdate } from "../test/bot/fake-bot-api.js";
import { buildFixtureIndex, fixtureConfig } from "../test/helpers/fixture-index.js";
import { startFakeOpenAi } from "../test/llm/fake-openai.js";

const TOKEN = "123123123:AAProbeCrowdTokenNotReal_abcdefghijk";
const QUESTION = "昌吉州今年新增城镇就业多少人？";

const api = await FakeBotApi.start(TOKEN);
const llm = await startFakeOpenAi();
llm.reply({ hang: true });
const config = fixtureConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, LLM_BASE_URL: llm.url, LLM_MODEL: "m", LLM_TIMEOUT_MS: "2000" });
await buildFixtureIndex(config);
const logger = createLogger("silent");
const qa = await openQaService(config, { logger });
let ready!: () => void;
const started = new Promise<void>((resolve) => (ready = resolve));
const stopped = startBot(config, qa, logger, { pollTimeoutSeconds: 1, signals: ["SIGUSR2"], onStart: () => ready(), onUpdateHandled: api.onUpdateHandled });
await started;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// 1. Four chats while the LLM hangs.
const t0 = Date.now();
const chats = [501, 502, 503, 504];
const ids = chats.map((chatId) => api.push(messageUpdate(QUESTION, { chatId })));
for (const id of ids) await api.handled(id, 60_000);
const times = chats.map((chatId) => seconds(api.sent(chatId)[0]!.at - t0));
process.stdout.write(`1. four chats, LLM hanging, LLM_TIMEOUT_MS=2000: answers after ${times.join(", ")}\n`);

// 2. Twelve questions at once from one user (default limit: 5 per 10 s, 10 queued).
llm.reply({ status: 500, message: "off" }); // the extractive answer at once
const t1 = Date.now();
const burst = Array.from({ length: 12 }, (_, i) => api.push(messageUpdate(`${QUESTION} (${i + 1})`, { chatId: 601 })));
for (const id of burst) await api.handled(id, 60_000);
const sent = api.sent(601);
const notes = sent.filter((c) => String(c.params.text).includes("faster than I can answer")).length;
process.stdout.write(`2. 12 questions at once from one user: ${sent.length - notes} answers, ${notes} note, last after ${seconds(sent.at(-1)!.at - t1)}\n`);

process.emit("SIGUSR2", "SIGUSR2");
await stopped;
await api.close();
await llm.close();
fs.rmSync(config.indexDir, { recursive: true, force: true });
