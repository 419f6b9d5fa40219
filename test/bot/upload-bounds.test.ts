/**
 * Hostile and unlucky uploads through the loopback Bot API, against the real bot, index and
 * fixture model: each ends in one coded message to the admin and changes nothing, the bot never
 * crashes, and while a slow page is being read another chat is answered.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../../src/bot/html.js";
import type { Config } from "../../src/config/index.js";
import type { QaService } from "../../src/core/types.js";
import type { ReadLimits } from "../../src/ingest/formats/limits.js";
import { ROOT } from "../helpers/fixture-index.js";
import { bombPdf, manyPagePdf, nestedHtml, unpunctuatedText } from "../helpers/hostile-files.js";
import { messageUpdate, type FakeBotApi } from "./fake-bot-api.js";
import { BASE_SEEDS as BASE, startUploadBot, type UploadBot } from "./upload-bot.js";

const TOKEN = "123456789:AABoundsTestTokenNotReal_abcdefghij";
const ADMIN = 91;
const READER = 92;
/** A second admin, so that no admin sends over the rate limit (5 messages per 10 s from one person): the queue test sends in quick succession. */
const EDITOR = 93;
/** The bot takes uploads up to this size here, so a file over it is small to make. */
const UPLOAD_LIMIT = 1024 * 1024;

let bot: UploadBot;
let api: FakeBotApi;
let config: Config;
let qa: QaService;
/** The read limits the next upload is read with (the defaults unless a test says). */
let limits: Partial<ReadLimits> = {};

beforeAll(async () => {
  bot = await startUploadBot({ token: TOKEN, admins: [ADMIN, EDITOR], maxUploadBytes: UPLOAD_LIMIT, addOptions: () => ({ limits }) });
  ({ api, config, qa } = bot);
});

afterAll(async () => {
  await bot?.stop();
});

const texts = (chatId: number, from = 0) => api.sent(chatId).slice(from).map((c) => visibleText(c.params.text as string));

/** The admin sends `bytes` as `name`; resolves with the bot's replies once the upload is reported (or refused at once). */
async function upload(name: string, bytes: Buffer, document: Record<string, unknown> = {}, from = ADMIN): Promise<string[]> {
  const before = api.sent(from).length;
  await api.exchange(messageUpdate({ document: { ...api.addFile(bytes, name), ...document } }, { chatId: from }), from);
  if (texts(from, before)[0]?.startsWith("Adding")) await api.waitFor(() => texts(from, before).length >= 2, 90_000, "the upload report");
  return texts(from, before);
}

const seedNames = () => fs.readdirSync(config.seedsDir).sort();

