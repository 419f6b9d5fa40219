import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { QaError } from "../errors.js";
import { processAlive } from "./lock.js";
import { FILES, FORMAT_VERSION, type FileEntry, type Manifest, type ManifestContent } from "./manifest.js";

/**
 * On-disk layout of INDEX_DIR:
 *   builds/<id>/   one complete build (manifest.json + data files)
 *   current        symlink to the live build, replaced atomically with rename(2)
 *   .lock          the writer lock (see lock.ts)
 * A build is written under a temporary name and only becomes `current` once complete and synced,
 * so a crash or a kill mid-build leaves the previous index answering.
 */
const CURRENT = "current";
const BUILDS = "builds";
const TMP = ".tmp-";
/** Finished builds kept, the live one included: readers load a build whole, so older ones are not needed. */
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
    this.dir = path.join(indexDir, BUILDS, `${id}${TMP}${process.pid}`);
    fs.mkdirSync(this.dir, { recursive: true });
  }

  writeJson(name: string, value: unknown): void {
    this.writeBytes(name, Buffer.from(JSON.stringify(value)));
  }

  writeBytes(name: string, data: Buffer): void {
    const sink = this.open(name);
    sink.write(data);
    sink.close();
  }

  /** A file written piece by piece (hashed as it goes); it is listed in the manifest when closed. */
  open(name: string): FileSink {
    const fd = fs.openSync(path.join(this.dir, name), "w");
    const hash = crypto.createHash("sha256");
    let bytes = 0;
    return {
      write: (data) => {
        hash.update(data);
        bytes += data.length;
        writeAll(fd, data);
      },
      close: () => {
        try {
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        this.files[name] = { bytes, sha256: hash.digest("hex") };
      },
    };
  }

  /** Registers a file some library wrote itself into `this.dir`. */
  adopt(name: string): void {
    const file = path.join(this.dir, name);
    syncPath(file);
    this.files[name] = hashFile(file);
  }

  /** Lists a file copied or linked in unchanged from another build, with that build's entry (not re-hashed). */
  reuse(name: string, entry: FileEntry): void {
    this.files[name] = { ...entry };
  }

  /** Writes the sealed manifest, syncs, and atomically points `current` at the finished build. */
  commit(content: ManifestContent): Manifest {
    const body = { formatVersion: FORMAT_VERSION, ...content, files: { ...this.files } };
    const full: Manifest = { ...body, checksum: sha256(JSON.stringify(body)) };
    writeSynced(path.join(this.dir, FILES.manifest), Buffer.from(JSON.stringify(full, null, 2)));
    syncPath(this.dir);
    const finalDir = path.join(this.indexDir, BUILDS, this.id);
    fs.renameSync(this.dir, finalDir);
    syncPath(path.dirname(finalDir));
    const link = path.join(this.indexDir, `${CURRENT}${TMP}${process.pid}`);
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.join(BUILDS, this.id), link, "dir");
    fs.renameSync(link, path.join(this.indexDir, CURRENT));
    syncPath(this.indexDir);
    try {
      pruneBuilds(this.indexDir, this.id);
    } catch {
      // Cleaning up old builds is housekeeping: the new build is live whatever happens here.
    }
    return full;
  }

  /** Removes the unfinished build (after a failure). */
  abort(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** An index file being written: `write` appends, `close` flushes it to disk and records size and hash. */
export interface FileSink {
  write(data: Uint8Array): void;
  close(): void;
}

function writeAll(fd: number, data: Uint8Array): void {
  for (let done = 0; done < data.length; ) done += fs.writeSync(fd, data, done, data.length - done);
}

/** Writes a file and flushes it to disk, so a power cut cannot leave a swapped-in build half written. */
export function writeSynced(file: string, data: Buffer): void {
  const fd = fs.openSync(file, "w");
  try {
    writeAll(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a file in blocks: never one Buffer or string of the whole file (files may pass 2 GiB). */
export function* fileBlocks(file: string, blockBytes = 8 << 20): Generator<Buffer> {
  const fd = fs.openSync(file, "r");
  try {
    const block = Buffer.allocUnsafe(blockBytes);
    for (let n; (n = fs.readSync(fd, block, 0, blockBytes, null)) > 0; ) yield block.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Size and SHA-256 of a file, read in blocks. */
export function hashFile(file: string): FileEntry {
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  for (const block of fileBlocks(file)) {
    hash.update(block);
    bytes += block.length;
  }
  return { bytes, sha256: hash.digest("hex") };
}

export function syncPath(target: string): void {
  try {
    const fd = fs.openSync(target, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
  }
}

/** Deletes old finished builds (keeping the newest few) and temporary leftovers of dead writers. */
function pruneBuilds(indexDir: string, keepId: string): void {
  const buildsDir = path.join(indexDir, BUILDS);
  const entries = fs.readdirSync(buildsDir).sort();
  const finished = entries.filter((e) => !e.includes(TMP));
  const stale = finished.filter((e) => e !== keepId).slice(0, Math.max(0, finished.length - KEEP_BUILDS));
  const leftovers = (dir: string, names: string[]) =>
    names.filter((e) => e.includes(TMP) && !processAlive(Number(e.split(TMP)[1]))).map((e) => path.join(dir, e));
  const links = fs.readdirSync(indexDir).filter((e) => e.startsWith(`${CURRENT}${TMP}`));
  const doomed = [...stale.map((e) => path.join(buildsDir, e)), ...leftovers(buildsDir, entries), ...leftovers(indexDir, links)];
  for (const target of doomed) fs.rmSync(target, { recursive: true, force: true });
}

/**
 * The real folder of the live build. INDEX_MISSING when there is none; INDEX_CORRUPT when `current`
 * points somewhere that is not a build (a foreign folder, a file), so nothing reads garbage.
 */
export function resolveCurrentBuild(indexDir: string): string {
  const link = path.join(indexDir, CURRENT);
  let dir: string;
  try {
    dir = fs.realpathSync(link);
  } catch {
    const target = readLink(link);
    const why = target === null ? "" : `: ${link} points at ${target}, which does not exist`;
    throw new QaError("INDEX_MISSING", `No index found in ${indexDir}${why}.`, `Build it with: npm run -s cli -- index`);
  }
  const ours = dir.startsWith(path.join(fs.realpathSync(indexDir), BUILDS) + path.sep);
  if (!isDirectory(dir) || (!ours && !fs.existsSync(path.join(dir, FILES.manifest)))) {
    throw new QaError(
      "INDEX_CORRUPT",
      `${link} points at ${dir}, which is not an index build.`,
      `Check that INDEX_DIR (${indexDir}) is the index folder. To build a fresh index there: npm run -s cli -- index`,
    );
  }
  return dir;
}

/** The id of the live build (`builds/<id>` that `current` points at), or null when there is none. */
export function currentBuildId(indexDir: string): string | null {
  const target = readLink(path.join(indexDir, CURRENT));
  return target === null ? null : path.basename(target);
}

function readLink(link: string): string | null {
  try {
    return fs.readlinkSync(link);
  } catch {
    return null;
  }
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads the manifest, checks its own checksum, then verifies every file it lists (size and SHA-256).
 * Files named in `hashedWhileRead` are only size-checked here: the caller reads them whole anyway
 * and verifies their hash on the way (readNdjsonFile), so they are not read twice.
 */
export function readVerifiedManifest(buildDir: string, hashedWhileRead: readonly string[] = []): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(buildDir, FILES.manifest), "utf8")) as Manifest;
  } catch (err) {
    throw new QaError("INDEX_CORRUPT", `The index manifest in ${buildDir} is missing or unreadable.`, REBUILD_HINT, { cause: err });
  }
  if (!manifest || typeof manifest !== "object") {
    throw new QaError("INDEX_CORRUPT", `The index manifest in ${buildDir} is not an object.`, REBUILD_HINT);
  }
  if (manifest.formatVersion !== FORMAT_VERSION) {
    throw new QaError(
      "INDEX_VERSION",
      `The index was written in format ${String(manifest.formatVersion)}; this version reads format ${FORMAT_VERSION}.`,
      REBUILD_HINT,
    );
  }
  const { checksum, ...body } = manifest;
  if (checksum !== sha256(JSON.stringify(body))) {
    throw new QaError("INDEX_CORRUPT", `The index manifest in ${buildDir} does not match its checksum (damaged or edited).`, REBUILD_HINT);
  }
  if (!manifest.files || typeof manifest.files !== "object") {
    throw new QaError("INDEX_CORRUPT", `The index manifest in ${buildDir} lists no files.`, REBUILD_HINT);
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    const file = path.join(buildDir, name);
    let actual: FileEntry;
    try {
      // The size first: a truncated file is caught without reading it.
      if (fs.statSync(file).size !== expected.bytes) throw new QaError("INDEX_CORRUPT", `Index file ${name} does not match its manifest (corrupt or changed).`, REBUILD_HINT);
      actual = hashedWhileRead.includes(name) ? expected : hashFile(file);
    } catch (err) {
      if (err instanceof QaError) throw err;
      throw new QaError("INDEX_CORRUPT", `Index file ${name} is missing (partial index in ${buildDir}).`, REBUILD_HINT);
    }
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
      throw new QaError("INDEX_CORRUPT", `Index file ${name} does not match its manifest (corrupt or changed).`, REBUILD_HINT);
    }
  }
  return manifest;
}

/**
 * Parses an NDJSON data file of a build, one value per line, read in blocks. With `expected`, the
 * blocks are hashed as they are read and a file that does not match is refused (INDEX_CORRUPT).
 */
export function readNdjsonFile<T>(buildDir: string, name: string, expected?: FileEntry): T[] {
  const out: T[] = [];
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  let line = 0;
  const parse = (text: string) => {
    line++;
    if (!text) return;
    try {
      out.push(JSON.parse(text) as T);
    } catch (err) {
      throw new QaError("INDEX_CORRUPT", `Index file ${name} has a line that is not valid JSON (line ${line}).`, REBUILD_HINT, { cause: err });
    }
  };
  // Blocks are cut after their last line break (never inside a UTF-8 sequence), so each piece decodes alone.
  let rest: Buffer = Buffer.alloc(0);
  for (const block of fileBlocks(path.join(buildDir, name))) {
    hash.update(block);
    bytes += block.length;
    const data = rest.length ? Buffer.concat([rest, block]) : block;
    const end = data.lastIndexOf(10) + 1;
    for (const text of data.toString("utf8", 0, end).split("\n")) parse(text);
    line--; // the empty piece after the block's last line break
    rest = Buffer.from(data.subarray(end));
  }
  parse(rest.toString("utf8"));
  if (expected && (bytes !== expected.bytes || hash.digest("hex") !== expected.sha256)) {
    throw new QaError("INDEX_CORRUPT", `Index file ${name} does not match its manifest (corrupt or changed).`, REBUILD_HINT);
  }
  return out;
}

/** Parses one JSON data file of a verified build. */
export function readJsonFile<T>(buildDir: string, name: string): T {
  try {
    return JSON.parse(fs.readFileSync(path.join(buildDir, name), "utf8")) as T;
  } catch (err) {
    throw new QaError("INDEX_CORRUPT", `Index file ${name} is not valid JSON.`, REBUILD_HINT, { cause: err });
  }
}
