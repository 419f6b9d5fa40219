import { describe, expect, it } from "vitest";
import { parseArticles, type Article } from "../../src/ingest/index.js";
import { seedName, seedText } from "./fixtures.js";

/**
 * Expected articles per page, written from reading the pages (headline, then what must hold).
 * Headlines are compared exactly; `lead: true` marks an article the page prints no headline for.
 */
const parse = (prefix: string) => parseArticles(seedName(prefix), seedText(prefix));
const headlines = (articles: Article[]) => articles.map((a) => a.headline);
const bodyOf = (a: Article | undefined) => a?.paragraphs.join("\n") ?? "";
const find = (articles: Article[], fragment: string) => articles.find((a) => a.headline.includes(fragment));

describe("parseArticles: 000 (no masthead; headlines after their bodies)", () => {
  const articles = parse("000");

  it("finds the six stories a reader sees", () => {
    expect(articles).toHaveLength(6);
    expect(headlines(articles)).toEqual([
      "牢记嘱托守使命 砥砺奋进显担当",
      "天山天池国际滑雪场开板 雪季狂欢正式启航",
      "共同推进高质量共建“一带一路”行稳致远",
      expect.stringContaining("九条政策措施"),
      "饲料企业忙生产 牲畜“口粮”稳供应",
      "新能源汽车充电何时不再难",
    ]);
    expect(articles.map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 6].map((n) => expect.stringMatching(new RegExp(`^${seedName("000")}#${n}-[0-9a-f]{8}$`))));
  });

  it("gives the 工会 review its subtitle, byline and section headings", () => {
    const review = articles[0]!;
    expect(review.subheadline).toBe("昌吉州总工会2024年工作综述");
    expect(review.byline).toBe("本报通讯员 田栋 高翔");
    expect(review.paragraphs).toContain("聚焦产业工人队伍建设改革");
    expect(review.paragraphs[0]).toMatch(/^从加强思想政治引领到组织职工/);
  });

  it("splits stories printed back to back at the right paragraph", () => {
    const ski = find(articles, "天山天池")!;
    const beltRoad = find(articles, "一带一路")!;
    expect(ski.byline).toBe("记者许乐");
    expect(ski.paragraphs[ski.paragraphs.length - 1]).toMatch(/冰雪文化IP。$/);
    expect(beltRoad.paragraphs[0]).toMatch(/^习近平总书记2日在北京出席第四次“一带一路”建设工作座谈会/);
    expect(beltRoad.paragraphs[beltRoad.paragraphs.length - 1]).toBe("（新华社北京12月2日电）");
    expect(beltRoad.byline).toBe("新华社记者");

    const feed = find(articles, "饲料企业")!;
    const charging = find(articles, "充电")!;
    expect(feed.kicker).toBe("呼图壁县");
    expect(bodyOf(feed)).toMatch(/已储备饲草料82万吨。$/);
    expect(charging.paragraphs[0]).toMatch(/^最近，为了享受以旧换新优惠政策/);
    expect(charging.byline).toBe("杨新昌");
  });

  it("derives a short, flagged title for the 九条政策措施 story the page does not title", () => {
    const cattle = articles[3]!;
    expect(cattle).toMatchObject({ derived: true, headlineFromLead: true });
    // The first clause after the time-only 日前, its 《title》 whole, and the mark of a derived title.
    expect(cattle.headline).toBe("自治区出台《稳定肉牛肉羊及奶产业发展九条政策措施》…");
    expect(cattle.byline).toBe("通讯员吕振江");
    expect(articles.filter((a) => a.derived)).toHaveLength(1);
  });

  it("sends each end-of-page caption to the story it shows", () => {
    expect(find(articles, "天山天池")!.captions).toEqual(["12月1日，滑雪爱好者在天山天池国际滑雪场滑单板。□本报记者许乐摄"]);
    expect(articles[3]!.captions).toEqual(["图为昌吉市正飞牛业养殖有限责任公司标准化养殖奶牛车间。□吕振江摄"]);
  });

  it("states no paper or date: the page never prints them", () => {
    for (const a of articles) expect([a.paper, a.date, a.page]).toEqual([null, null, null]);
  });
});

