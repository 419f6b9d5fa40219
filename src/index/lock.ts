import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { QaError } from "../errors.js";

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  /** The host's boot id (Linux), so a lock from before a reboot is known as stale whatever its pid. */
  boot?: string;
  /** The holder's start time (Linux: clock ticks after boot), so a reused pid is known as another process. */
  started?: number;
}

const LOCK = ".lock";
/** A lock file with no readable owner (its writer died between create and write) is stale after this. */
const UNREADABLE_GRACE_MS = 10_000;

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The host's boot id where the kernel tells it (/proc/sys/kernel/random/boot_id), else undefined. */
export function bootId(): string | undefined {
  return readText("/proc/sys/kernel/random/boot_id")?.trim() || undefined;
}

/**
 * When a process started, in clock ticks after boot (field 22 of /proc/<pid>/stat), or undefined
 * where there is no /proc or no such process. The command name (field 2) may hold spaces and
 * parentheses, so the fields are counted after its last ")".
 */
export function processStartTime(pid: number): number | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  const fields = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
  const started = Number(fields?.[22 - 3]);
  return Number.isFinite(started) && started > 0 ? started : undefined;
}

/**
 * Takes the writer lock of an index folder (`<dir>/.lock`, created exclusively). Fails at once
 * with INDEX_LOCKED while another live writer holds it (no waiting: a second build would redo the
 * same work). A lock left by a dead process on this host is taken over, and so is one whose pid now
 * belongs to another process — a restarted container's writer is pid 1 again, as was the killed
 * one — told by the boot id and the holder's start time it records. Returns the release function,
 * which removes the lock only while it is still this writer's.
 */
export function acquireWriteLock(indexDir: string): () => void {
  fs.mkdirSync(indexDir, { recursive: true });
  const file = path.join(indexDir, LOCK);
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString(), boot: bootId(), started: processStartTime(process.pid) } satisfies LockInfo);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: "wx" });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readText(file) === mine) fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const held = readText(file);
    if (held === null) continue; // released between our attempt and the read: try again
    const holder = parseLock(held);
    if (isStale(file, holder)) {
      breakStaleLock(file, held);
      continue;
    }
    const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.since}` : "another process";
    throw new QaError(
      "INDEX_LOCKED",
      `The index in ${indexDir} is being written by ${who}.`,
      `Wait for that build to finish, then run the command again. If no build is running, delete ${file}.`,
    );
  }
  throw new QaError("INDEX_LOCKED", `Could not take the lock ${file}.`, `Run the command again; if no build is running, delete ${file}.`);
}

function isStale(file: string, holder: LockInfo | null): boolean {
  if (!holder) return ageMs(file) > UNREADABLE_GRACE_MS;
  if (holder.host !== os.hostname()) return false;
  if (!processAlive(holder.pid)) return true;
  // Alive — but perhaps another process with the same pid (after a reboot or a container restart).
  // Only what both sides know is compared: a lock of an older version, or a host without /proc, keeps the pid check.
  const boot = bootId();
  if (holder.boot && boot && holder.boot !== boot) return true;
  const started = processStartTime(holder.pid);
  return holder.started !== undefined && started !== undefined && holder.started !== started;
}

/**
 * Removes a stale lock — but only the one we judged stale. Two writers may both see the same dead
 * owner; the `.break` file serialises them, so the second cannot delete the first one's fresh lock.
 */
function breakStaleLock(file: string, staleText: string): void {
  const breaker = `${file}.break`;
  try {
    fs.writeFileSync(breaker, String(process.pid), { flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    // Someone else is breaking it; a breaker whose owner died mid-break is cleared for the next attempt.
    const pid = Number(readText(breaker));
    if ((pid > 0 && !processAlive(pid)) || ageMs(breaker) > UNREADABLE_GRACE_MS) fs.rmSync(breaker, { force: true });
    return;
  }
  try {
    if (readText(file) === staleText) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(breaker, { force: true });
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    const info = JSON.parse(text) as Partial<LockInfo> | null;
    return info && typeof info.pid === "number" && typeof info.host === "string" ? (info as LockInfo) : null;
  } catch {
    return null;
  }
}

/**
 * How long ago the file was last written, on the filesystem's own clock: a probe file written now
 * beside it gives "now" as the filesystem stamps it, so a process clock that differs from the
 * disk's (a network share, a container with a shifted clock) cannot make a fresh lock look stale.
 */
function ageMs(file: string): number {
  try {
    return filesystemNowMs(path.dirname(file)) - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function filesystemNowMs(dir: string): number {
  const probe = path.join(dir, `${LOCK}.clock-${process.pid}`);
  try {
    fs.writeFileSync(probe, "");
    return fs.statSync(probe).mtimeMs;
  } catch {
    return Date.now(); // a read-only folder: the process clock is all there is
  } finally {
    fs.rmSync(probe, { force: true });
  }
}
