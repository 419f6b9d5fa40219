import type { Command } from "commander";
import { cliContext } from "./context.js";

const HELP = `
Every file dropped in INBOX_DIR (e-paper PDF pages, saved web articles, UTF-8 text) is added to the
index the way index --add adds it, once it has stopped changing for a few seconds. Temporary names
(*.part, *~, dot-files) are never read. Added files move to INBOX_DIR/done/, refused ones to
INBOX_DIR/failed/ with <name>.reason.txt holding the coded error; a file whose content was added
before moves to done/ without being added again. Files that land together are added as one update.
The running bot (npm start with TELEGRAM_BOT_TOKEN) watches INBOX_DIR itself; this command is for a
deployment without the bot. Ctrl+C stops it after the run in progress. See docs/inbox.md.

Examples:
  INBOX_DIR=/srv/qa/inbox npm run -s cli -- watch
  INBOX_DIR=/srv/qa/inbox npm run -s cli -- watch --once    # from cron
`;

export function registerWatch(program: Command): void {
  program
    .command("watch")
    .description("Add the files dropped in INBOX_DIR to the index as they land (done/ and failed/ beside them).")
    .option("--once", "add what is in the inbox now (once it has settled), then exit")
    .addHelpText("after", HELP)
    .action(async (options: { once?: boolean }) => {
      const { config, logger } = await cliContext();
      const [{ startInboxWatcher }, { DEFAULT_SETTLE_MS }, { describeRun }] = await Promise.all([
        import("../inbox/watch.js"),
        import("../inbox/ready.js"),
        import("../core/status.js"),
      ]);
      const print = (lines: string[]) => process.stdout.write(lines.map((line) => `${line}\n`).join(""));
      const watcher = await startInboxWatcher(config, logger, {
        ...(options.once ? { intervalMs: 0 } : {}),
        printsFiles: true,
        onRun: (run) => void print(describeRun(run)),
      });
      if (options.once) {
        // Two looks a settle time apart: a file still being written is left for the next run.
        await watcher.poll();
        await new Promise((resolve) => setTimeout(resolve, DEFAULT_SETTLE_MS));
        const run = await watcher.poll();
        await watcher.close();
        if (!run) print([`Nothing ready in ${config.inboxDir}.`]);
        if (run?.error || run?.files.some((f) => f.outcome === "failed")) process.exitCode = 1;
        return;
      }
      process.stderr.write(`Watching ${config.inboxDir} (Ctrl+C to stop).\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void watcher.close().then(resolve);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}
