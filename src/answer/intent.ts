/**
 * What a reader wants from a question, before anything is searched: the newest paper (*latest*), a
 * given day's or issue's paper (*issue*), a summary of the coverage of a topic (*overview*), or one
 * fact (*fact*, everything else). Decided by one table of cues, each adding weight to an intent;
 * the heaviest intent at or above INTENT_THRESHOLD wins, else *fact*.
 */

export type Intent = "latest" | "issue" | "overview" | "fact";

/** The intent and what it needs: the day or issue number asked for, the topic of an overview. */
export interface IntentReading {
  intent: Intent;
  /** ISO date of the issue asked for (issue intent, when a day is named). */
  date?: string;
  /** The printed issue number asked for (第12124期 → "12124"). */
  issueNumber?: string;
  /** An overview's topic: the question with its opener ("介绍一下", "tell me about") removed. */
  topic?: string;
}

interface Cue {
  intent: Exclude<Intent, "fact">;
  pattern: RegExp;
  weight: number;
  /** Why the cue is there (what it reads). */
  reads: string;
}

const NEWS_ZH = "(?:新闻|消息|报道|要闻|动态|头条|新鲜事)";
const NEWS_EN = "(?:news|headlines|stories|happening)";
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = `(${MONTHS.join("|")}|${MONTHS.map((m) => m.slice(0, 3)).join("|")})\\.?`;

/** A printed issue number: 第12124期, issue 12124, issue no. 12124, No. 12124. */
const ISSUE_NUMBER = /第\s*(\d{3,6})\s*期|\b(?:issue(?: number| no\.?)?|no\.)\s*#?\s*(\d{4,6})\b/i;

/**
 * The cue table. A cue alone at weight ≥ 1 decides; weaker cues need company (a day named in the
 * question is an *issue* only with a word for the paper or the news: 2024年11月7日有什么新闻).
 * Weights set by hand; on the eval sets every intent is read right: 42/42 of test/eval/news.jsonl
 * and none of the 170 fact questions (and turns) of questions.jsonl and heldout.jsonl misread.
 */