describe("parseArticles: 001 (one feature page, doubled-glyph headings)", () => {
  const articles = parse("001");

  it("reads the page as one feature with sections, byline and photos", () => {
    expect(articles).toHaveLength(1);
    const [feature] = articles as [Article];
    // The section headings share one display face; the feature's own headline is set apart.
    expect(feature.headline).toBe("奋力开创新时代兵团工会工作新局面");
    expect([feature.kicker, feature.subheadline, feature.derived]).toEqual([null, null, undefined]);
    expect(feature.byline).toBe("本报记者 吴铎思");
    expect(feature.paragraphs).toEqual(
      expect.arrayContaining(["用心用情当好职工“娘家人”", "强化政治引领 筑牢信仰之基", "产业工人有力量 服务中心有质量", "培养技能人才 服务中心大局"]),
    );
    expect(feature.captions).toHaveLength(9);
    expect([feature.paper, feature.date]).toEqual([null, null]);
  });
});

describe("parseArticles: 002 (long lines, no markup)", () => {
  const articles = parse("002");

  it("finds the seven stories in page order", () => {
    expect(headlines(articles)).toEqual([
      "昌吉州举行2025年安全生产工作新闻发布会",
      "农民工工资支付离场结算确认制度",
      "昌吉州地方储备粮建储项目投用",
      "香飘海外",
      "让尊崇之光在昌吉大地更加闪耀",
      "兴业银行准东支行开业",
      "“声动庭州”宣讲团赴准东宣讲",
    ]);
  });

  it("reads kicker / headline / subheadline and bylines", () => {
    const safety = articles[0]!;
    expect(safety.kicker).toBe("落实安全责任 推动安全发展");
    expect(safety.subheadline).toBe("1-11月安全生产交出“双下降”答卷");
    expect(safety.byline).toBe("记者廖冬云");
    const veterans = articles[4]!;
    expect(veterans.kicker).toBe("高质量发展看昌吉");
    expect(veterans.subheadline).toBe("昌吉州退役军人服务保障工作纪实");
    expect(veterans.byline).toBe("本报通讯员 妥明");
    expect(veterans.paragraphs).toContain("服务更贴心：“融合建站”打通“最后一公里”");
    expect(articles[5]!.kicker).toBe("高质量发展看准东");
  });

  it("keeps photos with their stories", () => {
    expect(articles[2]!.captions).toEqual(["玉米通过传送带有序送入粮仓。□吾拉恩·巴合提努尔摄"]);
    expect(articles[3]!.captions).toEqual(["□梁宏涛摄"]);
  });
});

describe("parseArticles: 003 (front page with markdown headings)", () => {
  const articles = parse("003");

  it("finds the six stories with the masthead's paper, date and issue", () => {
    expect(headlines(articles)).toEqual([
      "深学笃行正确政绩观 真抓实干促就业惠民",
      "吉木萨尔县总医院 医共体建设经验成为全国样板",
      "煤“化”新材料 “黑金”变“绿金”",
      "普法宣传,得走心",
      "全民风采展示大赛 海选火热进行",
      "“学习时间 诵读经典·悦读有我”活动在昌吉举行",
    ]);
    for (const a of articles) expect([a.paper, a.date, a.page]).toEqual(["昌吉日报", "2026-04-22", "总第12482期"]);
  });

  it("reads the jobs story's kicker, subheadline, byline and #### sections", () => {
    const jobs = articles[0]!;
    expect(jobs.kicker).toBe("树立和践行正确政绩观");
    expect(jobs.subheadline).toBe("昌吉州以就业扩容提质筑牢民生之基");
    expect(jobs.byline).toContain("杨鹤");
    expect(jobs.paragraphs).toContain("搭建机制 释放红利 筑牢就业保障体系");
    expect(bodyOf(jobs)).toContain("今年以来,新增城镇就业10395人");
  });

  it("tells column labels from headlines", () => {
    expect(articles[2]!.kicker).toBe("高质量发展看准东 山能化工煤制烯烃项目稳步推进");
    expect(articles[3]!.kicker).toBe("今日评点");
    expect(articles[3]!.byline).toBe("王昱晔");
    expect(articles[5]!.kicker).toBe("“学习强国”新疆学习平台");
    expect(articles[4]!.captions).toEqual(["□本报记者何龙摄"]);
  });
});

