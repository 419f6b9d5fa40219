import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { openQaService } from "../../src/core/service.js";
import type { QaService } from "../../src/core/types.js";
import { loadQuestions } from "../../src/eval/evaluate.js";
import { formatSource } from "../../src/llm/prompt.js";
import { buildFixtureIndex, fixtureConfig, ROOT } from "../helpers/fixture-index.js";
import { startFakeOpenAi, type FakeOpenAi } from "../llm/fake-openai.js";

/** The project's eval sets: questions.jsonl and every heldout*.jsonl. */
const EVAL_SETS = fs.readdirSync(path.join(ROOT, "test/eval")).filter((f) => /^(?:questions|heldout.*)\.jsonl$/.test(f));

/**
 * Citations hold their quotes: for every answer of both eval sets (real seeds, real index, fixture
 * model), each citation's passage — what /sources shows — contains the sentence it quotes, and the
 * LLM is sent exactly those passages. The LLM is a loopback stand-in that records the request and
 * replies with something ungrounded, so the extractive answer (and its citations) comes back.
 */
describe("citations of every eval answer", () => {
  let llm: FakeOpenAi;
  let qa: QaService;
  const asked: { id: string; answer: Answer; sent: string | null }[] = [];
  beforeAll(async () => {
    llm = await startFakeOpenAi();
    llm.reply({ content: "No idea." });
    const config = fixtureConfig({ LLM_BASE_URL: llm.url, LLM_MODEL: "stand-in" });
    await buildFixtureIndex(config);
    qa = await openQaService(config);
    const questions = EVAL_SETS.flatMap((f) => loadQuestions(path.join(ROOT, "test/eval", f)));
    for (const q of questions) {
      const options = { sessionId: `citations-${q.id}`, today: q.today ? new Date(`${q.today}T12:00:00Z`) : undefined };
      for (const turn of q.turns ?? []) await qa.answer(turn, options);
      const before = llm.requests.length;
      const answer = await qa.answer(q.question, options);
      const request = llm.requests.length > before ? llm.requests[llm.requests.length - 1]! : null;
      asked.push({ id: q.id, answer, sent: request?.body.messages.find((m) => m.role === "user")?.content ?? null });
    }
  });
  afterAll(() => llm?.close());

  it("have a passage that contains the quote", () => {
    expect(EVAL_SETS).toEqual(expect.arrayContaining(["questions.jsonl", "heldout.jsonl"]));
    const citations = asked.flatMap(({ id, answer }) => answer.citations.map((c) => ({ id, c })));
    expect(citations.length).toBeGreaterThan(100);
    expect(citations.filter(({ c }) => !c.passage.includes(c.quote)).map(({ id, c }) => `${id}: ${c.quote}`)).toEqual([]);
  });

  it("send the LLM exactly the passages the reader sees, numbered as shown", () => {
    const found = asked.filter((a) => a.answer.found);
    expect(found.length).toBeGreaterThan(50);
    for (const { id, answer, sent } of found) {
      const sources = sent?.split("\n\nPassages:\n\n")[1];
      expect({ id, sources }).toEqual({ id, sources: answer.citations.map((c, i) => formatSource(c, i + 1)).join("\n\n") });
    }
  });

  it("quote the jobs figure from the passage that holds it (“How many jobs did Changji add this year?”)", async () => {
    const before = llm.requests.length;
    const jobs = await qa.answer("How many jobs did Changji add this year?", { today: new Date("2026-04-22T12:00:00Z") });
    expect(jobs.citations[0]?.quote).toContain("10395");
    expect(jobs.citations[0]?.passage).toContain("10395");
    expect(llm.requests.slice(before)[0]?.body.messages[1]?.content).toContain(jobs.citations[0]!.passage.trim());
  });
});
