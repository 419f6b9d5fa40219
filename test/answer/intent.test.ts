import path from "node:path";
import { describe, expect, it } from "vitest";
import { askedDay, detectIntent, overviewTopic } from "../../src/answer/intent.js";
import { validateQuestion } from "../../src/answer/question.js";
import { loadQuestions } from "../../src/eval/evaluate.js";
import { ROOT } from "../helpers/fixture-index.js";

describe("detectIntent", () => {
  it.each([
    ["最近昌吉有什么新闻？", "latest"],
    ["今天有什么新闻", "latest"],
    ["最新一期有哪些报道？", "latest"],
    ["What is the latest news from Changji?", "latest"],
    ["What's new?", "latest"],
    ["Any news today?", "latest"],
    ["说说最近的报道", "latest"],
    ["Tell me about the latest news", "latest"],
    ["2024年11月7日的报纸", "issue"],
    ["第12124期", "issue"],
    ["Summarize the 2024-11-07 paper", "issue"],
    ["the paper of 7 November 2024", "issue"],
    ["介绍一下煤制烯烃项目", "overview"],
    ["关于准东煤田火区治理的报道", "overview"],
    ["Tell me about the coal-to-olefins project", "overview"],
    ["What happened with the coal fire in Zhundong?", "overview"],
    ["昌吉州今年新增城镇就业多少人？", "fact"],
    ["How many jobs did Changji add this year?", "fact"],
    // A day in a fact question, or 新闻 in a name, asks for no paper.
    ["2024年11月7日木垒县冬小麦长势如何？", "fact"],
    ["昌吉州2025年安全生产工作新闻发布会在哪里举行？", "fact"],
    ["Is the number 10395 right?", "fact"],
  ])("%s → %s", (question, intent) => expect(detectIntent(question).intent).toBe(intent));

  it("reads the day, the issue number and the overview's topic", () => {
    expect(detectIntent("2024年11月7日的报纸")).toEqual({ intent: "issue", date: "2024-11-07" });
    expect(detectIntent("第12124期有什么")).toEqual({ intent: "issue", issueNumber: "12124" });
    expect(detectIntent("Show me issue 12482")).toEqual({ intent: "issue", issueNumber: "12482" });
    expect(detectIntent("What was in No. 12124?")).toEqual({ intent: "issue", issueNumber: "12124" });
    expect(detectIntent("介绍一下煤制烯烃项目")).toEqual({ intent: "overview", topic: "煤制烯烃项目" });
  });

  it("a day named is never 'the latest'", () => expect(detectIntent("2024年11月7日最新的新闻").intent).toBe("issue"));
});

describe("askedDay and overviewTopic", () => {
  it.each([
    ["2024-11-07", "2024-11-07"],
    ["2024年11月7日", "2024-11-07"],
    ["7 November 2024", "2024-11-07"],
    ["November 7, 2024", "2024-11-07"],
    ["7th of Nov 2024", "2024-11-07"],
    ["in November 2024", null],
  ])("%s → %s", (text, day) => expect(askedDay(text)).toBe(day));

  it.each([
    ["关于准东煤田火区治理的报道", "准东煤田火区治理"],
    ["请介绍一下天山天池国际滑雪场。", "天山天池国际滑雪场"],
    ["Tell me about the coal-to-olefins project", "coal-to-olefins project"],
    ["What happened with the coal fire in Zhundong?", "coal fire in Zhundong"],
  ])("%s → %s", (question, topic) => expect(overviewTopic(question)).toBe(topic));
});

describe("the fact evaluation sets", () => {
  it.each(["questions.jsonl", "heldout.jsonl"])("reads every question (and earlier turn) of %s as a fact question", (file) => {
    const questions = loadQuestions(path.join(ROOT, "test/eval", file));
    const misread = questions.flatMap((q) => [...(q.turns ?? []), q.question]).filter((t) => detectIntent(validateQuestion(t)).intent !== "fact");
    expect(misread).toEqual([]);
  });
});
