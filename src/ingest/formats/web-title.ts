/**
 * A web page's headline without the site's name: sites put it on their titles
 * (《呼图壁县城市书房24小时开放-昌吉日报》), in og:title as well as in <title>.
 */

/** What the page's markup offers as its title, in order of trust. */
export interface TitleCandidates {
  ogTitle: string | null;
  h1: string | null;
  title: string | null;
  /** og:site_name (or application-name): the site's own name, when the page states it. */
  siteName: string | null;
  /** The page's text outside its titles (logo, footer…), where a site repeats its name. */
  pageText?: string | null;
}

/** Between a headline and a site name: 标题-昌吉日报, 标题 | 昌吉网, 标题_新闻_昌吉日报网, 标题 — Site. */
const SEPARATOR = /\s*[-_|｜–—·•]+\s*/gu;
/** How a site's name ends when the page does not state it (昌吉日报, 中国昌吉网, 天山网-新闻频道). */
const SITE_LIKE = /(?:网|报|新闻|在线|客户端|频道|电视台|融媒体?|融媒|\.(?:com|cn|net|org)|News|Daily|Times|Post)$/iu;
/** Longest name read as a site's (in characters); a longer suffix is part of the headline. */
const SITE_MAX = 14;
/** Shortest headline left after taking a name off. */
const HEADLINE_MIN = 4;

const clean = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim() || null;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `title` split at its last separator: [rest, suffix], or null without one. */
function lastPart(title: string): [string, string] | null {
  const seps = [...title.matchAll(SEPARATOR)];
  const sep = seps[seps.length - 1];
  if (!sep || sep.index === 0) return null;
  return [title.slice(0, sep.index).trim(), title.slice(sep.index + sep[0].length).trim()];
}

/**
 * Names a title carries as suffixes: the stated site name, a suffix the page repeats outside its
 * titles (its logo, its footer) but not in its h1, one the h1 leaves over, and site-like suffixes
 * (…网, …日报, …频道).
 */
function siteNames(c: TitleCandidates): Set<string> {
  const names = new Set<string>();
  if (c.siteName) names.add(c.siteName);
  const titles = [c.ogTitle, c.title].filter((t): t is string => Boolean(t));
  for (const t of titles) {
    const part = lastPart(t);
    if (!part || [...part[1]].length > SITE_MAX) continue;
    const repeated = Boolean(c.pageText?.includes(part[1])) && !c.h1?.includes(part[1]);
    const leftByH1 = c.h1 !== null && part[0] === c.h1;
    if (repeated || leftByH1 || SITE_LIKE.test(part[1])) names.add(part[1]);
  }
  return names;
}

/** `title` with every site name taken off its end (or start), as long as a headline is left. */
function withoutSite(title: string, names: Set<string>): string {
  let t = title;
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of names) {
      const after = t.replace(new RegExp(`${SEPARATOR.source}${escape(name)}$`, "u"), "").replace(new RegExp(`^${escape(name)}${SEPARATOR.source}`, "u"), "");
      if (after !== t && [...after].length >= HEADLINE_MIN) {
        t = after.trim();
        changed = true;
      }
    }
    const part = lastPart(t);
    if (part && SITE_LIKE.test(part[1]) && [...part[1]].length <= SITE_MAX && [...part[0]].length >= HEADLINE_MIN && !names.has(part[1])) {
      names.add(part[1]);
      changed = true;
    }
  }
  return t;
}

/**
 * The headline (og:title, else the h1, else <title>) with the site's name taken off, and the site's
 * name: the stated one, else the suffix the titles repeat. Null headline when the page has no title.
 */
export function webHeadline(candidates: TitleCandidates): { headline: string | null; site: string | null } {
  const c: TitleCandidates = {
    ogTitle: clean(candidates.ogTitle),
    h1: clean(candidates.h1),
    title: clean(candidates.title),
    siteName: clean(candidates.siteName),
    pageText: candidates.pageText ?? null,
  };
  const names = siteNames(c);
  const raw = c.ogTitle ?? c.h1 ?? c.title;
  const headline = raw ? withoutSite(raw, names) : null;
  const suffix = [...names].find((n) => n !== c.siteName && [c.ogTitle, c.title].some((t) => t?.endsWith(n)));
  return { headline, site: c.siteName ?? suffix ?? null };
}
