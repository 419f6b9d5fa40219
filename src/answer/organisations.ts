import type { QuestionAnalysis } from "./analysis.js";
import { named } from "./clauses.js";
import { ADMIN_UNIT, mentions, type Concept } from "./concepts.js";
import { rolesNamed, titleBefore, type Figure } from "./figures.js";
import { taggedWords } from "../retrieve/tokenize.js";

/**
 * Whether a name holds the role asked of the organisation asked (兴业银行*昌吉分行*行长韩平 is no
 * answer for the Zhundong branch's head): its printed title against the question's words around the
 * role, in Chinese and in English. The veto "another organisation's" (vetoes.ts) reads it.
 */

/** A paper's own staff, named in bylines (本报记者 杨鹤): "the reporter of this story" names the story, not an employer. */
const BYLINE_ROLE = /记者|通讯员/;

/**
 * Whether a name holds the role asked *of the organisation asked*: where its title names an
 * organisation (兴业银行昌吉分行行长韩平), that title must spell every word the question puts
 * right before the role, unbroken (兴业银行准东支行的行长: 准东 and 支行 are not in it, so 韩平
 * heads another branch). Places the question anchors on are left out (the article must name them
 * anyway; a title says 州总工会 for 昌吉州总工会), and a bare role (行长韩平) or a byline (本报记者)
 * says nothing against the name.
 */
export function ofOrganisationAsked(analysis: QuestionAnalysis, own: Concept[], focus: Concept | null, sentence: string, name: Figure): boolean {
  if (analysis.lang === "en") return ofOrganisationAskedEn(analysis, sentence, name);
  if (!focus || focus.at === undefined || !rolesNamed([focus.label]).roles.length || BYLINE_ROLE.test(focus.label)) return true;
  // What the title prints before a role the question spells whole (高级*技师*) is part of the role, no organisation.
  const printed = titleBefore(sentence, name.start)?.organisation ?? "";
  const organisation = focus.label.includes(printed) || GENERIC_BODY.test(printed) ? "" : printed;
  const before = own.filter((c) => c.run === focus.run && c.at !== undefined && c.at < focus.at!);
  const whose = before.filter((c) => !c.anchor);
  return !organisation || (whose.every((c) => mentions(organisation, c)) && !ofAnotherPlace(organisation, before.filter((c) => c.place)));
}

/**
 * Whether a title's organisation is another place's (奇台县退役军人事务局 when 昌吉州's bureau is
 * asked): it names a place, and none the question puts before the role. A title without a place
 * (州总工会) says nothing against it.
 */
function ofAnotherPlace(organisation: string, asked: Concept[]): boolean {
  // A title naming the place asked anywhere (新疆…公司昌吉分公司: jieba tags 昌吉 a name) is that place's.
  if (!asked.length || asked.some((c) => mentions(organisation, c))) return false;
  const places = taggedWords(organisation).filter((w) => w.tag === "ns" || (w.word.length >= 3 && ADMIN_UNIT.test(w.word)));
  return places.length > 0 && !places.some((p) => asked.some((c) => mentions(p.word, c) || c.alternatives.some((a) => p.word.includes(a))));
}

/** A body named by its kind alone: the article's own company, unit or centre. */
const GENERIC_BODY = /^(?:该|本|这家|此)?(?:公司|企业|集团|单位|中心|合作社|工厂|厂)$/;

/** What may stand between the words of an organisation's name: "the head *of the* Changji *education* bureau". */
const IN_A_NAME = /^(?:\s|of|the|at|in|for|and|'s|,|-)*$/i;

/**
 * The question's words naming the organisation after its role (the head *of the Changji education
 * bureau*): the run right after it, up to the first word that is no part of a name — a verb ("which
 * minister *was quoted on* the symposium" names an event, not the ministry).
 */
function organisationAfter(question: string, role: Concept, own: Concept[]): Concept[] {
  const run: Concept[] = [];
  let end = role.at! + role.label.length;
  for (const c of own.filter((o) => o.at! > role.at!).sort((a, b) => a.at! - b.at!)) {
    if (!IN_A_NAME.test(question.slice(end, c.at))) break;
    if (!rolesNamed(c.alternatives).roles.length) run.push(c);
    end = c.at! + c.label.length;
  }
  return run;
}

/**
 * The English form of `ofOrganisationAsked`: the words after the role (the head *of the Changji
 * education bureau*, who *heads the ski resort*) name the organisation, read through the bridge's
 * loose readings — so most of them, not every one, must be in the title (教育 and 局 for
 * 奇台县退役军人事务局局长: 局 only, another bureau). A name the question puts in the
 * organisation (the *Zhundong* branch) must be in it (兴业银行昌吉分行: another branch).
 */
function ofOrganisationAskedEn(analysis: QuestionAnalysis, sentence: string, name: Figure): boolean {
  const own = analysis.own.filter((c) => !c.date && !c.context && c.at !== undefined);
  const role = own.find((c) => rolesNamed(c.alternatives).roles.length > 0);
  const title = role ? titleBefore(sentence, name.start) : null;
  // A title naming no body of its own (公司负责人, 该公司董事长: the article's company) says nothing against the name.
  if (!role || !title?.organisation || GENERIC_BODY.test(title.organisation)) return true;
  const titled = title.organisation + title.role;
  const after = organisationAfter(analysis.wording.plain, role, own);
  const words = after.filter((c) => !c.anchor && !c.weak && c.alternatives.some((a) => /\p{Script=Han}/u.test(a)));
  const { partialMention } = analysis.tuning;
  if (words.length && words.filter((c) => named(titled, c, partialMention)).length * 2 <= words.length) return false;
  // A place the question names (the *Jimsar* county bureau) against the title's (奇台县…局): another place's body.
  const placesNamed = after.filter((c) => c.place || (/^[A-Z]/.test(c.label) && c.alternatives.some((a) => a.length >= 3 && ADMIN_UNIT.test(a))));
  if (ofAnotherPlace(title.organisation, placesNamed)) return false;
  return after.filter((c) => c.anchor).every((c) => mentions(titled, c));
}
