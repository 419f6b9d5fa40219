/**
 * Finds the figures, dates and amounts a news sentence states, with their positions, so the answer
 * can lead with the one next to the words the reader asked about.
 */
export type FigureKind = "quantity" | "percent" | "date" | "year";

export interface Figure {
  /** Verbatim text, e.g. `10395人`, `1.45万人次`, `2027年10月`, `95.88%`. */
  text: string;
  kind: FigureKind;
  start: number;
  end: number;
  /** The numeric value with 万/亿 applied, when it is a plain quantity or percent. */
  value: number | null;
  /** The unit after the number (人, 万吨, 场次…), empty when there is none. */
  unit: string;
}

// Units as printed in the papers, longest first so 场次 wins over 场 and 人次 over 人.
const UNITS = [
  "平方公里", "平方米", "立方米", "千瓦时", "标准足球场", "人次", "场次", "批次", "余场", "公顷", "公里",
  "千米", "小时", "分钟", "个月", "万元", "亿元", "元", "人", "名", "个", "项", "家", "场", "吨", "亩", "米",
  "户", "件", "起", "处", "套", "台", "辆", "头", "只", "副", "条", "栋", "次", "单", "所", "座", "天", "年", "岁",
  "根", "部", "支", "款", "种", "位", "期", "届", "列", "份", "间", "层", "倍", "周", "篇", "门", "张",
];
const UNIT_PATTERN = UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");

const DATE = /(?:\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:[—-]\d{1,2}日)?|\d{1,2}月\d{1,2}日(?:[至—-]\d{1,2}日)?|\d{4}年\d{1,2}[—-]\d{1,2}月|\d{1,2}[—-]\d{1,2}月)/y;
const YEAR = /\d{4}(?:[—-]\d{4})?年(?:底|初|以来)?/y;
const PERCENT = /\d+(?:\.\d+)?%/y;
const QUANTITY = new RegExp(`\\d+(?:\\.\\d+)?(?:余|多)?(?:万|亿|千|百)?(?:余|多)?(?:${UNIT_PATTERN})?`, "y");

const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

/** All figures in a text, left to right, dates before quantities where both could match. */
export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    const isDigit = ch >= 48 && ch <= 57;
    const prevIsDigit = i > 0 && /[\d.]/.test(text[i - 1] ?? "");
    if (!isDigit || prevIsDigit) {
      i++;
      continue;
    }
    const figure = matchAt(text, i);
    out.push(figure);
    i = figure.end;
  }
  return out;
}

function matchAt(text: string, at: number): Figure {
  for (const [kind, re] of [["date", DATE], ["year", YEAR], ["percent", PERCENT]] as const) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) {
      const value = kind === "percent" ? Number.parseFloat(m[0]) : null;
      return { text: m[0], kind, start: at, end: at + m[0].length, value, unit: kind === "percent" ? "%" : "" };
    }
  }
  QUANTITY.lastIndex = at;
  const m = QUANTITY.exec(text) as RegExpExecArray; // always matches at a digit
  const raw = m[0];
  const number = Number.parseFloat(raw);
  const multiplier = raw.match(/[万亿千百]/)?.[0];
  const unit = raw.replace(/^\d+(?:\.\d+)?(?:余|多)?/, "").replace(/^[万亿千百](?:余|多)?/, "");
  const value = multiplier ? number * (MULTIPLIER[multiplier] ?? 1) : number;
  return { text: raw, kind: "quantity", start: at, end: at + raw.length, value, unit: (multiplier ?? "") + unit };
}

/** Whether a figure is a bare number with nothing that says what it counts (e.g. a street number). */
export function isBareNumber(figure: Figure): boolean {
  return figure.kind === "quantity" && figure.unit === "" && !/[余多]/.test(figure.text);
}
