import { beforeAll, describe, expect, it } from "vitest";
import { KeywordIndex, type QueryTerm } from "../../src/retrieve/bm25.js";
import { detectQuestionKind } from "../../src/answer/question-words.js";
import { createQueryTranslator, nameRuns, type QueryTranslator } from "../../src/retrieve/english.js";
import { BridgeLexicon } from "../../src/retrieve/lexicon/bridge.js";
import { createTokenizer } from "../../src/retrieve/tokenize.js";
import { seedPassages } from "./fixtures/seed-corpus.js";

const passages = seedPassages();
let index: KeywordIndex;
let translator: QueryTranslator;

beforeAll(() => {
  index = KeywordIndex.fromDocuments(passages, { tokenizer: createTokenizer() });
  translator = createQueryTranslator({ corpusTerms: index.terms(), documentFrequency: (t) => index.documentFrequency(t) });
});

/** What a caller does with a translation: search the Chinese terms and the English tokens together. */
function searchEnglish(question: string, k = 3) {
  const { terms, weights, englishTokens } = translator.translate(question);
  const query: QueryTerm[] = [...terms.map((text, i) => ({ text, weight: weights[i] })), ...englishTokens.map((text) => ({ text, weight: 0.5 }))];
  return index.search(query, k).map((hit) => passages[hit.id]!.text);
}

describe("createQueryTranslator", () => {
  it("maps an English question to the Chinese terms the articles use", () => {
    const { terms, englishTokens } = translator.translate("How many jobs did Changji add this year?");
    expect(terms).toEqual(expect.arrayContaining(["就业", "昌吉", "新增", "今年"]));
    // Question words map to nothing; the English tokens are kept for Latin text in articles.
    expect(englishTokens).toEqual(["job", "changji", "add", "year"]);
  });

  it("prefers whole-phrase dictionary matches, and says which English each term came from", () => {
    const { terms, phrases } = translator.translate("Tianchi ski resort");
    expect(terms.slice(0, 2).sort()).toEqual(["天池", "滑雪场"]);
    expect(terms).toContain("滑雪");
    expect(phrases).toEqual(
      expect.arrayContaining([
        { english: "ski resort", terms: ["滑雪场"] },
        { english: "Tianchi", terms: expect.arrayContaining(["天池"]) },
      ]),
    );
  });

  it("finds Zhundong by pinyin and coal/project by dictionary", () => {
    const { terms } = translator.translate("Zhundong coal-to-olefins project");
    expect(terms).toEqual(expect.arrayContaining(["准东", "煤炭", "项目"]));
    // CC-CEDICT glosses 烯烃 only as "alkene"; the bridge's supplement adds "olefin".
    expect(terms).toContain("烯烃");
  });

  it.each([
    ["Changji", "昌吉"],
    ["Zhundong", "准东"],
    ["Tianchi", "天池"],
    ["Hutubi", "呼图壁"],
    ["Fukang", "阜康"],
    ["Mulei", "木垒"],
    ["Qitai", "奇台"],
    ["Jimusar", "吉木萨尔"],
    ["Jimsar", "吉木萨尔县"],
    // Typed with two letters swapped: one slip, as for any other word.
    ["Changij", "昌吉"],
    ["Zhundnog", "准东"],
  ])("reads the place name %s as %s", (name, chinese) => {
    expect(translator.translate(`What is new in ${name}?`).terms).toContain(chinese);
  });

  it("matches English word forms the way a dictionary cites them", () => {
    const weight = (question: string, term: string) => {
      const { terms, weights } = translator.translate(question);
      return weights[terms.indexOf(term)] ?? 0;
    };
    // Porter stems unemployed → "unemploi" but unemployment → "unemploy"; both reach 失业.
    expect(translator.translate("unemployed").terms).toContain("失业");
    // Stems also collide (news → "new"): the gloss's own word counts more than a shared stem.
    expect(weight("news", "新闻")).toBeGreaterThan(weight("new", "新闻"));
    expect(weight("jobs", "岗位")).toBe(1);
  });

  it("returns only terms that occur in the corpus, with weights best first", () => {
    const { terms, weights } = translator.translate("How many tourists visited the ski resort in winter?");
    const vocabulary = new Set(index.terms());
    for (const term of terms) expect(vocabulary.has(term)).toBe(true);
    expect(weights).toHaveLength(terms.length);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    for (const w of weights) expect(w).toBeGreaterThan(0);
  });

  it("produces the same English tokens as the index's tokenizer", () => {
    const question = "What did Changji's 5G project cost in 2025?";
    expect(translator.translate(question).englishTokens).toEqual(createTokenizer()(question));
  });

  it("keeps more readings per word when asked (checking an answer needs more than searching)", () => {
    const few = translator.translate("operate").terms;
    const more = translator.translate("operate", { termsPerPhrase: 6 }).terms;
    expect(few.length).toBeLessThanOrEqual(3);
    expect(more.slice(0, few.length)).toEqual(few);
    expect(more).toContain("运转");
    expect(few).not.toContain("运转");
  });

  it("leaves Chinese questions alone", () => {
    expect(translator.translate("新增城镇就业多少人？")).toEqual({ terms: [], weights: [], englishTokens: [], unreadTokens: [], phrases: [] });
  });

  it("lets keyword search answer English questions", () => {
    expect(searchEnglish("How many jobs did Changji add this year?").some((text) => text.includes("10395"))).toBe(true);
    expect(searchEnglish("Tianchi ski resort", 1)[0]).toContain("天山天池国际滑雪场");
    expect(searchEnglish("Hutubi feed", 1)[0]).toContain("呼图壁县");
    expect(searchEnglish("Jimsar hospital", 1)[0]).toContain("吉木萨尔县总医院");
  });
});

