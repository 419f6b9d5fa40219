import type { ArticleHit } from "../retrieve/hybrid.js";
import type { QuestionAnalysis } from "./analysis.js";
import { bindingStrength } from "./binding.js";
import { mentions, type Concept, type TermStats } from "./concepts.js";
import { clozeFit, qualifierConflict, trigramRecall, type ClozeFit, type WeightedPair } from "./cloze.js";
import { leadShape } from "./lead.js";
import { localWeights } from "./local.js";
import { bodyOf, type Selection } from "./select.js";

/**
 * The named features of the answer decision: what one candidate sentence has going for it as the
 * answer to the question. Each is a number, most in 0–1; the fitted model (decision.ts) weighs them.
 * The list is the contract between `npm run fit` and the weights file: add a feature here, refit.
 */
export const FEATURES = {
  /** Question word weight (idf) the sentence covers, with part credit for its neighbours, headline and article. */
  coverage: (c) => c.selection.coverage,
  /** Question word weight the sentence itself mentions. */
  sentenceCoverage: (c) => c.selection.sentenceCoverage,
  /** Question word weight the whole article mentions (a left-out topic covers little of it). */
  articleCoverage: (c) => c.selection.articleCoverage,
  /** idf-weighted share of the question's Chinese character pairs found in the sentence. */
  bigramRecall: (c) => c.bigramRecall,
  /** idf-weighted share of the question's character pairs found anywhere in the article. */
  articleBigramRecall: (c) => c.articleBigramRecall,
  /** The rarest question character pair the article lacks, relative to the rarest pair: a missing name. */
  articleMissingPair: (c) => c.articleMissingPair,
  /** Share of the question's character-pair weight the corpus never uses (a topic it does not hold). */
  unknownPairs: (c) => c.unknownPairs,
  /** BM25 score of the article's best passage (log scale). */
  keywordScore: (c) => Math.log1p(c.keywordScore),
  /** The article's BM25 margin over the best other article, relative (negative when behind). */
  keywordMargin: (c) => c.keywordMargin,
  /**
   * 1 when one of the article's passages is first in the vector list, 1/2 second…, 0 when none is in
   * it (or there are no vectors): a rank, so no model's similarity scale leaks into the decision (#27).
   */
  vectorRank: (c) => (c.vectorRank === null ? 0 : 1 / (1 + c.vectorRank)),
  /** 1 for the first retrieved article, 1/2 for the second… */
  articleRank: (c) => 1 / (1 + c.selection.articleRank),
  /** 1 for the best-ranked sentence, 1/2 for the next… */
  sentenceRank: (c) => 1 / (1 + c.sentenceRank),
  /** Share of the question's character triples in the sentence (phrases, not just pairs). */
  trigramRecall: (c) => c.trigramRecall,
  /** The words just before the question word are in the sentence (cloze: the answer follows them). */
  clozeLeft: (c) => c.cloze.left,
  /** The words just after the question word are in the sentence (the answer precedes them). */
  clozeRight: (c) => c.cloze.right,
  /** Both, in the question's order, a short answer's length apart: the blank the question word stands for. */
  clozeInOrder: (c) => c.cloze.inOrder,
  /** The sentence binds a value to the question where one is asked (lead.ts; the article's missing anchors are anchorMissing's). */
  leadBound: (c) => (leadShape(c).lead ? 1 : 0),
  /** …and a value (figure, date, name, place or phrase) leads it, not the quote. */
  leadValue: (c) => (leadShape(c).lead?.value ? 1 : 0),
  /** …a phrase standing where the question word stands, not a typed value (a guess at a span). */
  leadPhrase: (c) => (leadShape(c).lead?.value?.kind === "phrase" ? 1 : 0),
  /** …a value of the sentence other than the one it was picked for, bound more firmly. */
  leadRebound: (c) => (leadShape(c).lead?.rebound ? 1 : 0),
  /** 1 when the lead value is the only one of its kind in the sentence, 1/2 with one rival…; 0 without a value. */
  leadUnique: (c) => (leadShape(c).lead?.value ? 1 / (1 + leadShape(c).rivals) : 0),
  /** How close the lead value stands to the question's own words in the sentence: 1 touching, 1/2 four characters off…; 0 none there. */
  leadNearQuestion: (c) => (leadShape(c).lead?.value ? 1 / (1 + leadShape(c).gap / 4) : 0),
  /** The sentence names another phase, year, quarter or edition than the question asks about (一期 for 二期). */
  qualifierConflict: (c) => (c.qualifierConflict ? 1 : 0),
  /** …and so does the article, which never names the asked one. */
  articleQualifierConflict: (c) => (c.articleQualifierConflict ? 1 : 0),
  /** The question asks for a figure, date, name or place. */
  typedAnswerAsked: (c) => (c.analysis.wantsTypedAnswer ? 1 : 0),
  /** …and the sentence gives one of that kind and unit. */
  typedAnswerFound: (c) => (c.analysis.wantsTypedAnswer && c.selection.figure ? 1 : 0),
  /**
   * How firmly the value the sentence would lead with is bound to the question (binding.ts): 1 by its
   * own clause (the focus, the measure asked), 0.5 by another of the question's words, 0 unbound or no value.
   */
  figureBinding: (c) => {
    // A value rebound in place of the picked one (a vetoed 241人 beside the 35173人 asked) is the one the reply leads with.
    const lead = leadShape(c).lead;
    const figure = lead?.rebound && lead.value ? lead.value : c.selection.figure;
    return figure ? bindingStrength(c.analysis, c.selection.sentence.text, figure) / 2 : 0;
  },
  /** A figure, date, name or place is asked; this sentence gives none, another candidate does. */
  typedAnswerElsewhere: (c) => (c.analysis.wantsTypedAnswer && !c.selection.figure && c.peers.typedAnswer ? 1 : 0),
  /** How far the sentence's coverage falls behind the best candidate's (0 for the best). */
  coverageBehind: (c) => c.peers.coverage - c.selection.coverage,
  /** How far its character-pair recall falls behind the best candidate's. */
  bigramBehind: (c) => c.peers.bigramRecall - c.bigramRecall,
  /** The figure's clause is about a township, village or neighbourhood the question does not name (a sub-total). */
  scopeMismatch: (c) => (scopeMismatch(c) ? 1 : 0),
  /** How well the sentence names the thing asked about (多少*小麦*): 1 spelled, part credit for shared characters. */
  focusCredit: (c) => c.selection.focusCredit,
  /** A figure is asked for, but the sentence does not name what it counts (肉牛 asked, 奶牛 named). */
  focusMissing: (c) => (c.analysis.wantsTypedAnswer && c.analysis.focus && c.selection.focusCredit < 0.5 ? 1 : 0),
  /** …nor spells it out: a figure of another kind of thing (肉牛 asked, 奶牛 counted: shared characters are not the word). */
  focusUnspelled: (c) => (c.analysis.wantsTypedAnswer && c.analysis.focus && !c.analysis.focus.alternatives.some((a) => c.selection.sentence.text.includes(a)) ? 1 : 0),
  /** A place or name of the question that the article never mentions. */
  anchorMissing: (c) => (c.selection.missingAnchors.some((a) => !a.date) ? 1 : 0),
  /** …and shares not one character pair with it either (乌鲁木齐 on a page about 昌吉): another place, not a spelling variant. */
  anchorUnrelated: (c) => (c.anchorUnrelated ? 1 : 0),
  /** The question names a date… */
  dateAsked: (c) => (c.analysis.dates.length ? 1 : 0),
  /** …that neither the article's issue date nor the sentence confirms. */
  dateMissing: (c) => (c.selection.dateMissing ? 1 : 0),
  /** The heaviest question word the article lacks, relative to the heaviest question word. */
  absentTopic: (c) => (c.selection.absent.length && c.selection.maxWeight ? Math.max(...c.selection.absent.map((a) => a.weight)) / c.selection.maxWeight : 0),
  /** English question (read through the dictionary bridge, so coverage means less). */
  english: (c) => (c.analysis.lang === "en" ? 1 : 0),
  /** Coverage of an English question (its own slope). */
  englishCoverage: (c) => (c.analysis.lang === "en" ? c.selection.coverage : 0),
  /** The hand-written checks of the earlier answerer agree (see `checksPass`): one feature, weighed like the rest. */
  checksPass: (c) => (checksPass(c) ? 1 : 0),
  /** The question continues the previous one. */
  followUp: (c) => (c.analysis.previous ? 1 : 0),
  /** The candidate is two sentences: one and the next of its paragraph, quoted together. */
  window: (c) => (c.first ? 1 : 0),
  /** …where the asked figure, date, name or place comes only with the second sentence. */
  windowAddsTypedAnswer: (c) => (c.first && c.analysis.wantsTypedAnswer && !c.first.figure && c.selection.figure ? 1 : 0),
  /** …and how much of the question the second sentence repeats (the answer is what the question does not say). */
  windowAddedRecall: (c) => c.addedBigramRecall,
  /** Question word weight the sentence mentions, each word weighed by how few of the article's sentences name it (local.ts). */
  localCoverage: (c) => c.localCoverage,
  /** The same over the question's Chinese character pairs. */
  localPairRecall: (c) => c.localPairRecall,
} satisfies Record<string, (c: Candidate) => number>;

