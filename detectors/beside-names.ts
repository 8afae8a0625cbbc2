/**
 * Facts written straight after a private person's name. A street in brackets is where they live:
 * "Mr Halloran (Cavendish Way)" (a street alone is no address, but beside a name it is the person's).
 * A name they go by is the same person: "Gurpreet Singh Sandhu, 58, known to his friends as Gary".
 * Birth dates written straight after a name: "Persons of interest: Reece Lomax (02.07.2006), Mason
 * Carberry (19.11.2005)", "Item 4: Carys Wynne-Jones, 17/08/1992, 58 Clifton Street". Police lists put
 * a date of birth there the way court reports put an age ("Kyle Dempsey (15)"). The date recogniser
 * needs a cue such as "DOB" or "born"; here the place beside a private person's name is the cue.
 * Event dates are not old enough.
 */
import type { RawDetection } from './types.js';
import { newDetection } from './engine.js';
import { birthDate } from './recognizers/structured.js';
import { BRACKETED_STREET } from './recognizers/address.js';

/** A date that is a birth date is at least this old (the same rule as a header-less table row's DOB). */
export const MIN_AGE_YEARS = 10;
const YEAR_MS = 365.25 * 86_400_000;
/** "(02.07.2006)" or ", 17/08/1992," (a case list's "name, DOB, address") right after the name. */
const DATE_AFTER_NAME = /^(?:[ \t]*\([ \t]*(\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2}))[ \t]*\)|,[ \t]*(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})(?=[ \t]*(?:[,;:.|]|$)))/;

export function isOldEnoughToBeBirth(when: number, now: Date): boolean {
  return now.getTime() - when >= MIN_AGE_YEARS * YEAR_MS;
}

/** DATE_OF_BIRTH detections for bracketed dates right after a PERSON not already found as anything. */
export function datesBesideNames(text: string, dets: readonly RawDetection[], now = new Date()): RawDetection[] {
  const out: RawDetection[] = [];
  for (let i = 0; i < dets.length; i++) {
    const d = dets[i]!;
    if (d.entity !== 'PERSON' || d.publicRole) continue;
    const m = DATE_AFTER_NAME.exec(text.slice(d.end, d.end + 24));
    if (!m) continue;
    const date = (m[1] ?? m[2])!;
    const when = birthDate(date);
    if (when === null || !isOldEnoughToBeBirth(when, now)) continue;
    const start = d.end + m[0].indexOf(date);
    const next = dets[i + 1];
    if (next && next.start < start + date.length) continue; // already found as something
    out.push(newDetection('DATE_OF_BIRTH', 'date-of-birth-after-name', start, start + date.length, 0.7, [m[1] ? 'dob:bracketed-after-name' : 'dob:after-name'], false));
  }
  return out;
}

/** ADDRESS detections for a street in brackets right after a PERSON not already found as anything. */
export function streetsBesideNames(text: string, dets: readonly RawDetection[]): RawDetection[] {
  const out: RawDetection[] = [];
  for (let i = 0; i < dets.length; i++) {
    const d = dets[i]!;
    if (d.entity !== 'PERSON' || d.publicRole || text.charCodeAt(d.end) === 39) continue;
    const m = BRACKETED_STREET.exec(text.slice(d.end, d.end + 80));
    if (!m) continue;
    const start = d.end + m[0].indexOf(m[1]!);
    const next = dets[i + 1];
    if (next && next.start < start + m[1]!.length) continue;
    out.push(newDetection('ADDRESS', 'street-beside-name', start, start + m[1]!.length, 0.6, ['address:street-beside-name'], false));
  }
  return out;
}

/** "known to his friends as Gary", "(aka "Sham")": within the sentence after the name. */
const ALIAS_AFTER = /^[^.!?\n]{0,40}?\b(?:known(?:[ \t]+to[ \t]+[a-z]+(?:[ \t]+[a-z]+){0,2})?[ \t]+as|aka|a\.k\.a\.?)[ \t]+["“'‘]?([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)["”'’]?(?![A-Za-z])/;

/** PERSON detections for the name a person goes by, written after their full name. */
export function aliasesBesideNames(text: string, dets: readonly RawDetection[]): RawDetection[] {
  const out: RawDetection[] = [];
  for (let i = 0; i < dets.length; i++) {
    const d = dets[i]!;
    if (d.entity !== 'PERSON') continue;
    const m = ALIAS_AFTER.exec(text.slice(d.end, d.end + 80));
    if (!m) continue;
    const start = d.end + m.index + m[0].lastIndexOf(m[1]!);
    const end = start + m[1]!.length;
    const next = dets[i + 1];
    if (next && next.start < end) continue;
    out.push(newDetection('PERSON', 'person-alias', start, end, Math.max(0.5, d.score - 0.1), ['person:alias'], d.publicRole));
  }
  return out;
}
