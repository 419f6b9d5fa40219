/**
 * A web page's byline: who wrote the story, as a saved page says it — a 作者：/记者： label on the
 * line under the headline (来源：昌吉日报 作者：李文), the author meta tags, or the element
 * Readability takes for the byline. It goes to the article's `byline`, as a printed page's
 * 本报记者… line does, never into the headline or the body.
 */

/** Where a web page may state its author, read before Readability changes the document. */
export interface BylineCandidates {
  /** Short lines of the story that carry a writer's label (来源：… 作者：… 编辑：…), in page order. */
  labelled: string[];
  /** meta[name=author], else meta[property=article:author] (a profile URL is no byline). */
  metaAuthor: string | null;
  /** What Readability found: JSON-LD's author, the meta tags or a byline element. */
  readability: string | null;
  /** The site's name: a site given as the author is no byline. */
  site: string | null;
}

/** Labels that name the story's writers; a role label (记者) stays with the name, 作者 does not. */
const LABEL = /(作者|撰稿|撰文|(?:本报)?(?:特约)?记者|通讯员)\s*[:：]\s*/gu;
/** Where a labelled value ends: the next `label：`, a | separator, a date or time, or the line's end. */
const VALUE_END = /\s+[^\s:：]{1,6}\s*[:：]|\s*[|｜]|\s+\d|$/u;
/** Longest byline taken (a longer "author" is a sentence or a list of tags). */
const BYLINE_MAX = 40;
const ROLE_LABEL = /记者|通讯员/u;

/** True when `line` names writers by label (作者：, 记者：…). */
export function hasBylineLabel(line: string): boolean {
  return new RegExp(LABEL.source, "u").test(line);
}

/** The writers a line names by label: `来源：昌吉日报 作者：李文` → `李文`; `记者：王芳 通讯员：赵强` → `记者 王芳 通讯员 赵强`. */
export function labelledByline(line: string): string | null {
  const parts: string[] = [];
  for (const m of line.matchAll(LABEL)) {
    const rest = line.slice(m.index + m[0].length);
    const value = rest.slice(0, VALUE_END.exec(rest)!.index).trim();
    if (!value) continue;
    const role = m[1]!;
    parts.push(ROLE_LABEL.test(role) && !value.startsWith(role) ? `${role} ${value}` : value);
  }
  return parts.length ? parts.join(" ") : null;
}

/** A usable byline: short, no URL, not the site's own name; labels read as in `labelledByline`. */
function usable(value: string | null, site: string | null): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  if (!text || /^[a-z]+:\/\/|^www\./i.test(text)) return null;
  const byline = labelledByline(text) ?? (/[:：]/u.test(text) ? null : text);
  // Names, not a sentence: an interview's 记者：你们今年收成怎么样？ is no byline.
  if (!byline || [...byline].length > BYLINE_MAX || /[，。！？；,!?;]/u.test(byline)) return null;
  if (site && (byline === site || site.includes(byline))) return null;
  return byline;
}

/** The page's byline: a labelled line of the story first, then the author meta tags, then Readability's. */
export function webByline(c: BylineCandidates): string | null {
  for (const line of c.labelled) {
    const byline = usable(labelledByline(line), c.site);
    if (byline) return byline;
  }
  return usable(c.metaAuthor, c.site) ?? usable(c.readability, c.site);
}
