import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The real seed pages the ingest tests run on. */
export const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../seeds");

/** File name of the seed page whose name starts with `prefix` ("000" … "004"). */
export function seedName(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((n) => n.startsWith(prefix) && n.endsWith(".txt"));
  if (!name) throw new Error(`no seed ${prefix}* in ${SEEDS_DIR}`);
  return name;
}

/** Raw text of the seed page whose name starts with `prefix`. */
export function seedText(prefix: string): string {
  return readFileSync(path.join(SEEDS_DIR, seedName(prefix)), "utf8");
}

export const SEED_PREFIXES = ["000", "001", "002", "003", "004"] as const;
