import { describe, expect, it } from "vitest";
import { labelledByline, webByline } from "../../src/ingest/formats/web-byline.js";

/** A web page's byline: the writers it names, by label or in its author meta tags. */
const none = { labelled: [], metaAuthor: null, readability: null, site: null };

describe("labelledByline", () => {
  it("reads the value of a 作者： label up to the next label, and keeps a role label with its names", () => {
    expect(labelledByline("来源：某某日报 作者：甲乙 编辑：丙丁")).toBe("甲乙");
    expect(labelledByline("记者：甲乙 通讯员：丙丁 | 责任编辑：戊")).toBe("记者 甲乙 通讯员 丙丁");
    expect(labelledByline("作者：通讯员甲乙、丙丁 2025-05-20 08:00")).toBe("通讯员甲乙、丙丁");
    expect(labelledByline("来源：某某日报 编辑：丙丁")).toBeNull();
  });
});

describe("webByline", () => {
  it("prefers a labelled line of the story, then the author meta tag, then Readability's", () => {
    expect(webByline({ ...none, labelled: ["来源：某某日报 作者：甲乙"], metaAuthor: "丙丁", readability: "戊己" })).toBe("甲乙");
    expect(webByline({ ...none, metaAuthor: "丙丁", readability: "戊己" })).toBe("丙丁");
    expect(webByline({ ...none, readability: "戊己" })).toBe("戊己");
  });

  it("takes no URL, no site name and no sentence for a byline", () => {
    expect(webByline({ ...none, metaAuthor: "https://news.example/author/1" })).toBeNull();
    expect(webByline({ ...none, metaAuthor: "某某日报", site: "某某日报" })).toBeNull();
    // An interview's question is labelled 记者： too.
    expect(webByline({ ...none, labelled: ["记者：你们今年的收成怎么样？"] })).toBeNull();
  });
});
