/**
 * Repeat mentions in one text of a person or a street already found in it.
 *
 * People: "Declan O'Neill, 27, … O'Neill was jailed", "Have you seen Amira Hussein? Amira, 15, …".
 * Prose names a person in full once and by surname or forename afterwards; a gazetteer recogniser
 * cannot tell a lone "Munro" from a word, but the full mention earlier in the same text can. A lone
 * word is taken only where it reads as a name on its own: not next to another capitalised word
 * ("Munro Close", "Leverstock Green"), not a common capitalised word, and not inside anything found.
 *
 * Streets: "27 Longmead, Letchworth … 29 Longmead".
 */
import type { RawDetection } from './types.js';
import { firstEndingAfter, newDetection } from './engine.js';
import { boundedMemo } from './memo.js';
import { escapeRegExp } from './chars.js';
import { COMMON_CAPITALISED, STREET_TYPE_SET, TITLES, PLACES } from './gazetteer/lexicon.js';
import { NICKNAMES } from './gazetteer/names.js';
import { NOT_HOUSE_NUMBER_BEFORE } from './recognizers/address.js';

const REASON = 'person:repeat-mention';
/** Letters of a name word, including apostrophes and hyphens inside it (O'Neill, Baptiste-Williams). */
const NAME_WORD = /[\p{Lu}][\p{L}'’-]*[\p{L}]|[\p{Lu}]/gu;
const LETTER = /[\p{L}]/u;
// Latin letters incl. accents, as the person recogniser reads names; no /u flag and the lookbehind
// after the first letter, so the engine skips ahead to capitals (3x faster on case-dense text)
const UP = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0100-\\u024F\\u1E00-\\u1EFF';
const LET = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u1E00-\\u1EFF';
const CAPITALISED_WORD = new RegExp(`[${UP}](?<![${LET}'’-].)[${LET}'’-]*`, 'g');
/** "Mahmood's", "Jones'", "Pryce-": a trailing possessive or dash is not part of the name. */
function bareWord(w: string): string {
  const last = w.charCodeAt(w.length - 1);
  if (last !== 39 && last !== 0x2019 && last !== 45 && !(last === 115 && w.length > 2 && (w.charCodeAt(w.length - 2) === 39 || w.charCodeAt(w.length - 2) === 0x2019))) return w;
  return w.replace(/(?:['’]s|['’-]+)$/, '');
}
const UPPER = /^\p{Lu}/u;
const wordShape = (w: string): number => w.charCodeAt(0) * 1024 + Math.min(w.length, 1023);

/** "I'm", "It's", "We're": a pronoun's contraction before a name is not another name. */
const isContraction = (w: string): boolean => /^(?:I|[A-Z][a-z]*)['’](?:m|s|re|ve|ll|d)$/.test(w) && (w.startsWith('I\'') || w.startsWith('I’') || isCommon(w.replace(/['’].*$/, '')));

/** The word lists hold lower-case keys. */
const isTitle = (w: string): boolean => TITLES.has(w.toLowerCase());
const isCommon = (w: string): boolean => COMMON_CAPITALISED.has(w.toLowerCase());

/** Surname and forename of one detected name, as they would be written alone (cached: names repeat). */
const nameWords = boundedMemo(computeNameWords, 20_000);

function computeNameWords(value: string): string[] {
  let words: string[] = value.match(NAME_WORD) ?? [];
  while (words.length && isTitle(words[0]!)) words = words.slice(1);
  // initials and particles say nothing on their own
  words = words.filter((w) => w.length >= 3);
  // "HARTLEY, J. P.": a surname with initials is followed up by its surname
  if (words.length === 1 && words[0]!.length >= 4 && /\b[A-Z]\.(?:[ \t]|$)/.test(value)) {
    return words.filter((w) => !isCommon(w) && !STREET_TYPE_SET.has(w.toLowerCase()) && !PLACES.has(w.toLowerCase()));
  }
  if (words.length < 2) return [];
  // "OKAFOR, Adaeze": surname first
  const comma = value.indexOf(',');
  const surname = comma > 0 ? words[0]! : words[words.length - 1]!;
  const forename = comma > 0 ? words[1]! : words[0]!;
  const out = [surname];
  // a forename alone is a name only in mixed case ("Amira, 15, was last seen"), never an ALL-CAPS table cell
  if (forename !== surname && forename !== forename.toUpperCase()) out.push(forename);
  // "Liam 'Smiffy' Smith … Smiffy was bailed": the nickname written inside the name
  const nickname = NICKNAME_INSIDE.exec(value);
  if (nickname) out.push(nickname[1]!);
  return out.filter((w) => !isCommon(w) && !STREET_TYPE_SET.has(w.toLowerCase()) && (!PLACES.has(w.toLowerCase()) || w === surname));
}

const NICKNAME_INSIDE = /[ \t](?:'|‘|"|“|\()(\p{Lu}\p{Ll}+)(?:'|’|"|”|\))[ \t]/u;

const COMPASS_BEFORE = new Set(['north', 'south', 'east', 'west', 'central', 'mid', 'upper', 'lower', 'greater', 'inner', 'outer']);

/** Words that put a place name after them ("in Chester", "the Lincoln area"): a place-named surname there is the place. */
const BEFORE_A_PLACE = new Set(['in', 'at', 'near', 'to', 'from', 'of', 'into', 'towards', 'via', 'around', 'outside', 'across', 'through', 'for', 'between', 'and', 'the', 'central', 'north', 'south', 'east', 'west', 'greater', 'visit', 'visited', 'leave', 'left', 'reach', 'reached']);

/**
 * "Darren Chester … Chester was bailed": a surname that is also a place is followed up only between a
 * word that would not put a place after it and a lower-case word that is no link to another place.
 */
function placeNamedMention(before: string, after: string): boolean {
  if (before && BEFORE_A_PLACE.has(before.toLowerCase())) return false;
  return after !== '' && after[0] === after[0]!.toLowerCase() && !BEFORE_A_PLACE.has(after) && !['or', 'area', 'city', 'town', 'road', 'station', 'centre', 'branch', 'office', 'district', 'ward'].includes(after);
}

/** Whether [s, e) overlaps a detection; `dets` come from resolveOverlaps: disjoint and sorted. */
function insideAny(dets: readonly RawDetection[], s: number, e: number): boolean {
  const i = firstEndingAfter(dets, s);
  return i < dets.length && dets[i]!.start < e;
}

/** Whether the blanks in [from, to) hold a tab or three spaces or more ("Signed: P. Raghunathan    Statement taken by"). */
function isColumnGap(text: string, from: number, to: number): boolean {
  return to - from > 2 || text.slice(from, to).includes('\t');
}

/** The word just before `at` (across spaces), or '' after punctuation: a sentence start reads as a name on its own. */
function wordBefore(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  // a tab or a gap of three spaces or more is a layout's column break: nothing beside the name
  if (isColumnGap(text, i + 1, at)) return '';
  // "Mr. Mahmood": a title's dot is not a sentence end
  const dotted = text[i] === '.';
  const end = dotted ? i : i + 1;
  if (dotted) i--;
  while (i >= 0 && (LETTER.test(text[i]!) || text[i] === "'" || text[i] === '’' || text[i] === '-')) i--;
  const word = text.slice(i + 1, end);
  return dotted && !isTitle(word) ? '' : word;
}

function wordAfter(text: string, at: number): string {
  let i = at;
  // a possessive belongs to the name: look past it
  if (text[i] === "'" || text[i] === '’') i += text[i + 1] === 's' ? 2 : 1;
  const gapFrom = i;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (isColumnGap(text, gapFrom, i)) return '';
  const start = i;
  while (i < text.length && LETTER.test(text[i]!)) i++;
  return text.slice(start, i);
}

/** A text this long is searched for its antecedents by name; a shorter one by a scan of every capitalised word. */
export const NAME_SEARCH_MIN_LENGTH = 16 * 1024;
/** More antecedents than this are looked up word by word: the alternation would grow with a hostile page. */
const NAME_SEARCH_MAX_NAMES = 5000;
/** A word the capitalised-word scan can yield: a capital, then name characters. */
const SCANNABLE_WORD = new RegExp(`^[${UP}][${LET}'’-]*$`);
const NAME_CHAR = new RegExp(`[${LET}'’-]`);

/**
 * [index, bare word] of every capitalised word in `text` that is one of `antecedents` (after bareWord()).
 * Two ways to the same answer:
 * - on a short text (a page block), one scan of every capitalised word, most turned away by a number
 *   lookup of first letter and length before the string lookup, which has to hash each new word;
 * - on a long text, one regex of the names themselves, compiled per text: it skips the words that are no
 *   name natively (4 MB of prose: 25 ms → 7 ms), where compiling it would cost more than a short scan.
 */
export function antecedentWords(text: string, antecedents: ReadonlyMap<string, unknown>, searchMinLength = NAME_SEARCH_MIN_LENGTH): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  if (text.length >= searchMinLength && antecedents.size <= NAME_SEARCH_MAX_NAMES) {
    const names = [...antecedents.keys()].filter((w) => SCANNABLE_WORD.test(w));
    if (!names.length) return out;
    // a whole word made of a name and what bareWord() takes off (a possessive or dashes), or nothing…
    const re = new RegExp(`(?:${names.map(escapeRegExp).join('|')})(?:['’]s|['’-]+)?(?![${LET}'’-])`, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // …not the end of a longer word (no word can start inside this match: it is all name characters),
      // whose bare form is a name ("Jo's's" is "Jo's")
      if (m.index > 0 && NAME_CHAR.test(text[m.index - 1]!)) continue;
      const word = bareWord(m[0]);
      if (antecedents.has(word)) out.push([m.index, word]);
    }
    return out;
  }
  const shapes = new Set<number>();
  for (const w of antecedents.keys()) shapes.add(wordShape(w));
  CAPITALISED_WORD.lastIndex = 0;
  for (let m = CAPITALISED_WORD.exec(text); m; m = CAPITALISED_WORD.exec(text)) {
    const word = bareWord(m[0]);
    if (shapes.has(wordShape(word)) && antecedents.has(word)) out.push([m.index, word]);
  }
  return out;
}

/**
 * New PERSON detections for lone surnames and forenames of people in `dets` (the recognisers'
 * output for this text, disjoint and sorted by start). Each copies its antecedent's score, less a little.
 */
export function repeatMentions(text: string, dets: readonly RawDetection[]): RawDetection[] {
  const persons = dets.filter((d) => d.entity === 'PERSON');
  if (!persons.length) return [];
  const antecedent = new Map<string, RawDetection>();
  for (const p of persons) {
    const value = text.slice(p.start, p.end);
    // a one-word name found by its own cue ("her son Mahad") is followed up as it stands
    const words = p.reasons.includes('person:kin') && value.length >= 3 ? [value] : nameWords(value);
    // "Oliver Tremayne … Ollie was the life and soul": the forename's everyday short forms
    if (words.length === 2) {
      for (const nick of NICKNAMES.get(words[1]!.toLowerCase()) ?? []) {
        const w = nick[0]!.toUpperCase() + nick.slice(1);
        if (!antecedent.has(w) && !isCommon(w)) antecedent.set(w, p);
      }
    }
    for (const w of words) {
      if (!antecedent.has(w)) antecedent.set(w, p);
      // "MAHMOOD, Tariq" in a register, "issued to Mahmood" in the prose beside it
      const title = w.length > 1 && w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : '';
      if (title && !antecedent.has(title) && !isCommon(title)) antecedent.set(title, p);
      // "MCGUIGAN" … "McGuigan", "O'NEILL" … "O'Neill"
      const prefixed = title ? /^(Ma?c|O['’])(\w)(.*)$/.exec(title) : null;
      if (prefixed && prefixed[3]!.length >= 2) {
        const cased = prefixed[1]! + prefixed[2]!.toUpperCase() + prefixed[3]!;
        if (!antecedent.has(cased)) antecedent.set(cased, p);
      }
      // "HAVE YOU SEEN SAPANA?": a heading in capitals names the same person
      const upper = w.length >= 4 && w !== w.toUpperCase() ? w.toUpperCase() : '';
      if (upper && !antecedent.has(upper)) antecedent.set(upper, p);
    }
  }
  if (!antecedent.size) return [];
  const inside = (st: number, en: number): boolean => insideAny(dets, st, en);
  const out: RawDetection[] = [];
  for (const [found, word] of antecedentWords(text, antecedent)) {
    const a = antecedent.get(word)!;
    let start = found;
    const end = start + word.length;
    if (inside(start, end)) continue;
    const before = wordBefore(text, start);
    const after = wordAfter(text, end);
    const title = isTitle(before);
    // next to another capitalised word it is part of some other name: a street, a place, a firm
    if (!title && before && UPPER.test(before) && !isCommon(before) && !isContraction(before)) continue;
    if (after && (UPPER.test(after) || STREET_TYPE_SET.has(after.toLowerCase()))) continue;
    if (PLACES.has(word.toLowerCase()) && !placeNamedMention(before, after)) continue;
    // "North, West and Central Sutherland": a compass word before it makes a region of the name
    if (before && COMPASS_BEFORE.has(before.toLowerCase())) continue;
    if (title) start = text.lastIndexOf(before, start);
    if (inside(start, end)) continue;
    out.push(newDetection('PERSON', 'person-repeat-mention', start, end, Math.max(0.5, Math.round((a.score - 0.1) * 100) / 100), [REASON], a.publicRole));
  }
  return out;
}

/**
 * Other houses in a street already found with a house number: "Mrs Ashcroft of 27 Longmead,
 * Letchworth … her neighbour at 29 Longmead". The first mention carried the town or postcode that
 * made it an address; the second, in the same text, is in the same street.
 */
export function repeatStreets(text: string, dets: readonly RawDetection[]): RawDetection[] {
  const streets = new Map<string, RawDetection>();
  for (const d of dets) {
    if (d.entity !== 'ADDRESS') continue;
    const m = LEADING_HOUSE.exec(text.slice(d.start, d.end));
    if (m && !streets.has(m[1]!)) streets.set(m[1]!, d);
  }
  // a page with hundreds of numbered streets (a register, a hostile page) gets no follow-up
  if (!streets.size || streets.size > MAX_STREETS) return [];
  // the known streets by their first word, in the order found (the first listed wins a tie, as in a regex's alternation)
  const byFirstWord = new Map<string, string[]>();
  for (const street of streets.keys()) {
    const first = street.split(/[ \t]/, 1)[0]!;
    (byFirstWord.get(first) ?? byFirstWord.set(first, []).get(first)!).push(street);
  }
  // every house number before a capitalised word, one scan of the text (a regex of the streets compiled
  // per text cost more than the rest of a short block's detection)
  const out: RawDetection[] = [];
  const re = NUMBER_BEFORE_CAPITAL;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + m[0].length;
    WORD_AT.lastIndex = at;
    const word = WORD_AT.exec(text)?.[0];
    const street = word === undefined ? undefined : byFirstWord.get(word)?.find((s) => text.startsWith(s, at) && !STREET_FOLLOWS.test(text[at + s.length] ?? ' '));
    if (street === undefined) continue;
    const start = m.index;
    const end = at + street.length;
    re.lastIndex = end;
    if (insideAny(dets, start, end) || NOT_HOUSE_NUMBER_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
    // "29 Longmead Road" is another street
    if (STREET_TYPE_SET.has(wordAfter(text, end).toLowerCase())) continue;
    const a = streets.get(street)!;
    out.push(newDetection('ADDRESS', 'address-repeat-street', start, end, 0.7, ['address:repeat-street'], a.publicRole));
  }
  return out;
}

/** A house number (1-4 digits, not glued to a letter, digit, slash, dot, comma or hyphen before it) and the blanks before a capital. */
const NUMBER_BEFORE_CAPITAL = /\d(?<![\p{L}\d/.,-]\d)\d{0,3}[A-Za-z]?[ \t]+(?=\p{Lu})/gu;
/** The word a street name starts with. */
const WORD_AT = /[\p{L}'’-]+/uy;
/** A character that continues a street's name: the match would be a longer word. */
const STREET_FOLLOWS = /[\p{L}\d'’-]/u;

const MAX_STREETS = 200;

/** "27 Longmead, Letchworth" → "Longmead": the street words after a leading house number, up to a comma. */
const LEADING_HOUSE = /^\d{1,4}[A-Za-z]?[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,3})(?=,|$)/u;
