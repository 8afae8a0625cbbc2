/**
 * UK street addresses by grammar: [flat/house name,] house number + street name + street type,
 * then optional localities and a postcode, as one span. A street without a house number or
 * house name ("ASB around Station Road") is not a personal address and never matches.
 */
import { overlapsAny } from '../engine.js';
import type { Candidate, Recognizer } from '../types.js';
import { STREET_TYPES, STREET_TYPE_SET, HOUSE_NAME_WORDS, VENUE_WORDS, UK_PLACES, CITY_DISTRICTS, COMMON_CAPITALISED, WELSH_STREET_PREFIXES, WELSH_STREET_PREFIX_SET, WELSH_HOUSE_OPENERS, VEHICLE_MAKES, VEHICLE_COLOURS } from '../gazetteer/lexicon.js';
import { postcodeKind } from '../validators.js';
import { FORENAMES } from '../gazetteer/names.js';
import { backOverSpaces, isDigitCode, isLetterCode, isSpaceCode } from '../chars.js';

const title = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
const typeAlt = [...new Set(STREET_TYPES.flatMap((t) => [title(t), t.toUpperCase()]))].sort((a, b) => b.length - a.length).join('|');
const venueAlt = [...VENUE_WORDS].flatMap((t) => [title(t), t.toUpperCase()]).sort((a, b) => b.length - a.length).join('|');
const houseAlt = [...new Set([...HOUSE_NAME_WORDS, ...VENUE_WORDS].flatMap((t) => [title(t), t.toUpperCase()]))].sort((a, b) => b.length - a.length).join('|');

/** A capitalised (or ALL-CAPS) word in a street or place name. */
const CAP = "(?:[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]*)*|[A-Z]{2,}(?:['’-][A-Z]+)*|St\\.?|Saint|[A-Z]'[A-Z][a-z]+|\\d{1,3}(?:st|nd|rd|th))";
// "1-7", "3/4", "1 – 7" (a spaced dash is left as it is by normalise())
const NUM = '\\d{1,4}[A-Za-z]?(?:\\s?[-/–—]\\s?\\d{1,4}[A-Za-z]?)?';
// …or a flat named by its floor: "First Floor Flat, 63 Green Lanes"
const FLAT = '(?:(?:(?:Flat|FLAT|Apartment|APARTMENT|Apt|Unit|UNIT|Room|Maisonette|Plot|PLOT|Block|BLOCK)\\s+\\d{1,4}[A-Za-z]?|(?:Ground|First|Second|Third|Top|Basement|Upper|Lower)[ \\t]+(?:[Ff]loor[ \\t]+)?(?:[Ff]lat|[Mm]aisonette)),?\\s+)';
// the words of a house name share its line ("Mrs Rose Hill\nRose Cottage, Back Lane": the line above is a name)
const HOUSE_NAME = `(?:(?:${CAP}[ \\t]+){0,3}(?:${houseAlt}),?\\s+)`;
/** A numbered building or court named with "The" before its street: "3 The Maltings, Church Street". */
const NUMBERED_THE = `(?:${NUM}[ \\t]+The[ \\t]+(?:${CAP}[ \\t]+)?${CAP},[ \\t]+)`;
// "Fair End Way", "Green Lane Close": a street name may itself end in a street-type word
const STREET = `(?:${CAP}\\s+){1,4}?(?:${typeAlt})(?:[ \\t]+(?:${typeAlt}))?(?![A-Za-z'’])`;
/** A bare street in brackets: "Mr Halloran (Cavendish Way)". Used after a private person's name. */
export const BRACKETED_STREET = new RegExp(`^[ \\t]*\\([ \\t]*(${STREET})[ \\t]*\\)`);

