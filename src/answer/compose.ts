import { periodName, type AskedDate } from "./dates.js";
import type { Figure } from "./figures.js";
import type { Citation } from "./types.js";

/**
 * Answer wording, without an LLM: the figure first, then the verbatim quote and where it is from.
 * Chinese questions get Chinese framing, English questions English framing with the Chinese quote.
 */
const UNIT_EN: Record<string, string> = {
  人: "people", 名: "people", 人次: "person-times", 万人次: "person-times", 户: "households", 家: "organisations",
  个: "", 项: "items", 场次: "sessions", 场: "events", 次: "times", 元: "yuan", 万元: "yuan", 亿元: "yuan",
  吨: "tonnes", 万吨: "tonnes", 亩: "mu", 万亩: "mu", 公里: "km", 米: "m", 平方米: "m²", 万平方米: "m²", 公顷: "hectares",
  "%": "%", 岁: "years old", 辆: "vehicles", 头: "head", 处: "sites", 栋: "buildings", 台: "units", 套: "sets",
  个月: "months", 年: "years", 天: "days", 小时: "hours", 列: "train trips", 万列: "train trips", 种: "kinds",
};

/** English reading of a figure: 1.45万人次 → "14,500 person-times"; unknown units stay Chinese. */
export function figureInEnglish(figure: Figure): string | null {
  if (figure.kind !== "quantity" && figure.kind !== "percent") return null;
  if (figure.value === null) return null;
  const unit = UNIT_EN[figure.unit];
  if (unit === undefined) return null;
  const approx = /[余多]/.test(figure.text) ? "over " : "";
  const number = figure.kind === "percent" ? `${figure.value}` : figure.value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  return `${approx}${number}${unit === "%" ? "%" : unit ? ` ${unit}` : ""}`;
}

function sourceLine(c: Citation, lang: "zh" | "en"): string {
  if (lang === "zh") return `${c.paper ? `《${c.paper}》` : ""}${c.date ?? "日期未注明"}《${c.headline}》`;
  return `${c.paper ? `${c.paper}, ` : ""}${c.date ?? "undated"}, “${c.headline}”`;
}

/**
 * Words that make a figure a running total, still growing when the paper printed it (今年以来,
 * 累计, 截至目前): only those are "as of" the article's date. Any other fact was *reported* that day.
 */
const RUNNING_TOTAL = /以来|累计|截至|截止|至今|迄今|目前|共计/;

/** How the article's date goes with the lead: "as of" a running total, "reported" otherwise, nothing after a date. */
function dateNote(lang: "zh" | "en", best: Citation, figure: Figure | null): string {
  if (!best.date || (figure && (figure.kind === "date" || figure.kind === "year"))) return "";
  const running = figure !== null && (figure.kind === "quantity" || figure.kind === "percent") && RUNNING_TOTAL.test(best.quote);
  if (lang === "zh") return running ? `（截至${best.date}）` : `（${best.date}报道）`;
  return running ? ` as of ${best.date}` : ` (reported ${best.date})`;
}

/**
 * A quote with balanced quotation marks: a run of opening marks (outlined fonts print them twice) is
 * one, an opening mark never closed is closed at the end, a closing mark never opened is dropped.
 */
export function balancedQuote(quote: string): string {
  let depth = 0;
  let out = "";
  for (const ch of quote.replace(/“{2,}/g, "“").replace(/”{2,}/g, "”")) {
    if (ch === "“") depth++;
    if (ch === "”") {
      if (depth === 0) continue;
      depth--;
    }
    out += ch;
  }
  return out + "”".repeat(depth);
}

/**
 * The value first, with how its date goes with it (as of a running total's date, reported that
 * day, nothing after a date answer), then the verbatim quote and its source:
 * "10,395 people (10395人) as of 2026-04-22, according to 昌吉日报, “…”: “…”".
 */
export function composeFound(lang: "zh" | "en", best: Citation, figure: Figure | null): string {
  const quote = balancedQuote(best.quote);
  const note = dateNote(lang, best, figure);
  if (lang === "zh") {
    const paper = best.paper ? `《${best.paper}》` : "";
    const lead = figure ? `${figure.text}${note}。` : "";
    // The date is in the note after a value; without one, beside the headline.
    const dated = !best.date ? "（日期未注明）" : figure ? "" : `（${best.date}）`;
    return `${lead}据${paper}《${best.headline}》${dated}报道：“${quote}”`;
  }
  const english = figure ? figureInEnglish(figure) : null;
  const lead = figure ? (english ? `${english} (${figure.text})` : figure.text) : "";
  const source = `${best.paper ? `${best.paper}, ` : ""}“${best.headline}”${best.date ? "" : " (undated)"}`;
  return lead ? `${lead}${note}, according to ${source}: “${quote}”` : `According to ${source}${best.date ? ` (${best.date})` : ""}: “${quote}”`;
}

/** The plain "the articles don't say", with what they do report when something is close. */
export function composeNotFound(lang: "zh" | "en", closest: Citation | null): string {
  if (lang === "zh") {
    const base = "现有报道中没有找到这个问题的答案。";
    return closest ? `${base}相关报道提到：“${balancedQuote(closest.quote)}”（${sourceLine(closest, "zh")}）` : base;
  }
  const base = "The articles don't say.";
  return closest ? `${base} The closest they report is: “${balancedQuote(closest.quote)}” (${sourceLine(closest, "en")}).` : `${base} Nothing in them is about this.`;
}

/**
 * A question about a period the archive has no paper of yet (今年 in 2027, newest paper 2026-04-22):
 * said plainly, with what the newest papers report as evidence, never as this period's answer.
 */
export function composeBeyondArchive(lang: "zh" | "en", period: AskedDate, newestIssue: string, closest: Citation | null): string {
  const name = periodName(period, lang);
  if (lang === "zh") {
    const base = `现有报道中还没有${name}的数据（最新一期报纸是${newestIssue}）。`;
    return closest ? `${base}最近的相关报道${closest.date ? `（${closest.date}）` : ""}提到：“${balancedQuote(closest.quote)}”（${sourceLine(closest, "zh")}）` : base;
  }
  const base = `The articles have nothing for ${name} yet (the newest paper is from ${newestIssue}).`;
  return closest ? `${base} The newest report on this${closest.date ? `, from ${closest.date},` : ""} says: “${balancedQuote(closest.quote)}” (${sourceLine(closest, "en")}).` : base;
}
