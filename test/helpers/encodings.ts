/**
 * Pages in the encodings Chinese newsrooms save (issue #31), made from UTF-8 text for tests: Node
 * decodes GBK and GB18030 but has no encoder, so the GBK table is read back from the decoder.
 */
let gbkTable: Map<string, Buffer> | null = null;

function gbkOf(char: string): Buffer | null {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gbk", { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const pair = Buffer.from([lead, trail]);
        try {
          const decoded = decoder.decode(pair);
          if (decoded.length === 1 && !gbkTable.has(decoded)) gbkTable.set(decoded, pair);
        } catch {
          // not a GBK character
        }
      }
    }
  }
  return gbkTable.get(char) ?? null;
}

/** `text` in GBK; characters GBK lacks are left out (the seed pages hold a few). */
export function toGbk(text: string): Buffer {
  return Buffer.concat([...text].map((c) => (c.charCodeAt(0) < 0x80 ? Buffer.from(c) : (gbkOf(c) ?? Buffer.alloc(0)))));
}

/** 𠀀 (U+20000) in GB18030: a four-byte sequence, outside GBK. */
export const GB18030_ONLY = { char: "𠀀", bytes: Buffer.from([0x95, 0x32, 0x82, 0x36]) };

/** `text` in UTF-16, little-endian with a byte-order mark or big-endian without one. */
export function toUtf16(text: string, order: "LE+BOM" | "BE"): Buffer {
  const le = Buffer.from(text, "utf16le");
  if (order === "LE+BOM") return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.from(le);
  for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
  return be;
}
