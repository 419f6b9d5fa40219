import type { Answer } from "../answer/types.js";
import { cleanFileName } from "../ingest/file-names.js";

type Citation = Answer["citations"][number];

/** One source line; a page name is shown without line breaks or bidi overrides, so it cannot forge a line. */
const sourceLine = (c: Citation, i: number) => `[${i + 1}] ${c.paper ?? "—"} · ${c.date ?? "undated"} · ${c.headline} (${cleanFileName(c.source)})`;

/** Plain-text rendering for the terminal: the answer, then numbered sources. */
export function renderAnswer(answer: Answer): string {
  // A news answer (latest, a paper, an overview) quotes every source in its text already.
  const quoted = (answer.intent ?? "fact") === "fact";
  const lines = [answer.answer];
  if (answer.citations.length) {
    lines.push("", answer.found ? (answer.lang === "zh" ? "来源：" : "Sources:") : answer.lang === "zh" ? "相关报道：" : "Related:");
    answer.citations.forEach((c, i) => {
      lines.push(sourceLine(c, i));
      if (quoted) lines.push(`    “${c.quote}”`);
    });
  }
  return lines.join("\n");
}

/** Full passages behind an answer, for `/sources`. */
export function renderSources(answer: Answer | null): string {
  if (!answer || !answer.citations.length) return "No sources yet — ask a question first.";
  return answer.citations
    .map((c, i) => `${sourceLine(c, i)}\n${c.passage}`)
    .join("\n\n");
}
