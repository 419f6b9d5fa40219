import { beforeAll, describe, expect, it } from "vitest";
import { balancedQuote, composeFound } from "../../src/answer/compose.js";
import { findFigures } from "../../src/answer/figures.js";
import type { Citation } from "../../src/answer/types.js";
import type { QaService } from "../../src/core/types.js";
import { openFixtureService } from "../helpers/fixture-index.js";

/** Reply wording (issue #28): how a value's date goes with it, and quotes with balanced marks. */
const citation = (quote: string, date: string | null = "2024-11-07"): Citation => ({
  source: "004.txt", paper: "昌吉日报", date, headline: "碳捕集项目投产", quote, score: 1, articleId: "004.txt#1", passage: quote,
});
const first = (text: string) => findFigures(text)[0]!;

describe("composeFound", () => {
  it("says 'as of' the article's date only for a running total (今年以来, 累计, 截至目前)", () => {
    const total = citation("今年以来，新增城镇就业10395人。");
    expect(composeFound("zh", total, first(total.quote))).toMatch(/^10395人（截至2024-11-07）。/);
    expect(composeFound("en", total, first(total.quote))).toMatch(/^10,395 people \(10395人\) as of 2024-11-07, according to/);
  });

  it("says 'reported' with the date for any other fact: a project's investment is no running total", () => {
    const fact = citation("项目总投资1.26亿元，年产氢气2000吨。");
    expect(composeFound("zh", fact, first(fact.quote))).toMatch(/^1\.26亿元（2024-11-07报道）。据《昌吉日报》/);
    expect(composeFound("en", fact, first(fact.quote))).toMatch(/^126,000,000 yuan \(1\.26亿元\) \(reported 2024-11-07\), according to/);
    expect(composeFound("zh", fact, first(fact.quote))).not.toContain("截至");
  });

  it("puts no date after a date answer", () => {
    const event = citation("4月20日，活动在昌吉市启动。");
    const day = first(event.quote);
    expect(day.kind).toBe("date");
    expect(composeFound("zh", event, day)).toMatch(/^4月20日。据《昌吉日报》《碳捕集项目投产》报道/);
    expect(composeFound("en", event, day)).toMatch(/^4月20日, according to 昌吉日报/);
  });

  it("quotes with balanced quotation marks", () => {
    expect(balancedQuote("““我是滑雪场的季卡用户。")).toBe("“我是滑雪场的季卡用户。”");
    expect(balancedQuote("他说：“好。”")).toBe("他说：“好。”");
    expect(balancedQuote("好。”他说")).toBe("好。他说");
    expect(composeFound("zh", citation("““我是滑雪场的季卡用户。"), null)).toBe("据《昌吉日报》《碳捕集项目投产》（2024-11-07）报道：““我是滑雪场的季卡用户。””");
  });
});

describe("reply wording through the real pipeline (seeds, index, fixture model)", () => {
  let qa: QaService;
  beforeAll(async () => {
    qa = await openFixtureService();
  });

  it("a running total is as of its date; a who-answer leads with the name alone", async () => {
    const today = new Date("2026-05-01T12:00:00Z");
    const jobs = await qa.answer("昌吉州今年新增城镇就业多少人？", { today });
    expect(jobs.answer).toMatch(/^10395人（截至2026-04-22）/);
    const chair = await qa.answer("天山天池国际滑雪场的董事长是谁？", { today });
    expect(chair.figure).toBe("曹加林");
    expect(chair.answer).toMatch(/^曹加林[。（]/);
  });
});

