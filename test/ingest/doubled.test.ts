import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../scripts/prng.js";
import { repairDoubled, undouble } from "../../src/ingest/doubled.js";
import { normalizeSpaces } from "../../src/ingest/text.js";
import { SEED_PREFIXES, seedText } from "./fixtures.js";

/**
 * The repair as it was first written: every split point k, the rest undoubled each time
 * (quadratic in the line). Kept as the oracle the linear version must agree with.
 */
function repairDoubledByEverySplit(line: string): string | null {
  const hanLength = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;
  const s = line.trim();
  const chars = [...s];
  if (chars.length < 6) return null;
  for (let k = 2; k < chars.length; k++) {
    const clean = chars.slice(0, k).join("").trim();
    if (hanLength(clean) < 2) continue;
    const undone = undouble(chars.slice(k).join("").trim());
    if (undone !== null && undone === clean.replace(/\s+/g, "")) return clean;
  }
  const whole = undouble(s);
  return whole !== null && hanLength(whole) >= 4 ? whole : null;
}

/** Doubles a line the way outlined fonts come out of PDF extraction: word runs whole, punctuation glyph by glyph. */
function doubled(s: string): string {
  return s.replace(/\p{Script=Han}+|[A-Za-z0-9]+|[^\s\p{Script=Han}A-Za-z0-9]/gu, (run) => run + run);
}

const PIECES = ["强化", "政治", "引领", "筑牢", "信仰", "之基", "娘家人", "看", "10", "AI", "“", "”", "，", " ", "  ", "。", "\u2028", "之"];

function randomLine(next: () => number): string {
  const pick = () => PIECES[Math.floor(next() * PIECES.length)]!;
  const base = Array.from({ length: 1 + Math.floor(next() * 8) }, pick).join("");
  switch (Math.floor(next() * 4)) {
    case 0:
      return `${base} ${doubled(base)}`;
    case 1:
      return `${base}${doubled(base)}`;
    case 2:
      return doubled(base);
    default:
      return base + Array.from({ length: Math.floor(next() * 10) }, pick).join("");
  }
}

describe("repairDoubled", () => {
  it("agrees with the split-everywhere repair on every seed line", () => {
    let lines = 0;
    for (const prefix of SEED_PREFIXES) {
      for (const raw of seedText(prefix).split(/\r?\n/)) {
        const line = normalizeSpaces(raw).trim().replace(/^#{1,6}\s+/, "");
        expect(repairDoubled(line), line).toBe(repairDoubledByEverySplit(line));
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(100);
  });

  it("agrees with the split-everywhere repair on random doubled and plain lines", () => {
    const next = mulberry32(15);
    let repaired = 0;
    for (let i = 0; i < 5000; i++) {
      const line = randomLine(next);
      const expected = repairDoubledByEverySplit(line);
      expect(repairDoubled(line), JSON.stringify(line)).toBe(expected);
      if (expected !== null) repaired++;
    }
    // The generator must exercise the repair, not only the "no doubling" answer.
    expect(repaired).toBeGreaterThan(500);
  });

  it("repairs the outline-font headline of the docs and leaves reduplication alone", () => {
    expect(repairDoubled("强化政治引领 筑牢信仰之基强化政治引领强化政治引领 筑牢信仰之基筑牢信仰之基")).toBe("强化政治引领 筑牢信仰之基");
    expect(repairDoubled("看看这里")).toBeNull();
  });

  it("reads a paragraph of a million characters on one line in linear time", () => {
    // Split at every point, this line would take ~10^12 character steps: the suite would never finish.
    const sentence = "今年以来，全州新增城镇就业10395人，农村劳动力外出务工8710人。";
    const line = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    expect(repairDoubled(line)).toBeNull();
    expect(repairDoubled(`${line}${doubled(line)}`)).toBe(line);
  });
});