export type FeatureName = keyof typeof FEATURES;
export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[];

/** One candidate answer sentence with what the features read. */
export interface Candidate {
  analysis: QuestionAnalysis;
  selection: Selection;
  /** Position of the sentence in the ranked list. */
  sentenceRank: number;
  keywordScore: number;
  keywordMargin: number;
  /** Best vector-list rank of the article's passages; null when none is in the list. */
  vectorRank: number | null;
  bigramRecall: number;
  articleBigramRecall: number;
  articleMissingPair: number;
  unknownPairs: number;
  trigramRecall: number;
  cloze: ClozeFit;
  qualifierConflict: boolean;
  articleQualifierConflict: boolean;
  /** A place or name of the question shares not one character pair with the candidate's article. */
  anchorUnrelated: boolean;
  /** For a window of two sentences, the first one's own selection (null for a single sentence). */
  first: Selection | null;
  /** For a window, the question's character-pair recall of its second sentence alone. */
  addedBigramRecall: number;
  /** Question words the sentence mentions, weighed by their rarity among the article's sentences. */
  localCoverage: number;
  /** Question character pairs likewise. */
  localPairRecall: number;
  /** The best of the question's candidates, for features relative to them. */
  peers: Peers;
}

/** What the best of a question's candidates have. */
export interface Peers {
  coverage: number;
  bigramRecall: number;
  typedAnswer: boolean;
}