describe("parseArticles: 004 (front page, ## headlines with plain kickers)", () => {
  const articles = parse("004");

  it("finds the six stories, including the untitled photo story", () => {
    expect(headlines(articles)).toEqual([
      "坚定不移走中国特色社会主义社会治理之路 推动新时代社会工作高质量发展",
      "让学习成为一种生活方式",
      "准东煤田火区治理持续推进",
      "点亮困难群众“微心愿”",
      "木垒县冬小麦长势喜人",
      "车辆正在灌装液体二氧化碳…",
    ]);
    for (const a of articles) expect([a.paper, a.date, a.page]).toEqual(["昌吉日报", "2024-11-07", "总第12124期"]);
  });

  it("splits a one-line wire heading into kicker, headline and subheadline", () => {
    // Before: the whole line was the headline (习近平…强调 坚定不移走… 推动… 蔡奇出席…并讲话).
    expect(articles[0]).toMatchObject({
      kicker: "奋进强国路 阔步新征程 习近平对社会工作作出重要指示强调",
      headline: "坚定不移走中国特色社会主义社会治理之路 推动新时代社会工作高质量发展",
      subheadline: "蔡奇出席中央社会工作会议并讲话",
    });
  });

  it("reads plain lines around ## headlines as kicker or subheadline", () => {
    expect(articles[1]!.subheadline).toBe("2024年昌吉州全民终身学习活动周启动");
    expect(articles[2]!.subheadline).toBe("一处治理完毕，三处正在施工");
    expect(articles[3]!.kicker).toBe("阜康市千名党员参与基层治理");
    expect(articles[4]!.kicker).toBe("高标准建设 高科技护航");
  });

  it("gives the CO2 photo story a short derived title (not its whole caption) and its credit", () => {
    const co2 = articles[5]!;
    expect(co2.derived).toBe(true);
    expect(bodyOf(co2)).toContain("二氧化碳捕集");
    expect(co2.captions).toEqual(["□本报记者何龙摄"]);
    expect(bodyOf(articles[4])).not.toContain("二氧化碳");
  });
});

describe("parseArticles: general rules on constructed pages", () => {
  const school =
    "某县今年新建三所学校，新学校配备了图书馆、实验室和体育馆，全县学生入学更加方便，家长们对新学校的教学条件十分满意。";
  const schoolMore = "据介绍，三所新学校共设置教学班九十个，可容纳学生四千余人，教师队伍也同步扩充，新学校将于秋季学期全面启用。";
  const wheat = "本报讯 记者乙报道：眼下，某镇高标准农田里的冬小麦陆续出苗，农技人员深入田间地头指导农户做好冬季田间管理工作。";
  const wheatMore = "该镇今年种植冬小麦三万亩，农技人员从整地、播种到田间管理全程跟踪服务，冬小麦长势良好，为来年丰收打下基础。";
  const museum = "近日，某市博物馆新馆正式开馆，展出文物两千余件，吸引了众多市民前来参观，博物馆还推出了讲解服务和研学活动。";

  it("gives a headline printed after its body to that body, not to the news item below it", () => {
    const page = [school, "", schoolMore, "", "某县三所新学校投用", "", "——新学校将于秋季学期全面启用", "", wheat, "", wheatMore].join("\n");
    const found = parseArticles("p.txt", page);
    expect(found.map((a) => [a.headline, a.paragraphs.length, Boolean(a.derived)])).toEqual([
      ["某县三所新学校投用", 2, false],
      ["某镇高标准农田里的冬小麦陆续出苗…", 2, true],
    ]);
  });

  it("splits a run of two stories between the headlines stranded at the end of the page", () => {
    const page = [wheat, "", wheatMore, "", museum, "", "某市博物馆新馆开馆迎客", "", "某镇冬小麦长势喜人"].join("\n");
    const found = parseArticles("p.txt", page);
    expect(found.map((a) => [a.headline, a.paragraphs[0]!.slice(0, 4)])).toEqual([
      ["某镇冬小麦长势喜人", "本报讯记"],
      ["某市博物馆新馆开馆迎客", "近日，某"],
    ]);
    expect(found[0]!.byline).toBe("记者乙");
  });

  it("starts a new article after a layout gap (two or more blank lines)", () => {
    const page = ["某县三所新学校投用", "", wheatMore, "", "", "", museum].join("\n");
    expect(parseArticles("p.txt", page).map((a) => a.paragraphs.length)).toEqual([1, 1]);
  });
});

