import type { QuestionAnalysis } from "./analysis.js";
import { bindingOf, LOCATIVE_BEFORE, type Binding } from "./binding.js";
import { probabilityOf, type DecisionModel, type LogisticLayer } from "./decision.js";
import type { Candidate } from "./features.js";
import { rolesNamed, titleBefore, type Figure } from "./figures.js";
import { mentions } from "./concepts.js";
import { taggedWords, type TaggedWord } from "../retrieve/tokenize.js";
import { gapToQuestion, leadShape, replyLead, rivalsOf, spanLead, type ReplyLead } from "./lead.js";
import { sentenceValues } from "./select.js";
import { fitsKind, inUnit, MEASURE_CLASSES } from "./units.js";

/**
 * Values are candidates (issue #26, item 3): the reply's lead is chosen among (sentence, value)
 * pairs by a fitted layer, not by the first figure of a plausible unit. Every value of the chosen
 * sentence that could answer the question — its figures, names, places or dates of the kind asked,
 * and (Chinese) the phrase standing where the question word stands — is scored by `lead` over the
 * features below; the most probable leads the reply when its probability reaches the fitted lead
 * threshold. Otherwise no value leads: a question asking for a figure, date, name or place gets
 * the sentence as evidence; any other the quote alone.
 */

/** One value of a candidate sentence, with what its features read. */
export interface ValueCandidate {
  value: Figure;
  /** Features in VALUE_FEATURE_NAMES order (the sentence's answer probability comes first, added by the caller). */
  x: number[];
  /** About something else than the question asks (binding.ts' Binding.vetoed): never swapped in. */
  vetoed: boolean;
}

interface ValueContext {
  c: Candidate;
  value: Figure;
  /** Every value of the sentence (the pool). */
  pool: Figure[];
  /** The value the hand-set reading (lead.ts) would lead with, if any. */
  hand: Figure | null;
  /** The sentence's words with their parts of speech and offsets (jieba). */
  words: TaggedWord[];
  /** The noun the value counts or measures (countedNoun), worked out once for the two features that read it. */
  counted: string | null;
  /** How the value is bound to the question (binding.ts), read once for the feature and the veto. */
  bound: Binding;
}

const same = (a: Figure | null | undefined, b: Figure) => !!a && a.start === b.start && a.text === b.text;
const kindIs = (v: ValueContext, ...kinds: Figure["kind"][]) => (kinds.includes(v.value.kind) ? 1 : 0);

/**
 * The named features of a (sentence, value) pair. The list is the contract between `npm run fit`
 * and the profile's `lead` layer: change it, refit.
 */
