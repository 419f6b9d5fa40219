import { findFigures } from "./figures.js";
import type { QueryTranslator } from "../retrieve/english.js";
import { detectQuestionKind, eventEndAsked, HOW_MANY_ZH, type EventEnd } from "./question-words.js";
import type { ChineseSegmenter } from "../retrieve/tokenize.js";
import { askedQualifiers, clozeContext, questionPairs, questionTriples, type ClozeContext, type WeightedPair } from "./cloze.js";
import { chineseConcepts, dateConcepts, idfOf, type Concept, type TermStats } from "./concepts.js";
import { spanContext, type SpanContext } from "./span.js";
import { carriedConcepts, isFollowUp, withContext, withoutOpener, type Turn } from "./conversation.js";
import { countScopeAsked, questionQualifiers, type CountScope } from "./qualifiers.js";
import { dayOf } from "../config/index.js";
import { askedDates, periodBeyond, type AskedDate } from "./dates.js";
import { englishConcepts } from "./english-concepts.js";
import { questionLanguage } from "./question.js";
import { papersWordsFor } from "./synonyms.js";
import { askedUnit, asksForFigure } from "./units.js";
import type { QuestionKind } from "./types.js";
import { DEFAULT_ANSWER_TUNING, type AnswerTuning } from "./tuning.js";

/**
 * Everything the pipeline reads from a question, worked out once: retrieval takes `searchText`,
 * sentence ranking and the answer decision take the rest. Nothing downstream re-parses the text.
 */
export interface QuestionAnalysis {
  /** The validated question (NFKC, single spaces). */
  text: string;
  lang: "zh" | "en";
  /** What kind of answer is asked for (a count, a date, a name…), carried over by a follow-up that asks none. */
  kind: QuestionKind;
  /** The measure the question names (吨, 人, 元…), or null. */
  unit: string | null;
  /** Whether a figure, date, name or place of the kind asked must be in the answer. */
  wantsTypedAnswer: boolean;
  /** Dates the question names, relative ones resolved (against the newest paper when `beyondArchive`). */
  dates: AskedDate[];
  /** A relative period asked about (今年 in 2027) that begins after the newest paper: no page reports on it yet. */
  beyondArchive: AskedDate | null;
  /** Qualifiers the question names (第二批, major, 高级, female), each as the spellings an answer's sentence must hold (binding.ts). */
  qualifiers: string[][];
  /** Quantities the question itself states (how many of the *234* sessions): what it asks about, never its answer. */
  stated: number[];
  /** The scope of a count the question names: a total (会员总数, in total) or what was added (新增, new members); null for neither or both. */
  countScope: CountScope | null;
  /**
   * The verb the Chinese question word follows (已经*办理*了多少单), or for a when-question the event
   * it dates (何时*停播*, 什么时候*上市*的, *成立*于哪一年); null when none: a value another verb
   * governs answers another question.
   */
  predicate: string | null;
  /** The end of its event a when-question asks (opens, 闭幕), when it names one and not the other. */
  eventEnd: EventEnd | null;
  /** The question's own concepts (words and dates). */
  own: Concept[];
  /** The concepts to answer: own ones, plus the previous turn's for a follow-up. */
  concepts: Concept[];
  /** The concept the question word points at (多少*小麦*, how many *skiers*), if any. */
  focus: Concept | null;
  /** The previous turn when this question leans on it, else null. */
  previous: Turn | null;
  /** Whether the question asks something new, not only for another date. */
  asksAnew: boolean;
  /** How the question is worded, for the character-level readers (cloze.ts, span.ts). */
  wording: QuestionWording;
  /** What retrieval searches: a follow-up with the question it continues; a reader's word (老板) with the papers' (董事长). */
  searchText: string;
  /** The hand-set numbers every stage after the analysis reads (tuning.ts; the answerer's options). */
  tuning: AnswerTuning;
}

