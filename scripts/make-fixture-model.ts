/**
 * Writes the tiny deterministic test model `tiny-zh` (tokenizer of bge-small-zh-v1.5 + a seeded
 * random token-embedding table as ONNX). Tests and CI load it through the real transformers.js
 * pipeline, because model weights cannot be downloaded on our machines.
 *
 * Usage: `npm run fixture:model` or `tsx scripts/make-fixture-model.ts [outDir]`
 * (default outDir: test/fixtures/models/tiny-zh). Same bytes on every run.
 * The tokenizer files come from `../shared/tokenizers/bge-small-zh-v1.5` beside the repository,
 * or from FIXTURE_TOKENIZER_DIR when set.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import onnxProto from "onnx-proto";
import { mulberry32 } from "./prng.js";

const { onnx } = onnxProto;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Vector size of the fixture model. Small on purpose: the file stays near 1.4 MB. */
export const FIXTURE_DIM = 64;
/** Where the committed fixture lives; tests point MODELS_DIR at its parent. */
export const FIXTURE_DIR = path.join(repoRoot, "test/fixtures/models/tiny-zh");
/**
 * transformers.js 2.17.2 reads `onnx/model_quantized.onnx` when `quantized: true` (its default)
 * and `onnx/model.onnx` otherwise; the tiny-zh profile says `quantized: true`.
 */
export const FIXTURE_ONNX_FILE = "onnx/model_quantized.onnx";

const SEED = 0x7a685f31; // "zh_1": any fixed value; changing it changes every committed byte
const TOKENIZER_FILES = ["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt"];
/**
 * Tokens that should barely move a mean-pooled vector: specials, and punctuation that is on every
 * line of a news article. Quotes, dashes and ellipses are not in this vocabulary and become [UNK].
 */
const QUIET_TOKENS = [
  "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
  "，", "。", "、", "：", "；", "（", "）", "《", "》", "！", "？",
  ",", ".", ":", ";", "(", ")", "-", '"', "'", "·", "%",
];

/**
 * int8 table, one row per token: content rows uniform in [-127, 127], quiet rows ±1 (never all
 * zero, so a text of only punctuation still has a direction to normalise).
 */
function embeddingTable(vocab: string[], dim: number, shared = 0): Int8Array {
  const quiet = new Set(QUIET_TOKENS.map((token) => vocab.indexOf(token)).filter((id) => id >= 0));
  const random = mulberry32(SEED);
  // `shared` (0–1): every row becomes (1 − shared) of itself plus one seeded direction common to all
  // tokens, so every pair of texts is similar — the shifted, squeezed cosines of a real model.
  const common = Array.from({ length: dim }, (_, k) => ((k * 7919) % 2 ? 1 : -1) * 127 * shared);
  const table = new Int8Array(vocab.length * dim);
  for (let row = 0; row < vocab.length; row++) {
    for (let k = 0; k < dim; k++) {
      const r = random();
      const own = quiet.has(row) ? (r < 0.5 ? -1 : 1) : Math.round(r * 254) - 127;
      table[row * dim + k] = Math.max(-127, Math.min(127, Math.round(own * (1 - shared) + common[k]!)));
    }
  }
  return table;
}

