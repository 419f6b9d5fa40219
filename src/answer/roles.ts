/**
 * Titles after which a person's name follows (党组书记、副主席谢荣新表示; 本报记者 杨鹤): the one
 * table of roles, read by the name finder (figures.ts) and the question kinds (question-words.ts).
 */
export const ROLE = "记者|通讯员|主任|书记|主席|董事长|局长|经理|部长|县长|市长|院长|站长|队长|指挥长|总经理|总工程师|负责人|常委|委员|理事长|行长|所长|校长|老师|教授|技师|创始人|居民|村民|职工|市民|专干|导师|选手";

/** The same roles as a reader writes them in English: "which NDRC *director*", "which hospital *staff member*" ask who. */
export const ROLE_EN = "directors?|chair(?:man|woman|person)?|presidents?|secretar(?:y|ies)|heads?|managers?|mayors?|governors?|ministers?|principals?|deans?|reporters?|correspondents?|teachers?|professors?|leaders?|chiefs?|founders?|captains?|coaches|coach|officials?|officers?|staff members?|spokes(?:person|man|woman)|engineers?|doctors?|technicians?|contestants?|players?|athletes?";
