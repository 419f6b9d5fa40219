import { QaError } from "../errors.js";
import type { Article, ChunkOptions, Passage } from "./types.js";

/** Passage defaults: ~300 characters, repeating up to 60 characters of whole sentences. */
export const DEFAULT_CHUNK_OPTIONS: Readonly<ChunkOptions> = { size: 300, overlap: 60 };

/** A span of the article body that is never split further (a sentence, or a piece of a long one). */
interface Unit {
  start: number;
  end: number;
}

const TERMINAL = /[。！？!?；;…]/u;
const CLOSER = /[”’」』）)》"']/u;
const COMMA = /[，、,：:]/u;
const WORD = /[A-Za-z0-9]/;
/** A token (a number, a Latin word, a URL) is kept whole up to this many passage sizes; past it, it is cut: text without punctuation or spaces must not become one 20 MB passage. */
const LONGEST_TOKEN = 4;

/** Sentences of one paragraph `[from, to)`: each ends after 。！？； (and closing quotes). */
function sentences(body: string, from: number, to: number): Unit[] {
  const out: Unit[] = [];
  let start = from;
  let i = from;
  while (i < to) {
    if (TERMINAL.test(body[i]!)) {
      let end = i + 1;
      while (end < to && (TERMINAL.test(body[end]!) || CLOSER.test(body[end]!))) end++;
      out.push({ start, end });
      start = end;
      i = end;
    } else i++;
  }
  if (start < to) out.push({ start, end: to });
  return out;
}

/** True when cutting before `at` would split a number, a Latin word, or a surrogate pair. */
function splitsToken(body: string, at: number): boolean {
  const a = body[at - 1] ?? "";
  const b = body[at] ?? "";
  if (WORD.test(a) && WORD.test(b)) return true;
  const code = body.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Cuts a sentence longer than `size` at the last comma that fits (never a thousands separator
 * between digits); failing that, hard at `size`, moved back to the start of any number or Latin
 * word it would split. A single token longer than `size` stays whole, up to LONGEST_TOKEN × `size`.
 */
function cutLong(body: string, unit: Unit, size: number): Unit[] {
  const out: Unit[] = [];
  let start = unit.start;
  while (unit.end - start > size) {
    let cut = -1;
    for (let i = start + size - 1; i > start; i--) {
      const digitsAround = /[0-9]/.test(body[i - 1] ?? "") && /[0-9]/.test(body[i + 1] ?? "");
      if (COMMA.test(body[i]!) && !digitsAround) {
        cut = i + 1;
        break;
      }
    }
    if (cut < 0) {
      cut = start + size;
      while (cut > start && splitsToken(body, cut)) cut--;
      if (cut === start) {
        // One token longer than `size`: keep it whole (to a point), with the punctuation that closes it.
        const longest = Math.min(unit.end, start + LONGEST_TOKEN * size);
        cut = start + size;
        while (cut < longest && splitsToken(body, cut)) cut++;
        if (cut === longest && /[\udc00-\udfff]/.test(body[cut] ?? "")) cut--; // never between a surrogate pair
        while (cut < unit.end && (TERMINAL.test(body[cut]!) || CLOSER.test(body[cut]!) || COMMA.test(body[cut]!))) cut++;
      }
    }
    out.push({ start, end: cut });
    start = cut;
  }
  if (start < unit.end) out.push({ start, end: unit.end });
  return out;
}

/** All units of a body, paragraph by paragraph; the `\n` between paragraphs belongs to none. */
function units(body: string, size: number): Unit[] {
  const out: Unit[] = [];
  let from = 0;
  for (const para of body.split("\n")) {
    const to = from + para.length;
    for (const s of sentences(body, from, to)) {
      // Leading/trailing spaces are not content; keep spans tight so passages start on text.
      let { start, end } = s;
      while (start < end && body[start] === " ") start++;
      while (end > start && body[end - 1] === " ") end--;
      if (end > start) out.push(...cutLong(body, { start, end }, size));
    }
    from = to + 1;
  }
  return out;
}

function checkOptions(options: ChunkOptions): void {
  const { size, overlap } = options;
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(overlap) || overlap < 0 || overlap >= size) {
    throw new QaError(
      "CONFIG_INVALID",
      `Invalid chunking options: size ${size}, overlap ${overlap}`,
      "Use a whole CHUNK_SIZE of at least 1 and a CHUNK_OVERLAP from 0 up to less than CHUNK_SIZE (defaults 300 / 60).",
    );
  }
}

/**
 * Chunks one article body (`paragraphs.join("\n")`) into passages of at most `size` characters on
 * sentence boundaries. Each passage after the first repeats the previous passage's trailing whole
 * sentences, up to `overlap` characters. Ids count up from `firstId`.
 */
export function chunkArticle(article: Article, options: ChunkOptions, firstId: number): Passage[] {
  checkOptions(options);
  const { size, overlap } = options;
  const body = article.paragraphs.join("\n");
  const us = units(body, size);
  const passages: Passage[] = [];
  let next = 0; // first unit not yet in any passage
  let prevFirst = 0;
  while (next < us.length) {
    let first = next;
    if (passages.length) {
      const prevEnd = us[next - 1]!.end;
      while (first - 1 >= prevFirst && prevEnd - us[first - 1]!.start <= overlap) first--;
    }
    // Drop overlap sentences until at least one new sentence fits.
    while (first < next && us[next]!.end - us[first]!.start > size) first++;
    let last = next;
    while (last + 1 < us.length && us[last + 1]!.end - us[first]!.start <= size) last++;
    const start = us[first]!.start;
    const end = us[last]!.end;
    const text = body.slice(start, end);
    passages.push({
      id: firstId + passages.length,
      articleId: article.id,
      text,
      start,
      end,
      embedText: `${article.headline}\n${text}`,
    });
    prevFirst = first;
    next = last + 1;
  }
  return passages;
}

/**
 * Chunks every article (defaults: size 300, overlap 60) with passage ids dense from 0 in article
 * order — the ids are the vector index labels.
 */
export function chunkArticles(articles: Article[], options: Partial<ChunkOptions> = {}): Passage[] {
  const merged: ChunkOptions = { ...DEFAULT_CHUNK_OPTIONS, ...options };
  checkOptions(merged);
  const out: Passage[] = [];
  for (const article of articles) out.push(...chunkArticle(article, merged, out.length));
  return out;
}
