import { describe, expect, it } from "vitest";
import { askedDates, fitsDate, monthInForce, namesDate, yearsInForce } from "../../src/answer/dates.js";

const TODAY = new Date("2025-03-01T12:00:00Z");

describe("askedDates: the dates a question names", () => {
  it.each([
    ["截至2024年11月，阜康市已报到党员多少名？", { year: 2024, month: 11, relative: false }],
    ["As of April 2026, how many new urban jobs?", { year: 2026, month: 4, relative: false }],
    ["去年11月昌吉州全民终身学习活动周什么时候开幕？", { year: 2024, month: 11, relative: true }],
    ["As of last November, how many party members?", { year: 2024, month: 11, relative: true }],
    ["昌吉州去年新增城镇就业多少人？", { year: 2024, relative: true }],
    ["How many jobs did Changji add this year?", { year: 2025, relative: true }],
    ["How many hazards were fixed in 2024?", { year: 2024, relative: false }],
  ])("%s", (question, expected) => {
    expect(askedDates(question, TODAY)).toEqual([expect.objectContaining(expected)]);
  });

  it("finds nothing in a question without dates", () => {
    expect(askedDates("天山天池国际滑雪场共有几条雪道？", TODAY)).toEqual([]);
  });

  it("reads 'last November' in November as the year before", () => {
    expect(askedDates("last November", new Date("2025-11-20T00:00:00Z"))[0]).toMatchObject({ year: 2024, month: 11 });
  });
});

describe("fitsDate: whether an article can answer for a date", () => {
  const year2024 = { year: 2024, relative: false, text: "2024" };
  it("accepts an article of that year (and month)", () => {
    expect(fitsDate(year2024, "2024-11-07", "")).toBe(true);
    expect(fitsDate({ year: 2024, month: 11, relative: false, text: "" }, "2024-11-07", "")).toBe(true);
    expect(fitsDate({ year: 2024, month: 10, relative: false, text: "" }, "2024-11-07", "")).toBe(false);
  });
  it("rejects an article of another year unless it reports on that year", () => {
    expect(fitsDate({ year: 2023, relative: false, text: "2023" }, "2026-04-22", "今年以来")).toBe(false);
    expect(fitsDate({ year: 2025, relative: false, text: "2025" }, "2026-04-22", "发放2025年部分社保补贴")).toBe(true);
  });
  it("checks an undated page by its text, for a relative date too: it never matches a date it does not name", () => {
    expect(fitsDate(year2024, null, "昌吉州总工会2024年工作综述")).toBe(true);
    expect(fitsDate(year2024, null, "2025年安全生产")).toBe(false);
    expect(fitsDate({ year: 2026, relative: true, text: "今年" }, null, "今年以来，新增城镇就业")).toBe(false);
    expect(fitsDate({ year: 2026, relative: true, text: "今年" }, null, "2026年一季度，今年以来")).toBe(true);
  });
  it("needs an undated page to name the month too when a month is asked", () => {
    const november2025 = { year: 2025, month: 11, relative: false, text: "2025年11月" };
    expect(fitsDate(november2025, null, "2025年1—11月，全州安全形势持续向好")).toBe(true);
    expect(fitsDate(november2025, null, "2025年11月5日")).toBe(true);
    // The year and 1—11月 far apart are two statements, not November 2025; 21月 is not 1月.
    expect(fitsDate(november2025, null, "昌吉州2025年安全生产工作新闻发布会上获悉：今年1—11月")).toBe(false);
    expect(fitsDate({ year: 2025, month: 1, relative: false, text: "" }, null, "2025年21月")).toBe(false);
  });
});

describe("namesDate: whether a sentence names the period asked", () => {
  it("finds the year, and the month after it", () => {
    expect(namesDate("发放2025年部分社保补贴", { year: 2025, relative: false, text: "" })).toBe(true);
    expect(namesDate("发放2025年部分社保补贴", { year: 2025, month: 11, relative: false, text: "" })).toBe(false);
    expect(namesDate("2024年11月5日上午", { year: 2024, month: 11, relative: true, text: "" })).toBe(true);
  });
});

describe("yearsInForce: the years each sentence of a page speaks of", () => {
  it("carries a year named in the heading or a sentence on until another is named", () => {
    const sentences = ["新建工会组织631家。", "2018年“两节”期间，筹集资金2412万元。", "走访困难家庭19542户。"].map((text) => ({ text }));
    expect(yearsInForce("昌吉州总工会2024年工作综述", sentences)).toEqual([[2024], [2018], [2018]]);
  });
  it("gives a span of years (近年来, 五年来) no one year, and nothing before any year is named", () => {
    const sentences = ["12月1日，滑雪场开板。", "2024—2025冰雪季，滑雪场首家开门营业。", "近年来，救助总金额195万元。"].map((text) => ({ text }));
    expect(yearsInForce("滑雪场开板", sentences)).toEqual([null, [2024, 2025], []]);
  });
});

describe("monthInForce: a month asked, on an undated page", () => {
  const sentences = ["12月1日，滑雪场开板。", "2024—2025冰雪季，当日共接待1700余名滑雪爱好者。", "近年来，救助总金额195万元。", "2月以来，接待游客3万人次。"].map((text) => ({ text }));
  const inForce = yearsInForce("滑雪场开板", sentences);
  it("holds where the sentence or one beside it names the month as a date and the year is in force there", () => {
    expect(monthInForce(sentences, inForce, 1, { year: 2024, month: 12, relative: false, text: "" })).toBe(true);
  });
  it("does not hold for another year, another month, a span of years or a month not written as a date", () => {
    expect(monthInForce(sentences, inForce, 1, { year: 2023, month: 12, relative: false, text: "" })).toBe(false);
    expect(monthInForce(sentences, inForce, 1, { year: 2024, month: 11, relative: false, text: "" })).toBe(false);
    expect(monthInForce(sentences, inForce, 2, { year: 2024, month: 12, relative: false, text: "" })).toBe(false);
    expect(monthInForce(sentences, inForce, 0, { year: 2024, month: 12, relative: false, text: "" })).toBe(false);
  });
});

describe("seasons: a winter season spans two years", () => {
  it("reads 'this season' against today", () => {
    expect(askedDates("opening day this season?", new Date("2025-12-05T00:00:00Z"))[0]).toMatchObject({ year: 2025, season: true });
    expect(askedDates("本雪季开板当日接待多少人？", new Date("2026-02-01T00:00:00Z"))[0]).toMatchObject({ year: 2025, season: true });
  });
  it("fits a page that names that season, not one that names another", () => {
    const season2024 = { year: 2024, relative: true, season: true, text: "this season" };
    const season2025 = { ...season2024, year: 2025 };
    const page = "2024—2025冰雪季，天山天池国际滑雪场成为州域内首家开门营业的滑雪场";
    expect(fitsDate(season2024, null, page)).toBe(true);
    expect(fitsDate(season2025, null, page)).toBe(false);
    expect(fitsDate(season2025, "2026-01-10", "")).toBe(true);
    expect(fitsDate(season2025, "2025-05-10", "")).toBe(false);
  });
});