// Every match starts with [A-Z0-9]: "(?=[A-Z\\d](?<!X.))" is "(?<!X)" tested only there, which the
// regex engine scans for faster than a leading lookbehind (10-30% on these grammars, outputs unchanged).
// "18:30, Roundwood Park", "3/4 High Street": a number glued to a time or a date is no house number
// "DOB 10.06.1985 – 112 Gorton Lane": nor is the year of a date written with dots or dashes
const NOT_AFTER_ALNUM = '(?=[A-Z\\d](?<![A-Za-z0-9:/].|\\d[.-].))';
// the house number and the street share a line ("24 November 2026\nDear Mrs Hill" is a date, then a letter)
const CORE_NUMBERED = new RegExp(`${NOT_AFTER_ALNUM}${FLAT}?${HOUSE_NAME}?${NUM},?[ \\t]+${STREET}`, 'g');
/** "14 Heol Rhosmaen", "3 Ffordd y Capel": a Welsh street word opens the street name. */
const WELSH_NUMBERED = new RegExp(
  // starts only at a digit or a flat word's first letter, where a match can start
  `(?=[\\dFAURMPB](?<![A-Za-z0-9:/].))${FLAT}?${NUM},?[ \\t]+(?:${WELSH_STREET_PREFIXES.flatMap((w) => [w, w.toUpperCase()]).join('|')})(?:[ \\t]+(?:y|yr|Y|YR))?[ \\t]+${CAP}(?:[ \\t]+${CAP})?(?![A-Za-z'’])`,
  'g',
);
const STREET_TYPE_WORD = new RegExp(`(?:${typeAlt})(?![A-Za-z'’])`);
const WELSH_STREET_WORD = new RegExp(`${WELSH_STREET_PREFIXES.flatMap((w) => [w, w.toUpperCase()]).join('|')}`);
/** A flat in a named block with no street after it: "Flat 22, Kestrel House" (the flat number makes it a home). */
const FLAT_IN_BLOCK = `${FLAT}(?:${CAP}[ \\t]+){1,3}(?:House|HOUSE|Court|COURT|Mansions|Tower|TOWER|Towers|Lodge|Apartments|Flats|Point|Heights|Buildings|Hall)(?![A-Za-z'’])`;
const CORE_NAMED = new RegExp(`${NOT_AFTER_ALNUM}(?:${FLAT}?${HOUSE_NAME}${STREET}|${FLAT}${STREET}|${NUMBERED_THE}${STREET}|${FLAT_IN_BLOCK})`, 'g');
/** Cheap gates: where a named (number-less) address or a person's street could start. */
// (found from the comma, the word before it read back: commas are far rarer than capitals)
const NAMED_GATE = /,(?<=([A-Z][A-Za-z]+),)\s|\b(?:Flat|FLAT|Apartment|APARTMENT|Apt|Unit|UNIT|Room|Maisonette|Plot|PLOT|Block|BLOCK)\s+\d/g;
const HOUSE_OR_VENUE = new Set([...HOUSE_NAME_WORDS, ...VENUE_WORDS]);
/** NAMED_GATE hits that matter: a flat/unit number, or a comma after a house-name or venue word. */
const namedGateHit = (m: RegExpExecArray): boolean => m[1] === undefined || HOUSE_OR_VENUE.has(m[1].toLowerCase()) || NUMBERED_THE_BEFORE.test(m.input.slice(Math.max(0, m.index - 40), m.index));
/** "3 The Maltings" right before a comma: a numbered building named with "The". */
const NUMBERED_THE_BEFORE = /(?<![\d/.:-])\d{1,4}[A-Za-z]?[ \t]+The[ \t]+(?:[A-Z][a-z'’]+[ \t]+)?[A-Z][a-z'’]+$/;
/** A house number is followed by a capitalised word ("14 Ringlet", "14a, The"); "12 officers" never is. */
const NUMBER_GATE = /\d{1,4}[A-Za-z]?(?:[ \t]?[-/][ \t]?\d{1,4}[A-Za-z]?)?,?[ \t]+[A-Z]/g;
/**
 * Where a home may follow: "of", "lives in", "the occupants at" and the like, ending at the capital
 * or digit that opens the street. The person grammars below all start exactly there.
 */
const OF_GATE = /\b(?:of|from|lives|living|residents?|resides|residing|home|occupants?|occupiers?|tenants?)[ \t]+(?:in[ \t]+|on[ \t]+|at[ \t]+)?[A-Z\d]/g;
const LOCALITY = new RegExp(`,?[ \\t]+((?:${CAP})(?:[ \\t]+(?:${CAP}|upon|on|under|in|by|the|le|de)){0,3})`, 'y');
const POSTCODE = /,?[ \t]+([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|GIR ?0AA|BFPO ?\d{1,4})(?![A-Za-z0-9])/y;

/** Quantities ("around 50 Station Road residents") and years ("in 2014 Station Road…") are not house numbers. */
export const NOT_HOUSE_NUMBER_BEFORE = /\b(?:around|about|over|approximately|approx|some|nearly|almost|than|more|fewer|less|least|only|just|all|these|those|another|page|item|junction|j|section|para|paragraph|minute|minutes|year|until|before|after|every|each|per|pc|pcso|dc|ds|ps|sgt|insp|a\/sgt|t\/sgt)\s*$/i;

/** A capitalised word right before a number, where the word is no flat, plot or house word ("Toddington 7, …"). */
const COUNT_AFTER_NAME = /(?:^|[^A-Za-z])(?!(?:Flat|Apartment|Apt|Unit|Room|Block|Suite|House|Plot|Pitch|Berth|Bay|No|Number|Nos)[ \t]$)[A-Z][a-z]+[ \t]$/;

const VENUE_IN_MATCH = new RegExp(`(?:${houseAlt.split('|').filter((w) => VENUE_WORDS.has(w.toLowerCase())).join('|')}),`);

function extend(text: string, end: number): { end: number; hasPostcode: boolean; hasPlace: boolean } {
  let hasPostcode = false;
  let hasPlace = false;
  for (let i = 0; i < 4; i++) {
    POSTCODE.lastIndex = end;
    const pc = POSTCODE.exec(text);
    if (pc && postcodeKind(pc[1]!) !== null) {
      return { end: end + pc[0].length, hasPostcode: true, hasPlace };
    }
    LOCALITY.lastIndex = end;
    const loc = LOCALITY.exec(text);
    if (!loc) break;
    const words = loc[1]!;
    const afterLoc = end + loc[0].length;
    POSTCODE.lastIndex = afterLoc;
    const pcAfter = POSTCODE.exec(text);
    if (pcAfter && postcodeKind(pcAfter[1]!) !== null) {
      return { end: afterLoc + pcAfter[0].length, hasPostcode: true, hasPlace: true };
    }
    const lc = words.toLowerCase().replace(/\s+/g, ' ');
    const known = UK_PLACES.has(lc) || UK_PLACES.has(lc.split(' ').slice(0, 2).join(' ')) || UK_PLACES.has(lc.split(' ')[0]!);
    if (!known) break;
    // keep only the known place words (a following name must not be swallowed)
    const parts = words.split(/[ \t]+/);
    let keep = parts.length;
    while (keep > 1 && !UK_PLACES.has(parts.slice(0, keep).join(' ').toLowerCase())) keep--;
    const keptText = parts.slice(0, keep).join(' ');
    const keptEnd = end + loc[0].indexOf(keptText) + keptText.length;
    end = keptEnd;
    hasPlace = true;
  }
  return { end, hasPostcode, hasPlace };
}

/** The capitalised word before "of"/"from"/"lives in" that STREET_OF_PERSON took as a name. */
const WORD_BEFORE_OF = /([A-Z][a-z'’]+)[ \t]*,?[ \t]*(?:of|from|lives (?:in|on|at)|living (?:in|on|at)|resident (?:of|in|on))[ \t]+$/;
const EXCLUDED_FROM = /\b(?:bans?|banned|barred|excluded|exclusion|prohibited|prohibits|dispersed|removed|evicted)\b[^.;]*\bfrom[ \t]+$/i;

/** "Darren Kowalski, 34, of Ringlet Road, Hemel Hempstead": a street after a person's "of" is their home. */
const STREET_OF_PERSON = new RegExp(
  `(?=[A-Z\\d](?<=(?:(?:[A-Z][a-z'’]+|\\d{1,3}\\)?|aged \\d{1,3})[ \\t]*,?[ \\t]*(?:of|from|lives (?:in|on|at)|living (?:in|on|at)|resident (?:of|in|on))|(?:her|his|their|my|own|[a-z]+['’]s) home (?:in|on|at)|who (?:lives|resides) (?:in|on|at))[ \\t]+.))${STREET}`,
  'y',
);
/**
 * Court-report style "Darren Whitlock, 34, of Longmeadow, Bishop's Stortford" or "Kyle Donnelly (15) of
 * 7 Broadwater, Stevenage": an area, with or without a house number, after "<age>, of" and before a known town.
 */
const AREA_OF_PERSON = new RegExp(
  `(?=[A-Z\\d](?<=\\d{1,3}\\)?,?[ \\t]+of[ \\t]+.))${FLAT}?(?:${NUM}[ \\t]+)?(?:${CAP}[ \\t]+){0,2}${CAP}(?=,[ \\t]+[A-Z])` +
    // "Mrs Orla Keane of 27 Fernlea, Letchworth": after a name, only with a house number
    `|(?=\\d(?<=[A-Z][a-z'’]+[ \\t]+of[ \\t]+.))${NUM}[ \\t]+(?:${CAP}[ \\t]+){0,2}${CAP}(?=,[ \\t]+[A-Z])`,
  'y',
);
/**
 * "the occupants of 25 Ashlyns", "she lives at 4 Marlowes": a house number and a street name with no
 * street-type word, after words that say someone lives there.
 */
const DWELLING_NUMBERED = new RegExp(
  `(?=\\d(?<=(?:occupants?|occupiers?|residents?|tenants?|lives|living|resides|residing|home)[ \\t]+(?:of|at|in)[ \\t]+.))${NUM}[ \\t]+(?:${CAP}[ \\t]+)?${CAP}(?![A-Za-z'’])`,
  'y',
);
/** "Darren Whitlock, 34, of 24 Highfield, was jailed": a house number after an age and "of" needs no street type or town. */
const MONTH_WORD = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![A-Za-z])';
const NUMBERED_OF_AGE = new RegExp(`(?=\\d(?<=\\d{1,3}(?:\\)|,)[ \\t]+of[ \\t]+.))${NUM} (?!${MONTH_WORD})(?:${CAP} ){0,2}${CAP}(?![A-Za-z'’])`, 'y');
/** A venue and a street-less locality, accepted only with a postcode: "Adeyfield Community Centre, Longlands, Hemel Hempstead HP2 4DE". */
const VENUE_LOCALITY = new RegExp(`${NOT_AFTER_ALNUM}(?:${CAP}\\s+){0,3}(?:${venueAlt}),[ \\t]+(?:${CAP}[ \\t]+){0,2}${CAP}`, 'g');

/** A postcode anywhere: the anchor for addresses whose street has no street-type word ("14 The Ridings, Hemel Hempstead HP2 4LS"). */
const ANY_POSTCODE = /(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}(?![A-Za-z0-9])/g;
/** Lower-case words that may sit inside a place or street name ("Stratford upon Avon", "Church End"). */
const NAME_CONNECTORS = new Set(['upon', 'on', 'under', 'in', 'by', 'the', 'le', 'de', 'cum', 'next', 'super', 'en', 'y', 'yr', 'na', 'an']);
const FLAT_WORDS = new Set(['flat', 'apartment', 'apt', 'unit', 'room', 'maisonette']);
const isUpperCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);

interface Segment { start: number; words: string[]; stopBefore: boolean }

const TITLE_BEFORE = /(?:^|[^A-Za-z])(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+$/;
const CIVIL_TITLE = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|MR|MRS|MS|MISS|DR)$/;

/** Characters that may stand just before the first word of an address segment. */
const SEGMENT_OPENERS = new Set([' ', '\t', '\n', '\r', ',', '(', ':', ';', '"', '“', '|', '\u00a0']);

/** A segment's word that is a house number: "14", "7A". */
const HOUSE_NUMBER_WORD = /^\d{1,4}[A-Za-z]?$/;

/** One comma- or line-separated segment of an address, read backwards from `end` (exclusive). */
function segmentBefore(text: string, end: number): Segment | null {
  let i = end;
  const words: string[] = [];
  let start = -1;
  const done = (stopBefore: boolean): Segment | null => {
    // a connector cannot open a segment ("of The Granary" is "The Granary" after "of")
    while (words.length && NAME_CONNECTORS.has(words[0]!)) {
      words.shift();
      start = text.indexOf(words[0] ?? '', start + 1);
      stopBefore = true;
    }
    return words.length ? { start, words, stopBefore } : null;
  };
  for (;;) {
    // spaces separate words; a tab separates table cells, so it ends the segment like punctuation
    i = backOverSpaces(text, i, (c) => c === 32);
    let j = i;
    while (j > 0) {
      const c = text.charCodeAt(j - 1);
      if (isLetterCode(c) || (c >= 48 && c <= 57) || c === 39 || c === 0x2019 || c === 45) j--;
      else break;
    }
    if (j === i) return done(!(i > 0 && (text[i - 1] === ',' || text[i - 1] === '\n' || text[i - 1] === '\r')));
    // "26/05/1986": a word glued to other characters is not an address word
    if (j > 0 && !SEGMENT_OPENERS.has(text[j - 1]!)) return done(true);
    const word = text.slice(j, i);
    const isNum = HOUSE_NUMBER_WORD.test(word);
    // "of 22 Highfield": a lower-case word ends the address; so does a token mixing digits and letters
    if ((!isNum && !isUpperCode(word.charCodeAt(0)) && !NAME_CONNECTORS.has(word)) || (!isNum && /\d/.test(word))) return done(true);
    words.unshift(word);
    start = j;
    i = j;
    if (words.length > 6) return null;
  }
}

/**
 * Addresses anchored on a postcode: segments read backwards from it, up to one that opens with a
 * house number or a flat, or else the farthest that is a house name ("The …", "… Cottage") or a
 * street. Covers streets without a street-type word and house names: "22 Highfield, Letchworth
 * Garden City SG6 3RW", "THE OLD FORGE, CHURCH END, BRAUGHING, SG11 2QX".
 */
function postcodeAnchored(text: string, out: Candidate[]): void {
  ANY_POSTCODE.lastIndex = 0;
  for (let m = ANY_POSTCODE.exec(text); m; m = ANY_POSTCODE.exec(text)) {
    if (postcodeKind(m[0]) === null) continue;
    let pos = m.index;
    let start = -1;
    // the segments read, nearest first, while none opened the address
    const read: Segment[] = [];
    let ended = false;
    // reading stopped at a name with a title ("Mrs Elspeth Gunson, High Brackenthwaite, Wigton CA7 8PS")
    let endedAtName = false;
    for (let k = 0; k < 5; k++) {
      pos = backOverSpaces(text, pos);
      if (k > 0 || text[pos - 1] === ',') {
        if (text[pos - 1] === ',') pos--;
        else if (k > 0 && !(text[pos] === '\n' || text[pos] === '\r' || /[\n\r]/.test(text.slice(pos, m.index)))) break;
      }
      const seg = segmentBefore(text, pos);
      if (!seg) { ended = true; break; }
      // "Mrs Rose Hill\nRose Cottage, …": a line that opens with a title is its resident's name
      // ("Wigton - Mrs Elspeth Gunson, …": a list's heading before the name)
      if (seg.words.some((w) => CIVIL_TITLE.test(w)) || TITLE_BEFORE.test(text.slice(Math.max(0, seg.start - 8), seg.start))) { ended = endedAtName = true; break; }
      const first = seg.words[0]!;
      // "LS7 4PJ\t9\t1\nLS8 5QD": a number alone in a table cell on the line above is a count, not a house number
      if (seg.words.length === 1 && /^\d/.test(first) && text[seg.start - 1] === '\t') break;
      // "11:00–13:00, Llyfrgell Ceredigion, …": the minutes of a time are no house number
      if (seg.words.length === 1 && /^\d/.test(first) && text[seg.start - 1] === ':') { ended = true; break; }
      // a house number opens the address; a house name ("Rose Cottage", "The Granary") may be
      // preceded by more of it, so reading goes on until something that is not an address
      if (/^\d/.test(first) || FLAT_WORDS.has(first.toLowerCase())) {
        start = seg.start;
        // "Mortimer House, 3 Queensway": a building name just before the house number belongs to it
        const p = backOverSpaces(text, start);
        const building = text[p - 1] === ',' && !seg.stopBefore ? segmentBefore(text, p - 1) : null;
        if (building && HOUSE_NAME_WORDS.has(building.words[building.words.length - 1]!.toLowerCase())) start = building.start;
        break;
      }
      const lastWord = seg.words[seg.words.length - 1]!.toLowerCase();
      // "Ascot Road, Watford WD18 8AD": a street with its postcode names one place, even without a number
      const firstKey = first.toLowerCase();
      // "Elland Road Police Station, Leeds LS11 8BU": a venue named before its town and postcode
      if (first === 'The' || first === 'THE' || HOUSE_NAME_WORDS.has(lastWord) || (STREET_TYPE_SET.has(lastWord) && seg.words.length > 1) || (VENUE_WORDS.has(lastWord) && seg.words.length > 1)) start = seg.start;
      // "Bryn Awel, Heol Rhosmaen, Llandeilo SA19 6AB": Welsh house names and streets open with their type word
      else if (seg.words.length > 1 && (WELSH_HOUSE_OPENERS.has(firstKey) || WELSH_STREET_PREFIX_SET.has(firstKey))) start = seg.start;
      // "ul. Westgate 112, Peterborough PE1 1RG", "Abington Avenue 58": a street written the continental way, its
      // number last (after a prefix, or a street type), as speakers of other languages write a UK address
      else if (seg.words.length > 1 && HOUSE_NUMBER_WORD.test(seg.words[seg.words.length - 1]!)) {
        const prefix = CONTINENTAL_PREFIX_BEFORE.exec(text.slice(Math.max(0, seg.start - 10), seg.start));
        if (prefix) start = seg.start - prefix[0].length;
        else if (STREET_TYPE_SET.has(seg.words[seg.words.length - 2]!.toLowerCase())) start = seg.start;
      }
      // "VIC Nkechi Eze 33 Ravenscroft, Welwyn Garden City AL7 2DN": run-together cells put a name before the house
      // number in one segment (the 2014 upload's shape); the address starts at the number
      if (start < 0) {
        // (not a year: "Operation Falcon 2024 Results")
        const k = seg.words.findIndex((w, i) => i > 0 && i < seg.words.length - 1 && HOUSE_NUMBER_WORD.test(w) && !/^(?:19|20)\d\d$/.test(w));
        if (k > 0) {
          const at = wordOffset(text, seg, k);
          if (at >= 0 && !isQuantityOrYear(text, at)) { start = at; break; }
        }
      }
      read.push(seg);
      if (seg.stopBefore) { ended = true; break; }
      pos = seg.start;
    }
    // "Pant-y-Celyn, Llanfihangel-ar-Arth, Pencader SA39 9HX", "Tigh na Mara, Balnakeil, Durness, Lairg IV27 4PT":
    // a rural house name, its locality and post town, read back to where the list began on the postcode's line
    if (start < 0 && ended && read.length >= 3) {
      // the farthest segment that reads as a house name, with at least a locality and the post town after it
      for (let h = read.length - 1; h >= 2 && start < 0; h--) if (isRuralHouseName(text, read[h]!, m.index)) start = read[h]!.start;
    }
    // …or only a house name and a known post town, straight after a titled name: the name says whose home it is
    if (start < 0 && endedAtName && read.length === 2 && UK_PLACES.has(read[0]!.words.join(' ').toLowerCase()) && isRuralHouseName(text, read[1]!, m.index)) start = read[1]!.start;
    if (start < 0 || isQuantityOrYear(text, start)) continue;
    // "Flat 2, 118 Queens Road": a flat segment just before the house number belongs to it
    const flat = /(?:Flat|FLAT|Apartment|APARTMENT|Apt|Unit|UNIT)\s+\d{1,4}[A-Za-z]?,\s*$/.exec(text.slice(Math.max(0, start - 20), start));
    if (flat) start -= flat[0].length;
    const end = m.index + m[0].length;
    const reasons = ['address:grammar', 'address:postcode', 'address:postcode-anchored'];
    // "St Neots Library, Priory Lane, St Neots PE19 2BH": a venue named just before is the venue's address
    const p = backOverSpaces(text, start);
    const named = text[p - 1] === ',' ? segmentBefore(text, p - 1) : null;
    if (VENUE_IN_MATCH.test(text.slice(start, end)) || (named && VENUE_WORDS.has(named.words[named.words.length - 1]!.toLowerCase()))) reasons.push('address:venue');
    out.push({ start, end, score: 0.85, reasons });
  }
}

/**
 * A house name opening a rural address on the postcode's line: a few words, none a number, a town or an
 * everyday word, and not a forename and surname ("Complainant Jane Doherty, Hillview, …" and "Patrols in
 * Hitchin, Letchworth, …" hold none; "Pen y Bryn" and "Tigh na Mara" are house names).
 */
function isRuralHouseName(text: string, house: Segment, postcodeAt: number): boolean {
  if (/[\n\r]/.test(text.slice(house.start, postcodeAt))) return false;
  const w = house.words;
  if (w.length > 4 || UK_PLACES.has(w.join(' ').toLowerCase())) return false;
  if (w.length >= 2 && FORENAMES.has(w[0]!.toLowerCase()) && /^[A-Z]/.test(w[1]!)) return false;
  // ("High Brackenthwaite", "Low Garth": a farm's position word opens its name)
  return !UK_PLACES.has(w[0]!.toLowerCase()) && w.every((x, i) => !/\d/.test(x) && (!COMMON_CAPITALISED.has(x.toLowerCase()) || (i === 0 && w.length > 1 && HOUSE_POSITION_WORDS.has(x))));
}
/** Where the k-th word of a segment starts in the text. */
function wordOffset(text: string, seg: Segment, k: number): number {
  let at = seg.start;
  for (let i = 0; i < k; i++) at = text.indexOf(seg.words[i]!, at) + seg.words[i]!.length;
  return text.indexOf(seg.words[k]!, at);
}

/** A street prefix of another language right before a street and its number: Polish "ul.", Romanian "str.", Portuguese "Rua". */
const CONTINENTAL_PREFIX_BEFORE = /(?:\b(?:ul|str)\.|\b(?:ulica|strada|[Rr]ua|[Aa]venida|[Cc]alle))[ \t]+$/;
/** Position words that open a farm's or a house's name ("High Brackenthwaite", "Low Garth"). */
const HOUSE_POSITION_WORDS = new Set(['High', 'Low', 'Upper', 'Lower', 'Nether', 'Middle', 'Great', 'Little', 'Old', 'New', 'East', 'West', 'North', 'South']);

const FIRM_ENDINGS = new Set(['ltd', 'limited', 'plc', 'llp', 'brothers', 'bros', 'sons', 'co', 'company', 'solicitors', 'associates', 'partners', 'group']);

/** Quantities, years and collar numbers are not house numbers ("around 50 Highfield households", "PC 1771 Dominic Shaw"). */
function isQuantityOrYear(text: string, start: number): boolean {
  const n = /^\d{1,4}/.exec(text.slice(start, start + 4));
  if (!n) return false;
  const before = text.slice(Math.max(0, start - 24), start);
  return NOT_HOUSE_NUMBER_BEFORE.test(before) || Number(n[0]) === 0;
}

/** A window of text around gate hits: [start, end, text.slice(start, end)], sliced once for every grammar that uses it. */
type GateWindow = [number, number, string];

/** Windows of ±reach around gate hits, snapped to whitespace and merged. */
function gateWindows(text: string, gate: RegExp, before: number, after: number, keep?: (m: RegExpExecArray) => boolean): GateWindow[] {
  const out: GateWindow[] = [];
  gate.lastIndex = 0;
  for (let m = gate.exec(text); m; m = gate.exec(text)) {
    if (keep && !keep(m)) continue;
    // a gate's group 1 is read back by a lookbehind from its anchor: the hit starts with that word
    const hit = m.index - (m[1]?.length ?? 0);
    let s = Math.max(0, hit - before);
    let e = Math.min(text.length, m.index + m[0].length + after);
    while (s > 0 && !isSpaceCode(text.charCodeAt(s - 1))) s--;
    while (e < text.length && !isSpaceCode(text.charCodeAt(e))) e++;
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e, '']);
  }
  for (const w of out) w[2] = text.slice(w[0], w[1]);
  return out;
}

