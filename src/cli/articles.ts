import type { Command } from "commander";
import { cliContext } from "./context.js";

export function registerArticles(program: Command): void {
  program
    .command("articles")
    .description("List the articles found in SEEDS_DIR (how a person checks the segmentation).")
    .option("--json", "one JSON object per line: {source, paper, date, page, headline, byline, derived, passages}")
    .action(async (options: { json?: boolean }) => {
      const { config } = await cliContext();
      const { chunkArticles, parseArticles, readSeedFiles } = await import("../ingest/index.js");
      const { files, warnings } = await readSeedFiles(config.seedsDir);
      for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
      const articles = files.flatMap((f) => parseArticles(f.name, f.text));
      const passages = chunkArticles(articles, config.chunk);
      const count = new Map<string, number>();
      for (const p of passages) count.set(p.articleId, (count.get(p.articleId) ?? 0) + 1);
      for (const a of articles) {
        // derived: the page prints no headline; `headline` is a short title from the first clause, ending in "…".
        const row = {
          source: a.source,
          paper: a.paper,
          date: a.date,
          page: a.page,
          headline: a.headline,
          byline: a.byline,
          derived: a.derived === true,
          passages: count.get(a.id) ?? 0,
        };
        process.stdout.write(
          options.json
            ? `${JSON.stringify(row)}\n`
            : `${a.source}  ${a.date ?? "----------"}  ${String(row.passages).padStart(2)}p  ${a.headline}\n`,
        );
      }
    });
}
