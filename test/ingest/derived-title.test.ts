import { describe, expect, it } from "vitest";
import { DERIVED_MARK, DERIVED_TITLE_MAX, derivedTitle } from "../../src/ingest/derived-title.js";
import { visualWidth } from "../../src/ingest/text.js";

/** A title for an item the page prints none for: its first clause, short, marked with "…". */
const title = (...paragraphs: string[]) => derivedTitle(paragraphs);

describe("derivedTitle", () => {
  it("is the first clause of the first sentence, ending in the derived mark", () => {
    expect(title("某县新建的图书馆今天开馆，市民排队入场。馆内藏书十万册。")).toBe("某县新建的图书馆今天开馆…");
  });

  it("skips an opening that only sets the time or the place", () => {
    expect(title("5月3日，某镇举行春耕现场会，各村代表参加。")).toBe("某镇举行春耕现场会…");
    expect(title("近日，某县出台扶持政策。")).toBe("某县出台扶持政策…");
    expect(title("位于某工业园区的某公司厂区，工人正在装车。")).toBe("工人正在装车…");
    expect(title("在某小学操场上，学生们正在做早操。")).toBe("学生们正在做早操…");
  });

  it("leaves out a 本报讯 opening with its byline, and bracketed asides", () => {
    expect(title("本报讯 记者某某报道：某市（县级市）召开大会。")).toBe("某市召开大会…");
    expect(title("本报讯 通讯员甲、乙报道：日前，某站投入使用。")).toBe("某站投入使用…");
  });

  it("is never a whole long caption: at most DERIVED_TITLE_MAX em before the mark", () => {
    const caption = "学生们正在参加一年一度的春季趣味运动会拔河跳绳接力跑等项目吸引了全校一千余名学生参加";
    const t = title(`${caption}。`);
    expect(t.endsWith(DERIVED_MARK)).toBe(true);
    expect(visualWidth(t.slice(0, -1))).toBeLessThanOrEqual(DERIVED_TITLE_MAX);
    expect(caption.startsWith(t.slice(0, -1))).toBe(true);
  });

  it("keeps a 《title》 whole when it closes just past the limit, and cuts before one that runs long", () => {
    expect(title("某区出台《稳定生猪生产发展若干政策措施实施细则》，共九条。")).toBe("某区出台《稳定生猪生产发展若干政策措施实施细则》…");
    const long = title("某区的有关部门联合出台新规《关于进一步加强和改进城乡居民生活垃圾分类处理工作的若干意见》。");
    expect(long).toBe("某区的有关部门联合出台新规…");
  });

  it("never leaves a bracket open: cuts before one that runs long, or leaves out the marks of one it opens with", () => {
    // Before: 某区出台《关于进一步加强和改进城乡居民生活垃圾分… (the 《 never closed).
    expect(title("某区出台《关于进一步加强和改进城乡居民生活垃圾分类处理工作的若干意见》。")).toBe("某区出台…");
    expect(title("《关于进一步加强和改进城乡居民生活垃圾分类处理工作的若干意见》正式印发。")).toBe("关于进一步加强和改进城乡居民生活垃圾分类处理工作…");
    const balanced = (t: string) => [["《", "》"], ["“", "”"], ["（", "）"]].every(([a, b]) => t.split(a!).length === t.split(b!).length);
    for (const text of [
      "某区出台《关于进一步加强和改进城乡居民生活垃圾分类处理工作的若干意见》。",
      "在“我为群众办实事”活动中，某区组织志愿者走进社区开展“清洁家园美化环境共建共享”主题实践。",
      "某县“冬季农田水利基本建设暨高标准农田建设百日攻坚行动”全面启动。",
      "“今年村里种的小麦每亩比去年多收了一百多斤呢”老张笑着说。",
    ]) expect(balanced(title(text)), title(text)).toBe(true);
  });

  it("cuts English between words", () => {
    expect(title("The county library opened its new reading rooms to visitors this weekend.")).toBe("The county library opened its new reading rooms…");
  });
});
