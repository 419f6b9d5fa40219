/**
 * What the bot says, as Telegram HTML. Pure: every function takes data and returns a string, and
 * every piece of article or user text goes through `escapeHtml` exactly once, here.
 */
import type { Answer, Citation } from "../answer/types.js";
import type { IndexInfo } from "../core/types.js";
import { QaError } from "../errors.js";
import { escapeHtml } from "./html.js";
import { renderNewsAnswer } from "./news-render.js";

/** Citations shown under an answer (all of them are in /sources). */
const MAX_CITATIONS = 5;

const LABELS = {
  en: {
    sources: "Sources",
    related: "Related (they do not answer it)",
    notFound: "The articles don't say.",
    asOf: (date: string) => `As of ${date}`,
    more: "/sources — the full passages",
    sourcesFor: "Sources for:",
  },
  zh: {
    sources: "来源",
    related: "相关报道（并未回答这个问题）",
    notFound: "报道中没有提到。",
    asOf: (date: string) => `截至 ${date}`,
    more: "/sources — 查看完整段落",
    sourcesFor: "问题：",
  },
} as const;

/** The commands the bot registers with setMyCommands (and lists in /help). */
export const COMMANDS = [
  { command: "ask", description: "Ask a question: /ask How many jobs did Changji add?" },
  { command: "latest", description: "The newest paper: headlines with their lead sentences" },
  { command: "paper", description: "A day's paper: /paper 2024-11-07 (or an issue number)" },
  { command: "sources", description: "Full passages behind the last answer" },
  { command: "about", description: "What is indexed: articles, passages, model, build time" },
  { command: "forget", description: "Delete your questions from the editors' question log" },
  { command: "help", description: "How to ask, in private chats and groups" },
  { command: "start", description: "What this bot knows, with an example" },
] as const;

/** Example questions for /start and /help; both resolve in the Changji Daily seeds. */
export const DEFAULT_EXAMPLES = ["How many jobs did Changji add this year?", "昌吉州今年新增城镇就业多少人？"];

/** `text` with the first occurrence of `figure` in bold; both escaped. */
function withFigure(text: string, figure: string | null): string {
  const at = figure ? text.indexOf(figure) : -1;
  if (!figure || at < 0) return escapeHtml(text);
  return escapeHtml(text.slice(0, at)) + `<b>${escapeHtml(figure)}</b>` + escapeHtml(text.slice(at + figure.length));
}

/** "昌吉日报 · 2026-04-22 · <b>headline</b>" — the parts that are known. */
function sourceLine(c: Citation): string {
  const parts = [c.paper, c.date].filter((p): p is string => Boolean(p)).map(escapeHtml);
  parts.push(`<b>${escapeHtml(c.headline || c.source)}</b>`);
  return parts.join(" · ");
}

function citationBlock(c: Citation, n: number, body: string): string {
  return `${n}. ${sourceLine(c)}\n<blockquote>${body}</blockquote>`;
}

/**
 * An answer: the figure or fact first, then numbered sources (paper, date, headline, quoted
 * sentence). A not-found answer is the core's plain wording ("the articles don't say", and what they
 * report instead when something is close), or "The articles don't say." when it has none.
 * Paragraphs are separated by blank lines, which is where `splitHtml` prefers to cut.
 */
export function renderAnswer(answer: Answer): string {
  if ((answer.intent ?? "fact") !== "fact") return renderNewsAnswer(answer);
  const t = LABELS[answer.lang];
  const citations = answer.citations.slice(0, MAX_CITATIONS);
  const blocks: string[] = [];
  if (answer.found) {
    let head = withFigure(answer.answer, answer.figure);
    if (answer.asOf && !answer.answer.includes(answer.asOf)) head += `\n<i>${escapeHtml(t.asOf(answer.asOf))}</i>`;
    blocks.push(head);
  } else {
    // The core words it ("the articles don't say", and what they report instead); shown as is.
    blocks.push(escapeHtml(answer.answer.trim() || t.notFound));
  }
  if (citations.length) {
    blocks.push(`<b>${escapeHtml(answer.found ? t.sources : t.related)}</b>`);
    citations.forEach((c, i) => blocks.push(citationBlock(c, i + 1, escapeHtml(c.quote))));
    blocks.push(`<i>${escapeHtml(t.more)}</i>`);
  }
  return blocks.join("\n\n");
}

