import path from "node:path";
import type { Command } from "commander";
import { addDocuments, type AddDocumentsReport } from "../core/add-documents.js";
import { buildOptionsFor, describeModel } from "../index/build.js";
import { cliContext, rebuildAndReport, type CliContext } from "./context.js";
import { createProgress } from "./progress.js";

const HELP = `
Without options the whole index is rebuilt from SEEDS_DIR.

--add and --remove update the live index without a full rebuild: only the new pages are parsed and
embedded, with the model the index was built with (EMBEDDING_MODEL must be the same); a keyword-only
index stays keyword-only. Pages are known by file name: adding a page whose name is indexed replaces
it, and re-adding an unchanged page does nothing. --remove is applied before --add.
--add takes e-paper PDF pages, saved web articles (HTML) and UTF-8 text, told apart by their content;
a PDF or HTML file becomes a text page of the same name with .txt (page.pdf → page.txt). The date comes
from the masthead, else the PDF / HTML metadata, else a date in the file name (2024-11-07, 20241107).
Files over ADD_MAX_MB (default 20) are refused.
SEEDS_DIR is kept in step: added pages are copied into it and removed pages are deleted from it, so a
later full rebuild gives the same index.

Every run writes a new build next to the live one and swaps it in atomically: a failed or killed run
leaves the previous index answering. Only one writer at a time; another one stops with INDEX_LOCKED.

Examples:
  npm run -s cli -- index
  npm run -s cli -- index --add ~/pages/005_new_issue.txt
  npm run -s cli -- index --add ~/Downloads/cjrb-2024-11-07-p1.pdf ~/Downloads/grain-reserve-article.html
  npm run -s cli -- index --remove 003_2a3bfdafac07cb06.txt
`;

export function registerIndex(program: Command): void {
  program
    .command("index")
    .description("Rebuild the index from SEEDS_DIR into INDEX_DIR, or update it in place with --add / --remove.")
    .option("--add <files...>", "add these pages (PDF, HTML or .txt, any path) or replace the indexed page of the same name; copied into SEEDS_DIR")
    .option("--remove <sources...>", "take these pages out (seed file names, e.g. 003_2a3bfdafac07cb06.txt); deleted from SEEDS_DIR")
    .addHelpText("after", HELP)
    .action(async (options: { add?: string[]; remove?: string[] }) => {
      const ctx = cliContext();
      if (!options.add && !options.remove) {
        await rebuildAndReport(ctx, process.stdout);
        return;
      }
      const { update: report, documents } = await updateFromCli(ctx, options.add ?? [], options.remove ?? []);
      if (report.unknown.length) {
        const indexed = report.manifest.seeds.map((s) => s.name).join(", ");
        process.stderr.write(`Not in the index: ${report.unknown.join(", ")}. Indexed pages: ${indexed}. Nothing was changed.\n`);
        process.exitCode = 1;
        return;
      }
      for (const line of describeUpdate(report, documents, ctx)) process.stdout.write(`${line}\n`);
    });
}

/** Incremental update with a progress bar on stderr (only on a terminal). */
async function updateFromCli({ config }: CliContext, add: string[], remove: string[]): Promise<AddDocumentsReport> {
  const progress = createProgress();
  try {
    const build = buildOptionsFor(config, { onProgress: (stage, done, total) => progress.update(stage, done, total) });
    return await addDocuments({ ...build, add, remove, maxBytes: config.addMaxBytes });
  } finally {
    progress.stop();
  }
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
