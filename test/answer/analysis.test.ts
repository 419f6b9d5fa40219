import { describe, expect, it } from "vitest";
import { analyseQuestion, type AnalysisDeps } from "../../src/answer/analysis.js";
import { pickFigure, sentenceValues } from "../../src/answer/select.js";
import { bindingStrength } from "../../src/answer/binding.js";
import { findFigures } from "../../src/answer/figures.js";
import { jiebaSegmenter, type ChineseSegmenter } from "../../src/retrieve/tokenize.js";
import type { QueryTranslator } from "../../src/retrieve/english.js";

/**
 * The question analysis runs without a built pipeline: a dictionary segmenter, corpus statistics
 * and a translator are passed in. Here a tiny longest-match segmenter over a word list stands in
 * for jieba, so the behaviour is that of the analysis alone.
 */
const WORDS: Record<string, string> = { 老板: "n", 滑雪场: "n", 昌吉州: "ns", 今年: "t", 新增: "v", 城镇: "n", 就业: "vn", 多少: "m", 人数: "n", 是: "v", 的: "uj", 个: "q", 岗位: "n", 谁: "r", 记者: "n", 以来: "f" };
const segmenter: ChineseSegmenter = {
  cut: (text) => tag(text).map((t) => t.word),
  cutAll: (word) => [word],
  tag,
};
function tag(text: string): { word: string; tag: string }[] {
  const out: { word: string; tag: string }[] = [];
  for (let i = 0; i < text.length; ) {
    const word = [3, 2, 1].map((n) => text.slice(i, i + n)).find((w) => WORDS[w] !== undefined) ?? text[i]!;
    out.push({ word, tag: WORDS[word] ?? "x" });
    i += word.length;
  }
  return out;
}
const translator = { translate: () => ({ terms: [], weights: [], englishTokens: [], unreadTokens: [], phrases: [] }) } as unknown as QueryTranslator;
const deps: AnalysisDeps = { segmenter, translator, stats: { documentFrequency: (t) => (t === "就业" ? 5 : 1), size: 100 } };
const today = new Date("2026-04-30T12:00:00Z");

describe("analyseQuestion", () => {
  it("reads a reader's word with the papers' spellings (synonyms.ts): looked for, weighed and searched as them", () => {
    const stats = { documentFrequency: (t: string) => (t === "董事长" ? 3 : t === "老板" ? 0 : 1), size: 100 };
    const a = analyseQuestion("滑雪场的老板是谁？", { ...deps, stats }, { today });
    const boss = a.concepts.find((c) => c.label === "老板")!;
    expect(boss.alternatives).toEqual(["老板", "董事长", "总经理", "负责人"]);
    // The papers never print 老板: it is no anchor the article must hold, and weighs as 董事长 does.
    expect(boss.anchor).toBe(false);
    expect(a.searchText).toBe("滑雪场的老板是谁？ 董事长 总经理 负责人");
    expect(a.kind).toBe("who");
  });

  it("reads kind, unit, dates and topic words once", () => {
    const a = analyseQuestion("昌吉州今年新增城镇就业多少人？", deps, { today });
    expect(a.lang).toBe("zh");
    expect(a.kind).toBe("count");
    expect(a.unit).toBe("人");
    expect(a.wantsTypedAnswer).toBe(true);
    expect(a.dates.map((d) => d.year)).toEqual([2026]);
    expect(a.concepts.map((c) => c.label)).toEqual(expect.arrayContaining(["昌吉州", "新增", "城镇", "就业"]));
    expect(a.previous).toBeNull();
  });

  it("reads 人数 as the measure asked for, not as the topic", () => {
    const a = analyseQuestion("今年以来昌吉州城镇新增就业的人数是多少？", deps, { today });
    expect(a.unit).toBe("人");
    expect(a.concepts.map((c) => c.label)).not.toContain("人数");
  });

  it("lets 多少个 ask for a count in any measure", () => {
    expect(analyseQuestion("昌吉州今年新增了多少个城镇就业岗位？", deps, { today }).unit).toBe("个");
  });

  it("carries the previous turn's kind and topic into an elliptical follow-up", () => {
    const first = analyseQuestion("昌吉州今年新增城镇就业多少人？", deps, { today });
    const previous = { question: first.text, lang: first.lang, kind: first.kind, concepts: first.own, articleId: "a#1", at: 0 };
    const a = analyseQuestion("那去年呢？", deps, { today, previous });
    expect(a.previous).toBe(previous);
    expect(a.kind).toBe("count");
    expect(a.asksAnew).toBe(false);
    expect(a.searchText).toContain("新增城镇就业");
  });
});

