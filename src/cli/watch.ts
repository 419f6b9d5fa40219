import type { Command } from "commander";
import { QaError } from "../errors.js";
import { cliContext } from "./context.js";

const HELP = `
Every file dropped in INBOX_DIR (e-paper PDF pages, saved web articles, UTF-8 text) is added to the
index the way index --add adds it, once it has stopped changing for a few seconds. Temporary names
(*.part, *~, dot-files) are never read. Added files move to INBOX_DIR/done/, refused ones to
INBOX_DIR/failed/ with <name>.reason.txt holding the coded error; a file whose content was added
before moves to done/ without being added again. Files that land together are added as one update.
With FEEDS set, the feeds are polled at start and every FEED_MINUTES, and new items' pages are added.
The running bot (npm start with TELEGRAM_BOT_TOKEN) does all this itself; this command is for a
deployment without the bot. Ctrl+C stops it after the run in progress. See docs/inbox.md.

Examples:
  INBOX_DIR=/srv/qa/inbox npm run -s cli -- watch
  INBOX_DIR=/srv/qa/inbox FEEDS=https://example.org/rss.xml npm run -s cli -- watch --once    # from cron
`;

export function registerWatch(program: Command): void {
  program
    .command("watch")
    .description("Add the files dropped in INBOX_DIR and new FEEDS items to the index as they come.")
    .option("--once", "add what is in the inbox now (once it has settled) and poll the feeds once, then exit")
    .addHelpText("after", HELP)
    .action(async (options: { once?: boolean }) => {
      const { config, logger } = await cliContext();
      if (!config.inboxDir && !config.feeds.urls.length) {
        throw new QaError("CONFIG_INVALID", "Neither INBOX_DIR nor FEEDS is set, so there is nothing to watch.", "Set INBOX_DIR to the folder pages are dropped in, or FEEDS to RSS/Atom feed URLs (see docs/inbox.md).");
      }
      const [{ startArrivals }, { DEFAULT_SETTLE_MS }, { describeFeedResult, describeRun }] = await Promise.all([
        import("../core/arrivals.js"),
        import("../inbox/ready.js"),
        import("../core/status.js"),
      ]);
      let failures = 0;
      const print = (lines: string[]) => void process.stdout.write(lines.map((line) => `${line}\n`).join(""));
      const arrivals = await startArrivals(config, logger, {
        ...(options.once ? { inbox: { intervalMs: 0 }, feedIntervalMs: 0 } : {}),
        printsFiles: true,
        onInboxRun: (run) => {
          failures += run.files.filter((f) => f.outcome === "failed").length + (run.error ? 1 : 0);
          print(describeRun(run));
        },
        onFeedPoll: (results) => {
          for (const [url, result] of Object.entries(results)) {
            failures += result.failed.length + (result.error ? 1 : 0);
            print(describeFeedResult(url, result).map((line) => `Feed ${line}`));
          }
        },
      });
      if (options.once) {
        // Two looks a settle time apart: a file still being written is left for the next run.
        const { inbox, feeds } = arrivals;
        const [first] = await Promise.all([inbox?.poll(), feeds?.poll()]);
        let run = first ?? null;
        if (inbox) {
          await new Promise((resolve) => setTimeout(resolve, DEFAULT_SETTLE_MS));
          run = (await inbox.poll()) ?? run;
          if (!run) print([`Nothing ready in ${config.inboxDir}.`]);
        }
        await arrivals.close();
        if (failures) process.exitCode = 1;
        return;
      }
      process.stderr.write(`Watching ${[config.inboxDir, ...config.feeds.urls].filter(Boolean).join(", ")} (Ctrl+C to stop).\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void arrivals.close().then(resolve);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}
