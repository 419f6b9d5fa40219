/** Citations built from real passages of seeds/003_2a3bfdafac07cb06.txt (Changji Daily, 2026-04-22). */
import type { Answer, Citation } from "../../src/answer/types.js";

export const SEED = "003_2a3bfdafac07cb06.txt";
const JOBS_HEADLINE = "深学笃行正确政绩观 真抓实干促就业惠民";

function cite(headline: string, passage: string, quote: string, score: number, articleId: string): Citation {
  return { source: SEED, paper: "昌吉日报", date: "2026-04-22", headline, quote, score, articleId, passage };
}

export const JOBS = cite(
  JOBS_HEADLINE,
  "树立和践行正确政绩观学习教育开展以来,昌吉州建立人社、发改、工信等多部门“周对接、月会商”常态化联动机制,定期开展就业形势分析研判,精准把握产业发展、市场用工与群众就业的衔接点,推动就业政策与产业、投资、民生政策深度融合。在系统化机制保障下,全州城乡就业渠道持续拓宽,重点群体就业得到有力保障,就业趋势始终保持平稳向好。今年以来,新增城镇就业10395人,农村劳动力外出务工8710人。",
  "今年以来,新增城镇就业10395人,农村劳动力外出务工8710人。",
  0.92,
  "003-1",
);

export const SUBSIDY = cite(
  JOBS_HEADLINE,
  "新疆新能源阳光供电服务有限公司昌吉分公司正是这一政策红利的受益者。今年,昌吉州第一时间兑现专项补贴,向该企业发放2025年部分社保补贴180.35万元,向129名2025年大学毕业生发放个人社保补贴共计49.69万元。今年3月,该企业通过线上线下联动开展校园招聘,成功向39名应届毕业生发出签约邀请。",
  "今年3月,该企业通过线上线下联动开展校园招聘,成功向39名应届毕业生发出签约邀请。",
  0.71,
  "003-1",
);

export const TRAINING = cite(
  JOBS_HEADLINE,
  "我有技术有等级证书,自己就能创业当老板了,而且我还希望继续参加技能培训,再学习美容美发。”王丽笑着说。\n\n据悉,学习教育开展以来,全州持续开展各类职业技能培训班,累计培训群众1.45万人次。",
  "据悉,学习教育开展以来,全州持续开展各类职业技能培训班,累计培训群众1.45万人次。",
  0.66,
  "003-1",
);

export const OLEFIN = cite(
  "煤“化”新材料 “黑金”变“绿金”",
  "本报讯 记者常谊谊、通讯员陈晓阳报道:“烯烃其实就是塑料的原料,我们这个项目就是把煤变成聚乙烯、聚丙烯等高性能化工材料,做水管子、包装袋、汽车零部件等。”4月15日,在准东经济技术开发区新疆山能化工有限公司投资接近两百亿元的年产80万吨煤制烯烃项目工地上,一位老师傅向记者普及烯烃知识。\n\n目前,项目综合楼已经建成,正在进行内部装修;甲醇制烯烃装置区的桩基已经打下15根。按照建设计划,今年企业计划在项目上投资40亿元。到2027年10月底,这座工厂就要正式运转起来。",
  "到2027年10月底,这座工厂就要正式运转起来。",
  0.88,
  "003-3",
);

/** From seeds/002_baf0b540dc6ce199.txt; left undated here to show how a year-less date is read. */
export const SAFETY: Citation = {
  source: "002_baf0b540dc6ce199.txt",
  paper: "昌吉日报",
  date: null,
  headline: "昌吉州举行2025年安全生产工作新闻发布会",
  quote: "昌吉州建立了重大隐患动态清零机制，依托事故隐患数据库和督办制度，推动隐患“清单化、项目化、责任化”管理，确保100%限期整改，今年以来已排查整治重大事故隐患606项。",
  score: 0.8,
  articleId: "002-1",
  passage:
    "本报讯 记者廖冬云 12月10日从昌吉州人民政府新闻办公室召开的昌吉州2025年安全生产工作新闻发布会上获悉：今年1—11月，昌吉州安全形势持续向好，治本攻坚成效显著，生产安全事故起数和死亡人数实现双下降。\n\n昌吉州建立了重大隐患动态清零机制，依托事故隐患数据库和督办制度，推动隐患“清单化、项目化、责任化”管理，确保100%限期整改，今年以来已排查整治重大事故隐患606项。",
};

/** An article in the same paper that retrieval did not return: it must never reach the prompt. */
export const NOT_RETRIEVED =
  "近年来,吉木萨尔县总医院积极推进紧密型县域医共体建设,统筹推进县乡村三级医疗资源,构建分级诊疗服务机制,通过优化管理机制、整合医疗资源、提升服务效能,稳步推进紧密型县域医共体建设,县域医疗服务能力持续增强。";

export const ALL = [JOBS, SUBSIDY, TRAINING, OLEFIN];

/** The extractive answer to the jobs question, as the answerer composes it. */
export function extractive(lang: "zh" | "en", citations: Citation[] = [JOBS, SUBSIDY], overrides: Partial<Answer> = {}): Answer {
  const zh = lang === "zh";
  return {
    question: zh ? "昌吉州今年新增城镇就业多少人？" : "How many urban jobs did Changji add this year?",
    answer: zh
      ? `10395人。据《昌吉日报》2026-04-22《${JOBS_HEADLINE}》报道：“${JOBS.quote}”`
      : `10,395 people (10395人). According to 昌吉日报, 2026-04-22, “${JOBS_HEADLINE}”: “${JOBS.quote}”`,
    found: true,
    lang,
    kind: "count",
    figure: "10395人",
    asOf: "2026-04-22",
    citations,
    ...overrides,
  };
}
