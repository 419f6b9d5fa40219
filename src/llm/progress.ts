import type { Citation } from "../answer/types.js";
import { verifyGrounded } from "./verify.js";

/**
 * Turns the raw token stream into the text a front end may show while the answer is being written:
 * whole sentences only, each checked against the passages before it is shown, so a reader never
 * sees a figure the sources do not state — not even for the seconds before the final check.
 * Once a sentence fails, nothing more is shown (the final answer will be the extractive one).
 */
export function createProgress(citations: Citation[], onDelta: ((textSoFar: string) => void) | undefined, onError: (err: unknown) => void) {
  let shown = 0;
  let failed = false;
  return (raw: string): void => {
    if (!onDelta || failed) return;
    const text = withoutThinking(raw);
    const end = lastSentenceEnd(text);
    if (end <= shown) return;
    const prefix = text.slice(0, end).trim();
    if (!prefix) return;
    if (!verifyGrounded(prefix, citations, { partial: true }).ok) {
      failed = true;
      return;
    }
    shown = end;
    try {
      onDelta(prefix);
    } catch (err) {
      onError(err); // a front end's rendering bug must not cost the reader the answer
    }
  };
}

/**
 * Reasoning models (Qwen3, DeepSeek-R1 through Ollama or llama.cpp) may put their thinking in the
 * content inside <think>…</think>; it is not the answer, and an unfinished block is dropped too.
 */
export function withoutThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?(?:<\/think>|$)/g, "").trimStart();
}

/**
 * End of the last complete sentence outside any quote. A "." counts only before whitespace, since at
 * the end of a chunk it may be a decimal point ("1." then "45万").
 */
function lastSentenceEnd(text: string): number {
  let end = 0;
  let depth = 0;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "“" || ch === "「" || ch === "『") depth++;
    else if ((ch === "”" || ch === "」" || ch === "』") && depth > 0) depth--;
    else if (ch === '"') straight = !straight;
    if (depth > 0 || straight) continue;
    const closesQuote = ch === "”" || ch === "」" || ch === "』" || ch === '"';
    const prev = text[i - 1] ?? "";
    if ("。！？!?\n".includes(ch) || (ch === "." && /\s/.test(text[i + 1] ?? "x"))) end = i + 1;
    else if (closesQuote && "。！？!?.".includes(prev)) end = i + 1; // “…。” ends the sentence after the quote
  }
  return end;
}