describe("BridgeLexicon", () => {
  it("saves and loads, translating the same afterwards", () => {
    const json = JSON.parse(JSON.stringify(translator.lexicon)) as unknown;
    const loaded = createQueryTranslator({ lexicon: BridgeLexicon.fromJSON(json) });
    for (const q of ["How many jobs did Changji add this year?", "Zhundong coal-to-olefins project", "Jimusar hospital"]) {
      expect(loaded.translate(q)).toEqual(translator.translate(q));
    }
  });

  it("is pruned to the corpus: a few thousand headwords, not CC-CEDICT's 125k", () => {
    expect(translator.lexicon.stats.headwords).toBeGreaterThan(1000);
    expect(translator.lexicon.stats.headwords).toBeLessThan(10_000);
  });

  // A dictionary of four entries, and a corpus that has neither 城镇化 nor 退伍军人.
  const cedictText = [
    "城鎮 城镇 [cheng2 zhen4] /town/",
    "城鎮化 城镇化 [cheng2 zhen4 hua4] /urbanization/",
    "軍人 军人 [jun1 ren2] /serviceman/soldier/",
    "退伍軍人 退伍军人 [tui4 wu3 jun1 ren2] /veteran/",
    "單板滑雪 单板滑雪 [dan1 ban3 hua2 xue3] /to snowboard/",
    "滑雪 滑雪 [hua2 xue3] /to ski/",
    "吃不開 吃不开 [chi1 bu5 kai1] /be unpopular/won't work/",
    "地區 地区 [di4 qu1] /area/region/",
    "喀什 喀什 [Ka1 shi2] /see 喀什地區|喀什地区[Ka1 shi2 Di4 qu1]/",
    "喀什地區 喀什地区 [Ka1 shi2 Di4 qu1] /Kashgar, prefecture in Xinjiang/",
    "伊犁 伊犁 [Yi1 li2] /see 伊犁哈薩克自治州|伊犁哈萨克自治州[Yi1 li2 Ha1 sa4 ke4 Zi4 zhi4 zhou1]/",
    "伊犁哈薩克自治州 伊犁哈萨克自治州 [Yi1 li2 Ha1 sa4 ke4 Zi4 zhi4 zhou1] /Ili Kazakh Autonomous Prefecture, in Xinjiang/",
    "烏魯木齊 乌鲁木齐 [Wu1 lu3 mu4 qi2] /Ürümqi, capital of Xinjiang/",
  ].join("\n");
  const small = (terms: string[]) => createQueryTranslator({ corpusTerms: terms, cedictText, segmenter: { cut: (t) => [t], cutAll: (t) => [t] } });

  it("reads a word the corpus lacks through the word it derives from: urban → 城镇 (via 城镇化)", () => {
    expect(small(["城镇"]).translate("urban jobs").terms).toEqual(["城镇"]);
    // Only a word the corpus has can lend: without 城镇 there is nothing to read "urban" as.
    expect(small(["就业"]).translate("urban").terms).toEqual([]);
  });

  it("reads a compound noun the corpus lacks through its head, more weakly: veteran → 军人", () => {
    const { terms, weights } = small(["军人"]).translate("veterans");
    expect(terms).toEqual(["军人"]);
    expect(weights[0]).toBeLessThan(small(["军人"]).translate("soldiers").weights[0]!);
  });

  it("lends nothing from verbs or from fragments that are no dictionary word", () => {
    // 单板滑雪 "to snowboard" is not a kind of 滑雪; 不开 (of 吃不开) is a segmenter fragment.
    expect(small(["滑雪"]).translate("snowboard").terms).toEqual([]);
    expect(small(["不开"]).translate("won").terms).toEqual([]);
  });

  it("reads a place's English name through its dictionary name, as the name the corpus prints: Kashgar → 喀什, never 地区", () => {
    // The corpus has 喀什 and 地区, not 喀什地区 "Kashgar, prefecture in Xinjiang".
    const lexicon = small(["喀什", "地区"]);
    expect(lexicon.translate("Kashgar").terms).toEqual(["喀什"]);
    expect(lexicon.lexicon.pinyinMatches("Kashgar").map((c) => c.term)).toEqual(["喀什"]);
    // …the longest start of it the corpus prints (伊犁 of 伊犁哈萨克自治州), and marks come off (Ürümqi → Urumqi).
    expect(small(["伊犁", "地区"]).lexicon.isPinyin("ili")).toBe(true);
    expect(small(["伊犁", "地区"]).translate("Ili").terms).not.toContain("地区");
    expect(small(["乌鲁木齐"]).translate("Urumqi").terms).toEqual(["乌鲁木齐"]);
  });

  it("refuses another format version", () => {
    const json = { ...translator.lexicon.toJSON(), version: BridgeLexicon.VERSION + 1 };
    expect(() => BridgeLexicon.fromJSON(json)).toThrow(expect.objectContaining({ code: "INDEX_VERSION" }));
    expect(() => BridgeLexicon.fromJSON({ version: BridgeLexicon.VERSION })).toThrow(expect.objectContaining({ code: "INDEX_CORRUPT" }));
  });
});