describe("a file over a reading bound: its coded error, and nothing changes", () => {
  it("a PDF of 201 pages: PDF_TOO_COMPLEX (default page cap 200)", async () => {
    const before = qa.info();
    const replies = await upload("whole-year.pdf", manyPagePdf(201));
    expect(replies[1]).toMatch(/^⚠️ Cannot add whole-year\.pdf: it has 201 pages, over the 200 read from one file\. \(PDF_TOO_COMPLEX\)\nExport or print/);
    expect(qa.info()).toEqual(before);
    expect(seedNames()).toEqual(BASE);
  });

  it("a PDF that inflates past the cap given in the options: PDF_TOO_COMPLEX", async () => {
    limits = { maxInflatedBytes: 1024 * 1024 };
    const bomb = bombPdf(8 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const replies = await upload("bomb.pdf", bomb);
    expect(replies[1]).toMatch(/^⚠️ Cannot add bomb\.pdf: its compressed content inflates to more than 1 MB\. \(PDF_TOO_COMPLEX\)/);
    expect(seedNames()).toEqual(BASE);
  });

  it("a web page nested 5,000 deep: HTML_TOO_COMPLEX before it is parsed (default depth cap 200)", async () => {
    limits = {};
    const replies = await upload("deep.html", nestedHtml(5000));
    expect(replies[1]).toMatch(/^⚠️ Cannot add deep\.html: the web page nests its elements more than 200 deep\. \(HTML_TOO_COMPLEX\)/);
    expect(seedNames()).toEqual(BASE);
  });

  it("a long text without punctuation, over the text cap given in the options: PAGE_TOO_LARGE", async () => {
    limits = { maxTextChars: 100_000 };
    const replies = await upload("one-line.txt", unpunctuatedText(150_000));
    expect(replies[1]).toMatch(/^⚠️ Cannot add one-line\.txt: it makes 150,000 characters of text, over the 100,000 a page may hold\. \(PAGE_TOO_LARGE\)\nSplit the text into pages/);
    expect(seedNames()).toEqual(BASE);
  });
});

describe("the bot keeps answering", () => {
  it("another chat is answered while a slow page is being read; a second upload waits its turn; the slow one stops at its deadline", async () => {
    // Uncapped depth: Readability would take minutes over 20,000 nested divs; the deadline stops it.
    limits = { maxHtmlDepth: 1e9, maxHtmlElements: 1e9, timeoutMs: 20_000 };
    const before = api.sent(EDITOR).length;
    api.push(messageUpdate({ document: api.addFile(nestedHtml(20_000), "slow.html") }, { chatId: EDITOR }));
    await api.waitFor(() => texts(EDITOR, before).length >= 1, 20_000, "the upload to be taken");
    api.push(messageUpdate({ document: api.addFile(manyPagePdf(201), "second.pdf") }, { chatId: EDITOR }));
    await api.waitFor(() => texts(EDITOR, before).length >= 2, 20_000, "the second upload to be taken");
    const answer = await api.exchange(messageUpdate("老君庙火区已累计完成采空区超前钻探进尺多少米？", { chatId: READER }), READER);
    // The reader's answer came while neither upload had been reported yet.
    expect(answer.length).toBeGreaterThan(0);
    expect(texts(EDITOR, before)).toEqual(["Adding slow.html…", "Adding second.pdf… (after 1 other upload)"]);
    await api.waitFor(() => texts(EDITOR, before).length >= 4, 120_000, "both upload reports");
    const [, , first, second] = texts(EDITOR, before);
    expect(first).toMatch(/^⚠️ Cannot add slow\.html: (?:reading it takes more than 20 s|reading it needs more than \d+ MB of memory)\. \(HTML_TOO_COMPLEX\)/);
    expect(second).toMatch(/^⚠️ Cannot add second\.pdf: it has 201 pages, over the 200 read from one file\. \(PDF_TOO_COMPLEX\)/);
    expect(seedNames()).toEqual(BASE);
  });

  it("with the temporary folder gone, the upload is one coded message and the bot goes on", async () => {
    limits = {};
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = path.join(os.tmpdir(), "qa-no-such-folder", "gone");
    let replies: string[];
    try {
      replies = await upload("page.txt", fs.readFileSync(path.join(ROOT, "seeds", "002_baf0b540dc6ce199.txt")));
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
    expect(replies[1]).toMatch(/^⚠️ Cannot make a working folder in the server's temporary folder \(ENOENT: it is full, missing or not writable\); nothing was changed\. \(TEMP_UNAVAILABLE\)/);
    expect(seedNames()).toEqual(BASE);
    const answer = await api.exchange(messageUpdate("老君庙火区已累计完成采空区超前钻探进尺多少米？", { chatId: READER }), READER);
    expect(answer.length).toBeGreaterThan(0);
  });
});

describe("refused before anything is downloaded", () => {
  it("a .zip archive: FORMAT_UNKNOWN by its name and type", async () => {
    const calls = api.callsOf("getFile").length;
    const replies = await upload("pages.zip", Buffer.from("PK\u0003\u0004"), { mime_type: "application/zip" }, EDITOR);
    expect(replies).toEqual(["⚠️ Cannot add pages.zip: a .zip file is not a page; pages are PDF, HTML or UTF-8 text. It was not downloaded. (FORMAT_UNKNOWN)\nSend the pages one by one as PDF, HTML or .txt files (unpack an archive first)."]);
    expect(api.callsOf("getFile")).toHaveLength(calls);
  });

  it("a 246-character file name: FILE_NAME_INVALID, and no server path in the reply", async () => {
    const calls = api.callsOf("getFile").length;
    const replies = await upload(`${"长".repeat(242)}.pdf`, manyPagePdf(1), {}, EDITOR);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/^⚠️ Cannot add 长{40}…: its file name is 730 bytes long, over the 200 a page's name may have\. \(FILE_NAME_INVALID\)\nRename the file/);
    expect(replies[0]).not.toContain("/");
    expect(api.callsOf("getFile")).toHaveLength(calls);
  });
});

describe("the download and the stored name", () => {
  it("with no file_size, a file over the limit is stopped while it streams", async () => {
    const replies = await upload("big.txt", Buffer.alloc(3 * UPLOAD_LIMIT, "甲"), { file_size: undefined });
    // Refused at the first chunk past 1 MB, not after reading all 3 MB.
    expect(replies[1]).toMatch(/^⚠️ Cannot add big\.txt: it is 1\.\d MB, over the 1\.0 MB limit\. \(FILE_TOO_LARGE\)/);
    expect(seedNames()).toEqual(BASE);
  });

  it("a right-to-left override in the name is removed from the stored page name", async () => {
    const page = fs.readFileSync(path.join(ROOT, "seeds", "002_baf0b540dc6ce199.txt"));
    const replies = await upload("第2版\u202Etxt.exe.txt", page);
    expect(replies[1]).toMatch(/^Added 第2版txt\.exe\.txt: \d+ articles?/);
    expect(seedNames()).toContain("第2版txt.exe.txt");
    expect(seedNames().some((n) => /[\u202A-\u202E\u2066-\u2069]/.test(n))).toBe(false);
  });
});
