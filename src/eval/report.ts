import { percentile } from "./evaluate.js";

/**
 * Figures of the external evaluation (`npm run eval -- --squad FILE`): the per-question outcomes,
 * the aggregate figures made from them, and their text form. Field names are the `--json` contract
 * documented in docs/external-eval.md.
 */

/** What happened to one question. */
export interface SquadOutcome {
  id: string;
  lang: "zh" | "en";
  question: string;
  /** False when the question's answer is not in the corpus (article left out, or near-topic): no value is right. */
  kept: boolean;
  /** True when its article is in the corpus with its answer taken out (a near-topic negative). */
  nearTopic: boolean;
  answers: string[];
  /** The bot's reply; null when it threw (`error`). */
  found: boolean | null;
  answer: string | null;
  /** First citation's quote and seed file. */
  quote: string | null;
  source: string | null;
  /** Seed file of the question's own article. */
  expectedSource: string;
  error: string | null;
  ms: number;
  /** Gold answer inside the answer text or the first quote (a found answer only). */
  answerInReply: boolean;
  /** The same, counting what a refusal quotes as well. */
  answerInAnyReply: boolean;
  /** The figure or phrase a found answer leads with (`Answer.figure`) holds a gold answer. */
  leadsWithAnswer: boolean;
  /** A found answer leads with a value (any question, kept or not): the replies wrong leads are counted among. */
  ledWithValue: boolean;
  /** …a value the fresh set's judge would call the answer (lead.ts' leadMatches: it holds a gold answer, or is part of one with the same digits). */
  leadRight: boolean;
  /** The naive peer's best sentence, and whether it holds a gold answer. */
  peerReply: string;
  peerAnswerInReply: boolean;
  /** The value the naive peer leads with (its sentence's first number), if any, and whether it is the answer (judged as `leadRight`). */
  peerLead: string | null;
  peerLeadRight: boolean;
}

/** Aggregate figures for our answering service on one language's questions. */
export interface OursFigures {
  /** Questions of kept articles. */
  answerable: number;
  /** Share of answerable questions answered (found) with a gold answer in the answer or the first quote. */
  answerInReply: number;
  /** Share of answerable questions whose reply, found or refused, shows a gold answer there. */
  answerInAnyReply: number;
  /** Share of answerable questions whose found answer leads with (its `figure` holds) a gold answer. */
  leadsWithAnswer: number;
  /** Found answers leading with a value, every question counted (left-out and near-topic too). */
  valueLeads: number;
  /** Share of those whose value is not the answer, judged as the fresh set judges a lead (`leadRight`; any value given to a left-out or near-topic question is wrong): issue #26's headline. */
  wrongLeads: number;
  /** Share of answerable questions answered found: true. */
  found: number;
  /** Share of answerable questions whose found answer cites the question's own article first. */
  top1Source: number;
  /** Questions of left-out articles. */
  leftOut: number;
  /** Share of left-out-article questions refused (found: false). */
  refused: number;
  /** Questions whose article is indexed with their answer taken out. */
  nearTopic: number;
  /** Share of near-topic questions not answered (found: false: evidence or a refusal). */
  nearTopicNotAnswered: number;
  /**
   * Shares of left-out and near-topic questions whose reply leads with no value (evidence, a refusal,
   * or an answer that leads with the quote alone): issue #26's wording, looser than `refused` and
   * `nearTopicNotAnswered`, which also count a quote-only answer against the reply.
   */
  leftOutNoValueLead: number;
  nearTopicNoValueLead: number;
  /** Questions that threw instead of answering. */
  errors: number;
  p50Ms: number;
  p95Ms: number;
}

/** Aggregate figures for the naive peer (it never refuses, so only answerable questions count). */
export interface PeerFigures {
  answerable: number;
  /** Share of answerable questions whose best sentence holds a gold answer. */
  answerInReply: number;
  /** Its replies leading with a number, and the share of those that are no gold answer. */
  valueLeads: number;
  wrongLeads: number;
}

/** Both systems on one language's questions. */
export interface LanguageFigures {
  questions: number;
  ours: OursFigures;
  peer: PeerFigures;
}

/** The `--json` object of `npm run eval -- --squad FILE`. */
export interface ExternalReport {
  dataset: string;
  /** Embedding model of the temporary index, or "keyword-only". */
  model: string;
  /** The answer decision's profile (src/answer/profiles.ts): `keyword-only` or the model it was fitted for. */
  decision: string;
  /**
   * Articles in the file, written as seed pages, found by the ingest in those pages (fewer when it
   * drops text, more when it splits a page), left out of the corpus (every `leaveOutEvery`-th), and
   * written with one question's answer taken out (near-topic).
   */
  articles: { total: number; written: number; indexed: number; leftOut: number; nearTopic: number; leaveOutEvery: number };
  passages: number;
  /** Share of kept-article questions whose gold answer survives ingest verbatim (the ceiling). */
  goldInCorpus: number;
  /** Questions of the file not asked: empty, or without a gold answer (SQuAD 2.0 unanswerables). */
  skipped: number;
  buildSeconds: number;
  zh: LanguageFigures;
  /** Figures for `--questions-en`, or null without it. */
  en: LanguageFigures | null;
}