/** Where `gate` matched: the index of each match's last character (where the person grammars start). */
function gateEnds(text: string, gate: RegExp): number[] {
  const out: number[] = [];
  gate.lastIndex = 0;
  for (let m = gate.exec(text); m; m = gate.exec(text)) out.push(m.index + m[0].length - 1);
  return out;
}

/**
 * Matches of a sticky grammar tried only at `starts`: cheaper than scanning windows when every match
 * must begin at a gate's end. Lookbehinds see the whole text.
 */
function* matchesAt(text: string, re: RegExp, starts: readonly number[]): Generator<{ index: number; 0: string }> {
  for (const at of starts) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) yield { index: m.index, 0: m[0] };
  }
}

function* matchesIn(text: string, re: RegExp, windows: GateWindow[]): Generator<{ index: number; 0: string }> {
  for (const [ws, , sub] of windows) {
    re.lastIndex = 0;
    for (let m = re.exec(sub); m; m = re.exec(sub)) yield { index: ws + m.index, 0: m[0] };
  }
}

const isPlaceName = (key: string): boolean => UK_PLACES.has(key) || CITY_DISTRICTS.has(key);

function findAddresses(text: string): Candidate[] {
  const out: Candidate[] = [];
  // each gate is scanned once; its windows serve every grammar that uses it
  const ofStarts = gateEnds(text, OF_GATE);
  const namedWindows = gateWindows(text, NAMED_GATE, 120, 160, namedGateHit);
  for (const m of matchesAt(text, STREET_OF_PERSON, ofStarts)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    // "the order bans Whitby from London Road": a street someone is kept away from is no home
    if (EXCLUDED_FROM.test(before)) continue;
    // "Residents of Chiltern Road have reported": a common word before "of" names nobody
    const who = WORD_BEFORE_OF.exec(before);
    if (who && COMMON_CAPITALISED.has(who[1]!.toLowerCase())) continue;
    // "Patel Brothers Ltd of Dunstable Road": a firm's street is a business address, not a home
    if (who && FIRM_ENDINGS.has(who[1]!.toLowerCase())) continue;
    const ext = extend(text, m.index + m[0].length);
    // "Kieran Flynn, 34, of Thornton Heath": a town or district whose name ends in a street-type word is a home
    // town, not a street (but "of Tower Hill, Kirkby" names an estate in a town)
    if (!isDigitCode(m[0].charCodeAt(0)) && !(ext.hasPostcode || ext.hasPlace) && isPlaceName(m[0].toLowerCase())) continue;
    // "a man I know as Tyrone from Orchard Park": "from" alone says where someone hangs about, not where
    // they live; a town or postcode after the street makes it the home ("Jo Hart from Ringlet Road, Hemel")
    if (!(ext.hasPostcode || ext.hasPlace) && /\bfrom[ \t]+$/.test(before)) continue;
    out.push({ start: m.index, end: ext.end, score: ext.hasPostcode || ext.hasPlace ? 0.75 : 0.6, reasons: ['address:street-of-person'] });
  }
  for (const m of matchesAt(text, AREA_OF_PERSON, ofStarts)) {
    const ext = extend(text, m.index + m[0].length);
    if (ext.hasPlace || ext.hasPostcode) out.push({ start: m.index, end: ext.end, score: 0.6, reasons: ['address:area-of-person'] });
  }
  // a house number and street with no street-type word, where the words before say someone lives there
  for (const [grammar, reason] of [[NUMBERED_OF_AGE, 'address:numbered-of-person'], [DWELLING_NUMBERED, 'address:dwelling-of']] as const) {
    for (const m of matchesAt(text, grammar, ofStarts)) {
      if (isQuantityOrYear(text, m.index)) continue;
      const ext = extend(text, m.index + m[0].length);
      out.push({ start: m.index, end: ext.end, score: ext.hasPostcode || ext.hasPlace ? 0.75 : 0.65, reasons: [reason] });
    }
  }
  for (const m of matchesIn(text, VENUE_LOCALITY, namedWindows)) {
    const ext = extend(text, m.index + m[0].length);
    if (ext.hasPostcode) out.push({ start: m.index, end: ext.end, score: 0.7, reasons: ['address:grammar', 'address:venue', 'address:postcode'] });
  }
  postcodeAnchored(text, out);
  const numberWindows = gateWindows(text, NUMBER_GATE, 100, 160);
  const candidates = [
    ...matchesIn(text, CORE_NUMBERED, numberWindows.filter((w) => STREET_TYPE_WORD.test(w[2]))),
    // most windows hold no Welsh street word at all: one literal search turns them away
    ...matchesIn(text, WELSH_NUMBERED, numberWindows.filter((w) => WELSH_STREET_WORD.test(w[2]))),
    ...matchesIn(text, CORE_NAMED, namedWindows),
  ].sort((a, b) => a.index - b.index);
  let consumed = 0;
  for (const m of candidates) {
    if (m.index < consumed) continue;
    const start = m.index;
    const before = text.slice(Math.max(0, start - 24), start);
    const numMatch = /^(?:\d)/.test(m[0]) ? /^\d{1,4}/.exec(m[0]) : null;
    if (numMatch) {
      const n = Number(numMatch[0]);
      if (NOT_HOUSE_NUMBER_BEFORE.test(before)) continue;
      if (n >= 1900 && n <= 2099 && /\b(?:in|since|during|from|until|by)\s*$/i.test(before)) continue;
      if (n === 0) continue;
      // "Hockliffe 2, Toddington 7, Linslade Wood 3": a count after a place's name, then the next place
      if (/^\d{1,4},/.test(m[0]) && COUNT_AFTER_NAME.test(before)) continue;
    }
    const ext = extend(text, start + m[0].length);
    // "Flat 14, Wolsey Hall": a flat in a hall or a house is a home
    const venue = VENUE_IN_MATCH.test(m[0]) && !/^(?:Flat|FLAT|Apartment|APARTMENT|Maisonette)\b/.test(m[0]);
    const reasons = ['address:grammar'];
    if (ext.hasPostcode) reasons.push('address:postcode');
    if (venue) reasons.push('address:venue');
    out.push({ start, end: ext.end, score: ext.hasPostcode ? 0.9 : ext.hasPlace ? 0.8 : 0.7, reasons });
    consumed = ext.end;
  }
  if (text.includes('|')) splitOverCells(text, out);
  return out;
}

