import type { Citation } from "../answer/types.js";

export interface ChatMessage {
  role: "system" | "user";
  content: string;
}

const LANGUAGE = { zh: "简体中文 (Simplified Chinese)", en: "English" } as const;
const DONT_KNOW = { zh: "现有报道中没有找到这个问题的答案。", en: "The articles don't say." } as const;

/**
 * The rules the model answers under. Every rule mirrors a check in `verifyGrounded`, so a model that
 * follows them passes and one that does not falls back to the extractive answer.
 */
export function systemPrompt(lang: "zh" | "en"): string {
  return [
    "You answer readers' questions about local news (Changji Daily and other papers).",
    "Use ONLY the numbered passages in the user's message. Do not add outside knowledge, estimates, sums or conversions of your own.",
    `Write the answer in ${LANGUAGE[lang]}, the language of the question.`,
    "Lead with the figure, date or name that answers the question, then one or two short sentences of context.",
    "Cite the passage each statement comes from with its number in square brackets, e.g. [1] or [1][2]. Only cite numbers that exist.",
    "Copy every number and date exactly as the passage gives it; never round. In English you may write a Chinese figure in full (1.45万 as 14,500; 40亿元 as 4 billion yuan).",
    "If you quote Chinese text, quote it exactly, inside “ ”.",
    `If the passages do not answer the question, reply only: ${DONT_KNOW[lang]}`,
  ].join("\n");
}

/** One numbered source as the model sees it: paper, date and headline, then the full passage. */
export function formatSource(c: Citation, n: number): string {
  const head = [c.paper ?? "(paper unknown)", c.date ?? "(undated)", `《${c.headline}》`].join(" · ");
  return `[${n}] ${head}\n${c.passage.trim()}`;
}

/**
 * The chat messages for one question: the rules, then a user message holding only the question and
 * the retrieved passages numbered as the reader will see them (citation 1 is [1]).
 */
export function buildMessages(question: string, lang: "zh" | "en", citations: Citation[]): ChatMessage[] {
  const sources = citations.map((c, i) => formatSource(c, i + 1)).join("\n\n");
  return [
    { role: "system", content: systemPrompt(lang) },
    { role: "user", content: `Question: ${question.trim()}\n\nPassages:\n\n${sources}` },
  ];
}
