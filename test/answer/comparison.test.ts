import { beforeAll, describe, expect, it } from "vitest";
import { readComparison } from "../../src/answer/comparison.js";
import type { QaService } from "../../src/core/types.js";
import { openFixtureService } from "../helpers/fixture-index.js";

describe("readComparison", () => {
  it("reads the two sides and which way a Chinese comparison asks", () => {
    expect(readComparison("甲和乙，哪个人数更多？")).toMatchObject({ sides: ["甲", "乙"], larger: true });
    expect(readComparison("甲与乙相比，哪一个比较少？")).toMatchObject({ sides: ["甲", "乙"], larger: false });
    expect(readComparison("甲多还是乙多？")).toMatchObject({ sides: ["甲", "乙"], larger: true });
    // A bare comparative after what is measured: 哪个人数多, 哪个剥离的土方多.
    expect(readComparison("甲火区和乙火区，哪个剥离的土方多？")).toMatchObject({ sides: ["甲火区", "乙火区"], asks: ["甲火区剥离的土方是多少？", "乙火区剥离的土方是多少？"], larger: true });
  });

  it("asks each side with what the question says of both", () => {
    expect(readComparison("单板和双板，滑雪场备有哪种更多？")?.asks).toEqual(["滑雪场备有单板是多少？", "滑雪场备有双板是多少？"]);
  });

  it("reads English comparisons", () => {
    expect(readComparison("Which was larger, A or B?")).toMatchObject({ sides: ["A", "B"], larger: true });
    expect(readComparison("Which county had fewer cattle, Hutubi or Qitai?")).toMatchObject({ sides: ["Hutubi", "Qitai"], asks: ["How many cattle Hutubi?", "How many cattle Qitai?"], larger: false });
    expect(readComparison("Were there more skiers or snowboarders?")).toMatchObject({ sides: ["skiers", "snowboarders"], larger: true });
    // A yes/no question whose comparative splits two sides; what it says of both goes with each.
    expect(readComparison("In 2025, were more major hazards fixed or more road hazards?")).toMatchObject({
      sides: ["major hazards fixed", "road hazards"],
      asks: ["How many in 2025 major hazards fixed?", "How many in 2025 road hazards?"],
      larger: true,
    });
    expect(readComparison("Did the unions get fewer funds from the province or from the centre?")).toMatchObject({ sides: ["the province", "the centre"], larger: false });
  });

  it("leaves questions that only end like a comparative alone", () => {
    expect(readComparison("张三和李四谁是董事长？")).toBeNull();
    expect(readComparison("今年新增城镇就业多少人？")).toBeNull();
    expect(readComparison("Which bureau hosted the learning week?")).toBeNull();
    expect(readComparison("Did Changji add more jobs this year?")).toBeNull();
  });
});

/** Through the real pipeline (seeds, index, fixture model): questions written for this test from the seed pages. */
describe("comparisons (real seeds, index, fixture model)", () => {
  let qa: QaService;
  const today = new Date("2026-05-01T12:00:00Z");
  beforeAll(async () => {
    qa = await openFixtureService();
  });

  it("leads with the side whose figure wins, quoting both figures", async () => {
    const more = await qa.answer("新增城镇就业和农村劳动力外出务工，哪个人数更多？", { today });
    expect(more.reply).toBe("answer");
    expect(more.figure).toContain("10395人");
    expect(more.figure).toContain("新增城镇就业");
    expect(more.answer).toContain("8710人");
    const fewer = await qa.answer("新增城镇就业和农村劳动力外出务工，哪个人数更少？", { today });
    expect(fewer.figure).toContain("8710人");
  });

  it("compares in English too", async () => {
    const answer = await qa.answer("Which was larger, new urban jobs or rural workers going out for work?", { today });
    expect(answer.reply).toBe("answer");
    expect(answer.figure).toContain("10395人");
  });

  it("gives evidence, never one side's value, when a side is not reported", async () => {
    // The page lists the ski resort's boards; it never counts snowmobiles.
    const answer = await qa.answer("单板和雪地摩托，滑雪场备有哪种更多？", { today });
    expect(answer.reply).toBe("evidence");
    expect(answer.figure).toBeNull();
    expect(answer.citations[0]!.quote).toContain("单板");
  });
});
