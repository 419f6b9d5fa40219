import type { Concept } from "./concepts.js";
import type { QuestionKind } from "./types.js";
import { DEFAULT_ANSWER_TUNING } from "./tuning.js";

/** What a later, elliptical question may lean on: the last question of the same chat. */
export interface Turn {
  question: string;
  lang: "zh" | "en";
  kind: QuestionKind;
  concepts: Concept[];
  /** The article the answer came from (null when not found). */
  articleId: string | null;
  /** The sentence and figure it answered with: a follow-up asks for something else. */
  answered?: { sentence: string; figure: string | null } | null;
  at: number;
}

export interface ConversationOptions {
  /** Chats remembered at once; the least recently active is forgotten first. Default 1000. */
  maxSessions: number;
  /** A chat idle this long starts fresh. Default 30 minutes. */
  ttlMs: number;
}

const DEFAULTS: ConversationOptions = { maxSessions: 1000, ttlMs: 30 * 60_000 };

/** Bounded per-chat memory of the last turn (an LRU map with expiry). */
export class ConversationMemory {
  private readonly turns = new Map<string, Turn>();
  private readonly options: ConversationOptions;

  constructor(options: Partial<ConversationOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  get size(): number {
    return this.turns.size;
  }

  last(sessionId: string, now = Date.now()): Turn | null {
    const turn = this.turns.get(sessionId);
    if (!turn) return null;
    if (now - turn.at > this.options.ttlMs) {
      this.turns.delete(sessionId);
      return null;
    }
    return turn;
  }

  remember(sessionId: string, turn: Turn): void {
    this.turns.delete(sessionId); // re-insert: Map order is the LRU order
    this.turns.set(sessionId, turn);
    while (this.turns.size > this.options.maxSessions) {
      const oldest = this.turns.keys().next().value as string;
      this.turns.delete(oldest);
    }
  }

  forget(sessionId: string): void {
    this.turns.delete(sessionId);
  }
}

// Openers and pronouns of a question that continues the previous one.
const FOLLOW_UP_ZH = /^(那|那么|还有|另外|而|它|其|该|这个|这|他|她|此外)|(呢|呢？|呢\?)$|它|其中|这是|这些|该项目|该公司/;
/** How an English follow-up may open ("And…", "What about…"); the opener is no question word. */
const OPENER_EN = /^(and|what about|how about|also|then|so)\b/i;
const FOLLOW_UP_EN = new RegExp(`${OPENER_EN.source}|\\b(it|its|they|them|their|there|that|this one|these|those|he|she|his|her)\\b`, "i");

/**
 * Whether a question leans on the previous one: it opens like a continuation (那…呢, and…, what
 * about…), points back with a pronoun (它, it, they), or names almost nothing of its own.
 */
export function isFollowUp(question: string, concepts: Concept[], lang: "zh" | "en"): boolean {
  const pattern = lang === "zh" ? FOLLOW_UP_ZH : FOLLOW_UP_EN;
  // "How many fires are there in Zhundong?": an existential "there" points back at nothing.
  if (lang === "en") question = question.replace(/\b(?:is|are|was|were)\s+there\b|\bthere\s+(?:is|are|was|were|will|has|have)\b/gi, " ");
  // "有多少支队伍参赛？" names no place, person or date of its own: it continues the chat's topic.
  const words = concepts.filter((c) => !c.date);
  const namesNothing = words.length <= 2 && !concepts.some((c) => c.anchor);
  return pattern.test(question.trim()) || namesNothing;
}

/**
 * The question without a follow-up opener: "What about last November?" asks nothing of its own
 * kind ("what" is the opener, not the question word), so the previous question's kind carries over.
 */
export function withoutOpener(question: string): string {
  return question.trim().replace(new RegExp(`${OPENER_EN.source}[\\s,]*`, "i"), "");
}

/**
 * Concepts of the previous question join the new ones as context: half weight, never anchors or
 * focus. When the follow-up names something of its own ("落实了多少资金？" after hazards), they are
 * the article's topic, and a mention anywhere in it counts (see rankSentences); "这是谁说的？" names
 * nothing, so the previous question's words must still be near the answer.
 *
 * A follow-up that only moves the date ("What about last year?", "去年12月呢？") is the previous
 * question asked of another period: its concepts stay as they were (weight, anchors, focus), and
 * the new date must be confirmed by the page (its issue date, or its text naming it) — an undated
 * page that merely does not rule it out answers nothing about that period.
 */
export function withContext(concepts: Concept[], previous: Turn, contextWeight = DEFAULT_ANSWER_TUNING.followUpContextWeight): Concept[] {
  const carried = carriedConcepts(concepts, previous);
  const words = concepts.filter((c) => !c.date);
  if (concepts.length > 0 && words.length === 0) {
    return [...concepts.map((c) => ({ ...c, date: { ...c.date!, relative: false } })), ...carried];
  }
  // "And hydrogen?", "氢气呢？" ask about what they name, though no question word points at it.
  const named = words.some((c) => c.focus) ? null : words.reduce<Concept | null>((a, c) => (!a || c.weight > a.weight ? c : a), null);
  const asked = concepts.map((c) => (c === named ? { ...c, focus: true } : c));
  return [...asked, ...carried.map((c) => ({ ...c, weight: c.weight * contextWeight, anchor: false, focus: false, at: undefined, context: words.length > 0 }))];
}

/**
 * The previous question's concepts (as it remembered them) that a follow-up carries on: not the
 * ones it names again, and not its dates — "and in 2024?" replaces them.
 */
export function carriedConcepts(concepts: Concept[], previous: Turn): Concept[] {
  const own = new Set(concepts.map((c) => c.label));
  return previous.concepts.filter((c) => !own.has(c.label) && !c.date);
}

