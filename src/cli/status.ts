import type { Command } from "commander";
import { cliContext } from "./context.js";

export function registerStatus(program: Command): void {
  program
    .command("status")
    .description("Show the index (its newest issue), the inbox's last run and the files it refused.")
    .option("--json", "one JSON object: {index, indexError, newestIssue, inbox}")
    .action(async (options: { json?: boolean }) => {
      const { config } = await cliContext();
      const { describeStatus, readStatus } = await import("../core/status.js");
      const status = readStatus(config);
      process.stdout.write(options.json ? `${JSON.stringify(status)}\n` : describeStatus(status).map((line) => `${line}\n`).join(""));
      if (!status.index) process.exitCode = 1;
    });
}
