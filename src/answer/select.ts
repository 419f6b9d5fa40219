import type { Article } from "../ingest/types.js";
import { fitsDate, monthInForce, namesDate, yearsInForce } from "./dates.js";
import type { ArticleHit } from "../retrieve/hybrid.js";
import { ADMIN_UNIT, mentionStrength, mentions, type Concept } from "./concepts.js";
import { placesWithAddresses } from "./address.js";
import { findFigures, findNames, isBareNumber, type Figure } from "./figures.js";
import type { QuestionKind } from "./types.js";
import { DEFAULT_ANSWER_TUNING, type AnswerTuning } from "./tuning.js";
import { taggedWords } from "../retrieve/tokenize.js";
import { AMOUNT_UNITS, asksForFigure, fitsKind, inUnit, YEAR_ASKED } from "./units.js";

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** The best answering sentence found across the retrieved articles, with how well it covers the question. */
export interface Selection {
  hit: ArticleHit;
  sentence: Sentence;
  /** Share of the question's concept weight mentioned in the sentence or its context, 0–1. */
  coverage: number;
  /** Concepts the whole article never mentions. */
  missingAnchors: Concept[];
  /** Concepts the article does not mention even in part. */
  absent: Concept[];
  /** The heaviest concept weight of the question. */
  maxWeight: number;
  /** How well the sentence itself mentions the focus concept (1 when there is none). */
  focusCredit: number;
  figure: Figure | null;
  score: number;
  /** Share of the question's word weight the sentence itself mentions (no context credit), 0–1. */
  sentenceCoverage: number;
  /** Share of the question's word weight the article mentions anywhere, 0–1. */
  articleCoverage: number;
  /** The article's place in the retrieval list (0 = first). */
  articleRank: number;
  /** A date the question names that neither the article's date nor the sentence confirms. */
  dateMissing: boolean;
  /**
   * Places the question names that the sentence does not and the article is not about (not in its
   * heading or first sentence, named in fewer than two of its sentences): 武汉 in a report that
   * quotes Wuhan once beside a national figure. A value of this sentence is no answer for that place (lead.ts).
   */
  placesAside: Concept[];
  /**
   * The same sentence with the next one of its paragraph, scored as one (null for a window itself,
   * the byline or a paragraph's last sentence): the answer often follows the sentence that
   * paraphrases the question (它…, a list after a colon).
   */
  window: Selection | null;
}

/** The noun the text prints right after a concept's first spelling (将军庙*火区*), two or three characters, or null. */
function kindWordAfter(text: string, c: Concept): string | null {
  for (const name of c.alternatives.filter((a) => /^\p{Script=Han}{2,}$/u.test(a))) {
    const at = text.indexOf(name);
    if (at < 0) continue;
    const next = taggedWords(text.slice(at + name.length, at + name.length + 6))[0];
    if (next && next.start === 0 && /^(?:n|x)/.test(next.tag) && /^\p{Script=Han}{2,3}$/u.test(next.word)) return next.word;
  }
  return null;
}

/** Whether a sentence puts a name (two characters, no numeral or determiner: not 四处煤田) before `kind` (老君庙火区 for 火区). */
const namesAnother = (sentence: string, kind: string) => new RegExp(`(?:(?![\\d一二三四五六七八九十百千万两几多各全该本这那其每此])\\p{Script=Han}){2}${kind}`, "u").test(sentence);

const SENTENCE = /[^。！？；!?;\n]*(?:[。！？；!?;]+[”」』）)]*|\n|$)/gu;

