import { InvalidArgumentError, type Command } from "commander";
import { isSince } from "../question-log/report.js";
import { cliContext } from "./context.js";

/** Refuses a bad --since while the arguments are parsed (commander prints it with the usage). */
function sinceArgument(value: string): string {
  if (!isSince(value)) throw new InvalidArgumentError("use 24h, 7d, 2w or a day such as 2026-12-01.");
  return value;
}

/** `cli report`: what readers asked, from the question log in DATA_DIR (docs/editors.md). */
export function registerReport(program: Command): void {
  program
    .command("report")
    .description("What readers asked (the question log in DATA_DIR): per day, reply kinds, languages, topics, unanswered questions grouped, 👎 answers, slowest.")
    .option("--since <span>", "how far back: 24h, 7d, 2w, or a day YYYY-MM-DD", sinceArgument, "7d")
    .option("--json", "one JSON object: {from, to, questions, perDay, replies, languages, intents, feedback, topics, unanswered, disliked, slowest}")
    .action(async (options: { since: string; json?: boolean }) => {
      const { reportOf, parseSince } = await import("../question-log/report.js");
      const { config, logger } = await cliContext();
      if (!config.questionLog.enabled) {
        process.stderr.write("The question log is off (QUESTION_LOG=off): there is nothing to report.\n");
        process.exitCode = 1;
        return;
      }
      const [{ openQuestionLog }, { headlinesOf }] = await Promise.all([import("../question-log/index.js"), import("../core/status.js")]);
      const log = openQuestionLog(config, { logger });
      try {
        // The log's clock (TODAY when set): the report ends where its rows are stamped.
        const now = log.now();
        const since = parseSince(options.since, now)!;
        const report = reportOf(log, since, now, { headlineOf: headlinesOf(config) });
        if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
        else {
          const { describeReport } = await import("../question-log/describe.js");
          process.stdout.write(describeReport(report).map((line) => `${line}\n`).join(""));
        }
      } finally {
        log.close();
      }
    });
}
