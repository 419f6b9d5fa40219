import { beforeAll, describe, expect, it } from "vitest";
import type { QaService } from "../../src/core/types.js";
import { openFixtureService } from "../helpers/fixture-index.js";

/**
 * Questions that ask whether, why, or name a role in a reader's word, through the real pipeline
 * (seeds, index, fixture model). Written for these tests from the seed pages.
 */
describe("questions of other shapes (real seeds, index, fixture model)", () => {
  let qa: QaService;
  const today = new Date("2026-05-01T12:00:00Z");
  const ask = (question: string) => qa.answer(question, { today });
  beforeAll(async () => {
    qa = await openFixtureService();
  });

  it("answers a yes/no question with what the paper reports, never a bare value", async () => {
    for (const question of ["天山天池国际滑雪场开板了吗？", "Has the Tianshan Tianchi ski resort opened?"]) {
      const answer = await ask(question);
      expect(answer.kind).toBe("yesno");
      expect(answer.figure).toBeNull();
      expect(answer.reply).not.toBe("refusal");
      expect(answer.citations[0]!.quote).toContain("滑雪场");
    }
    expect((await ask("天山天池国际滑雪场开板了吗？")).citations[0]!.quote).toMatch(/开板|开门营业/);
  });

  it("answers a why question with the sentence that gives the reason, leading with no value", async () => {
    // The page's own verb (开启). With 开始, a word the five seed pages never use, the word reads as
    // an anchor the article lacks, and since the lead-shape refit (#26) the fixture decision refuses
    // the question instead of quoting the reason (p 0.069 against evidence 0.08): a known limit of
    // anchors over a tiny corpus, stated in docs/answer-decision.md.
    const answer = await ask("滑雪场为什么从9月就开启员工培训？");
    expect(answer.kind).toBe("why");
    expect(answer.figure).toBeNull();
    expect(answer.citations[0]!.quote).toContain("为了给雪友提供更好的服务");
  });

  it("reads a reader's word for a role as the papers' (老板 for 董事长): the chairman's sentence, never another name", async () => {
    const formal = await ask("天山天池国际滑雪场的董事长是谁？");
    expect(formal.figure).toBe("曹加林");
    const colloquial = await ask("天山天池国际滑雪场的老板是谁？");
    expect(colloquial.reply).not.toBe("refusal");
    expect(colloquial.citations[0]!.quote).toContain("董事长曹加林");
    expect([null, "曹加林"]).toContain(colloquial.figure);
  });
});
