import { composeNotFound, balancedQuote } from "./compose.js";
import { findFigures, type Figure } from "./figures.js";
import { readerQuestion } from "./question.js";
import { classesOfUnit } from "./units.js";
import type { Answerer } from "./answerer.js";
import type { Citation } from "./types.js";

/**
 * Comparisons ("新增城镇就业和农村劳动力外出务工，哪个更多？", "Which was larger, A or B?"): no one
 * value answers them, and leading with the first figure found names one side at random. Each side
 * is asked on its own; when both lead with a figure in the same measure, the larger (or smaller)
 * leads, with both quotes. Otherwise the reply is evidence: the sides' closest reports, no value.
 */

/** The comparative words, by which way they ask: the larger value or the smaller. The one table the patterns below are built from. */
const COMPARATIVES = {
  larger: { zh: ["多", "大", "高", "长", "重", "远"], en: ["more", "larger", "bigger", "higher", "greater", "longer", "heavier"] },
  smaller: { zh: ["少", "小", "低", "短", "轻", "近"], en: ["fewer", "less", "smaller", "lower", "shorter", "lighter"] },
};
/** Chinese comparatives that compare without 更 / 较 (A多还是B多); 长, 重… alone end too many words (董事长). */
const ZH_BARE = ["多", "少", "大", "小", "高", "低"];
const ZH_WORDS = [...COMPARATIVES.larger.zh, ...COMPARATIVES.smaller.zh].join("|");
const EN_WORDS = [...COMPARATIVES.larger.en, ...COMPARATIVES.smaller.en].join("|");
/** A Chinese comparative as questions say it: 更多, 较高, 比较大一些, or a bare 多. */
const ZH_COMPARATIVE = `(?:(?:更|较|比较)(?:${ZH_WORDS})|${ZH_BARE.join("|")})(?:一些|些|一点)?`;

export interface Comparison {
  /** The two sides, as the question names them. */
  sides: [string, string];
  /** A question asking each side's value. */
  asks: [string, string];
  /** The larger value answers (more, 更多), else the smaller. */
  larger: boolean;
}

const largerOf = (word: string, lang: "zh" | "en"): boolean => {
  const core = lang === "zh" ? word.replace(/^(?:更|较|比较)|(?:一些|些|一点)$/g, "") : word.toLowerCase();
  return COMPARATIVES.larger[lang].includes(core);
};

/** A: 和 / 与 / 跟 / 还是 between two sides, then 哪个 / 哪种 / 谁 … 更多. */
const ZH_WHICH = new RegExp(`^(.+?)(?:和|与|跟|还是|以及)(.+?)[，,\\s]*(?:相比|比较|比)?[，,\\s]*(?:哪个|哪一个|哪种|哪一种|哪项|哪一项|哪边|哪一边|哪家|谁)(.*?)(${ZH_COMPARATIVE})[？?。！!\\s]*$`, "u");
/** B: A 多还是 B 多. */
const ZH_OR = new RegExp(`^(.+?)(${ZH_COMPARATIVE})还是(.+?)${ZH_COMPARATIVE}[？?。！!\\s]*$`, "u");
/** "Which/what/who … more …, A or B?" */
const EN_WHICH = new RegExp(`^(?:which|what|who)\\b(.*?)\\b(${EN_WORDS})\\b(.*?)[,:]\\s*(.+?)\\s+or\\s+(.+?)[?.!\\s]*$`, "i");
/** "Were there more A or B?" */
const EN_THERE = new RegExp(`^(?:were|was|are|is)\\s+there\\s+(${EN_WORDS})\\s+(.+?)\\s+or\\s+(.+?)[?.!\\s]*$`, "i");
/** Prepositions a side may open with ("from A or from B"): the side's name is what follows. */
const SIDE_PREPOSITION = /^(?:from|in|at|on|for|by|to)\s+/i;
/** "[In 2025,] did the unions get more from A or from B?", "Were more A fixed or more B?": a yes/no question whose comparative splits two sides. */
const EN_EITHER = new RegExp(`^(?:(.+?),\\s*)?(?:did|do|does|was|were|is|are|has|have|had|will|would)\\b(.*?)\\b(${EN_WORDS})\\b\\s+(.+?)\\s+or\\s+(?:(?:${EN_WORDS})\\s+)?(.+?)[?.!\\s]*$`, "i");