/** The candidates to decide between: the best few sentences, and each article's best. */
export function candidatesOf(analysis: QuestionAnalysis, ranked: Selection[], hits: ArticleHit[], stats: TermStats, limit = analysis.tuning.candidates): Candidate[] {
  const keywordOf = (hit: ArticleHit) => Math.max(0, ...hit.passages.map((p) => p.keywordScore));
  const vectorRankOf = (hit: ArticleHit) => {
    const ranks = hit.passages.flatMap((p) => (p.vectorRank === null ? [] : [p.vectorRank]));
    return ranks.length ? Math.min(...ranks) : null;
  };
  const scores = new Map(hits.map((h) => [h, keywordOf(h)]));
  const marginOf = (hit: ArticleHit) => {
    const own = scores.get(hit) ?? 0;
    const other = Math.max(0, ...hits.filter((h) => h !== hit).map((h) => scores.get(h) ?? 0));
    return own || other ? (own - other) / Math.max(own, other) : 0;
  };
  const { pairs, triples, cloze, qualifiers } = analysis.wording;
  const pairTotal = pairs.reduce((sum, p) => sum + p.weight, 0);
  const unknownPairs = pairTotal ? pairs.reduce((sum, p) => sum + (stats.documentFrequency(p.pair) === 0 ? p.weight : 0), 0) / pairTotal : 0;
  const maxPair = Math.max(0, ...pairs.map((p) => p.weight));
  const articleText = new Map(hits.map((h) => [h, `${h.article.headline}\n${bodyOf(h.article)}`]));
  const missingPair = (text: string) => (maxPair ? Math.max(0, ...pairs.filter((p) => !text.includes(p.pair)).map((p) => p.weight)) / maxPair : 0);
  const locals = new Map(hits.map((h) => [h, localWeights(h.article, analysis.concepts, pairs)]));
  const seen = new Set<ArticleHit>();
  const picked: number[] = [];
  ranked.forEach((s, i) => {
    if (i < limit || !seen.has(s.hit)) picked.push(i);
    seen.add(s.hit);
  });
  // Each picked sentence, then (Chinese questions) each one's window with the next sentence. An
  // English question's figure is matched through the dictionary, and over two sentences it picked
  // the wrong one more often than it found a missing one (own sets, English: figure 92.9 → 91.7 %).
  const windows = analysis.lang === "zh" ? picked.flatMap((i) => (ranked[i]!.window ? [{ i, selection: ranked[i]!.window!, first: ranked[i]! }] : [])) : [];
  const entries = [...picked.map((i) => ({ i, selection: ranked[i]!, first: null as Selection | null })), ...windows];
  const candidates = entries.map(({ i, selection, first }) => {
    return {
      analysis,
      selection,
      sentenceRank: i,
      keywordScore: scores.get(selection.hit) ?? 0,
      keywordMargin: marginOf(selection.hit),
      vectorRank: vectorRankOf(selection.hit),
      bigramRecall: bigramRecall(pairs, selection.sentence.text),
      articleBigramRecall: bigramRecall(pairs, articleText.get(selection.hit) ?? ""),
      articleMissingPair: missingPair(articleText.get(selection.hit) ?? ""),
      unknownPairs,
      trigramRecall: trigramRecall(triples, selection.sentence.text),
      cloze: clozeFit(cloze, selection.sentence.text),
      qualifierConflict: qualifierConflict(qualifiers, selection.sentence.text),
      articleQualifierConflict: qualifierConflict(qualifiers, articleText.get(selection.hit) ?? ""),
      // Chinese questions: an English question's places reach the page through the dictionary, where no pair in common is no evidence.
      anchorUnrelated: analysis.lang === "zh" && selection.missingAnchors.some((a) => !a.date && unrelated(a, articleText.get(selection.hit) ?? "")),
      first,
      addedBigramRecall: first ? bigramRecall(pairs, selection.sentence.text.slice(first.sentence.text.length)) : 0,
      localCoverage: locals.get(selection.hit)?.coverage(selection.sentence.text) ?? 0,
      localPairRecall: locals.get(selection.hit)?.pairRecall(selection.sentence.text) ?? 0,
      peers: NO_PEERS,
    };
  });
  // Peers are the single sentences: a window's coverage is never less than its first sentence's.
  const singles = candidates.filter((c) => !c.first);
  const peers: Peers = {
    coverage: Math.max(0, ...singles.map((c) => c.selection.coverage)),
    bigramRecall: Math.max(0, ...singles.map((c) => c.bigramRecall)),
    typedAnswer: singles.some((c) => c.selection.figure),
  };
  return candidates.map((c) => ({ ...c, peers }));
}

