import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { QaError } from "../errors.js";

/** One seed page as read from disk: decoded text plus a fingerprint of the raw bytes. */
export interface SeedFile {
  /** File name inside the seeds folder, e.g. `003_2a3bfdafac07cb06.txt`. */
  name: string;
  /** UTF-8 text without a byte-order mark; line endings normalised to `\n`. */
  text: string;
  /** Hex SHA-256 of the raw bytes — lets the index notice a changed seed. */
  sha256: string;
  bytes: number;
}

/** What a seeds folder yielded: the usable pages and one warning per skipped file. */
export interface SeedFolder {
  files: SeedFile[];
  warnings: string[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Why a file cannot be used as a seed page, or null when it can. Binary and empty files are
 * skipped (not fatal) so one stray file does not block indexing the rest of the folder.
 */
function rejectReason(bytes: Buffer): string | null {
  if (bytes.length === 0) return "it is empty";
  if (bytes.includes(0)) return "it contains NUL bytes (looks binary)";
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return "it is not valid UTF-8";
  }
  if (!text.trim()) return "it holds only whitespace";
  return null;
}

function decode(bytes: Buffer): string {
  return utf8.decode(bytes).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/**
 * Reads every `*.txt` page in `dir`, sorted by name. Empty, binary or non-UTF-8 files are skipped
 * and reported in `warnings`; a missing folder throws `SEEDS_MISSING`, a folder with no usable
 * page throws `SEEDS_EMPTY`.
 */
export async function readSeedFiles(dir: string): Promise<SeedFolder> {
  const where = path.resolve(dir);
  let names: string[];
  try {
    if (!(await stat(where)).isDirectory()) throw new Error("not a directory");
    names = await readdir(where);
  } catch (cause) {
    throw new QaError(
      "SEEDS_MISSING",
      `Seeds folder not found: ${where}`,
      "Create the folder and put the news pages (*.txt, UTF-8) in it, or point SEEDS_DIR at the right folder.",
      { cause },
    );
  }

  const txt = names.filter((name) => name.toLowerCase().endsWith(".txt")).sort();
  if (txt.length === 0) {
    throw new QaError(
      "SEEDS_EMPTY",
      `No .txt pages in seeds folder ${where}`,
      "Add the news pages as UTF-8 .txt files (one page per file) and run again.",
    );
  }

  const files: SeedFile[] = [];
  const warnings: string[] = [];
  for (const name of txt) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(where, name));
    } catch (err) {
      warnings.push(`Skipped ${name}: it cannot be read (${err instanceof Error ? err.message : String(err)}).`);
      continue;
    }
    const reason = rejectReason(bytes);
    if (reason) {
      warnings.push(`Skipped ${name}: ${reason}.`);
      continue;
    }
    files.push({
      name,
      text: decode(bytes),
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: bytes.length,
    });
  }

  if (files.length === 0) {
    throw new QaError(
      "SEEDS_EMPTY",
      `No usable pages in seeds folder ${where}: ${warnings.join(" ")}`,
      "Replace the listed files with UTF-8 text pages (no binary, no empty files) and run again.",
    );
  }
  return { files, warnings };
}
