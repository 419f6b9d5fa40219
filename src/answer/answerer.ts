import type { SearchIndex } from "../index/open.js";
import { withTyposCorrected, type QueryTranslator } from "../retrieve/english.js";
import { jiebaSegmenter, type ChineseSegmenter } from "../retrieve/tokenize.js";
import { searchHybrid, type ArticleHit, type RetrieveOptions, type Timings } from "../retrieve/hybrid.js";
import type { QueryTerm } from "../retrieve/bm25.js";
import { analyseQuestion, turnOf, type QuestionAnalysis } from "./analysis.js";
import { printsLatin } from "./english-concepts.js";
import { composeBeyondArchive, composeFound, composeNotFound } from "./compose.js";
import type { Turn } from "./conversation.js";
import type { Figure } from "./figures.js";
import { profileOf } from "./profiles.js";
import { checkModel, decide, evidenceThresholdFor, probability, thresholdFor, type Decision, type DecisionModel } from "./decision.js";
import { candidatesOf, type Candidate } from "./features.js";
import { createPassageFinder, type PassageFinder } from "./passages.js";
import { readerQuestion, validateQuestion } from "./question.js";
import { rankSentences, type Selection } from "./select.js";
import { scoredLead } from "./values.js";
import type { Answer, Citation } from "./types.js";
import { answerTuning, DEFAULT_ANSWER_TUNING, type AnswerTuningOverrides } from "./tuning.js";

/** Options of the answerer; defaults in DEFAULT_ANSWER. */
export interface AnswerOptions {
  /**
   * Below this probability nothing is close enough to mention, not even as "what they report
   * instead". Default: the model's fitted evidence threshold for the question's language.
   */
  adviseProbability?: number;
  /** Citations returned with a found answer. */
  maxCitations: number;
  retrieve: Partial<RetrieveOptions>;
  /** The fitted answer decision (default: the index's decision profile, profiles.ts). */
  model?: DecisionModel;
  /** Overrides of the hand-set numbers (tuning.ts: DEFAULT_ANSWER_TUNING documents each and its default). */
  tuning: AnswerTuningOverrides;
}

export const DEFAULT_ANSWER: AnswerOptions = { maxCitations: 3, retrieve: {}, tuning: {} };

export interface AnswererDeps {
  index: SearchIndex;
  translator: QueryTranslator;
  /** Embeds the question as a query; null for keyword-only search. */
  embedQuery: ((question: string) => Promise<Float32Array>) | null;
  /** Chinese word segmenter (default: jieba). */
  segmenter?: ChineseSegmenter;
  options?: Partial<AnswerOptions>;
}

export interface AnswerTimings extends Timings {
  embedMs: number;
  answerMs: number;
}

/** What an answer may lean on besides the question itself. */
export interface AnswerContext {
  /** The previous turn of the same chat, for follow-up questions. */
  previous?: Turn | null;
  /** "Today" for relative dates (今年, last November): injected, never read from the clock here. */
  today: Date;
  /** The index's newest issue date, for periods the archive does not reach yet (the answerer sets it). */
  newestIssue?: string | null;
}

export type Answerer = (question: string, context: AnswerContext) => Promise<Answer & { timings: AnswerTimings; turn: Turn }>;

/** A question's analysis, retrieval hits and the candidate answering sentences, before the decision. */
export interface Candidates {
  analysis: QuestionAnalysis;
  candidates: Candidate[];
  timings: AnswerTimings;
}

/**
 * Analyses a question once, retrieves, ranks the sentences of the retrieved articles and returns
 * the candidates the decision chooses from (`npm run fit` reads them to fit the decision).
 */
