/**
 * Reading order for one PDF page: text pieces are set into lines, the column gutters are found from
 * where the lines leave the page empty, and the page is read column by column — left column top to
 * bottom, then the next — with a line that spans the columns (a banner headline, the masthead) read
 * where it stands and starting a new row of columns below it. Pure: the PDF reader passes positions in.
 */
import { isByline } from "../lines.js";

/** A run of text as the PDF places it: baseline start (x, y with y growing upwards), width and font size. */
export interface TextPiece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A line of one column: pieces on one baseline with no gutter between them. */
interface Segment {
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
  /** Left edge of the column the line was set in (its own start for a banner line). */
  left?: number;
}

/** Pieces this much of a font size apart on the same baseline are in different columns. */
const GUTTER_EM = 1.5;
/** A gutter is an x-range at least this wide (in body-font em) that body lines leave empty. */
const MIN_GUTTER_EM = 0.8;
/** Column lines that cross a gutter are few: at most this share of the busiest x-position's count. */
const GUTTER_COVERAGE = 0.1;
/** Lines narrower than this share of the text's width are column lines; wider ones may be banners. */
const COLUMN_SHARE = 0.6;
/** A column beside a gutter has at least this share of the busiest column's lines. */
const COLUMN_FILL = 0.3;
/** A vertical gap this many body-font em tall (a photo, a box) separates regions of the page. */
const REGION_GAP_EM = 6;
/** A line this much larger than the body font is a heading, marked up with # for the cleaner. */
const HEADING_SCALE = 1.2;

/**
 * The page's text in reading order, as lines; headings (larger type) marked `#`…`###` by size,
 * a blank line before each paragraph (first-line indent or a vertical gap) and around headings.
 */
export function layoutPage(pieces: TextPiece[]): string {
  const segments = toSegments(pieces.filter((p) => p.text.trim() && p.size > 0));
  if (!segments.length) return "";
  const body = bodySize(segments);
  const gutters = findGutters(segments, body);
  const ordered = readingOrder(segments, gutters);
  return render(ordered, body);
}

/** Pieces on one baseline (rows, top down), split where a gap is wide enough to be a gutter. */
function toSegments(pieces: TextPiece[]): Segment[] {
  const rows: TextPiece[][] = [];
  for (const piece of [...pieces].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - piece.y) < 0.4 * Math.min(row[0]!.size, piece.size)) row.push(piece);
    else rows.push([piece]);
  }
  const segments: Segment[] = [];
  for (const row of rows) {
    let current: Segment | null = null;
    for (const piece of row.sort((a, b) => a.x - b.x)) {
      const gap = current ? piece.x - current.x1 : Infinity;
      if (current && gap < GUTTER_EM * Math.max(current.size, piece.size)) {
        current.text += gap > 0.25 * piece.size ? ` ${piece.text}` : piece.text;
        current.x1 = Math.max(current.x1, piece.x + piece.width);
        current.size = Math.max(current.size, piece.size);
      } else {
        current = { x0: piece.x, x1: piece.x + piece.width, y: piece.y, size: piece.size, text: piece.text };
        segments.push(current);
      }
    }
  }
  return segments;
}