describe("which year", () => {
  it("is answered by a year or a date with its year, never by a day of a month", () => {
    const year = analyseQuestion("围墙在哪一年倒塌？", deps, { today });
    expect(pickFigure("11月9日，围墙倒塌。", year.concepts, year.kind, year.unit)).toBeNull();
    expect(pickFigure("1989年11月9日，围墙倒塌。", year.concepts, year.kind, year.unit)?.text).toMatch(/^1989年/);
    expect(analyseQuestion("嘉义于民国几年升格为省辖市？", deps, { today }).unit).toBe(year.unit);
  });
});

describe("question words jieba glues to the next character", () => {
  it("cuts 哪天, 哪年, 几月 on their own: 哪天开板 asks when 开板 happens, no word 天开", () => {
    const jieba = { ...deps, segmenter: jiebaSegmenter() };
    const labels = (q: string) => analyseQuestion(q, jieba, { today }).own.map((c) => c.label);
    expect(labels("滑雪场哪天开板的？")).toEqual(["滑雪场", "开板"]);
  });
});

describe("quantities the question states", () => {
  it("keeps a number the question states, never one inside a code", () => {
    expect(analyseQuestion("这234场竞赛里有多少场是专场？", deps, { today }).stated).toEqual([234]);
    expect(analyseQuestion("7/34P号决议是在第几次会议上通过的？", deps, { today }).stated).toEqual([]);
  });
});

