import { beforeAll, describe, expect, it } from "vitest";
import { analyseQuestion } from "../../src/answer/analysis.js";
import { bindingStrength, isBound } from "../../src/answer/binding.js";
import { nounAfter } from "../../src/answer/clauses.js";
import { joinedWithOther, questionQualifiers } from "../../src/answer/qualifiers.js";
import { findFigures, findNames, findPlaces } from "../../src/answer/figures.js";
import type { QaService } from "../../src/core/types.js";
import { loadQuestions } from "../../src/eval/evaluate.js";
import type { QueryTranslator } from "../../src/retrieve/english.js";
import { jiebaSegmenter } from "../../src/retrieve/tokenize.js";
import { openFixtureService, ROOT } from "../helpers/fixture-index.js";

/**
 * A reply leads with a value only when the value is bound, inside its clause, to what the question
 * asks. Sentences here are written for the tests; the analysis is the real one (jieba), with flat
 * corpus statistics and no English bridge.
 */
const translator = { translate: () => ({ terms: [], weights: [], englishTokens: [], unreadTokens: [], phrases: [] }) } as unknown as QueryTranslator;
const deps = { segmenter: jiebaSegmenter(), translator, stats: { documentFrequency: () => 1, size: 100 } };
const today = new Date("2026-04-30T12:00:00Z");

/** Each figure of the sentence with whether it may lead the reply to the question. */
function leads(question: string, sentence: string): Record<string, boolean> {
  const analysis = analyseQuestion(question, deps, { today });
  return Object.fromEntries(findFigures(sentence).map((f) => [f.text, isBound(analysis, sentence, f)]));
}

