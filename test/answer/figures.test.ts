import { describe, expect, it } from "vitest";
import { findFigures, findNames, findPlaces, parseChineseNumber, titleBefore } from "../../src/answer/figures.js";

const texts = (s: string) => findFigures(s).map((f) => f.text);

describe("findFigures: the figures a sentence states", () => {
  it("keeps a number with its multiplier and unit, and its value", () => {
    const [f] = findFigures("累计培训群众1.45万人次。");
    expect(f).toMatchObject({ text: "1.45万人次", kind: "quantity", value: 14500, unit: "万人次" });
  });
  it("separates counts in one sentence", () => {
    expect(texts("今年以来,新增城镇就业10395人,农村劳动力外出务工8710人。")).toEqual(["10395人", "8710人"]);
  });
  it("reads dates and percentages as such", () => {
    expect(findFigures("到2027年10月底,这座工厂")[0]).toMatchObject({ text: "2027年10月", kind: "date" });
    expect(findFigures("满意度达95.88%。")[0]).toMatchObject({ text: "95.88%", kind: "percent", value: 95.88 });
    expect(texts("今年1—11月，")).toEqual(["1—11月"]);
  });
  it("reads spelled-out counts with a unit, but not words or vague amounts", () => {
    expect(texts("这段时间,昌吉州第二十个宪法法律宣传月活动持续开展。")).toEqual(["第二十个"]);
    expect(texts("进入为期一年的监测期")).toEqual(["一年"]);
    expect(texts("一带一路")).toEqual([]);
    expect(texts("确保帮扶不漏一人，新建一项制度")).toEqual([]);
    expect(texts("产量增长一倍")).toEqual(["一倍"]);
    expect(texts("专项落实一次性吸纳就业补贴")).toEqual([]);
    expect(texts("数百名滑雪爱好者")).toEqual([]);
  });
  it("reads the units general pages print: foreign money, metric and imperial measures, counters", () => {
    expect(findFigures("斥资77亿美元收购")[0]).toMatchObject({ text: "77亿美元", unit: "亿美元", value: 7.7e9 });
    expect(texts("以12.75亿欧元（18.8亿美元）")).toEqual(["12.75亿欧元", "18.8亿美元"]);
    expect(texts("体长可达80公分，重约3公斤。")).toEqual(["80公分", "3公斤"]);
    expect(texts("图书馆藏书81.6万册")).toEqual(["81.6万册"]);
    expect(texts("全长2cm，射程30km，重5kg，用时10秒")).toEqual(["2cm", "30km", "5kg", "10秒"]);
    expect(texts("本报讯")).toEqual([]);
  });
  it("reads thousands printed with commas as one figure, and a list of numbers as several", () => {
    expect(findFigures("能容纳6,476名观众")[0]).toMatchObject({ text: "6,476名", value: 6476, unit: "名" });
    expect(findFigures("平均年收入为31,875.5美元")[0]).toMatchObject({ text: "31,875.5美元", value: 31875.5 });
    expect(texts("分别为1,2,3个")).toEqual(["1", "2", "3个"]);
  });
  it("reads a range as one figure: either end alone misstates it", () => {
    expect(texts("生长于海拔50米至1,520米的地区")).toEqual(["50米至1,520米"]);
    expect(texts("海岸外5~32公里处")).toEqual(["5~32公里"]);
    expect(findFigures("1985年9月至1987年7月在晋中学习")[0]).toMatchObject({ text: "1985年9月至1987年7月", kind: "date" });
    // Two counts of different things, or of different units, stay two.
    expect(texts("新增城镇就业10395人，农村劳动力外出务工8710人")).toEqual(["10395人", "8710人"]);
    expect(texts("3人至5吨")).toEqual(["3人", "5吨"]);
  });
  it("leaves digits joined to Latin letters to the name they belong to", () => {
    expect(texts("POWER6处理器的速度为4.7 GHz")).toEqual(["4.7"]);
    expect(texts("A-135反弹道导弹系统部署了68枚导弹")).toEqual(["68枚"]);
  });
  it("parses Chinese numerals", () => {
    expect(parseChineseNumber("二十")).toBe(20);
    expect(parseChineseNumber("两百")).toBe(200);
    expect(parseChineseNumber("一千二百")).toBe(1200);
  });
});

