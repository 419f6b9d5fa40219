import { beforeAll, describe, expect, it } from "vitest";
import { ConversationMemory, type Turn } from "../../src/answer/conversation.js";
import type { QaService } from "../../src/core/types.js";
import { openFixtureService } from "../helpers/fixture-index.js";

const turn = (question: string, at = Date.now()): Turn => ({ question, lang: "zh", kind: "count", concepts: [], articleId: null, at });

describe("ConversationMemory: a bounded, expiring memory of each chat's last turn", () => {
  it("remembers the last turn per session", () => {
    const memory = new ConversationMemory();
    memory.remember("a", turn("一", 1));
    memory.remember("a", turn("二", 2));
    memory.remember("b", turn("三", 3));
    expect(memory.last("a", 10)?.question).toBe("二");
    expect(memory.last("b", 10)?.question).toBe("三");
  });
  it("forgets a chat idle longer than ttlMs", () => {
    const memory = new ConversationMemory({ ttlMs: 1000 });
    memory.remember("a", turn("一", 0));
    expect(memory.last("a", 999)).not.toBeNull();
    expect(memory.last("a", 1001)).toBeNull();
  });
  it("keeps at most maxSessions chats, dropping the least recently active", () => {
    const memory = new ConversationMemory({ maxSessions: 2 });
    memory.remember("a", turn("一"));
    memory.remember("b", turn("二"));
    memory.remember("a", turn("三"));
    memory.remember("c", turn("四"));
    expect(memory.size).toBe(2);
    expect(memory.last("b")).toBeNull();
    expect(memory.last("a")?.question).toBe("三");
  });
});

