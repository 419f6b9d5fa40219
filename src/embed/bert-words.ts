/**
 * A cheaper `_encode_text` for BERT-style tokenizers (BertNormalizer, BertPreTokenizer, WordPiece):
 * the same tokens, without the library's per-text regex match, section split and array flattening.
 * The library's BertPreTokenizer matches `[^\s<P>]+|[<P>]` over the normalised text: runs of
 * characters that are neither whitespace nor punctuation, and each punctuation character on its
 * own; whitespace separates. Here each code point's class is looked up once per distinct code
 * point (tested on every seed passage and random text over all of Unicode, test/embed/encode.test.ts),
 * and the normaliser and WordPiece model stay the library's own calls.
 */

/** transformers.js's punctuation set for BertPreTokenizer (tokenizers.js, PUNCTUATION_REGEX). */
const PUNCTUATION = "\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E";
/** The pattern the library's BertPreTokenizer is expected to hold; any other keeps the library's path. */
const EXPECTED_PATTERN = `[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`;
const WHITESPACE = /^\s$/u;
const PUNCTUATION_CHAR = new RegExp(`^[${PUNCTUATION}]$`, "u");

const enum CharClass {
  Word = 0,
  Space = 1,
  Punctuation = 2,
}

/** The parts of a transformers.js tokenizer that `_encode_text` uses. */
interface EncodingTokenizer {
  _encode_text(text: string | null): string[] | null;
  added_tokens_regex: RegExp | null;
  remove_space?: boolean;
  do_lowercase_and_remove_accent?: boolean;
  normalizer: ((text: string) => string) & { config?: { type?: string } } | null;
  pre_tokenizer: { constructor: { name: string }; pattern?: RegExp } | null;
  model: ((words: string[]) => string[]) & { config?: { type?: string }; fuse_unk?: boolean };
}

/**
 * Replaces the tokenizer's `_encode_text` with the cheaper equivalent when its pipeline is exactly
 * BertNormalizer → BertPreTokenizer → WordPiece (without unknown-token fusing); texts holding an
 * added (special) token still go the library's way. Returns whether it did.
 */
export function fastBertWords(tokenizer: object): boolean {
  const t = tokenizer as EncodingTokenizer;
  const pre = t.pre_tokenizer;
  if (
    typeof t._encode_text !== "function" ||
    t.remove_space ||
    t.do_lowercase_and_remove_accent ||
    t.normalizer?.config?.type !== "BertNormalizer" ||
    pre?.constructor.name !== "BertPreTokenizer" ||
    pre.pattern?.source !== EXPECTED_PATTERN ||
    pre.pattern.flags !== "gu" ||
    t.model?.config?.type !== "WordPiece" ||
    t.model.fuse_unk
  ) {
    return false;
  }
  const library = t._encode_text.bind(t);
  const normalize = t.normalizer;
  const classes = new Map<string, CharClass>();
  const classOf = (char: string): CharClass => {
    let found = classes.get(char);
    if (found === undefined) {
      found = WHITESPACE.test(char) ? CharClass.Space : PUNCTUATION_CHAR.test(char) ? CharClass.Punctuation : CharClass.Word;
      classes.set(char, found);
    }
    return found;
  };
  t._encode_text = (text) => {
    if (text === null || (t.added_tokens_regex && t.added_tokens_regex.test(text))) return library(text);
    const normal = normalize(text);
    const words: string[] = [];
    let word = "";
    for (const char of normal) {
      const kind = classOf(char);
      if (kind === CharClass.Word) {
        word += char;
        continue;
      }
      if (word) words.push(word);
      word = "";
      if (kind === CharClass.Punctuation) words.push(char);
    }
    if (word) words.push(word);
    return words.length ? t.model(words) : [];
  };
  return true;
}
