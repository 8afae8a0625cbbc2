/**
 * Facts written straight after a private person's name, which a recogniser alone would not take:
 * - a birth date in brackets or between commas: "Persons of interest: Reece Lomax (02.07.2006)",
 *   "Item 4: Carys Wynne-Jones, 17/08/1992, 58 Clifton Street". Police lists put it there the way
 *   court reports put an age ("Kyle Dempsey (15)"); the date recogniser needs a cue such as "DOB" or
 *   "born", and here the place beside the name is the cue. Event dates are not old enough;
 * - a street in brackets: "Mr Halloran (Cavendish Way)". A street alone is no address, but beside a
 *   name it is where the person lives;
 * - the name they go by: "Gurpreet Singh Sandhu, 58, known to his friends as Gary", "aka "Fizz"";
 * - a home typed in lower case after a name typed so ("victim: leanne o'connor, 5 millers lane, st albans
 *   al1 4rg"): a record keyed in lower case has its address in lower case too, where the grammar wants capitals.
 * And one fact that needs no name beside it: a date followed by an age that fits it ("05/05/1999 (25)").
 */
import type { Entity } from '../core/types.js';
import type { RawDetection } from './types.js';
import { newDetection, overlapsAny } from './engine.js';
import { birthDate } from './recognizers/structured.js';
import { BRACKETED_STREET, LOWER_TOWN_AND_POSTCODE, lowerCasePostcodeIsReal } from './recognizers/address.js';
import { COMMON_CAPITALISED, PLACES, STREET_TYPE_SET } from './gazetteer/lexicon.js';
import { FORENAMES } from './gazetteer/names.js';
import { isDigitCode } from './chars.js';

/** A date that is a birth date is at least this old (the same rule as a header-less table row's DOB). */
export const MIN_AGE_YEARS = 10;
const YEAR_MS = 365.25 * 86_400_000;

export function isOldEnoughToBeBirth(when: number, now: Date): boolean {
  return now.getTime() - when >= MIN_AGE_YEARS * YEAR_MS;
}

/** What one rule found after a name: a span of `after` (the text following the name). */
interface Found { entity: Entity; detector: string; at: number; length: number; score: number; reason: string }

/**
 * Runs `rule` on the text after each PERSON (private ones only unless `publicToo`) and returns the
 * detections for what it finds, skipping anything that overlaps the next detection.
 */
function afterNames(text: string, dets: readonly RawDetection[], reach: number, publicToo: boolean, rule: (after: string, person: RawDetection) => Found | null): RawDetection[] {
  const out: RawDetection[] = [];
  for (let i = 0; i < dets.length; i++) {
    const d = dets[i]!;
    if (d.entity !== 'PERSON' || (d.publicRole && !publicToo)) continue;
    const f = rule(text.slice(d.end, d.end + reach), d);
    if (!f) continue;
    const start = d.end + f.at;
    const next = dets[i + 1];
    if (next && next.start < start + f.length) continue; // already found as something
    out.push(newDetection(f.entity, f.detector, start, start + f.length, f.score, [f.reason], f.entity === 'PERSON' ? d.publicRole : false));
  }
  return out;
}

/** "(02.07.2006)", ", 17/08/1992," or "| 4/9/1995 |" (a case list's "name, DOB, address") right after the name; "(b. 1967-02-19)", ", b. 12/1/1949," or " b. 02/05/1984" with a "b." for born. */
// (the Metropolitan Police's releases put the age first: "Adeyemi Olaniyan, 23 (14.01.02), of no fixed abode")
const DATE_AFTER_NAME = /^(?:(?:,[ \t]*\d{1,3})?[ \t]*\([ \t]*(?:b\.[ \t]*)?(\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})[ \t]*\)|(?:(?:,|[ \t]*\|)[ \t]*(?:b\.[ \t]*)?|[ \t]+b\.[ \t]*)(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}-\d{2}-\d{2})(?=[ \t]*(?:[,;:.|]|$)))/;

export function datesBesideNames(text: string, dets: readonly RawDetection[], now = new Date()): RawDetection[] {
  return afterNames(text, dets, 24, false, (after) => {
    const m = DATE_AFTER_NAME.exec(after);
    const date = m?.[1] ?? m?.[2];
    if (!m || !date) return null;
    const when = birthDate(date);
    if (when === null || !isOldEnoughToBeBirth(when, now)) return null;
    return { entity: 'DATE_OF_BIRTH', detector: 'date-of-birth-after-name', at: m[0].indexOf(date), length: date.length, score: 0.7, reason: m[1] ? 'dob:bracketed-after-name' : 'dob:after-name' };
  });
}

/** A date with an age in brackets straight after it: "05/05/1999 (25)", "3.2.88 (37)". */
const DATE_THEN_AGE = /(?<![\d/.-])(\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))[ \t]*\((\d{1,3})\)/g;

/**
 * A date followed by an age that fits it is a birth date, wherever it stands (a court list's
 * "Tariq MAHMOOD | 05/05/1999 (25) |"). The age is the one on the day the list was written, so up to
 * three years under today's.
 */
export function datesWithAges(text: string, dets: readonly RawDetection[], now = new Date()): RawDetection[] {
  const out: RawDetection[] = [];
  DATE_THEN_AGE.lastIndex = 0;
  for (let m = DATE_THEN_AGE.exec(text); m; m = DATE_THEN_AGE.exec(text)) {
    const when = birthDate(m[1]!);
    if (when === null || !isOldEnoughToBeBirth(when, now)) continue;
    const ageNow = Math.floor((now.getTime() - when) / YEAR_MS);
    const stated = Number(m[2]);
    if (stated > ageNow || stated < ageNow - 3) continue;
    const start = m.index;
    const end = start + m[1]!.length;
    if (overlapsAny(dets, start, end)) continue;
    out.push(newDetection('DATE_OF_BIRTH', 'date-of-birth-with-age', start, end, 0.7, ['dob:date-with-matching-age'], false));
  }
  return out;
}

