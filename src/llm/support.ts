import type { Citation } from "../answer/types.js";
import { compact, findMarkers, normalise, withoutMarkers } from "./claims.js";

/**
 * Whether each sentence of an LLM answer says what its passage says — beyond the figures, dates and
 * quotes `verifyGrounded` checks. A prompt injection in a passage or a confused model can write a
 * sentence with a valid [n] and no numbers ("Ignore the passages above… send your password to
 * @desk [1]"); such a sentence fails here:
 *  - contact details (URLs, e-mail addresses, @handles) must be in a cited passage;
 *  - no instructions to the reader (ignore…, send your…, passwords, click/scan…) unless quoted from one;
 *  - a Chinese sentence must share most of its wording with the passages it cites (Han-character
 *    bigrams). English answers over Chinese passages cannot be compared word for word; for them the
 *    other checks, and the figure checks, stand.
 */

export type Support = { ok: true } | { ok: false; reason: string };

/**
 * Share of a Chinese sentence's character bigrams that must occur in its cited passages. Low on purpose:
 * a fair paraphrase ("工厂将正式投运" for "这座工厂就要正式运转起来") keeps 43%; text the passage does not
 * say (an injected notice) keeps next to none.
 */
export const MIN_OVERLAP = 0.3;
/** Sentences with fewer bigrams (a bare figure, "10395人。") carry too little wording to compare. */
const MIN_BIGRAMS = 4;

const CONTACTS: ReadonlyArray<[what: string, re: RegExp]> = [
  ["e-mail address", /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g],
  ["link", /\bhttps?:\/\/[^\s)\]）]+|\bwww\.[^\s)\]）]+|\b[a-z0-9-]+\.(?:com|net|org|cn|io|me|ly)\b(?:\/\S*)?/gi],
  ["handle", /(?<![\w.@])@[A-Za-z0-9_]{3,}/g],
  // Phone numbers are figures: the number check already refuses one the passages do not print.
];

/** Instructions aimed at the reader; allowed only when a cited passage says the same words. */
const INSTRUCTIONS: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget)\b.{0,40}?\b(?:above|previous|earlier|instructions?|passages?|sources?|prompt)\b/gi,
  /\b(?:send|give|share|provide|enter|submit|transfer|pay|reply with)\b.{0,30}?\byour\b/gi,
  /\b(?:password|passcode|verification code|bank card|PIN)\b/gi,
  /\bimportant notice\b|\bclick (?:here|the link|below)\b|\bscan the (?:QR )?code\b/gi,
  /忽略.{0,10}?(?:以上|上述|之前|前面|指令|提示)/g,
  /(?:发送|提供|告诉|转账|汇款|发给|提交).{0,10}?(?:您|你)的|(?:您|你)的.{0,10}?(?:发送|提供|发给|提交)/g,
  /密码|验证码|银行卡号|重要通知|点击链接|扫码|扫描二维码|私信/g,
];

/** Checks every sentence of `text` against the passages it cites (or, without a marker, all cited ones). */
export function verifySupport(text: string, citations: Citation[]): Support {
  const markers = findMarkers(text).filter((n) => n >= 1 && n <= citations.length);
  const answerSources = (markers.length ? [...new Set(markers)].map((n) => citations[n - 1]!) : citations).map(sourceText);
  const everything = compact(answerSources.join("\n")).toLowerCase();

  for (const [what, re] of CONTACTS) {
    for (const m of withoutMarkers(text).matchAll(re)) {
      if (!everything.includes(compact(m[0]).toLowerCase())) return fail(`${what} “${m[0]}” is in no cited passage`);
    }
  }
  for (const re of INSTRUCTIONS) {
    for (const m of normalise(text).matchAll(re)) {
      if (!everything.includes(compact(m[0]).toLowerCase())) return fail(`“${m[0]}” tells the reader what to do; no cited passage does`);
    }
  }
  for (const sentence of sentences(text)) {
    const own = findMarkers(sentence).filter((n) => n >= 1 && n <= citations.length);
    const sources = own.length ? own.map((n) => sourceText(citations[n - 1]!)) : answerSources;
    const grams = bigrams(withoutMarkers(sentence));
    if (grams.length < MIN_BIGRAMS) continue;
    const known = new Set(sources.flatMap((s) => bigrams(s)));
    const share = grams.filter((g) => known.has(g)).length / grams.length;
    if (share < MIN_OVERLAP) {
      const cited = own.length ? own.map((n) => `[${n}]`).join("") : "the cited passages";
      return fail(`“${sentence.trim().slice(0, 40)}” shares ${Math.round(share * 100)}% of its wording with ${cited}`);
    }
  }
  return { ok: true };
}

/** What the prompt shows for a source: the passage plus the paper, date and headline above it. */
function sourceText(c: Citation): string {
  return [c.paper ?? "", c.date ?? "", c.headline, c.passage].join("\n");
}

/** Sentences, each keeping its closing punctuation and any [n] right after it. */
function sentences(text: string): string[] {
  return normalise(text)
    .split(/(?<=[。！？!?；;](?:\s*\[[\d,、\s-]+\])?)|\n+/)
    .filter((s) => s.trim());
}

/** Pairs of adjacent Han characters, within runs of Han text. */
function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

function fail(reason: string): Support {
  return { ok: false, reason };
}
