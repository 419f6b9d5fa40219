import { createHash } from "node:crypto";
import { cleanPage, LEAD, type Block } from "./clean.js";
import { derivedTitle } from "./derived-title.js";
import { groupMatch, headlineRoles, isRichGroup, sectionLine, type HeadGroup, type HeadLine } from "./headlines.js";
import { isDateline } from "./lines.js";
import { placeCaptions, placeDetached } from "./placement.js";
import { dateInFileName } from "./page-dates.js";
import type { Article } from "./types.js";

/**
 * Splits a cleaned page into articles. Signals, strongest first:
 * - a 本报讯 / 新华社…电 / 据…报道 opening starts an article; a （新华社…电） dateline ends one;
 * - a layout gap (≥ 2 blank lines) before body text ends the article above it;
 * - markdown-marked heading groups start an article (#### is a section inside one);
 * - an unmarked heading group starts an article unless it is a bare one-line heading inside a
 *   feature (section), or the headline of the headless text above it — PDF extraction often
 *   emits a headline after its body (decided by lexical overlap with the text on either side);
 * - headlines stranded at the end of the page are matched to headless articles by overlap, and an
 *   article that matches two of them is split between them (see `placement.ts`).
 */

/** An article being assembled. */
export interface Draft {
  group: HeadGroup | null;
  paragraphs: string[];
  /** Block index of each paragraph, for caption placement. */
  at: number[];
  start: number;
  bylines: string[];
  leadByline: string | null;
  captions: string[];
  /** Section headings read into `paragraphs`, with their typography. */
  sections: HeadLine[];
}

type Item =
  | { kind: "group"; group: HeadGroup }
  | { kind: "section"; text: string; at: number }
  | { kind: "byline"; text: string; at: number }
  | { kind: "paragraph"; block: Block; at: number };

/** Heading runs become groups (ending at a byline or a caption); captions are set aside. */
function toItems(blocks: Block[]): { items: Item[]; captions: { text: string; at: number }[] } {
  const items: Item[] = [];
  const captions: { text: string; at: number }[] = [];
  let open: HeadGroup | null = null;
  blocks.forEach((b, at) => {
    if (b.kind === "heading" && b.level === 4) {
      open = null;
      items.push({ kind: "section", text: b.text, at });
    } else if (b.kind === "heading") {
      if (!open || open.byline !== null) {
        open = { lines: [], byline: null, at };
        items.push({ kind: "group", group: open });
      }
      open.lines.push({ text: b.text, level: b.level, display: b.display });
    } else if (b.kind === "byline" && open && open.byline === null) {
      open.byline = b.text;
    } else {
      open = null;
      if (b.kind === "byline") items.push({ kind: "byline", text: b.text, at });
      else if (b.kind === "caption") captions.push({ text: b.text, at });
      else if (b.kind === "paragraph") items.push({ kind: "paragraph", block: b, at });
    }
  });
  return { items, captions };
}

const newDraft = (group: HeadGroup | null, start: number): Draft => ({
  group,
  paragraphs: [],
  at: [],
  start,
  bylines: [],
  leadByline: null,
  captions: [],
  sections: [],
});

/** Body paragraphs from item `from` up to the next heading group or news opening. */
function runAfter(items: Item[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind === "group") break;
    if (it.kind !== "paragraph") continue;
    if (out.length && LEAD.test(it.block.text)) break;
    out.push(it.block.text);
  }
  return out;
}

/** What a heading group does to the article being read. */
type GroupFate = "section" | "stranded" | "titles-current" | "titles-current-and-ends" | "starts";

/**
 * The decision table for a heading group `g` at item `i`, given the article being read (`cur`):
 * - nothing but photos after it: a section of the feature being read, else stranded;
 * - another heading group right after it: stranded (matched by overlap later);
 * - markdown-marked: starts an article;
 * - a news opening (本报讯…) after it: starts that article — unless the text above is headless and
 *   the group matches it at least as well (a headline printed after its body);
 * - body text after it: a bare line inside a headless article or a feature is a section heading;
 *   a fuller group titles the headless text above and runs on (a page-wide feature headline),
 *   unless it carries its own byline — then the wording decides, as for a news opening.
 */
function fateOf(g: HeadGroup, cur: Draft | null, items: Item[], i: number): GroupFate {
  const next = items.slice(i + 1).find((x) => x.kind === "paragraph" || x.kind === "group");
  const marked = g.lines.some((l) => l.level !== undefined);
  const bare = !isRichGroup(g);
  const inFeature = Boolean(cur?.group && isRichGroup(cur.group));
  const headless = cur !== null && cur.group === null && cur.paragraphs.length > 0;
  if (!next) return !marked && bare && inFeature ? "section" : "stranded";
  if (next.kind === "group") return "stranded";
  if (marked) return "starts";
  const fitsAbove = () => headless && groupMatch(g, cur.paragraphs) >= groupMatch(g, runAfter(items, i + 1));
  if (LEAD.test(next.block.text)) return !bare && fitsAbove() ? "titles-current-and-ends" : "starts";
  if (bare && (headless || inFeature)) return "section";
  if (!headless) return "starts";
  // A group with its own byline may as well open a new feature: let the wording decide.
  if (g.byline !== null) return fitsAbove() ? "titles-current-and-ends" : "starts";
  return "titles-current";
}