export const VALUE_FEATURES = {
  /** How firmly the value is bound to the question (binding.ts): 1 by its clause naming the focus or the measure asked, 0.5 by another question word. */
  binding: (v) => v.bound.strength / 2,
  /** The value is of the kind asked (a name for who, a date for when, a count or sum for how many). */
  kindFits: (v) => (fitsKind(v.value, v.c.analysis.kind) ? 1 : 0),
  /** The question names a measure (多少吨, how many people) and the value is in it. */
  unitFits: (v) => (v.c.analysis.unit !== null && inUnit(v.value, v.c.analysis.unit) ? 1 : 0),
  /** The hand-set reading (lead.ts: the sentence's picked figure, else a bound one) leads with this value. */
  handLead: (v) => (same(v.hand, v.value) ? 1 : 0),
  /** The sentence ranking picked this figure for the sentence. */
  picked: (v) => (same(v.c.selection.figure, v.value) ? 1 : 0),
  /** A phrase where the question word stands (a guess at a span), not a typed value. */
  phrase: (v) => kindIs(v, "phrase"),
  name: (v) => kindIs(v, "name"),
  place: (v) => kindIs(v, "place"),
  date: (v) => kindIs(v, "date", "year"),
  percent: (v) => kindIs(v, "percent"),
  /** Written in Chinese numerals (第二十个), weaker than digits. */
  spelled: (v) => (v.value.spelled ? 1 : 0),
  /** 1 when the value touches one of the question's own words in the sentence, 1/2 four characters off…; 0 none there. */
  nearQuestion: (v) => 1 / (1 + gapToQuestion(v.c.analysis, v.c.selection.sentence.text, v.value) / 4),
  /** 1 when no other value of its kind is in the sentence, 1/2 with one rival… */
  unique: (v) => 1 / (1 + rivalsOf(v.c.selection.sentence.text, v.value)),
  /** 1 for the sentence's first value of the pool, 1/2 the second… */
  order: (v) => 1 / (1 + v.pool.filter((f) => f.start < v.value.start).length),
  /** The focus (多少*微心愿*) is spelled right after or right before the value (657件微心愿). */
  focusAdjacent: (v) => (focusAdjacent(v.c.analysis, v.c.selection.sentence.text, v.value) ? 1 : 0),
  /** The noun the figure counts or measures (657件*微心愿*, 完成*心愿*93件) is the thing asked about. */
  countsFocus: ({ counted, c }) => (counted !== null && c.analysis.focus !== null && mentions(counted, c.analysis.focus) ? 1 : 0),
  /**
   * …is a noun the question never names, nor one of the things its measure counts (群众 for 多少人):
   * the figure counts something else (1614*名*志愿者 for 微心愿).
   */
  countsOther: ({ counted: noun, c }) => {
    if (noun === null) return 0;
    const { own, unit } = c.analysis;
    const named = own.some((c) => mentions(noun, c) || c.alternatives.some((a) => a.length > 1 && noun.includes(a)));
    const ofAskedMeasure = unit !== null && MEASURE_CLASSES.some((row) => row.units.test(unit) && row.counts?.test(noun));
    return named || ofAskedMeasure ? 0 : 1;
  },
  /** The name's printed title (副主席谢荣新) is the role the question asks (主席, a deputy's only when asked). */
  roleMatches: (v) => (roleAgreement(v) === "same" ? 1 : 0),
  /** …is another role than the one asked (副主席 for 主席, 行长 for 书记). */
  roleDiffers: (v) => (roleAgreement(v) === "other" ? 1 : 0),
  /** A place or phrase right after a locative word (位于, 设在, 在): where the clause's thing is, not a place it mentions. */
  locative: ({ c, value }) => (value.kind !== "place" && value.kind !== "phrase" ? 0 : LOCATIVE_BEFORE.test(c.selection.sentence.text.slice(Math.max(0, value.start - 2), value.start)) ? 1 : 0),
  /** The value comes with the second sentence of a two-sentence window. */
  secondSentence: (v) => (v.c.first && v.value.start >= v.c.first.sentence.text.length ? 1 : 0),
  /** A phrase's length, up to 12 characters (1: twelve or more; 0 for a typed value): one character (于) is rarely an answer. */
  phraseLength: (v) => (v.value.kind === "phrase" ? Math.min([...v.value.text].length, v.c.analysis.tuning.phraseChars) / v.c.analysis.tuning.phraseChars : 0),
  /** The value opens or closes on punctuation or leaves a bracket or quote open (史称「, （）是DC): a cut, not a phrase. */
  ragged: (v) => (ragged(v.value.text) ? 1 : 0),
  /** A phrase opening or closing on a function word or a verb (于, 送信, 并合称): a piece of the clause around the answer. */
  phraseLoose: (v) => (v.value.kind === "phrase" && looseEdges(v.value, v.words) ? 1 : 0),
  /** An English question (its values reached through the dictionary). */
  english: (v) => (v.c.analysis.lang === "en" ? 1 : 0),
  /** The question asks for a figure, date, name or place. */
  typedAsked: (v) => (v.c.analysis.wantsTypedAnswer ? 1 : 0),
} satisfies Record<string, (v: ValueContext) => number>;

/** The `lead` layer's inputs: the sentence's answer probability, then the value features. */
export const LEAD_INPUT_NAMES = ["answerProbability", ...Object.keys(VALUE_FEATURES)] as string[];

