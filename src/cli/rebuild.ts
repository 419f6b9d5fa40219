import { buildIndex, buildOptionsFor, describeBuild, describeModel, type BuildOptions, type BuildReport } from "../index/build.js";
import path from "node:path";
import type { ShrinkOptions } from "../index/shrink.js";
import { addDocuments, type AddDocumentsReport } from "../core/add-documents.js";
import { systemOcr } from "../ingest/formats/ocr.js";
import type { Config } from "../config/index.js";
import type { CliContext } from "./context.js";
import { createProgress } from "./progress.js";

/**
 * Build options with progress on stderr (only on a terminal): a bar per stage, and a status line
 * while the model loads — which, for a model not downloaded yet, is the longest wait of all.
 */
function withProgressOnStderr(config: Config, loadEmbedder?: BuildOptions["loadEmbedder"]): { options: BuildOptions; stop: () => void } {
  const progress = createProgress();
  const options = buildOptionsFor(config, { onProgress: (stage, done, total) => progress.update(stage, done, total) });
  const load = loadEmbedder ?? options.loadEmbedder;
  const where = config.modelsDir ? "" : " (downloaded from the model hub the first time)";
  options.loadEmbedder = () => {
    progress.status(`loading the model ${config.embeddingModel}${where}…`);
    return load();
  };
  return { options, stop: () => progress.stop() };
}

/** Full rebuild with progress on stderr (only on a terminal); `loadEmbedder` overrides the configured loader. */
export async function rebuildIndex({ config }: CliContext, loadEmbedder?: BuildOptions["loadEmbedder"], shrink: ShrinkOptions = {}): Promise<BuildReport> {
  const { options, stop } = withProgressOnStderr(config, loadEmbedder);
  try {
    return await buildIndex({ ...options, ...shrink });
  } finally {
    stop();
  }
}

/** Full rebuild, then its warnings on stderr and its one-line summary on `out`. */
export async function rebuildAndReport(ctx: CliContext, out: NodeJS.WritableStream, loadEmbedder?: BuildOptions["loadEmbedder"], shrink: ShrinkOptions = {}): Promise<BuildReport> {
  const report = await rebuildIndex(ctx, loadEmbedder, shrink);
  for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
  out.write(`${describeBuild(report)}\n`);
  return report;
}

/**
 * `index --add/--remove`: the incremental update (PDF and HTML pages converted to text first), then
 * what changed on stdout. Unknown names to remove change nothing: they are listed on stderr with
 * the indexed pages, and the exit code is 1.
 */
export async function updateAndReport(ctx: CliContext, add: string[], remove: string[]): Promise<void> {
  const { options, stop } = withProgressOnStderr(ctx.config);
  let result: AddDocumentsReport;
  try {
    result = await addDocuments({ ...options, add, remove, maxBytes: ctx.config.addMaxBytes, ocr: systemOcr() });
  } finally {
    stop();
  }
  const { update: report, documents } = result;
  if (report.unknown.length) {
    const indexed = report.manifest.seeds.map((s) => s.name).join(", ");
    process.stderr.write(`Not in the index: ${report.unknown.join(", ")}. Indexed pages: ${indexed}. Nothing was changed.\n`);
    process.exitCode = 1;
    return;
  }
  for (const line of describeUpdate(report, documents, ctx)) process.stdout.write(`${line}\n`);
}

function describeUpdate(report: AddDocumentsReport["update"], documents: AddDocumentsReport["documents"], { config }: CliContext): string[] {
  const { manifest } = report;
  const counts = (s: { articles: number; passages: number }) => `${s.articles} articles, ${s.passages} passages`;
  const from = (name: string) => describeSource(documents.find((d) => d.name === name));
  const lines = [
    ...report.unchanged.map((name) => `Unchanged: ${name} (same SHA-256 as indexed), nothing to do.`),
    ...report.added.map((s) => `Added ${s.name}${from(s.name)}: ${counts(s)} (copied into ${config.seedsDir}).`),
    ...report.replaced.map((s) => `Replaced ${s.name}${from(s.name)}: now ${counts(s)} (copied into ${config.seedsDir}).`),
    ...report.removed.map((name) => `Removed ${name} (and its copy in ${config.seedsDir}).`),
  ];
  if (!report.changed) return lines;
  lines.push(`Index updated: ${manifest.counts.files} files, ${counts(manifest.counts)} in ${report.seconds.toFixed(1)} s (${describeModel(manifest)}).`);
  const { size, overlap } = manifest.chunking;
  if (size !== config.chunk.size || overlap !== config.chunk.overlap) {
    lines.push(
      `Note: the index keeps its chunking ${size}/${overlap}; CHUNK_SIZE/CHUNK_OVERLAP are ${config.chunk.size}/${config.chunk.overlap}. ` +
        "Run a full rebuild to apply them: npm run -s cli -- index",
    );
  }
  return lines;
}

/** ` from page.pdf (PDF, 2024-11-07)` for a converted document; nothing for a text page added as it is. */
function describeSource(doc: AddDocumentsReport["documents"][number] | undefined): string {
  if (!doc || doc.format === "text") return "";
  const dates = [...new Set(doc.articles.map((a) => a.date ?? "undated"))].join(", ");
  return ` from ${path.basename(doc.given)} (${doc.format.toUpperCase()}, ${dates || "no articles"})`;
}
