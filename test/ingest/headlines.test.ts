import { describe, expect, it } from "vitest";
import { headlineRoles, oneLineRoles } from "../../src/ingest/headlines.js";

/** The roles of a heading's lines — kicker (引题), headline (主题), subheadline (副题) — also when set on one line. */
describe("oneLineRoles: a heading set on one line", () => {
  it("takes a first part that leads into what was said as the kicker, and a last part reporting who took part as the subheadline", () => {
    expect(oneLineRoles("某领导对春耕工作作出指示强调 抓好春耕备耕 确保粮食丰收 某某出席会议并讲话")).toEqual({
      kicker: "某领导对春耕工作作出指示强调",
      headline: "抓好春耕备耕 确保粮食丰收",
      subheadline: "某某出席会议并讲话",
    });
    expect(oneLineRoles("某领导寄语青年： 在奋斗中书写青春")).toEqual({ kicker: "某领导寄语青年：", headline: "在奋斗中书写青春", subheadline: null });
  });

  it("reads a part opening with —— as the subheadline", () => {
    expect(oneLineRoles("某县图书馆全天开放 ——市民夜读有了好去处")).toEqual({ kicker: null, headline: "某县图书馆全天开放", subheadline: "市民夜读有了好去处" });
  });

  it("keeps two halves of one headline whole", () => {
    for (const line of ["饲料企业忙生产 牲畜口粮稳供应", "深学笃行正确政绩观 真抓实干促就业惠民", "某县出席率创新高 会议开得实"]) {
      expect(oneLineRoles(line)).toEqual({ kicker: null, headline: line, subheadline: null });
    }
  });
});

describe("headlineRoles", () => {
  it("splits the headline line of a stack when it holds kicker and subheadline too, beside the stack's own kicker", () => {
    const group = { lines: [{ text: "栏目名称" }, { text: "某领导对春耕工作作出指示强调 抓好春耕备耕 某某出席会议并讲话", level: 2 }], byline: null, at: 0 };
    expect(headlineRoles(group)).toEqual({ kicker: "栏目名称 某领导对春耕工作作出指示强调", headline: "抓好春耕备耕", subheadline: "某某出席会议并讲话" });
  });
});
