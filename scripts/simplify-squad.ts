import fs from "node:fs";
import * as OpenCC from "opencc-js/t2cn";

/**
 * `npm run -s simplify-squad -- IN OUT`: writes a SQuAD-format file in Traditional Chinese (DRCD)
 * in Simplified characters — titles, paragraphs, questions and answers — so it can be asked and
 * fitted on like CMRC (the seeds and readers' questions are Simplified). The data stays in data/,
 * never committed (DRCD is CC BY-SA 3.0; see docs/external-eval.md).
 */
const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write("Usage: npm run -s simplify-squad -- data/DRCD_dev.json data/drcd_dev.zh-cn.json\n");
  process.exit(2);
}
const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });
const simplify = (value: unknown): unknown => {
  if (typeof value === "string") return toSimplified(value);
  if (Array.isArray(value)) return value.map(simplify);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "id" ? v : simplify(v)]));
  return value;
};
fs.writeFileSync(output, JSON.stringify(simplify(JSON.parse(fs.readFileSync(input, "utf8")))));
process.stdout.write(`wrote ${output}\n`);
