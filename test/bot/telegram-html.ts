/**
 * A strict checker for Telegram HTML (parse_mode "HTML") as the Bot API documents it: only the
 * tags we allow, balanced and properly nested, and every `&` starting a valid entity.
 */
const ALLOWED = new Set(["b", "i", "u", "s", "a", "code", "pre", "blockquote"]);
const ENTITY = /^&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/;

/** Problems found in `html`; empty when it is valid. */
export function telegramHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === "<") {
      const end = html.indexOf(">", i);
      if (end < 0) {
        problems.push(`unterminated tag at ${i}`);
        break;
      }
      const tag = html.slice(i + 1, end);
      const m = /^(\/?)([a-z]+)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*$/.exec(tag);
      if (!m) problems.push(`malformed tag <${tag}> at ${i}`);
      else {
        const [, slash, name = "", attrs = ""] = m;
        if (!ALLOWED.has(name)) problems.push(`tag <${name}> not allowed`);
        if (slash) {
          const open = stack.pop();
          if (open !== name) problems.push(`</${name}> closes <${open ?? "nothing"}> at ${i}`);
        } else {
          if (attrs.trim() && !(name === "a" && /^\s+href="[^"]*"$/.test(attrs))) problems.push(`attributes on <${name}>: ${attrs}`);
          stack.push(name);
        }
      }
      i = end + 1;
    } else if (ch === ">") {
      problems.push(`bare > at ${i}`);
      i++;
    } else if (ch === "&") {
      const m = ENTITY.exec(html.slice(i, i + 12));
      if (!m) problems.push(`bad entity at ${i}: ${html.slice(i, i + 8)}`);
      i += m ? m[0].length : 1;
    } else i++;
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(", ")}`);
  return problems;
}