/** The passage with the quoted sentence in bold (when it is found verbatim). */
function passageWithQuote(c: Citation): string {
  const passage = c.passage || c.quote;
  const at = c.quote ? passage.indexOf(c.quote) : -1;
  if (at < 0) return escapeHtml(passage);
  return escapeHtml(passage.slice(0, at)) + `<b>${escapeHtml(c.quote)}</b>` + escapeHtml(passage.slice(at + c.quote.length));
}

/** /sources: every citation of the last answer with its full passage. */
export function renderSources(answer: Answer | undefined): string {
  if (!answer) return "No answer yet in this chat — ask a question first, then send /sources.";
  if (!answer.citations.length) return `No sources behind the last answer (“${escapeHtml(answer.question)}”).`;
  const t = LABELS[answer.lang];
  const blocks = [`<b>${escapeHtml(t.sourcesFor)}</b> ${escapeHtml(answer.question)}`];
  answer.citations.forEach((c, i) => blocks.push(citationBlock(c, i + 1, passageWithQuote(c))));
  return blocks.join("\n\n");
}

function dateRange(info: IndexInfo): string {
  return info.dateRange ? `${info.dateRange.from} – ${info.dateRange.to}` : "undated pages";
}

/** /start: what the bot knows and an example question. */
export function renderStart(info: IndexInfo, examples: readonly string[] = DEFAULT_EXAMPLES): string {
  const papers = info.papers.length ? info.papers.join("、") : "local newspapers";
  return [
    `I answer questions about local news from <b>${escapeHtml(papers)}</b> (${escapeHtml(dateRange(info))}), ` +
      `${info.articles} articles. I quote the sentence the figure comes from and where it was printed.`,
    "我可以回答关于这些报道的问题，并给出原文出处。",
    `Try:\n${examples.map((q) => `• ${escapeHtml(q)}`).join("\n")}`,
    "/help for more.",
  ].join("\n\n");
}

/** /help, also the reply to unknown commands. */
export function renderHelp(botUsername: string, examples: readonly string[] = DEFAULT_EXAMPLES): string {
  const commands = COMMANDS.map((c) => `/${c.command} — ${escapeHtml(c.description)}`).join("\n");
  return [
    "Send me a question in Chinese or English and I answer from the indexed news articles, " +
      "figure first, with numbered sources.",
    `In groups, mention me (@${escapeHtml(botUsername)} your question), reply to one of my messages, or use /ask.`,
    `Examples:\n${examples.map((q) => `• ${escapeHtml(q)}`).join("\n")}`,
    commands,
  ].join("\n\n");
}

/** /about: index statistics. */
export function renderAbout(info: IndexInfo): string {
  const rows: Array<[string, string]> = [
    ["Articles", String(info.articles)],
    ["Passages", String(info.passages)],
    ["Seed files", String(info.files)],
    ["Papers", info.papers.join("、") || "—"],
    ["Dates", dateRange(info)],
    ["Model", info.vectors ? info.model : `${info.model} (keyword-only: no vectors)`],
    ["Answer decision", info.decision.unfittedModel ? `keyword-only (none fitted for ${info.decision.unfittedModel})` : info.decision.profile],
    ["Built at", info.builtAt],
  ];
  return ["<b>Index</b>", ...rows.map(([k, v]) => `${k}: ${escapeHtml(v)}`)].join("\n");
}

/** A QaError the user can act on: the message and the hint, never a stack trace. */
export function renderQaError(err: QaError): string {
  return `⚠️ ${escapeHtml(err.message)}\n<i>${escapeHtml(err.hint)}</i>`;
}

/** Anything else that went wrong while answering (the details go to the log, not the chat). */
export const FAILURE_TEXT = "Sorry — something went wrong while answering. Please try again in a moment.";

/** Stickers, voice, photos without a caption… */
export const NON_TEXT_TEXT =
  "I can only read text. Send your question as a message (or as a photo caption) — e.g. “昌吉州今年新增城镇就业多少人？”";

/** A chat outside ALLOWED_CHAT_IDS; the id lets the owner add it. */
export function notAllowedText(chatId: number): string {
  return `Sorry, this bot only answers in the chats its owner allowed. (This chat's id is <code>${chatId}</code> — the owner can add it to ALLOWED_CHAT_IDS.)`;
}

/** /ask without a question. */
export const ASK_USAGE_TEXT = "Usage: /ask &lt;question&gt; — e.g. /ask 昌吉州今年新增城镇就业多少人？";
