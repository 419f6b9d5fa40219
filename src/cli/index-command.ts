import type { Command } from "commander";
import { updateIndex, type UpdateReport } from "../index/update.js";
import { buildOptionsFor, describeModel } from "../index/build.js";
import { cliContext, rebuildAndReport, type CliContext } from "./context.js";
import { createProgress } from "./progress.js";

const HELP = `
Without options the whole index is rebuilt from SEEDS_DIR.

--add and --remove update the live index without a full rebuild: only the new pages are parsed and
embedded, with the model the index was built with (EMBEDDING_MODEL must be the same); a keyword-only
index stays keyword-only. Pages are known by file name: adding a page whose name is indexed replaces
it, and re-adding an unchanged page does nothing. --remove is applied before --add.
SEEDS_DIR is kept in step: added pages are copied into it and removed pages are deleted from it, so a
later full rebuild gives the same index.

Every run writes a new build next to the live one and swaps it in atomically: a failed or killed run
leaves the previous index answering. Only one writer at a time; another one stops with INDEX_LOCKED.

Examples:
  npm run -s cli -- index
  npm run -s cli -- index --add ~/pages/005_new_issue.txt
  npm run -s cli -- index --remove 003_2a3bfdafac07cb06.txt
`;

export function registerIndex(program: Command): void {
  program
    .command("index")
    .description("Rebuild the index from SEEDS_DIR into INDEX_DIR, or update it in place with --add / --remove.")
    .option("--add <files...>", "add these pages (.txt, any path) or replace the indexed page of the same name; copied into SEEDS_DIR")
    .option("--remove <sources...>", "take these pages out (seed file names, e.g. 003_2a3bfdafac07cb06.txt); deleted from SEEDS_DIR")
    .addHelpText("after", HELP)
    .action(async (options: { add?: string[]; remove?: string[] }) => {
      const ctx = cliContext();
      if (!options.add && !options.remove) {
        await rebuildAndReport(ctx, process.stdout);
        return;
      }
      const report = await updateFromCli(ctx, options.add ?? [], options.remove ?? []);
      if (report.unknown.length) {
        const indexed = report.manifest.seeds.map((s) => s.name).join(", ");
        process.stderr.write(`Not in the index: ${report.unknown.join(", ")}. Indexed pages: ${indexed}. Nothing was changed.\n`);
        process.exitCode = 1;
        return;
      }
      for (const line of describeUpdate(report, ctx)) process.stdout.write(`${line}\n`);
    });
}

/** Incremental update with a progress bar on stderr (only on a terminal). */
async function updateFromCli({ config }: CliContext, add: string[], remove: string[]): Promise<UpdateReport> {
  const progress = createProgress();
  try {
    return await updateIndex({ ...buildOptionsFor(config, { onProgress: (stage, done, total) => progress.update(stage, done, total) }), add, remove });
  } finally {
    progress.stop();
  }
}

function describeUpdate(report: UpdateReport, { config }: CliContext): string[] {
  const { manifest } = report;
  const counts = (s: { articles: number; passages: number }) => `${s.articles} articles, ${s.passages} passages`;
  const lines = [
    ...report.unchanged.map((name) => `Unchanged: ${name} (same SHA-256 as indexed), nothing to do.`),
    ...report.added.map((s) => `Added ${s.name}: ${counts(s)} (copied into ${config.seedsDir}).`),
    ...report.replaced.map((s) => `Replaced ${s.name}: now ${counts(s)} (copied into ${config.seedsDir}).`),
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
