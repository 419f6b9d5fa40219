import type { Command } from "commander";
import { cliContext } from "./context.js";

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
later full rebuild gives the same index. The change is journalled in INDEX_DIR/seeds-journal and
applied to SEEDS_DIR after the swap; a failed or killed update is finished or rolled back by the next
command. SEEDS_DIR must exist (SEEDS_MISSING otherwise). Pages may be UTF-8, GBK/GB18030, Big5 or UTF-16.

A full build that would drop more than half of the live index's articles (SEEDS_DIR pointed at the
wrong folder, pages skipped) is refused with INDEX_SHRINK and the live index keeps answering; give
--allow-shrink when the drop is intended. Skipped pages are listed on stderr.

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
    .option("--allow-shrink", "swap in a full build even when it holds less than half the live index's articles (refused with INDEX_SHRINK otherwise)")
    .addHelpText("after", HELP)
    .action(async (options: { add?: string[]; remove?: string[]; allowShrink?: boolean }) => {
      const ctx = await cliContext();
      // The build code (segmenter, dictionaries, model runtime) loads only when an index is written.
      const { rebuildAndReport, updateAndReport } = await import("./rebuild.js");
      if (!options.add && !options.remove) await rebuildAndReport(ctx, process.stdout, undefined, { allowShrink: options.allowShrink });
      else await updateAndReport(ctx, options.add ?? [], options.remove ?? []);
    });
}
