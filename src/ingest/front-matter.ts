/**
 * A page converted from a PDF or a web article starts with a short front matter block that keeps
 * what the document said about itself outside its text (PDF metadata, HTML meta tags). It lives in
 * the seed text, so a full rebuild from SEEDS_DIR reads the same metadata as the `--add` that made it.
 *
 *     ---
 *     source: 2024-11-07_page1.pdf
 *     format: pdf
 *     date: 2024-11-07
 *     date-from: PDF metadata (CreationDate)
 *     ---
 */

/** The keys a page's front matter may hold; unknown keys are kept but not read. */
export interface FrontMatter {
  source?: string;
  format?: string;
  paper?: string;
  /** Who wrote the story, when the document says so outside its text (a web page's author): the first article's byline if its text prints none. */
  byline?: string;
  date?: string;
  /** Where the date came from, e.g. `PDF metadata (CreationDate)`: for audits, not read. */
  "date-from"?: string;
  /** A PDF's Title, kept for audits. */
  title?: string;
  [key: string]: string | undefined;
}

const FENCE = "---";
const FIELD = /^([a-z][a-z-]*):\s*(.*)$/;

/** Splits a leading front matter block off `raw`; a page without one comes back whole with no fields. */
export function splitFrontMatter(raw: string): { fields: FrontMatter; body: string } {
  const lines = raw.split("\n");
  if (lines[0]?.trim() !== FENCE) return { fields: {}, body: raw };
  const end = lines.indexOf(FENCE, 1);
  if (end < 0) return { fields: {}, body: raw };
  const fields: FrontMatter = {};
  for (const line of lines.slice(1, end)) {
    const m = line.match(FIELD);
    if (!m) return { fields: {}, body: raw }; // not front matter after all: a rule line in the text
    if (m[2]) fields[m[1]!] = m[2].trim();
  }
  return { fields, body: lines.slice(end + 1).join("\n") };
}

/** The front matter block for `fields` (empty values left out), ending in a blank line. */
export function renderFrontMatter(fields: FrontMatter): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}: ${value!.replace(/\s+/g, " ").trim()}`);
  return [FENCE, ...lines, FENCE, "", ""].join("\n");
}
