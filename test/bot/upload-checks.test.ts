/** What is decided about an upload before it is downloaded, and how its outcome is worded for the admin. */
import { describe, expect, it } from "vitest";
import { refusalBeforeDownload, safeFileName, withoutPaths } from "../../src/bot/upload-checks.js";

const doc = (file_name: string | undefined, mime_type?: string, file_size = 1000) => ({ file_id: "f", file_unique_id: "u", file_size, ...(file_name !== undefined ? { file_name } : {}), ...(mime_type ? { mime_type } : {}) });
const refusal = (d: ReturnType<typeof doc>) => refusalBeforeDownload(d, safeFileName(d), 20 * 1024 * 1024)?.code ?? null;

describe("refusalBeforeDownload", () => {
  it("refuses archives, office files and pictures by name or type", () => {
    expect(refusal(doc("issue.rar"))).toBe("FORMAT_UNKNOWN");
    expect(refusal(doc("page.docx"))).toBe("FORMAT_UNKNOWN");
    expect(refusal(doc(undefined, "image/jpeg"))).toBe("FORMAT_UNKNOWN");
    expect(refusal(doc("scan", "application/zip"))).toBe("FORMAT_UNKNOWN");
  });

  it("lets pages through, whatever type the client gave them, and names without an extension", () => {
    expect(refusal(doc("p1.pdf", "application/octet-stream"))).toBeNull();
    expect(refusal(doc("p1.pdf", "application/zip"))).toBeNull();
    expect(refusal(doc("2024-11-07"))).toBeNull();
    expect(refusal(doc("article.html", "text/html"))).toBeNull();
  });

  it("refuses a name too long and a declared size over the limit", () => {
    expect(refusal(doc(`${"页".repeat(70)}.pdf`))).toBe("FILE_NAME_INVALID");
    expect(refusal(doc("p1.pdf", "application/pdf", 21 * 1024 * 1024))).toBe("FILE_TOO_LARGE");
  });
});

describe("safeFileName", () => {
  it("drops paths, line breaks and bidi overrides from the sent name", () => {
    expect(safeFileName(doc("../../etc/p1.pdf"))).toBe(".._.._etc_p1.pdf");
    expect(safeFileName(doc("第1版\n[2] 伪造\u202Efdp.txt"))).toBe("第1版_[2] 伪造fdp.txt");
    expect(safeFileName(doc(undefined))).toBe("upload-u");
  });
});

describe("withoutPaths", () => {
  it("shows a server path by its last part only, and leaves URLs and other text alone", () => {
    expect(withoutPaths("ENAMETOOLONG: name too long, open '/tmp/qa-add-x1/very-long.txt'")).toBe("ENAMETOOLONG: name too long, open 'very-long.txt'");
    expect(withoutPaths("Cannot add /home/news/inbox/p1.pdf: broken")).toBe("Cannot add p1.pdf: broken");
    expect(withoutPaths("see https://example.org/a/b and text/html")).toBe("see https://example.org/a/b and text/html");
  });
});