/** last_hidden_state = Gather(DequantizeLinear(table), input_ids); the other inputs are unused. */
function modelBytes(table: Int8Array, vocabSize: number, dim: number): Uint8Array {
  const { TensorProto } = onnx;
  const int64Input = (name: string): onnxProto.onnx.IValueInfoProto => ({
    name,
    type: {
      tensorType: {
        elemType: TensorProto.DataType.INT64,
        shape: { dim: [{ dimParam: "batch_size" }, { dimParam: "sequence_length" }] },
      },
    },
  });
  const model = onnx.ModelProto.create({
    // ir_version 8 / opset 13: the onnxruntime-node 1.14 bundled with transformers.js 2.17.2
    // refuses ir_version 9 and later.
    irVersion: 8,
    opsetImport: [{ domain: "", version: 13 }],
    producerName: "changji-news-qa/scripts/make-fixture-model.ts",
    docString: "Test fixture, not a real language model: seeded random token embeddings.",
    graph: {
      name: "tiny_zh",
      initializer: [
        {
          name: "table_int8",
          dims: [vocabSize, dim],
          dataType: TensorProto.DataType.INT8,
          rawData: new Uint8Array(table.buffer, table.byteOffset, table.byteLength),
        },
        { name: "table_scale", dims: [], dataType: TensorProto.DataType.FLOAT, floatData: [1 / 127] },
        { name: "table_zero_point", dims: [], dataType: TensorProto.DataType.INT8, int32Data: [0] },
      ],
      node: [
        {
          name: "dequantize",
          opType: "DequantizeLinear",
          input: ["table_int8", "table_scale", "table_zero_point"],
          output: ["table"],
        },
        { name: "lookup", opType: "Gather", input: ["table", "input_ids"], output: ["last_hidden_state"] },
      ],
      input: [int64Input("input_ids"), int64Input("attention_mask"), int64Input("token_type_ids")],
      output: [
        {
          name: "last_hidden_state",
          type: {
            tensorType: {
              elemType: TensorProto.DataType.FLOAT,
              shape: { dim: [{ dimParam: "batch_size" }, { dimParam: "sequence_length" }, { dimValue: dim }] },
            },
          },
        },
      ],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** What transformers.js needs to build a BERT feature-extraction model; the rest is informative. */
function configJson(vocabSize: number, dim: number): string {
  const config = {
    _name_or_path: "tiny-zh",
    architectures: ["BertModel"],
    model_type: "bert",
    hidden_size: dim,
    vocab_size: vocabSize,
    max_position_embeddings: 512,
    num_attention_heads: 1,
    num_hidden_layers: 0,
    pad_token_id: 0,
    type_vocab_size: 2,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

const readme = (dim: number) => `# tiny-zh (test fixture)

Generated by \`npm run fixture:model\` (scripts/make-fixture-model.ts); do not edit by hand.
Tokenizer files are the real bge-small-zh-v1.5 ones (21,128 WordPiece tokens, Chinese split into
single characters). The ONNX graph is NOT a language model: each token maps to a fixed seeded
random ${dim}-dim vector, so similarity only follows shared tokens. Special tokens and common
punctuation get tiny vectors so mean pooling is dominated by content characters.
`;

export interface FixtureOptions {
  /** Vector size. Default FIXTURE_DIM (64); tests build bigger ones to stand in for real models. */
  dim?: number;
  /**
   * Share (0–1) of one direction common to every token vector. Default 0 (the committed fixture);
   * tests use ~0.7 for a "scaled" fixture whose cosines sit high and close together like a real model's.
   */
  shared?: number;
  /** Folder with the bge-small-zh-v1.5 tokenizer files. Default: FIXTURE_TOKENIZER_DIR, else ../shared/tokenizers/bge-small-zh-v1.5. */
  tokenizerDir?: string;
}

/** Writes the fixture into `outDir` (created if needed) and returns the files written, relative. */
export async function writeFixtureModel(outDir: string, options: FixtureOptions = {}): Promise<string[]> {
  const dim = options.dim ?? FIXTURE_DIM;
  const tokenizerDir =
    options.tokenizerDir ??
    process.env.FIXTURE_TOKENIZER_DIR ??
    path.resolve(repoRoot, "../shared/tokenizers/bge-small-zh-v1.5");
  const vocabText = await readFile(path.join(tokenizerDir, "vocab.txt"), "utf8").catch((cause: unknown) => {
    throw new Error(`Tokenizer files not found in ${tokenizerDir} (set FIXTURE_TOKENIZER_DIR)`, { cause });
  });
  const vocab = vocabText.split("\n");
  if (vocab.at(-1) === "") vocab.pop();

  await mkdir(path.join(outDir, "onnx"), { recursive: true });
  // Read + write rather than copyFile: the shared originals are read-only and that mode would be copied.
  for (const file of TOKENIZER_FILES) await writeFile(path.join(outDir, file), await readFile(path.join(tokenizerDir, file)));
  await writeFile(path.join(outDir, "config.json"), configJson(vocab.length, dim));
  await writeFile(path.join(outDir, "README.md"), readme(dim));
  const table = embeddingTable(vocab, dim, options.shared);
  await writeFile(path.join(outDir, FIXTURE_ONNX_FILE), modelBytes(table, vocab.length, dim));
  return [...TOKENIZER_FILES, "config.json", "README.md", FIXTURE_ONNX_FILE];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = path.resolve(process.argv[2] ?? FIXTURE_DIR);
  const files = await writeFixtureModel(outDir);
  console.log(`Wrote ${files.length} files to ${outDir}`);
}
