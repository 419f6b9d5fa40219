import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireWriteLock, bootId, processStartTime } from "../../src/index/lock.js";
import { privateFixture, runIndexCli } from "./cli-process.js";

/**
 * Issue #31: a lock left by a killed writer whose pid is in use again (a restarted container's
 * writer is pid 1 again) is taken over, told by the boot id and the start time the lock records.
 */
const linux = processStartTime(process.pid) !== undefined && bootId() !== undefined;

/** A lock as a writer with this pid would have left it, started at `started` on boot `boot`. */
function writeLock(indexDir: string, pid: number, extra: Record<string, unknown>): string {
  const file = path.join(indexDir, ".lock");
  fs.writeFileSync(file, JSON.stringify({ pid, host: os.hostname(), since: "2026-01-01T00:00:00.000Z", ...extra }));
  return file;
}

describe.runIf(linux)("a lock whose pid was reused", () => {
  it("records the boot id and the holder's start time", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-lock-"));
    const release = acquireWriteLock(dir);
    const lock = JSON.parse(fs.readFileSync(path.join(dir, ".lock"), "utf8"));
    expect(lock).toMatchObject({ pid: process.pid, boot: bootId(), started: processStartTime(process.pid) });
    release();
  });

  it("even the caller's own pid: a lock of an earlier process with this pid is taken over, this process's own is not", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-lock-"));
    writeLock(dir, process.pid, { boot: bootId(), started: processStartTime(process.pid)! - 100 });
    const release = acquireWriteLock(dir);
    expect(() => acquireWriteLock(dir)).toThrow(expect.objectContaining({ code: "INDEX_LOCKED" }));
    release();
    writeLock(dir, process.pid, { boot: "another-boot", started: processStartTime(process.pid) });
    acquireWriteLock(dir)();
  });

  it("the CLI takes over a live pid's lock written by another process (start time or boot differ), and stops at the live holder's own", async () => {
    const config = await privateFixture(["001_1a32e2d18765e48d.txt"]);
    // This test process is alive: its pid stands for a reused one.
    const lock = writeLock(config.indexDir, process.pid, { boot: bootId(), started: processStartTime(process.pid)! - 1 });
    const reused = await runIndexCli(config, []).done;
    expect(reused.code, reused.stderr).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);

    writeLock(config.indexDir, process.pid, { boot: "0c1d-before-the-reboot", started: processStartTime(process.pid) });
    const rebooted = await runIndexCli(config, []).done;
    expect(rebooted.code, rebooted.stderr).toBe(0);

    writeLock(config.indexDir, process.pid, { boot: bootId(), started: processStartTime(process.pid) });
    const held = await runIndexCli(config, []).done;
    expect(held.code).toBe(1);
    expect(held.stderr).toContain("INDEX_LOCKED");
    expect(held.stderr).toContain(`process ${process.pid}`);
  });
});
