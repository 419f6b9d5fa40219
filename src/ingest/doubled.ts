/**
 * Outlined display fonts come out of PDF extraction twice: once clean, then with every glyph run
 * doubled — `强化政治引领 筑牢信仰之基强化政治引领强化政治引领 筑牢信仰之基筑牢信仰之基`.
 * We recognise "clean text + its doubled form" (or a line that is only the doubled form) and keep
 * the clean text. A line that is so repaired was set in display type: a headline.
 */

type RunClass = "han" | "alnum" | "other";

function classOf(ch: string): RunClass {
  if (/\p{Script=Han}/u.test(ch)) return "han";
  if (/[A-Za-z0-9]/.test(ch)) return "alnum";
  return "other";
}

/** Splits on spaces and class changes: `用心““娘家人` → [用心, ““, 娘家人]. */
function runs(s: string): { text: string; cls: RunClass }[] {
  const out: { text: string; cls: RunClass }[] = [];
  for (const ch of s) {
    if (ch === " ") {
      out.push({ text: "", cls: "other" });
      continue;
    }
    const cls = classOf(ch);
    const last = out[out.length - 1];
    if (last && last.text && last.cls === cls) last.text += ch;
    else out.push({ text: ch, cls });
  }
  return out.filter((r) => r.text);
}

/**
 * Undoes the doubling of `s`, or returns null when `s` is not entirely doubled. Word runs are
 * doubled whole (`娘家人娘家人`), punctuation glyph by glyph (`““`).
 */
export function undouble(s: string): string | null {
  let out = "";
  for (const run of runs(s)) {
    const chars = [...run.text];
    if (chars.length % 2) return null;
    if (run.cls === "other") {
      for (let i = 0; i < chars.length; i += 2) {
        if (chars[i] !== chars[i + 1]) return null;
        out += chars[i];
      }
    } else {
      const half = chars.length / 2;
      const a = chars.slice(0, half).join("");
      if (a !== chars.slice(half).join("")) return null;
      out += a;
    }
  }
  return out;
}

const compact = (s: string) => s.replace(/\s+/g, "");
const hanLength = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;

/** Non-whitespace code points of `chars[0..i)` for every i (whitespace as `\s` and `trim()` count it). */
function solidPrefixCounts(chars: string[]): Int32Array {
  const counts = new Int32Array(chars.length + 1);
  for (let i = 0; i < chars.length; i++) counts[i + 1] = counts[i]! + (/\s/.test(chars[i]!) ? 0 : 1);
  return counts;
}

/**
 * The clean form of a doubled-glyph line, or null when the line shows no doubling.
 * Needs at least two ideographs so ordinary reduplication (`看看`) is left alone.
 *
 * Linear in the line: a clean prefix followed by its doubled form holds a third of the line's
 * non-space characters (undoubling halves the rest and keeps no spaces), so only the split
 * points right after the first third can match — and they all give the same prefix and rest,
 * as they differ only by whitespace that `trim()` removes. The first of them is the one tried.
 */
export function repairDoubled(line: string): string | null {
  const s = line.trim();
  const chars = [...s];
  if (chars.length < 6) return null;
  const solid = solidPrefixCounts(chars);
  const total = solid[chars.length]!;
  if (total % 3 === 0) {
    // The first split point whose prefix holds exactly a third of the non-space characters.
    let k = 2;
    while (k < chars.length && solid[k]! < total / 3) k++;
    if (k < chars.length && solid[k] === total / 3) {
      const clean = chars.slice(0, k).join("").trim();
      if (hanLength(clean) >= 2) {
        const undone = undouble(chars.slice(k).join("").trim());
        if (undone !== null && undone === compact(clean)) return clean;
      }
    }
  }
  const whole = undouble(s);
  if (whole !== null && hanLength(whole) >= 4) return whole;
  return null;
}
