import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config/index.js";
import { openQaService } from "../../src/core/service.js";
import { QaError } from "../../src/errors.js";
import { acquireWriteLock } from "../../src/index/lock.js";
import { FILES } from "../../src/index/manifest.js";
import { openIndex } from "../../src/index/open.js";
import { resolveCurrentBuild, sha256 } from "../../src/index/store.js";
import { buildFixtureIndex, fixtureConfig } from "../helpers/fixture-index.js";

const REBUILD = "npm run -s cli -- index";

/** A private copy of the built index (the `current` symlink stays relative, so it points into the copy). */
function scratchCopy(indexDir: string): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "qa-scratch-"));
  fs.cpSync(indexDir, scratch, { recursive: true, verbatimSymlinks: true });
  return scratch;
}

const damage = {
  truncate: (file: string) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2)),
  flip: (file: string) => {
    const data = fs.readFileSync(file);
    for (const at of [0.25, 0.5, 0.75]) data[Math.floor(data.length * at)]! ^= 0xff;
    fs.writeFileSync(file, data);
  },
  delete: (file: string) => fs.rmSync(file),
};

function openError(indexDir: string): QaError {
  try {
    openIndex({ indexDir, model: "tiny-zh" });
  } catch (err) {
    if (err instanceof QaError) return err;
    throw new Error(`openIndex threw a ${String(err)} instead of a QaError`);
  }
  throw new Error("openIndex accepted a damaged index");
}

describe("a damaged or foreign index is refused with a code and the command that fixes it", () => {
  let config: Config;
  beforeAll(async () => {
    config = fixtureConfig();
    await buildFixtureIndex(config);
  });

  const cases = Object.values(FILES).flatMap((file) => Object.keys(damage).map((how) => [file, how] as const));
  it.each(cases)("%s, %s → INDEX_CORRUPT", (file, how) => {
    const scratch = scratchCopy(config.indexDir);
    damage[how as keyof typeof damage](path.join(resolveCurrentBuild(scratch), file));
    const err = openError(scratch);
    expect(err.code).toBe("INDEX_CORRUPT");
    expect(err.hint).toContain(REBUILD);
  });

  it("an edited manifest that is still valid JSON → INDEX_CORRUPT (it carries its own checksum)", () => {
    const scratch = scratchCopy(config.indexDir);
    const file = path.join(resolveCurrentBuild(scratch), FILES.manifest);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/"builtAt": "[^"]*"/, '"builtAt": "1999-01-01T00:00:00.000Z"'));
    expect(openError(scratch)).toMatchObject({ code: "INDEX_CORRUPT", message: expect.stringContaining("checksum") });
  });

  it("a manifest of another format version → INDEX_VERSION", () => {
    const scratch = scratchCopy(config.indexDir);
    const file = path.join(resolveCurrentBuild(scratch), FILES.manifest);
    const { checksum: _, ...body } = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    const old = { ...body, formatVersion: 1 };
    fs.writeFileSync(file, JSON.stringify({ ...old, checksum: sha256(JSON.stringify(old)) }));
    const err = openError(scratch);
    expect(err).toMatchObject({ code: "INDEX_VERSION", hint: expect.stringContaining(REBUILD) });
  });

  it("the answering service reports the same coded error instead of crashing", async () => {
    const scratch = scratchCopy(config.indexDir);
    damage.flip(path.join(resolveCurrentBuild(scratch), FILES.vectors));
    await expect(openQaService({ ...config, indexDir: scratch })).rejects.toMatchObject({ code: "INDEX_CORRUPT" });
  });

  it("INDEX_DIR pointing at a foreign folder whose `current` leads to garbage", () => {
    const foreign = fs.mkdtempSync(path.join(os.tmpdir(), "qa-foreign-"));
    const junk = fs.mkdtempSync(path.join(os.tmpdir(), "qa-junk-"));
    fs.writeFileSync(path.join(junk, "notes.txt"), "not an index");
    fs.symlinkSync(junk, path.join(foreign, "current"));
    expect(openError(foreign)).toMatchObject({ code: "INDEX_CORRUPT", message: expect.stringContaining("not an index build"), hint: expect.stringContaining("INDEX_DIR") });

    fs.rmSync(path.join(foreign, "current"));
    fs.symlinkSync(path.join(junk, "notes.txt"), path.join(foreign, "current"));
    expect(openError(foreign)).toMatchObject({ code: "INDEX_CORRUPT", hint: expect.stringContaining(REBUILD) });

    fs.rmSync(path.join(foreign, "current"));
    fs.symlinkSync(path.join(junk, "gone"), path.join(foreign, "current"));
    expect(openError(foreign)).toMatchObject({ code: "INDEX_MISSING", message: expect.stringContaining("does not exist"), hint: expect.stringContaining(REBUILD) });

    fs.rmSync(path.join(foreign, "current"));
    expect(openError(foreign)).toMatchObject({ code: "INDEX_MISSING", hint: expect.stringContaining(REBUILD) });
  });
});

