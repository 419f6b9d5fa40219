/**
 * Text pages as newsrooms save them: UTF-8 mostly, but GBK / GB18030 (Windows in mainland China),
 * Big5 and UTF-16 (Notepad's "Unicode") too. The encoding is taken from a byte-order mark, else
 * UTF-8 when the bytes are valid UTF-8, else what chardet ranks first among those read here; the
 * bytes are then decoded strictly with TextDecoder (Node's full ICU has gb18030, big5, utf-16).
 */
import { analyse } from "chardet";

/** Chinese encodings chardet may name and TextDecoder reads; GB18030 covers GBK and GB2312. */
const CHINESE = ["GB18030", "Big5"] as const;

const BOMS: [bytes: number[], encoding: string][] = [
  [[0xef, 0xbb, 0xbf], "UTF-8"],
  [[0xff, 0xfe], "UTF-16LE"],
  [[0xfe, 0xff], "UTF-16BE"],
];

/** Control characters no text page holds (tab, newline, form feed and carriage return aside): a binary file. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/;
/** What Chinese or English text is made of: whitespace, printable ASCII, CJK and its punctuation, full-width forms. */
const TEXTLIKE = /[\t\n\r\u0020-\u007E\u00B7\u2014-\u201D\u2026\u3000-\u303F\u3400-\u9FFF\uFF00-\uFFEF]/g;
/** Share of TEXTLIKE characters a UTF-16 page without a byte-order mark must have (any bytes decode as UTF-16). */
const UTF16_TEXTLIKE = 0.9;

export interface DecodedText {
  /** Without a byte-order mark; line endings as in the file. */
  text: string;
  /** The encoding read, e.g. "UTF-8", "GB18030", "UTF-16LE". */
  encoding: string;
}

/** The text of a page file, or null when it is no text in an encoding read here (binary, or another encoding). */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  const bom = BOMS.find(([mark]) => mark.every((b, i) => bytes[i] === b));
  const candidates = bom ? [bom[1]] : ["UTF-8", ...rankedEncodings(bytes)];
  for (const encoding of candidates) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    const guessedUtf16 = !bom && encoding.startsWith("UTF-16");
    if (!CONTROL.test(text) && (!guessedUtf16 || (text.match(TEXTLIKE)?.length ?? 0) >= UTF16_TEXTLIKE * text.length)) return { text, encoding };
    if (bom) return null;
  }
  return null;
}

/**
 * The encodings to try after UTF-8, best first: UTF-16 without a byte-order mark when NUL bytes sit
 * only at odd (LE) or only at even (BE) offsets — the high bytes of ASCII characters — then chardet's
 * guesses among GB18030 and Big5 (GB18030 on a tie), then GB18030 (a short page may be ranked wrongly).
 */
function rankedEncodings(bytes: Uint8Array): string[] {
  const zeros = [0, 0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) zeros[i % 2]!++;
  const [even, odd] = zeros as [number, number];
  const utf16 = bytes.length % 2 === 0 && even + odd >= 2 && (even === 0 || odd === 0) ? [even === 0 ? "UTF-16LE" : "UTF-16BE"] : [];
  // A tie (a short page) goes to GB18030, the mainland encoding: CHINESE's order.
  const rank = (name: string) => (CHINESE as readonly string[]).indexOf(name);
  const ranked = analyse(bytes)
    .filter((m) => rank(m.name) >= 0)
    .sort((a, b) => b.confidence - a.confidence || rank(a.name) - rank(b.name))
    .map((m) => m.name);
  return [...new Set([...utf16, ...ranked, "GB18030"])];
}
