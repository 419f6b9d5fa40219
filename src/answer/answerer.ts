import type { SearchIndex } from "../index/open.js";
import { detectQuestionKind, type QueryTranslator } from "../retrieve/english.js";
import { jiebaSegmenter } from "../retrieve/tokenize.js";
import { searchHybrid, type RetrieveOptions, type Timings } from "../retrieve/hybrid.js";
import { chineseConcepts, type Concept } from "./concepts.js";
import { composeFound, composeNotFound } from "./compose.js";
import { englishConcepts } from "./english-concepts.js";
import { questionLanguage, validateQuestion } from "./question.js";
import { askedUnit, rankSentences, type Selection } from "./select.js";
import type { Answer, Citation } from "./types.js";

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

export type Answerer = (question: string) => Promise<Answer & { timings: AnswerTimings }>;

/**
 * Creates the answering function: validate → concepts → hybrid retrieval → best sentence →
 * found/not-found decision → wording with citations. No LLM; every quote is verbatim.
 */
export function createAnswerer(deps: AnswererDeps): Answerer {
  const o = { ...DEFAULT_ANSWER, ...deps.options };
  const { index, translator } = deps;
  const stats = { documentFrequency: (t: string) => index.keyword.documentFrequency(t), size: index.keyword.size };
  return async (raw) => {
    const question = validateQuestion(raw);
    const lang = questionLanguage(question);
    const kind = detectQuestionKind(question);
    let t = performance.now();
    const vector = deps.embedQuery ? await deps.embedQuery(question) : null;
    const embedMs = performance.now() - t;

    const translation = lang === "en" ? translator.translate(question) : null;
    const keyword = translation
      ? [...translation.terms.map((text, i) => ({ text, weight: translation.weights[i] ?? 1 })), ...translation.englishTokens.map((text) => ({ text, weight: 0.5 }))]
      : question;
    const { hits, timings } = searchHybrid(index, { keyword, vector }, o.retrieve);

    t = performance.now();
    const concepts: Concept[] = lang === "zh" ? chineseConcepts(question, jiebaSegmenter(), stats) : englishConcepts(question, translator, stats);
    const unit = askedUnit(question);
    const ranked = concepts.length ? rankSentences(hits, concepts, kind, unit) : [];
    const selection = ranked[0] ?? null;
    const rule: AnswerRule = { kind, minCoverage: o.minCoverage[lang], needsFigure: unit !== null, strictTopic: lang === "zh" };
    const found = isAnswer(selection, rule);
    // Further sources only when they answer too (same decision), so no unrelated passage is cited.
    const supporting = found ? ranked.slice(1).filter((s) => isAnswer(s, rule)) : [];
    const citations = selection ? [selection, ...supporting].slice(0, o.maxCitations).map(citationOf) : [];
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
    return { ...answer, timings: { ...timings, embedMs, answerMs: performance.now() - t } };
  };
}

interface AnswerRule {
  kind: string;
  minCoverage: number;
  /** The question names a unit or a price: only a figure in that unit answers it. */
  needsFigure: boolean;
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
function isAnswer(s: Selection | null, rule: AnswerRule): s is Selection {
  if (!s) return false;
  if (s.missingAnchors.length) return false;
  if (s.coverage < rule.minCoverage) return false;
  const wantsFigure = rule.needsFigure || rule.kind === "count" || rule.kind === "amount" || rule.kind === "date";
  if (wantsFigure && !s.figure) return false;
  if (rule.strictTopic && s.absent.length) {
    // "How many tonnes of wheat" answered from an article about corn: the rarest words must be there.
    if (Math.max(...s.absent.map((c) => c.weight)) >= TOPIC_SHARE * s.maxWeight) return false;
  }
  return true;
}

/** A missing Chinese word at least this share of the question's rarest word's weight is a missing topic. */
const TOPIC_SHARE = 0.75;

function citationOf(s: Selection): Citation {
  const a = s.hit.article;
  const passage = s.hit.passages.find((p) => p.passage.start <= s.sentence.start && p.passage.end >= s.sentence.end) ?? s.hit.passages[0];
  return {
    source: a.source,
    paper: a.paper,
    date: a.date,
    headline: a.headline,
    quote: s.sentence.text.trim(),
    score: Math.min(1, s.coverage),
    articleId: a.id,
    passage: passage?.passage.text ?? s.sentence.text,
  };
}