describe("the writer lock", () => {
  const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "qa-lock-"));
  const writeLock = (dir: string, owner: object | string) =>
    fs.writeFileSync(path.join(dir, ".lock"), typeof owner === "string" ? owner : JSON.stringify(owner));
  /** The pid of a process that has exited. */
  const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

  it("stops a second writer with INDEX_LOCKED, naming the holder and the lock file", () => {
    const dir = freshDir();
    const release = acquireWriteLock(dir);
    expect(() => acquireWriteLock(dir)).toThrow(
      expect.objectContaining({ code: "INDEX_LOCKED", message: expect.stringContaining(`process ${process.pid}`), hint: expect.stringContaining(".lock") }),
    );
    release();
    acquireWriteLock(dir)();
    expect(fs.existsSync(path.join(dir, ".lock"))).toBe(false);
  });

  it("takes over a stale lock left by a dead process, and a full build then succeeds", async () => {
    const config = fixtureConfig();
    writeLock(config.indexDir, { pid: deadPid(), host: os.hostname(), since: "2020-01-01T00:00:00.000Z" });
    await buildFixtureIndex(config);
    expect(() => openIndex({ indexDir: config.indexDir, model: "tiny-zh" })).not.toThrow();
    expect(fs.existsSync(path.join(config.indexDir, ".lock"))).toBe(false);
  });

  it("respects a live holder and a holder on another host", () => {
    const dir = freshDir();
    writeLock(dir, { pid: process.ppid, host: os.hostname(), since: "now" });
    expect(() => acquireWriteLock(dir)).toThrow(expect.objectContaining({ code: "INDEX_LOCKED" }));
    writeLock(dir, { pid: deadPid(), host: "some-other-host", since: "now" });
    expect(() => acquireWriteLock(dir)).toThrow(expect.objectContaining({ code: "INDEX_LOCKED", message: expect.stringContaining("some-other-host") }));
  });

  it("treats an unreadable lock as held while fresh and as stale once old", () => {
    const dir = freshDir();
    writeLock(dir, "");
    expect(() => acquireWriteLock(dir)).toThrow(expect.objectContaining({ code: "INDEX_LOCKED" }));
    // A minute older than when it was written (on the disk's clock, which judges its age).
    const lock = path.join(dir, ".lock");
    const old = new Date(fs.statSync(lock).mtimeMs - 60_000);
    fs.utimesSync(lock, old, old);
    acquireWriteLock(dir)();
  });

  it("release leaves alone a lock that is no longer its own", () => {
    const dir = freshDir();
    const release = acquireWriteLock(dir);
    writeLock(dir, { pid: process.ppid, host: os.hostname(), since: "later" });
    release();
    expect(fs.readFileSync(path.join(dir, ".lock"), "utf8")).toContain("later");
  });
});