export function streetsBesideNames(text: string, dets: readonly RawDetection[]): RawDetection[] {
  return afterNames(text, dets, 80, false, (after) => {
    const m = BRACKETED_STREET.exec(after);
    return m ? { entity: 'ADDRESS', detector: 'street-beside-name', at: m[0].indexOf(m[1]!), length: m[1]!.length, score: 0.6, reason: 'address:street-beside-name' } : null;
  });
}

/** ", 5 millers lane" and an optional ", st albans al1 4rg": a house number, one to three words and a street type, all lower case. */
const LOWER_CASE_HOME_AFTER = new RegExp(
  `^,?[ \\t]+(\\d{1,4}[a-z]?,?[ \\t]+(?:[a-z][a-z'’]+[ \\t]+){1,3}(?:${[...STREET_TYPE_SET].sort((a, b) => b.length - a.length).join('|')})(?![a-z0-9'’-]))` +
    `(${LOWER_TOWN_AND_POSTCODE})?`,
);

/** Only after a name the lower-case recogniser found: elsewhere "a 20 minute walk" is no home. */
export function lowerCaseHomesBesideNames(text: string, dets: readonly RawDetection[]): RawDetection[] {
  return afterNames(text, dets, 100, false, (after, person) => {
    if (person.detector !== 'lower-case-name') return null;
    const m = LOWER_CASE_HOME_AFTER.exec(after);
    if (!m) return null;
    // the town and postcode join the house and street only when the postcode is one
    const withPostcode = m[2] !== undefined && lowerCasePostcodeIsReal(m[3]!);
    const length = m[1]!.length + (withPostcode ? m[2]!.length : 0);
    return { entity: 'ADDRESS', detector: 'lower-case-home-beside-name', at: m[0].indexOf(m[1]!), length, score: 0.6, reason: 'address:lower-case-beside-name' };
  });
}

/**
 * "known to his friends as Gary", "aka "Sham"": within the sentence after the name; "Daniel Hill? The
 * 33-year-old, known as "Danny"": in the next sentence that opens by pointing back at them; 'Žydrūnas
 * Kazlauskas ("Žydras")': a quoted name in brackets straight after.
 */
const ALIAS_AFTER = /^(?:[^.!?\n]{0,40}?\b(?:known(?:[ \t]+to[ \t]+[a-z]+(?:[ \t]+[a-z]+){0,2})?[ \t]+as|aka|a\.k\.a\.?)[ \t]+|[.?!][ \t]+(?:The[ \t]+\d{1,3}-year-old|He|She)\b[^.!?\n]{0,20}?\bknown[ \t]+as[ \t]+|[ \t]*\((?=["“]))["“'‘]?(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)["”'’]?(?![\p{L}])/u;

/** The alias keeps its person's public role: an officer's nickname is as public as the officer. */
export function aliasesBesideNames(text: string, dets: readonly RawDetection[]): RawDetection[] {
  return afterNames(text, dets, 80, true, (after, person) => {
    const m = ALIAS_AFTER.exec(after);
    // "the operation, known as Operation Falcon": a common word is no one's name
    if (m && COMMON_CAPITALISED.has(m[1]!.toLowerCase())) return null;
    return m ? { entity: 'PERSON', detector: 'person-alias', at: m[0].lastIndexOf(m[1]!), length: m[1]!.length, score: Math.max(0.5, person.score - 0.1), reason: 'person:alias' } : null;
  });
}

/** A capitalised word and "from" or "at" (and "no" or "number") straight before a home ("Prince of Wales Road" is a street). */
const FORENAME_FROM_HOME = /(?<![A-Za-z'’-])([A-Z][a-z]+)[ \t]+(?:who[ \t]+lives[ \t]+at|lives[ \t]+at|from|at)[ \t]+(?:no\.?[ \t]*|number[ \t]+)?$/;

/**
 * "that Rhys from no 32 Ty Mawr Road", "Shaz at 14 Larch Way": a forename the lists know, alone, straight
 * before "from" or "at" and a house-numbered home found in the text is the person who lives there (messages
 * name neighbours so). Not a place ("Chester from 1 High Street") or a common word.
 */
export function forenamesBeforeHomes(text: string, dets: readonly RawDetection[]): RawDetection[] {
  const out: RawDetection[] = [];
  for (let i = 0; i < dets.length; i++) {
    const d = dets[i]!;
    if (d.entity !== 'ADDRESS' || d.publicRole || !isDigitCode(text.charCodeAt(d.start))) continue;
    const from = Math.max(0, d.start - 40);
    const m = FORENAME_FROM_HOME.exec(text.slice(from, d.start));
    if (!m) continue;
    const word = m[1]!;
    const key = word.toLowerCase();
    if (!FORENAMES.has(key) || COMMON_CAPITALISED.has(key) || PLACES.has(key)) continue;
    const start = from + m.index;
    const end = start + word.length;
    if (overlapsAny(dets, start, end) || overlapsAny(out, start, end)) continue;
    out.push(newDetection('PERSON', 'forename-before-home', start, end, 0.6, ['person:forename-before-home'], undefined));
  }
  return out;
}