describe("analyseQuestion, English", () => {
  const readings: Record<string, string[]> = {
    found: ["建立"], jobs: ["就业"], job: ["就业"], skiers: ["滑雪者"], skier: ["滑雪者"], urban: ["城镇"], bureau: ["局"], hosted: ["主办"], week: ["周"], used: ["用于"], use: ["用于"],
  };
  const english = {
    translate: (text: string) => ({ terms: readings[text.toLowerCase()] ?? [], weights: [], englishTokens: [], unreadTokens: [], phrases: [] }),
    lexicon: { pinyinMatches: () => [], glossMatches: () => [], isAbsentName: () => false },
  } as unknown as QueryTranslator;
  const en: AnalysisDeps = { ...deps, translator: english };

  it("takes the thing counted after 'how many' as the focus", () => {
    expect(analyseQuestion("How many skiers came to Changji?", en, { today }).focus?.label).toBe("skiers");
  });

  it("reads a code of digits and capitals as one word (5S, 5G), not an ordinal or a unit", () => {
    const labels = (q: string) => analyseQuestion(q, en, { today }).own.map((c) => c.label);
    expect(labels("Is it the only 5S-level ski resort?")).toContain("5S");
    expect(labels("How many 5G base stations were built by the 4th Division?")).toContain("5G");
    expect(labels("How many 5G base stations were built by the 4th Division?")).not.toContain("4th");
  });

  it("counts the head of the phrase after 'how many', its last noun before a verb or a function word", () => {
    const counted = (q: string) => analyseQuestion(q, en, { today }).own.find((c) => c.counted)?.label;
    expect(counted("How many ski runs does the resort have?")).toBe("runs");
    expect(counted("How many worker households increased their income?")).toBe("households");
    expect(counted("How many teams took part in the contest?")).toBe("teams");
    expect(counted("How many model worker and craftsman studios were named?")).toBe("studios");
    expect(counted("How many skilled workers came?")).toBe("workers");
    // The head is the phrase's last plural, not a verb after it; "person-times" (人次) counts people.
    expect(counted("How many veterans live in Qitai county?")).toBe("veterans");
    expect(counted("How many participant-times did the contests draw?")).toBe("participants");
    // "How many of …" counts the phrase after the "of" and its determiner.
    expect(counted("How many of Changji's 234 contest sessions were for drivers?")).toBe("sessions");
    expect(counted("How many of the new farms were built?")).toBe("farms");
    // Two things counted side by side have no one head.
    expect(counted("How many countries and athletes took part?")).toBeUndefined();
    // The head's class decides which measures can count it: ski runs are not counted in people.
    const runs = analyseQuestion("How many ski runs does the resort have?", en, { today });
    const sentence = "滑雪场接待1700余名滑雪爱好者。";
    expect(findFigures(sentence).map((f) => bindingStrength(runs, sentence, f))).toEqual([0]);
  });

  it("takes a one-character noun after 多少 or 几 as the focus, but not a measure (钱, 人)", () => {
    const jieba: AnalysisDeps = { ...deps, segmenter: jiebaSegmenter() };
    expect(analyseQuestion("碳捕集项目一年能产多少氢？", jieba, { today }).focus?.label).toBe("氢");
    expect(analyseQuestion("合作社养了多少羊？", jieba, { today }).focus?.label).toBe("羊");
    expect(analyseQuestion("项目投资多少钱？", jieba, { today }).focus?.label).toBe("投资");
    expect(analyseQuestion("有多少人参加？", jieba, { today }).own.map((c) => c.label)).not.toContain("人");
  });

  it("takes the noun a qualifier qualifies as the focus, not the qualifier (多少*重大*隐患 asks about 隐患)", () => {
    const jieba: AnalysisDeps = { ...deps, segmenter: jiebaSegmenter() };
    expect(analyseQuestion("排查出多少重大隐患？", jieba, { today }).focus?.label).toBe("隐患");
    expect(analyseQuestion("排查出多少重大隐患？", jieba, { today }).qualifiers).toEqual([["重大"]]);
  });

  it("takes a word the question says again after 多少 as the focus, where it is asked (…奖励机制后，发放了多少*奖励*)", () => {
    const jieba: AnalysisDeps = { ...deps, segmenter: jiebaSegmenter() };
    const a = analyseQuestion("企业建立内部报告奖励机制后，一共发放了多少奖励？", jieba, { today });
    expect(a.focus?.label).toBe("奖励");
    expect(a.own.filter((c) => c.label === "奖励")).toHaveLength(1);
  });

  it("reads the noun after 哪个 / 哪座 as the kind of answer, never a place or anchor the page must print (在哪个*城市*召开)", () => {
    const jieba: AnalysisDeps = { ...deps, segmenter: jiebaSegmenter(), stats: { documentFrequency: () => 0, size: 100 } };
    const kind = analyseQuestion("县域医共体论坛在哪个城市召开？", jieba, { today }).own.find((c) => c.label === "城市");
    expect(kind).toMatchObject({ anchor: false, place: false });
    expect(analyseQuestion("城市书房在昌吉州哪里？", jieba, { today }).own.find((c) => c.label === "城市")?.anchor).toBe(true);
  });

  it("reads 这几 / 那几 (these few) as words about the thing, not as the question's 几", () => {
    const jieba: AnalysisDeps = { ...deps, segmenter: jiebaSegmenter() };
    const a = analyseQuestion("那几家调解室已经协调解决了多少起案件？", jieba, { today });
    expect([a.kind, a.unit, a.focus?.label]).toEqual(["count", "起", "案件"]);
    expect(analyseQuestion("那几家调解室设在哪里？", jieba, { today }).kind).toBe("where");
    expect(analyseQuestion("调解室有几家？", jieba, { today }).unit).toBe("家");
  });

  it("takes the word right after 'which' or 'what' as the focus, and no verb after other question words", () => {
    expect(analyseQuestion("Which bureau hosted the Changji learning week?", en, { today }).focus?.label).toBe("bureau");
    expect(analyseQuestion("What is the kahikatea used for?", en, { today }).focus).toBeNull();
  });

  it("reads 'how many <things>' as a count in any measure, and 'how many mu' as the measure asked", () => {
    const farms = analyseQuestion("How many farms were built in Changji?", en, { today });
    expect(farms.unit).not.toBeNull();
    expect(pickFigure("全县建成40万亩高标准农田和12个家庭农场。", farms.concepts, farms.kind, farms.unit)?.text).toBe("12个");
    expect(pickFigure("全县建成40万亩高标准农田。", farms.concepts, farms.kind, farms.unit)).toBeNull();
    expect(analyseQuestion("How many mu of wheat were sown?", en, { today }).unit).toBe("亩");
    const matches = analyseQuestion("How many matches were played?", en, { today });
    expect(pickFigure("投资2亿元，共举行了12场比赛。", matches.concepts, matches.kind, matches.unit)?.text).toBe("12场");
    // A money word later in the question names what the counted things received, not the measure asked.
    const graduates = analyseQuestion("How many graduates received social insurance subsidies?", en, { today });
    expect(pickFigure("向129名大学毕业生发放个人社保补贴共计49.69万元。", graduates.concepts, graduates.kind, graduates.unit)?.text).toBe("129名");
    expect(analyseQuestion("How much subsidy did the graduates receive?", en, { today }).unit).toBe("元");
    // "How much" with no measure named asks an amount, never a count of people.
    const ticket = analyseQuestion("How much is a ski ticket?", en, { today });
    expect(pickFigure("接待游客1700余名，门票120元。", ticket.concepts, ticket.kind, ticket.unit)?.text).toBe("120元");
    expect(pickFigure("接待游客1700余名。", ticket.concepts, ticket.kind, ticket.unit)).toBeNull();
    // A measure the question names still decides: hectares, a rate.
    expect(analyseQuestion("How much land in hectares was restored?", en, { today }).unit).toBe("公顷");
    expect(analyseQuestion("How much was the employment rate?", en, { today }).unit).toBe("%");
    expect(analyseQuestion("What share of the firms joined?", en, { today }).unit).toBe("%");
    // "What was the total amount" asks an amount as "how much" does: 13个 is no amount.
    const total = analyseQuestion("What was the total amount handed out?", en, { today });
    expect(pickFigure("资助学生13个，发放助学金195万元。", total.concepts, total.kind, total.unit)?.text).toBe("195万元");
    expect(pickFigure("资助学生13个。", total.concepts, total.kind, total.unit)).toBeNull();
    // A date asked as a day is answered by a day of a month, never by a bare year.
    const day = analyseQuestion("On what date did the union deliver the aid?", en, { today });
    expect(pickFigure("2018年以来，工会于7月7日送去慰问。", day.concepts, day.kind, day.unit)?.text).toBe("7月7日");
    expect(pickFigure("2018年以来，工会送去慰问。", day.concepts, day.kind, day.unit)).toBeNull();
    // A profit is money asked, whatever the question word.
    expect(analyseQuestion("What annual profit will the project make?", en, { today }).unit).toBe("元");
    // Plain metres are a length: not the cubic metres of the same sentence.
    const drilled = analyseQuestion("How many metres of drilling were done?", en, { today });
    expect(drilled.unit).toBe("米");
    expect(pickFigure("灭火2145.12万立方米，钻探进尺98653米。", drilled.concepts, drilled.kind, drilled.unit)?.text).toBe("98653米");
    // An age is asked in years of age, never in another count of the sentence.
    const age = analyseQuestion("How old is the welder?", en, { today });
    expect(age.unit).toBe("岁");
    expect(pickFigure("命名首批13个工作室，焊工今年32岁。", age.concepts, age.kind, age.unit)?.text).toBe("32岁");
    // A count is answered by a quantity, never by the date the question names (at the end of 2022).
    const members = analyseQuestion("How many union members were there at the end of 2022?", en, { today });
    expect(pickFigure("截至2022年底，全兵团共有会员64.97万人。", members.concepts, members.kind, members.unit)?.text).toBe("64.97万人");
    expect(sentenceValues("截至2022年底，全兵团共有会员64.97万人。", members.concepts, members.kind, members.unit).map((f) => f.text)).toEqual(["64.97万人"]);
    // Time and metric measures after 多少 or "how many" are the measure asked, in any spelling the page prints.
    const jieba: AnalysisDeps = { ...deps, segmenter: jiebaSegmenter() };
    const minutes = analyseQuestion("中途离开的玩家多少分钟内不得配对？", jieba, { today });
    expect(minutes.unit).toBe("分钟");
    expect(pickFigure("以4V4随机配对，中途离开则4分钟内不得配对。", minutes.concepts, minutes.kind, minutes.unit)?.text).toBe("4分钟");
    expect(analyseQuestion("How many minutes must a player wait?", en, { today }).unit).toBe("分钟");
    expect(analyseQuestion("工期多少个月？", jieba, { today }).unit).toBe("个月");
    // The verb a value must be governed by: before 多少, or the event a when-question dates (its first verb after the question word, modals aside).
    expect(analyseQuestion("已经办理了多少单？", jieba, { today }).predicate).toBe("办理");
    expect(analyseQuestion("卡特在哪一年宣布与台湾断交转而承认北京？", jieba, { today }).predicate).toBe("宣布");
    expect(analyseQuestion("峡谷什么时候可能会短期关闭？", jieba, { today }).predicate).toBe("关闭");
    expect(analyseQuestion("首钢子公司什么时候上市的？", jieba, { today }).predicate).toBe("上市");
    const length = analyseQuestion("这种植物全长多少厘米？", jieba, { today });
    expect(pickFigure("全长通常只有2cm，共有3个品种。", length.concepts, length.kind, length.unit)?.text).toBe("2cm");
  });

  it("takes a name read only weakly (France → 法制 at 0.31, the pages never saying 法国) as a name the article must print", () => {
    const weakly = {
      translate: (text: string) =>
        text === "France" ? { terms: ["法制"], weights: [0.31], englishTokens: [], unreadTokens: [], phrases: [] } : english.translate(text),
      lexicon: { pinyinMatches: () => [], glossMatches: () => [], isAbsentName: () => false },
    } as unknown as QueryTranslator;
    const france = analyseQuestion("Which bureau hosted the France week?", { ...deps, translator: weakly }, { today }).concepts.find((c) => c.label === "France");
    expect(france).toMatchObject({ alternatives: ["france"], anchor: true });
  });

  it("takes a name the dictionary spells and the pages never do (World Cup → 世界杯) as one anchor, whatever its words read", () => {
    const worldCup = {
      translate: (text: string) => (text === "World" ? { terms: ["世界"], weights: [1], englishTokens: [], unreadTokens: [], phrases: [{ english: "World", terms: ["世界"] }] } : english.translate(text)),
      lexicon: { pinyinMatches: () => [], glossMatches: () => [], isAbsentName: (name: string) => name.toLowerCase() === "world cup" },
    } as unknown as QueryTranslator;
    const concepts = analyseQuestion("Which bureau hosted the World Cup?", { ...deps, translator: worldCup }, { today }).concepts;
    expect(concepts.find((c) => c.label === "World Cup")).toMatchObject({ alternatives: ["world cup"], anchor: true });
    expect(concepts.find((c) => c.label === "World")).toBeUndefined();
  });

  it("gives 'how many people' no focus: people is the unit counted, and the verb after it is not", () => {
    const a = analyseQuestion("How many people found urban jobs in Changji this year?", en, { today });
    expect(a.unit).toBe("人");
    expect(a.focus).toBeNull();
  });
});

describe("anchors: words the question needs the article to name", () => {
  // A corpus that has never printed 开始 or 出口: both are unknown, but only the topic word anchors.
  const unknown = new Set(["开始", "出口", "开", "始", "出", "口", "开始员", "出口到"]);
  const sparse: AnalysisDeps = { segmenter: jiebaSegmenter(), translator, stats: { documentFrequency: (t) => ([...unknown].some((u) => t.includes(u)) ? 0 : 1), size: 100 } };
  const anchors = (question: string) => analyseQuestion(question, sparse, { today }).own.filter((c) => c.anchor && !c.date).map((c) => c.label);

  it("takes no plain verb for an anchor, however rare in the corpus (jieba's part of speech)", () => {
    expect(anchors("滑雪场为什么从9月就开始员工培训？")).not.toContain("开始");
  });

  it("keeps a verbal noun the corpus lacks as an anchor: it names the topic", () => {
    expect(anchors("笑厨食品的酱油出口到了哪些国家？")).toContain("出口");
  });
});
