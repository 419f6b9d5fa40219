import { describe, expect, it } from "vitest";
import { webHeadline } from "../../src/ingest/formats/web-title.js";

/** A web page's headline is the story's own, never with the site's name left on it. */
const none = { ogTitle: null, h1: null, title: null, siteName: null };

describe("webHeadline", () => {
  it("takes the stated site name (og:site_name) off og:title, and names the site", () => {
    expect(webHeadline({ ...none, ogTitle: "某县图书馆开馆 | 某某新闻网", siteName: "某某新闻网" })).toEqual({ headline: "某县图书馆开馆", site: "某某新闻网" });
  });

  it("takes off a suffix that the page repeats in its logo or footer, and reads it as the site", () => {
    const page = { ...none, ogTitle: "某县图书馆开馆-某某晨刊", title: "某县图书馆开馆-某某晨刊", pageText: "某某晨刊 首页 … 某某晨刊社版权所有" };
    expect(webHeadline(page)).toEqual({ headline: "某县图书馆开馆", site: "某某晨刊" });
    // A second half that only the title has is the headline's own.
    expect(webHeadline({ ...page, ogTitle: "某县图书馆开馆-市民点赞", title: null }).headline).toBe("某县图书馆开馆-市民点赞");
  });

  it("takes off what the h1 leaves over, and chains of site-like suffixes", () => {
    expect(webHeadline({ ...none, title: "某县图书馆开馆_某某在线", h1: "某县图书馆开馆" }).headline).toBe("某县图书馆开馆");
    expect(webHeadline({ ...none, title: "某县图书馆开馆_地方新闻_某某日报网" }).headline).toBe("某县图书馆开馆");
  });

  it("prefers og:title, then the h1, then <title>", () => {
    expect(webHeadline({ ...none, ogTitle: "甲", h1: "乙", title: "丙" }).headline).toBe("甲");
    expect(webHeadline({ ...none, h1: "乙", title: "丙" }).headline).toBe("乙");
    expect(webHeadline(none)).toEqual({ headline: null, site: null });
  });

  it("keeps a dash that is part of the headline", () => {
    expect(webHeadline({ ...none, title: "1-11月安全生产交出“双下降”答卷" }).headline).toBe("1-11月安全生产交出“双下降”答卷");
    expect(webHeadline({ ...none, title: "某市举行发布会 — 前11月安全生产形势平稳向好" }).headline).toBe("某市举行发布会 — 前11月安全生产形势平稳向好");
  });
});
