/**
 * Private working folders in the temporary folder (a download, converted pages, an inbox run). Each
 * is named after the process that made it (`qa-<kind>-<pid>-XXXXXX`), so one left behind by a killed
 * process is recognised and removed by the next start, never one a live process still uses.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { QaError } from "./errors.js";

const OURS = /^qa-[a-z]+-(\d+)-[A-Za-z0-9]{6}$/;

/** A new private folder for `kind` (`upload`, `docs`, `inbox`…). Throws TEMP_UNAVAILABLE when the temporary folder is full, missing or not writable. */
export function makeStaging(kind: string): string {
  try {
    return fs.mkdtempSync(path.join(os.tmpdir(), `qa-${kind}-${process.pid}-`));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? "error";
    throw new QaError(
      "TEMP_UNAVAILABLE",
      `Cannot make a working folder in the server's temporary folder (${code}: it is full, missing or not writable); nothing was changed.`,
      "Free space in the temporary folder, or point TMPDIR at a writable folder, then try again.",
      { cause },
    );
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Removes the working folders of processes that are gone (killed mid-way); returns how many. Never throws. */
export function cleanStaleStaging(): number {
  let removed = 0;
  try {
    for (const name of fs.readdirSync(os.tmpdir())) {
      const pid = Number(name.match(OURS)?.[1] ?? NaN);
      if (!pid || pid === process.pid || alive(pid)) continue;
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
      removed++;
    }
  } catch {
    // A missing or unreadable temporary folder: nothing to clean; making a folder there reports it.
  }
  return removed;
}