/**
 * Leads are thresholded by group, one per kind of binding issue #26 names: a figure (a count, sum,
 * share or date: bound to the noun it counts or the event it dates), an entity (a name or place:
 * bound to a role and an organisation), a phrase (where a Chinese question word stands: a guess at
 * a span). They are right at very different rates (DRCD + CMRC trial, hand-set leads of answered
 * questions: quantities 86 %, dates 77 %, names 56 %, places 48 %, phrases 63 %), so one threshold
 * either keeps wrong names and phrases or drops right figures.
 */
export type LeadGroup = "figure" | "entity" | "phrase";
export const LEAD_GROUPS: readonly LeadGroup[] = ["figure", "entity", "phrase"];
export const leadGroupOf = (kind: Figure["kind"]): LeadGroup => (kind === "phrase" ? "phrase" : kind === "name" || kind === "place" ? "entity" : "figure");

/**
 * The fitted lead layer of a decision profile, and the probability a lead needs per question
 * language and lead group. One layer for both languages: the values are always read in the
 * Chinese sentence, and the English questions alone (a few dozen leads) are too few to fit one.
 */
export interface LeadModel {
  /** LEAD_INPUT_NAMES at the fit. */
  features: string[];
  layer: LogisticLayer;
  threshold: { zh: Record<LeadGroup, number>; en: Record<LeadGroup, number> };
}

/**
 * The noun a figure counts or measures: the noun right after it (657件微心愿), else the noun just
 * before it (完成心愿93件); null for a name, place or date, or when no noun stands there.
 */
function countedNoun(sentence: string, value: Figure, words: TaggedWord[]): string | null {
  if (value.kind !== "quantity" && value.kind !== "percent") return null;
  const isNoun = (w: TaggedWord) => /^n(?!r)/.test(w.tag) && /\p{Script=Han}/u.test(w.word);
  // Only 的 may stand between (30万吨的产能); never a comma: the next clause counts its own thing.
  const joined = (from: number, to: number) => /^的?$/.test(sentence.slice(from, to));
  const after = words.find((w) => w.start >= value.end && joined(value.end, w.start));
  if (after && isNoun(after)) return after.word;
  const before = words.filter((w) => w.end <= value.start && joined(w.end, value.start)).pop();
  return before && isNoun(before) ? before.word : null;
}

/** How a name's printed title agrees with the role the question asks; null when either is missing. */
function roleAgreement({ c, value }: ValueContext): "same" | "other" | null {
  if (value.kind !== "name") return null;
  const title = titleBefore(c.selection.sentence.text, value.start);
  const asked = rolesNamed(c.analysis.own.flatMap((o) => [o.label, ...o.alternatives]));
  if (!title || !asked.roles.length) return null;
  // Every title of a 、 chain is the person's (党组书记、副主席谢荣新 is a Party secretary), but a deputy
  // of a role asked (副主席 when 主席 is asked) is someone else than the one asked, whatever else they hold.
  const asks = (t: { role: string }) => asked.roles.includes(t.role);
  if (!asked.deputy && title.all.some((t) => asks(t) && t.deputy)) return "other";
  return title.all.some((t) => asks(t) && t.deputy === asked.deputy) ? "same" : "other";
}

const OPENERS = "（(「『“《【[";
const CLOSERS = "）)」』”》】]";

function ragged(text: string): boolean {
  if (/^[\p{P}\s]|[\p{P}\s]$/u.test(text) && !/^[《“「（(][^]*[》”」）)]$/u.test(text)) return true;
  let depth = 0;
  for (const ch of text) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch) && --depth < 0) return true;
  }
  return depth !== 0;
}

/** Parts of speech an answer phrase does not open or close on: preposition, particle, conjunction, adverb, verb. */
const LOOSE_TAG = /^(?:p|u|c|d|v)/;

function looseEdges(value: Figure, words: TaggedWord[]): boolean {
  const inside = words.filter((w) => w.start >= value.start && w.end <= value.end);
  if (!inside.length) return true;
  return LOOSE_TAG.test(inside[0]!.tag) || LOOSE_TAG.test(inside[inside.length - 1]!.tag);
}