/** Reads a comparison of two sides, or null when the question is not one. */
export function readComparison(raw: string): Comparison | null {
  const question = readerQuestion(raw.trim());
  const zh = ZH_WHICH.exec(question);
  if (zh) {
    const [, a, rest, measure, word] = zh;
    // 哪个多, 哪个人数多, 哪个剥离的土方多 compare; 谁是老大 does not: a bare comparative after 是 ends a noun.
    if (/^是/.test(measure!.trim()) && !/^(?:更|较|比较)/.test(word!)) return null;
    const larger = largerOf(word!, "zh");
    // 单板和双板，滑雪场租出去哪种更多: what follows the second side's comma is said of both sides.
    const [b, ...context] = rest!.split(/[，,]/);
    const about = context.join("").trim();
    const what = measure!.replace(/^[的\s]+/, "");
    const ask = (side: string) => `${about}${side.trim()}${what}是多少？`;
    return { sides: [a!.trim(), b!.trim()], asks: [ask(a!), ask(b!)], larger };
  }
  const or = ZH_OR.exec(question);
  if (or) {
    const larger = largerOf(or[2]!, "zh");
    return { sides: [or[1]!.trim(), or[3]!.trim()], asks: [`${or[1]!.trim()}是多少？`, `${or[3]!.trim()}是多少？`], larger };
  }
  const en = EN_WHICH.exec(question);
  if (en) {
    const word = en[2]!.toLowerCase();
    const larger = largerOf(word, "en");
    // "Which had more *visitors*": more / fewer count what follows; larger, higher… measure the side itself.
    const counted = (en[3]!.trim() || en[1]!.replace(/\b(?:was|were|is|are|had|has|have|did|does|do|got|saw|there)\b/gi, "")).replace(/\s+/g, " ").trim();
    // Asked as a count; answerSide asks "how much" when no count answers (funds, tonnes).
    const ask = (side: string) => `How many ${counted ? `${counted} ` : ""}${side.trim()}?`.replace(/\s+/g, " ");
    return { sides: [en[4]!.trim(), en[5]!.trim()], asks: [ask(en[4]!), ask(en[5]!)], larger };
  }
  const there = EN_THERE.exec(question);
  if (there) {
    const larger = largerOf(there[1]!, "en");
    return { sides: [there[2]!.trim(), there[3]!.trim()], asks: [`How many ${there[2]!.trim()}?`, `How many ${there[3]!.trim()}?`], larger };
  }
  const either = EN_EITHER.exec(question);
  if (either) {
    const [, setting, subject, word, whole, b] = either;
    // "more funds from A or from B": the thing before the second side's preposition is both sides'.
    const prep = SIDE_PREPOSITION.exec(b!)?.[0].trim();
    const at = prep ? whole!.search(new RegExp(`\\s${prep}\\s`, "i")) : -1;
    const [shared, a] = at > 0 ? [whole!.slice(0, at), whole!.slice(at + 1)] : ["", whole!];
    // What the question says of both sides (the setting, the subject and its verb) goes with each, lower-cased: no capital read as a name.
    const about = `${setting ?? ""} ${subject ?? ""} ${shared}`.replace(/\s+/g, " ").trim().replace(/^\w/, (ch) => ch.toLowerCase());
    const ask = (side: string) => `How many ${about} ${side.trim()}?`.replace(/\s+/g, " ");
    const label = (side: string) => side.trim().replace(SIDE_PREPOSITION, "");
    return { sides: [label(a!), label(b!)], asks: [ask(a!), ask(b!)], larger: largerOf(word!, "en") };
  }
  return null;
}

