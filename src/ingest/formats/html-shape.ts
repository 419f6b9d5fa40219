/**
 * The size of a web page's element tree, measured on the raw markup in one linear pass — before
 * linkedom parses it (its parse slows about quadratically with depth, 100,000 nested divs: 9 s) and
 * before Readability reads it (about cubically). Approximate on purpose: it is a bound, not a parser.
 */
import type { ReadLimits } from "./limits.js";
import { tooComplex } from "./limits.js";

/** Elements that never hold others. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
/** Elements a second one of the same name closes (`<li>a<li>b`, `<p>a<p>b`): they do not nest. */
const SELF_CLOSING_SIBLINGS = new Set(["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rp", "rt"]);
/** How far up an open element of the same name is looked for by one of those. */
const SIBLING_REACH = 8;
/** Elements whose content is text, not markup. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noscript"]);
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][\w:-]*)\b[^>]*?(\/?)>/g;

export interface HtmlShape {
  elements: number;
  depth: number;
}

/** Counts the elements and the deepest nesting; stops as soon as either is over `limits` (so its cost is bounded too). */
export function measureHtml(html: string, limits: Pick<ReadLimits, "maxHtmlElements" | "maxHtmlDepth">): HtmlShape {
  const stack: string[] = [];
  let elements = 0;
  let depth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const [, closing, tagName, selfClosed] = m;
    if (!tagName) continue; // a comment
    const name = tagName.toLowerCase();
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    elements++;
    if (elements > limits.maxHtmlElements) return { elements, depth };
    if (VOID.has(name) || selfClosed) continue;
    if (SELF_CLOSING_SIBLINGS.has(name)) {
      const at = stack.lastIndexOf(name);
      if (at >= 0 && stack.length - at <= SIBLING_REACH) stack.length = at;
    }
    if (RAW_TEXT.has(name)) {
      // Skip to its end tag: `<div>` inside a script is text.
      const end = new RegExp(`</${name}`, "ig");
      end.lastIndex = TAG.lastIndex;
      TAG.lastIndex = end.exec(html)?.index ?? html.length;
      continue;
    }
    stack.push(name);
    depth = Math.max(depth, stack.length);
    if (depth > limits.maxHtmlDepth) return { elements, depth };
  }
  return { elements, depth };
}

/** HTML_TOO_COMPLEX when the page has more elements or deeper nesting than `limits` allow. */
export function checkHtmlShape(html: string, name: string, limits: Pick<ReadLimits, "maxHtmlElements" | "maxHtmlDepth">): void {
  const shape = measureHtml(html, limits);
  if (shape.elements > limits.maxHtmlElements) throw tooComplex("html", name, `the web page has more than ${limits.maxHtmlElements.toLocaleString("en")} elements`);
  if (shape.depth > limits.maxHtmlDepth) throw tooComplex("html", name, `the web page nests its elements more than ${limits.maxHtmlDepth} deep`);
}
