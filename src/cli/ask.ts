import type { Command } from "commander";
import { validateQuestion } from "../answer/question.js";
import { toJsonContract } from "../answer/types.js";
import { cliContext } from "./context.js";
import { renderAnswer } from "./render.js";

export function registerAsk(program: Command): void {
  program
    .command("ask")
    .description("Answer one question from the index, with numbered sources.")
    .argument("<question...>", "the question, in Chinese or English")
    .option("--json", 'print exactly one JSON line: {"question","answer","found","citations":[…]}')
    .action(async (words: string[], options: { json?: boolean }) => {
      // Bad input is refused before the index, the segmenter and the model are loaded.
      validateQuestion(words.join(" "));
      const ctx = await cliContext();
      const { openQaService } = await import("../core/service.js");
      const qa = await openQaService(ctx.config, { logger: ctx.logger });
      try {
        const answer = await qa.answer(words.join(" "));
        process.stdout.write(options.json ? `${JSON.stringify(toJsonContract(answer))}\n` : `${renderAnswer(answer)}\n`);
      } finally {
        await qa.close();
      }
    });
}
