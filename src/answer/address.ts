import { jiebaSegmenter, taggedWords, type ChineseSegmenter } from "../retrieve/tokenize.js";
import { LOCATIVE_BEFORE } from "./binding.js";
import { findPlaces, type Figure } from "./figures.js";

/**
 * Where a thing is, as the sentence says it: a place right after a locative word (位于, 设在, 在)
 * begins the answer to a where-question, and the words after it in the same clause finish it —
 * 密歇根州 + 底特律伍德沃德大道2930号, 威斯康辛州 + 的北部, 莫斯科 + 附近. Led alone, the first
 * place was the country or state of an address the sentence gives whole.
 */

/** Parts of speech an address runs on through: places, nouns and names, numbers (2930号), directions and locations (北部, 附近, 东岸). */
const ADDRESS_TAG = /^(?:ns|n|nr|nrt|nz|nt|x|m|f|s|eng)$/;
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

/** The places of a sentence, each after a locative word extended to its whole address; a place inside an earlier address is part of it. */
export function placesWithAddresses(sentence: string, segmenter: ChineseSegmenter = jiebaSegmenter()): Figure[] {
  const out: Figure[] = [];
  for (const place of findPlaces(sentence, segmenter)) {
    if (out.some((p) => place.start >= p.start && place.end <= p.end)) continue;
    out.push(locativeAddress(sentence, place, segmenter));
  }
  return out;
}
