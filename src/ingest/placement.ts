import { groupBigrams, groupMatch, type HeadGroup } from "./headlines.js";
import type { Draft } from "./segment.js";
import { hanBigrams, overlapCount } from "./text.js";

/**
 * Placing what the page printed away from its article: headlines stranded at the end of the page
 * and photo captions. Both are matched by shared CJK bigrams — no per-paper rules.
 */

/** Share of a stranded headline group's bigrams an article must contain to claim it. */
const MIN_GROUP_MATCH = 0.35;
/** Share of a caption's bigrams an article must contain to claim it over position. */
const MIN_CAPTION_MATCH = 0.3;
const MAX_SPLIT = 4;

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

interface Split {
  cuts: number[];
  order: number[];
  /** Every group's own wording sits mostly in its own run (not a kicker/headline of one story). */
  supported: boolean;
}

/** Evidence a group needs in its own run, and the most it may leak into the others (share). */
const MIN_OWN_EVIDENCE = 2;
const MAX_LEAK = 0.5;

/**
 * The best way to cut `d` into one contiguous run of paragraphs per group: the group order and
 * cut points that maximise how many of each group's own bigrams (those no other group shares)
 * its run contains.
 */
function bestSplit(d: Draft, groups: HeadGroup[]): Split | null {
  const n = d.paragraphs.length;
  if (groups.length > n) return null;
  const bigrams = groups.map(groupBigrams);
  const own = bigrams.map((set, j) => new Set([...set].filter((g) => !bigrams.some((o, k) => k !== j && o.has(g)))));
  const score = d.paragraphs.map((p) => {
    const have = hanBigrams(p);
    return own.map((set) => overlapCount(set, have));
  });

  let best: { total: number; cuts: number[]; order: number[] } | null = null;
  for (const order of permutations(groups.map((_, j) => j))) {
    const k = order.length;
    // dp[j][i]: best score covering the first i paragraphs with the first j groups of `order`.
    const dp = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(-Infinity));
    const back = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
    dp[0]![0] = 0;
    for (let j = 1; j <= k; j++) {
      for (let i = j; i <= n; i++) {
        let run = 0;
        for (let t = i - 1; t >= j - 1; t--) {
          run += score[t]![order[j - 1]!]!;
          const v = dp[j - 1]![t]! + run;
          if (v > dp[j]![i]!) {
            dp[j]![i] = v;
            back[j]![i] = t;
          }
        }
      }
    }
    const total = dp[k]![n]!;
    if (best && total <= best.total) continue;
    const cuts: number[] = [];
    for (let j = k, i = n; j > 0; j--) {
      cuts.unshift(back[j]![i]!);
      i = back[j]![i]!;
    }
    best = { total, cuts, order };
  }
  if (!best) return null;

  const { cuts, order } = best;
  const supported = order.every((j, s) => {
    const from = cuts[s]!;
    const to = s + 1 < cuts.length ? cuts[s + 1]! : n;
    let inside = 0;
    let outside = 0;
    score.forEach((row, p) => (p >= from && p < to ? (inside += row[j]!) : (outside += row[j]!)));
    return inside >= MIN_OWN_EVIDENCE && outside <= MAX_LEAK * inside;
  });
  return { cuts, order, supported };
}

/** Cuts `d` as `split` says, one draft per group. */
function applySplit(d: Draft, groups: HeadGroup[], { cuts, order }: Split): Draft[] {
  const n = d.paragraphs.length;
  return order.map((j, s) => {
    const from = cuts[s]!;
    const to = s + 1 < cuts.length ? cuts[s + 1]! : n;
    return {
      group: groups[j]!,
      paragraphs: d.paragraphs.slice(from, to),
      at: d.at.slice(from, to),
      start: s === 0 ? d.start : d.at[from]!,
      bylines: s === 0 ? d.bylines : [],
      leadByline: s === 0 ? d.leadByline : null,
      captions: [],
      sections: d.sections.filter((h) => d.paragraphs.slice(from, to).includes(h.text)),
    };
  });
}

