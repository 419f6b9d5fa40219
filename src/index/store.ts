import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { QaError } from "../errors.js";
import { FILES, FORMAT_VERSION, type FileEntry, type Manifest } from "./manifest.js";

/**
 * On-disk layout of INDEX_DIR:
 *   builds/<id>/   one complete build (manifest.json + data files)
 *   current        symlink to the live build, replaced atomically with rename(2)
 * A build is written under a temporary name and only becomes `current` once complete, so a crash
 * or a kill mid-build leaves the previous index answering.
 */
const CURRENT = "current";
const BUILDS = "builds";
const KEEP_BUILDS = 2;

export const REBUILD_HINT = "Rebuild it with: npm run -s cli -- index";

export function sha256(data: Buffer | string): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}

/** A build in progress: files are written into a temporary folder, then `commit()` swaps it in. */
export class BuildWriter {
  readonly dir: string;
  private readonly files: Record<string, FileEntry> = {};

  constructor(private readonly indexDir: string, readonly id = new Date().toISOString().replace(/[:.]/g, "-")) {
    this.dir = path.join(indexDir, BUILDS, `${id}.tmp-${process.pid}`);
    fs.mkdirSync(this.dir, { recursive: true });
  }

  writeJson(name: string, value: unknown): void {
    this.writeBytes(name, Buffer.from(JSON.stringify(value)));
  }

  writeBytes(name: string, data: Buffer): void {
    fs.writeFileSync(path.join(this.dir, name), data);
    this.files[name] = { bytes: data.length, sha256: sha256(data) };
  }

  /** Registers a file some library wrote itself into `this.dir`. */
  adopt(name: string): void {
    const data = fs.readFileSync(path.join(this.dir, name));
    this.files[name] = { bytes: data.length, sha256: sha256(data) };
  }

  /** Writes the manifest, fsyncs, and atomically points `current` at the finished build. */
  commit(manifest: Omit<Manifest, "files" | "formatVersion">): Manifest {
    const full: Manifest = { formatVersion: FORMAT_VERSION, ...manifest, files: { ...this.files } };
    fs.writeFileSync(path.join(this.dir, FILES.manifest), JSON.stringify(full, null, 2));
    const finalDir = path.join(this.indexDir, BUILDS, this.id);
    fs.renameSync(this.dir, finalDir);
    const link = path.join(this.indexDir, `${CURRENT}.tmp-${process.pid}`);
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.join(BUILDS, this.id), link, "dir");
    fs.renameSync(link, path.join(this.indexDir, CURRENT));
    pruneBuilds(this.indexDir, this.id);
    return full;
  }

  /** Removes the unfinished build (after a failure). */
  abort(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Deletes old finished builds (keeping the newest few) and temporary leftovers of dead builds. */
function pruneBuilds(indexDir: string, keepId: string): void {
  const buildsDir = path.join(indexDir, BUILDS);
  const entries = fs.readdirSync(buildsDir).sort();
  const finished = entries.filter((e) => !e.includes(".tmp-"));
  const stale = finished.filter((e) => e !== keepId).slice(0, Math.max(0, finished.length - KEEP_BUILDS));
  const leftovers = entries.filter((e) => {
    const pid = Number(e.split(".tmp-")[1]);
    return e.includes(".tmp-") && pid !== process.pid && !pidAlive(pid);
  });
  for (const e of [...stale, ...leftovers]) fs.rmSync(path.join(buildsDir, e), { recursive: true, force: true });
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The real folder of the live build, or INDEX_MISSING. */
export function resolveCurrentBuild(indexDir: string): string {
  const link = path.join(indexDir, CURRENT);
  try {
    return fs.realpathSync(link);
  } catch {
    throw new QaError("INDEX_MISSING", `No index found in ${indexDir}.`, `Build it with: npm run -s cli -- index`);
  }
}

/** Reads and verifies the manifest and every file it lists (size and checksum). */
export function readVerifiedManifest(buildDir: string): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(buildDir, FILES.manifest), "utf8")) as Manifest;
  } catch (err) {
    throw new QaError("INDEX_CORRUPT", `The index manifest in ${buildDir} is missing or unreadable.`, REBUILD_HINT, { cause: err });
  }
  if (manifest.formatVersion !== FORMAT_VERSION) {
    throw new QaError(
      "INDEX_VERSION",
      `The index was written in format ${String(manifest.formatVersion)}; this version reads format ${FORMAT_VERSION}.`,
      REBUILD_HINT,
    );
  }
  if (!manifest.files || typeof manifest.files !== "object") {
    throw new QaError("INDEX_CORRUPT", `The index manifest in ${buildDir} lists no files.`, REBUILD_HINT);
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    let data: Buffer;
    try {
      data = fs.readFileSync(path.join(buildDir, name));
    } catch {
      throw new QaError("INDEX_CORRUPT", `Index file ${name} is missing (partial index in ${buildDir}).`, REBUILD_HINT);
    }
    if (data.length !== expected.bytes || sha256(data) !== expected.sha256) {
      throw new QaError("INDEX_CORRUPT", `Index file ${name} does not match its manifest (corrupt or changed).`, REBUILD_HINT);
    }
  }
  return manifest;
}

/** Parses one JSON data file of a verified build. */
export function readJsonFile<T>(buildDir: string, name: string): T {
  try {
    return JSON.parse(fs.readFileSync(path.join(buildDir, name), "utf8")) as T;
  } catch (err) {
    throw new QaError("INDEX_CORRUPT", `Index file ${name} is not valid JSON.`, REBUILD_HINT, { cause: err });
  }
}