describe("detectQuestionKind", () => {
  it.each([
    ["How many jobs did Changji add this year?", "count"],
    ["新增城镇就业多少人？", "count"],
    ["全州有几家滑雪场？", "count"],
    ["天池海拔多高？", "count"],
    ["建造柏林围墙的目的为？", "why"],
    ["How much did the olefin project cost?", "amount"],
    ["项目投资多少亿元？", "amount"],
    ["When will the plant start running?", "date"],
    // A clause opening the question sets the scene; the question word after it asks.
    ["When the Later Liao was fighting within itself, the Mongols besieged Hanshe with whose support?", "who"],
    ["Since the campaign began, how many people found jobs?", "count"],
    ["When did Chikakiyo, who assisted Yasutada, die?", "date"],
    ["工厂什么时候投产？", "date"],
    ["哪一年开始建设？", "date"],
    // A duration (48个月) is counted in time units; it is not a date.
    ["总工期是多久？", "count"],
    ["How long is the construction period?", "count"],
    // A measure is asked as "how tall / big / heavy"; "how far back" asks for a time.
    ["How tall does the kahikatea grow?", "count"],
    ["How far back can the xiangli system be traced?", "date"],
    ["Who chairs the ski resort?", "who"],
    ["滑雪场董事长是谁？", "who"],
    ["Where is the grain reserve?", "where"],
    ["储备粮库在哪里？", "where"],
    // "Which county / 哪个县" asks for a place.
    ["Which county has winter wheat?", "where"],
    ["哪个县种植冬小麦？", "where"],
    ["Which bank opened a branch in Zhundong?", "which"],
    ["哪些化工材料？", "which"],
    ["What is the Tianchi ski resort?", "what"],
    // A definition or a description is asked: the sentence is the reply, never a phrase cut from it.
    ["什么是煤制烯烃？", "describe"],
    ["煤制烯烃是什么意思？", "describe"],
    ["滑雪场今年有什么变化？", "describe"],
    ["What does 煤制烯烃 mean?", "describe"],
    // A role's name asked with 叫什么 asks who; a thing's (项目叫什么) is still a what.
    ["滑雪场的董事长叫什么？", "who"],
    ["这个项目叫什么？", "what"],
    // A length or a distance is a measure; 许多 is no "how".
    ["2号雪道有多长？", "count"],
    ["许多高校为什么迁出北京？", "why"],
    ["许多高校迁出了北京", "other"],
    ["On what exact date did the branch open?", "date"],
    // 西元几年 asks a year; 在哪个时期 a period, a phrase — not a place.
    ["抗日战争是在西元几年结束的？", "date"],
    ["临沂出现诸方国是在哪个时期？", "which"],
    ["牛车水在哪里？", "where"],
    // Which role holder asks who (a name answers it); a share asks an amount (a percentage).
    ["Which NDRC director spoke at the symposium?", "who"],
    ["Which county hospital staff member won the award?", "who"],
    ["哪位局长出席了会议？", "who"],
    ["Which team won the contest?", "which"],
    ["What share of the firms joined the contests?", "amount"],
    ["What was the total amount handed out?", "amount"],
    // A reason, and a yes or no: the sentence is the reply, never a value or a bare yes.
    ["Why did the ski resort open early?", "why"],
    ["滑雪场为什么提前开板？", "why"],
    ["Did Changji add jobs this year?", "yesno"],
    ["滑雪场开板了吗？", "yesno"],
    ["准东是否发生了火灾？", "yesno"],
    ["Tell me about Zhundong", "other"],
    ["准东开发区", "other"],
  ])("%s → %s", (question, kind) => {
    expect(detectQuestionKind(question)).toBe(kind);
  });
});

