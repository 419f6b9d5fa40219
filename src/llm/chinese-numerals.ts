/**
 * Numbers written in Chinese characters (十余台, 两千人, 一万五千, 近千头), read as values so that an
 * answer's "over 10 units" can meet a source's 十余台 — and an answer's 一万余人 cannot slip past a
 * source that says 10395人.
 */

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

// A run, and a scale after 余/多 that still belongs to it: 十余万 is 100,000-odd.
const RUN = /([零〇一二两三四五六七八九十百千万亿]+)(?:[余多]([万亿]+))?/g;

// What a counted figure is followed by in an answer (余/多 first: 十余台). Dates (年月日) and idioms
// such as 十分 (very) or 千万 (by all means) are not followed by one of these, so they are not read.
const MEASURE = /^(?:余|多)?(?:人|名|个|家|项|元|次|场|台|亩|吨|户|件|座|所|辆|头|只|条|栋|岁|倍|天|批|处|套|种|位)/;

/** The value of a run like 一万五千 (15000), 十余 (10), 二〇二六 (2026, read digit by digit). */
export function chineseValue(run: string): number | null {
  if (!run) return null;
  const hasUnit = [...run].some((ch) => ch in SMALL_UNIT || ch in BIG_UNIT);
  if (!hasUnit) {
    const digits = [...run].map((ch) => DIGIT[ch]);
    return digits.every((d) => d !== undefined) ? Number(digits.join("")) : null;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of run) {
    if (ch in DIGIT) digit = DIGIT[ch] as number;
    else if (ch in SMALL_UNIT) {
      section += (digit || 1) * (SMALL_UNIT[ch] as number);
      digit = 0;
    } else if (ch === "万") {
      total += (section + digit || 1) * 1e4; // a bare 万 (千家万户) is one 万
      section = 0;
      digit = 0;
    } else {
      total = (total + section + digit || 1) * 1e8; // 亿 scales everything before it: 两万亿
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** The value of a whole match: the run times any scale after 余/多. */
function valueOf(m: RegExpMatchArray): number | null {
  const value = chineseValue(m[1] ?? "");
  const scale = m[2] ? chineseValue(`一${m[2]}`) : 1;
  return value === null || scale === null ? null : value * scale;
}

/** Every Chinese-numeral value in a source text; generous, since a source only widens what is allowed. */
export function sourceChineseNumbers(text: string): number[] {
  return [...text.matchAll(RUN)].map(valueOf).filter((v): v is number => v !== null);
}

/**
 * Chinese-numeral figures an answer states: runs followed by a measure word, except a lone 一…九/两,
 * which mostly means "a" or "one" (一家企业, 两个阶段) rather than a figure.
 */
export function answerChineseNumbers(text: string): { text: string; value: number }[] {
  const out: { text: string; value: number }[] = [];
  for (const m of text.matchAll(RUN)) {
    const after = text.slice((m.index ?? 0) + m[0].length);
    if (m[0].length === 1 && m[0] in DIGIT) continue;
    if (!MEASURE.test(after)) continue;
    const value = valueOf(m);
    if (value !== null) out.push({ text: m[0] + (MEASURE.exec(after)?.[0] ?? ""), value });
  }
  return out;
}
