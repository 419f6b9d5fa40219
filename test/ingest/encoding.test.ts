import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/ingest/encoding.js";
import { GB18030_ONLY, toGbk, toUtf16 } from "../helpers/encodings.js";

/** Issue #31: text pages in GBK, GB18030 and UTF-16 are read, not skipped. */
const page = "昌吉日报\n\n本报讯 记者张三报道：11月7日，准东煤田火区治理持续推进，已完成钻探进尺98653米。\n";

describe("decodeText", () => {
  it.each([
    ["UTF-8", Buffer.from(page), "UTF-8"],
    ["GBK", toGbk(page), "GB18030"],
    ["GB18030 (a four-byte character)", Buffer.concat([toGbk(page), GB18030_ONLY.bytes]), "GB18030"],
    ["UTF-16LE with a byte-order mark", toUtf16(page, "LE+BOM"), "UTF-16LE"],
    ["UTF-16BE without one", toUtf16(page, "BE"), "UTF-16BE"],
  ])("reads a page in %s", (_, bytes, encoding) => {
    const decoded = decodeText(bytes);
    expect(decoded?.encoding).toBe(encoding);
    expect(decoded?.text.startsWith(page)).toBe(true);
  });

  it("keeps the four-byte GB18030 character", () => {
    expect(decodeText(Buffer.concat([toGbk(page), GB18030_ONLY.bytes]))?.text.endsWith(GB18030_ONLY.char)).toBe(true);
  });

  it("refuses binary: NUL bytes, control characters, bytes no encoding reads", () => {
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x1a, 0x0a]))).toBeNull();
    expect(decodeText(Buffer.from([0x00, 0x00, 0x00]))).toBeNull();
    expect(decodeText(Buffer.from([0xff, 0xff, 0xff, 0x80]))).toBeNull();
    // NUL bytes at even offsets only, as in UTF-16BE — but no text: U+00FF U+1337 U+009C.
    expect(decodeText(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x9c]))).toBeNull();
    expect(decodeText(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x41]))).toBeNull();
  });
});
