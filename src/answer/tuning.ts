import { QaError } from "../errors.js";

/**
 * The hand-set numbers of the answer stage, in one place with their defaults and why (issue #26:
 * "hand-set numbers that remain live in one options object with documented defaults", as
 * MiniSearch's `defaultSearchOptions`). What is fitted lives in the decision profiles
 * (model/profiles/, `npm run fit`); what is knowledge lives in its table (units and measures:
 * units.ts; question words: question-words.ts; titles: figures.ts). Changing one
 * of these changes answers: measure with `npm run eval` and refit.
 */
export const DEFAULT_ANSWER_TUNING = {
  /** Sentences scored per question: the best few by rank, beyond them only each article's best (features.ts). */
  candidates: 12,
  /**
   * Credit for a Chinese word whose characters appear without the word itself (储存 ~ 储备, 冬季 ~
   * 越冬, 称号 ~ 之称): Chinese words are compositional, so shared characters mean related words (concepts.ts).
   */
  partialMention: 0.5,
  /** Sentence-score bonus for the article a follow-up question continues (select.ts). */
  preferredArticleBonus: 0.15,
  /** The concept the question word asks about counts this many times (select.ts: ranking and the hand-set figure pick). */
  focusBoost: 2,
  /** How much a mention counts by where it is: in the sentence, next to it, in the headline, elsewhere in the article (select.ts). */
  mentionWeight: { sentence: 1, neighbour: 0.6, headline: 0.6, article: 0.3 },
  /** Weight of an English framing word ("how many people were…") against the words that name the topic (english-concepts.ts). */
  englishFramingFactor: 0.3,
  /**
   * Chinese readings kept per English word when checking an answer. More than the search uses (3):
   * the dictionary ranks a word's many-sense readings low (operate → 运转 is fourth), and a reading
   * the sentence does not use costs nothing here (english-concepts.ts).
   */
  englishReadings: 6,
  /** A dictionary reading of a whole English name above this is its spelling (Olympics → 运动会, 0.5, is not). */
  strongNameReading: 0.5,
  /** The weakest bridge reading of a capitalised name taken as its spelling (a half-matched gloss is a guess). */
  nameReading: 0.5,
  /** Query weight of a Latin word with no reading (1 and 2 were measured: CMRC English top-1 source 51.4 / 52.8 %, 3: 53.5 %) (answerer.ts). */
  unreadNameWeight: 3,
  /** How much less of the question a further cited source may cover than the best one (answerer.ts). */
  supportMargin: 0.05,
  /** Context characters on each side of a Chinese question word the cloze features read: longer runs are rarely repeated verbatim (cloze.ts). */
  clozeSpan: 6,
  /** Weight of the previous turn's concepts in a follow-up question (conversation.ts). */
  followUpContextWeight: 0.5,
  /** Context beside a question word shorter than this matches too much by chance (span.ts). */
  spanMinContext: 2,
  /** A longer answer "phrase" is most of the sentence: the quote already shows it (span.ts). */
  spanMaxChars: 24,
  /** Phrase length counted up to this many characters (values.ts' phraseLength). */
  phraseChars: 12,
  /** Characters a focus may stand from its value and still be its noun (657件*微心愿*, *项目*总投资1.26亿元) (values.ts). */
  focusAdjacent: 3,
};

/** The hand-set numbers one answerer runs with (DEFAULT_ANSWER_TUNING unless overridden). */
export type AnswerTuning = typeof DEFAULT_ANSWER_TUNING;

/** Overrides of some of them (`createAnswerer({ options: { tuning } })`); mentionWeight's parts one by one. */
export type AnswerTuningOverrides = Partial<Omit<AnswerTuning, "mentionWeight">> & { mentionWeight?: Partial<AnswerTuning["mentionWeight"]> };

/** Counts of characters, words or sentences: whole numbers. */
const WHOLE: ReadonlySet<string> = new Set(["candidates", "englishReadings", "clozeSpan", "spanMinContext", "spanMaxChars", "phraseChars", "focusAdjacent"]);

/**
 * The defaults with `overrides` applied, checked once at the edge: every number finite and not
 * negative, counts whole and (but the focus distance) at least 1.
 */
export function answerTuning(overrides: AnswerTuningOverrides = {}): AnswerTuning {
  const unknown = Object.keys(overrides).filter((key) => !(key in DEFAULT_ANSWER_TUNING));
  const unknownParts = Object.keys(overrides.mentionWeight ?? {}).filter((part) => !(part in DEFAULT_ANSWER_TUNING.mentionWeight)).map((part) => `mentionWeight.${part}`);
  if (unknown.length || unknownParts.length) {
    throw new QaError("CONFIG_INVALID", `answer tuning: no such number ${[...unknown, ...unknownParts].join(", ")}`, `Use the names in src/answer/tuning.ts: ${Object.keys(DEFAULT_ANSWER_TUNING).join(", ")}.`);
  }
  const tuning: AnswerTuning = { ...DEFAULT_ANSWER_TUNING, ...overrides, mentionWeight: { ...DEFAULT_ANSWER_TUNING.mentionWeight, ...overrides.mentionWeight } };
  const numbers = Object.entries(tuning).flatMap(([key, value]) => (typeof value === "number" ? [[key, value] as const] : Object.entries(value).map(([part, v]) => [`${key}.${part}`, v] as const)));
  const bad = numbers.filter(([key, v]) => typeof v !== "number" || !Number.isFinite(v) || v < 0 || (WHOLE.has(key) && (!Number.isInteger(v) || (v < 1 && key !== "focusAdjacent"))));
  if (bad.length) {
    throw new QaError("CONFIG_INVALID", `answer tuning: ${bad.map(([key, v]) => `${key}=${String(v)}`).join(", ")} is not a usable value`, "Use finite numbers ≥ 0 (whole counts ≥ 1 for candidates, englishReadings, clozeSpan, spanMinContext, spanMaxChars, phraseChars; whole ≥ 0 for focusAdjacent), or leave the key out for its default.");
  }
  return tuning;
}