describe("findNames and findPlaces", () => {
  it("finds a name after a title, and a byline's name", () => {
    expect(findNames("昌吉州总工会党组书记、副主席谢荣新表示，下一步").map((f) => f.text)).toEqual(["谢荣新"]);
    expect(findNames("□本报记者 杨鹤").map((f) => f.text)).toEqual(["杨鹤"]);
  });
  it("finds a name after a title word whatever follows it, and takes no title or adverb for a name", () => {
    expect(findNames("吉木萨尔县总医院党委书记俞国兵凭借在医共体建设领域的经验，被聘任为学术委员会常委,跻身专家行列").map((f) => f.text)).toEqual(["俞国兵"]);
    expect(findNames("从职工最关心、最直接、最现实的利益问题入手")).toEqual([]);
    expect(findNames("被正式聘任为研究院学术委员会常委,跻身国家级专家行列")).toEqual([]);
  });
  it("reads the title before a name: its role, a deputy's 副, and the organisation, shared by titles joined with 、", () => {
    const text = "兴业银行昌吉分行行长韩平表示";
    expect(titleBefore(text, text.indexOf("韩平"))).toEqual({ role: "行长", deputy: false, organisation: "兴业银行昌吉分行", all: [{ role: "行长", deputy: false }] });
    // Every title of the chain is the person's.
    const chain = "昌吉州总工会党组书记、副主席谢荣新表示";
    expect(titleBefore(chain, chain.indexOf("谢荣新"))).toEqual({ role: "主席", deputy: true, organisation: "昌吉州总工会党组", all: [{ role: "书记", deputy: false }, { role: "主席", deputy: true }] });
    expect(titleBefore("会上，行长韩平表示", 5)).toMatchObject({ role: "行长", deputy: false, organisation: "" });
  });
  it("takes a name before a speech verb only when the verb is a word of its own", () => {
    expect(findNames("当天，李干杰主持会议。").map((f) => f.text)).toEqual(["李干杰"]);
    // 说 in 小说 is no verb: 科幻小 is no name.
    expect(findNames("一般认为，科幻小说之父是凡尔纳。")).toEqual([]);
  });
  it("finds places as the segmenter tags them", () => {
    expect(findPlaces("连日来，呼图壁县各饲料加工企业马力全开").map((f) => f.text)).toEqual(["呼图壁县"]);
  });
  it("joins a place with the name and place word after it, even when the segmenter splits the name", () => {
    // jieba: 奇台县/ns 喇嘛/n 湖梁/x 工业园区/n
    expect(findPlaces("位于奇台县喇嘛湖梁工业园区的新疆裕隆丰源气体有限公司").map((f) => f.text)).toEqual(["奇台县喇嘛湖梁工业园区", "新疆"]);
    // A city the tagger reads as a person's name, and a street after its city.
    expect(findPlaces("该银行的总部位于胡志明市，成立于1991年").map((f) => f.text)).toEqual(["胡志明市"]);
    expect(findPlaces("位于黑龙江省哈尔滨市红军街50号").map((f) => f.text)).toEqual(["黑龙江省哈尔滨市红军街"]);
    // jieba: 大/a 丰镇/ns — a town's name is not cut to its last character (丰镇 is no answer for 大丰镇).
    expect(findPlaces("第3座城市书房在大丰镇开放").map((f) => f.text)).toContain("大丰镇");
    expect(findPlaces("第3座城市书房在大丰镇开放").map((f) => f.text)).not.toContain("丰镇");
  });
});
