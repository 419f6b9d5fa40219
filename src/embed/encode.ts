/**
 * Model inputs for a batch of texts, built straight into typed arrays. transformers.js's own
 * tokenizer call pads through JavaScript arrays and converts every id with `BigInt` in a
 * `flatMap`, which cost as much as the tokenizing itself in a build. The ids, the truncation
 * (the library cuts the encoded ids, special tokens included, at the length limit) and the padding
 * are the library's, so the model sees the same tensors.
 */

/** The per-text tokenizer of transformers.js (a PreTrainedTokenizer): ids with special tokens. */
export interface TextTokenizer {
  _encode_plus(text: string, pair: null, options: { add_special_tokens: boolean }): { input_ids: number[]; token_type_ids?: number[] };
  pad_token_id?: number | null;
  padding_side?: string;
  /** The tokenizer's model and normalizer (see memoizeWordPiece, memoizeBertNormalizer). */
  model?: unknown;
  normalizer?: unknown;
}

/** The tokenizer's model (WordPiece, BPE, …) as transformers.js holds it. */
interface TokenizerModel {
  config?: { type?: string };
  encode(tokens: string[]): string[];
}

/** Distinct words remembered per tokenizer; a news archive uses a few thousand distinct CJK characters and far fewer than this many words. */
const WORDPIECE_MEMO_MAX = 200_000;

/**
 * Remembers the WordPiece pieces of each pre-tokenized word. The library's WordPiece encodes every
 * word on its own (greedy longest match over the vocabulary, or [UNK]), so the pieces of a list of
 * words are the pieces of each word in turn, and a word's pieces never change: the memo gives the
 * library's output exactly. Chinese text is one word per character, so nearly every word repeats.
 * Other models (BPE, Unigram) are left as they are.
 */
export function memoizeWordPiece(tokenizer: { model?: unknown }): void {
  const model = tokenizer.model as TokenizerModel | undefined;
  if (!model || model.config?.type !== "WordPiece" || typeof model.encode !== "function") return;
  const encodeWords = model.encode.bind(model);
  const memo = new Map<string, string[]>();
  model.encode = (words: string[]) => {
    const out: string[] = [];
    for (const word of words) {
      let pieces = memo.get(word);
      if (!pieces) {
        pieces = encodeWords([word]);
        if (memo.size < WORDPIECE_MEMO_MAX) memo.set(word, pieces);
      }
      for (const piece of pieces) out.push(piece);
    }
    return out;
  };
}

/** The BERT normalizer as transformers.js holds it (BertNormalizer). */
interface BertNormalizer {
  config?: { type?: string; lowercase?: boolean; strip_accents?: boolean | null };
  normalize(text: string): string;
}

/**
 * Remembers what the BERT normalizer makes of each character. Without lower-casing or accent
 * stripping, BertNormalizer is a map from one character to a string, applied character by
 * character: drop controls, NUL and U+FFFD, turn whitespace into a space, put spaces around a CJK
 * ideograph. So the text's normal form is the concatenation of each character's, which the memo
 * asks the library for once per distinct character (tested on every code point).
 */
export function memoizeBertNormalizer(tokenizer: { normalizer?: unknown }): void {
  const normalizer = tokenizer.normalizer as BertNormalizer | null | undefined;
  const config = normalizer?.config;
  if (!normalizer || config?.type !== "BertNormalizer" || config.lowercase || config.strip_accents) return;
  const normalizeText = normalizer.normalize.bind(normalizer);
  const memo = new Map<string, string>();
  normalizer.normalize = (text: string) => {
    let out = "";
    for (const char of text) {
      let normal = memo.get(char);
      if (normal === undefined) memo.set(char, (normal = normalizeText(char)));
      out += normal;
    }
    return out;
  };
}

/** One text's ids (and token type ids, when the tokenizer gives them), not yet padded. */
export interface EncodedText {
  ids: number[];
  typeIds: number[] | null;
}

/** A padded batch: `rows` × `tokens` int64 arrays, as the model's inputs want them. */
export interface EncodedBatch {
  rows: number;
  tokens: number;
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  /** Null when the tokenizer gives none (the model wrapper then feeds zeros, as it does for the library's call). */
  tokenTypeIds: BigInt64Array | null;
  /** The attention mask as bytes, for pooling (reading a BigInt64Array allocates a BigInt per element). */
  mask: Uint8Array;
}

/** Encodes one text with special tokens, cut at `maxTokens` the way the library truncates. */
export function encodeText(tokenizer: TextTokenizer, text: string, maxTokens: number): EncodedText {
  const encoded = tokenizer._encode_plus(text, null, { add_special_tokens: true });
  const cut = <T>(a: T[]) => (a.length > maxTokens ? a.slice(0, maxTokens) : a);
  return { ids: cut(encoded.input_ids), typeIds: encoded.token_type_ids ? cut(encoded.token_type_ids) : null };
}

/** Pads encoded texts to the longest one (pad id for input ids, 0 for the mask and type ids). */
export function padBatch(texts: EncodedText[], padId: number, padLeft = false): EncodedBatch {
  const rows = texts.length;
  const tokens = texts.reduce((max, t) => Math.max(max, t.ids.length), 0);
  const size = rows * tokens;
  const withTypes = texts.length > 0 && texts.every((t) => t.typeIds !== null);
  const inputIds = new Int64Writer(size);
  const attentionMask = new Int64Writer(size);
  const tokenTypeIds = withTypes ? new Int64Writer(size) : null;
  const mask = new Uint8Array(size);
  for (let i = 0; i < rows; i++) {
    const { ids, typeIds } = texts[i]!;
    const start = i * tokens + (padLeft ? tokens - ids.length : 0);
    if (padId !== 0) for (let at = i * tokens; at < (i + 1) * tokens; at++) inputIds.set(at, padId);
    mask.fill(1, start, start + ids.length);
    for (let j = 0; j < ids.length; j++) {
      inputIds.set(start + j, ids[j]!);
      attentionMask.set(start + j, 1);
      if (tokenTypeIds) tokenTypeIds.set(start + j, typeIds![j]!);
    }
  }
  return { rows, tokens, inputIds: inputIds.array, attentionMask: attentionMask.array, tokenTypeIds: tokenTypeIds?.array ?? null, mask };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Writes small integers into a BigInt64Array. On a little-endian machine an id is written as two
 * 32-bit halves through an Int32Array view, which creates no BigInt per token.
 */
class Int64Writer {
  readonly array: BigInt64Array;
  private readonly halves: Int32Array | null;
  constructor(size: number) {
    this.array = new BigInt64Array(size);
    this.halves = LITTLE_ENDIAN ? new Int32Array(this.array.buffer) : null;
  }

  set(at: number, value: number): void {
    if (this.halves && (value | 0) === value) {
      this.halves[2 * at] = value;
      this.halves[2 * at + 1] = value < 0 ? -1 : 0;
    } else {
      this.array[at] = BigInt(value);
    }
  }
}
