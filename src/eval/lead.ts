import { replyOf, type Answer, type ReplyKind } from "../answer/types.js";
import type { QaService } from "../core/types.js";
import { evaluateOne, type EvalQuestion } from "./evaluate.js";
import { createBigramPeer, type NaivePeer } from "./peer.js";

/**
 * Scoring by what a reply leads with — the figure that matters most for a bot that speaks in the
 * paper's name. A *wrong lead* states a value that is not the answer: an answer whose leading value
 * is not the expected one, or any answer to a question the pages do not answer.
 */

export interface LeadOutcome {
  q: EvalQuestion;
  reply: ReplyKind;
  /** The value the reply leads with (answers only). */
  lead: string | null;
  /** An answer leading with the expected value (or, with no value, quoting the sentence that holds it). */
  right: boolean;
  /** An answer that is not the answer: a wrong value, a sentence without it, or any answer to an unanswerable question. */
  wrong: boolean;
  /** Some quoted sentence holds every expected string (evidence that helps the reader). */
  quoted: boolean;
}

/** Question groups the report keeps apart. */
export const SHAPES = new Set(["yesno", "why", "comparison", "traditional", "typo", "greeting"]);
export function groupOf(q: EvalQuestion): string {
  if (!q.answerable) return "unanswerable";
  return SHAPES.has(q.kind) ? "other shapes" : `answerable ${q.lang}`;
}

const squash = (s: string) => s.replace(/[\s,，]+/g, "");
const digits = (s: string) => s.replace(/\D+/g, "");

/** A leading value is the expected one when it holds it, or is held by it with the same digits (657 for 657件). */
export function leadMatches(lead: string, expect: string[]): boolean {
  const l = squash(lead);
  return expect.every((raw) => {
    const e = squash(raw);
    if (l.includes(e)) return true;
    if (!e.includes(l) || !l) return false;
    return digits(e) ? digits(l) === digits(e) : l.length >= 2;
  });
}

/** What a reply shows: its kind, the value it leads with (answers only), the sentences it quotes. */
export interface ReplySeen {
  reply: ReplyKind;
  lead: string | null;
  quotes: string[];
}

/** How a reader sees the bot's answer (a failed question is a refusal). */
export function seenIn(answer: Answer | null): ReplySeen {
  if (!answer) return { reply: "refusal", lead: null, quotes: [] };
  const reply = replyOf(answer);
  return { reply, lead: reply === "answer" ? answer.figure : null, quotes: answer.citations.map((c) => c.quote) };
}

/** Scores one reply against one question by its lead. */
export function scoreLead(q: EvalQuestion, { reply, lead, quotes: raw }: ReplySeen): LeadOutcome {
  const quotes = raw.map(squash);
  const quoted = q.answerable && quotes.some((quote) => q.expect.every((e) => quote.includes(squash(e))));
  const firstQuoteHolds = q.answerable && quotes.length > 0 && q.expect.every((e) => quotes[0]!.includes(squash(e)));
  const right = reply === "answer" && q.answerable && (lead ? leadMatches(lead, q.expect) : firstQuoteHolds);
  return { q, reply, lead, right, wrong: reply === "answer" && !right, quoted };
}

/** The value the naive peer leads with: its sentence's first number, with a multiplier and one character of unit. */
export const peerFigure = (sentence: string): string | null => sentence.match(/\d[\d.,]*\s*[万亿千百]?\p{Script=Han}?/u)?.[0] ?? null;

/** The naive peer's lead: its best sentence, leading with that sentence's first number (never refuses). */
export function peerLead(peer: NaivePeer, q: EvalQuestion): LeadOutcome {
  const sentence = peer(q.question);
  if (!sentence) return scoreLead(q, { reply: "refusal", lead: null, quotes: [] });
  const figure = peerFigure(sentence);
  return scoreLead(q, { reply: "answer", lead: figure, quotes: [sentence] });
}

export interface LeadSummary {
  group: string;
  questions: number;
  answers: number;
  /** Answers that lead with a value. */
  valueLeads: number;
  right: number;
  wrong: number;
  /** Wrong answers that led with a value. */
  wrongValueLeads: number;
  evidence: number;
  refusals: number;
  /** Evidence or refusal replies whose quotes hold the answer anyway. */
  quotedWithoutAnswering: number;
}

export function summarizeLeads(outcomes: LeadOutcome[], group = "all"): LeadSummary {
  const count = (f: (o: LeadOutcome) => boolean) => outcomes.filter(f).length;
  return {
    group,
    questions: outcomes.length,
    answers: count((o) => o.reply === "answer"),
    valueLeads: count((o) => o.reply === "answer" && o.lead !== null),
    right: count((o) => o.right),
    wrong: count((o) => o.wrong),
    wrongValueLeads: count((o) => o.wrong && o.lead !== null),
    evidence: count((o) => o.reply === "evidence"),
    refusals: count((o) => o.reply === "refusal"),
    quotedWithoutAnswering: count((o) => o.reply !== "answer" && o.quoted),
  };
}

/** One summary for the whole set, then one per group. */
export function summarizeByGroup(outcomes: LeadOutcome[]): LeadSummary[] {
  const groups = [...new Set(outcomes.map((o) => groupOf(o.q)))].sort();
  return [summarizeLeads(outcomes), ...groups.map((g) => summarizeLeads(outcomes.filter((o) => groupOf(o.q) === g), g))];
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : "—");

export function formatLeadSummary(s: LeadSummary, label: string): string {
  return `${label.padEnd(22)} ${String(s.questions).padStart(3)} q | wrong lead ${s.wrong} (${pct(s.wrongValueLeads, s.valueLeads)} of ${s.valueLeads} value leads) | right ${s.right} (${pct(s.right, s.questions)}) | evidence ${s.evidence} | refused ${s.refusals} | quoted the answer without answering ${s.quotedWithoutAnswering}`;
}

export function formatLeadOutcome(o: LeadOutcome): string {
  const mark = o.wrong ? "WRONG" : o.right ? "right" : o.q.answerable ? "miss " : "held ";
  return `${mark} ${o.q.id.padEnd(34)} ${o.reply.padEnd(8)} ${o.lead ?? "-"} | want ${o.q.answerable ? o.q.expect.join(" ") : "no value"}`;
}

/** Asks every question of a lead-scored set through the service (as `evaluateOne` does), and through the naive peer over `peerParagraphs`. */
export async function evaluateLeads(qa: QaService, questions: EvalQuestion[], peerParagraphs: string[]): Promise<{ bot: LeadOutcome[]; peer: LeadOutcome[] }> {
  const peer = createBigramPeer(peerParagraphs);
  const bot: LeadOutcome[] = [];
  for (const q of questions) bot.push(scoreLead(q, seenIn((await evaluateOne(qa, q, `lead-${q.id}`)).answer)));
  return { bot, peer: questions.map((q) => peerLead(peer, q)) };
}
