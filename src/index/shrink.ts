/**
 * A full build that would take most of the live index's articles away — SEEDS_DIR pointed at the
 * wrong folder, a folder half copied, pages of another encoding skipped — is refused unless asked
 * for (`index --allow-shrink`, `/reindex allow-shrink`): the live index stays answering.
 */
import fs from "node:fs";
import path from "node:path";
import { QaError } from "../errors.js";
import { FILES } from "./manifest.js";

/** Share of the live articles a build may drop without --allow-shrink (default: more than half is refused). */
export const DEFAULT_MAX_SHRINK = 0.5;

export interface ShrinkOptions {
  /** Build anyway, however many articles are dropped. Default false. */
  allowShrink?: boolean;
  /** Share of the live index's articles a build may drop (0–1). Default DEFAULT_MAX_SHRINK. */
  maxShrink?: number;
}

/** The live build's article count, or null when there is no readable live build (nothing to lose). */
export function liveArticleCount(indexDir: string): number | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(indexDir, "current", FILES.manifest), "utf8")) as { counts?: { articles?: unknown } };
    const articles = manifest.counts?.articles;
    return typeof articles === "number" ? articles : null;
  } catch {
    return null;
  }
}

/** INDEX_SHRINK when a build of `next` articles would drop more than the allowed share of `live`. */
export function checkShrink(live: number | null, next: number, skipped: readonly string[], options: ShrinkOptions): void {
  if (options.allowShrink || live === null || live === 0) return;
  const max = options.maxShrink ?? DEFAULT_MAX_SHRINK;
  if (next >= live * (1 - max)) return;
  const why = skipped.length ? ` ${skipped.join(" ")}` : "";
  throw new QaError(
    "INDEX_SHRINK",
    `The new build would hold ${next} articles, the live index ${live}: more than ${Math.round(max * 100)} % would be dropped, so it was not swapped in.${why}`,
    "Check SEEDS_DIR (the right folder? every page there?). If the drop is intended: npm run -s cli -- index --allow-shrink (in the bot: /reindex allow-shrink).",
  );
}