/** The question's wording as the character-level evidence reads it, worked out once. */
export interface QuestionWording {
  /** Chinese character pairs, question words left out, weighed by rarity (English: none). */
  pairs: WeightedPair[];
  /** Chinese character triples, question words left out. */
  triples: string[];
  /** The words beside the question word (Chinese), for the cloze features. */
  cloze: ClozeContext | null;
  /** The qualifiers named, per kind (二期, 2023年, 第一届); an English question's years from its dates. */
  qualifiers: string[][];
  /** The question around its question word (Chinese), for answer spans. */
  span: SpanContext | null;
  /** The question as written (NFKC): a value it spells itself (另一个位于何处 after 香港大屿山) is what it asks about, never the answer. */
  plain: string;
}

/** What the analysis needs besides the text: injected, so it runs without a built pipeline. */
export interface AnalysisDeps {
  segmenter: ChineseSegmenter;
  translator: QueryTranslator;
  /** Document frequencies of the corpus, to weigh the question's words. */
  stats: TermStats;
  /** Hand-set numbers (default DEFAULT_ANSWER_TUNING). */
  tuning?: AnswerTuning;
}

/** What the analysis reads besides the question: the chat's previous turn, "today" (injected) and the archive's newest issue. */
export interface AnalysisContext {
  previous?: Turn | null;
  today: Date;
  /** The newest issue date in the index (YYYY-MM-DD); relative periods after it are `beyondArchive`. */
  newestIssue?: string | null;
}

/** Builds the one QuestionAnalysis of a question (with the previous turn of the chat, if any). */
export function analyseQuestion(question: string, deps: AnalysisDeps, context: AnalysisContext): QuestionAnalysis {
  const { tuning = DEFAULT_ANSWER_TUNING } = deps;
  const lang = questionLanguage(question);
  // 今年 in a year the archive has no paper of yet: the question is read as of the newest paper,
  // and the period it asked about is kept, so the reply can only be evidence.
  const asked = askedDates(question, context.today);
  const beyondArchive = context.newestIssue ? periodBeyond(asked, context.newestIssue) : null;
  const dates = beyondArchive ? askedDates(question, dayOf(context.newestIssue!)) : asked;
  const words = lang === "zh" ? chineseConcepts(question, deps.segmenter, deps.stats) : englishConcepts(question, deps.translator, deps.stats, tuning);
  const own = [...words, ...dateConcepts(dates, deps.stats)];
  const previous = context.previous && isFollowUp(question, own, lang) ? context.previous : null;
  const concepts = previous ? withContext(own, previous, tuning.followUpContextWeight) : own;
  // "What about last November?": with the opener gone, nothing asks a kind of its own.
  const ownKind = detectQuestionKind(previous ? withoutOpener(question) : question);
  // "那外出务工呢？" asks what the previous question asked, about something else.
  const kind = previous && ownKind === "other" ? previous.kind : ownKind;
  const unit = askedUnit(question);
  return {
    text: question,
    lang,
    kind,
    unit,
    wantsTypedAnswer: unit !== null || asksForFigure(kind),
    dates,
    beyondArchive,
    qualifiers: questionQualifiers(question, lang),
    stated: statedQuantities(question),
    countScope: countScopeAsked(question.normalize("NFKC")),
    predicate: lang !== "zh" ? null : kind === "date" ? datedEvent(question, deps.segmenter) : askedPredicate(question, deps.segmenter),
    eventEnd: kind === "date" ? eventEndAsked(question, lang) : null,
    own,
    concepts,
    focus: concepts.find((c) => c.focus) ?? null,
    previous,
    asksAnew: own.some((c) => !c.date),
    wording: {
      pairs: questionPairs(question, (pair) => idfOf(deps.stats, pair)),
      triples: questionTriples(question),
      cloze: lang === "zh" ? clozeContext(question, tuning.clozeSpan) : null,
      qualifiers: askedQualifiers(lang === "zh" ? question : dates.map((d) => `${d.year}年`).join(" ")),
      span: lang === "zh" ? spanContext(question, tuning, deps.segmenter) : null,
      plain: question.normalize("NFKC"),
    },
    searchText: [previous?.question, question, ...own.flatMap((c) => papersWordsFor(c.label))].filter(Boolean).join(" "),
    tuning,
  };
}