/**
 * A spreadsheet row that keeps the house number, the street and the postcode in cells of their own:
 * "| 14 | Apsley Street | G11 7SY |", "| 3 | Mill Lane | Tring | HP23 5AE |" (a locality cell only
 * before a postcode cell, so a role or offence cell after the street is never read as a town).
 */
// (found from the house number's first digit, the cell's opening read back)
const SPLIT_OVER_CELLS = new RegExp(
  `(\\d(?<=(?:^|\\|)[ \\t]*\\d)\\d{0,3}[A-Za-z]?)[ \\t]*\\|[ \\t]*${STREET}(?:[ \\t]*(?:\\|[ \\t]*${CAP}(?:[ \\t]+${CAP}){0,2}[ \\t]*)?\\|[ \\t]*[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})?(?=[ \\t]*(?:\\||$))`,
  'gm',
);

function splitOverCells(text: string, out: Candidate[]): void {
  SPLIT_OVER_CELLS.lastIndex = 0;
  for (let m = SPLIT_OVER_CELLS.exec(text); m; m = SPLIT_OVER_CELLS.exec(text)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const end = m.index + m[0].length;
    if (overlapsAny(out, start, end)) continue;
    // "| 88 | VAUXHALL ASTRA MERIT GREEN |": a make and a colour are a vehicle's cells, not a street
    const words = m[0].toLowerCase().split(/[^a-z]+/);
    if (words.some((w) => VEHICLE_MAKES.has(w)) && words.some((w) => VEHICLE_COLOURS.has(w))) continue;
    const hasPostcode = /\d[A-Z]{2}$/.test(m[0]);
    out.push({ start, end, score: hasPostcode ? 0.85 : 0.7, reasons: hasPostcode ? ['address:split-over-cells', 'address:postcode'] : ['address:split-over-cells'] });
  }
}