const NO_PEERS: Peers = { coverage: 0, bigramRecall: 0, typedAnswer: false };


/** The feature vector of a candidate, in FEATURE_NAMES order. */
export function featureVector(c: Candidate): number[] {
  return FEATURE_NAMES.map((name) => FEATURES[name](c));
}


/** Whether no spelling of a concept shares a character pair with the text (a one-character spelling: the character). */
function unrelated(concept: Concept, text: string): boolean {
  return !concept.alternatives.some((a) => (a.length < 2 ? text.includes(a) : [...Array(a.length - 1).keys()].some((i) => text.includes(a.slice(i, i + 2)))));
}

function bigramRecall(pairs: WeightedPair[], sentence: string): number {
  const total = pairs.reduce((s, p) => s + p.weight, 0);
  return total ? pairs.reduce((s, p) => s + (sentence.includes(p.pair) ? p.weight : 0), 0) / total : 0;
}

/**
 * The earlier answerer's found rule, kept as one feature: enough coverage (0.6 Chinese, 0.5
 * English), every anchor in the article, a figure of the kind asked with its focus named, and
 * (Chinese) no heavy question word absent from the article. The model decides how far to trust it.
 */
function checksPass({ analysis, selection: s }: Candidate): boolean {
  const zh = analysis.lang === "zh";
  if (s.missingAnchors.length || s.coverage < (zh ? 0.6 : 0.5)) return false;
  if (analysis.wantsTypedAnswer && (!s.figure || s.focusCredit === 0 || (zh && s.focusCredit < 0.5))) return false;
  return !(zh && s.absent.length && Math.max(...s.absent.map((c) => c.weight)) >= 0.75 * s.maxWeight);
}

const LOCAL_PLACE = /\p{Script=Han}{2,6}?(?:镇|乡|村|街道|社区)/gu;

/** Whether the clause of the answer's figure names a smaller place than the question asks about. */
function scopeMismatch({ analysis, selection: s }: Candidate): boolean {
  const f = s.figure;
  if (!f || f.start < 0) return false;
  const text = s.sentence.text;
  const from = Math.max(...["，", "。", "；", ","].map((p) => text.lastIndexOf(p, f.start - 1))) + 1;
  const clause = text.slice(from, f.end);
  // An address names the larger place first (建国路街道水林社区): only a chain's last place is the figure's scope.
  const places = [...clause.matchAll(LOCAL_PLACE)].filter((m, i, all) => all[i + 1]?.index !== (m.index ?? 0) + m[0].length).map((m) => m[0]);
  return places.some((place) => !analysis.concepts.some((c) => mentions(place, c)));
}
