/**
 * Telegram HTML helpers (parse_mode "HTML"): escaping and splitting into messages.
 * Pure functions, no grammY — see https://core.telegram.org/bots/api#html-style
 */

/** Telegram's limit for one text message. */
export const MESSAGE_LIMIT = 4096;

/** Control characters other than tab and newline (NUL, ESC, DEL, C1…): never meant to be shown. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Escapes text for Telegram HTML: only `&`, `<`, `>` (and `"` for attribute values) need it.
 * Control characters are dropped: a reader's question echoed back must not carry NUL or ESC.
 */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A tag, an entity or one code point of text: the units a message may be cut between. */
interface Token {
  raw: string;
  kind: "open" | "close" | "entity" | "text";
  /** Tag name for open/close tokens. */
  name?: string;
}

const TOKEN = /<(\/?)([a-z][a-z0-9-]*)(?:\s[^>]*)?>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);|[\s\S]/giu;

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  for (const m of html.matchAll(TOKEN)) {
    const raw = m[0];
    if (m[2]) tokens.push({ raw, kind: m[1] ? "close" : "open", name: m[2].toLowerCase() });
    else tokens.push({ raw, kind: raw.length > 1 && raw.startsWith("&") ? "entity" : "text" });
  }
  return tokens;
}

/** How good a place it is to end a message right after tokens[i] (higher is better, -1: never). */
function breakQuality(tokens: Token[], i: number): number {
  const t = tokens[i]!;
  if (t.kind === "open") return -1; // never leave an empty element behind
  if (t.kind === "close") return 0;
  if (t.raw === "\n") return tokens[i - 1]?.raw === "\n" ? 4 : 3;
  if ("。！？；!?;".includes(t.raw)) return 2;
  if (t.raw === "." && /\s/.test(tokens[i + 1]?.raw ?? "")) return 2;
  if (/\s/.test(t.raw)) return 1;
  return 0;
}

/** A place to end a part: after tokens[end], with `stack` still open there. */
interface Cut {
  end: number;
  stack: Token[];
  quality: number;
}

const closing = (stack: Token[]) => stack.map((t) => `</${t.name}>`).reverse().join("");
const closingLength = (stack: Token[]) => stack.reduce((n, t) => n + t.name!.length + 3, 0);

function nextStack(stack: Token[], t: Token): Token[] {
  if (t.kind === "open") return [...stack, t];
  if (t.kind === "close") {
    const at = stack.map((s) => s.name).lastIndexOf(t.name);
    return at < 0 ? stack : stack.slice(0, at);
  }
  return stack;
}

/**
 * Splits Telegram HTML into messages of at most `limit` characters (raw HTML, so also after parsing).
 * Cuts preferably at paragraph breaks, then line breaks, sentence ends, spaces — never inside a tag
 * or an entity. Tags open at a cut are closed at the end of one part and reopened in the next, so
 * every part is valid HTML on its own. Parts with no visible text are dropped.
 */
export function splitHtml(html: string, limit: number = MESSAGE_LIMIT): string[] {
  if (html.length <= limit) return html.trim() ? [html] : [];
  const tokens = tokenize(html);
  const parts: string[] = [];
  let start = 0;
  let startStack: Token[] = [];
  while (start < tokens.length) {
    const prefix = startStack.map((t) => t.raw).join("");
    let length = prefix.length;
    let stack = startStack;
    // Best cut: the best-quality break (latest on ties) past a quarter of the part, else any break.
    let best: Cut | null = null;
    let bestEarly: Cut | null = null;
    let end = start;
    for (; end < tokens.length; end++) {
      const t = tokens[end]!;
      const after = nextStack(stack, t);
      if (length + t.raw.length + closingLength(after) > limit && end > start) break;
      length += t.raw.length;
      stack = after;
      const quality = breakQuality(tokens, end);
      if (quality < 0) continue;
      const candidate = { end, stack, quality };
      if (length < limit / 4) {
        if (!bestEarly || quality >= bestEarly.quality) bestEarly = candidate;
      } else if (!best || quality >= best.quality) best = candidate;
    }
    const cut = end >= tokens.length ? { end: tokens.length - 1, stack } : (best ?? bestEarly ?? { end: end - 1, stack });
    const body = tokens.slice(start, cut.end + 1).map((t) => t.raw).join("");
    const part = prefix + body + closing(cut.stack);
    if (visibleText(part).trim()) parts.push(part);
    start = cut.end + 1;
    startStack = cut.stack;
  }
  return parts;
}

/** The text a reader sees: tags removed, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}