/** Quantities a question states (这504个服务站, of the 234 sessions) — not a number inside a code or a name (7/34P号决议, G30). */
function statedQuantities(question: string): number[] {
  const inCode = (ch: string | undefined) => ch !== undefined && /[A-Za-z/_\-]/.test(ch);
  return findFigures(question)
    .filter((f) => f.kind === "quantity" && f.value !== null && !inCode(question[f.start - 1]) && !inCode(question[f.end]))
    .map((f) => f.value!);
}

const HOW_MANY = new RegExp(HOW_MANY_ZH, "u");

/** Words between a predicate and the question word that say nothing of what is done (办理*了*多少, *一共*有几). */
const AFTER_PREDICATE = /^(?:了|过|得|已|已经|一共|共|总共|共计|累计|合计)$/;

/**
 * The verb of two or more characters right before 多少 / 几 (办理了多少单 → 办理), else null. jieba's
 * tags miss some verbs (办理: n), so a word an aspect mark follows (了, 过) or an adverb precedes
 * (已经, 共) is one too.
 */
function askedPredicate(question: string, segmenter: ChineseSegmenter): string | null {
  const at = question.search(HOW_MANY);
  if (at <= 0 || !segmenter.tag) return null;
  const words = segmenter.tag(question.slice(0, at));
  let marked = false;
  while (words.length && AFTER_PREDICATE.test(words.at(-1)!.word)) marked ||= /^[了过]$/.test(words.pop()!.word);
  const [before, last] = [words.at(-2), words.at(-1)];
  if (!last || [...last.word].length < 2) return null;
  return /^v/.test(last.tag) || ((marked || before?.tag === "d") && last.tag === "n") ? last.word : null;
}

/** The Chinese when-question words (何时, 什么时候, 哪一年…). */
const WHEN_WORD = /什么时候|什么时间|何时|哪一?年|哪一?天|哪个月|几月几[日号]|几月|几号/;

/** Verbs that only say a verb after them is possible, needed or planned (可能会短期关闭): never the event. */
const MODAL = /^(?:可能|可以|能够|应该|应当|必须|需要|将要|将会)$/;

/**
 * The event a when-question dates: the first verb of two or more characters after its question
 * word, modals aside (何时*停播*的, 什么时候可能会短期*关闭*, *宣布*与…断交转而承认…) — or, where
 * jieba tags none there, its last word of two or more (什么时候*上市*的: ns) — else the last verb
 * before it (*成立*于哪一年); null when there is none.
 */
function datedEvent(question: string, segmenter: ChineseSegmenter): string | null {
  const m = WHEN_WORD.exec(question);
  if (!m || !segmenter.tag) return null;
  const long = (w: { word: string }) => [...w.word].length >= 2 && /^\p{Script=Han}+$/u.test(w.word);
  const verbs = (words: { word: string; tag: string }[]) => words.filter((w) => /^v(?!n)/.test(w.tag) && long(w) && !MODAL.test(w.word));
  const after = segmenter.tag(question.slice(m.index + m[0].length));
  return verbs(after)[0]?.word ?? after.filter(long).at(-1)?.word ?? verbs(segmenter.tag(question.slice(0, m.index))).at(-1)?.word ?? null;
}

/** The turn a chat remembers after this question, for the next one to lean on. */
export function turnOf(analysis: QuestionAnalysis, answered: Pick<Turn, "articleId" | "answered">): Turn {
  const { text, lang, kind, own, previous } = analysis;
  // A follow-up remembers the chat's topic too, so "And in 2024?" after "What about last November?"
  // still asks about jobs.
  return { question: text, lang, kind, concepts: previous ? [...own, ...carriedConcepts(own, previous)] : own, ...answered, at: Date.now() };
}
