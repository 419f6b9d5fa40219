import { describe, expect, it } from "vitest";
import { createTokenizer, taggedWords, type ChineseSegmenter } from "../../src/retrieve/tokenize.js";

const tokenize = createTokenizer();

describe("createTokenizer", () => {
  it("segments Chinese into jieba words plus character bigrams", () => {
    const tokens = tokenize("今年以来,新增城镇就业10395人");
    expect(tokens).toEqual(expect.arrayContaining(["新增", "城镇", "就业", "今年", "今年以来"]));
    // Bigrams across word boundaries let oddly segmented names still match.
    expect(tokens).toEqual(expect.arrayContaining(["增城", "镇就"]));
  });

  it("counts each span once: a bigram that is already a word is not repeated", () => {
    const tokens = tokenize("新增城镇就业");
    expect(tokens.filter((t) => t === "就业")).toHaveLength(1);
  });

  it("emits sub-words of long names, so 吉木萨尔 matches 吉木萨尔县", () => {
    expect(tokenize("吉木萨尔县总医院")).toEqual(expect.arrayContaining(["吉木萨尔县", "吉木萨尔", "总医院", "医院"]));
    expect(tokenize("准东经济技术开发区")).toEqual(expect.arrayContaining(["准东", "开发区", "技术开发区"]));
  });

  it("keeps numbers whole and adds number+unit tokens", () => {
    expect(tokenize("新增城镇就业10395人")).toEqual(expect.arrayContaining(["10395", "10395人"]));
    expect(tokenize("到2027年10月底")).toEqual(expect.arrayContaining(["2027", "2027年", "10", "10月"]));
    expect(tokenize("受众 8.2 万人次，增长1.45%")).toEqual(expect.arrayContaining(["8.2", "8.2万", "1.45", "1.45%"]));
    expect(tokenize("宣讲 1,290 余场次")).toContain("1290");
  });

  it("joins CJK text broken across PDF lines", () => {
    expect(tokenize("准东经济技术开\n发区")).toContain("技术开发区");
  });

  it("drops Chinese stop words and the bigrams that touch them", () => {
    const tokens = tokenize("昌吉州的就业情况怎么样");
    expect(tokens).toEqual(expect.arrayContaining(["昌吉州", "就业", "情况"]));
    expect(tokens).not.toContain("的");
    expect(tokens).not.toContain("吉的");
    expect(tokens).not.toContain("怎么样");
  });

  it("lower-cases, Porter-stems and stop-filters English", () => {
    expect(tokenize("How many jobs did Changji add this year?")).toEqual(["job", "changji", "add", "year"]);
    expect(tokenize("jobs")).toEqual(tokenize("job"));
    expect(tokenize("5G CHANGJI RIBAO")).toEqual(["5g", "changji", "ribao"]);
  });

  it("takes the segmenter as an option, and options switch token kinds off", () => {
    const perChar: ChineseSegmenter = { cut: (run) => [...run], cutAll: (word) => [word] };
    expect(createTokenizer({ segmenter: perChar, bigrams: false })("滑雪场")).toEqual(["滑", "雪", "场"]);
    expect(createTokenizer({ numberUnits: false })("10395人")).toEqual(["10395", "人"]);
    expect(createTokenizer({ stem: false })("jobs")).toEqual(["jobs"]);
  });
});

describe("taggedWords", () => {
  it("gives each word its part of speech and where it stands, the words spanning the text", () => {
    const text = "昌吉州新增城镇就业10395人，其中402名失业人员再就业。";
    const words = taggedWords(text);
    expect(words.map((w) => w.word).join("")).toBe(text);
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.word);
    expect(words.find((w) => w.word === "昌吉州")?.tag).toBe("ns");
  });

  it("reads words without tags from a segmenter that has none", () => {
    const cutOnly = { cut: (t: string) => t.match(/../gu) ?? [], cutAll: (w: string) => [w] };
    expect(taggedWords("城镇就业", cutOnly)).toEqual([
      { word: "城镇", tag: "", start: 0, end: 2 },
      { word: "就业", tag: "", start: 2, end: 4 },
    ]);
  });
});
