import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixture-index.js";

/** The README, every page under docs/, and the index folder's note. */
const PAGES = ["README.md", "index/README.md", ...fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** Relative Markdown links `[text](target)` outside code blocks and code spans. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/i.test(target));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const prose = markdown.replace(/```[\s\S]*?```/g, "");
  const headings = [...prose.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!);
  return new Set(headings.map((h) => h.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-")));
}

describe("documentation links", () => {
  it("the README stays short", () => {
    expect(fs.readFileSync(path.join(ROOT, "README.md"), "utf8").split("\n").length).toBeLessThanOrEqual(200);
  });

  it.each(PAGES)("every relative link in %s points at a file (and heading) that exists", (page) => {
    const text = fs.readFileSync(path.join(ROOT, page), "utf8");
    const broken = relativeLinks(text).filter((target) => {
      const [file, anchor] = target.split("#") as [string, string | undefined];
      const resolved = file ? path.resolve(path.dirname(path.join(ROOT, page)), file) : path.join(ROOT, page);
      if (!fs.existsSync(resolved)) return true;
      if (!anchor || !resolved.endsWith(".md")) return false;
      return !anchorsOf(fs.readFileSync(resolved, "utf8")).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});