describe("parseArticles: headlines, sections and bylines by their typography", () => {
  const para = (topic: string) =>
    `${topic}工作持续推进，全年共完成项目十二个，惠及群众三万余人，相关部门表示将继续加大投入力度，确保各项任务按期完成。`;

  it("reads a special section's headings (one display face) as sections of one article under its own headline", () => {
    const page = [
      "## 某某工会五年工作回眸", "", "本报记者 某某", "", para("职工帮扶"), "",
      "#### 帮扶职工 暖心暖情", "", para("送温暖"), "",
      "#### 技能竞赛 建功立业", "", para("劳动竞赛"),
    ].join("\n");
    const [only, ...rest] = parseArticles("p.txt", page);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ headline: "某某工会五年工作回眸", byline: "本报记者 某某" });
    expect(only!.paragraphs).toEqual(expect.arrayContaining(["帮扶职工 暖心暖情", "技能竞赛 建功立业"]));
  });

  it("takes the headline set apart from the section headings, when a section heading stands in its group", () => {
    // Doubled outline glyphs (display type) are the section face here; the plain line under one is the headline.
    const page = [para("开篇"), "", "帮扶职工 暖心暖情帮扶职工帮扶职工 暖心暖情暖心暖情", "", para("送温暖"), "", "技能竞赛 建功立业技能竞赛技能竞赛 建功立业建功立业", "某某工会五年工作新局面", "", para("劳动竞赛")].join("\n");
    const [only, ...rest] = parseArticles("p.txt", page);
    expect(rest).toEqual([]);
    expect(only!.headline).toBe("某某工会五年工作新局面");
    expect(only!.paragraphs).toEqual(expect.arrayContaining(["帮扶职工 暖心暖情", "技能竞赛 建功立业"]));
  });

  it("keeps separate stories with their own headlines as separate articles", () => {
    const page = ["## 某县新建三所学校", "", para("学校建设"), "", "## 某镇冬小麦长势喜人", "", para("冬小麦管护")].join("\n");
    expect(parseArticles("p.txt", page).map((a) => a.headline)).toEqual(["某县新建三所学校", "某镇冬小麦长势喜人"]);
  });

  it("never takes a byline marked as a heading for the headline", () => {
    const page = ["## 某县新建三所学校", "## 本报记者 某某 报道", "", para("学校建设")].join("\n");
    expect(parseArticles("p.txt", page)[0]).toMatchObject({ headline: "某县新建三所学校", byline: "本报记者 某某 报道" });
  });
});

describe("parseArticles: odd input", () => {
  it("returns no articles for an empty page", () => {
    expect(parseArticles("x.txt", "")).toEqual([]);
  });

  it("titles a page of bare text from its first clause", () => {
    const [only] = parseArticles("x.txt", "本报讯 记者张三报道：昨日，某县召开大会。会议很重要。");
    expect(only).toMatchObject({ id: expect.stringMatching(/^x\.txt#1-[0-9a-f]{8}$/), headline: "某县召开大会…", byline: "记者张三", derived: true });
  });

  it("names an article by its place and its content: the same story keeps its id, another story at that place gets another (issue #31)", () => {
    const page = (first: string) => `# ${first}\n\n本报讯 ${first}的正文第一段。\n\n# 第二条新闻\n\n本报讯 第二条新闻的正文。`;
    const [a1, a2] = parseArticles("p.txt", page("县里召开大会"));
    const [b1, b2] = parseArticles("p.txt", page("市场迎来新年"));
    expect(a1!.id).toMatch(/^p\.txt#1-/);
    expect(b1!.id).toMatch(/^p\.txt#1-/);
    expect(b1!.id).not.toBe(a1!.id);
    expect(b2!.id).toBe(a2!.id);
    expect(parseArticles("q.txt", page("县里召开大会"))[0]!.id).not.toBe(a1!.id.replace("p.txt", "q.txt"));
  });
});
