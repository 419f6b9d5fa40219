/**
 * Words readers use for what the papers print otherwise: a role (老板 for 董事长), a thing (工资 for
 * 薪酬). One table, read by the question analysis: a question word listed here also matches the
 * papers' spellings, so it is looked for, focused and bound like them. Conservative by design — a
 * reader's word maps only to the formal words that mean it, never to a neighbouring role.
 */
export const READER_WORDS: Readonly<Record<string, readonly string[]>> = {
  // Roles
  老板: ["董事长", "总经理", "负责人"],
  老总: ["总经理", "董事长"],
  一把手: ["书记", "负责人"],
  头儿: ["负责人"],
  负责人: ["主任", "站长", "经理", "队长"],
  领导: ["负责人"],
  // Roles and acts in English (the dictionary reads boss as 老板 and chaired as 椅子, which the papers rarely print)
  boss: ["董事长", "总经理", "负责人"],
  // The Xinjiang Production and Construction Corps, as English reports abbreviate it.
  xpcc: ["兵团"],
  head: ["负责人", "主任", "局长", "院长", "站长", "董事长", "总经理", "行长", "校长", "所长"],
  heads: ["负责人", "主任", "局长", "院长", "站长", "董事长", "总经理", "行长", "校长", "所长"],
  runs: ["负责人", "经理", "总经理", "主任"],
  charge: ["负责人", "主任", "负责"],
  chairman: ["主席", "董事长"],
  chair: ["主席", "主持"],
  chairs: ["主席", "主持"],
  chaired: ["主持"],
  presided: ["主持"],
  hosted: ["主办", "承办"],
  organised: ["主办", "承办", "组织"],
  organized: ["主办", "承办", "组织"],
  // People
  员工: ["职工"],
  工人: ["职工"],
  老百姓: ["群众", "居民"],
  小孩: ["儿童"],
  孩子: ["儿童"],
  // Things and measures
  工资: ["薪酬", "薪资"],
  薪水: ["工资", "薪酬"],
  花费: ["投资", "投入", "费用"],
  开业: ["开张", "开园", "营业"],
  房子: ["住房", "住宅"],
  价钱: ["价格", "票价"],
};

/** The papers' spellings of a reader's word (empty for a word the table does not list). */
export const papersWordsFor = (word: string): readonly string[] => READER_WORDS[word] ?? [];