/** Words of a template address: "1 Example Street", "Sample Road", "Anytown". */
/**
 * A column gap (three spaces or a tab) inside the address's first part, before any comma or line break:
 * "OYELARAN Babatunde      29    Watford      Drive whilst disqualified" is an age, a town and an offence in
 * a space-aligned register, not an address.
 */
const COLUMN_GAP_IN_STREET = /^[^,\n]*?\S(?: {3,}|\t)\S/;
const PLACEHOLDER_ADDRESS = /\b(?:Example|EXAMPLE|Sample|SAMPLE|Anytown|ANYTOWN|Any Street|Anystreet)\b/;

export const addressRecognizer: Recognizer = {
  name: 'uk-address',
  entity: 'ADDRESS',
  description: 'UK address grammar: house number or name + street + street type (+ locality + postcode) as one span',
  find: (text) => findAddresses(text),
  // "1 Example Street, Anytown": a template's placeholder, nobody's home
  validate: (v) => !PLACEHOLDER_ADDRESS.test(v) && !COLUMN_GAP_IN_STREET.test(v),
  context: { phrases: ['address', 'lives at', 'living at', 'resides', 'resident of', 'home', 'of'], windowBefore: 20, windowAfter: 0, boost: 0.05 },
};

/**
 * A lower-case town and postcode after a lower-case home (", hatfield al10 8pq"); group 1 is the postcode.
 * Shared with beside-names.ts: both join it to the home only when lowerCasePostcodeIsReal says so.
 */
