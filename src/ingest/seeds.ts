import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { QaError } from "../errors.js";
import { decodeText } from "./encoding.js";

/** One seed page as read from disk: decoded text plus a fingerprint of the raw bytes. */
export interface SeedFile {
  /** File name inside the seeds folder, e.g. `003_2a3bfdafac07cb06.txt`. */
  name: string;
  /** The page's text (decoded from `encoding`) without a byte-order mark; line endings normalised to `\n`. */
  text: string;
  /** The encoding the file was read in: "UTF-8", or "GB18030", "Big5", "UTF-16LE", "UTF-16BE" (see encoding.ts). */
  encoding: string;
  /** Hex SHA-256 of the raw bytes — lets the index notice a changed seed. */
  sha256: string;
  bytes: number;
}

/** What a seeds folder yielded: the usable pages and one warning per skipped file. */
export interface SeedFolder {
  files: SeedFile[];
  warnings: string[];
}

/**
 * A file's text as a seed page, or why it cannot be one. Binary and empty files are skipped (not
 * fatal) so one stray file does not block indexing the rest of the folder.
 */
function readPage(bytes: Buffer): { text: string; encoding: string } | { reason: string } {
  if (bytes.length === 0) return { reason: "it is empty" };
  const decoded = decodeText(bytes);
  if (!decoded) return { reason: bytes.includes(0) ? "it looks binary (NUL bytes)" : `it is not text in ${READ_ENCODINGS}` };
  if (!decoded.text.trim()) return { reason: "it holds only whitespace" };
  return { text: decoded.text.replace(/\r\n?/g, "\n"), encoding: decoded.encoding };
}

/** The encodings a seed page may be in, as messages name them. */
export const READ_ENCODINGS = "UTF-8, GBK/GB18030, Big5 or UTF-16";

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
      "Create the folder and put the news pages (*.txt) in it, or point SEEDS_DIR at the right folder.",
      { cause },
    );
  }

  const txt = names.filter((name) => name.toLowerCase().endsWith(".txt")).sort();
  if (txt.length === 0) {
    throw new QaError(
      "SEEDS_EMPTY",
      `No .txt pages in seeds folder ${where}`,
      "Add the news pages as .txt files (one page per file) and run again.",
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
    const page = readPage(bytes);
    if ("reason" in page) {
      warnings.push(`Skipped ${name}: ${page.reason}.`);
      continue;
    }
    files.push({
      name,
      text: page.text,
      encoding: page.encoding,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: bytes.length,
    });
  }

  if (files.length === 0) {
    throw new QaError(
      "SEEDS_EMPTY",
      `No usable pages in seeds folder ${where}: ${warnings.join(" ")}`,
      `Replace the listed files with text pages in ${READ_ENCODINGS} (no binary, no empty files) and run again.`,
    );
  }
  return { files, warnings };
}
