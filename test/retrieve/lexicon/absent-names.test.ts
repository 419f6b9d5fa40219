import { describe, expect, it } from "vitest";
import { BridgeLexicon } from "../../../src/retrieve/lexicon/bridge.js";

/**
 * Names the dictionary spells in Chinese and the corpus never does: an English question naming
 * one (the World Cup on a page about Changji) asks about something the articles do not cover.
 */
const options = {
  cedictText: [
    "世界杯 世界杯 [Shi4 jie4 bei1] /World Cup/",
    "世界 世界 [shi4 jie4] /world/",
    "法國 法国 [Fa3 guo2] /France/French/",
    "昌吉 昌吉 [Chang1 ji2] /Changji/",
    "中環 中环 [Zhong1 huan2] /Central, Hong Kong Island/",
    "中央 中央 [zhong1 yang1] /central/middle/",
    "非洲人 非洲人 [Fei1 zhou1 ren2] /African (person)/",
    "美國 美国 [Mei3 guo2] /United States/",
    "合眾國 合众国 [He2 zhong4 guo2] /United States/",
  ].join("\n"),
  segmenter: { cut: (t: string) => [t], cutAll: (t: string) => [t] },
};
const lexicon = BridgeLexicon.build(["世界", "昌吉", "中央", "美国"], options);

describe("BridgeLexicon.isAbsentName", () => {
  it("knows a name whose Chinese spelling the corpus lacks, in any case, one or more words", () => {
    expect(lexicon.isAbsentName("World Cup")).toBe(true);
    expect(lexicon.isAbsentName("world cup")).toBe(true);
    expect(lexicon.isAbsentName("France")).toBe(true);
  });

  it("does not count a name some corpus term spells (Changji: 昌吉; United States: 美国, though 合众国 is absent)", () => {
    expect(lexicon.isAbsentName("Changji")).toBe(false);
    expect(lexicon.isAbsentName("United States")).toBe(false);
  });

  it("does not count one word a common word glosses (Central: 中央), nor a people's adjective (African (person))", () => {
    expect(lexicon.isAbsentName("Central")).toBe(false);
    expect(lexicon.isAbsentName("African")).toBe(false);
  });

  it("survives saving and loading", () => {
    expect(BridgeLexicon.fromJSON(JSON.parse(JSON.stringify(lexicon.toJSON()))).isAbsentName("World Cup")).toBe(true);
  });
});