/** The number and measure class of a lead (10395人 → 10395, people), or null when it is no quantity. */
function quantityOf(lead: string | null): { figure: Figure; measure: string } | null {
  const figure = lead ? findFigures(lead).find((f) => (f.kind === "quantity" || f.kind === "percent") && f.value !== null) : undefined;
  if (!figure) return null;
  const unit = figure.unit.replace(/^[万亿千百]/, "");
  const measure = classesOfUnit(figure.unit)[0]?.kind ?? unit;
  return unit || figure.kind === "percent" ? { figure, measure } : null;
}

type Replied = Awaited<ReturnType<Answerer>>;

/** Both sides' figures, when each side leads with a quantity in the same measure and they differ. */
function compared(a: Replied, b: Replied): [Figure, Figure] | null {
  const x = a.found ? quantityOf(a.figure) : null;
  const y = b.found ? quantityOf(b.figure) : null;
  if (!x || !y || x.measure !== y.measure || x.figure.value === y.figure.value) return null;
  return [x.figure, y.figure];
}

/** The two sides' quotes (one when both quote the same sentence). */
const quotesOf = (replies: Replied[]): Citation[] => {
  const out: Citation[] = [];
  for (const c of replies.flatMap((r) => r.citations.slice(0, 1))) if (!out.some((o) => o.quote === c.quote)) out.push(c);
  return out;
};

/** The lead of a comparison: the side that answers, with its figure (新增城镇就业 10395人). */
const sideLead = (side: string, figure: Figure) => `${side} ${figure.text}`;

function composeCompared(lang: "zh" | "en", sides: [string, string], figures: [Figure, Figure], winner: 0 | 1, citations: Citation[]): string {
  const loser = winner === 0 ? 1 : 0;
  const more = figures[winner].value! > figures[loser].value!;
  const [lead, other] = [sideLead(sides[winner], figures[winner]), sideLead(sides[loser], figures[loser])];
  const quotes = citations.map((c) => `“${balancedQuote(c.quote)}”`).join(lang === "zh" ? "；" : "; ");
  const headline = citations[0]!.headline;
  if (lang === "zh") return `${lead}，${more ? "多于" : "少于"}${other}。据《${headline}》报道：${quotes}`;
  return `${lead}, ${more ? "more than" : "less than"} ${other}, according to “${headline}”: ${quotes}`;
}

/** One side's reply: its question as a count, then (no figure found) as an amount ("How many" → "How much"). */
async function answerSide(answer: Answerer, ask: string, context: Parameters<Answerer>[1]): Promise<Replied> {
  const first = await answer(ask, { ...context, previous: null });
  if ((first.found && first.figure) || !/^How many /.test(ask)) return first;
  const amount = await answer(ask.replace(/^How many /, "How much "), { ...context, previous: null });
  return amount.found && amount.figure ? amount : first;
}

/**
 * The answerer, with comparisons asked side by side: a question comparing two sides leads with the
 * winning side's figure only when both sides' figures are found in one measure; else it is
 * evidence (never one side's value as if it answered).
 */
export function withComparisons(answer: Answerer): Answerer {
  return async (question, context) => {
    const comparison = readComparison(question);
    const whole = await answer(question, context);
    if (!comparison) return whole;
    const sides = [await answerSide(answer, comparison.asks[0], context), await answerSide(answer, comparison.asks[1], context)];
    const figures = compared(sides[0]!, sides[1]!);
    const citations = quotesOf(sides.some((s) => s.citations.length) ? sides : [whole]);
    if (figures && citations.length) {
      const winner: 0 | 1 = (figures[0].value! > figures[1].value!) === comparison.larger ? 0 : 1;
      return { ...whole, found: true, reply: "answer", figure: sideLead(comparison.sides[winner], figures[winner]), answer: composeCompared(whole.lang, comparison.sides, figures, winner, citations), citations, asOf: citations[0]!.date };
    }
    const closest = citations[0] ?? null;
    return { ...whole, found: false, reply: closest ? "evidence" : "refusal", figure: null, asOf: null, answer: composeNotFound(whole.lang, closest), citations };
  };
}