/** Splits an article body into sentences with their spans (end punctuation and closing quotes kept). */
export function splitSentences(body: string): Sentence[] {
  const out: Sentence[] = [];
  for (const m of body.matchAll(SENTENCE)) {
    const raw = m[0];
    if (!raw) continue;
    const start = m.index ?? 0;
    const trimmed = raw.replace(/\n$/, "");
    if (trimmed.trim().length < 2) continue;
    out.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return out;
}

/** Two consecutive sentences of one paragraph as one (its text is the body between them), or null. */
function windowOf(body: string, sentence: Sentence, next: Sentence | undefined): Sentence | null {
  if (!next || sentence.start < 0) return null;
  const text = body.slice(sentence.start, next.end);
  return text.includes("\n") ? null : { text, start: sentence.start, end: next.end };
}

export function bodyOf(article: Article): string {
  return article.paragraphs.join("\n");
}

/** The article's heading lines — kicker, headline, subheadline — as one text. */
export function headingOf(article: Article): string {
  return [article.kicker ?? "", article.headline, article.subheadline ?? ""].join(" ");
}



export interface RankOptions {
  /** The unit the question names, if any (see askedUnit). */
  unit?: string | null;
  /** An article to prefer (the one a follow-up question continues). */
  preferArticle?: string | null;
  /** The previous answer (sentence and figure): a follow-up is not answered with it again. */
  notAgain?: { sentence: string; figure: string | null } | null;
  /** Hand-set numbers (default DEFAULT_ANSWER_TUNING; the answerer passes the question analysis's). */
  tuning?: AnswerTuning;
}

/** Words that give a reason (the papers print Chinese, whatever the question's language): a why question's answer holds one. */
const REASON = /因为|由于|为了|得益于|因此|所以|原因|旨在|目的是|缘于|鉴于|是为/;

/**
 * Scores every sentence of the retrieved articles by the weighted share of the question's concepts
 * it mentions (with partial credit for context), plus small bonuses for holding the kind of figure
 * asked for and for retrieval rank. Returns every sentence, best first: the first of each article
 * is its best, and a later one may give the figure the best one lacks.
 */
export function rankSentences(hits: ArticleHit[], concepts: Concept[], kind: QuestionKind, options: RankOptions = {}): Selection[] {
  const { unit = null, preferArticle = null, notAgain = null, tuning = DEFAULT_ANSWER_TUNING } = options;
  const { mentionWeight, partialMention } = tuning;
  const strength = (text: string, c: Concept) => mentionStrength(text, c, partialMention);
  // The focus weighs more when choosing the sentence, not when deciding whether it answers.
  const weightOf = (c: Concept) => c.weight * (c.focus ? tuning.focusBoost : 1);
  const total = concepts.reduce((sum, c) => sum + c.weight, 0) || 1;
  const focusedTotal = concepts.reduce((sum, c) => sum + weightOf(c), 0) || 1;
  const maxWeight = Math.max(0, ...concepts.map((c) => c.weight));
  const wordTotal = concepts.reduce((sum, c) => sum + (c.date ? 0 : c.weight), 0);
  const wantsFigure = asksForFigure(kind);
  const ranked: Selection[] = [];
  hits.forEach((hit, rank) => {
    const article = hit.article;
    const body = bodyOf(article);
    const heading = headingOf(article);
    // The byline is a candidate answer too ("who wrote this report?").
    const byline = article.byline ? [{ text: article.byline, start: -1, end: -1 }] : [];
    const sentences = [...byline, ...splitSentences(body)];
    const lead = byline.length;
    const articleText = `${heading}\n${article.byline ?? ""}\n${body}`;
    // What depends on the article only, per concept, once (not per sentence).
    const inHeading = concepts.map((c) => strength(heading, c));
    const inBody = concepts.map((c) => strength(body, c));
    const inArticle = concepts.map((c) => strength(articleText, c));
    // A date concept is covered by the article's date, or by the sentence naming that year
    // (a 2026 page reporting 2025 figures); an undated page by its text naming it.
    const articleDated = concepts.map((c) => c.date !== undefined && fitsDate(c.date, article.date, article.date ? "" : articleText));
    // …but a page dated by its text alone dates a sentence only by naming the year or by the year in force there.
    const byTextOnly = concepts.map((c) => !!c.date && !c.date.month && !c.date.season && !fitsDate(c.date, article.date, ""));
    const inForce = yearsInForce(heading, sentences);
    const dated = (j: number, sentence: string, i: number) =>
      namesDate(sentence, concepts[j]!.date!) || (articleDated[j]! && (!byTextOnly[j] || (inForce[i] ?? [concepts[j]!.date!.year]).includes(concepts[j]!.date!.year))) || (!article.date && monthInForce(sentences, inForce, i, concepts[j]!.date!));
    // An undated page confirms a date (今年 too) only by naming it; a sentence that names the year
    // ranks above one that leans on the article naming it elsewhere.
    const dateCredit = (j: number, sentence: string, i: number) => {
      const c = concepts[j]!;
      return !dated(j, sentence, i) ? 0 : article.date || !c.date!.relative || sentence.includes(`${c.date!.year}`) ? mentionWeight.sentence : mentionWeight.neighbour;
    };
    // The article is about a place its heading or first sentence names, or two of its sentences do.
    const aboutPlace = concepts.map((c, j) => !c.place || inHeading[j]! >= 0.5 || mentions(sentences[lead]?.text ?? "", c) || sentences.filter((s) => mentions(s.text, c)).length >= 2);
    // A name the question anchors on, with the kind word the article prints after it (将军庙*火区*):
    // a sentence without the name that puts another name before that word (老君庙火区) is another one's.
    const kindAfter = concepts.map((c) => (c.anchor && !c.place && !c.date ? kindWordAfter(articleText, c) : null));
    // An anchor counts when spelled out, or (for a word the corpus never uses) when all its characters are there.
    const wordAnchorsMissing = concepts.filter((c, j) => !c.date && c.anchor && (ADMIN_UNIT.test(c.label) ? !mentions(articleText, c) : inArticle[j]! < 0.5));
    const absent = concepts.filter((c, j) => !c.date && inArticle[j]! < 0.5);
    const dateIndexes = concepts.flatMap((c, j) => (c.date ? [j] : []));
    const articleCoverage = wordTotal ? concepts.reduce((sum, c, j) => sum + (c.date ? 0 : inArticle[j]! * c.weight), 0) / wordTotal : 0;
    const preferred = preferArticle === article.id ? tuning.preferredArticleBonus : 0;
    const passageSpans = hit.passages.map((p) => [p.passage.start, p.passage.end] as const);
    // One sentence, or a window of two (`i` the first), as one candidate: `neighbours` give context credit.
    const selectionOf = (sentence: Sentence, i: number, neighbours: string): Selection | null => {
      let covered = 0;
      let focused = 0;
      let focusCredit = 1;
      let inSentence = 0;
      concepts.forEach((c, j) => {
        if (!c.date) inSentence += strength(sentence.text, c) * c.weight;
        const credit = c.date ? dateCredit(j, sentence.text, i) : Math.max(
          mentionWeight.sentence * strength(sentence.text, c),
          mentionWeight.neighbour * strength(neighbours, c),
          mentionWeight.headline * inHeading[j]!,
          // The chat's earlier topic (隐患 before "落实了多少资金？") is the article's, not the sentence's.
          (c.context ? mentionWeight.neighbour : mentionWeight.article) * inBody[j]!,
        );
        covered += credit * c.weight;
        // The lead (本报讯…12月1日，…) tells the headline's event: the headline's words count for it.
        if (c.focus) focusCredit = c.date ? credit : Math.max(strength(sentence.text, c), i === lead ? inHeading[j]! : 0);
        focused += credit * weightOf(c);
      });
      const coverage = covered / total;
      const undated = dateIndexes.filter((j) => !dated(j, sentence.text, i)).map((j) => concepts[j]!);
      const missingAnchors = [...undated, ...wordAnchorsMissing];
      const placesAside = concepts.filter((c, j) => (!aboutPlace[j] || (kindAfter[j] && namesAnother(sentence.text, kindAfter[j]!))) && !mentions(sentence.text, c));
      const figure = pickFigure(sentence.text, concepts, kind, unit, undefined, tuning.focusBoost);
      if (notAgain && sentence.text === notAgain.sentence && (figure?.text ?? null) === notAgain.figure) return null;
      const inRetrieved = passageSpans.some(([s, e]) => sentence.start < e && sentence.end > s);
      const givesReason = kind === "why" && REASON.test(sentence.text);
      const score = focused / focusedTotal + ((wantsFigure && figure) || givesReason ? 0.15 : 0) + (inRetrieved ? 0.05 : 0) + 0.05 / (1 + rank) + preferred;
      return {
        hit, sentence, coverage, missingAnchors, absent, maxWeight, focusCredit, figure, score,
        sentenceCoverage: wordTotal ? inSentence / wordTotal : 0, articleCoverage, articleRank: rank, dateMissing: undated.length > 0, placesAside,
        window: null,
      };
    };
    sentences.forEach((sentence, i) => {
      const single = selectionOf(sentence, i, `${sentences[i - 1]?.text ?? ""}${sentences[i + 1]?.text ?? ""}`);
      if (!single) return;
      const joined = windowOf(body, sentence, sentences[i + 1]);
      single.window = joined && selectionOf(joined, i, `${sentences[i - 1]?.text ?? ""}${sentences[i + 2]?.text ?? ""}`);
      ranked.push(single);
    });
  });
  // Stable: on equal scores the earlier article, then the earlier sentence, comes first.
  return ranked.sort((a, b) => b.score - a.score);
}

/**
 * The figure that answers the question: in the clause that mentions most of the question's
 * concepts, the first figure of the kind asked for that follows (or else precedes) those words.
 * `accept` narrows the figures considered (the answer takes only values bound to the question).
 */
export function pickFigure(
  sentence: string,
  concepts: Concept[],
  kind: QuestionKind,
  unit: string | null = null,
  accept: (f: Figure) => boolean = () => true,
  focusBoost = DEFAULT_ANSWER_TUNING.focusBoost,
): Figure | null {
  // "What / which …" questions are answered by the sentence; leading with a stray number would mislead.
  const figures = sentenceValues(sentence, concepts, kind, unit);
  if (!figures.length) return null;
  const fitting = figures.filter((f) => fitsKind(f, kind) && inUnit(f, unit));
  // "When" wants the day (11月5日上午，2024年…活动周开幕式举行): a bare year answers "which year", or
  // when the sentence gives no day.
  const days = fitting.filter((f) => f.kind === "date");
  const timely = kind === "date" && unit !== YEAR_ASKED && days.length ? days : fitting;
  // Digits first: a spelled-out numeral answers only when the sentence gives no figure in digits.
  const digits = timely.some((f) => !f.spelled) ? timely.filter((f) => !f.spelled) : timely;
  // "How much" prefers money and measures when the sentence has both (帮助1649人次…追讨欠薪492.95万元).
  // Not the other way round: 多少 asks for counts and sums alike.
  const preferred = kind === "amount" ? AMOUNT_UNITS : null;
  const wanted = preferred && digits.some((f) => preferred.test(f.unit)) ? digits.filter((f) => preferred.test(f.unit)) : digits;
  // A count, amount or date question needs a figure of that kind; "what" questions take any number.
  const strict = asksForFigure(kind) || unit !== null;
  const candidates = (wanted.length || strict ? wanted : figures.filter((f) => f.kind !== "date" && f.kind !== "year")).filter(accept);
  if (!candidates.length) return null;
  const clauses = [...sentence.matchAll(/[^，,：:；;、]+/gu)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }));
  const clauseScore = (at: number): number => {
    const clause = clauses.find((c) => at >= c.start && at < c.end);
    if (!clause) return 0;
    // The clause itself counts fully; the one before it (the subject often sits there) counts half.
    const before = clauses[clauses.indexOf(clause) - 1];
    // The focus weighs double here as when choosing the sentence: "And hydrogen?" wants 氢气2000吨,
    // not the clause that names more of the previous question's words.
    return concepts.reduce((s, c) => {
      const weight = c.weight * (c.focus ? focusBoost : 1);
      return s + (mentions(clause.text, c) ? weight : before && mentions(before.text, c) ? weight / 2 : 0);
    }, 0);
  };
  // Within a clause, the figure right next to the asked-about word wins (13个师市14支*队伍*).
  const focus = concepts.find((c) => c.focus);
  const focusAt = focus ? focus.alternatives.map((a) => sentence.indexOf(a)).filter((i) => i >= 0) : [];
  const nearFocus = (f: Figure) => (focusAt.some((i) => i >= f.end && i - f.end <= 2) ? 0.5 : 0);
  let best = candidates[0]!;
  let bestScore = -1;
  for (const f of candidates) {
    const s = clauseScore(f.start) + nearFocus(f);
    if (s > bestScore) {
      best = f;
      bestScore = s;
    }
  }
  return best;
}

