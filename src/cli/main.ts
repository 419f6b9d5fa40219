#!/usr/bin/env node
import "dotenv/config";
import { Command, CommanderError } from "commander";
import { describeError, QaError } from "../errors.js";
import { redactSecrets } from "../redact.js";
import { registerArticles } from "./articles.js";
import { registerAsk } from "./ask.js";
import { registerBot } from "./bot.js";
import { registerChat } from "./chat.js";
import { registerIndex } from "./index-command.js";
import { registerReport } from "./report.js";
import { registerStatus } from "./status.js";
import { registerWatch } from "./watch.js";

/** The command-line front end: `npm run -s cli -- <command>`. Every command has `--help`. */
const program = new Command()
  .name("cli")
  .description("Question answering over the Changji Daily pages in seeds/ — build the index, ask, chat, run the bot.")
  .showHelpAfterError("(add --help for usage)")
  .exitOverride();

registerIndex(program);
registerArticles(program);
registerAsk(program);
registerChat(program);
registerBot(program);
registerWatch(program);
registerStatus(program);
registerReport(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Commander already printed help or the usage error.
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`${describeError(err)}\n`);
    if (!(err instanceof QaError) && process.env.DEBUG) process.stderr.write(`${redactSecrets((err as Error).stack ?? "")}\n`);
    process.exitCode = 1;
  }
}
