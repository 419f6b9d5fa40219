import { describe, expect, it } from "vitest";
import { BridgeLexicon } from "../../../src/retrieve/lexicon/bridge.js";

/** A small dictionary and a segmenter that keeps every term whole, so the test needs neither CC-CEDICT nor jieba. */
const options = {
  cedictText: [
    "城鎮 城镇 [cheng2 zhen4] /town/",
    "城鎮化 城镇化 [cheng2 zhen4 hua4] /urbanization/",
    "軍人 军人 [jun1 ren2] /serviceman/soldier/",
    "退伍軍人 退伍军人 [tui4 wu3 jun1 ren2] /veteran/",
    "昌吉 昌吉 [Chang1 ji2] /Changji/",
  ].join("\n"),
  segmenter: { cut: (t: string) => [t], cutAll: (t: string) => [t] },
};

describe("BridgeLexicon.extendedWith (index --add appending pages)", () => {
  const old = ["城镇", "就业", "昌吉", "jobs", "镇就"];

  it("gives what a full build of the longer term list gives, when no new term is a dictionary headword", () => {
    const added = ["准东", "吉木萨尔", "10395人", "木萨"];
    const extended = BridgeLexicon.build(old, options).extendedWith(added, options);
    expect(extended).not.toBeNull();
    expect(extended!.toJSON()).toEqual(BridgeLexicon.build([...old, ...added], options).toJSON());
    expect(extended!.toJSON().terms).toContain("准东");
  });

  it("asks for a full build when a new term is a headword (its glosses and borrowings change)", () => {
    expect(BridgeLexicon.build(old, options).extendedWith(["军人"], options)).toBeNull();
  });
});
