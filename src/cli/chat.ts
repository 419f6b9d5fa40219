import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import readline from "node:readline";
import type { Command } from "commander";
import type { Answer } from "../answer/types.js";
import type { QaService } from "../core/types.js";
import { startIndexWatcher } from "../core/watch.js";
import { describeError } from "../errors.js";
import { cliContext, type CliContext } from "./context.js";
import { ChatNews } from "./news.js";
import { renderAnswer, renderSources } from "./render.js";

const EXAMPLE = "昌吉州今年新增城镇就业多少人？";

const HELP = [
  "Ask about the news in Chinese or English, e.g.",
  `  ${EXAMPLE}`,
  "  How many jobs did Changji add this year?",
  "  最近有什么新闻？  /  Summarize the 2024-11-07 paper  /  Tell me about the coal-to-olefins project",
  "Commands: more (the next best sentences or articles), /article N (source N in full),",
  "/sources (full passages of the last answer), /good or /bad (your verdict on the last answer), /about, /help. Ctrl-D leaves.",
].join("\n");

/** The terminal's reader, for the question log (one reader per terminal session's user account). */
const TERMINAL = { frontEnd: "cli", chat: "private", user: "terminal" } as const;

const HISTORY_FILE = path.join(os.homedir(), ".changji_qa_history");

/** The interactive terminal chat over the answering core (readline with history). */
export async function runChat(qa: QaService, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const history = loadHistory();
  const rl = readline.createInterface({ input, output, terminal: Boolean((output as NodeJS.WriteStream).isTTY), history, historySize: 500 });
  const info = qa.info();
  output.write(
    `News Q&A — ${info.articles} articles from ${info.papers.join(", ") || "the seed pages"}. ` +
      `Ask in Chinese or English, e.g. ${EXAMPLE}; /help for more, Ctrl-D to leave.\n`,
  );
  let last: Answer | null = null;
  const news = new ChatNews(qa);
  rl.setPrompt("> ");
  rl.prompt();
  try {
    // The async iterator buffers lines, so pasted or piped questions are all answered in order;
    // it ends on Ctrl-D (end of input).
    for await (const line of rl) {
      const text = line.trim();
      const newsReply = await news.handle(text).catch((err: unknown) => describeError(err));
      if (newsReply !== null) output.write(`${newsReply}\n\n`);
      else if (text.startsWith("/")) output.write(`${command(text, qa, last)}\n`);
      else if (text) {
        try {
          last = await qa.answer(text, { sessionId: "terminal", asker: TERMINAL });
          news.remember(last);
          output.write(`${renderAnswer(last)}\n\n`);
          appendHistory(text);
        } catch (err) {
          output.write(`${describeError(err)}\n\n`);
        }
      }
      rl.prompt();
    }
  } finally {
    rl.close();
    output.write("\nBye.\n");
  }
}

function command(text: string, qa: QaService, last: Answer | null): string {
  const name = text.split(/\s+/)[0]!.toLowerCase();
  switch (name) {
    case "/help":
      return HELP;
    case "/sources":
      return renderSources(last);
    case "/good":
    case "/bad":
      if (!last) return "No answer yet — ask a question first.";
      return qa.feedback?.(last, name === "/good" ? "up" : "down") ? `Noted: ${name === "/good" ? "👍" : "👎"} on the last answer. Thank you.` : "That answer is not in the question log (QUESTION_LOG=off?), so the verdict is not kept.";
    case "/about": {
      const i = qa.info();
      return `${i.articles} articles, ${i.passages} passages, ${i.files} files; model ${i.model}${i.vectors ? "" : " (keyword-only)"}; ${i.decision.summary}; built ${i.builtAt}.`;
    }
    default:
      return `Unknown command ${name}.\n${HELP}`;
  }
}

function loadHistory(): string[] {
  try {
    return fs.readFileSync(HISTORY_FILE, "utf8").split("\n").filter(Boolean).reverse().slice(0, 500);
  } catch {
    return [];
  }
}

function appendHistory(line: string): void {
  try {
    fs.appendFileSync(HISTORY_FILE, `${line.replace(/\n/g, " ")}\n`);
  } catch {
    // History is a convenience; a read-only home must not break the chat.
  }
}

export function registerChat(program: Command): void {
  program
    .command("chat")
    .description("Interactive terminal chat over the same answering core (/help, /sources, Ctrl-D to leave).")
    .action(async () => {
      const ctx = await cliContext();
      const [{ openQaService }, { withQuestionLog }, { openQuestionLog }] = await Promise.all([import("../core/service.js"), import("../core/logged.js"), import("../question-log/index.js")]);
      await chatUntilDone(withQuestionLog(await openQaService(ctx.config, { logger: ctx.logger }), openQuestionLog(ctx.config, { logger: ctx.logger })), ctx);
    });
}

/**
 * The terminal chat over `qa` until end of input, then closes it. A rebuilt index (index,
 * index --add) is picked up without leaving the chat. Log lines are held while it runs — on a
 * terminal they would land between the prompts — and printed after it ends.
 */
export async function chatUntilDone(
  qa: QaService,
  { config, logger, logs }: CliContext,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const watcher = startIndexWatcher(qa, config, logger);
  logs.hold();
  try {
    await runChat(qa, input, output);
  } finally {
    watcher.close();
    await qa.close();
    logs.release();
  }
}
