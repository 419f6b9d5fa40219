import * as OpenCC from "opencc-js/cn2t";
import { beforeAll, describe, expect, it } from "vitest";
import { readerQuestion } from "../../src/answer/question.js";
import type { QaService } from "../../src/core/types.js";
import { loadQuestions } from "../../src/eval/evaluate.js";
import { isEnglishWord } from "../../src/retrieve/lexicon/typos.js";
import { openFixtureService, ROOT } from "../helpers/fixture-index.js";

/** Questions as readers type them: in Traditional characters, after a greeting, with thanks, with a typo. */
describe("readerQuestion", () => {
  it("reads Traditional characters as Simplified and leaves Simplified and English alone", () => {
    expect(readerQuestion("滑雪場什麼時候開板？")).toBe("滑雪场什么时候开板？");
    expect(readerQuestion("兴业银行准东支行的行长是谁？")).toBe("兴业银行准东支行的行长是谁？");
    expect(readerQuestion("著名的乾隆皇帝")).toBe("著名的乾隆皇帝");
    expect(readerQuestion("Who opened the ski resort?")).toBe("Who opened the ski resort?");
  });

  it("reads a question word as some readers spell it (甚么, 甚麼) as the papers do (什么)", () => {
    expect(readerQuestion("滑雪场为甚么开板这么早？")).toBe("滑雪场为什么开板这么早？");
    expect(readerQuestion("滑雪場有甚麼活動？")).toBe("滑雪场有什么活动？");
  });

  it("takes greetings, politeness and thanks off both ends", () => {
    expect(readerQuestion("你好，请问昌吉州今年新增城镇就业多少人？谢谢！")).toBe("昌吉州今年新增城镇就业多少人？");
    expect(readerQuestion("您好！麻烦问一下，滑雪场在哪")).toBe("滑雪场在哪");
    expect(readerQuestion("Hi, could you tell me how many jobs Changji added this year? Thanks!")).toBe("How many jobs Changji added this year?");
    expect(readerQuestion("Hey there, what is new?")).toBe("What is new?");
  });

  it("takes the particle a reader adds to a greeting or to thanks (你好呀, 谢谢啦, thanks a lot) off with it", () => {
    expect(readerQuestion("你好呀，新疆笑厨食品有限公司的年设计生产能力是多少？谢谢啦")).toBe("新疆笑厨食品有限公司的年设计生产能力是多少？");
    expect(readerQuestion("您好啊，昌吉州今年新增城镇就业多少人？多谢哈")).toBe("昌吉州今年新增城镇就业多少人？");
    expect(readerQuestion("How many skiers came on opening day? Thanks a lot!")).toBe("How many skiers came on opening day?");
    expect(readerQuestion("哈哈，滑雪场有几条雪道？")).toBe("哈哈，滑雪场有几条雪道？");
  });

  it("keeps what asks something: a greeting alone, 'tell me about' (an overview), 'please summarise'", () => {
    expect(readerQuestion("你好")).toBe("你好");
    expect(readerQuestion("Hello!")).toBe("Hello!");
    expect(readerQuestion("Please tell me about the ski resort")).toBe("Please tell me about the ski resort");
    expect(readerQuestion("请介绍一下滑雪场")).toBe("请介绍一下滑雪场");
  });
});

describe("a question as readers type it gets the plain question's reply (real seeds, index, fixture model)", () => {
  let qa: QaService;
  const today = new Date("2026-05-01T12:00:00Z");
  const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
  const asked = loadQuestions(`${ROOT}/test/eval/questions.jsonl`).filter((q) => !q.turns && !q.today);
  const reply = async (question: string) => {
    const a = await qa.answer(question, { today });
    return { reply: a.reply, figure: a.figure, source: a.citations[0]?.source ?? null };
  };
  beforeAll(async () => {
    qa = await openFixtureService();
  });

  it("in Traditional characters, after 你好，请问 and with 谢谢", async () => {
    const questions = asked.filter((q) => q.lang === "zh").slice(0, 25);
    for (const q of questions) {
      const plain = await reply(q.question);
      expect({ q: q.id, ...(await reply(toTraditional(q.question))) }).toEqual({ q: q.id, ...plain });
      expect({ q: q.id, ...(await reply(`你好，请问${q.question}谢谢`)) }).toEqual({ q: q.id, ...plain });
    }
  });

  it("in English after 'Hi, could you tell me' and with 'thanks'", async () => {
    const questions = asked.filter((q) => q.lang === "en" && /^(how|what|who|when|where|which)\b/i.test(q.question)).slice(0, 15);
    expect(questions.length).toBeGreaterThan(5);
    for (const q of questions) {
      const plain = await reply(q.question);
      const polite = `Hi, could you tell me ${q.question[0]!.toLowerCase()}${q.question.slice(1)} Thanks!`;
      expect({ q: q.id, ...(await reply(polite)) }).toEqual({ q: q.id, ...plain });
    }
  });

  it("in English with a typo in one word: two letters swapped, one dropped or one doubled", async () => {
    const slips = [(w: string) => w.slice(0, 2) + w[3] + w[2] + w.slice(4), (w: string) => w.slice(0, 3) + w.slice(4), (w: string) => w.slice(0, 3) + w[3] + w.slice(3)];
    const typed = asked
      .filter((q) => q.lang === "en")
      .map((q, i) => {
        const word = q.question.match(/(?<![A-Za-z'])[a-z]{6,}(?![A-Za-z])/)?.[0];
        const typo = word ? slips[i % slips.length]!(word) : null;
        return word && typo && !isEnglishWord(typo) ? { q, typo: q.question.replace(word, typo) } : null;
      })
      .filter((t) => t !== null)
      .slice(0, 15);
    expect(typed.length).toBeGreaterThan(5);
    for (const { q, typo } of typed) expect({ q: typo, ...(await reply(typo)) }).toEqual({ q: typo, ...(await reply(q.question)) });
  });
});