describe("follow-up and date questions through the real pipeline", () => {
  let qa: QaService;
  beforeAll(async () => {
    qa = await openFixtureService();
  });
  const today = new Date("2026-05-01T12:00:00Z");

  it("resolves an elliptical question against the previous one in the same chat", async () => {
    await qa.answer("昌吉州今年新增城镇就业多少人？", { sessionId: "c1", today });
    const a = await qa.answer("那外出务工呢？", { sessionId: "c1", today });
    expect(a.found).toBe(true);
    expect(a.figure).toBe("8710人");
  });

  it("does not carry context into another chat", async () => {
    await qa.answer("昌吉州今年新增城镇就业多少人？", { sessionId: "c2", today });
    const a = await qa.answer("那外出务工呢？", { sessionId: "c3", today });
    expect(a.figure).not.toBe("8710人");
  });

  it("never answers a follow-up with the previous answer again", async () => {
    const first = await qa.answer("How many major accident hazards did Changji find and fix in 2025?", { sessionId: "c5", today });
    const next = await qa.answer("And how much government funding was put into safety work?", { sessionId: "c5", today });
    expect(first.found).toBe(true);
    expect(next.figure).not.toBe(first.figure);
  });

  it("answers an English follow-up about the county after one about a town in it", async () => {
    const wheatDay = new Date("2024-11-10T12:00:00Z");
    await qa.answer("How much winter wheat did Xinhu town in Mulei plant this year?", { sessionId: "c7", today: wheatDay });
    // "county" reads as 县 (木垒县), not only as 县域 or 自治县.
    const a = await qa.answer("And across the whole county?", { sessionId: "c7", today: wheatDay });
    expect(a.figure).toBe("40万亩");
  });

  // Whether the fitted decision answers it with 1614名 is one phrasing among the conversation eval
  // set (date-fukang-lastnov-en), guarded by that set's aggregate floors; here the reading of it.
  it("reads a follow-up that only moves the date as the same question of that period", async () => {
    const inMarch2025 = new Date("2025-03-01T12:00:00Z");
    await qa.answer("How many party members in Fukang registered with their communities?", { sessionId: "c8", today: inMarch2025 });
    // "What" opens the follow-up; it asks a count like the first question. The page of 2024-11-07
    // answers for last November — the same sentence as before is right here.
    const november = await qa.answer("What about last November?", { sessionId: "c8", today: inMarch2025 });
    expect(november.kind).toBe("count");
    // The chat's topic survives a second date-only follow-up; no page reports 2023.
    const earlier = await qa.answer("And in 2023?", { sessionId: "c8", today: inMarch2025 });
    expect(earlier.found).toBe(false);
  });

  it("needs a page that confirms the moved date, not one that merely does not rule it out", async () => {
    await qa.answer("How many jobs did Changji add this year?", { sessionId: "c9", today });
    // Last November (2025-11): the jobs page is from April 2026, and the undated safety page says
    // 2025 and 1—11月 but never 2025年11月. Neither confirms the period.
    const a = await qa.answer("What about last November?", { sessionId: "c9", today });
    expect(a.found).toBe(false);
    const zh = await qa.answer("去年12月呢？", { sessionId: "c9", today });
    expect(zh.found).toBe(false);
  });

  it("asks about what an elliptical follow-up names, and says where in full", async () => {
    const day = new Date("2024-11-10T12:00:00Z");
    await qa.answer("What is the total investment of the Qitai carbon dioxide project?", { sessionId: "c10", today: day });
    await qa.answer("How much CO2 can it produce a year?", { sessionId: "c10", today: day });
    // 二氧化碳15万吨、氢气2000吨: "hydrogen" is what is asked, though no question word points at it.
    expect((await qa.answer("And hydrogen?", { sessionId: "c10", today: day })).figure).toBe("2000吨");
    // 奇台县 is already known from the chat; the place is 奇台县喇嘛湖梁工业园区, not 新疆.
    expect((await qa.answer("Where is it located?", { sessionId: "c10", today: day })).figure).toBe("奇台县喇嘛湖梁工业园区");
  });

  it("answers 多久 with a duration, not a date", async () => {
    await qa.answer("准东的煤制烯烃项目年产多少吨？", { sessionId: "c11", today });
    const a = await qa.answer("它的总工期是多久？", { sessionId: "c11", today });
    expect(a.figure).toBe("48个月");
  });

  it("lets a follow-up's own words pick the sentence, with the chat's topic anywhere in the article", async () => {
    const december = new Date("2025-12-20T12:00:00Z");
    await qa.answer("昌吉州今年排查整治重大事故隐患多少项？", { sessionId: "c12", today: december });
    await qa.answer("公路隐患呢？", { sessionId: "c12", today: december });
    // 累计落实各级资金约3.36亿元 says nothing of 隐患 or 排查; the article does.
    expect((await qa.answer("落实了多少资金？", { sessionId: "c12", today: december })).figure).toBe("3.36亿元");
  });

  it("does not read an existential 'there' as pointing back", async () => {
    const day = new Date("2024-11-20T12:00:00Z");
    await qa.answer("How much winter wheat did Mulei county plant?", { sessionId: "c14", today: day });
    const a = await qa.answer("How many coalfield fires are there in Zhundong?", { sessionId: "c14", today: day });
    expect(a.figure).toBe("四处");
  });

  it("starts fresh on a new topic", async () => {
    await qa.answer("昌吉州今年新增城镇就业多少人？", { sessionId: "c4", today });
    const a = await qa.answer("天山天池国际滑雪场共有几条雪道？", { sessionId: "c4", today });
    expect(a.figure).toBe("7条");
  });

  it("reads 去年 against today and refuses a year the articles do not report", async () => {
    const a = await qa.answer("昌吉州去年新增城镇就业多少人？", { today });
    expect(a.found).toBe(false);
  });

  it("answers an absolute month with the article of that month, as of its date", async () => {
    const a = await qa.answer("截至2024年11月，阜康市已报到党员多少名？", { today });
    expect(a.figure).toBe("1614名");
    expect(a.asOf).toBe("2024-11-07");
    expect(a.answer).toContain("截至2024-11-07");
  });

  it("refuses an absolute month the articles do not cover", async () => {
    const a = await qa.answer("截至2023年11月，阜康市已报到党员多少名？", { today });
    expect(a.found).toBe(false);
  });

  it("reads English words the dictionary only gives through a derived form: urban → 城镇 (城镇化)", async () => {
    const a = await qa.answer("As of April 2026, how many new urban jobs had Changji added that year?", { today });
    expect(a.figure).toBe("10395人");
  });

  it("says in English which date an answer is as of", async () => {
    const a = await qa.answer("How many jobs did Changji add this year?", { today });
    expect(a.asOf).toBe("2026-04-22");
    expect(a.answer).toContain("as of 2026-04-22");
  });
});
