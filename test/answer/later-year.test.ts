import { beforeAll, describe, expect, it } from "vitest";
import { toJsonContract, type Answer } from "../../src/answer/types.js";
import { openQaService } from "../../src/core/service.js";
import type { QaService } from "../../src/core/types.js";
import { buildFixtureIndex, fixtureConfig } from "../helpers/fixture-index.js";
import { runCli } from "../helpers/run-cli.js";

/**
 * The archive ends with the issue of 2026-04-22. Asked in a later year, "this year" is a period no
 * page reports on yet: the reply says so and quotes the newest report as evidence, never as this
 * year's figure — and never leads with another figure. "Today" is injected (TODAY), as in production.
 */
describe("asked in a year the archive has no paper of yet (TODAY=2027-02-01)", () => {
  let qa: QaService;
  let config: ReturnType<typeof fixtureConfig>;
  beforeAll(async () => {
    config = fixtureConfig({ TODAY: "2027-02-01" });
    await buildFixtureIndex(config);
    qa = await openQaService(config);
  });

  const expectEvidenceOfNewest = (answer: Answer) => {
    expect(answer.found).toBe(false);
    expect(answer.reply).toBe("evidence");
    expect(answer.figure).toBeNull();
    expect(answer.citations[0]?.date).toBe("2026-04-22");
    expect(answer.citations[0]?.quote).toContain("10395");
    expect(answer.answer).toContain("2027");
    expect(answer.answer).toContain("2026-04-22");
    // Nothing before the quote states a figure as the answer.
    const beforeQuote = answer.answer.slice(0, answer.answer.indexOf("“"));
    expect(beforeQuote.replace(/2026-04-22|2027/g, "")).not.toMatch(/\d/);
  };

  it("an English 'this year' question gets the newest figure as evidence, with its date", async () => {
    const answer = await qa.answer("How many jobs did Changji add this year?");
    expectEvidenceOfNewest(answer);
    expect(answer.answer).toMatch(/^The articles have nothing for 2027 yet/);
  });

  it("the Chinese question too, in Chinese", async () => {
    const answer = await qa.answer("昌吉州今年新增城镇就业多少人？");
    expectEvidenceOfNewest(answer);
    expect(answer.answer).toMatch(/^现有报道中还没有2027年的数据/);
  });

  it("this month and last week are periods after the archive as well", async () => {
    for (const question of ["昌吉州本月新增城镇就业多少人？", "How many jobs did Changji add last week?"]) {
      const answer = await qa.answer(question);
      expect(answer.found).toBe(false);
      expect(answer.figure).toBeNull();
      expect(answer.answer).toMatch(/2027/);
    }
  });

  it("a question with a year the archive covers is answered as before", async () => {
    const answer = await qa.answer("昌吉州2026年新增城镇就业多少人？");
    expect(answer.found).toBe(true);
    expect(answer.reply).toBe("answer");
    expect(answer.figure).toBe("10395人");
  });

  it("ask --json with TODAY from the environment says evidence, not found", () => {
    const { code, stdout } = runCli(["ask", "--json", "How many jobs did Changji add this year?"], { MODELS_DIR: "test/fixtures/models", EMBEDDING_MODEL: "tiny-zh", INDEX_DIR: config.indexDir, TODAY: "2027-02-01" });
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as ReturnType<typeof toJsonContract> & { found: boolean; reply: string; answer: string };
    expect(json).toMatchObject({ found: false, reply: "evidence" });
    expect(json.answer).toContain("10395");
  });

  it("a TODAY that is not a day stops at start-up with the setting named", () => {
    const { code, stderr } = runCli(["ask", "hello"], { INDEX_DIR: config.indexDir, TODAY: "next tuesday" });
    expect(code).toBe(1);
    expect(stderr).toContain("TODAY");
    expect(stderr).toContain("CONFIG_INVALID");
  });
});
