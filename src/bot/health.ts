/**
 * What GET /healthz reports in webhook mode: healthy while the live index build is still on disk
 * and readable. The core answers from memory, so a deleted or unreadable build would go unnoticed
 * until the next reload or restart fails — a health check should say so first.
 */
import fs from "node:fs";
import path from "node:path";
import type { QaService } from "../core/types.js";
import { FILES } from "../index/manifest.js";

export type Health = { ok: true } | { ok: false; reason: string };

/** Whether the live build's folder and manifest can be read. Never throws. */
export function indexHealth(qa: QaService): Health {
  let buildDir: string;
  try {
    buildDir = qa.info().buildDir;
  } catch {
    return { ok: false, reason: "the index is not loaded" };
  }
  try {
    fs.accessSync(buildDir, fs.constants.R_OK | fs.constants.X_OK);
    fs.accessSync(path.join(buildDir, FILES.manifest), fs.constants.R_OK);
    return { ok: true };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === "ENOENT" ? "the live index build is gone" : "the live index build is unreadable" };
  }
}
