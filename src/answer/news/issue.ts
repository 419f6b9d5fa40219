/**
 * "What's new" and "the paper of 2024-11-07 / 第12124期": the headlines of one dated issue with the
 * lead sentence of each, every one a citation. The newest dated issue is the latest; undated pages
 * never are. A day or number the index has no paper for gets the nearest issues instead.
 */
import type { Citation } from "../types.js";
import { daysBetween, type Issue, type NewsCatalog } from "./articles.js";
import type { NewsAnswer } from "./types.js";
import { NEWS_WORDING } from "./wording.js";

/** Headlines shown in the answer; the rest of the issue (then the issue before) is "more". */
export const LISTED_ARTICLES = 8;

type Lang = "zh" | "en";

function leadsOf(catalog: NewsCatalog, articles: Issue["articles"]): Citation[] {
  return articles.map((a) => catalog.lead(a)).filter((c): c is Citation => c !== null);
}

/** The listing of one issue: shown leads, then the rest and the previous issue as "more". */
function listing(catalog: NewsCatalog, issue: Issue): { shown: Citation[]; more: Citation[] } {
  const leads = leadsOf(catalog, issue.articles);
  const older = catalog.issues[catalog.issues.indexOf(issue) + 1];
  return { shown: leads.slice(0, LISTED_ARTICLES), more: [...leads.slice(LISTED_ARTICLES), ...(older ? leadsOf(catalog, older.articles) : [])] };
}

function answerOf(question: string, lang: Lang, intent: "latest" | "issue", text: string, issue: Issue | null, shown: Citation[], more: Citation[]): NewsAnswer {
  const found = issue !== null && shown.length > 0;
  return { question, answer: text, found, lang, kind: "other", figure: null, asOf: issue?.date ?? null, citations: shown, intent, more };
}

/** The newest dated issue's headlines; says how old it is when it is more than a couple of days. */
export function answerLatest(catalog: NewsCatalog, question: string, lang: Lang, today: Date): NewsAnswer {
  const newest = catalog.issues[0];
  if (!newest) return answerOf(question, lang, "latest", NEWS_WORDING.noDatedIssue(lang), null, [], []);
  const { shown, more } = listing(catalog, newest);
  return answerOf(question, lang, "latest", NEWS_WORDING.latest(lang, newest, daysBetween(newest.date, today), shown), newest, shown, more);
}

/** The issue of a day (ISO) or a printed number; else "no paper for that date" with the nearest issues. */
export function answerIssue(catalog: NewsCatalog, question: string, lang: Lang, asked: { date?: string; issueNumber?: string }): NewsAnswer {
  const issue = catalog.issues.find((i) => (asked.date ? i.date === asked.date : i.number === asked.issueNumber)) ?? null;
  if (!issue) {
    const label = asked.date ?? (lang === "zh" ? `第${asked.issueNumber}期` : `issue No. ${asked.issueNumber}`);
    return answerOf(question, lang, "issue", NEWS_WORDING.noIssue(lang, label, nearestIssues(catalog.issues, asked)), null, [], []);
  }
  const { shown, more } = listing(catalog, issue);
  return answerOf(question, lang, "issue", NEWS_WORDING.issue(lang, issue, shown), issue, shown, more);
}

/** The closest issue before and after the asked day (or number). */
export function nearestIssues(issues: readonly Issue[], asked: { date?: string; issueNumber?: string }): Issue[] {
  const keyOf = (i: Issue) => (asked.date ? Date.parse(i.date) : Number(i.number ?? NaN));
  const target = asked.date ? Date.parse(asked.date) : Number(asked.issueNumber);
  const known = issues.filter((i) => Number.isFinite(keyOf(i)));
  const before = known.filter((i) => keyOf(i) < target).sort((a, b) => keyOf(b) - keyOf(a))[0];
  const after = known.filter((i) => keyOf(i) > target).sort((a, b) => keyOf(a) - keyOf(b))[0];
  return [before, after].filter((i): i is Issue => i !== undefined);
}
