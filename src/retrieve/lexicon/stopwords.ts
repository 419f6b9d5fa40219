/**
 * Stop lists for the keyword index. Small on purpose: BM25's idf already discounts common words,
 * so these only drop tokens that carry no topic at all (function words, question words).
 * Question words are listed here because the answer composer reads them from the raw question
 * (see `detectQuestionKind`); as search terms they would only add noise.
 */

/** English function words and question words (the classic Lucene/Snowball core, lower-case, unstemmed). */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be been being but by can could did do does doing done for from had has have having " +
    "he her hers him his how i if in into is it its itself me my no nor not of on or our ours she should so " +
    "some such than that the their theirs them then there these they this those through to too until up us " +
    "very was we were what when where which while who whom whose why will with would you your yours " +
    "about above after again against all am any because before below between both during each few further " +
    "here just more most much many off once only other out over own same under s t don now ever also " +
    "please tell know give show get got"
  ).split(" "),
);

/**
 * Chinese tokens that are never search terms: particles, conjunctions, pronouns, copulas and
 * question words. Only whole tokens are dropped (就 alone, never 就业), and character bigrams that
 * overlap one of them are skipped, so 吉的 / 的就 never become terms.
 */
export const CHINESE_STOPWORDS: ReadonlySet<string> = new Set(
  (
    "的 地 得 了 着 过 和 与 及 或 而 并 且 在 是 为 于 以 之 其 这 那 此 也 都 又 就 被 把 对 从 向 将 等 " +
    "个 吗 呢 吧 啊 呀 么 哦 嘛 我 你 您 他 她 它 我们 你们 他们 她们 它们 自己 有 没有 没 不 很 还 所 " +
    "这个 那个 这些 那些 这里 那里 一个 什么 多少 几 几个 多久 哪 哪个 哪些 哪里 哪儿 哪年 谁 怎么 怎样 " +
    "怎么样 如何 为什么 为何 是否 是不是 何时 何地 什么时候 请问 请 告诉 一下 呢 吗 嗯 即 该 各 已 已经"
  ).split(" "),
);
