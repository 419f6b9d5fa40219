import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));

/**
 * Runs one `child.ts` measurement in a new Node process (tsx loader, --expose-gc) and returns
 * its JSON result. Used where the answer depends on what this process has already loaded.
 */
export function runFresh<T>(mode: "hnsw-load" | "index-memory" | "cold-start", ...args: string[]): T {
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", CHILD, mode, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = out.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as T;
}
