import { hanBigrams, overlapCount } from "./text.js";

/**
 * Headline groups: the stack of heading lines above (or, after PDF extraction, sometimes below)
 * an article — kicker (引题/栏目), headline (主题), subheadline (副题) and byline.
 */

/** One heading line of a group. */
export interface HeadLine {
  text: string;
  /** Markdown level, when marked up. */
  level?: number;
  display?: boolean;
}

/** Consecutive heading lines (plus the byline printed under them) that title one article. */
export interface HeadGroup {
  lines: HeadLine[];
  byline: string | null;
  /** Block index of the first line, for ordering and caption placement. */
  at: number;
}

/** What each line of a heading group is to a reader. */
export interface HeadlineRoles {
  kicker: string | null;
  headline: string;
  subheadline: string | null;
}

const DASH = /^[—－-]{1,2}\s*/u;
const joinOrNull = (parts: string[]) => (parts.length ? parts.join(" ") : null);

/**
 * Splits a group into kicker / headline / subheadline. Lines opening with —— are subheadlines.
 * Display-type lines (marked up or doubled outline font) outrank plain ones: the last of them is
 * the headline, plain lines before it are the kicker and after it the subheadline. Without
 * display type, the line before a —— subtitle is the headline; otherwise newspaper order holds:
 * 引题 / 主题 / 副题 (one line: headline; two: kicker + headline; three+: …, headline, sub).
 */
export function headlineRoles(group: HeadGroup): HeadlineRoles {
  const lines = group.lines;
  const isSub = (l: HeadLine) => DASH.test(l.text) && l.text.startsWith("——");
  const mains = lines.filter((l) => !isSub(l));
  const subs = lines.filter(isSub).map((l) => l.text.replace(DASH, "").trim());
  if (mains.length === 0) return { kicker: null, headline: subs.join(" "), subheadline: null };

  const marked = mains.filter((l) => l.level !== undefined || l.display);
  let at: number;
  if (marked.length) at = mains.indexOf(marked[marked.length - 1]!);
  else if (subs.length) {
    const firstSub = lines.findIndex(isSub);
    const before = lines.slice(0, firstSub).filter((l) => !isSub(l));
    at = before.length ? mains.indexOf(before[before.length - 1]!) : 0;
  } else at = mains.length >= 3 ? mains.length - 2 : mains.length - 1;

  const text = (l: HeadLine) => l.text;
  const line = oneLineRoles(mains[at]!.text);
  return {
    kicker: joinOrNull([...mains.slice(0, at).map(text), ...(line.kicker ? [line.kicker] : [])]),
    headline: line.headline,
    subheadline: joinOrNull([...(line.subheadline ? [line.subheadline] : []), ...subs, ...mains.slice(at + 1).map(text)]),
  };
}

/**
 * How a kicker ends when it leads into the headline: a speech verb or a colon
 * (习近平对社会工作作出重要指示强调 / 寄语青年：). What follows it is what was said.
 */
const LEAD_IN = /(?:强调|指出|表示|要求|寄语|希望|提出|致信|回信)[:：]?$|[:：]$/u;
/**
 * A subheadline that reports who else took part (蔡奇出席…并讲话, 李强主持…): the wire services'
 * 副题 under a leader's speech, after the headline of what was said.
 */
const TOOK_PART = /(?:出席|主持|会见|讲话|致辞|参加|陪同|宣读)/u;

/**
 * A heading set on one line that holds kicker, headline and subheadline, split by the same roles a
 * stack of lines gets — where the line's structure says so: a first part that leads into what was
 * said (LEAD_IN) is the kicker; after it, a last part that reports who took part (TOOK_PART), or
 * any part opening with ——, is the subheadline. A line without such a kicker or —— stays whole
 * (two halves of one headline: 饲料企业忙生产 牲畜“口粮”稳供应).
 */
export function oneLineRoles(text: string): HeadlineRoles {
  const parts = text.split(/\s+/u).filter(Boolean);
  const dash = parts.findIndex((p, i) => i > 0 && p.startsWith("——"));
  const kicker = parts.length >= 2 && LEAD_IN.test(parts[0]!) && [...parts[0]!].length >= 4 ? parts[0]! : null;
  const body = kicker ? parts.slice(1) : parts;
  let sub: string | null = null;
  if (dash > 0) {
    sub = parts.slice(dash).join(" ").replace(DASH, "");
    body.splice(body.indexOf(parts[dash]!));
  } else if (kicker && body.length >= 2 && TOOK_PART.test(body[body.length - 1]!)) sub = body.pop()!;
  if ((!kicker && sub === null) || !body.length) return { kicker: null, headline: text, subheadline: null };
  return { kicker, headline: body.join(" "), subheadline: sub };
}

/** A group with more than a bare line — a subtitle, a second line or a byline — heads an article. */
export function isRichGroup(group: HeadGroup): boolean {
  return group.lines.length >= 2 || group.byline !== null || group.lines.some((l) => l.text.startsWith("——"));
}

/** Bigrams of everything a reader would match against the body: all heading lines. */
export function groupBigrams(group: HeadGroup): Set<string> {
  return hanBigrams(group.lines.map((l) => l.text).join("\n"));
}

/** Share of the group's bigrams that occur in `paragraphs`. */
export function groupMatch(group: HeadGroup, paragraphs: string[]): number {
  const probe = groupBigrams(group);
  if (!probe.size) return 0;
  return overlapCount(probe, hanBigrams(paragraphs.join("\n"))) / probe.size;
}

const sameFace = (a: HeadLine, b: HeadLine) => a.level === b.level && Boolean(a.display) === Boolean(b.display);

/**
 * The line of `group` set like the article's section headings (same markup level and display
 * face, and not plain type), when the group has another non-subtitle line to be the headline; else
 * null. A special section's main headline is set apart from its section headings, so a line that
 * looks like them is one of them.
 */
export function sectionLine(group: HeadGroup, sections: HeadLine[]): HeadLine | null {
  const mains = group.lines.filter((l) => !l.text.startsWith("——"));
  if (mains.length < 2) return null;
  const like = mains.filter((l) => (l.level !== undefined || l.display) && sections.some((s) => sameFace(s, l)));
  return like.length === 1 ? like[0]! : null;
}