export const LOWER_TOWN_AND_POSTCODE = `,[ \\t]*(?:[a-z][a-z'’]+[ \\t]+){0,3}([a-z]{1,2}\\d[a-z\\d]?[ \\t]?\\d[a-z]{2})(?![A-Za-z0-9])`;
export const lowerCasePostcodeIsReal = (postcode: string): boolean => postcodeKind(postcode.toUpperCase()) !== null;
const LOWER_TOWN_AND_POSTCODE_AT_END = new RegExp(`${LOWER_TOWN_AND_POSTCODE}$`);

/** Street types a person typing in lower case writes after a house number; the ambiguous ones ("park", "end", "green") left out. */
const LOWER_STREET_TYPES = ['road', 'rd', 'street', 'st', 'avenue', 'ave', 'close', 'lane', 'drive', 'way', 'court', 'crescent', 'place', 'gardens', 'grove', 'terrace', 'mews', 'rise', 'walk', 'parade', 'square'];
/** The street's own words between the house number and its type. */
const LOWER_STREET_WORDS = new RegExp(`^\\d{1,4}[a-z]?,?[ \\t]+(.*?)[ \\t]+(?:${LOWER_STREET_TYPES.join('|')})(?![a-z])`);
/** Words that cannot name a street between a number and its type ("at 9 on the way", "at 3 one way"). */
const NOT_STREET_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'by', 'for', 'my', 'his', 'her', 'their', 'our', 'your', 'this', 'that', 'one', 'two', 'three', 'four', 'other', 'same', 'next', 'each', 'every', 'car', 'bus', 'mins', 'minutes', 'hours', 'years', 'pm', 'am', 'past', 'half', 'quarter', 'till', 'until', 'ish', 'mph', 'miles', 'metres', 'yards']);

