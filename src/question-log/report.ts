/**
 * The editors' report over the question log: questions per day, reply kinds, languages, the most
 * asked topics (the articles answers cited most), the unanswered questions grouped by similar
 * wording (the paper's to-do list), the answers marked 👎 with what was said, the slowest questions.
 * Pure: rows in, a plain object out — the CLI prints it, /report sends it, the dashboard charts it.
 */
import type { ReplyKind } from "../answer/types.js";
import { groupSimilar, type SimilarityOptions, DEFAULT_SIMILARITY } from "./similar.js";
import type { LoggedQuestion, QuestionLog } from "./types.js";

export interface ReportOptions {
  /** The first instant reported (the rows are read from it). */
  from: Date;
  /** The end of the period, "now" (the last day shown). */
  to: Date;
  /** Topics, unanswered groups and 👎 answers listed at most (default 10). */
  top: number;
  /** Slowest questions listed (default 5). */
  slowest: number;
  /** How similar two unanswered questions must be to share a group (default: see similar.ts). */
  similarity: SimilarityOptions;
  /** An article's headline by id (from the index), for the topics; absent or null: the id is shown. */
  headlineOf?: (articleId: string) => string | null;
}

export const DEFAULT_REPORT = { top: 10, slowest: 5, similarity: DEFAULT_SIMILARITY } as const;

type Counts<K extends string> = Record<K, number>;

export interface QuestionReport {
  from: string;
  to: string;
  questions: number;
  /** One entry per UTC day of the period, oldest first, with the day's reply kinds. */
  perDay: ({ day: string; questions: number } & Counts<ReplyKind>)[];
  replies: Counts<ReplyKind>;
  languages: Record<string, number>;
  intents: Record<string, number>;
  feedback: { up: number; down: number };
  /** The articles cited by most questions (answers and evidence to facts and "tell me about X"; a paper's headline list is no topic), most first. */
  topics: { articleId: string; headline: string; questions: number }[];
  /** Evidence and refusals grouped by similar wording, biggest group first: a representative, how many, other wordings. */
  unanswered: { question: string; count: number; wordings: string[]; last: string }[];
  /** Answers marked 👎, newest first, with the reply that was given. */
  disliked: { at: string; question: string; reply: ReplyKind; answer: string }[];
  slowest: { at: string; question: string; reply: ReplyKind; latencyMs: number }[];
}

const KINDS: readonly ReplyKind[] = ["answer", "evidence", "refusal"];
const DAY_MS = 24 * 60 * 60_000;

/** The report of `rows` (the log's rows since `options.from`). */
export function buildReport(rows: readonly LoggedQuestion[], options: Partial<ReportOptions> & Pick<ReportOptions, "from" | "to">): QuestionReport {
  const o = { ...DEFAULT_REPORT, ...options };
  const inPeriod = rows.filter((r) => r.at >= o.from && r.at <= o.to);
  const tally = <K extends string>(keys: readonly K[], of: (r: LoggedQuestion) => K): Counts<K> => {
    const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;
    for (const r of inPeriod) counts[of(r)] = (counts[of(r)] ?? 0) + 1;
    return counts;
  };
  return {
    from: o.from.toISOString(),
    to: o.to.toISOString(),
    questions: inPeriod.length,
    perDay: perDay(inPeriod, o.from, o.to),
    replies: tally(KINDS, (r) => r.reply),
    languages: tally([], (r) => r.lang),
    intents: tally([], (r) => r.intent),
    feedback: { up: inPeriod.filter((r) => r.feedback === "up").length, down: inPeriod.filter((r) => r.feedback === "down").length },
    topics: topics(inPeriod, o.top, o.headlineOf),
    unanswered: unanswered(inPeriod, o.top, o.similarity),
    disliked: inPeriod
      .filter((r) => r.feedback === "down")
      .reverse()
      .slice(0, o.top)
      .map((r) => ({ at: r.at.toISOString(), question: r.question, reply: r.reply, answer: r.answer })),
    slowest: [...inPeriod]
      .sort((a, b) => b.latencyMs - a.latencyMs)
      .slice(0, o.slowest)
      .map((r) => ({ at: r.at.toISOString(), question: r.question, reply: r.reply, latencyMs: r.latencyMs })),
  };
}

function perDay(rows: readonly LoggedQuestion[], from: Date, to: Date): QuestionReport["perDay"] {
  const days = new Map<string, QuestionReport["perDay"][number]>();
  for (let t = Date.parse(from.toISOString().slice(0, 10)); t <= to.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.set(day, { day, questions: 0, answer: 0, evidence: 0, refusal: 0 });
  }
  for (const r of rows) {
    const day = days.get(r.at.toISOString().slice(0, 10));
    if (!day) continue;
    day.questions++;
    day[r.reply]++;
  }
  return [...days.values()];
}

/** Intents whose citations say what the reader asked about (not "latest" or a day's paper, which cite a whole issue). */
const TOPICAL = new Set(["fact", "overview"]);

function topics(rows: readonly LoggedQuestion[], top: number, headlineOf: ReportOptions["headlineOf"]): QuestionReport["topics"] {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.reply !== "refusal" && TOPICAL.has(r.intent)) for (const id of new Set(r.articles)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([articleId, questions]) => ({ articleId, headline: headlineOf?.(articleId) ?? articleId, questions }));
}

function unanswered(rows: readonly LoggedQuestion[], top: number, similarity: SimilarityOptions): QuestionReport["unanswered"] {
  const open = rows.filter((r) => r.reply !== "answer");
  // Rows come in the order asked (time, then row id), so a group's newest is its highest index: two
  // questions in the same millisecond (or on a fixed TODAY clock) still keep their order.
  return groupSimilar(open.map((r) => r.question), similarity)
    .map((members) => ({ members, newest: Math.max(...members) }))
    .sort((a, b) => b.members.length - a.members.length || b.newest - a.newest)
    .slice(0, top)
    .map(({ members }) => {
      const asked = members.map((i) => open[i]!);
      return {
        question: asked[0]!.question,
        count: asked.length,
        wordings: [...new Set(asked.slice(1).map((r) => r.question))].filter((q) => q !== asked[0]!.question).slice(0, 3),
        last: asked.at(-1)!.at.toISOString(),
      };
    });
}

/** "7d", "24h", "2w" or a day (YYYY-MM-DD, from its start, UTC) as the instant a report starts; null when it is none of these. */
/** Whether `text` is a --since span or day at all (what it resolves to depends on "now"). */
export const isSince = (text: string): boolean => parseSince(text, new Date(0)) !== null;

export function parseSince(text: string, now: Date): Date | null {
  const span = /^(\d{1,4})([hdw])$/.exec(text.trim());
  if (span) return new Date(now.getTime() - Number(span[1]) * { h: 3600_000, d: DAY_MS, w: 7 * DAY_MS }[span[2] as "h" | "d" | "w"]);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text.trim()) && !Number.isNaN(Date.parse(`${text.trim()}T00:00:00Z`))) return new Date(`${text.trim()}T00:00:00Z`);
  return null;
}

/** The report of what `log` kept from `since` to `now`. */
export function reportOf(log: Pick<QuestionLog, "since">, since: Date, now: Date, options: Partial<ReportOptions> = {}): QuestionReport {
  return buildReport(log.since(since), { ...options, from: since, to: now });
}
