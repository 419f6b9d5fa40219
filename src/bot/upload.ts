/**
 * Page uploads: an admin (ADMIN_IDS) sends the e-paper PDF, a saved web article or a text page as a
 * document; the bot downloads it (getFile, then the Bot API's file URL), adds it like
 * `index --add`, loads the new build — every chat answers from it at once — and says what was added.
 * Uploads wait in one queue and are read in a bounded worker (src/ingest/formats/bounded.ts), so
 * other chats are answered meanwhile; each ends in one message to the admin (done, or its coded
 * error without the server's paths), never a crash. An archive, a photo or an office file is
 * refused by its name or type before it is downloaded (upload-checks.ts). Anyone else sending a
 * page gets a polite refusal; other documents, and documents in groups, go on to the non-text note.
 */
import fs from "node:fs";
import path from "node:path";
import { Composer, type Context } from "grammy";
import type { AddDocumentsReport } from "../core/add-documents.js";
import type { QaService } from "../core/types.js";
import { QaError } from "../errors.js";
import { redactSecrets, type Logger } from "../log.js";
import { readBodyLimited } from "../feeds/http.js";
import { makeStaging } from "../staging.js";
import { safeError } from "./errors.js";
import { escapeHtml } from "./html.js";
import { replyHtml } from "./reply.js";
import { isPage, refusalBeforeDownload, renderCodedError, safeFileName, withoutPaths } from "./upload-checks.js";

/** The Bot API lets a bot download files up to 20 MB (a local Bot API server lifts this). */
export const BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 120_000;

export interface UploadOptions {
  /** Bot API token (for the file download URL). Never logged. */
  token: string;
  /** Bot API root URL (default https://api.telegram.org). */
  apiRoot?: string | null;
  /** User ids allowed to add pages (config ADMIN_IDS); null or absent: uploads are off (documents get the non-text note). */
  adminIds?: ReadonlySet<number> | null;
  /** Adds a downloaded document to the index (as `index --add`); absent: uploads are off. */
  addDocument?: (file: string) => Promise<AddDocumentsReport>;
  /** Largest upload taken, in bytes (ADD_MAX_MB); never more than the Bot API's 20 MB. Default 20 MB. */
  maxUploadBytes?: number;
}

interface UploadServices extends UploadOptions {
  qa: QaService;
  logger: Logger;
}

export const UPLOAD_REFUSED_TEXT =
  "Thanks — but only the bot's admins can add pages to the index. To ask about the news, send your question as a message, e.g. “昌吉州今年新增城镇就业多少人？”";

export function uploadComposer(services: UploadServices): Composer<Context> {
  const { qa, logger, adminIds, addDocument } = services;
  const upload = new Composer<Context>();
  if (!adminIds || !addDocument) return upload;
  const limit = Math.min(services.maxUploadBytes ?? BOT_API_DOWNLOAD_LIMIT, BOT_API_DOWNLOAD_LIMIT);
  const fileUrl = (filePath: string) => `${(services.apiRoot ?? "https://api.telegram.org").replace(/\/+$/, "")}/file/bot${services.token}/${filePath}`;

  let queue: Promise<void> = Promise.resolve();
  /** Uploads queued or being added. */
  let waiting = 0;

  upload.on("message:document", async (ctx, next) => {
    // Only in a private chat: a PDF shared in a group is a message to people, not an upload.
    if (ctx.chat.type !== "private") return next();
    const doc = ctx.msg.document;
    const admin = ctx.from !== undefined && adminIds.has(ctx.from.id);
    if (!admin) return isPage(doc) ? replyHtml(ctx, escapeHtml(UPLOAD_REFUSED_TEXT)) : next();
    const name = safeFileName(doc);
    const refusal = refusalBeforeDownload(doc, name, limit);
    if (refusal) return replyHtml(ctx, renderCodedError(refusal));
    const ahead = waiting;
    await replyHtml(ctx, `Adding <b>${escapeHtml(name)}</b>…${ahead ? ` (after ${count(ahead, "other upload")})` : ""}`);
    const chatId = ctx.chat.id;
    // Everything, from the working folder on, inside the try: an upload ends in one message, never a crash.
    const work = async () => {
      let dir: string | null = null;
      let reply: string;
      try {
        dir = makeStaging("upload");
        const file = await ctx.getFile();
        if (!file.file_path) throw new Error("getFile gave no file_path");
        const target = path.join(dir, name);
        await download(fileUrl(file.file_path), target, limit, name);
        const report = await addDocument(target);
        await qa.reload();
        reply = describeAdded(report, qa);
        logger.info({ chatId, file: name, added: report.update.added.length, replaced: report.update.replaced.length }, "page uploaded");
      } catch (err) {
        logger.warn({ chatId, file: name, error: safeError(err) }, "page upload failed");
        reply = err instanceof QaError ? renderCodedError(err) : `⚠️ Could not add ${escapeHtml(name)}: ${escapeHtml(withoutPaths(redactSecrets(err instanceof Error ? err.message : String(err))))}`;
      } finally {
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      }
      await ctx.api.sendMessage(chatId, reply, { parse_mode: "HTML" }).catch((err: unknown) => logger.warn({ error: safeError(err) }, "could not report the upload"));
    };
    // One upload at a time, in the background: questions keep being answered meanwhile.
    waiting++;
    queue = queue
      .then(work)
      .catch((err: unknown) => logger.error({ error: safeError(err) }, "an upload failed unexpectedly"))
      .finally(() => waiting--);
  });
  return upload;
}

/** Downloads the file to `target`, refusing more than `limit` bytes as they arrive. The URL holds the token: never logged. */
async function download(url: string, target: string, limit: number, name: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`the file download failed (HTTP ${response.status})`);
  const bytes = await readBodyLimited(response, name, limit);
  fs.writeFileSync(target, bytes);
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** What the upload changed: per page its articles' headlines and dates, then the index size. */
function describeAdded({ update, documents }: AddDocumentsReport, qa: QaService): string {
  const lines: string[] = [];
  for (const doc of documents) {
    const entry = [...update.added, ...update.replaced].find((s) => s.name === doc.name);
    if (!entry) {
      lines.push(`<b>${escapeHtml(doc.name)}</b> is already in the index with the same content; nothing changed.`);
      continue;
    }
    const verb = update.replaced.includes(entry) ? "Replaced" : "Added";
    const dates = [...new Set(doc.articles.map((a) => a.date ?? "undated"))].join(", ");
    const from = doc.format === "text" ? "" : ` (from ${escapeHtml(path.basename(doc.given))}, ${doc.format.toUpperCase()})`;
    lines.push(`<b>${verb} ${escapeHtml(doc.name)}</b>${from}: ${count(entry.articles, "article")}, ${count(entry.passages, "passage")}, dated ${escapeHtml(dates || "—")}`);
    for (const article of doc.articles) lines.push(`• ${escapeHtml(article.headline)}${article.date ? ` (${article.date})` : ""}`);
  }
  if (update.changed) {
    const info = qa.info();
    lines.push(`The index now holds ${info.articles} articles, ${info.passages} passages; every chat answers from it now.`);
  }
  return lines.join("\n");
}