/** The most common font size, counted by characters. */
function bodySize(segments: Segment[]): number {
  const chars = new Map<number, number>();
  for (const s of segments) {
    const size = Math.round(s.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + [...s.text].length);
  }
  return [...chars.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Gutters as [start, end] x-ranges, left to right: x-ranges that the lines of body type leave
 * empty, with columns of text on both sides. Headlines and the masthead are left out of the count:
 * crossing the gutters is what makes them banners.
 */
function findGutters(segments: Segment[], body: number): [number, number][] {
  const left = Math.floor(Math.min(...segments.map((s) => s.x0)));
  const right = Math.ceil(Math.max(...segments.map((s) => s.x1)));
  const narrow = segments.filter((s) => s.size < body * HEADING_SCALE && s.x1 - s.x0 < COLUMN_SHARE * (right - left));
  const coverage = new Array<number>(right - left + 1).fill(0);
  for (const s of narrow) for (let x = Math.floor(s.x0); x < Math.ceil(s.x1); x++) coverage[x - left]!++;
  const peak = Math.max(...coverage);
  const empty = (c: number) => c <= peak * GUTTER_COVERAGE;
  const runs: [number, number][] = [];
  let start = -1;
  coverage.forEach((c, i) => {
    if (empty(c) && start < 0) start = i;
    if (!empty(c) && start >= 0) {
      // Only a run between text counts: the ragged right margin is not a gutter.
      if (start > 0 && i - start >= MIN_GUTTER_EM * body) runs.push([start, i]);
      start = -1;
    }
  });
  // Each side of a gutter holds a column: as many lines as the busiest column, give or take.
  const columnLeft = (from: number, to: number) => Math.max(0, ...coverage.slice(from, to)) >= peak * COLUMN_FILL;
  const edges = [0, ...runs.flat(), coverage.length];
  return runs
    .filter((_, k) => columnLeft(edges[2 * k]!, edges[2 * k + 1]!) && columnLeft(edges[2 * k + 2]!, edges[2 * k + 3]!))
    .map(([a, b]) => [left + a, left + b]);
}

/** Column by column within each row of columns; lines that cross a gutter separate the rows. */
function readingOrder(segments: Segment[], gutters: [number, number][]): Segment[] {
  const spans = (s: Segment) => gutters.some(([a, b]) => s.x0 < a && s.x1 > b);
  const column = (s: Segment) => gutters.filter(([a]) => (s.x0 + s.x1) / 2 > a).length;
  const topDown = [...segments].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const out: Segment[] = [];
  let band: Segment[] = [];
  const flushBand = () => {
    band.sort((a, b) => column(a) - column(b) || b.y - a.y || a.x0 - b.x0);
    const lefts = new Map<number, number>();
    for (const s of band) lefts.set(column(s), Math.min(lefts.get(column(s)) ?? Infinity, s.x0));
    out.push(...band.map((s) => ({ ...s, left: lefts.get(column(s))! })));
    band = [];
  };
  for (const s of topDown) {
    if (spans(s)) {
      flushBand();
      out.push({ ...s, left: s.x0 });
    } else band.push(s);
  }
  flushBand();
  return out;
}

/**
 * Lines as text. Only the largest type of each stack of heading lines (bylines aside) is marked
 * up (`#` by size rank): the cleaner reads a marked line as the headline and plain lines around it as kicker and
 * subheadline, as on the seed pages.
 */
function render(segments: Segment[], body: number): string {
  // The headline is the largest type above the body — a byline set large is still a byline.
  const isHeading = segments.map((s) => s.size >= body * HEADING_SCALE && !isByline(s.text, true));
  const ranks = [...new Set(segments.filter((_, i) => isHeading[i]).map((s) => Math.round(s.size)))].sort((a, b) => b - a);
  const stackTop = new Array<number>(segments.length).fill(0);
  for (let i = 0; i < segments.length; ) {
    let j = i;
    while (j < segments.length && isHeading[j] === isHeading[i]) j++;
    const top = Math.max(...segments.slice(i, j).map((s) => Math.round(s.size)));
    stackTop.fill(top, i, j);
    i = j;
  }
  const lines: string[] = [];
  segments.forEach((s, i) => {
    const text = s.text.trim();
    const prev = segments[i - 1];
    if (prev) {
      // A paragraph starts indented (two characters in Chinese type) or after a gap in its column;
      // going on at the top of the next column is no break.
      const indent = s.x0 - (s.left ?? s.x0);
      const indented = indent > 1.2 * body && indent < 3.5 * body;
      const drop = prev.y - s.y;
      const gap = drop > 2 * Math.max(body, s.size);
      // Heading lines of one stack stay together; the cleaner reads them as one headline group.
      const stacked = isHeading[i] && isHeading[i - 1];
      if (!stacked && (isHeading[i] || isHeading[i - 1] || indented || gap)) lines.push("");
      // Room for a photo or a box: a new region of the page, which the cleaner reads from two blank lines.
      if (drop > REGION_GAP_EM * Math.max(body, s.size)) lines.push("");
    }
    const marked = isHeading[i] && Math.round(s.size) === stackTop[i];
    lines.push(marked ? `${"#".repeat(Math.min(ranks.indexOf(Math.round(s.size)) + 1, 3))} ${text}` : text);
  });
  return lines.join("\n");
}
