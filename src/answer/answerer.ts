import type { SearchIndex } from "../index/open.js";
import { detectQuestionKind, type QueryTranslator } from "../retrieve/english.js";
import { jiebaSegmenter } from "../retrieve/tokenize.js";
import { searchHybrid, type ArticleHit, type RetrieveOptions, type Timings } from "../retrieve/hybrid.js";
import { chineseConcepts, dateConcepts } from "./concepts.js";
import { composeFound, composeNotFound } from "./compose.js";
import { englishConcepts } from "./english-concepts.js";
import { questionLanguage, validateQuestion } from "./question.js";
import { askedUnit, asksForFigure, rankSentences, type Selection } from "./select.js";
import type { Answer, Citation } from "./types.js";
import { carriedConcepts, isFollowUp, withContext, withoutOpener, type Turn } from "./conversation.js";
import { askedDates } from "./dates.js";
import { createPassageFinder, type PassageFinder } from "./passages.js";
import type { QueryTerm } from "../retrieve/bm25.js";

/** When an answer counts as found; defaults in DEFAULT_ANSWER. */
export interface AnswerOptions {
  /**
   * Least share of the question's concept weight the answering sentence must cover, per question
   * language: English concepts come through a dictionary and miss synonyms more often.
   */
  minCoverage: { zh: number; en: number };
  /** Below this coverage nothing is close enough to mention, not even as "what they report instead". */
  adviseCoverage: number;
  /** Citations returned with a found answer. */
  maxCitations: number;
  retrieve: Partial<RetrieveOptions>;
}

export const DEFAULT_ANSWER: AnswerOptions = { minCoverage: { zh: 0.6, en: 0.5 }, adviseCoverage: 0.35, maxCitations: 3, retrieve: {} };

export interface AnswererDeps {
  index: SearchIndex;
  translator: QueryTranslator;
  /** Embeds the question as a query; null for keyword-only search. */
  embedQuery: ((question: string) => Promise<Float32Array>) | null;
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
  /** "Today" for relative dates (今年, last November). Default: now. */
  today?: Date;
}

export type Answerer = (question: string, context?: AnswerContext) => Promise<Answer & { timings: AnswerTimings; turn: Turn }>;

/**
 * Creates the answering function: validate → concepts (with the previous turn for a follow-up) →
 * hybrid retrieval → best sentence → found/not-found decision → wording with citations.
 * No LLM; every quote is verbatim.
 */
export function createAnswerer(deps: AnswererDeps): Answerer {
  const o = { ...DEFAULT_ANSWER, ...deps.options };
  const { index, translator } = deps;
  const passageFor = createPassageFinder(index.passages);
  const stats = { documentFrequency: (t: string) => index.keyword.documentFrequency(t), size: index.keyword.size };
  const conceptsOf = (q: string, lang: "zh" | "en") =>
    lang === "zh" ? chineseConcepts(q, jiebaSegmenter(), stats) : englishConcepts(q, translator, stats);
  return async (raw, context = {}) => {
    const question = validateQuestion(raw);
    const lang = questionLanguage(question);
    const dates = askedDates(question, context.today ?? new Date());
    const own = [...conceptsOf(question, lang), ...dateConcepts(dates, stats)];
    const previous = context.previous && isFollowUp(question, own, lang) ? context.previous : null;
    const concepts = previous ? withContext(own, previous) : own;
    // "What about last November?": with the opener gone, nothing asks a kind of its own.
    const ownKind = detectQuestionKind(previous ? withoutOpener(question) : question);
    // "那外出务工呢？" asks what the previous question asked, about something else.
    const kind = previous && ownKind === "other" ? previous.kind : ownKind;
    // Retrieval sees the previous question too, so "it" finds the article the chat is about.
    const searchText = previous ? `${previous.question} ${question}` : question;

    let t = performance.now();
    const vector = deps.embedQuery ? await deps.embedQuery(searchText) : null;
    const embedMs = performance.now() - t;
    const keyword = keywordQuery(searchText, translator);
    const { hits, timings } = searchHybrid(index, { keyword, vector }, o.retrieve);

    t = performance.now();
    const unit = askedUnit(question);
    // A follow-up that only moves the date may get the same sentence, if it is of that date too.
    const asksAnew = own.some((c) => !c.date);
    const ranked = concepts.length
      ? rankSentences(hits, concepts, kind, { unit, preferArticle: previous?.articleId, notAgain: asksAnew ? previous?.answered : null })
      : [];
    // A named unit or price needs a figure in it; counts, amounts, dates, who and where need theirs.
    const rule: AnswerRule = { minCoverage: o.minCoverage[lang], wantsFigure: unit !== null || asksForFigure(kind), strictTopic: lang === "zh" };
    const selection = answeringSentence(ranked, rule);
    const found = isAnswer(selection, rule);
    // Further sources only when they answer too (same decision), so no unrelated passage is cited.
    // A second source must corroborate: the same figure, or (no figure asked) nearly the same
    // coverage. A related passage on the topic (another jobs figure) is not a source for this answer.
    const corroborates = (s: Selection) =>
      selection!.figure ? s.figure?.text === selection!.figure.text : s.coverage >= selection!.coverage - SUPPORT_MARGIN;
    // One candidate per further article: its best sentence.
    const supporting = found ? bestPerArticle(ranked).filter((s) => s.hit !== selection!.hit && isAnswer(s, rule) && corroborates(s)) : [];
    const citations = selection ? [selection, ...supporting].slice(0, o.maxCitations).map((s) => citationOf(s, passageFor)) : [];
    const best = citations[0] ?? null;
    const closest = selection && selection.coverage >= o.adviseCoverage ? best : null;
    const answer: Answer = {
      question: raw.trim(), // as the reader typed it (matching uses the normalised form)
      answer: found && best ? composeFound(lang, best, selection!.figure) : composeNotFound(lang, closest),
      found: found && best !== null,
      lang,
      kind,
      figure: found ? (selection?.figure?.text ?? null) : null,
      asOf: found ? (best?.date ?? null) : null,
      citations: found ? citations : closest ? [closest] : [],
    };
    const turn: Turn = {
      question,
      lang,
      kind,
      // A follow-up remembers the chat's topic too, so "And in 2024?" after "What about last November?"
      // still asks about jobs.
      concepts: previous ? [...own, ...carriedConcepts(own, previous)] : own,
      articleId: found ? (best?.articleId ?? null) : null,
      answered: found && selection ? { sentence: selection.sentence.text, figure: selection.figure?.text ?? null } : null,
      at: Date.now(),
    };
    return { ...answer, turn, timings: { ...timings, embedMs, answerMs: performance.now() - t } };
  };
}

