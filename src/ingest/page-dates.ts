/**
 * Dates found outside the masthead: in a document's metadata (a PDF title, an HTML meta tag) or in
 * its file name. Only whole, valid calendar dates count, so a hash or an issue number is never
 * read as one.
 */

const pad = (n: number) => String(n).padStart(2, "0");

/** `yyyy-mm-dd` when y/m/d is a real date between 1900 and 2100, else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** 2024-11-07, 2024_11_07, 2024.11.07, 20241107 — not inside a longer run of letters or digits. */
const NAME_DATE = /(?<![0-9A-Za-z])(\d{4})([-_.]?)(\d{2})\2(\d{2})(?![0-9A-Za-z])/g;
/** 2024年11月7日, 2024-11-07, 2024/11/7, 2024-11-07T08:00:00+08:00. */
const TEXT_DATE = /(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))/;

/** The first date written in a file name (`2024-11-07_page1.pdf`, `cjrb20241107.html`), or null. */
export function dateInFileName(name: string): string | null {
  for (const m of name.matchAll(NAME_DATE)) {
    const date = isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
    if (date) return date;
  }
  return null;
}

/** The first date written out in `text` (a title, a meta value), or null. */
export function dateInText(text: string): string | null {
  const m = text.match(TEXT_DATE);
  if (!m) return null;
  return isoDate(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]));
}
