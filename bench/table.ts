/** Plain-text tables for the benchmark report (stdout), right-aligning numeric columns. */

export type Cell = string | number;

/** Formats a number with `digits` decimals and thousands separators. */
export function num(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "n/a";
  return value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function table(title: string, header: string[], rows: Cell[][]): string {
  const text = rows.map((r) => r.map((c) => (typeof c === "number" ? num(c, Number.isInteger(c) ? 0 : 2) : c)));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.every((r) => typeof r[i] === "number" || /^[\d.,%×\s-]+(ms|s|MB|KB|B|%|×)?$/.test(String(r[i] ?? ""))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric[i] && i > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [`${title}`, line(header), widths.map((w) => "-".repeat(w)).join("  "), ...text.map(line)].join("\n");
}
