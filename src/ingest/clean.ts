import { splitFrontMatter } from "./front-matter.js";
import type { PageMeta } from "./furniture.js";
import { classifyLines, CREDIT_ONLY, endsWithCredit, isDateline, type Line } from "./lines.js";
import { endsSentence, joinLines, normalizeBodyText, normalizeHeadingText } from "./text.js";

export type { PageMeta } from "./furniture.js";

/** Block kinds of a cleaned page; furniture never becomes a block (see `CleanPage.dropped`). */
export type BlockKind = "heading" | "paragraph" | "caption" | "byline" | "masthead";

/** One piece of a cleaned page, in reading order. */
export interface Block {
  kind: BlockKind;
  text: string;
  /** Markdown heading level (1–6) when the page marked the heading up. */
  level?: number;
  /** Heading set in display type (marked up, or repaired from doubled outline glyphs). */
  display?: boolean;
  /** Two or more blank lines came before: a layout region break (photo, box, column jump). */
  gapBefore?: boolean;
  /** Author read from a 本报讯 / 新华社…电 / 据…报道 opening; the text keeps the opening too. */
  leadByline?: string;
}

/** A page after cleaning: blocks in reading order plus masthead metadata. */
export interface CleanPage {
  blocks: Block[];
  meta: PageMeta;
  /** The byline the front matter states (a web page's author), for the first article if it prints none. */
  byline: string | null;
  /** Furniture lines that were removed (page numbers, URLs, registration lines…), for audits. */
  dropped: string[];
}

/** Openings that start a news item: 本报讯, a 新华社 dateline, 据…报道. */
export const LEAD = /^\s*(?:本报讯|新华社\s*\p{Script=Han}{1,10}\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电|据\S{2,15}?报道)/u;

/** Longest single-sentence paragraph that is still read as a photo caption next to a credit. */
const CAPTION_MAX = 60;

function leadByline(raw: string): string | undefined {
  const t = raw.trim();
  let m = t.match(/^本报讯\s*(.{2,60}?)\s*报道\s*[：:]/u);
  if (m && !/[，。；,;]/.test(m[1]!)) return m[1]!.replace(/\s+/g, "");
  m = t.match(/^本报讯\s*((?:本报)?(?:特约)?(?:记者|通讯员)\s*[\p{Script=Han}·、]{2,30}?)(?:\s|\d)/u);
  if (m) return m[1]!.replace(/\s+/g, "");
  m = t.match(/^(新华社\s*\p{Script=Han}{1,10}\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电)/u);
  if (m) return m[1]!.replace(/\s+/g, "");
  m = t.match(/^据(\S{2,15}?)报道/u);
  if (m) return `据${m[1]}报道`;
  return undefined;
}

/**
 * Two lines of body text belong to one paragraph unless the first ends a sentence and either the
 * page is set in long lines (one paragraph per line), the first line is notably shorter than its
 * column (the paragraph's last line), or a meaningful blank line separates them.
 */
function continues(a: Line, b: Line, flow: boolean, blanksMeaningful: boolean): boolean {
  // An arrow opens a photo caption (↑ the photo above, ← the one beside).
  if (endsWithCredit(a.text) || isDateline(a.text) || LEAD.test(b.text) || /^[↑↓←→]/u.test(b.text)) return false;
  if (!endsSentence(a.text)) return true;
  if (flow) return false;
  if (a.width <= a.column - 2) return false;
  return !(blanksMeaningful && b.blanksBefore > 0);
}

const isSingleShortSentence = (s: string) =>
  [...s].length <= CAPTION_MAX && endsSentence(s) && !/[。！？!?]./u.test(s.replace(/[”’）)]+$/u, ""));

const captionText = (s: string) => normalizeBodyText(s.replace(/^[↑↓←→]+\s*/u, ""));

/**
 * Cleans one PDF-extracted page: drops furniture, reads the masthead, repairs doubled glyphs,
 * rejoins column-broken lines into paragraphs, and separates headings, bylines and photo
 * captions from body text. Body spacing is normalised (`10395人`, `12月6日`, `各级工会`);
 * headings keep the one space between their halves. The masthead's paper and date win; a front
 * matter block (a converted PDF or web page) fills in what the masthead does not say.
 */
export function cleanPage(text: string): CleanPage {
  const { fields, body: raw } = splitFrontMatter(text);
  const page = classifyLines(raw);
  page.meta = { ...page.meta, paper: page.meta.paper ?? fields.paper ?? null, date: page.meta.date ?? fields.date ?? null };
  const blocks: Block[] = [];
  if (page.masthead.length) blocks.push({ kind: "masthead", text: page.masthead.join(" ") });

  let para: { lines: Line[]; gap: boolean } | null = null;
  let lastHeading: { block: Block; line: Line; raw: string } | null = null;

  const flush = () => {
    if (!para) return;
    const raw = para.lines.reduce((acc, l) => (acc ? joinLines(acc, l.text) : l.text), "");
    const gap = para.gap ? { gapBefore: true } : {};
    if (endsWithCredit(raw)) blocks.push({ kind: "caption", text: captionText(raw), ...gap });
    else {
      const byline = leadByline(raw);
      blocks.push({ kind: "paragraph", text: normalizeBodyText(raw), ...gap, ...(byline ? { leadByline: byline } : {}) });
    }
    para = null;
  };

  for (const line of page.lines) {
    const gap = line.blanksBefore >= 2;
    if (line.kind === "text") {
      lastHeading = null;
      const prev: Line | undefined = para?.lines[para.lines.length - 1];
      if (para && prev && continues(prev, line, page.flow, page.blanksMeaningful)) para.lines.push(line);
      else {
        flush();
        para = { lines: [line], gap };
      }
      continue;
    }
    flush();
    if (line.kind === "heading") {
      // A headline too wide for the column wraps onto a second line: join it back.
      const wrap =
        lastHeading &&
        !page.flow &&
        page.blanksMeaningful &&
        line.blanksBefore === 0 &&
        line.level === undefined &&
        !line.display &&
        !lastHeading.line.display &&
        !/^(?:——|□)/.test(line.text);
      if (wrap && lastHeading) {
        lastHeading.raw = joinLines(lastHeading.raw, line.text);
        lastHeading.block.text = normalizeHeadingText(lastHeading.raw);
        lastHeading.line = line;
        continue;
      }
      const block: Block = { kind: "heading", text: normalizeHeadingText(line.text) };
      if (line.level !== undefined) block.level = line.level;
      if (line.display) block.display = true;
      if (gap) block.gapBefore = true;
      blocks.push(block);
      lastHeading = { block, line, raw: line.text };
      continue;
    }
    lastHeading = null;
    if (line.kind === "byline") {
      blocks.push({ kind: "byline", text: line.text.replace(/^□\s*/u, "").replace(/\s+/g, " ").trim() });
      continue;
    }
    // A lone credit takes the short descriptive sentence just before it into the caption.
    const before = blocks[blocks.length - 1];
    if (
      CREDIT_ONLY.test(line.text) &&
      before?.kind === "paragraph" &&
      !before.leadByline &&
      isSingleShortSentence(before.text)
    ) {
      blocks.pop();
      blocks.push({ kind: "caption", text: `${before.text}${captionText(line.text)}`, ...(before.gapBefore ? { gapBefore: true } : {}) });
    } else {
      blocks.push({ kind: "caption", text: captionText(line.text), ...(gap ? { gapBefore: true } : {}) });
    }
  }
  flush();
  return { blocks, meta: page.meta, byline: fields.byline ?? null, dropped: page.dropped };
}