export const INTENT_CUES: readonly Cue[] = [
  { intent: "latest", pattern: new RegExp(`(最近|最新|近期|近来|近日|今天|今日|这几天|眼下).{0,8}${NEWS_ZH}`), weight: 1, reads: "最近有什么新闻" },
  { intent: "latest", pattern: new RegExp(`${NEWS_ZH}.{0,4}(最近|最新)|有(什么|啥)新(闻|鲜事)?[吗？?]?$`), weight: 1, reads: "有什么新鲜事" },
  { intent: "latest", pattern: new RegExp(`\\b(what'?s|what is|anything) new\\b|\\b(latest|recent|newest|today'?s) ${NEWS_EN}|\\b${NEWS_EN} (today|lately|recently)\\b`, "i"), weight: 1, reads: "what's new, latest news" },
  { intent: "latest", pattern: /\b(latest|newest|most recent|today'?s) (paper|issue|edition)\b/i, weight: 1, reads: "the latest paper" },
  { intent: "latest", pattern: /最新(一|的)?期|最新的?报纸|今天的报纸/, weight: 1, reads: "最新一期" },
  { intent: "issue", pattern: ISSUE_NUMBER, weight: 1.5, reads: "第12124期, issue 12124" },
  { intent: "issue", pattern: /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]/, weight: 0.6, reads: "2024年11月7日" },
  { intent: "issue", pattern: new RegExp(`\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}(st|nd|rd|th)? (of )?${MONTH},? \\d{4}\\b|\\b${MONTH} \\d{1,2}(st|nd|rd|th)?,? \\d{4}\\b`, "i"), weight: 0.6, reads: "7 November 2024" },
  { intent: "issue", pattern: /(报纸|日报|报上|版面|那期|这期|当天|当日|那天)/, weight: 0.5, reads: "的报纸" },
  { intent: "issue", pattern: new RegExp(`${NEWS_ZH}|有(什么|哪些|啥)|说了什么|讲了什么`), weight: 0.4, reads: "有什么新闻" },
  { intent: "issue", pattern: new RegExp(`\\b(paper|issue|edition|front page|${NEWS_EN})\\b|\\b(summari[sz]e|what was in)\\b`, "i"), weight: 0.5, reads: "the paper of" },
  { intent: "overview", pattern: /^(请|请你)?(介绍|讲讲|说说|谈谈|概括|总结)(一下)?|(的|有关的?)(报道|情况介绍|来龙去脉)(有哪些|吧)?[？?]?$|^关于.+的(报道|新闻)/, weight: 1, reads: "介绍一下…, 关于…的报道" },
  { intent: "overview", pattern: /(是怎么回事|进展如何|进展怎么样|怎么样了)[？?]?$/, weight: 1, reads: "…进展如何" },
  { intent: "overview", pattern: /^(please )?(tell me (about|more about)|what happened (with|to|at|in)|give me an overview of|an overview of|overview of|summari[sz]e (the )?(news|coverage|reports?|articles?) (on|about)|what do (the articles|the papers|you know) (say )?about|what'?s (going on|happening) with)\b/i, weight: 1, reads: "tell me about…, what happened with…" },
];

/** Words that leave an overview without a topic of its own: times and words for news. */
const TIME_ONLY = new RegExp(`最近|最新|近期|近来|近日|今天|今日|这几天|的|有什么|${NEWS_ZH}|\\b(the|latest|recent|newest|today'?s?|news|headlines|stories)\\b|[\\s,.?!，。？！]`, "gi");

/** Least total cue weight for an intent other than *fact*. */
export const INTENT_THRESHOLD = 1;

/**
 * Reads the intent of a (validated) question: the heaviest intent by INTENT_CUES, at least
 * INTENT_THRESHOLD, else "fact"; with the day, issue number or topic it needs.
 */
export function detectIntent(question: string): IntentReading {
  const scores = new Map<Intent, number>();
  for (const cue of INTENT_CUES) if (cue.pattern.test(question)) scores.set(cue.intent, (scores.get(cue.intent) ?? 0) + cue.weight);
  // A day named in the question is never "the latest": it asks for that day's paper.
  const date = askedDay(question);
  const issueNumber = ISSUE_NUMBER.exec(question);
  if (date || issueNumber) scores.delete("latest");
  let best: Intent = "fact";
  let bestScore = INTENT_THRESHOLD - 1e-9;
  for (const [intent, score] of scores) if (score > bestScore) [best, bestScore] = [intent, score];
  if (best === "issue" && !date && !issueNumber) best = "fact";
  if (best === "issue") return { intent: "issue", ...(date ? { date } : {}), ...(issueNumber ? { issueNumber: issueNumber[1] ?? issueNumber[2]! } : {}) };
  if (best === "overview") {
    const topic = overviewTopic(question);
    // "说说最近的报道", "tell me about the latest news": no topic but the time, so the latest paper.
    return topic.replace(TIME_ONLY, "").trim() ? { intent: "overview", topic } : { intent: "latest" };
  }
  return { intent: best };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The one day a question names (2024年11月7日, 2024-11-07, 7 November 2024, November 7, 2024), as ISO. */
export function askedDay(question: string): string | null {
  const iso = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(question);
  if (iso) return `${iso[1]}-${pad(+iso[2]!)}-${pad(+iso[3]!)}`;
  const zh = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/.exec(question);
  if (zh) return `${zh[1]}-${pad(+zh[2]!)}-${pad(+zh[3]!)}`;
  const monthIndex = (word: string) => MONTHS.findIndex((m) => m.startsWith(word.toLowerCase().replace(".", "").slice(0, 3))) + 1;
  const dayFirst = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH},? (\\d{4})\\b`, "i").exec(question);
  if (dayFirst) return `${dayFirst[3]}-${pad(monthIndex(dayFirst[2]!))}-${pad(+dayFirst[1]!)}`;
  const monthFirst = new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, "i").exec(question);
  if (monthFirst) return `${monthFirst[3]}-${pad(monthIndex(monthFirst[1]!))}-${pad(+monthFirst[2]!)}`;
  return null;
}

const OPENERS_ZH = /^(请你?|麻烦)?(介绍|讲讲|说说|谈谈|概括|总结)(一下)?|^关于|(的|有关的?)(报道|新闻|情况介绍|来龙去脉)(有哪些|吧)?$|(是怎么回事|进展如何|进展怎么样|怎么样了)$|^(有关)/g;
const OPENERS_EN =
  /^(please )?(tell me (about|more about)|what happened (with|to|at|in)|give me an overview of|an overview of|overview of|summari[sz]e (the )?(news|coverage|reports?|articles?) (on|about)|what do (the articles|the papers|you know) (say )?about|what'?s (going on|happening) with)\s*/i;

/** The topic of an overview question: without its opener, closing phrase and end punctuation. */
export function overviewTopic(question: string): string {
  const bare = question.replace(/[？?。.!！\s]+$/u, "").trim();
  const topic = /\p{Script=Han}/u.test(bare) ? bare.replace(OPENERS_ZH, "").replace(OPENERS_ZH, "") : bare.replace(OPENERS_EN, "");
  return topic.replace(/^(the|a|an)\s+/i, "").trim();
}