function focusAdjacent(analysis: QuestionAnalysis, sentence: string, value: Figure): boolean {
  const focus = analysis.focus;
  const near = analysis.tuning.focusAdjacent;
  if (!focus || focus.date) return false;
  return [focus.label, ...focus.alternatives].some((w) => {
    if (!w) return false;
    for (let at = sentence.indexOf(w); at >= 0; at = sentence.indexOf(w, at + 1)) {
      if ((at >= value.end && at - value.end <= near) || (at + w.length <= value.start && value.start - (at + w.length) <= near)) return true;
    }
    return false;
  });
}

/**
 * The values of a candidate sentence a reply could lead with: the pool of its kind (select.ts'
 * sentenceValues), the phrase where a Chinese question word stands, and the hand-set lead, each
 * once, with their features. Empty when the question asks for nothing a value answers.
 */
export function valueCandidates(c: Candidate): ValueCandidate[] {
  const { analysis, selection } = c;
  const text = selection.sentence.text;
  const hand = leadShape(c).lead?.value ?? null;
  const pool = sentenceValues(text, analysis.concepts, analysis.kind, analysis.unit);
  for (const extra of [spanLead(analysis, text), hand]) if (extra && !pool.some((f) => same(f, extra))) pool.push(extra);
  pool.sort((a, b) => a.start - b.start);
  const names = Object.keys(VALUE_FEATURES) as (keyof typeof VALUE_FEATURES)[];
  const words = pool.some((f) => f.kind === "quantity" || f.kind === "percent" || f.kind === "phrase") ? taggedWords(text) : [];
  return pool.map((value) => {
    const v: ValueContext = { c, value, pool, hand, words, counted: countedNoun(text, value, words), bound: bindingOf(analysis, text, value) };
    return { value, x: names.map((n) => VALUE_FEATURES[n](v)), vetoed: v.bound.vetoed };
  });
}

/**
 * The values the lead layer chooses among, at the fit as in the reply: a value about something else
 * (another level, part, class or place: binding.ts' Binding.vetoed) is never swapped in; a phrase is read
 * where the question word stands, not bound (lead.ts).
 */
export function leadCandidates(c: Candidate): ValueCandidate[] {
  return valueCandidates(c).filter((v) => v.value.kind === "phrase" || !v.vetoed);
}

/** The most probable value of a candidate under the lead layer (vetoed ones left out), with its probability; null when the sentence has none. */
export function bestValue(layer: LogisticLayer, c: Candidate, answerProbability: number): { value: Figure; p: number } | null {
  let best: { value: Figure; p: number } | null = null;
  for (const v of leadCandidates(c)) {
    const p = probabilityOf(layer, [answerProbability, ...v.x]);
    if (!best || p > best.p) best = { value: v.value, p };
  }
  return best;
}

/**
 * What a reply with this candidate leads with. The hand-set reading (lead.ts) says whether the
 * reply can answer at all — a value bound to the question, every anchor in the article — and, where
 * it would lead with a value, the profile's lead layer picks among the sentence's values: its best
 * one when probable enough; else, for a question asking a figure, date, name or place, nothing
 * (null: the reply is evidence), for any other the quote alone. So the layer can take a value
 * back or swap it for a better bound one, never make an answer of a sentence the binding refused.
 * A profile without a lead layer leads with the hand-set value. `p`: the layer's probability of the
 * value that leads (null for no value, or without a layer).
 */
export function scoredLead(model: DecisionModel, c: Candidate, answerProbability: number): { lead: ReplyLead | null; p: number | null } {
  const hand = replyLead(c);
  if (!model.lead || !hand?.value) return { lead: hand, p: null };
  const lang = c.analysis.lang;
  const best = bestValue(model.lead.layer, c, answerProbability);
  if (best && best.p >= model.lead.threshold[lang][leadGroupOf(best.value.kind)]) return { lead: { value: best.value, rebound: !same(c.selection.figure, best.value) }, p: best.p };
  return { lead: c.analysis.wantsTypedAnswer ? null : { value: null, rebound: false }, p: null };
}