/**
 * The values of a sentence that could answer a question of this kind: its names for who, places
 * for where, else its figures (no bare numbers, no wire dateline) — none for what / which / why /
 * yes-no questions without an asked unit, where a stray number would mislead — leaving out what
 * the question already names (新疆 in "Xinjiang Aonong", a year asked about).
 */
export function sentenceValues(sentence: string, concepts: Concept[], kind: QuestionKind, unit: string | null): Figure[] {
  if ((kind === "what" || kind === "which" || kind === "describe" || kind === "why" || kind === "yesno" || kind === "other") && unit === null) return [];
  // A count or an amount is answered by a quantity or a share, never by a date (截至*2022年底*…会员64.97万人).
  const ofKind = (f: Figure) => (kind === "count" || kind === "amount" ? fitsKind(f, kind) : true);
  const found = kind === "who" ? findNames(sentence) : kind === "where" ? placesWithAddresses(sentence) : findFigures(sentence).filter((f) => !isBareNumber(f) && !isDateline(sentence, f) && ofKind(f));
  const asked = concepts.flatMap((c) => [...c.alternatives, ...(c.date ? [String(c.date.year)] : [])]);
  return found.filter((f) => !asked.some((a) => a === f.text || (a.length > 1 && f.text.startsWith(a) && f.text.length - a.length <= 1)));
}

/** A wire dateline (新华社北京11月6日电) dates the filing, not the event the question asks about. */
function isDateline(sentence: string, f: Figure): boolean {
  return f.kind === "date" && sentence[f.end] === "电";
}