/**
 * "my neighbour at no 14 ringlet road", "its the kids from 22 larch way", "lives at 27 sycamore close,
 * hatfield al10 8pq": a home typed all in lower case, as residents write in messages and forms. Without
 * capitals only a word that says where someone is ("at", "from", "lives at", "no") and a street type
 * after the street's own words mark it; a town and postcode join only when the postcode is one.
 */
export const lowerCaseHomeRecognizer: Recognizer = {
  name: 'lower-case-home',
  entity: 'ADDRESS',
  // the default reach: its windows are the ones most digit recognisers already share
  trigger: 'digit',
  description: 'A house number and street typed in lower case after "at", "from" or "no" ("at no 14 ringlet road")',
  patterns: [{
    name: 'lower-home',
    // found from the house number, a lower-case word after it looked at first and the word before read back:
    // digits are far rarer than those words' letters, and most are followed by a capital, a colon or a slash
    regex: new RegExp(`(\\d(?=\\d{0,3}[a-z]?,?[ \\t]+[a-z])(?<=(?<![A-Za-z])(?:at|from|lives at|living at|live at|moved to|address is)[ \\t]+(?:no\\.?[ \\t]*|number[ \\t]+)?\\d)\\d{0,3}[a-z]?,?[ \\t]+(?:[a-z][a-z'’]+[ \\t]+){1,2}(?:${LOWER_STREET_TYPES.join('|')})(?![A-Za-z0-9'’-])(?:${LOWER_TOWN_AND_POSTCODE})?)`, 'g'),
    score: 0.6,
    group: 1,
  }],
  validate: (v) => {
    const m = LOWER_STREET_WORDS.exec(v);
    if (!m || m[1]!.split(/[ \t]+/).some((w) => NOT_STREET_WORDS.has(w))) return false;
    // the town and postcode belong to it only when the postcode is a real one
    const pc = LOWER_TOWN_AND_POSTCODE_AT_END.exec(v);
    return !pc || lowerCasePostcodeIsReal(pc[1]!);
  },
  minScore: 0.5,
};
