/**
 * Small generated files that would make a reader work without bound: a PDF of many pages, a PDF
 * whose content inflates far past its size, a deeply nested web page, a long unpunctuated text.
 */
import zlib from "node:zlib";

/** A valid PDF (with a correct xref table) from its objects' bodies, object 1 the catalog. */
function pdfOf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from("\nendobj\n")]);
    offsets.push(at);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/** A PDF of `pages` pages that all draw one short line of text (one shared content stream). */
export function manyPagePdf(pages: number): Buffer {
  const content = "BT /F1 12 Tf 72 720 Td (Page text of a hostile test file) Tj ET";
  const first = 5; // objects 1-4: catalog, pages, font, content
  const kids = Array.from({ length: pages }, (_, i) => `${first + i} 0 R`).join(" ");
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    FONT,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...Array.from({ length: pages }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"),
  ]);
}

/** A one-page PDF whose content stream is `inflated` bytes of blanks compressed to a few KB (a "zip bomb"). */
export function bombPdf(inflated: number): Buffer {
  const text = "BT /F1 12 Tf 72 720 Td (A page that inflates) Tj ET\n";
  const packed = zlib.deflateSync(Buffer.concat([Buffer.from(text), Buffer.alloc(inflated, 32)]), { level: 9 });
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    FONT,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    Buffer.concat([Buffer.from(`<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`), packed, Buffer.from("\nendstream")]),
  ]);
}

/** A web page whose article sits inside `depth` nested divs. */
export function nestedHtml(depth: number): Buffer {
  const story = "<h1>深层嵌套的网页</h1><p>这是一篇放在很多层嵌套元素里的文章，用来检验读取网页时的深度上限。</p>".repeat(3);
  return Buffer.from(`<!doctype html><html><head><title>nested</title></head><body>${"<div>".repeat(depth)}${story}${"</div>".repeat(depth)}</body></html>`);
}

/** `chars` characters of text with no punctuation, no spaces and no line break. */
export function unpunctuatedText(chars: number): Buffer {
  return Buffer.from("a".repeat(chars));
}
