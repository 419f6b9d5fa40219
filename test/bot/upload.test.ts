/**
 * Page uploads through the loopback Bot API: an admin sends the e-paper PDF and a web article as
 * documents, the bot downloads them (getFile + the file route), adds them to the real index (seeds,
 * fixture model) and reports what it added; a reader in another chat is answered from the new pages
 * at once. Non-admins are refused politely; bad files get their coded error and change nothing.
 * With BOT_TRANSCRIPT=<file> the exchanges are written out (docs/adding-papers.md shows them).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../../src/bot/html.js";
import { NON_TEXT_TEXT } from "../../src/bot/render.js";
import { UPLOAD_REFUSED_TEXT } from "../../src/bot/upload.js";
import type { QaService } from "../../src/core/types.js";
import { ROOT } from "../helpers/fixture-index.js";
import { messageUpdate, type FakeBotApi } from "./fake-bot-api.js";
import { startUploadBot, type UploadBot } from "./upload-bot.js";

const TOKEN = "123456789:AAUploadTestTokenNotReal_abcdefghij";
const ADMIN = 77;
const READER = 78;
const FIXTURES = path.join(ROOT, "test/fixtures/ingest");

let bot: UploadBot;
let api: FakeBotApi;
let qa: QaService;
const transcript: string[] = [];

beforeAll(async () => {
  bot = await startUploadBot({ token: TOKEN, admins: [ADMIN] });
  ({ api, qa } = bot);
});

afterAll(async () => {
  await bot?.stop();
  if (process.env.BOT_TRANSCRIPT) fs.writeFileSync(process.env.BOT_TRANSCRIPT, transcript.join("\n"));
});

const record = (who: string, said: string, replies: string[]) =>
  transcript.push(`${who}: ${said}`, ...replies.map((r) => `Bot: ${r.replace(/\n/g, "\n     ")}`), "");

/** Sends a fixture file as a document from `userId` in their private chat; returns every message the bot sent back. */
async function upload(file: string, userId: number, bytes = fs.readFileSync(path.join(FIXTURES, file)), mime?: string): Promise<string[]> {
  const document = api.addFile(bytes, file, mime);
  const before = api.sent(userId).length;
  await api.exchange(messageUpdate({ document }, { chatId: userId }), userId);
  const replies = () => api.sent(userId).slice(before).map((c) => visibleText(c.params.text as string));
  // The first reply comes at once; the report follows when the page is in (or refused).
  if (replies()[0]?.startsWith("Adding")) await api.waitFor(() => replies().length >= 2, 60_000, "the upload report");
  record(userId === ADMIN ? "Admin" : "Reader", `[document ${file}]`, replies());
  return replies();
}

async function ask(question: string, chatId = READER): Promise<string> {
  const sent = await api.exchange(messageUpdate(question, { chatId }), chatId);
  const replies = sent.map((c) => visibleText(c.params.text as string));
  record("Reader", question, replies);
  return replies.join("\n");
}

describe("an admin uploads today's pages", () => {
  it("a PDF page: the bot says what it added, and a reader elsewhere is answered from it with its date", async () => {
    const replies = await upload("cjrb-2024-11-07-p1.pdf", ADMIN, undefined, "application/pdf");
    expect(replies[0]).toBe("Adding cjrb-2024-11-07-p1.pdf…");
    expect(replies[1]).toMatch(/^Added cjrb-2024-11-07-p1\.txt \(from cjrb-2024-11-07-p1\.pdf, PDF\): 2 articles, \d+ passages, dated 2024-11-07\n/);
    expect(replies[1]).toContain("• 准东煤田火区治理持续推进 (2024-11-07)\n• 木垒县冬小麦长势喜人 (2024-11-07)");
    expect(replies[1]).toContain("every chat answers from it now");
    expect(api.callsOf("getFile")).toHaveLength(1);
    expect(api.callsOf("file")[0]!.params.file_path).toMatch(/^documents\//);

    const answer = await ask("老君庙火区已累计完成采空区超前钻探进尺多少米？");
    expect(answer).toContain("98653米");
    expect(answer).toContain("2024-11-07");
    expect(answer).toContain("1. 昌吉日报 · 2024-11-07 · 准东煤田火区治理持续推进");
  });

  it("a web article: dated from its meta tags", async () => {
    const replies = await upload("grain-reserve-article.html", ADMIN, undefined, "text/html");
    expect(replies[1]).toMatch(/^Added grain-reserve-article\.txt \(from grain-reserve-article\.html, HTML\): 1 article, \d+ passages, dated 2025-12-12\n• 昌吉州地方储备粮建储项目投用 \(2025-12-12\)/);
    const answer = await ask("昌吉州地方储备粮建储项目首批入库了多少玉米？");
    expect(answer).toContain("2.1万吨");
    expect(answer).toContain("2025-12-12");
  });

  it("the same page again: nothing changes", async () => {
    const replies = await upload("cjrb-2024-11-07-p1.pdf", ADMIN);
    expect(replies[1]).toBe("cjrb-2024-11-07-p1.txt is already in the index with the same content; nothing changed.");
  });

  it("a scanned PDF: the coded error with its hint, and the index stays as it was", async () => {
    const before = qa.info();
    const replies = await upload("scanned-page.pdf", ADMIN);
    expect(replies[1]).toMatch(/^⚠️ Cannot add scanned-page\.pdf: the PDF has no text layer .*\(PDF_NO_TEXT\)\nTo read scanned pages here, install Tesseract \(apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils\); or run OCR on it first/);
    expect(qa.info()).toEqual(before);
  });

  it("a file over the Bot API's 20 MB download limit is refused before downloading", async () => {
    const calls = api.callsOf("getFile").length;
    const document = { file_id: "huge", file_unique_id: "uhuge", file_name: "whole-issue.pdf", file_size: 25 * 1024 * 1024 };
    const sent = await api.exchange(messageUpdate({ document }, { chatId: ADMIN }), ADMIN);
    expect(visibleText(sent[0]!.params.text as string)).toMatch(/^⚠️ Cannot add whole-issue\.pdf: it is 25\.0 MB, over the 20\.0 MB upload limit\. \(FILE_TOO_LARGE\)/);
    expect(api.callsOf("getFile")).toHaveLength(calls);
  });
});

describe("anyone else", () => {
  it("sending a page gets a polite refusal, and nothing is downloaded or added", async () => {
    const before = qa.info();
    const calls = api.callsOf("getFile").length;
    expect(await upload("undated-notice.pdf", READER, undefined, "application/pdf")).toEqual([UPLOAD_REFUSED_TEXT]);
    expect(api.callsOf("getFile")).toHaveLength(calls);
    expect(qa.info()).toEqual(before);
  });

  it("sending another kind of document gets the usual non-text note", async () => {
    const document = { file_id: "zip", file_unique_id: "uzip", file_name: "photos.zip", mime_type: "application/zip" };
    const sent = await api.exchange(messageUpdate({ document }, { chatId: READER }), READER);
    expect(sent.map((c) => visibleText(c.params.text as string))).toEqual([NON_TEXT_TEXT]);
  });
});
