import { describe, expect, it } from "vitest";
import { cleanPage, type CleanPage } from "../../src/ingest/index.js";
import { SEED_PREFIXES, seedText } from "./fixtures.js";

const pages = Object.fromEntries(SEED_PREFIXES.map((p) => [p, cleanPage(seedText(p))])) as Record<
  (typeof SEED_PREFIXES)[number],
  CleanPage
>;
const texts = (page: CleanPage, kind: string) => page.blocks.filter((b) => b.kind === kind).map((b) => b.text);
const body = (page: CleanPage) => texts(page, "paragraph").join("\n");
const everything = (page: CleanPage) => page.blocks.map((b) => b.text).join("\n");

describe("cleanPage: rejoining column-broken text", () => {
  it("keeps 003's ASCII-comma sentence contiguous", () => {
    expect(body(pages["003"])).toContain("今年以来,新增城镇就业10395人,农村劳动力外出务工8710人。");
  });

  it("rejoins 000's 15-character column lines into whole sentences, numbers without spaces", () => {
    const text = body(pages["000"]);
    // "宣\n讲 1290 余场次，受众 8.2 万人次。" on the page: no spaces survive around numbers.
    expect(text).toContain("深入开展习近平新时代中国特色社会主义思想和党的二十大精神宣讲1290余场次，受众8.2万人次。");
    expect(text).toContain("数百名滑雪爱好者从天山天池国际滑雪场2号中级道俯冲而下");
    expect(text).toContain("天山天池国际滑雪场成为州域内首家开门营业的滑雪场，当日共接待1700余名滑雪爱好者。");
    expect(text).toContain("返还309家小微企业工会经费455.43万元。");
    expect(text).toContain("11月25日，新疆傲农生物科技有限公司的生产车间里机器轰鸣");
    expect(text).toContain("全年累计走访企业376家，为一线职工送去价值300多万元的慰问品，发放普法宣传品6000余份，慰问职工35186人次。");
  });

  it("rejoins 001, where every line is followed by a blank line", () => {
    const text = body(pages["001"]);
    expect(text).toContain("2018年“两节”期间，兵团工会共筹集送温暖资金2412万元");
    expect(text).toContain("同时筹集疫情防控资金290.7万元，用于受疫情影响的困难职工帮扶救助。");
    expect(text).toContain("兵团各级工会干部和广大职工群众共同战“疫”"); // was "各 级 工 会 干 部"
    // A short line ending in 。 ends the paragraph: the next one starts fresh.
    expect(texts(pages["001"], "paragraph").some((p) => p.startsWith("职工帮扶精准有效。"))).toBe(true);
  });

  it("rejoins 002/003 paragraphs that a blank line split mid-word", () => {
    expect(body(pages["002"])).toContain("在重要时段组织骨干力量和专家下沉");
    expect(body(pages["003"])).toContain("《谷雨》《夏日》等描写二十四节气的古诗");
    expect(body(pages["004"])).toContain("抓好党建引领基层治理和基层政权建设");
  });

  it("leaves no space between ideographs or digits in body text", () => {
    for (const page of Object.values(pages)) {
      for (const p of texts(page, "paragraph")) expect(p).not.toMatch(/[\p{Script=Han}0-9] +[\p{Script=Han}0-9]/u);
    }
  });

  it("normalises a synthetic column: split numbers, spaced dates, short last lines", () => {
    const page = cleanPage(
      [
        "今年全州新增城镇就业10 395",
        "人，比去年多 2 号线。12月 6日",
        "召开总结会。",
        "",
        "第二段从这里开始到这里为止",
        "的内容。",
      ].join("\n"),
    );
    expect(texts(page, "paragraph")).toEqual(["今年全州新增城镇就业10395人，比去年多2号线。12月6日召开总结会。", "第二段从这里开始到这里为止的内容。"]);
  });
});