export function createCandidateFinder(deps: AnswererDeps): (question: string, context: AnswerContext) => Promise<Candidates> {
  const o = { ...DEFAULT_ANSWER, ...deps.options };
  const { index, translator } = deps;
  const stats = { documentFrequency: (t: string) => index.keyword.documentFrequency(t), size: index.keyword.size };
  const tuning = answerTuning(o.tuning);
  const analysisDeps = { segmenter: deps.segmenter ?? jiebaSegmenter(), translator, stats, tuning };
  return async (question, context) => {
    // 繁體 read as 简体, greetings and fillers off, English typos mended: the question as the papers would print it.
    const analysis = analyseQuestion(withTyposCorrected(readerQuestion(question), translator.lexicon, (word) => printsLatin(stats, word)), analysisDeps, context);
    let t = performance.now();
    const vector = deps.embedQuery ? await deps.embedQuery(analysis.searchText) : null;
    const embedMs = performance.now() - t;
    const keyword = keywordQuery(analysis.searchText, translator, tuning.unreadNameWeight);
    const { hits, timings } = searchHybrid(index, { keyword, vector }, o.retrieve);
    t = performance.now();
    const { previous } = analysis;
    const ranked = analysis.concepts.length
      ? rankSentences(hits, analysis.concepts, analysis.kind, {
          unit: analysis.unit,
          preferArticle: previous?.articleId,
          // A follow-up that only moves the date may get the same sentence, if it is of that date too.
          notAgain: analysis.asksAnew ? previous?.answered : null,
          tuning,
        })
      : [];
    const candidates = candidatesOf(analysis, ranked, hits, stats);
    return { analysis, candidates, timings: { ...timings, embedMs, answerMs: performance.now() - t } };
  };
}

/**
 * Creates the answering function: one question analysis → hybrid retrieval → candidate sentences →
 * the fitted decision picks the answering sentence and says whether it answers → wording with
 * citations. No LLM; every quote is verbatim.
 */
export function createAnswerer(deps: AnswererDeps): Answerer {
  const o = { ...DEFAULT_ANSWER, ...deps.options };
  const model = checkModel(o.model ?? profileOf(deps.index).model);
  const find = createCandidateFinder(deps);
  const passageFor = createPassageFinder(deps.index.passages);
  const newest = newestIssueDate(deps.index);
  return async (raw, context) => {
    const question = validateQuestion(raw);
    const { analysis, candidates, timings } = await find(question, { ...context, newestIssue: newest });
    // 今年 in a year the archive has no paper of yet: what the newest papers said of their own year
    // is evidence for the reader, never this year's answer.
    const beyond = analysis.beyondArchive;
    const t = performance.now();
    const { best, probability: p, found: decided, lead: bound } = bindLead(model, decide(model, candidates));
    const found = decided && !beyond;
    const selection = best?.selection ?? null;
    // Further sources only when they answer too and corroborate: the same figure, or (no figure
    // asked) nearly the same coverage. A related passage on the topic is not a source for this answer.
    const corroborates = (s: Selection) =>
      selection!.figure ? s.figure?.text === selection!.figure.text : s.coverage >= selection!.coverage - analysis.tuning.supportMargin;
    const supporting = found
      ? bestPerArticle(candidates)
          .filter((c) => c.selection.hit !== selection!.hit && probability(model, c) >= thresholdFor(model, analysis) && corroborates(c.selection))
          .map((c) => c.selection)
      : [];
    const citations = selection ? [selection, ...supporting].slice(0, o.maxCitations).map((s) => citationOf(s, passageFor, s === selection ? p : probability(model, candidates.find((c) => c.selection === s)!))) : [];
    const first = citations[0] ?? null;
    const closest = selection && (p >= (o.adviseProbability ?? evidenceThresholdFor(model, analysis.lang)) || (beyond && decided)) ? first : null;
    const { lang, kind } = analysis;
    // The reply leads with the figure, date, name or place; else (a Chinese what / which / who /
    // where question) with the phrase of the sentence that stands where the question word stood.
    const lead = found && selection ? bound : null;
    const answer: Answer = {
      question: raw.trim(), // as the reader typed it (matching uses the normalised form)
      answer: found && first ? composeFound(lang, first, lead) : beyond ? composeBeyondArchive(lang, beyond, newest!, closest) : composeNotFound(lang, closest),
      found: found && first !== null,
      reply: found && first ? "answer" : closest ? "evidence" : "refusal",
      lang,
      kind,
      figure: lead?.text ?? null,
      asOf: found ? (first?.date ?? null) : null,
      citations: found ? citations : closest ? [closest] : [],
    };
    const turn = turnOf(analysis, {
      articleId: found ? (first?.articleId ?? null) : null,
      answered: found && selection ? { sentence: selection.sentence.text, figure: selection.figure?.text ?? null } : null,
    });
    return { ...answer, turn, timings: { ...timings, answerMs: timings.answerMs + performance.now() - t } };
  };
}