/** BM25 query: Chinese text as is; English through the bridge (both when a chat mixes them). */
export function keywordQuery(text: string, translator: QueryTranslator): string | QueryTerm[] {
  if (/\p{Script=Han}/u.test(text) && !/[A-Za-z]{3,}/.test(text)) return text;
  const translation = translator.translate(text);
  const han = text.match(/\p{Script=Han}+/gu)?.join(" ");
  return [
    ...translation.terms.map((term, i) => ({ text: term, weight: translation.weights[i] ?? 1 })),
    ...translation.englishTokens.map((token) => ({ text: token, weight: 0.5 })),
    ...(han ? [{ text: han, weight: 1 }] : []),
  ];
}

/**
 * The best-matching sentence, unless it answers nothing because it gives no figure: then the
 * best sentence of the same article that does answer ("该滑雪场备有单板2100副" after the sentence
 * that names the snowboards). A best sentence with a figure that still fails (its figure is not
 * about the thing asked) is not traded for a weaker match.
 */
function answeringSentence(ranked: Selection[], rule: AnswerRule): Selection | null {
  // `ranked` holds every sentence of the retrieved articles, best first.
  const top = ranked[0];
  if (!top) return null;
  if (isAnswer(top, rule) || top.figure || !rule.wantsFigure) return top;
  return ranked.find((s) => s.hit === top.hit && isAnswer(s, rule)) ?? top;
}

/** The first (best) sentence of each article, in rank order. */
function bestPerArticle(ranked: Selection[]): Selection[] {
  const seen = new Set<ArticleHit>();
  return ranked.filter((s) => !seen.has(s.hit) && seen.add(s.hit));
}

/** How much less of the question a further source may cover than the best one. */
const SUPPORT_MARGIN = 0.05;

interface AnswerRule {
  minCoverage: number;
  /** Only a sentence with a figure (date, name, place) of the kind and unit asked answers. */
  wantsFigure: boolean;
  /**
   * The article must mention the question's main topic words at least in part. Only for Chinese
   * questions: English ones reach Chinese through a dictionary whose readings are too loose for it.
   */
  strictTopic: boolean;
}

/**
 * Found only when the sentence covers enough of the question, the article names every anchor
 * (place, year, name) and the main topic, and a figure question has a figure to give.
 */
function isAnswer(s: Selection | null, rule: AnswerRule): boolean {
  if (!s) return false;
  if (s.missingAnchors.length) return false;
  if (s.coverage < rule.minCoverage) return false;
  // Counts, amounts and dates need their figure; "who" needs a name and "where" a place.
  const { wantsFigure } = rule;
  if (wantsFigure && !s.figure) return false;
  // "How many trails": a figure of something else in a sentence about the place is no answer.
  if (wantsFigure && (s.focusCredit === 0 || (rule.strictTopic && s.focusCredit < ZH_FOCUS_CREDIT))) return false;
  if (rule.strictTopic && s.absent.length) {
    // "How many tonnes of wheat" answered from an article about corn: the rarest words must be there.
    if (Math.max(...s.absent.map((c) => c.weight)) >= TOPIC_SHARE * s.maxWeight) return false;
  }
  return true;
}

/**
 * A Chinese question's focus (多少头*肉牛*) must be in the answering sentence, or all its characters:
 * 奶牛 shares only 牛 with 肉牛 and is another animal (0.25 credit). English readings come through a
 * dictionary that misses synonyms, so there any trace of the focus counts.
 */
const ZH_FOCUS_CREDIT = 0.5;

/** A missing Chinese word at least this share of the question's rarest word's weight is a missing topic. */
const TOPIC_SHARE = 0.75;

/** The citation of an answering sentence: its article, the sentence verbatim and the passage holding it. */
function citationOf(s: Selection, passageFor: PassageFinder): Citation {
  const a = s.hit.article;
  return {
    source: a.source,
    paper: a.paper,
    date: a.date,
    headline: a.headline,
    quote: s.sentence.text.trim(),
    score: Math.min(1, s.coverage),
    articleId: a.id,
    passage: passageFor(s.hit, s.sentence),
  };
}
