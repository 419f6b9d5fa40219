/**
 * Whether INDEX_DIR can be written, asked before an update reads anything: a read-only mount or a
 * folder owned by another user gives INDEX_READONLY with what to do, not a bare EROFS mid-build.
 */
import fs from "node:fs";
import path from "node:path";
import { QaError } from "../errors.js";

const NOT_WRITABLE = new Set(["EROFS", "EACCES", "EPERM"]);

/** Throws INDEX_READONLY when `indexDir` exists but a file cannot be created in it (a missing folder is left to the update to report). */
export function checkIndexWritable(indexDir: string): void {
  const probe = path.join(indexDir, `.write-probe-${process.pid}`);
  try {
    fs.closeSync(fs.openSync(probe, "wx"));
    fs.rmSync(probe, { force: true });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? "";
    if (code === "EEXIST") return fs.rmSync(probe, { force: true });
    if (!NOT_WRITABLE.has(code)) return;
    throw new QaError(
      "INDEX_READONLY",
      `Cannot change the index: its folder INDEX_DIR is not writable (${code}${code === "EROFS" ? ", a read-only file system" : ""}); nothing was changed.`,
      "Mount INDEX_DIR read-write, or run as the user that owns it (the bot only reads it; index --add, uploads and the inbox write it).",
      { cause },
    );
  }
}