/** Text as compared: NFKC (full-width → half-width), lower case, no whitespace. */
export const comparable = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

/** True when `text` holds any of the gold `answers` (compared with `comparable`). */
export function holdsAnswer(text: string | null, answers: string[]): boolean {
  if (!text) return false;
  const t = comparable(text);
  return answers.some((a) => comparable(a) !== "" && t.includes(comparable(a)));
}

/** Share of `items` passing `test`, to 4 decimals (0 for none). */
export const share = <T>(items: T[], test: (x: T) => boolean) => (items.length ? round(items.filter(test).length / items.length, 4) : 0);

const round = (x: number, digits = 1) => Number(x.toFixed(digits));

/** Aggregates the outcomes of one language. */
export function figuresOf(outcomes: SquadOutcome[]): LanguageFigures {
  const answerable = outcomes.filter((o) => o.kept);
  const leftOut = outcomes.filter((o) => !o.kept && !o.nearTopic);
  const nearTopic = outcomes.filter((o) => o.nearTopic);
  const times = outcomes.map((o) => o.ms);
  return {
    questions: outcomes.length,
    ours: {
      answerable: answerable.length,
      answerInReply: share(answerable, (o) => o.answerInReply),
      answerInAnyReply: share(answerable, (o) => o.answerInAnyReply),
      leadsWithAnswer: share(answerable, (o) => o.leadsWithAnswer),
      valueLeads: outcomes.filter((o) => o.ledWithValue).length,
      wrongLeads: share(outcomes.filter((o) => o.ledWithValue), (o) => !o.leadRight),
      found: share(answerable, (o) => o.found === true),
      top1Source: share(answerable, (o) => o.found === true && o.source === o.expectedSource),
      leftOut: leftOut.length,
      refused: share(leftOut, (o) => o.found === false),
      nearTopic: nearTopic.length,
      nearTopicNotAnswered: share(nearTopic, (o) => o.found === false),
      leftOutNoValueLead: share(leftOut, (o) => !o.ledWithValue),
      nearTopicNoValueLead: share(nearTopic, (o) => !o.ledWithValue),
      errors: outcomes.filter((o) => o.error !== null).length,
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
    },
    peer: {
      answerable: answerable.length,
      answerInReply: share(answerable, (o) => o.peerAnswerInReply),
      valueLeads: outcomes.filter((o) => o.peerLead !== null).length,
      wrongLeads: share(outcomes.filter((o) => o.peerLead !== null), (o) => !o.peerLeadRight),
    },
  };
}


const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The report as a short table for people. */
export function formatExternalReport(r: ExternalReport): string {
  const lines = [
    `${r.dataset}: ${r.articles.total} articles, ${r.articles.written} written as pages, ${r.articles.indexed} indexed (${r.passages} passages, ${r.model}, decision ${r.decision}, built in ${r.buildSeconds.toFixed(1)} s), ` +
      `${r.articles.leftOut} left out (every ${r.articles.leaveOutEvery}th), ${r.articles.nearTopic} written with an answer taken out; gold answer survives ingest for ${pct(r.goldInCorpus)}`,
    "",
    "| questions | system | wrong leads (of value leads) | answer-in-reply | leads with it | found | top-1 source | refused (left-out; no value lead) | not answered (near-topic; no value lead) | p50 / p95 ms |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [label, f] of [["zh", r.zh], ["en", r.en]] as const) {
    if (!f) continue;
    const o = f.ours;
    const who = `${label} (${o.answerable} + ${o.leftOut} left out + ${o.nearTopic} near-topic)`;
    lines.push(
      `| ${who} | ours | ${pct(o.wrongLeads)} (of ${o.valueLeads}) | ${pct(o.answerInReply)} (any reply ${pct(o.answerInAnyReply)}) | ${pct(o.leadsWithAnswer)} | ${pct(o.found)} | ${pct(o.top1Source)} | ${pct(o.refused)}; ${pct(o.leftOutNoValueLead)} | ${pct(o.nearTopicNotAnswered)}; ${pct(o.nearTopicNoValueLead)} | ${o.p50Ms.toFixed(1)} / ${o.p95Ms.toFixed(1)} |`,
      `| ${who} | naive peer | ${pct(f.peer.wrongLeads)} (of ${f.peer.valueLeads}) | ${pct(f.peer.answerInReply)} | – | 100 % | – | 0 % | 0 % | – |`,
    );
    if (o.errors) lines.push(`(${label}: ${o.errors} questions threw an error)`);
  }
  return lines.join("\n");
}
