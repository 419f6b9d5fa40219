import { describe, expect, it } from "vitest";
import { correctedWord, correctTypos, isEnglishWord, oneSlipAway } from "../../../src/retrieve/lexicon/typos.js";

/** A bridge that reads nothing but the names listed: every other word is up to the word lists. */
const readsOnly = (...names: string[]) => ({ reads: (word: string) => names.includes(word) });

describe("correctTypos", () => {
  it("mends a word one slip away from a real one: two letters swapped, one dropped, doubled or mistyped", () => {
    expect(correctTypos("How many memebrs did the union have?", readsOnly())).toBe("How many members did the union have?");
    expect(correctTypos("How much wheat next yaer?", readsOnly())).toBe("How much wheat next year?");
    expect(correctTypos("Who heads the projct?", readsOnly())).toBe("Who heads the project?");
    expect(correctTypos("How many skiierss came?", readsOnly())).toBe("How many skiierss came?"); // two slips: left alone
    expect(correctTypos("Who is the chiarman?", readsOnly())).toBe("Who is the chairman?");
  });

  it("takes the correction English uses most, and none where two are about as likely", () => {
    // skeirs: skiers, not skeins; acros: across, not acres.
    expect(correctedWord("skeirs", readsOnly())).toBe("skiers");
    expect(correctedWord("acros", readsOnly())).toBe("across");
    // hwo: how or who?
    expect(correctTypos("Hwo many came?", readsOnly())).toBe("Hwo many came?");
  });

  it("never changes a real word, a name, or a word the bridge or the pages read", () => {
    // tonnes is no typo of tones, nor ewes of eyes.
    expect(correctTypos("How many tonnes and ewes?", readsOnly())).toBe("How many tonnes and ewes?");
    expect(correctTypos("How many people visited Tianchi and Hutubi?", readsOnly())).toBe("How many people visited Tianchi and Hutubi?");
    // A lower-case pinyin name, or a Latin word an article prints, is read as it is.
    expect(correctTypos("how many jobs in changji?", readsOnly("changji"))).toBe("how many jobs in changji?");
    // …while the question's first word is mended and keeps its capital.
    expect(correctTypos("Waht is the name of the chairman?", readsOnly())).toBe("What is the name of the chairman?");
    expect(correctTypos("昌吉州新增就业多少人？", readsOnly())).toBe("昌吉州新增就业多少人？");
  });

  it("tries only swaps on short words", () => {
    expect(oneSlipAway("teh", true)).toEqual(["eth", "the"]);
    expect(oneSlipAway("year")).toContain("yer");
    expect(isEnglishWord("snowmobiles")).toBe(true);
    expect(isEnglishWord("memebrs")).toBe(false);
  });
});