function assemble(items: Item[]): { drafts: Draft[]; detached: HeadGroup[] } {
  const drafts: Draft[] = [];
  const detached: HeadGroup[] = [];
  let cur: Draft | null = null;
  const start = (group: HeadGroup | null, at: number): Draft => {
    const d = newDraft(group, at);
    drafts.push(d);
    cur = d;
    return d;
  };

  items.forEach((it, i) => {
    const draft = cur as Draft | null;
    if (it.kind === "group") {
      const g = it.group;
      const fate = fateOf(g, draft, items, i);
      if (fate === "stranded") detached.push(g);
      else if (fate === "starts" || !draft) start(g, g.at);
      else if (fate === "section") {
        draft.paragraphs.push(g.lines[0]!.text);
        draft.at.push(g.at);
        draft.sections.push(g.lines[0]!);
      } else {
        draft.group = g;
        if (fate === "titles-current-and-ends") cur = null;
      }
      return;
    }
    if (it.kind === "section") {
      const d = draft ?? start(null, it.at);
      d.paragraphs.push(it.text);
      d.at.push(it.at);
      d.sections.push({ text: it.text, level: 4 });
      return;
    }
    if (it.kind === "byline") {
      (draft ?? start(null, it.at)).bylines.push(it.text);
      return;
    }
    const text = it.block.text;
    const opensItem = LEAD.test(text) || Boolean(it.block.gapBefore);
    let d = draft;
    if (!d || (opensItem && d.paragraphs.length > 0)) d = start(null, it.at);
    if (d.paragraphs.length === 0 && it.block.leadByline) d.leadByline = it.block.leadByline;
    d.paragraphs.push(text);
    d.at.push(it.at);
    if (isDateline(text)) cur = null;
  });
  return { drafts: drafts.filter((d) => d.paragraphs.length > 0), detached };
}

/**
 * A heading in the face of the article's own section headings is one more section (a special
 * section's heading above its part of the text), not the headline: it goes back into the body
 * where it stood, and the group's other lines title the article.
 */
function demoteSectionHeading(d: Draft): void {
  const line = d.group ? sectionLine(d.group, d.sections) : null;
  if (!d.group || !line) return;
  const at = d.group.at;
  const k = d.at.findIndex((x) => x > at);
  const index = k < 0 ? d.at.length : k;
  d.paragraphs.splice(index, 0, line.text);
  d.at.splice(index, 0, at);
  d.sections.push(line);
  d.group = { ...d.group, lines: d.group.lines.filter((l) => l !== line) };
}

/** Characters of an article's text its id hashes, after the headline: enough to tell stories apart. */
const ID_OPENING = 200;

/**
 * An article's id, `<source>#<n>-<hash>`: n is its place on the page (from 1), so ids sort in page
 * order as before; the hash (8 hex digits of SHA-256 over source, headline and opening text) makes
 * the id name this article's content, so after the page is replaced a button or `/article` made
 * before opens the same article — or finds it gone — never the story now at that place.
 */
export function articleId(source: string, n: number, headline: string, paragraphs: readonly string[]): string {
  const opening = paragraphs.join("\n").slice(0, ID_OPENING);
  const hash = createHash("sha256").update(`${source}\n${headline}\n${opening}`).digest("hex").slice(0, 8);
  return `${source}#${n}-${hash}`;
}

/**
 * Cleans a raw page and splits it into articles with ids `<source>#<n>-<hash>` (see `articleId`).
 * Articles whose headline the page does not print get a short title derived from their first
 * clause (ending in "…") and are flagged `derived`.
 */
export function parseArticles(source: string, raw: string): Article[] {
  const page = cleanPage(raw);
  const { items, captions } = toItems(page.blocks);
  const { drafts: assembled, detached } = assemble(items);
  const drafts = placeDetached(assembled, detached);
  drafts.forEach(demoteSectionHeading);
  placeCaptions(drafts, captions);

  return drafts.map((d, n): Article => {
    const roles = d.group ? headlineRoles(d.group) : null;
    const headline = roles?.headline ?? derivedTitle(d.paragraphs);
    const article: Article = {
      id: articleId(source, n + 1, headline, d.paragraphs),
      source,
      paper: page.meta.paper,
      date: page.meta.date ?? dateInFileName(source),
      page: page.meta.page,
      headline,
      subheadline: roles?.subheadline ?? null,
      byline: d.group?.byline ?? d.bylines[0] ?? d.leadByline ?? (n === 0 ? page.byline : null),
      paragraphs: d.paragraphs,
      captions: d.captions,
      kicker: roles?.kicker ?? null,
    };
    if (!roles) Object.assign(article, { derived: true, headlineFromLead: true });
    return article;
  });
}
