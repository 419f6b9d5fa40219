import type { Command } from "commander";
import { cliContext, rebuildIndex, summarizeBuild } from "./context.js";

export function registerIndex(program: Command): void {
  program
    .command("index")
    .description("Rebuild the index from SEEDS_DIR into INDEX_DIR (clean → articles → passages → embeddings → HNSW + BM25).")
    .action(async () => {
      const ctx = cliContext();
      const report = await rebuildIndex(ctx);
      for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
      process.stdout.write(`${summarizeBuild(report)}\n`);
    });
}
