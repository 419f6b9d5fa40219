import { describe, expect, it } from "vitest";
import { charBigrams, createBigramPeer, splitSentences } from "../../src/eval/peer.js";

describe("the naive peer", () => {
  it("splits sentences after their end marks and at line breaks", () => {
    expect(splitSentences("第一句。第二句！Third?\n第四句；末尾")).toEqual(["第一句。", "第二句！", "Third?", "第四句；", "末尾"]);
  });

  it("makes bigrams of letters, digits and ideographs only", () => {
    expect(charBigrams("昌吉，A1")).toEqual(["昌吉", "吉a", "a1"]);
  });

  it("answers with the sentence sharing the rarest bigrams, and with nothing when none is shared", () => {
    const peer = createBigramPeer(["北园市有一座公园。公园占地120公顷。", "北园市有一座图书馆。图书馆藏书45万册。"]);
    expect(peer("图书馆藏书多少册？")).toBe("图书馆藏书45万册。");
    expect(peer("公园占地多少？")).toBe("公园占地120公顷。");
    expect(peer("天气怎么样")).toBe("");
  });
});