describe("cleanPage: headings", () => {
  it("repairs 001's doubled-glyph headlines", () => {
    const headings = texts(pages["001"], "heading");
    expect(headings).toContain("用心用情当好职工“娘家人”");
    expect(headings).toContain("强化政治引领 筑牢信仰之基");
    expect(headings).toContain("产业工人有力量 服务中心有质量");
    expect(headings).toContain("培养技能人才 服务中心大局");
    for (const h of headings) {
      expect(h).not.toMatch(/(\p{Script=Han}{2,})\1/u);
      expect(h).not.toMatch(/““|””/);
    }
    expect(everything(pages["001"])).not.toContain("娘家人娘家人");
  });

  it("rejoins a headline wrapped over two column lines and keeps the space between its halves", () => {
    const headings = texts(pages["000"], "heading");
    expect(headings).toContain("强化思想政治引领 凝聚发展“工”力量");
    expect(headings).toContain("坚持依法治会 逐步完善维权机制");
    expect(headings).toContain("——昌吉州总工会2024年工作综述");
  });

  it("keeps markdown levels and separates bylines", () => {
    const page = pages["003"];
    const h = page.blocks.filter((b) => b.kind === "heading");
    expect(h.slice(0, 3).map((b) => [b.level, b.text])).toEqual([
      [2, "树立和践行正确政绩观"],
      [1, "深学笃行正确政绩观 真抓实干促就业惠民"],
      [3, "——昌吉州以就业扩容提质筑牢民生之基"],
    ]);
    expect(texts(page, "byline")).toEqual(["本报记者 杨鹤", "王昱晔"]);
  });

  it("reads the byline out of 本报讯 openings and keeps the opening in the text", () => {
    const leads = pages["000"].blocks.filter((b) => b.leadByline);
    expect(leads.map((b) => b.leadByline)).toEqual(["记者许乐", "通讯员吕振江", "通讯员吾拉恩·巴合提努尔"]);
    expect(leads[0]!.text.startsWith("本报讯")).toBe(true);
    expect(pages["002"].blocks.find((b) => b.leadByline)?.leadByline).toBe("记者廖冬云");
  });
});

describe("cleanPage: furniture and masthead", () => {
  it("reads paper, date and issue from the mastheads of 003 and 004", () => {
    expect(pages["003"].meta).toEqual({ paper: "昌吉日报", date: "2026-04-22", page: "总第12482期" });
    expect(pages["004"].meta).toEqual({ paper: "昌吉日报", date: "2024-11-07", page: "总第12124期" });
  });

  it("leaves paper and date null where the page has no masthead, despite dates in the text", () => {
    for (const p of ["000", "001", "002"] as const) expect(pages[p].meta).toEqual({ paper: null, date: null, page: null });
  });

  it("drops page furniture", () => {
    for (const page of Object.values(pages)) {
      const text = everything(page);
      for (const junk of ["CN 65", "http", "客户端", "今日8版", "今日4版", "星期三", "丙午年", "CHANGJI", "邮发代号", "阅 读 提 示", "阅读提示"]) {
        expect(text).not.toContain(junk);
      }
    }
    expect(pages["003"].dropped).toEqual(expect.arrayContaining(["丝路昌吉客户端", "今日8版", "星期三", "丙午年三月初六", "CHANGJI RIBAO"]));
    expect(pages["001"].dropped).toContain("阅 读 提 示");
  });

  it("keeps a story's sentence that mentions a site or a QR code, and drops the footer line", () => {
    const story = [
      "美国足球协会在官方网站ussoccer.com上公布了名单，球队将于下月集训，随后前往欧洲参加两场友谊赛。",
      "该框架基于微软.NET平台开发，支持多种编程语言，开发者可以扫码下载示例代码。",
    ];
    const page = cleanPage([...story, "", "中国昌吉网 www.cjxww.cn", "扫码关注"].join("\n"));
    expect(body(page)).toContain(story[0]);
    expect(body(page)).toContain(story[1]);
    expect(page.dropped).toEqual(["中国昌吉网 www.cjxww.cn", "扫码关注"]);
  });
});

describe("cleanPage: photo captions", () => {
  it("keeps captions out of body text", () => {
    for (const page of Object.values(pages)) {
      for (const p of texts(page, "paragraph")) expect(p).not.toMatch(/摄$/u);
    }
    expect(texts(pages["000"], "caption")).toEqual([
      "12月1日，滑雪爱好者在天山天池国际滑雪场滑单板。□本报记者许乐摄",
      "图为昌吉市正飞牛业养殖有限责任公司标准化养殖奶牛车间。□吕振江摄",
    ]);
    expect(texts(pages["002"], "caption")).toContain("玉米通过传送带有序送入粮仓。□吾拉恩·巴合提努尔摄");
    expect(body(pages["002"])).not.toContain("玉米通过传送带有序送入粮仓");
  });

  it("separates 001's caption block, arrows removed, from the text beside it", () => {
    const captions = texts(pages["001"], "caption");
    expect(captions).toHaveLength(9);
    expect(captions).toContain("7月7日，八师天业集团能源管理公司工会开展“夏送清凉”活动慰问一线员工。马小峰摄");
    expect(captions[0]).toMatch(/^5月15日，兵团总工会第五届委员会第六次全体会议/);
    expect(body(pages["001"])).not.toMatch(/刘安|↑|←/);
  });
});

describe("cleanPage: odd input", () => {
  it("returns nothing for an empty or blank page", () => {
    expect(cleanPage("").blocks).toEqual([]);
    expect(cleanPage(" \n\n \t\n").blocks).toEqual([]);
  });
});
