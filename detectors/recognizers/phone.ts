/**
 * GB phone numbers. A cheap regex finds digit runs shaped like UK numbers; libphonenumber-js
 * (metadata 'max', country GB) validates them. Ofcom's drama ranges (07700 900xxx, 01632 960xxx…)
 * are detected too, although libphonenumber rejects some of them: our fixtures and tests use them.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { boundedMemo } from '../memo.js';
import { overlapsAny } from '../engine.js';
import type { Candidate, Recognizer } from '../types.js';

// groups may be parted by two spaces, as OCR and typed tables leave them ("07700  900 263")
// (a number wrapped in a quoted e-mail is split by a line break and the quote marker, read as spaces: "07700⏎> 900839")
const CANDIDATE = /(?<![\d+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:(?:[\s\-.]|\r?\n[ \t]{1,3}| {2})?\(?\d\)?){7,11}(?!\d)/g;

const DRAMA_RANGES = [
  /^07700900\d{3}$/, /^01632960\d{3}$/, /^02079460\d{3}$/, /^011[3-8]4960\d{3}$/, /^01[2-6]14960\d{3}$/, /^01914980\d{3}$/,
  /^02896496\d{3}$/, /^02920180\d{3}$/, /^08081570\d{3}$/, /^09098790\d{3}$/, /^03069990\d{3}$/,
];

/** National format digits ("07700900123") of a candidate, or null. */
export function nationalDigits(raw: string): string | null {
  let d = raw.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (d.startsWith('0044')) d = '0' + d.slice(4);
  else if (d.startsWith('44') && /^\s*(\+|00)/.test(raw)) d = '0' + d.slice(2);
  if (!d.startsWith('0')) return null;
  return d;
}

export function isDramaNumber(national: string): boolean {
  return DRAMA_RANGES.some((r) => r.test(national));
}

/**
 * libphonenumber's verdict per national number: its 'max' validation compiles a regex per number
 * type on every call (~0.3 ms), and pages repeat the same numbers (the SNT's, Crimestoppers').
 */
const libphonenumberValid = boundedMemo((national) => {
  const p = parsePhoneNumberFromString(national, 'GB');
  return !!p && p.isValid();
}, 10_000);

export function isValidGbPhone(national: string): boolean {
  if (national.length < 10 || national.length > 11) return false;
  if (isDramaNumber(national)) return true;
  return libphonenumberValid(national);
}

/** Non-personal number types: 03 public-body, 080 freephone, 084/087 business, 09 premium. */
export function isOrganisationNumber(national: string): boolean {
  return /^(03|080|084|087|09)/.test(national);
}

function findPhones(text: string): Candidate[] {
  const out: Candidate[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    let raw = m[0];
    // "(3 The Maltings, …, 07700 900233)": a bracket that closes the text around the number is not part of it
    if (raw.endsWith(')') && !raw.includes('(')) raw = raw.slice(0, -1);
    // trim a trailing group that made it too long ("07700 900123 2 times")
    for (let attempt = 0; attempt < 3 && raw.length > 0; attempt++) {
      const nat = nationalDigits(raw);
      if (nat && isValidGbPhone(nat)) {
        out.push({ start: m.index, end: m.index + raw.length, score: isDramaNumber(nat) ? 0.85 : 0.8, reasons: [isDramaNumber(nat) ? 'phone:ofcom-drama' : 'phone:libphonenumber'] });
        break;
      }
      const cut = raw.search(/[\s\-.]\(?\d+\)?$/);
      if (cut <= 0) break;
      raw = raw.slice(0, cut);
    }
  }
  return out;
}

/** A row that keeps the dialling code and the number in cells of their own: "| 0141 | 496 0552 |". */
const SPLIT_OVER_CELLS = /(0(?<=(?:^|\|)[ \t]*0)\d{2,4})[ \t]*\|[ \t]*(\d{3,4}[ ]?\d{3,4})(?=[ \t]*(?:\||$))/gm;

function findPhonesOverCells(text: string, out: Candidate[]): void {
  SPLIT_OVER_CELLS.lastIndex = 0;
  for (let m = SPLIT_OVER_CELLS.exec(text); m; m = SPLIT_OVER_CELLS.exec(text)) {
    const nat = `${m[1]}${m[2]!.replace(' ', '')}`;
    if (!isValidGbPhone(nat)) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    if (overlapsAny(out, start, end)) continue;
    out.push({ start, end, score: 0.75, reasons: ['phone:split-over-cells', isDramaNumber(nat) ? 'phone:ofcom-drama' : 'phone:libphonenumber'] });
  }
}

export const phoneRecognizer: Recognizer = {
  name: 'uk-phone',
  entity: 'PHONE',
  description: 'GB phone numbers via libphonenumber-js (max metadata, GB) plus Ofcom drama ranges; 101/999/111/105 never match',
  find: (text) => {
    const found = findPhones(text);
    if (text.includes('|')) findPhonesOverCells(text, found);
    return found;
  },
  // "e.g. a call from 01632 960999 claiming to be HMRC", "Example of a spoofed caller display: 020 7946 0000",
  // "numbers such as 07700 900000 (an example only)": an example in advice is nobody's number
  context: {
    phrases: ['tel', 'telephone', 'phone', 'mobile', 'mob', 'call', 'contact', 'ring', 'text'], windowBefore: 30, windowAfter: 5, boost: 0.1,
    exclude: [
      { phrases: ['e.g.', 'for example', 'example of', 'example:', '(example)', 'example reads', 'numbers such as', 'number such as'], windowBefore: 40, windowAfter: 0 },
      { phrases: ['an example', 'example only', 'are examples'], windowBefore: 0, windowAfter: 24 },
    ],
  },
};
