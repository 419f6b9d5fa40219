/**
 * How the news answers are worded, per question language: one table, so the Chinese and English
 * replies say the same things. Quotes are always verbatim; only the framing is translated.
 */
import type { Citation } from "../types.js";
import type { Issue } from "./articles.js";

type Lang = "zh" | "en";

/** An issue named for a reader: paper, date and printed number when known. */
function issueName(lang: Lang, issue: Issue): string {
  if (lang === "zh") return `${issue.date}的${issue.paper ? `《${issue.paper}》` : "报纸"}${issue.number ? `（总第${issue.number}期）` : ""}`;
  return `${issue.paper ?? "the paper"} of ${issue.date}${issue.number ? ` (No. ${issue.number})` : ""}`;
}

/** How old a date is, for a reader: only said when it is more than a day or two. */
function age(lang: Lang, days: number): string {
  if (days <= STALE_AFTER_DAYS) return "";
  const months = Math.floor(days / 30.4);
  if (lang === "zh") return `，距今${days}天${months >= 2 ? `（约${months}个月）` : ""}——索引里没有更新的报纸`;
  return `, ${days} days before today${months >= 2 ? ` (about ${months} months)` : ""} — the index has nothing newer`;
}

/** A newest issue older than this many days is called old. */
export const STALE_AFTER_DAYS = 2;

/** "1. headline — “lead”" lines, numbered like the citations. */
function headlineLines(lang: Lang, leads: Citation[]): string {
  return leads.map((c, i) => (lang === "zh" ? `${i + 1}. 《${c.headline}》：“${c.quote}”` : `${i + 1}. ${c.headline} — “${c.quote}”`)).join("\n");
}

export const NEWS_WORDING = {
  latest(lang: Lang, issue: Issue, ageDays: number, leads: Citation[]): string {
    const count = issue.articles.length;
    const head =
      lang === "zh"
        ? `最新一期是${issueName(lang, issue)}${age(lang, ageDays)}。共${count}篇报道${leads.length < count ? `，这里是前${leads.length}篇` : ""}：`
        : `The newest issue is ${issueName(lang, issue)}${age(lang, ageDays)}. Its ${count} articles${leads.length < count ? ` (the first ${leads.length})` : ""}:`;
    return `${head}\n${headlineLines(lang, leads)}`;
  },
  issue(lang: Lang, issue: Issue, leads: Citation[]): string {
    const count = issue.articles.length;
    const head =
      lang === "zh"
        ? `${issueName(lang, issue)}共${count}篇报道${leads.length < count ? `，这里是前${leads.length}篇` : ""}：`
        : `${issueName(lang, issue)[0]!.toUpperCase()}${issueName(lang, issue).slice(1)} has ${count} articles${leads.length < count ? ` (the first ${leads.length})` : ""}:`;
    return `${head}\n${headlineLines(lang, leads)}`;
  },
  noIssue(lang: Lang, asked: string, nearest: Issue[]): string {
    const near = nearest.map((i) => (i.number ? `${i.date}（总第${i.number}期）` : i.date));
    const nearEn = nearest.map((i) => (i.number ? `${i.date} (No. ${i.number})` : i.date));
    if (lang === "zh") return `索引中没有${asked}的报纸。${near.length ? `最接近的是${near.join("和")}，可以问其中一期。` : "索引里没有注明日期的报纸。"}`;
    return `There is no paper for ${asked} in the index.${nearEn.length ? ` The nearest are ${nearEn.join(" and ")} — ask for one of them.` : " None of its pages is dated."}`;
  },
  noDatedIssue(lang: Lang): string {
    return lang === "zh" ? "索引中的报纸都没有注明日期，无法说哪一期是最新的。" : "None of the pages in the index is dated, so none can be called the latest.";
  },
  overview(lang: Lang, topic: string, picks: Citation[], articles: number, thin: boolean): string {
    const dates = picks.map((c) => c.date).filter((d): d is string => !!d);
    const span = dates.length ? (dates[0] === dates.at(-1) ? dates[0]! : `${dates[0]} – ${dates.at(-1)}`) : null;
    const lines = picks.map((c, i) =>
      lang === "zh"
        ? `${i + 1}. “${c.quote}”（${c.paper ? `《${c.paper}》` : ""}${c.date ?? "日期未注明"}《${c.headline}》）`
        : `${i + 1}. “${c.quote}” (${c.paper ? `${c.paper}, ` : ""}${c.date ?? "undated"}, “${c.headline}”)`,
    );
    const head =
      lang === "zh"
        ? `关于“${topic}”，${thin ? `报道很少（只有${articles}篇）。` : ""}报道中的要点${span ? `（${span}）` : ""}：`
        : `On “${topic}”${thin ? `, coverage is thin (${articles === 1 ? "one article" : `${articles} articles`})` : ""} — what the articles report${span ? ` (${span})` : ""}:`;
    return `${head}\n${lines.join("\n")}`;
  },
  nothingOn(lang: Lang, topic: string): string {
    return lang === "zh" ? `现有报道中没有关于“${topic}”的内容。` : `The articles have nothing about “${topic}”.`;
  },
} as const;