describe("reading names and word forms a dictionary does not list as typed", () => {
  const text = ["共同推进高质量共建“一带一路”行稳致远。", "高英是北魏宣武帝的皇后。", "耶律金山在高丽自称大辽收国王。", "他撰写了这部漫画，叶子的颜色是绿色。", "果实长约15厘米。", "毛利语：kahikatea。", "卡利卡特是印度的港口。"];
  let small: QueryTranslator;
  beforeAll(() => {
    const corpus = KeywordIndex.fromDocuments(text.map((t, id) => ({ id, text: t })), { tokenizer: createTokenizer() });
    small = createQueryTranslator({ corpusTerms: corpus.terms(), documentFrequency: (t) => corpus.documentFrequency(t) });
  });

  it("reads a Chinese name romanised one word per part as one name", () => {
    expect(small.translate("Gao Ying was the empress of which emperor?").terms).toContain("高英");
    expect(nameRuns("Why did Gao Ying fail to kill Hu Chonghua?")).toEqual([["gao", "ying"], ["hu", "chonghua"]]);
  });

  it("reads a long proper noun the segmenter splits (一带|一路) when the corpus has all its character pairs", () => {
    expect(small.translate("What happened with the Belt and Road?").phrases).toContainEqual({ english: "Belt and Road", terms: ["一带一路"] });
  });

  it("drops accents from romanised names (Yelü → Yelu)", () => {
    expect(small.translate("What did Yelü Jinshan call himself?").terms).toEqual(expect.arrayContaining(["耶律", "金山"]));
  });

  it("reads irregular verbs and British spellings in the dictionary's form", () => {
    expect(small.translate("wrote").terms).toContain("撰写");
    expect(small.translate("colour").terms).toContain("颜色");
    expect(small.translate("centimetres").terms).toContain("厘米");
  });

  it("marks the Latin words it cannot read, which an article may print as they are", () => {
    const { unreadTokens, englishTokens } = small.translate("What colour is the kahikatea?");
    expect(unreadTokens).toEqual(["kahikatea"]);
    expect(englishTokens).toEqual(["colour", "kahikatea"]);
  });

  it("still marks a word unread when only a near spelling reads it: kahikatea is not 卡利卡特 (kalikate)", () => {
    const { terms, unreadTokens } = small.translate("kahikatea");
    expect(terms).toContain("卡利卡特");
    expect(unreadTokens).toEqual(["kahikatea"]);
    expect(small.translate("Calicut").unreadTokens).toEqual([]);
  });
});
