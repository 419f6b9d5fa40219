/**
 * English word forms the dictionary cites differently: CC-CEDICT glosses use American spelling and
 * the base form of a verb ("to write", "meter", "color"), while readers write "wrote", "metres",
 * "colour". Both sides of the bridge (glosses and questions) go through `dictionaryForm`, so they meet.
 * In the CMRC 2018 English questions, 12 of the content words the bridge could not read were such
 * forms (metres ×3, held ×3, centimetres ×2, colour ×2, wrote, took, programme, defence, rebuilt,
 * organisation).
 */

/**
 * Past tenses and participles of common irregular verbs. Forms that are also another word are left
 * out: "found" (to found), "left", "saw", "lay", "felt", "ground", "wound", "bound", "rose", "bore".
 */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  (
    "arose:arise arisen:arise awoke:awake began:begin begun:begin borne:bear broke:break broken:break brought:bring " +
    "built:build rebuilt:rebuild bought:buy caught:catch chose:choose chosen:choose came:come dealt:deal did:do done:do drew:draw " +
    "drawn:draw drank:drink drunk:drink drove:drive driven:drive ate:eat eaten:eat fell:fall fallen:fall fed:feed fought:fight " +
    "fled:flee flew:fly flown:fly forbade:forbid forgot:forget forgotten:forget froze:freeze frozen:freeze gave:give given:give " +
    "went:go gone:go grew:grow grown:grow hung:hang heard:hear hid:hide hidden:hide held:hold kept:keep knew:know known:know " +
    "led:lead lent:lend lost:lose made:make met:meet paid:pay rode:ride ridden:ride rang:ring rung:ring risen:rise ran:run " +
    "said:say sought:seek sold:sell sent:send shook:shake shaken:shake shone:shine shot:shoot shown:show shrank:shrink sang:sing " +
    "sung:sing sank:sink sunk:sink slept:sleep spoke:speak spoken:speak spent:spend spun:spin stood:stand stole:steal stolen:steal " +
    "stuck:stick struck:strike strove:strive swore:swear sworn:swear swept:sweep swam:swim swum:swim took:take taken:take " +
    "taught:teach tore:tear torn:tear told:tell thought:think threw:throw thrown:throw understood:understand undertook:undertake " +
    "undertaken:undertake woke:wake wore:wear worn:wear won:win withdrew:withdraw withdrawn:withdraw wrote:write written:write " +
    "overthrew:overthrow overthrown:overthrow overtook:overtake overtaken:overtake"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
);

/** British spellings a rule would get wrong, or that follow no rule. */
const BRITISH: Record<string, string> = {
  programme: "program", programmes: "programs", defence: "defense", offence: "offense", licence: "license", pretence: "pretense",
  catalogue: "catalog", analyse: "analyze", analysed: "analyzed", grey: "gray", tyre: "tire", tyres: "tires", aluminium: "aluminum",
  jewellery: "jewelry", storey: "story", storeys: "stories", plough: "plow", mould: "mold", cheque: "check", kerb: "curb",
  travelled: "traveled", travelling: "traveling", cancelled: "canceled", modelling: "modeling", labelled: "labeled",
};
/** Words in -our spelled -or in American English (colour, labour); four, hour, tour, flour are not. */
const OUR =
  /^(colou?r|favou?r|flavou?r|honou?r|humou?r|labou?r|neighbou?r|behaviou?r|harbou?r|rumou?r|vapou?r|armou?r|odou?r|endeavou?r|vigou?r|parlou?r|savou?r|splendou?r|tumou?r|rigou?r)/;
/** -ise verbs that are not -ize in American English either. */
const ISE_KEPT = /(rise|wise|cise|mise|vise|prise|spise|dise|oise|cruise|raise|praise|guise|chise|tise|erise|ercise)(d|s)?$/;

/** The form a dictionary gloss would use for an English word (lower-case in, lower-case out). */
export function dictionaryForm(word: string): string {
  const known = IRREGULAR[word] ?? BRITISH[word];
  if (known) return known;
  if (OUR.test(word)) return word.replace(/our/, "or");
  // metre, centimetres, centre, theatre, litre → meter, centimeters, center, theater, liter.
  if (/tres?$/.test(word) && word.length >= 5) return word.replace(/tre(s?)$/, "ter$1");
  // organisation, recognised, specialising → organization, recognized, specializing.
  if (/isations?$/.test(word)) return word.replace(/isation/, "ization");
  if (word.length >= 7 && /is(e|es|ed|ing)$/.test(word) && !ISE_KEPT.test(word.replace(/ing$/, "e"))) return word.replace(/is(e|es|ed|ing)$/, "iz$1");
  return word;
}
