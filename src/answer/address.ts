import { jiebaSegmenter, taggedWords, type ChineseSegmenter } from "../retrieve/tokenize.js";
import { LOCATIVE_BEFORE } from "./binding.js";
import { findPlaces, type Figure } from "./figures.js";

/**
 * Where a thing is, as the sentence says it: a place right after a locative word (位于, 设在, 在)
 * begins the answer to a where-question, and the words after it in the same clause finish it —
 * 密歇根州 + 底特律伍德沃德大道2930号, 威斯康辛州 + 的北部, 莫斯科 + 附近. Led alone, the first
 * place was the country or state of an address the sentence gives whole.
 */

/** Parts of speech an address runs on through: places, nouns and names, abbreviations (东盟), numbers (2930号), directions and locations (北部, 附近, 东岸). */
const ADDRESS_TAG = /^(?:ns|n|nr|nrt|nz|nt|x|m|f|s|eng|j)$/;
/** What an address ends on: a place, a direction or location, a house number, or a word naming a site (大道, 商场, 大酒店). */
const ADDRESS_END_TAG = /^(?:ns|f|s)$/;
const SITE_END = /(?:号|区|园|路|街|道|巷|弄|镇|村|乡|县|市|州|省|国|岛|山|河|湖|江|海|港|湾|畔|桥|站|场|馆|院|校|店|厦|楼|宫|寺|庙|塔|城|中心|基地|大学)$/u;
/** A number is part of an address only as a house number (2930号, 2930 + 号), not a count (两个校区). */
const isHouseNumber = (word: string, next: string | undefined) => word === "号" || /^\d+号$/.test(word) || (/^\d+$/.test(word) && next === "号");
/** Where the locative phrase ends at the latest: its clause, or a bracket opening an aside. */
const PHRASE_BREAK = /[，。；！？,;!?、：:（(《“"）)]/u;
/** Longer than this, the run is no address but the clause's own story. */
const MAX_ADDRESS_CHARS = 30;

/** `place` extended to the whole locative phrase it begins (or `place` itself, when no locative word stands before it). */
export function locativeAddress(sentence: string, place: Figure, segmenter: ChineseSegmenter = jiebaSegmenter()): Figure {
  if (place.kind !== "place" || !LOCATIVE_BEFORE.test(sentence.slice(Math.max(0, place.start - 2), place.start))) return place;
  const rest = sentence.slice(place.start);
  const breakAt = rest.search(PHRASE_BREAK);
  const words = taggedWords(breakAt < 0 ? rest : rest.slice(0, breakAt), segmenter);
  let end = 0;
  for (let i = 0; i < words.length; i++) {
    const { word, tag, end: wordEnd } = words[i]!;
    // 威斯康辛州的北部: 的 before a direction is part of the address.
    if (word === "的" && words[i + 1]?.tag === "f") continue;
    if (!ADDRESS_TAG.test(tag) || (tag === "m" && !isHouseNumber(word, words[i + 1]?.word))) break;
    // The address ends on its last word that can end one (新加坡 + 参: 参 cannot).
    if (ADDRESS_END_TAG.test(tag) || SITE_END.test(word)) end = wordEnd;
  }
  if (end <= place.end - place.start || end > MAX_ADDRESS_CHARS) return place;
  return { ...place, text: rest.slice(0, end), end: place.start + end };
}

/**
 * Verbs that say where a thing is (位于, 坐落在, 部署在): the name right after one is a place even
 * where the tagger reads it as a person's (莫斯科/nr) or does not know it.
 */
const WHERE_VERBS = "位于|位在|位处|坐落[于在]?|座落[于在]?|地处|设[在于]|部署[在于]|落户[在于]?";
const WHERE_VERB_IN = new RegExp(WHERE_VERBS, "u");
const WHERE_VERB = new RegExp(`(?:${WHERE_VERBS})$`, "u");
const NAME_TAG = /^(?:ns|nr|nrt|nz|nt|n|x)$/;

/** The places the tagger missed right after a where-verb (部署在*莫斯科*附近). */
function placesAfterWhereVerbs(sentence: string, found: Figure[], segmenter: ChineseSegmenter): Figure[] {
  // findPlaces has tagged the sentence already: tag it again only where a where-verb stands.
  if (!WHERE_VERB_IN.test(sentence)) return [];
  const words = taggedWords(sentence, segmenter);
  return words.flatMap((w, i) => {
    const before = sentence.slice(Math.max(0, w.start - 3), w.start);
    if (i === 0 || !WHERE_VERB.test(before) || !NAME_TAG.test(w.tag) || [...w.word].length < 2 || !/^\p{Script=Han}+$/u.test(w.word)) return [];
    if (found.some((p) => w.start >= p.start && w.start < p.end)) return [];
    // …joined to a place the tagger found right after it (武鸣 + 中国-东盟经济开发区).
    const end = found.find((p) => p.start === w.end)?.end ?? w.end;
    return [{ text: sentence.slice(w.start, end), kind: "place" as const, start: w.start, end, value: null, unit: "" }];
  });
}

/** The places of a sentence, each after a locative word extended to its whole address; a place inside an earlier address is part of it. */
export function placesWithAddresses(sentence: string, segmenter: ChineseSegmenter = jiebaSegmenter()): Figure[] {
  const out: Figure[] = [];
  const tagged = findPlaces(sentence, segmenter);
  const places = [...tagged, ...placesAfterWhereVerbs(sentence, tagged, segmenter)].sort((a, b) => a.start - b.start);
  for (const place of places) {
    if (out.some((p) => place.start >= p.start && place.end <= p.end)) continue;
    out.push(locativeAddress(sentence, place, segmenter));
  }
  return out;
}