/** BM25 query: Chinese text as is; English through the bridge (both when a chat mixes them). */
export function keywordQuery(text: string, translator: QueryTranslator, unreadNameWeight = DEFAULT_ANSWER_TUNING.unreadNameWeight): string | QueryTerm[] {
  if (/\p{Script=Han}/u.test(text) && !/[A-Za-z]{3,}/.test(text)) return text;
  const translation = translator.translate(text);
  const han = text.match(/\p{Script=Han}+/gu)?.join(" ");
  return [
    ...translation.terms.map((term, i) => ({ text: term, weight: translation.weights[i] ?? 1 })),
    // A Latin word the dictionary cannot read (kahikatea, AGG01) is a name the page prints: it weighs
    // as much as an English word read as its three Chinese terms (termsPerPhrase), not a third of it.
    ...translation.englishTokens.map((token) => ({ text: token, weight: translation.unreadTokens.includes(token) ? unreadNameWeight : 0.5 })),
    ...(han ? [{ text: han, weight: 1 }] : []),
  ];
}


/**
 * The decision picks a sentence; the reply may lead with its value only when that value is bound to
 * the question (binding.ts) and the article names every place or name the question anchors on, and
 * the lead layer picks which of the sentence's values (values.ts). Otherwise the chosen sentence is
 * evidence. Only the chosen sentence's values compete: letting the article's other answering
 * sentences compete as (sentence, value) pairs (`choose` × lead probability, sixth step) led with
 * more wrong values than it mended once the vetoes and the refitted lead layer were in (DRCD dev
 * 148 → 144 wrong leads without it, five dev sets 43 → 41), and the fit never saw those choices.
 */
function bindLead(model: DecisionModel, decision: Decision): Decision & { lead: Figure | null } {
  const { best } = decision;
  if (!decision.found || !best) return { ...decision, lead: null };
  const { lead } = scoredLead(model, best, decision.probability);
  if (!lead) return { ...decision, found: false, lead: null };
  const answering = lead.rebound ? { ...best, selection: { ...best.selection, figure: lead.value } } : best;
  return { ...decision, best: answering, lead: lead.value };
}

/** The newest issue date of the index's articles (YYYY-MM-DD), or null when no page is dated. */
export function newestIssueDate(index: Pick<SearchIndex, "articles">): string | null {
  let newest: string | null = null;
  for (const a of index.articles.values()) if (a.date && (!newest || a.date > newest)) newest = a.date;
  return newest;
}

/** The first (best) candidate of each article, in rank order. */
function bestPerArticle(candidates: Candidate[]): Candidate[] {
  const seen = new Set<ArticleHit>();
  return candidates.filter((c) => !seen.has(c.selection.hit) && seen.add(c.selection.hit));
}


/** The citation of an answering sentence: its article, the sentence verbatim and the passage holding it. */
function citationOf(s: Selection, passageFor: PassageFinder, probability: number): Citation {
  const a = s.hit.article;
  return {
    source: a.source,
    paper: a.paper,
    date: a.date,
    headline: a.headline,
    quote: s.sentence.text.trim(),
    score: probability,
    articleId: a.id,
    passage: passageFor(s.hit, s.sentence),
  };
}