describe("binding a value to the question", () => {
  it("binds a count to the noun it counts, not to another count of the same sentence", () => {
    expect(leads("社区今年完成了多少件心愿？", "活动中，共有820名志愿者参与，完成心愿93件。")).toEqual({ "820名": false, "93件": true });
  });

  it("never binds a value whose unit counts another kind of thing than the noun asked", () => {
    // 三次 counts times, 300人 people: neither is a number of students or of cattle.
    expect(leads("白杨中学有多少学生？", "学校的学生曾三次获得一等奖。")).toEqual({ 三次: false });
    expect(leads("合作社养了多少头牛？", "合作社带动300人就业，养牛1200头。")).toEqual({ "300人": false, "1200头": true });
    expect(leads("有多少学生参加？", "共有学生1800名参加。")).toEqual({ "1800名": true });
    // A thing with its own measure is counted in it: the general 个 beside 户 counts something else.
    expect(leads("带动了多少户家庭增收？", "为家庭实施示范项目471个，带动21887户家庭增收。")).toEqual({ "471个": false, "21887户": true });
    // A count written before its noun counts that noun: 164家企业 is no number of posts.
    expect(leads("募集了多少个岗位？", "募集164家企业优质岗位3388个。")).toEqual({ "164家": false, "3388个": true });
    expect(leads("有多少家企业参加？", "共有164家企业参加。")).toEqual({ "164家": true });
    // The head of the phrase asked is what is measured: 多少工会*经费* asks money, not the firms paid.
    // A value given for a list of places is not one listed place's.
    const listed = "先后赴喀什、和田、巴州、伊犁等地开展劳务对接，募集岗位3388个。";
    expect(leads("到喀什募集了多少个岗位？", listed)).toEqual({ "3388个": false });
    expect(leads("到喀什、和田、巴州、伊犁募集了多少个岗位？", listed)).toEqual({ "3388个": true });
    // Money of another kind is about something else: an investment is no revenue, recovered wages no sales.
    expect(leads("果蔬销售收入多少？", "帮助农民工追讨欠薪492.95万元。")).toEqual({ "492.95万元": false });
    expect(leads("项目每年能带来多少收入？", "该项目总投资1.26亿元，年销售收入3亿元。")).toEqual({ "1.26亿元": false, "3亿元": true });
    // A number the question states is what it asks about, never its answer.
    expect(leads("这234场竞赛中货车司机专场有多少场？", "举办竞赛234场，其中货车司机专场12场。")).toMatchObject({ "234场": false });
    // …nor a place it names: 另一个位于何处 asks the other one.
    const places = (question: string, sentence: string) => {
      const analysis = analyseQuestion(question, deps, { today });
      return Object.fromEntries(findPlaces(sentence).map((f) => [f.text, isBound(analysis, sentence, f)]));
    };
    expect(places("一个灵位位于香港大屿山，另一个位于何处？", "两个灵位，一个位于香港大屿山，另一个位于九龙塘。")).toEqual({ 香港大屿山: false, 九龙塘: true });
    // Pairs and sets are no number of runs; a value in the very measure asked is bound whatever its noun's class.
    // (The sentence spells the question's words: this analysis has no English bridge.)
    expect(leads("How many ski runs are there?", "ski runs：单板2100副。")).toEqual({ "2100副": false });
    expect(leads("引进了多少套卡车防碰撞预警系统？", "引进卡车防碰撞预警系统400套。")).toEqual({ "400套": true });
    // An English noun the dictionary cannot read (none here: this analysis has no bridge) is no
    // person nor pair: a value in such a class's own counter counts those; a general counter may answer.
    const resort = "snowmobiles：游客1700余名，单板2100副，雪地摩托30个。";
    expect(leads("How many snowmobiles does the resort have?", resort)).toEqual({ "1700余名": false, "2100副": false, "30个": true });
    expect(leads("How many visitors came?", "visitors：游客1700余名。")).toEqual({ "1700余名": true });
    // Items of a list (项) are no firms nor runs; events and projects are counted in them, beside a general 个 too.
    expect(leads("How many businesses set up reward schemes?", "businesses：排查隐患2165项，推动2944家单位建立奖励机制。")).toEqual({ "2165项": false, "2944家": true });
    expect(leads("How many events are lined up?", "events：推出冰雪活动10项，雪道7条。")).toMatchObject({ "10项": true });
    expect(leads("“五小创新”项目有多少个？", "实施项目2.6万项，其中“五小创新”项目25677个。")).toMatchObject({ "25677个": true });
    // Teams are counted in 支: the general 个 beside them counts something else (13个师市).
    expect(leads("How many teams competed?", "teams：来自13个师市14支队伍参加。")).toEqual({ "13个": false, "14支": true });
    // A value another verb governs answers another question: 接收 is not 办理…
    const tickets = "截至目前，共接收热线工单226单，已办理113单，案件金额42万元。";
    expect(leads("热线工单已经办理了多少单？", tickets)).toMatchObject({ "226单": false, "113单": true });
    expect(leads("热线工单共接收了多少单？", tickets)).toMatchObject({ "226单": true, "113单": false });
    // …but after a count before its noun the same verb goes on (返还309家企业经费455万元).
    expect(leads("返还了多少工会经费？", "返还309家小微企业工会经费455万元。")).toMatchObject({ "455万元": true });
    // Where one value is written right before the noun asked, one before another noun counts that one.
    expect(leads("我国已与多少个国家签署了合作文件？", "我国已与150多个国家、30多个国际组织签署了合作文件。")).toEqual({ "150多个": true, "30多个": false });
    // A list item's value counts that item: only the item naming the question's word answers it…
    const visited = "走访慰问困难家庭1954户、困难职工1838户、困难劳模241人和一线职工3517人。";
    expect(leads("走访慰问了多少名劳模？", visited)).toEqual({ "1954户": false, "1838户": false, "241人": true, "3517人": false });
    // …where each value closes its item: a count before its noun (向129名…毕业生) is no list's.
    expect(leads("向多少名大学毕业生发放了补贴？", "向129名2025年大学毕业生发放个人社保补贴共计49.69万元。")).toMatchObject({ "129名": true });
    // A total whose parts follow is no answer to a part the question names.
    const total = "实施“五小创新”“劳模引领创新”“关键核心技术”项目2.6万项，其中“五小创新”项目25677个，“劳模引领创新”项目262个、“关键核心技术”项目75个。";
    // …nor the other parts: only the part the question's words name.
    expect(leads("“关键核心技术”项目有几个？", total)).toEqual({ "2.6万项": false, "25677个": false, "262个": false, "75个": true });
    // A quoted name is one word, however jieba cuts it (五/小/创新).
    expect(leads("“五小创新”项目有多少个？", total)).toEqual({ "2.6万项": false, "25677个": true, "262个": false, "75个": false });
    expect(leads("一共实施了多少项目？", total)).toMatchObject({ "2.6万项": true });
    expect(leads("给小微企业返还了多少工会经费？", "返还309家小微企业工会经费455.43万元。")).toEqual({ "309家": false, "455.43万元": true });
  });


  it("reads the noun a count is written before as the one its measure counts, or the phrase's head", () => {
    const counted = (sentence: string) => findFigures(sentence).map((f) => nounAfter(sentence, f));
    expect(counted("总医院两项精细化管理成果均获表彰。")).toEqual(["成果"]);
    expect(counted("募集164家企业优质岗位。")).toEqual(["企业"]);
    // 164家企业优质岗位3388个: 家 counts the firms, and the posts are counted by 3388个.
    expect(leads("募集了多少个岗位？", "开发、募集164家企业优质岗位3388个。")).toEqual({ "164家": false, "3388个": true });
  });

  it("never binds a number that is part of a title or a quoted name, but does one in a speaker's quoted words", () => {
    expect(leads("强化管理的聚焦有几个？", "俞国兵作《吉木萨尔县：“四个聚焦”强化管理》主题经验分享。")).toEqual({ "四个": false });
    expect(leads("投产后每年销售收入预计多少？", "“一期投资接近200亿元，投产后每年销售收入预计超过70亿元。”")["70亿元"]).toBe(true);
  });
  it("binds a value to a qualifier the question names only where the qualifier stands beside it", () => {
    expect(leads("第二批项目有多少个？", "第一批项目共有12个，第二批项目共有7个。")).toEqual({ "12个": false, "7个": true });
    expect(leads("重大隐患有多少项？", "共排查隐患300项，其中重大隐患12项。")).toEqual({ "300项": false, "12项": true });
    // Asked for the second batch, a sentence about the first has no value to give.
    expect(leads("第二批项目有多少个？", "第一批项目共有12个。")).toEqual({ "12个": false });
    // A level (村级, 全国) or a prize's rank picks a part: the total of all levels is no answer.
    expect(leads("村级服务站有多少个？", "全州建成服务中心（站）504个，其中村级服务站410个。")).toEqual({ "504个": false, "410个": true });
    expect(leads("村级服务站有多少个？", "全州建成服务中心（站）504个。")).toEqual({ "504个": false });
    // In a list, the words since the previous value are the item's own: another level there is no answer.
    expect(leads("兵团级劳动模范有多少名？", "兵团共涌现出全国劳动模范5名、自治区和兵团级劳动模范144名。")).toEqual({ "5名": false, "144名": true });
    // A division of the Corps is named once for the sentence's figures, but another division's figure is not its.
    expect(leads("第四师工会帮助销售了多少吨果蔬？", "兵团第二师各级工会帮助团场销售果蔬160余吨，第四师工会帮助销售果蔬61.6吨。")).toEqual({ "160余吨": false, "61.6吨": true });
    expect(leads("第十三师的职工子女申请到多少助学资金？", "兵团第十三师柳树泉农场职工子女激动地说，她还申请到了助学资金4928元。")).toEqual({ "4928元": true });
    // A total asked is not answered by what was added, nor what was added by a total.
    expect(leads("全州工会会员总数是多少？", "新建工会组织631家，发展会员9912人。")["9912人"]).toBe(false);
    expect(leads("全州工会会员总数是多少？", "截至年底，全州共有会员15万人。")["15万人"]).toBe(true);
    expect(leads("今年新增会员多少人？", "截至年底，全州共有会员15万人，新发展会员9912人。")).toEqual({ "15万人": false, "9912人": true });
    // …nor a whole season's by one day of it.
    expect(leads("滑雪场整个雪季接待了多少滑雪爱好者？", "滑雪场开门营业，当日共接待1700余名滑雪爱好者。")["1700余名"]).toBe(false);
    expect(leads("滑雪场开板当日接待了多少滑雪爱好者？", "滑雪场开门营业，当日共接待1700余名滑雪爱好者。")["1700余名"]).toBe(true);
    // …nor what is planned by what is done so far, nor the reverse.
    expect(leads("装置区一共要打多少根桩基？", "目前，装置区的桩基已经打下15根。")["15根"]).toBe(false);
    expect(leads("装置区已经打了多少根桩基？", "目前，装置区的桩基已经打下15根。")["15根"]).toBe(true);
    expect(leads("项目计划投资多少？", "项目计划投资40亿元，目前已完成投资12亿元。")).toEqual({ "40亿元": true, "12亿元": false });
    // A level joined to another of its kind counts both: no value under it answers for one level.
    expect(leads("全国五一劳动奖章获得者有多少名？", "全国和自治区、兵团级五一劳动奖状获得单位89个、五一劳动奖章获得者172名。")).toEqual({ "89个": false, "172名": false });
    expect(leads("全国和兵团级五一劳动奖章获得者一共有多少名？", "全国和兵团级五一劳动奖章获得者172名。")).toEqual({ "172名": true });
    expect(questionQualifiers("How many received May Day medals at national, regional or Bingtuan level?", "en")).toEqual([["全国", "国家级"]]);
    expect(joinedWithOther(["全国", "国家级"], "全国和自治区、兵团级五一劳动奖章获得者172名", "How many received May Day medals at national, regional or Bingtuan level?")).toBe(false);
    expect(joinedWithOther(["全国", "国家级"], "全国和自治区、兵团级五一劳动奖章获得者172名", "How many national-level May Day medals were won?")).toBe(true);
    // One thing asked alone is not answered by a value counting it together with others.
    expect(leads("昌吉市单独申请的饲草料补贴资金有多少？", "能繁母羊以及饲草料补贴资金58.9万元。")["58.9万元"]).toBe(false);
    expect(leads("昌吉市申请的饲草料补贴资金有多少？", "能繁母羊以及饲草料补贴资金58.9万元。")["58.9万元"]).toBe(true);
    expect(leads("呼图壁县光是牛的存栏数有多少？", "呼图壁县牛羊存栏数44.91万头（只）。")["44.91万头"]).toBe(false);
    // …and a count written before its noun has its item after it.
    expect(leads("兵团级创新工作室命名了多少家？", "命名1家全国示范性创新工作室、32家自治区和兵团级创新工作室。")).toEqual({ "1家": false, "32家": true });
    // A contest's stage: an audition's day is not the final's.
    expect(leads("大赛决赛是哪天举行的？", "大赛阜康分赛区海选于4月16日在博峰街道举行。")).toEqual({ "4月16日": false });
    expect(leads("大赛决赛是哪天举行的？", "大赛决赛于6月20日举行，海选于4月16日举行。")).toEqual({ "6月20日": true, "4月16日": false });
    // A sex is spelled out beside its count: the 女 of 子女 (children) is none.
    expect(leads("救助了多少女职工？", "救助困难职工子女370人，女职工52人。")).toEqual({ "370人": false, "52人": true });
  });

  it("reads qualifiers in English and as Chinese numerals and digits alike", () => {
    expect(questionQualifiers("How many projects were in the second batch?", "en")).toEqual([["第二批", "第2批"]]);
    // The first of a series is 首批 / 首届 as often as 第一批.
    expect(questionQualifiers("How much corn was stored in the first batch?", "en")).toEqual([["第一批", "第1批", "首批"]]);
    expect(questionQualifiers("首届大赛在哪里举行？", "zh")).toEqual([["第一届", "第1届", "首届"]]);
    expect(questionQualifiers("How many major hazards were found?", "en")).toEqual([["重大"]]);
    expect(questionQualifiers("How long are the advanced runs?", "en")).toEqual([["高级"]]);
    expect(questionQualifiers("How many national-level model workers are there?", "en")).toEqual([["全国", "国家级"]]);
    expect(questionQualifiers("How many village-level stations are there?", "en")).toEqual([["村级"]]);
    // "-level" says it is a level even before a capitalised name.
    expect(questionQualifiers("How many national-level Worker Pioneer collectives are there?", "en")).toEqual([["全国", "国家级"]]);
    expect(questionQualifiers("How many first prizes were awarded?", "en")).toEqual([["一等奖"]]);
    expect(questionQualifiers("How many mines meet Level 1 standards?", "en")).toEqual([["一级"]]);
    expect(questionQualifiers("有多少座二级标准化煤矿？", "zh")).toEqual([["二级"]]);
    expect(questionQualifiers("How many tonnes did the 4th Division's union help sell?", "en")).toEqual([["第四师", "第4师"]]);
    expect(questionQualifiers("第十三师有多少个团场？", "zh")).toEqual([["第十三师", "第13师"]]);
    // A capitalised National begins an institution's name, not a level.
    expect(questionQualifiers("Who heads the National Development and Reform Commission?", "en")).toEqual([]);
    expect(questionQualifiers("第2期工程投资多少？", "zh")).toEqual([["第二期", "第2期", "二期", "2期"]]);
    expect(questionQualifiers("昌吉州今年新增城镇就业多少人？", "zh")).toEqual([]);
    // "Final" the stage, not the adjective.
    expect(questionQualifiers("When is the final of the talent show?", "en")).toEqual([["决赛"]]);
    expect(questionQualifiers("How many teams reached the final round?", "en")).toEqual([["决赛"]]);
    expect(questionQualifiers("Where were the auditions held?", "en")).toEqual([["海选"]]);
    expect(questionQualifiers("What was the final cost of the project?", "en")).toEqual([]);
  });

  it("binds a name to the role of the organisation asked, not to the same role of another", () => {
    const names = (question: string, sentence: string) => {
      const analysis = analyseQuestion(question, deps, { today });
      return Object.fromEntries(findNames(sentence).map((f) => [f.text, isBound(analysis, sentence, f)]));
    };
    const sentence = "兴业银行昌吉分行行长韩平表示，兴业银行准东支行将立足准东产业布局。";
    // The title says whose 行长 he is: the Changji branch's, not the Zhundong branch's.
    expect(names("兴业银行准东支行的行长是谁？", sentence)).toEqual({ 韩平: false });
    expect(names("兴业银行昌吉分行的行长是谁？", sentence)).toEqual({ 韩平: true });
    expect(names("昌吉分行行长是谁？", sentence)).toEqual({ 韩平: true });
    // A role's name asked with 叫什么 is a who-question, bound the same way.
    expect(analyseQuestion("兴业银行准东支行行长叫什么？", deps, { today }).kind).toBe("who");
    expect(names("兴业银行准东支行行长叫什么？", sentence)).toEqual({ 韩平: false });
    // A county's bureau is not the prefecture's: the title's place must be the one asked.
    const county = "奇台县退役军人事务局局长杨长锁表示，要建强基层队伍。";
    expect(names("昌吉州退役军人事务局局长是谁？", county)).toEqual({ 杨长锁: false });
    expect(names("奇台县退役军人事务局局长是谁？", county)).toEqual({ 杨长锁: true });
    // What the title prints before a role the question spells whole (高级技师) is part of the role.
    expect(names("焊工高级技师叫什么名字？", "新疆天业（集团）有限公司焊工、高级技师邵旭鹏的绝活。")).toEqual({ 邵旭鹏: true });
    // A bare title says nothing against the name; a byline's 本报 is the paper, not an employer.
    expect(names("准东支行的行长是谁？", "准东支行开业仪式上，行长韩平致辞。")).toEqual({ 韩平: true });
    // …nor does a body named by its kind alone (公司负责人: the article's company).
    expect(names("正飞牛业公司的负责人是谁？", "公司负责人夏明毅说，要改造奶厅。")).toEqual({ 夏明毅: true });
    expect(names("《真抓实干促就业惠民》这篇报道的记者是谁？", "□本报记者 杨鹤")).toEqual({ 杨鹤: true });
  });

  it("binds a date to its sentence's event, not to another event's day", () => {
    const analysis = analyseQuestion("滑雪场什么时候开板？", deps, { today });
    const sentence = "12月1日，伴随汽笛声，滑雪场正式开板。";
    const [day] = findFigures(sentence);
    expect(bindingStrength(analysis, sentence, day!)).toBe(2);
    const other = "12月1日，县里召开了会议。";
    expect(isBound(analysis, other, findFigures(other)[0]!)).toBe(false);
  });

  it("never binds a date to the other end of the event asked (when it closes, not when it opened)", () => {
    expect(leads("活动周什么时候闭幕？", "11月5日上午，2024年昌吉州全民终身学习活动周开幕式举行。")["11月5日"]).toBe(false);
    expect(leads("活动周什么时候开幕？", "11月5日上午，2024年昌吉州全民终身学习活动周开幕式举行。")["11月5日"]).toBe(true);
    expect(leads("活动周什么时候闭幕？", "活动周于11月5日开幕，11月9日闭幕。")["11月9日"]).toBe(true);
    expect(analyseQuestion("On what date does the lifelong learning week close?", deps, { today }).eventEnd).toBe("end");
  });

  it("binds a date to the event asked where another date of the sentence dates it", () => {
    // 在1999年…上市 dates the listing; 1996年 dates another event.
    expect(leads("首钢的子公司什么时候上市的？", "1996年首钢总公司成为集团的核心控股公司，子公司在1999年成立及于深圳证券交易所上市。")).toEqual({ "1996年": false, "1999年": true });
    // A date heading its clause dates what follows it, to the next date: 1991年 the start, 1995年1月 the renaming.
    expect(leads("BBC从哪一年正式开始全球新闻频道？", "1991年，BBC正式开始全球新闻频道，后在1995年1月更名为BBC World。")).toEqual({ "1991年": true, "1995年1月": false });
    // A bare year before a noun names an edition: it does not take the day from the event.
    expect(leads("活动周开幕式什么时候举行？", "11月5日上午，2024年全州活动周开幕式举行。")["11月5日"]).toBe(true);
    // Nor does a date without the year a 哪一年 question asks, nor one the question itself states.
    expect(leads("巴麦尊在哪一年任命额尔金为专使？", "1857年3月，巴麦尊内阁通过了提案，4月20日巴麦尊任命额尔金为专使。")["1857年3月"]).toBe(true);
    expect(leads("两国在哪一年同意结束自1948年以来的战争状态？", "1978年两国同意，结束了自1948年以来的战争状态。")["1978年"]).toBe(true);
  });

  it("leaves a reply without a value alone: there is nothing to bind", () => {
    const analysis = analyseQuestion("滑雪场怎么样？", deps, { today });
    expect(isBound(analysis, "滑雪场环境很好。", null)).toBe(true);
  });
});

