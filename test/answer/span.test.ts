import { describe, expect, it } from "vitest";
import { analyseQuestion } from "../../src/answer/analysis.js";
import { spanLead } from "../../src/answer/lead.js";
import { answerSpan, spanContext } from "../../src/answer/span.js";
import type { QueryTranslator } from "../../src/retrieve/english.js";
import { jiebaSegmenter } from "../../src/retrieve/tokenize.js";

describe("answerSpan", () => {
  it("takes the phrase standing where the question word stood", () => {
    expect(answerSpan(spanContext("生命数耗完即算为什么？"), "每次泡封会减少生命数，生命数耗完即算为踢爆。")?.text).toBe("踢爆");
  });

  it("ends the phrase where the question's later words start, skipping words the sentence does not repeat", () => {
    const sentence = "该活动由昌吉州教育局主办，昌吉开放大学承办，昌吉州老年（老干部）大学、昌吉市绿洲路街道办事处协办。";
    expect(answerSpan(spanContext("2024年昌吉州全民终身学习活动周由哪个单位承办？"), sentence)?.text).toBe("昌吉开放大学");
  });

  it("takes the noun a which-question asks for as the answer's head, where the sentence writes it after the phrase", () => {
    expect(spanContext("马来语在哪一种语言中被译作巫来油？")?.head).toBe("语言");
    expect(answerSpan(spanContext("哪一学派影响罗马人的政治哲学？"), "罗马人的政治哲学受到斯多噶学派影响。")?.text).toBe("斯多噶学派");
    // …its first characters too, where the sentence's name of the kind is shorter (分类法 for 分类法则).
    expect(answerSpan(spanContext("长崎县的气候按照哪个分类法则划分？"), "按柯本气候分类法划分，长崎县属于副热带湿润气候。")?.text).toMatch(/柯本气候分类法$/);
  });

  it("leaves out the question's own words the phrase opens with, and the verb or preposition tying them to the answer", () => {
    expect(answerSpan(spanContext("台风过境时期以及哪个时期为长崎县的降水主要分布时期？"), "长崎县的降水主要分布在梅雨时期和台风过境时期。")?.text).toBe("梅雨时期");
    // An adverb is the answer's own (私自招诱), and a short name the question shares is part of it (昌吉开放大学).
    expect(answerSpan(spanContext("哪种方式以及政府依官品赐给为佃客的来源？"), "佃客的来源有政府依官品赐给与私自招诱。")?.text).toBe("私自招诱");
  });

  it("runs the phrase on to its clause's end, never cutting it before its verb's object", () => {
    // The question leaves out the verb (开展): the phrase ran up to 开展 and stopped. The seed sentence (003, 2026-04-22).
    const sentence = "先后赴喀什、和田、巴州、伊犁等地开展劳务对接,开发、募集164家企业优质岗位3388个。";
    expect(answerSpan(spanContext("昌吉州到哪些地方劳务对接？"), sentence)?.text).toBe("先后赴喀什、和田、巴州、伊犁等地开展劳务对接");
  });

  it("gives nothing the question already names", () => {
    expect(answerSpan(spanContext("谁在分区轮输给了野马队？"), "野马队在分区轮以23–16击败了匹兹堡钢人队")).toBeNull();
  });

  it("gives no one-character phrase: a particle or a cut, not an answer", () => {
    // 于 and 下 stand where the question word stood: what answers is in the next clause.
    expect(answerSpan(spanContext("两种恐龙的差异在哪儿？"), "两种恐龙的差异在于，前者的齿骨侧边血管沟较少。")).toBeNull();
    expect(answerSpan(spanContext("经纪商制定条例的背景是什么？"), "在此背景下，各家经纪商决定通过协商的方式制定条例。")).toBeNull();
  });

  it("leaves out a preposition before the phrase and a particle after it", () => {
    expect(answerSpan(spanContext("乙酰胺在室温下是什么状态的？"), "纯品在室温下为白色晶状固体。")?.text).toBe("白色晶状固体");
    expect(answerSpan(spanContext("公司初时主要售卖什么？"), "公司初时主要售卖食糖、咖啡和茶叶等。")?.text).toBe("食糖、咖啡和茶叶");
  });

  it("gives no phrase of pronouns, numerals and particles alone: it names nothing", () => {
    expect(answerSpan(spanContext("健康杂志评选的五大健康食品中哪一个来自韩国？"), "健康杂志评选的五大健康食品中，来自韩国的是其中之一。")).toBeNull();
    expect(answerSpan(spanContext("他签署了哪一个法案？"), "他签署了一系列法案。")).toBeNull();
    expect(answerSpan(spanContext("他签署了哪一个法案？"), "他签署了民权法案。")?.text).toBe("民权法案");
  });

  it("gives nothing when the question has no question word or the sentence none of its words", () => {
    expect(answerSpan(spanContext("介绍一下昌吉州"), "昌吉州位于天山北麓。")).toBeNull();
    expect(answerSpan(spanContext("谁发明了电话？"), "今天天气很好。")).toBeNull();
  });

  it("never ends on a verb whose object the clause goes on with: runs on to the clause's end", () => {
    // The question leaves out the verb (开展): the words after its question word start at the object.
    const sentence = "工作队先后赴南山、北山等地开展义诊活动，共服务群众五百人次。";
    expect(answerSpan(spanContext("工作队在哪些地方义诊活动？"), sentence)?.text).toBe("工作队先后赴南山、北山等地开展义诊活动");
  });

  it("gives no phrase when running on to the clause's end makes it too long to lead with", () => {
    const sentence = "工作队先后赴南山牧场、北山牧场等地开展义诊活动并为牧民免费发放常用药品，共服务群众五百人次。";
    expect(answerSpan(spanContext("工作队在哪些地方义诊活动？"), sentence)).toBeNull();
  });

  it("keeps a phrase that ends on a verb closing its clause", () => {
    const sentence = "工作队先后到南山、北山走访，共服务群众五百人次。";
    expect(answerSpan(spanContext("工作队先后到哪里？"), sentence)?.text).toBe("南山、北山走访");
  });
});

describe("spanLead", () => {
  const translator = { translate: () => ({ terms: [], weights: [], englishTokens: [], unreadTokens: [], phrases: [] }) } as unknown as QueryTranslator;
  const deps = { segmenter: jiebaSegmenter(), translator, stats: { documentFrequency: () => 1, size: 100 } };
  const lead = (question: string, sentence: string) => spanLead(analyseQuestion(question, deps, { today: new Date("2026-04-30T12:00:00Z") }), sentence)?.text ?? null;

  it("answers a when-question with a phrase only when it says a time", () => {
    expect(lead("乐队什么时候成立的？", "乐队在上世纪80年代初成立。")).toMatch(/80年代/);
    expect(lead("乡里组织什么时候开始瓦解的？", "乡里组织在唐末藩镇割据中开始瓦解。")).toMatch(/唐末/);
    // 毛与江青等人 stands where 哪一年 stood, but says no year.
    expect(lead("江青等人在哪一年发动了批林批孔运动？", "这一年，毛与江青等人发动了批林批孔运动。")).toBeNull();
  });

  it("gives no phrase naming another level, rank or stage than the question's", () => {
    expect(lead("竞赛一等奖是哪个师市的队伍？", "经过角逐，竞赛决出了一等奖、二等奖和三等奖6个。")).toBeNull();
  });
});
