import type { Answer } from "../answer/types.js";
import { bodyOf } from "../answer/select.js";
import type { QaService } from "../core/types.js";
import { loadJsonLines } from "./evaluate.js";

/** One line of test/eval/news.jsonl: a news-reader question and what its answer must hold. */
export interface NewsQuestion {
  id: string;
  question: string;
  lang: "zh" | "en";
  intent: "latest" | "issue" | "overview" | "fact";
  /** Whether the answer must be found (false: a clear "no paper for that date" or a refusal). */
  found: boolean;
  /** Strings the answer text must contain (headlines, dates, figures, the age of the newest issue). */
  expect: string[];
  /** "Today" (YYYY-MM-DD) for the age of the newest issue; default: the service's clock. */
  today?: string;
  note?: string;
}

export interface NewsResult {
  q: NewsQuestion;
  answer: Answer | null;
  error: string | null;
  intent: boolean;
  found: boolean;
  expected: boolean;
  /** Every citation's passage contains its quote, and the quote is verbatim in its article. */
  citations: boolean;
  pass: boolean;
}

export interface NewsSummary {
  questions: number;
  intent: number;
  pass: number;
  citations: number;
}

export function loadNewsQuestions(file: string): NewsQuestion[] {
  return loadJsonLines<NewsQuestion>(file);
}

const squash = (s: string) => s.replace(/\s+/g, "");

/** Asks one question (no session) and scores intent, found, the expected strings and the citations. */
export async function evaluateNewsOne(qa: QaService, q: NewsQuestion): Promise<NewsResult> {
  let answer: Answer | null = null;
  let error: string | null = null;
  try {
    answer = await qa.answer(q.question, q.today ? { today: new Date(`${q.today}T12:00:00Z`) } : {});
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const text = squash(answer?.answer ?? "");
  const intent = (answer?.intent ?? "fact") === q.intent;
  const found = answer?.found === q.found;
  const expected = answer !== null && q.expect.every((e) => text.includes(squash(e)));
  const citations =
    answer !== null &&
    answer.citations.every((c) => {
      const article = qa.article?.(c.articleId);
      return c.passage.includes(c.quote) && (!article || bodyOf(article).includes(c.quote));
    });
  return { q, answer, error, intent, found, expected, citations, pass: intent && found && expected && citations };
}

export async function evaluateNews(qa: QaService, questions: NewsQuestion[]): Promise<NewsResult[]> {
  const results: NewsResult[] = [];
  for (const q of questions) results.push(await evaluateNewsOne(qa, q));
  return results;
}

export function summarizeNews(results: NewsResult[]): NewsSummary {
  const share = (f: (r: NewsResult) => boolean) => (results.length ? results.filter(f).length / results.length : 1);
  return { questions: results.length, intent: share((r) => r.intent), pass: share((r) => r.pass), citations: share((r) => r.citations) };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatNewsResult(r: NewsResult): string {
  const misses = [!r.intent && `intent ${r.answer?.intent ?? "?"}`, !r.found && `found ${r.answer?.found}`, !r.expected && "expected text", !r.citations && "citations"].filter(Boolean);
  return `${r.pass ? "PASS" : "FAIL"} ${r.q.id.padEnd(30)} ${r.error ? `error: ${r.error}` : misses.join(", ")}`;
}

export function formatNewsSummary(s: NewsSummary): string {
  return `news: intent ${pct(s.intent)}, answers with everything expected ${pct(s.pass)}, citations verbatim ${pct(s.citations)} (${s.questions} questions)`;
}