describe("three replies through the real pipeline (seeds, index, fixture model)", () => {
  let qa: QaService;
  beforeAll(async () => {
    qa = await openFixtureService();
  });

  it("leads with a value only in an answer: evidence and refusals state none", async () => {
    const questions = [...loadQuestions(`${ROOT}/test/eval/questions.jsonl`), ...loadQuestions(`${ROOT}/test/eval/heldout-3.jsonl`)].filter((q) => !q.turns);
    const kinds = new Set<string>();
    for (const q of questions) {
      const answer = await qa.answer(q.question, { today: new Date(`${q.today ?? "2026-05-01"}T12:00:00Z`) });
      kinds.add(answer.reply!);
      expect(answer.reply === "answer").toBe(answer.found);
      if (answer.reply !== "answer") expect(answer.figure).toBeNull();
      if (answer.reply === "refusal") expect(answer.citations).toEqual([]);
      if (answer.reply === "evidence") expect(answer.citations.length).toBeGreaterThan(0);
    }
    expect([...kinds].sort()).toEqual(["answer", "evidence", "refusal"]);
  });

  it("binds an English who-question's name to the organisation asked, read through the bridge", async () => {
    // The page: 兴业银行昌吉分行行长韩平 — the Changji branch's president; the Zhundong branch's is not named.
    expect((await qa.answer("Who is the president of the Changji branch of Industrial Bank?")).figure).toBe("韩平");
    const zhundong = await qa.answer("Who is the president of the Zhundong branch of Industrial Bank?");
    expect(zhundong.figure).toBeNull();
    expect(zhundong.reply).toBe("evidence");
    // Heads named in the pages run other bureaus and companies than these.
    for (const question of ["Who is the head of the Changji education bureau?", "Who is the chairman of the power supply company?"]) expect((await qa.answer(question)).figure).toBeNull();
    // Words after the role name its organisation only up to a verb: "was quoted about …" names no ministry.
    expect((await qa.answer("Which vice foreign minister was quoted about the Belt and Road initiative?")).figure).toBe("马朝旭");
    // 昌吉州总工会党组书记、副主席谢荣新: the vice chairman of the Changji federation, not of the XPCC's (兵团).
    expect((await qa.answer("Who is the vice chairman of the Changji federation of trade unions?")).figure).toBe("谢荣新");
    expect((await qa.answer("Who is the vice chairman of the XPCC union?")).figure).toBeNull();
    // …and its Party secretary: every title of a 、 chain is the person's — but a deputy chairman is
    // no chairman, whatever else he holds, and the XPCC's (兵团) is not named on that page.
    expect((await qa.answer("昌吉州总工会的党组书记是谁？")).figure).toBe("谢荣新");
    expect((await qa.answer("Who is the Party secretary of the Changji federation of trade unions?")).figure).toBe("谢荣新");
    expect((await qa.answer("兵团总工会党组书记、主席是谁？")).figure).not.toBe("谢荣新");
    expect((await qa.answer("Who is the Party secretary and chairman of the XPCC Federation of Trade Unions?")).figure).not.toBe("谢荣新");
  });

  it("never leads with a value vetoed as being about something else, even where the lead layer would swap it in", async () => {
    // The page: 项目2.6万项，其中“五小创新”项目25677个，“劳模引领创新”项目262个、“关键核心技术”项目75个 —
    // the total is no answer to one of its parts, in either language.
    for (const question of ["昌吉州今年的“关键核心技术”项目有几个？", "How many 'model worker-led innovation' projects did the Changji trade union run this year?"]) {
      const answer = await qa.answer(question, { today: new Date("2024-12-01T12:00:00Z") });
      expect(answer.figure, question).not.toBe("2.6万项");
    }
  });

  it("binds a value to the year asked only where that year is in force: a page naming it elsewhere does not date every sentence", async () => {
    // The page: 2018年“两节”期间，兵团工会共筹集送温暖资金2412万元…; paragraphs later, 近年来…救助总金额195万元.
    const answer = await qa.answer("How much money did the XPCC unions raise to send warmth in 2018?");
    expect(answer.figure).toBe("2412万元");
  });

  it("refuses far-off questions plainly: nothing on topic is quoted as evidence", async () => {
    const far = loadQuestions(`${ROOT}/test/eval/heldout-4.jsonl`);
    expect(far.length).toBeGreaterThanOrEqual(10);
    for (const q of far) {
      const answer = await qa.answer(q.question, { today: new Date("2026-05-01T12:00:00Z") });
      expect({ id: q.id, reply: answer.reply, citations: answer.citations.length }).toEqual({ id: q.id, reply: "refusal", citations: 0 });
    }
  });
});
