/**
 * What is decided about an upload before a byte of it is downloaded: whether it is meant as a page,
 * whether it is plainly not one (an archive, a photo, an office file), its name, and its declared
 * size; and how its outcome is told to the admin — one message, without the server's paths.
 */
import path from "node:path";
import type { Document } from "grammy/types";
import { QaError } from "../errors.js";
import { cleanFileName, seedNameFor } from "../ingest/file-names.js";
import { escapeHtml } from "./html.js";

/** A document that is meant as a page: by its MIME type or its file name. */
const PAGE_TYPES = /^(?:application\/pdf|text\/html|application\/xhtml\+xml|text\/plain)$/;
const PAGE_NAMES = /\.(?:pdf|html?|xhtml|txt|text|md)$/i;
/** Documents that are plainly no page: archives, office files, images, audio, video, programs. */
const NOT_PAGE_NAMES = /\.(zip|rar|7z|gz|tgz|tar|bz2|xz|zst|docx?|xlsx?|pptx?|odt|ods|odp|rtf|epub|jpe?g|png|gif|webp|heic|tiff?|bmp|mp3|mp4|m4a|mov|avi|mkv|ogg|wav|apk|exe|dmg|iso)$/i;
const NOT_PAGE_TYPES = /^(?:image|video|audio)\/|^application\/(?:zip|x-zip-compressed|vnd\.rar|x-rar-compressed|x-7z-compressed|gzip|x-gzip|x-tar|x-bzip2|x-xz|zstd|msword|rtf|epub\+zip|vnd\.(?:openxmlformats-officedocument|ms-excel|ms-powerpoint|oasis\.opendocument|android\.package-archive))/;

export const isPage = (doc: Document): boolean => PAGE_TYPES.test(doc.mime_type ?? "") || PAGE_NAMES.test(doc.file_name ?? "");

/** The name the page is known by (its seed name derives from it): the sent file name without any path, control or bidi characters. */
export function safeFileName(doc: Document): string {
  const sent = cleanFileName((doc.file_name ?? "").replace(/[/\\]/g, "_"));
  return sent && sent !== "." && sent !== ".." ? sent : `upload-${doc.file_unique_id}`;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * The coded error for an admin's document that must not be downloaded — plainly not a page
 * (FORMAT_UNKNOWN), a name too long (FILE_NAME_INVALID), over the limit (FILE_TOO_LARGE) — or null.
 */
export function refusalBeforeDownload(doc: Document, name: string, limit: number): QaError | null {
  const kind = (doc.file_name ?? "").match(NOT_PAGE_NAMES)?.[1] ?? (NOT_PAGE_TYPES.test(doc.mime_type ?? "") ? doc.mime_type : null);
  if (kind && !PAGE_NAMES.test(doc.file_name ?? "")) {
    const what = kind.includes("/") ? `a ${kind} file` : `a .${kind.toLowerCase()} file`;
    return new QaError(
      "FORMAT_UNKNOWN",
      `Cannot add ${name}: ${what} is not a page; pages are PDF, HTML or UTF-8 text. It was not downloaded.`,
      "Send the pages one by one as PDF, HTML or .txt files (unpack an archive first).",
    );
  }
  try {
    seedNameFor(name);
  } catch (err) {
    if (err instanceof QaError) return err;
    throw err;
  }
  if ((doc.file_size ?? 0) > limit) {
    return new QaError(
      "FILE_TOO_LARGE",
      `Cannot add ${name}: it is ${mb(doc.file_size!)}, over the ${mb(limit)} upload limit.`,
      "Split it into pages, or add it on the server with: npm run -s cli -- index --add <file>",
    );
  }
  return null;
}

/** Absolute paths (the server's folders) in a message, shown by their last part only. */
const ABSOLUTE_PATH = /(?<=^|[\s'"(=:])(?:\/[^\s/'"`)]+){2,}\/?/g;

export function withoutPaths(text: string): string {
  return text.replace(ABSOLUTE_PATH, (p) => path.basename(p));
}

/** A coded error as the admin reads it: the message with its code, then the hint. */
export function renderCodedError(err: QaError): string {
  return `⚠️ ${escapeHtml(withoutPaths(err.message))} (${err.code})\n<i>${escapeHtml(withoutPaths(err.hint))}</i>`;
}
