/**
 * A cheaper `_encode_text` for BERT-style tokenizers (BertNormalizer, BertPreTokenizer, WordPiece):
 * the same tokens, without the library's per-text regex match, section split and array flattening.
 * The library's BertPreTokenizer matches `[^\s<P>]+|[<P>]` over the normalised text: runs of
 * characters that are neither whitespace nor punctuation, and each punctuation character on its
 * own; whitespace separates. Here each input character's normal form (the library's normaliser,
 * which maps character by character) and its code points' classes are looked up once per distinct
 * character, and the WordPiece model stays the library's own call. Tested on every seed passage and
 * random text over all of Unicode (test/embed/encode.test.ts).
 */

/** transformers.js's punctuation set for BertPreTokenizer (tokenizers.js, PUNCTUATION_REGEX). */
const PUNCTUATION = "\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E";
/** The pattern the library's BertPreTokenizer is expected to hold; any other keeps the library's path. */
const EXPECTED_PATTERN = `[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`;
const WHITESPACE = /^\s$/u;
const PUNCTUATION_CHAR = new RegExp(`^[${PUNCTUATION}]$`, "u");
const SURROGATE = /[\uD800-\uDFFF]/;

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
  normalizer: ((text: string) => string) & { config?: { type?: string; lowercase?: boolean; strip_accents?: boolean | null } } | null;
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
    t.normalizer.config.lowercase ||
    t.normalizer.config.strip_accents ||
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
  // Per character of the input: its normal form's code points and their classes. BertNormalizer
  // (without lower-casing or accent stripping) maps each character on its own (encode.ts,
  // memoizeBertNormalizer), so on well-formed text the normal form's code points are these, in order.
  const forms = new Map<string, { chars: string[]; classes: CharClass[] }>();
  const formOf = (char: string) => {
    let form = forms.get(char);
    if (!form) {
      const chars = [...normalize(char)];
      form = { chars, classes: chars.map(classOf) };
      forms.set(char, form);
    }
    return form;
  };
  t._encode_text = (text) => {
    if (text === null || (t.added_tokens_regex && t.added_tokens_regex.test(text))) return library(text);
    const words: string[] = [];
    let word = "";
    const add = (char: string, kind: CharClass) => {
      if (kind === CharClass.Word) {
        word += char;
        return;
      }
      if (word) words.push(word);
      word = "";
      if (kind === CharClass.Punctuation) words.push(char);
    };
    if (!SURROGATE.test(text)) {
      for (const char of text) {
        const { chars, classes } = formOf(char);
        for (let i = 0; i < chars.length; i++) add(chars[i]!, classes[i]!);
      }
    } else {
      // Text with surrogates goes through the normal form whole: a lone surrogate's neighbours
      // may pair up once a character between them is dropped.
      for (const char of normalize(text)) add(char, classOf(char));
    }
    if (word) words.push(word);
    return words.length ? t.model(words) : [];
  };
  return true;
}
