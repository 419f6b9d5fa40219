import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { QaError } from "../errors.js";

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the writer lock of an index folder (`<dir>/.lock`, created exclusively).
 * A lock left by a dead process on this host is taken over; a live one is refused with INDEX_LOCKED.
 * Returns the release function.
 */
export function acquireWriteLock(indexDir: string): () => void {
  fs.mkdirSync(indexDir, { recursive: true });
  const file = path.join(indexDir, ".lock");
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: "wx" });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readLock(file);
      if (holder && holder.host === mine.host && !isAlive(holder.pid)) {
        fs.rmSync(file, { force: true }); // stale: its writer died without cleaning up
        continue;
      }
      const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.since}` : "another process";
      throw new QaError(
        "INDEX_LOCKED",
        `The index in ${indexDir} is being written by ${who}.`,
        `Wait for that build to finish. If no build is running, delete ${file}.`,
      );
    }
  }
  throw new QaError("INDEX_LOCKED", `Could not take the lock ${file}.`, `Delete ${file} if no build is running.`);
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}