/**
 * A stranded group's lines as separate one-line groups — consecutive headlines of different
 * stories look like one kicker + headline stack until the text says otherwise. A —— line stays
 * with the line above it and the byline with the last line. Null when a line is too short to
 * carry evidence (a place-name kicker such as 呼图壁县).
 */
function explode(g: HeadGroup): HeadGroup[] | null {
  if (g.lines.some((l) => l.level !== undefined)) return null;
  const parts: HeadGroup[] = [];
  for (const line of g.lines) {
    const last = parts[parts.length - 1];
    if (line.text.startsWith("——") && last) last.lines.push(line);
    else parts.push({ lines: [line], byline: null, at: g.at });
  }
  if (parts.length < 2 || parts.some((p) => hanBigrams(p.lines[0]!.text).size < 4)) return null;
  parts[parts.length - 1]!.byline = g.byline;
  return parts;
}

/** How one headless draft's claimed groups are applied: split when the text supports it. */
function resolve(d: Draft, groups: HeadGroup[]): Draft[] {
  const tries: HeadGroup[][] = groups.map((_, i) => groups.flatMap((g, j) => (i === j ? (explode(g) ?? [g]) : [g])));
  for (const set of [...tries.filter((t) => t.length > groups.length), groups]) {
    if (set.length < 2 || set.length > MAX_SPLIT) continue;
    const split = bestSplit(d, set);
    if (split?.supported) return applySplit(d, set, split);
  }
  return [{ ...d, group: groups[0]! }];
}

/**
 * Gives headline groups that no body followed to the headless articles they best match, and splits
 * an article between several when each one's wording sits in its own run of paragraphs.
 * Unclaimed groups (slogans, teasers) are dropped.
 */
export function placeDetached(drafts: Draft[], detached: HeadGroup[]): Draft[] {
  const headless = drafts.filter((d) => d.group === null);
  const pairs = detached
    .flatMap((g) => headless.map((d) => ({ g, d, score: groupMatch(g, d.paragraphs) })))
    .filter((p) => p.score >= MIN_GROUP_MATCH)
    .sort((a, b) => b.score - a.score);
  const claimed = new Map<Draft, HeadGroup[]>();
  const taken = new Set<HeadGroup>();
  for (const { g, d } of pairs) {
    if (taken.has(g)) continue;
    const list = claimed.get(d) ?? [];
    if (list.length >= Math.min(MAX_SPLIT, d.paragraphs.length)) continue;
    taken.add(g);
    claimed.set(d, [...list, g]);
  }
  return drafts.flatMap((d) => {
    const groups = claimed.get(d);
    return groups ? resolve(d, groups) : [d];
  });
}

const CREDIT_TAIL = /(?:□\s*)?(?:(?:本报)?(?:记者|通讯员)\s*)?[\p{Script=Han}·]{1,12}\s*摄$/u;

/**
 * Attaches each caption to the article it describes: the one sharing most of its wording, or else
 * the article being read where the caption sits (a lone credit under a photo story).
 */
export function placeCaptions(drafts: Draft[], captions: { text: string; at: number }[]): void {
  if (!drafts.length || !captions.length) return;
  const texts = drafts.map((d) => hanBigrams([d.group?.lines.map((l) => l.text).join(" ") ?? "", ...d.paragraphs].join("\n")));
  for (const c of captions) {
    const probe = hanBigrams(c.text.replace(CREDIT_TAIL, ""));
    let target: Draft | undefined;
    if (probe.size >= 4) {
      let bestScore = MIN_CAPTION_MATCH;
      drafts.forEach((d, i) => {
        const s = overlapCount(probe, texts[i]!) / probe.size;
        if (s >= bestScore) {
          bestScore = s;
          target = d;
        }
      });
    }
    if (!target) {
      const before = drafts.filter((d) => d.start <= c.at);
      target = before.length ? before.reduce((a, b) => (b.start > a.start ? b : a)) : drafts[0]!;
    }
    target.captions.push(c.text);
  }
}
