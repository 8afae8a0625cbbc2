/**
 * PERSON by gazetteer + cues (no model weights can be downloaded here).
 * Capitalised runs are split into tokens; titles and police ranks are consumed as cues; the
 * remaining tokens are scored against forename/surname gazetteers of many origins; streets,
 * places, organisations and sentence-initial common words are rejected. See detectors/README.md
 * for what a model-based recogniser would add: it plugs in as another `find`.
 */
import { overlapsAny } from '../engine.js';
import type { Candidate, Recognizer, RecognizerEnv } from '../types.js';
import { FORENAMES, SURNAMES, SURNAME_SHAPE, WEAK_NAME_WORDS } from '../gazetteer/names.js';
import { backOverSpaces, isBlankCode, isSpaceCode } from '../chars.js';
import { AUTHOR_LABEL_BEFORE, DOCUMENT_AUTHOR_LABEL } from './person-cues.js';
import { COMMON_CAPITALISED, HOUSE_NAME_WORDS, ORG_WORDS, UK_PLACES, PERSON_NAMED_SCHEMES, PERSON_NAMED_SHOPS, PLACES, RANK_PHRASES, STREET_TYPE_SET, TITLES, VEHICLE_COLOURS, VEHICLE_MAKES, VEHICLE_NOUNS, VENUE_WORDS, WELSH_STREET_PREFIX_SET } from '../gazetteer/lexicon.js';

type Cls = 'F' | 'S' | 'B' | 'W' | 'U' | 'I' | 'C';

interface Tok {
  text: string; // name text (possessive and trailing dot removed)
  key: string; // lower-case lookup key
  rankKey: string; // key without dots, as rank phrases are stored
  start: number;
  end: number;
  breakAfter: boolean; // sentence end or possessive: the name cannot continue
  initial?: boolean;
}

const PARTICLES = new Set(['van', 'von', 'de', 'da', 'di', 'du', 'del', 'della', 'le', 'la', 'bin', 'ibn', 'al', 'el', 'ul', 'ter', 'den', 'der', 'dos', 'das', 'ap', 'ab']);
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'sgt', 'insp', 'supt', 'st', 'prof', 'rev', 'revd', 'det', 'ch', 'cllr', 'pc', 'dc', 'ds', 'di', 'pcso', 'jr', 'snr', 'jnr', 'sr']);
const HARD_STREET = new Set(['road', 'rd', 'street', 'st', 'avenue', 'ave', 'close', 'drive', 'way', 'crescent', 'court', 'place', 'terrace', 'gardens', 'mews', 'square', 'parade', 'grove', 'walk', 'rise', 'boulevard', 'lane', 'cottages', 'villas', 'esplanade', 'embankment', 'promenade', 'quay', 'wharf', 'yard', 'passage', 'approach', 'crossing', 'bypass', 'highway']);
const RANKS_BY_FIRST = new Map<string, string[][]>();
for (const r of RANK_PHRASES.map((p) => p.replace(/\./g, '').split(/\s+/)).sort((a, b) => b.length - a.length)) {
  const list = RANKS_BY_FIRST.get(r[0]!) ?? [];
  list.push(r);
  RANKS_BY_FIRST.set(r[0]!, list);
}
const LOCATION_PREPS = new Set(['in', 'at', 'near', 'along', 'around', 'on', 'off', 'outside', 'opposite', 'behind', 'into', 'towards', 'via', 'through', 'across']);
const ROLE_CUES = new Set(['victim', 'victims', 'perpetrator', 'perpetrators', 'perp', 'perps', 'offender', 'suspect', 'witness', 'complainant', 'defendant', 'accused', 'resident', 'neighbour', 'tenant', 'named', 'name', 'names', 'called', 'known as', 'identified as', 'by', 'against', 'and', '&',
  // a person's place or part in the story ("the home of Dean Pryke", "our coordinator Bill Ransome")
  'home of', 'address of', 'occupier', 'occupant', 'owner', 'landlord', 'licensee', 'coordinator', 'co-ordinator', 'chair', 'secretary', 'treasurer',
  'driver', 'rider', 'cyclist', 'pedestrian', 'motorist', 'pensioner', 'teenager',
  // "a card in the name of D FENWICK", "reported by mother Claire Marsh"
  'name of', 'mother', 'father', 'mum', 'dad', 'son', 'daughter', 'wife', 'husband', 'partner', 'brother', 'sister', 'carer', 'grandmother', 'grandfather']);
const RANK_SET = new Set(RANK_PHRASES.map((p) => p.replace(/\./g, '').toLowerCase()));

/** The last few words before a name, lower case, punctuation dropped (cheap to test against word sets). */
function tailWords(before: string, n = 6): string[] {
  // ASCII fast path: scan back from the end, keeping [a-z0-9/&'-] (upper case folded), anything else separates words
  const from = Math.max(0, before.length - 60);
  const words: string[] = [];
  let end = -1; // exclusive end of the word being scanned, -1 when between words
  for (let i = before.length - 1; i >= from; i--) {
    const c = before.charCodeAt(i);
    if (c >= 128) return tailWordsSlow(before, n);
    const kept = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 47 || c === 38 || c === 39 || c === 45;
    if (kept) {
      if (end < 0) end = i + 1;
    } else if (end >= 0) {
      words.push(before.slice(i + 1, end).toLowerCase());
      end = -1;
      if (words.length === n) break;
    }
  }
  if (end >= 0 && words.length < n) words.push(before.slice(from, end).toLowerCase());
  return words.reverse();
}
function tailWordsSlow(before: string, n: number): string[] {
  const words = before.slice(-60).toLowerCase().replace(/[^a-z0-9/&' -]+/g, ' ').trim().split(/\s+/);
  return words.slice(-n).filter(Boolean);
}
/** "Darren Chester was charged": what is done to or by a person in the justice system, never to a town. */
const JUSTICE_VERB_AFTER = /^,?[ \t]+(?:(?:was|were|has been|had been|is being|has|had)[ \t]+)?(?:charged|arrested|jailed|sentenced|convicted|remanded|bailed|fined|cautioned|summonsed|admitted|pleaded|denied|appeared)\b/;
/** "… and Faisal Ibrahim (ASB Officer)", "Shona Kilbride, North Herts DC ASB officer": a job title after a run says it is a person. */
const JOB_IN_BRACKETS_AFTER = /^[ \t]*[(,|][ \t]*(?:[A-Za-z&'’-]+[ \t]+){0,5}(?:[Oo]fficer|[Mm]anager|[Cc]o-?ordinator|Chair|[Ss]ecretary|[Tt]reasurer|[Cc]ouncillor|[Cc]lerk|[Ww]arden|Lead|[Dd]irector|[Aa]dvis[eo]r|[Cc]aseworker)\b/;
/** "PERP: ", "Victim: ", "Suspect - ": a record's role label right before a name. */
const CASE_ROLE_LABEL_BEFORE = /\b(?:victims?|vict|perps?|perpetrators?|suspects?|offenders?|witness(?:es)?|complainants?|subject|defendants?|respondent|driver|owner|claimant|payee|statement of)[ \t]*[:–-][ \t]*$/i;
/** Role cues that also stand before places ("Welwyn and Hatfield", "by Kings Langley"). */
const PLACE_LISTING_CUES = new Set(['and', '&', 'by', 'against']);
/** Last words of the rank phrases: a text whose last word is none of these cannot end with a rank. */
const RANK_LAST_WORDS = new Set([...RANK_SET].map((r) => r.slice(r.lastIndexOf(' ') + 1)));
/** True when `before` ends with a rank or role phrase, optionally followed by a collar number. */
function endsWithRank(before: string): boolean {
  if (endsWithRankPhrase(before)) return true;
  // "Police and Crime Commissioner for Essex, Helen …", "Chief Constable of Kent, …": the force's area between
  if (!/,[ \t]*$/.test(before)) return false;
  const area = /[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?(?:[A-Z][A-Za-z'’-]*[ \t]*){1,4},[ \t]*$/.exec(before);
  return area !== null && endsWithRankPhrase(before.slice(0, area.index));
}

/** A full rank word closing a sentence or a bracket ("…(Senior ASB Officer). Mr Ng made no comment"). */
const RANK_WORD_CLOSED = /\b(?:officer|sergeant|inspector|constable|superintendent|commissioner|commander|chief|warden|pcso)\)?[.!?;)][ \t]*$/i;

function endsWithRankPhrase(before: string): boolean {
  const last2 = tailWords(before, 2);
  const lastWord = last2.length && /^\d{2,6}$/.test(last2[last2.length - 1]!) ? last2[last2.length - 2] : last2[last2.length - 1];
  if (lastWord === undefined || !RANK_LAST_WORDS.has(lastWord)) return false;
  const words = tailWords(before);
  if (words.length && /^\d{2,6}$/.test(words[words.length - 1]!)) words.pop();
  for (let k = 1; k <= 5 && k <= words.length; k++) {
    // the rank is right before the name ("PC Smith", "Insp. Smith"), not the end of the sentence before it
    if (RANK_SET.has(words.slice(-k).join(' '))) return !RANK_WORD_CLOSED.test(before);
  }
  return false;
}

// "(15)" straight after the name is an age; after a comma ("Hamilton Park, (2) vehicle crime") it numbers a list
const CUE_AFTER = /^[ \t]*\(\d{1,3}\)|^\s*(?:,\s*|\(\s*)?(?:(?:aged\s+)?\d{1,3}\s*\)?\s*,?\s*(?:of|from)\b|\d{1,3}\s*,\s*[a-z]{2,}\b|aged\s+\d|,?\s+(?:of|at)\s+\d{1,4}[A-Za-z]?,?\s+[A-Z]|\s*[,(]?\s*(?:dob|d\.o\.b|born)\b|\s*\(\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*\))/i;

// Latin letters incl. Latin-1, Latin Extended-A/B and Additional (Zoë, Wróblewska, Yıldırım, Nguyễn) without the slower /u flag.
const UP = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0100-\\u024F\\u1E00-\\u1EFF';
const LET = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF';
// A name needs two tokens (title + surname counts): single capitalised words never start a run. Its words
// are one or two spaces or a tab apart: wider gaps are a form's or a layout's columns ("Insurer: Direct Line   Breath test").
// "[A](?<!X.)" is "(?<!X)[A]" with the lookbehind after the first letter, so the engine skips to capitals (~1.8x).
// A particle may stand before a second one ("Pieter van der Berg", "Ana de la Cruz").
const RUN = new RegExp(
  `[${UP}](?<![${LET}0-9'’-].)[${LET}'’-]*\\.?(?:(?: {1,2}|\\t)(?:[${UP}][${LET}'’-]*\\.?|(?:van|von|de|da|di|du|del|della|le|la|bin|ibn|al|el|ul|ter|den|der|dos|das|ap|ab)(?=(?:(?: {1,2}|\\t)(?:der|den|de|la|le|los|las|ter))?(?: {1,2}|\\t)[${UP}])|(?:al|el)-[${UP}][${LET}'’]+))+`,
  'g',
);
/** After "SURNAME, Forename" whose forename no list knows: an age, a DOB label or a birth-like date on the same line, or a house number and street straight after. */
const UNKNOWN_FORENAME_CUE = new RegExp(`${CUE_AFTER.source}|^,[ \\t]*\\d{1,4}[A-Za-z]?,?[ \\t]+[A-Z][a-z'’]+[ \\t]+[A-Z][a-z]|^[^\\n]{0,32}?(?:\\b(?:dob|d\\.o\\.b|born)\\b|(?<![\\d/.-])\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)\\d{2}(?![\\d/.-]))`, 'i');
/** Every match of a global regex in `text`, in order; `offset` is added to each index (`text` is then a slice). */
function* allMatches(re: RegExp, text: string, offset = 0): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (offset) m.index += offset;
    yield m;
  }
}

/** [start, end) of every line of `text` that holds `ch`, its line break excluded. */
function linesWith(text: string, ch: string): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  for (let at = text.indexOf(ch); at >= 0;) {
    const start = text.lastIndexOf('\n', at) + 1;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    lines.push([start, end]);
    at = text.indexOf(ch, end);
  }
  return lines;
}

function surnameFirstMixed(text: string, matches: Iterable<RegExpExecArray>, reason: string, out: Candidate[], env: RecognizerEnv, labelled = false): void {
  for (const m of matches) {
    const surname = m[1]!;
    const words = m[2]!.trimEnd().split(/[ \t]/);
    const first = words[0]!;
    // "Brennan, Sinead DOB 02/11/1996": a label after the forename is no middle name
    const given = words.length === 2 && !/\.$/.test(first) && classifyWord(words[1]!) === 'C' ? first : m[2]!.trimEnd();
    const initials = /^[A-Z]\./.test(first);
    const surCls = /^(?:Ó|Ní|Nic|Mac|Ua) /.test(surname) ? 'S' : classifyWord(surname);
    // after a label a forename that is also a word counts ("dc:creator = Turnbull, Jo", "Ellery, Mark")
    const weakForename = classifyWord(first) === 'W' && inGaz(FORENAMES, lookupKey(first));
    const knownSurname = inGaz(SURNAMES, lookupKey(surname.replace(/^(?:Ó|Ní|Nic|Mac|Ua) /, '')));
    const foreCls = initials ? 'F' : weakForename && (labelled || knownSurname) ? 'F' : classifyWord(first);
    // a surname that is also a word ("HILL, Rose") counts when the surname list knows it
    const known = (foreCls === 'F' || foreCls === 'B') && (surCls === 'S' || surCls === 'B' || surCls === 'U' || (surCls === 'F' && !initials) || (surCls === 'W' && knownSurname));
    if (!known || PLACES.has(lookupKey(surname)) || PLACES.has(lookupKey(first))) continue;
    const start = m.index + m[0].lastIndexOf(surname, m[0].length - given.length);
    const end = m.index + m[0].lastIndexOf(given) + given.length;
    if (widenOverlapping(out, start, end)) continue;
    const authored = AUTHOR_LABEL_BEFORE.test(text.slice(Math.max(0, start - 40), start));
    out.push({ start, end, score: 0.75, reasons: authored ? [reason, 'allow:document-author'] : [reason], publicRole: env.teamBlock || authored });
  }
}

/** "Jul–Sep", "Oct-Dec": a quarter's column, not a name. */
const MONTH_PART = /(?:^|[- ])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*(?:$|[- ])/;
// matched from the opening quote or bracket, the forename read back by a capturing lookbehind: quotes are far
// rarer than capitals ('Darren "Dazzer" Kinnear', "Liam 'Smiffy' Smith", "Olumide (Mide) Bankole")
const NICKNAME_BETWEEN = new RegExp(`["“'‘(](?<=([${UP}][${LET}'’-]+)([ \\t]+)["“'‘(])([${UP}][${LET}’-]+)["”'’)][ \\t]+([${UP}][${LET}'’-]+)(?![${LET}])`, 'g');

function nicknameBetween(text: string, out: Candidate[], env: RecognizerEnv): void {
  NICKNAME_BETWEEN.lastIndex = 0;
  for (let m = NICKNAME_BETWEEN.exec(text); m; m = NICKNAME_BETWEEN.exec(text)) {
    const f = classifyWord(m[1]!);
    const s = classifyWord(m[4]!);
    // (a surname the lists know only as a forename will do: "Olumide (Mide) Bankole")
    if (!(f === 'F' || f === 'B') || !(s === 'S' || s === 'B' || s === 'U' || s === 'F') || PLACES.has(lookupKey(m[4]!))) continue;
    const start = m.index - m[2]!.length - m[1]!.length;
    const end = m.index + m[0].length;
    if (widenOverlapping(out, start, end)) continue;
    out.push({ start, end, score: 0.8, reasons: ['person:nickname-between'], publicRole: env.teamBlock });
  }
}

/** Two neighbouring cells of one or two capitalised words each: "| Kaur | Harpreet |", "| Chen | Li Na |". */
const TWO_NAME_CELLS = new RegExp(`(?:^|\\|)[ \\t]*([${UP}][${LET}'’-]+(?: [${UP}][${LET}'’-]+)?)[ \\t]*\\|[ \\t]*([${UP}][${LET}'’-]+(?: [${UP}][${LET}'’-]+)?)(?=[ \\t]*(?:[“"][${UP}][${LET}]+[”"][ \\t]*)?(?:\\||$))`, 'gm');

/**
 * A name split over a surname and a forename column of a spreadsheet row with no header in view: one
 * cell a forename the lists know, the other a surname they know ("Irish" is none), neither a place,
 * a month nor an everyday word. Each cell is its own detection, as the columns are.
 */
/** A case system's party codes in a row's first cell ("WIT | Niamh | FITZPATRICK |"): a role, not a surname. */
const PARTY_CODES: ReadonlySet<string> = new Set(['WIT', 'VIC', 'PERP', 'SUS', 'SUSP', 'OFF', 'COMP', 'IP', 'DEF', 'INF', 'APP']);

function nameInTwoCells(line: string, offset: number, out: Candidate[], env: RecognizerEnv): void {
  const cellKinds = (cell: string): Cls[] => cell.split(' ').map(classifyWord);
  const ok = (cell: string, cls: Cls[]): boolean => !PARTY_CODES.has(cell) && !PLACES.has(lookupKey(cell)) && !MONTH_PART.test(cell) && cell.split(' ').every((w) => !PLACES.has(lookupKey(w))) && cls.every((c) => c !== 'C' && c !== 'W' && c !== 'I');
  TWO_NAME_CELLS.lastIndex = 0;
  for (let m = TWO_NAME_CELLS.exec(line); m; m = TWO_NAME_CELLS.exec(line)) {
    const [a, b] = [m[1]!, m[2]!];
    const [ka, kb] = [cellKinds(a), cellKinds(b)];
    // the second cell, which ends the match ("Yes | Yes": indexOf would find the first cell again, forever)
    const second = m.index + m[0].length - b.length;
    // a pair that is no name is retried from the bar before its second cell, which may open one
    // ("| Suspect | Haslam | Connor |"); that bar lies after the first cell, so the scan moves on
    const retry = line.lastIndexOf('|', second);
    if (!ok(a, ka) || !ok(b, kb)) { TWO_NAME_CELLS.lastIndex = retry; continue; }
    const fore = (k: Cls[]): boolean => k[0] === 'F' || k[0] === 'B';
    const sur = (k: Cls[]): boolean => k[k.length - 1] === 'S' || k[k.length - 1] === 'B';
    if (!((sur(ka) && fore(kb)) || (fore(ka) && sur(kb)))) { TWO_NAME_CELLS.lastIndex = retry; continue; }
    const aStart = offset + m.index + m[0].indexOf(a);
    const bStart = offset + second;
    for (const [start, end] of [[aStart, aStart + a.length], [bStart, bStart + b.length]] as const) {
      if (overlapsAny(out, start, end)) continue;
      out.push({ start, end, score: 0.7, reasons: ['person:name-in-two-cells'], publicRole: env.teamBlock });
    }
  }
}

const LABEL_THEN_SURNAME_FIRST = /[:=][ \t]*[A-Z\u00C0-\u00DE][^\s,]*,[ \t]+[A-Z\u00C0-\u00DE]/;
/**
 * "Kowalczyk, Marta, 29, of 16 Moorclose Road": surname first, mixed case, with an age after it. Found from
 * the comma and the age after it; the surname is then read back from the comma (commas followed by a
 * capitalised word and an age are rare, capitals are not).
 */
const FORENAME_THEN_AGE = new RegExp(`,[ \\t]+([${UP}][${LET}'’-]+)(?=,?[ \\t]*(?:\\(\\d{1,3}\\)|\\d{1,3},|aged \\d))`, 'g');
const SURNAME_BEFORE_COMMA = new RegExp(`([${UP}](?<![${LET}'’-][ \\t]?.)[${LET}'’]+(?:-[${UP}][${LET}'’]+)?)$`);

/** "Surname, Forename" matches followed by an age, shaped as a regex's: [whole, surname, forename] at index. */
function* surnameFirstAged(text: string): Generator<RegExpExecArray> {
  FORENAME_THEN_AGE.lastIndex = 0;
  for (let m = FORENAME_THEN_AGE.exec(text); m; m = FORENAME_THEN_AGE.exec(text)) {
    const from = Math.max(0, m.index - 80);
    const sur = SURNAME_BEFORE_COMMA.exec(text.slice(from, m.index));
    if (!sur) continue;
    const start = from + sur.index;
    yield Object.assign([text.slice(start, m.index + m[0].length), sur[1]!, m[1]!], { index: start, input: text, groups: undefined }) as RegExpExecArray;
  }
}
/** "Perp: Brennan, Sinead", "Vict: HARTLEY, J. P.": surname first after a role or name label. */
const SURNAME_FIRST_LABELLED = new RegExp(`\\b(?:[Vv]ict(?:im)?|VICT(?:IM)?|[Pp]erp(?:etrator)?|PERP|[Ss]uspect|SUSPECT|[Oo]ffender|[Ww]itness|[Cc]omplainant|[Ss]ubject|SUBJECT|[Dd]efendant|[Rr]espondent|[Nn]ame|NAME|[Dd]river|[Oo]wner|[Cc]laimant|[Pp]ayee|${DOCUMENT_AUTHOR_LABEL})s?[ \\t]*[:=][ \\t]*([${UP}][${LET}'’]+(?:-[${UP}][${LET}'’]+)?),[ \\t]+((?:[A-Z]\\.[ \\t]?){1,3}|[${UP}][${LET}'’-]+(?:[ \\t][${UP}][${LET}'’-]+)?)(?![${LET}])`, 'g');
/** A whole table cell "Surname, Forename [Middle]": after a pipe or a line start, before a pipe or a line end. */
const SURNAME_FIRST_CELL = new RegExp(`(?:^|\\|)[ \\t]*((?:Ó |Ní |Nic |Mac |Ua )?[${UP}][${LET}'’]+(?:-[${UP}][${LET}'’]+)?),[ \\t]+([${UP}][${LET}'’-]+(?:[ \\t][${UP}][${LET}'’-]+)?)(?:[ \\t]*\\((?:Mr|Mrs|Ms|Miss|Mx|Dr)\\))?[ \\t]*(?=\\||$)`, 'gm');
/**
 * "OKAFOR, Adaeze": an ALL-CAPS surname, a comma and one or two forenames. Found from the comma (a capital
 * letter straight before it, a capitalised word after it), the surname then read back from the comma:
 * a regex tried at every capital of a text cost several times more.
 */
const FORENAMES_AFTER_CAPS_COMMA = new RegExp(`,(?<=[${UP}'’-],)[ \\t]+([${UP}][${LET}'’-]+|[${UP}]{2,})(?:[ \\t]+([${UP}][${LET}'’-]+|[${UP}]{2,}))?(?![${LET}'’-])`, 'g');
const CAPS_SURNAME_BEFORE_COMMA = new RegExp(`([${UP}](?<![${LET}'’-].)(?:[${UP}'’-]|Ma?c(?=[${UP}])){1,})$`);

/** The "SURNAME, Forename [Middle]" matches, shaped as a regex's: [whole, surname, forename, middle?] at index. */
function* capsSurnameFirst(text: string): Generator<RegExpExecArray> {
  let lastEnd = 0; // as one global regex would, a match never starts inside the one before
  FORENAMES_AFTER_CAPS_COMMA.lastIndex = 0;
  for (let m = FORENAMES_AFTER_CAPS_COMMA.exec(text); m; m = FORENAMES_AFTER_CAPS_COMMA.exec(text)) {
    const from = Math.max(lastEnd, m.index - 80);
    const sur = CAPS_SURNAME_BEFORE_COMMA.exec(text.slice(from, m.index));
    if (!sur) continue;
    const start = from + sur.index;
    lastEnd = m.index + m[0].length;
    yield Object.assign([text.slice(start, lastEnd), sur[1]!, m[1]!, m[2]], { index: start, input: text, groups: undefined }) as RegExpExecArray;
  }
}

const lookupKey = (s: string): string => {
  const k = s.toLowerCase().replace(/’/g, "'");
  // ASCII-fold only when needed (Wróblewska → wroblewska); the gazetteer holds both forms
  return /[^\x00-\x7f]/.test(k) ? k.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i').replace(/ł/g, 'l') : k;
};

function inGaz(set: ReadonlySet<string>, key: string): boolean {
  if (set.has(key)) return true;
  if (key.includes('-')) return key.split('-').some((p) => p.length > 1 && set.has(p));
  return false;
}

const clsCache = new Map<string, Cls>();

/** The class of one word seen alone (no neighbours, no position). */
function classifyWord(w: string): Cls {
  const key = lookupKey(w);
  return classify({ text: w, key, rankKey: key, start: 0, end: 0, breakAfter: false });
}

/** Widens every candidate overlapping [start, end) to cover it; false when none overlaps. */
function widenOverlapping(out: Candidate[], start: number, end: number): boolean {
  let widened = false;
  for (const c of out) {
    if (c.start < end && start < c.end) {
      c.start = Math.min(c.start, start);
      c.end = Math.max(c.end, end);
      widened = true;
    }
  }
  return widened;
}

export function classify(tok: Tok): Cls {
  let c = clsCache.get(tok.text);
  if (c === undefined) {
    c = classifyUncached(tok);
    if (clsCache.size > 100_000) clsCache.clear();
    clsCache.set(tok.text, c);
  }
  return c;
}

function classifyUncached(tok: Tok): Cls {
  const t = tok.text;
  const k = tok.key;
  // a lower-case particle inside a name ("Rhys ap Dafydd", "Aled van Dyke") neither makes nor breaks it
  if (t === k && PARTICLES.has(k)) return 'W';
  if (/^\p{Lu}$/u.test(t)) return t === 'A' || t === 'I' ? 'C' : 'I';
  const allCaps = t.length > 1 && t === t.toUpperCase();
  const f = inGaz(FORENAMES, k);
  // in capitals the shapes are "MCGUIGAN", "MACLEOD", "O'NEILL"
  const s = inGaz(SURNAMES, k) || SURNAME_SHAPE.test(t) || (allCaps && (SURNAME_SHAPE.test(t[0] + t.slice(1).toLowerCase()) || /^(?:MA?C[A-Z]{3,}|O['’][A-Z]{3,})$/.test(t)));
  const common = COMMON_CAPITALISED.has(k) || TITLES.has(k);
  if (common && !f && !s) return 'C';
  if (allCaps && t.length <= 3 && !f && !s) return 'C'; // acronyms: ASB, HGV, FOI
  if (ORG_WORDS.has(k) && !f && !s) return 'C';
  if (STREET_TYPE_SET.has(k) && !f && !s) return 'C';
  if (VENUE_WORDS.has(k) && !f && !s) return 'C';
  if (!f && !s) return /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)*$|^\p{Lu}{2,}$|^(?:O'|Mc|Mac)\p{Lu}\p{Ll}+$/u.test(t) ? 'U' : 'C';
  if (common || WEAK_NAME_WORDS.has(k)) return 'W';
  if (f && s) return 'B';
  return f ? 'F' : 'S';
}

interface TokShape {
  text: string;
  key: string;
  rankKey: string;
  breakAfter: boolean;
  /** A capital with a dot ("A.", "I."): an initial, even where the bare letter would be the article "A". */
  initial?: boolean;
}

/** What one whitespace-delimited word of a run is: a pure function of the word, so cached per word. */
interface WordInfo {
  /** The word as a token (possessive, trailing dot and quotes removed), or null when nothing is left. */
  shape: TokShape | null;
  /** False when the word is a common word that is neither a name, a title nor a rank. */
  mayName: boolean;
}

const wordCache = new Map<string, WordInfo>();

function wordInfo(raw: string): WordInfo {
  let info = wordCache.get(raw);
  if (info !== undefined) return info;
  const w = raw.replace(/(?:['’]s|['’]|\.)$/, '');
  const k = lookupKey(w);
  const mayName = !(COMMON_CAPITALISED.has(k) || ORG_WORDS.has(k) || STREET_TYPE_SET.has(k) || VENUE_WORDS.has(k)) || inGaz(FORENAMES, k) || inGaz(SURNAMES, k) || TITLES.has(k) || RANKS_BY_FIRST.has(k.replace(/\./g, ''));
  info = { shape: tokShape(raw), mayName };
  if (wordCache.size > 100_000) wordCache.clear();
  wordCache.set(raw, info);
  return info;
}

function tokShape(raw: string): TokShape | null {
  let text = raw;
  let breakAfter = false;
  if (/['’]s$/.test(text) && text.length > 3) {
    text = text.slice(0, -2);
    breakAfter = true;
  } else if (/s['’]$/.test(text)) {
    text = text.slice(0, -1);
    breakAfter = true;
  }
  let initial = false;
  if (text.endsWith('.')) {
    const bare = text.slice(0, -1);
    if (!(bare.length === 1 || ABBREVIATIONS.has(bare.toLowerCase()))) breakAfter = true;
    initial = bare.length === 1;
    text = bare;
  }
  text = text.replace(/['’-]+$/, '');
  if (!text) return null;
  const key = lookupKey(text);
  return { text, key, rankKey: key.replace(/\./g, ''), breakAfter, initial };
}

const runInfos: WordInfo[] = [];
const runStarts: number[] = [];

/**
 * The run's words (split on spaces and tabs) as tokens, or null when the run cannot hold a name:
 * every word is a common word that is neither a name, a title nor a rank ("Safer Neighbourhood Team").
 */
function tokeniseIfName(run: string, offset: number): Tok[] | null {
  const n = run.length;
  let words = 0;
  let mayName = false;
  for (let i = 0; i < n; ) {
    const c = run.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && run.charCodeAt(j) !== 32 && run.charCodeAt(j) !== 9) j++;
    const info = wordInfo(run.slice(i, j));
    if (info.mayName) mayName = true;
    runInfos[words] = info;
    runStarts[words] = i;
    words++;
    i = j;
  }
  if (!mayName) return null;
  const out: Tok[] = [];
  for (let w = 0; w < words; w++) {
    const shape = runInfos[w]!.shape;
    if (!shape) continue;
    const start = offset + runStarts[w]!;
    out.push({ text: shape.text, key: shape.key, rankKey: shape.rankKey, start, end: start + shape.text.length, breakAfter: shape.breakAfter, initial: shape.initial });
  }
  return out;
}

/** Length in tokens of a rank phrase starting at i, or 0. */
function rankAt(toks: Tok[], i: number): number {
  const candidates = RANKS_BY_FIRST.get(toks[i]!.rankKey);
  if (!candidates) return 0;
  for (const r of candidates) {
    if (i + r.length > toks.length) continue;
    let ok = true;
    for (let j = 0; j < r.length; j++) {
      if (toks[i + j]!.rankKey !== r[j]) { ok = false; break; }
      if (j < r.length - 1 && toks[i + j]!.breakAfter) { ok = false; break; }
    }
    if (ok) return r.length;
  }
  return 0;
}


const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** /\b(?:St|Saint)\.?\s*$/.test(before), without a regex scan of the whole string. */
function endsWithSaint(before: string): boolean {
  let e = backOverSpaces(before, before.length);
  if (e > 0 && before.charCodeAt(e - 1) === 46) e--;
  for (const w of ['St', 'Saint']) {
    const s = e - w.length;
    if (s >= 0 && before.startsWith(w, s) && (s === 0 || !isWordCode(before.charCodeAt(s - 1)))) return true;
  }
  return false;
}

function isPlace(toks: Tok[]): boolean {
  if (toks.length === 1) return PLACES.has(toks[0]!.key);
  if (toks.length === 2 && PERSON_NAMED_SCHEMES.has(`${toks[0]!.key} ${toks[1]!.key}`)) return true;
  const firstTwo = `${toks[0]!.key} ${toks[1]!.key}`;
  if (PLACES.has(firstTwo)) return true;
  return toks.length > 2 && PLACES.has(toks.map((t) => t.key).join(' '));
}

/** Occupations that open a description of someone ("Farmer Tom Bexfield"); several are surnames too. */
const OCCUPATION_WORDS: ReadonlySet<string> = new Set(['farmer', 'landlord', 'landlady', 'shopkeeper', 'publican', 'teacher', 'headteacher', 'driver', 'cyclist', 'motorist', 'pensioner', 'builder', 'gardener', 'butcher', 'baker', 'grocer', 'plumber', 'electrician', 'postman', 'postwoman', 'dog-walker', 'shepherd', 'gamekeeper', 'stallholder', 'trader', 'businessman', 'businesswoman', 'mechanic', 'nurse', 'carer', 'student', 'pupil']);

/** "her son Mahad", "his partner Kasia": one capitalised word after a possessive and a kinship word. */
const KIN_WORDS = ['son', 'daughter', 'husband', 'wife', 'partner', 'brother', 'sister', 'mother', 'father', 'mum', 'dad', 'boyfriend', 'girlfriend', 'child', 'grandson', 'granddaughter', 'grandmother', 'grandfather', 'nephew', 'niece', 'uncle', 'aunt', 'stepson', 'stepdaughter', 'stepfather', 'stepmother', 'fiancé', 'fiance', 'fiancée', 'carer', 'neighbour', 'lodger', 'ex-partner', 'ex-husband', 'ex-wife', 'ex-boyfriend', 'ex-girlfriend', 'ex', 'cousin', 'friend'];
// read forwards from the possessive: a scan for "her"/"his"… is far cheaper than a lookbehind tried at every capital
// (a PDF line may break between the possessive and the kin word: "my⏎husband Geoffrey")
const KIN_NAME = new RegExp(`\\b(?:[Hh]er|[Hh]is|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our)(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t]*)(?:${KIN_WORDS.join('|')}),?[ \\t]+([${UP}][a-z\\u00DF-\\u00F6\\u00F8-\\u024F'’-]+)(?![${LET}])`, 'g');
const KIN_WORD_SET: ReadonlySet<string> = new Set(KIN_WORDS);
/** Whether `at` opens the text, a line, or a sentence (after ". ", "? ", ": " and the like). */
function opensSentence(text: string, at: number): boolean {
  const end = backOverSpaces(text, at, isBlankCode);
  if (end === 0) return true;
  const c = text[end - 1]!;
  return c === '\n' || ((c === '.' || c === '!' || c === '?' || c === ':' || c === ';') && at - end >= 1 && at - end <= 3);
}
/** "Mrs Kaur's son, Amrit", "the victim's son, Kacper": a possessive of anyone before the kinship word (read from the apostrophe). */
const KIN_OF_NAMED = new RegExp(`['’](?<=[A-Za-z]['’])s[ \\t]+(?:${KIN_WORDS.join('|')}),?[ \\t]+([${UP}][a-z\\u00DF-\\u00F6\\u00F8-\\u024F'’-]+)(?![${LET}])`, 'g');
/** "Husband Seamus has COPD.", "Grandson Osian now staying with her": a kinship word opening a sentence or a line. */
// (the sentence or line opening before it is checked in code: a leading lookbehind would be tried at every character)
const KIN_OPENING = new RegExp(`(?:${KIN_WORDS.filter((w) => /^[a-z]+$/.test(w) && w !== 'ex' && w !== 'friend' && w !== 'child').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('|')})[ \\t]+([${UP}][a-z\\u00DF-\\u00F6\\u00F8-\\u024F'’-]+)(?![${LET}])`, 'g');
const HONORIFICS = new Set(['sir', 'lord', 'lady', 'dame', 'saint', 'st', 'king', 'queen', 'prince', 'princess', 'duke', 'duchess']);
const INSTITUTION_AFTER = /^['’]s?\s+(?:[A-Z][a-z]+\s+){0,2}(?:School|Grammar|College|Academy|Hospital|Hall|House|Almshouses|Foundation|Trust|Institute|Centre|Library|Park|Road|Street|Arms|Head)\b/;
/** Words that end the name of a park or an open space. */
const GREEN_SPACE_WORDS = new Set(['park', 'gardens', 'common', 'heath', 'fields', 'green', 'meadows', 'recreation', 'rec', 'moor', 'fen', 'marsh']);
/** A place preposition right before a run: "in", "at", "for", "near", "around", "outside", "over"… */
// (not "by", "from" or "to": "assaulted by Emma Green", "a letter from Karen Heath" name people)
const PLACE_PREPOSITION_BEFORE = /\b(?:in|at|for|near|around|outside|inside|through|across|into|over|towards|behind|beside|opposite)[ \t]+(?:the[ \t]+)?$/i;
/** A lone capitalised word (not after another) with an age after it: "Lily-Mae, 6,", "Theo (2)". */
// (found from the comma or bracket before the age, the word read back: these are far rarer than capitals;
// [1] the word, [2] what lies between it and the age's opening)
const FORENAME_AGED = /[,(](?<=([A-Z](?<![A-Za-z'’-].)[a-z'’]+(?:-[A-Z][a-z'’]+)?)(,|[ \t]*\())(?:(?<=,)(?=[ \t]*\d{1,2},)|(?<=\()(?=\d{1,2}\)))/g;
/** A capitalised word right before: the aged word is then the end of a longer name, which the run scan reads. */
const CAPITALISED_WORD_BEFORE = /[A-Z][A-Za-z'’-]*[ \t]$/;
/** A company's legal suffix a few words on: "… Care at Home Ltd", "… & Sons Limited". */
const COMPANY_AFTER = /^(?:[ \t]+(?:[A-Z][A-Za-z&'’-]*|&|at|of|and|for|the|in)){0,4}[ \t]+(?:Ltd|LTD|Limited|LIMITED|PLC|plc|LLP|CIC|Inc)\b/;
// …or an area named by what happens there ("the Martins Wood burglary series", "Rooks Nest area")
const PREMISES_AFTER = /^[ \t]+(?:takeaway|restaurant|cafe|café|pub|bar|inn|hotel|shop|store|salon|barbers?|garage|stores|supermarket|school|college|surgery|centre|hall|club|estate|park|ward|car park|area|neighbourhood|burglary|burglaries|shops|underpass|subway|roundabout)\b/;

/** Words that end the name of a park, green or other open place ("Clarence Park", "Perry Green"). */
const LANDMARK_WORDS = new Set(['park', 'green', 'common', 'heath', 'hill', 'wood', 'woods', 'end', 'field', 'fields', 'meadow', 'meadows', 'moor', 'marsh', 'lake', 'brook', 'bridge', 'cross', 'tye', 'bottom', 'down', 'downs', 'valley', 'gardens', 'recreation', 'ground', 'pass', 'fell', 'pier', 'point', 'head', 'bay', 'sands', 'beach']);

/** "… Much Hadham and ", "… Tring, ": the text before a run ends with a known place (or the same place word) and a list joiner. */
function listedWithPlace(before: string, lastKey: string): boolean {
  // the regex below is anchored at the end but tried from every capital: first a cheap look at the end
  const e = backOverSpaces(before, before.length, isBlankCode);
  if (e === before.length || !(before.charCodeAt(e - 1) === 44 || /[ \t](?:and|or|&)$/.test(before.slice(Math.max(0, e - 4), e)))) return false;
  const m = /([A-Z][A-Za-z'’-]+(?:[ \t]+[A-Z][A-Za-z'’-]+){0,2})(?:[ \t]+(?:and|or|&)|,)[ \t]+$/.exec(before);
  if (!m) return false;
  // "Commissioner for Essex, Helen Aldous-Carter": a place closing a title before a comma introduces a person
  if (m[0].trimEnd().endsWith(',') && /\b(?:for|of)[ \t]+$/.test(before.slice(Math.max(0, m.index - 5), m.index))) return false;
  const words = m[1]!.toLowerCase().split(/[ \t]+/);
  // "Verulamium Park and Clarence Park": place words end both
  // "Hart Street and Henley Bridge": a run ending in a place word listed with a street or landmark
  const prevLast = words[words.length - 1]!;
  if (words.length > 1 && (LANDMARK_WORDS.has(lastKey) || STREET_TYPE_SET.has(lastKey)) && (LANDMARK_WORDS.has(prevLast) || STREET_TYPE_SET.has(prevLast))) return true;
  // the place must end right at the joiner ("PCSO Bradley Kemp, Lorna Whitcombe" lists people, though Bradley
  // is a village), or only a ward's qualifier may follow it ("Hatfield South and Roe Green")
  const end = words.length > 1 && WARD_QUALIFIERS.has(prevLast) ? words.length - 1 : words.length;
  for (let i = 0; i < end; i++) if (UK_PLACES.has(words.slice(i, end).join(' '))) return true;
  return false;
}

/** Plural landscape words that end the name of an area or an estate, and (as a plural) almost never a surname. */
const AREA_PLURALS = new Set(['hills', 'woods', 'fields', 'meadows', 'downs', 'sands', 'moors', 'heights', 'lakes', 'commons', 'greens', 'parks', 'leys', 'crofts', 'dales', 'fens', 'marshes', 'wolds']);

/** Words after a town that name a ward or an area of it ("Hatfield South", "Hitchin Rural"). */
const WARD_QUALIFIERS = new Set(['north', 'south', 'east', 'west', 'central', 'rural', 'town', 'village', 'ward', 'estate', 'centre']);

/**
 * "the statue of", "a memorial to", "named after (the astronomer)", "once the home of" (not "the home of": a closure order's tenant), "takes its name from":
 * what stands before a commemorated or historical figure's name.
 */
const COMMEMORATED_BEFORE = /\b(?:statue|memorial|bust|plaque|portrait|monument|mural)[ \t]+(?:of|to)[ \t]+$|\bnamed[ \t]+after[ \t]+(?:the[ \t]+[a-z]+[ \t]+)?$|\b(?:once[ \t]+the[ \t]+home|birthplace|grave|tomb)[ \t]+of[ \t]+$|\btakes?[ \t]+its[ \t]+name[ \t]+from[ \t]+$|\bthe[ \t]+(?:astronomer|novelist|poet|author|writer|playwright|composer|painter|artist|architect|engineer|inventor|scientist|codebreaker|mathematician|reformer|explorer|statesman|philanthropist|industrialist)[ \t]+$/i;
/** A cheap first look for the year itself: most names have none after them. */
const OLD_YEAR = /1[0-8]\d\d/;
/**
 * "where Oscar Wilde was held from 1895 to 1897", "Robert Owen (1771–1858)": a year before 1900, written as
 * one, in the same clause places the name in history (data protection law covers the living). A birth year
 * is not among these words; a collar or reference number is no year.
 */
const HISTORICAL_YEAR_AFTER = /^(?:[ \t]*\(1[0-8]\d\d[ \t]*[–-]|[^.;!?\n]{0,60}?(?<!\bborn[ \t]+)\b(?:in|from|until|till|since|between|c\.|circa)[ \t]+1[0-8]\d\d(?![\d\/.:-]))/;
/** A registration mark right after a run, bracketed or not: current, prefix or suffix format. */
const PLATE_AFTER = /^[ \t]*[(,]?[ \t]*(?:[A-Z]{2}\d{2} ?[A-Z]{3}|[A-Z]\d{1,3} ?[A-Z]{3}|[A-Z]{3} ?\d{1,3}[A-Z])\b/;
/** Welsh venue and house words, which come before the name they qualify ("Canolfan Alun R Edwards" is a centre, "Tŷ Gwyn" a house). */
const WELSH_VENUE_FIRST = new Set(['canolfan', 'llyfrgell', 'neuadd', 'ysgol', 'capel', 'eglwys', 'amgueddfa', 'gorsaf', 'swyddfa', 'theatr', 'ty', 'tŷ', 'plas', 'bwthyn']);
/** A Welsh venue or street word, which comes before the name ("Neuadd Dwyfor", "Ffordd Pentwyn"). */
const welshFirst = (k: string): boolean => WELSH_VENUE_FIRST.has(k) || WELSH_STREET_PREFIX_SET.has(k);
const PLACE_PREFIXES = new Set(['the', 'royal', 'little', 'great', 'much', 'upper', 'lower', 'nether', 'wester', 'easter', 'far', 'mid', 'north', 'south', 'east', 'west', 'old', 'new', 'long', 'high', 'kings', 'abbots', 'bishops']);

/** /([A-Z][A-Za-z-]*)[ \t]+$/ on `before`, and its word a vehicle make ("a Seat Leon"), without trying the regex at every capital. */
function isMakeBefore(before: string): boolean {
  const e = backOverSpaces(before, before.length, isBlankCode);
  if (e === before.length) return false;
  let s = e;
  while (s > 0 && /[A-Za-z-]/.test(before[s - 1]!)) s--;
  // the regex's word starts at the first capital of that run of letters and hyphens
  while (s < e && !(before.charCodeAt(s) >= 65 && before.charCodeAt(s) <= 90)) s++;
  return s < e && VEHICLE_MAKES.has(before.slice(s, e).toLowerCase());
}

/** "a white Mercedes Sprinter", "a Ford Transit van": a colour or make before the run, or a vehicle word after it. */
function isVehicle(before: string, after: string): boolean {
  const prev = tailWords(before, 1)[0] ?? '';
  const next = /^\s+([A-Za-z0-9-]+)/.exec(after)?.[1]?.toLowerCase() ?? '';
  // "Land Rover Discovery", "Alfa Romeo Giulia": a make before the make
  return VEHICLE_COLOURS.has(prev) || VEHICLE_MAKES.has(prev) || VEHICLE_NOUNS.has(next);
}

/** A word of two or more letters written in capitals ("KOWALCZYK", "LOST"). */
const isCapsWord = (t: Tok): boolean => t.text.length > 1 && t.text === t.text.toUpperCase();

interface NameEval {
  score: number;
  reasons: string[];
}

const CIVIL_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx']);

/** Set by evaluate() once it reads the text around the name (its outcome is then not the tokens' alone). */
interface ReadMark { context: boolean }

function evaluate(name: Tok[], cls: Cls[], hasTitle: boolean, hasRank: boolean, text: string, env: RecognizerEnv, titleStart: number, read: ReadMark, personalTitle: boolean): NameEval | null {
  const n = name.length;
  if (n === 0 || n > 4) return null;
  // a lone word is a name only after a title or rank (every other path below ends in null for it)
  if (n === 1 && !hasTitle && !hasRank) return null;
  // "Mrs Rose Hill", "Mr Chester": after Mr, Mrs, Ms or Miss a place name is a surname
  const civil = hasTitle && titleStart >= 0 && CIVIL_TITLES.has(text.slice(titleStart, name[0]!.start).trim().replace(/\.$/, '').toLowerCase());
  if (!civil && isPlace(name)) return null;
  read.context = true;
  const first = cls[0]!;
  const last = cls[n - 1]!;
  const before = text.slice(Math.max(0, name[0]!.start - 40), name[0]!.start);
  const after = text.slice(name[n - 1]!.end, name[n - 1]!.end + 40);
  if (endsWithSaint(before)) return null;
  // "the Golden Lotus", "The Lord Nelson": a name does not take an article
  const prevWord = tailWords(text.slice(Math.max(0, (titleStart >= 0 ? titleStart : name[0]!.start) - 40), titleStart >= 0 ? titleStart : name[0]!.start), 1)[0];
  // …but a personal title is no article's noun: "reported that the⏎Ms Beata Wróblewska" is two columns of a PDF run together
  if (prevWord === 'the' && !hasRank && !personalTitle) return null;
  // "the Victoria Wine bar", "Golden Lotus takeaway": a premises noun after the run
  if (!hasRank && PREMISES_AFTER.test(after)) return null;
  if (hasTitle || hasRank) return { score: 0.85, reasons: [hasRank ? 'person:rank' : 'person:title'] };
  // "Saffron Walden", "Princes Risborough": a whole run that is a UK town or village
  if (n >= 2 && UK_PLACES.has(name.map((t) => t.key).join(' '))) return null;
  // "Toyota Prius", "a white Mercedes Sprinter": a make that is no forename opens a vehicle; one that is
  // ("Mercedes Okonjo") only with a colour, a make or a vehicle word beside it
  // (or its plate straight after: "the dismantled Ford Sierra (F318 LWA)")
  if (VEHICLE_MAKES.has(name[0]!.key) && (!FORENAMES.has(name[0]!.key) || isVehicle(before, after) || PLATE_AFTER.test(after))) return null;
  // "a Seat Leon Cupra", "an Aston Martin Vantage": a run right after a make is its model
  // (written with a capital: "wanted man Tyrone Baptiste-Williams" is no MAN lorry)
  if (!hasTitle && !hasRank && isMakeBefore(before)) return null;
  // "Blue Seat Leon", "Black Cat" (a roundabout), "Red Lion": a colour opening the run names a thing
  if (n >= 2 && !hasTitle && !hasRank && VEHICLE_COLOURS.has(name[0]!.key)) return null;
  // "Mercedes Sprinter": a make that is also a forename, then a word no name list knows, with no cue
  if (n === 2 && !hasTitle && !hasRank && VEHICLE_MAKES.has(name[0]!.key) && cls[1] === 'U' && !CUE_AFTER.test(after)) return null;
  // "white Nike Air Force 1 trainers", "a black North Face jacket": a colour before the run describes a thing
  if (!hasTitle && !hasRank && VEHICLE_COLOURS.has(tailWords(before, 1)[0] ?? '')) return null;
  // "The Marlowes", "Little Hadham", "Great Amwell": a name does not open with an article or a place prefix
  if (PLACE_PREFIXES.has(name[0]!.key)) return null;
  // "Berwick Hills", "Rushey Fields": a plural landscape word after a word that is no forename names an area
  if (n >= 2 && !hasTitle && !hasRank && AREA_PLURALS.has(name[n - 1]!.key) && !(first === 'F' || first === 'B')) return null;
  // "between Much Hadham and Perry Green": a run listed with a place is a place, unless an age or
  // address follows it ("… of Bury Green Road, Cheshunt and Ewan Strachan (30) of …")
  if (!hasTitle && !hasRank && listedWithPlace(before, name[n - 1]!.key) && !CUE_AFTER.test(after) && !JOB_IN_BRACKETS_AFTER.test(after)) return null;
  const strongFirst = first === 'F' || first === 'B';
  const strongLast = last === 'S' || last === 'B' || SURNAME_SHAPE.test(name[n - 1]!.text);
  // "LOST AND FOUND PROPERTY": a heading in capitals takes only names both lists know
  // (unless an age or birth date follows a known forename: "DARREN PAUL KEOGH, AGED 41")
  // …or a role label before them ("PERP: AUSTIN SHIRLEY", "VICTIM: MISS CHELSEA VICTORIA LAWES")
  const roleLabel = n >= 2 && CASE_ROLE_LABEL_BEFORE.test(before.slice(-24));
  if (!(strongFirst && strongLast) && name.every(isCapsWord) && !(strongFirst && n >= 2 && CUE_AFTER.test(after)) && !roleLabel) return null;
  // "Doreen Hatfield, 84,": a forename and an age make a surname that is also a town a surname
  const tail = tailWords(before, 2);
  const lastWord = tail[tail.length - 1] ?? '';
  // …and so does a role before them ("Victim: Priya Lincoln"); "and", "by" and "against" also precede places
  // …and so does a rank before them ("Insp | Lincoln Obi", "PCSO Chelsea Murray"); a forename that is also a word
  // ("Mark Preston, 34,") counts as one with such a cue
  const cuedFirst = strongFirst || (cls[0] === 'W' && inGaz(FORENAMES, name[0]!.key));
  if (name.some((t) => PLACES.has(t.key)) && !(strongFirst && strongLast) && !hasRank && !roleLabel && !(endsWithRank(before) && !/,[ \t]*$/.test(before)) && !(cuedFirst && (CUE_AFTER.test(after) || JUSTICE_VERB_AFTER.test(after) || JOB_IN_BRACKETS_AFTER.test(after) || (ROLE_CUES.has(lastWord) && !PLACE_LISTING_CUES.has(lastWord)) || ROLE_CUES.has(tail.join(' '))))) return null;
  const prep = before.length > 0 && isSpaceCode(before.charCodeAt(before.length - 1)) && LOCATION_PREPS.has(lastWord);
  if (prep && PERSON_NAMED_SHOPS.has(name.map((t) => t.key).join(' '))) return null;
  // "the statue of Robert Raikes", "a memorial to Edith Cavell": a commemorated figure, not a private person
  if (!hasTitle && !hasRank && (COMMEMORATED_BEFORE.test(before.slice(-40)) || (OLD_YEAR.test(after) && HISTORICAL_YEAR_AFTER.test(after)))) return null;
  if (strongFirst && strongLast) return { score: 0.85, reasons: ['person:gazetteer'] };
  // "KOWALCZYK Agnieszka": a listed surname in capitals before forenames, as registers and custody lists write it
  if ((first === 'S' || first === 'B') && isCapsWord(name[0]!) && name.every((t, i) => i === 0 || ((cls[i] === 'F' || cls[i] === 'B') && !isCapsWord(t)))) {
    return { score: 0.8, reasons: ['person:surname-first'] };
  }
  // role/age cues, only needed from here on
  const cue = ROLE_CUES.has(lastWord) || ROLE_CUES.has(tail.join(' ')) || CUE_AFTER.test(after) || JOB_IN_BRACKETS_AFTER.test(after);
  if (prep && !cue) return null;
  // "Oakfield, Hollybush and Victoria Park": listed with "and" and nothing else to say person, a forename before
  // a landmark word names the landmark (alone, "Karen Wood" and "Emma Green" are people)
  const onlyAnd = (lastWord === 'and' || lastWord === '&') && !CUE_AFTER.test(after);
  if (strongFirst && onlyAnd && (last === 'U' || last === 'W') && LANDMARK_WORDS.has(name[n - 1]!.key)) return null;
  if (strongFirst && (last === 'U' || last === 'W' || last === 'F' || last === 'I')) return { score: cue ? 0.8 : 0.7, reasons: ['person:forename'] };
  if (strongLast && (first === 'U' || first === 'W' || first === 'I' || first === 'S')) {
    if (first === 'I' && text.charCodeAt(name[0]!.end) !== 46 && !cue) return { score: 0.6, reasons: ['person:initial'] };
    return { score: cue ? 0.8 : 0.65, reasons: ['person:surname'] };
  }
  if (cue && first !== 'C' && last !== 'C') {
    // "Kirkstone Pass and Honister Pass", "Pier Hill area, and Southchurch Park": when the only cue is a
    // list's "and", a run ending in a landmark word is another landmark
    if (onlyAnd && LANDMARK_WORDS.has(name[n - 1]!.key)) return null;
    // "Victim Care Referral": with a cue as the only evidence, an organisation word makes it a title, not a name
    if (name.some((t) => ORG_WORDS.has(t.key) && !FORENAMES.has(t.key))) return null;
    return { score: 0.6, reasons: ['person:cue'] };
  }
  // a team page lists "Name – role" one per line: an unlisted pair elsewhere there is a place or a phrase
  // ("Meet your team – Whalley Range", "Speaks Igbo")
  if (env.teamBlock && (first === 'W' || first === 'U') && (last === 'W' || last === 'U') && /(?:^|\n)[ \t]*$/.test(before) && /^[ \t]*(?:[-–—,:(]|$)/.test(after)) {
    return { score: 0.5, reasons: ['person:team-block'] };
  }
  return null;
}

/**
 * Runs of capitalised words whose tokens alone ruled out a name, without reading the text around them
 * (a page's headings, a force's and its teams' names): skipped outright when they come again.
 */
const NAMELESS_RUNS = new Set<string>();

function findPersons(text: string, env: RecognizerEnv): Candidate[] {
  const out: Candidate[] = [];
  const run = RUN;
  run.lastIndex = 0;
  for (let m = run.exec(text); m; m = run.exec(text)) {
    let words = m[0];
    // "Llandeilo SA19 6AB": a last word glued to digits is part of a code, not a name
    const next = text.charCodeAt(m.index + words.length);
    if (next >= 48 && next <= 57) {
      const cut = Math.max(words.lastIndexOf(' '), words.lastIndexOf('\t'));
      if (cut < 0) continue;
      words = words.slice(0, cut).trimEnd();
    }
    // "Dean Hollis Nationalty: British": an unknown last word before a colon is a form's next label (OCR'd or
    // misspelt), kept only when it would leave a name of one word ("Dean Hollis: I saw him" is a speaker)
    else if (next === 58) {
      const parts = words.split(/[ \t]+/);
      // …and only when two name words stay before it ("PCSO Ian Mercer:" keeps Mercer)
      if (classifyWord(parts[parts.length - 1]!) === 'U' && parts.slice(0, -1).filter((w) => { const c = classifyWord(w); return c !== 'C' && c !== 'I' && !RANK_SET.has(lookupKey(w)) && !TITLES.has(lookupKey(w)); }).length >= 2) {
        words = words.slice(0, Math.max(words.lastIndexOf(' '), words.lastIndexOf('\t'))).trimEnd();
      }
    }
    // a run already seen to hold no name whatever stood around it ("Hertfordshire Constabulary")
    if (NAMELESS_RUNS.has(words)) continue;
    // quick reject: a run of only common words ("Safer Neighbourhood Team") holds no name and no cue
    const toks = tokeniseIfName(words, m.index);
    if (!toks) continue;
    // set once anything below reads the text around the run: then the run's outcome is not the run's alone
    const read: ReadMark = { context: false };
    const cls = toks.map((t) => (t.initial ? 'I' : classify(t)));
    let i = 0;
    while (i < toks.length) {
      // consume cues: leading common words, titles, ranks
      let hasTitle = false;
      let hasRank = false;
      let titleStart = -1;
      let titleKey = '';
      for (;;) {
        if (i >= toks.length) break;
        const r = rankAt(toks, i);
        if (r > 0 && i + r < toks.length && !toks[i + r - 1]!.breakAfter) { hasRank = true; hasTitle = false; i += r; continue; }
        if (TITLES.has(toks[i]!.key) && i + 1 < toks.length && !toks[i]!.breakAfter) {
          hasTitle = true; titleStart = toks[i]!.start; titleKey = toks[i]!.key; i += 1;
          // "Mr Church", "Mrs Bishop": after Mr, Mrs, Ms or Miss a street, venue or organisation word is the surname
          // (a function word is not: "Mrs The")
          if (cls[i] === 'C' && CIVIL_TITLES.has(titleKey.replace(/\.$/, '')) && (inGaz(SURNAMES, toks[i]!.key) || !COMMON_CAPITALISED.has(toks[i]!.key)) && /^\p{Lu}\p{Ll}{2,}$/u.test(toks[i]!.text)) cls[i] = 'S';
          continue;
        }
        if (cls[i] === 'C') { hasTitle = false; hasRank = false; i += 1; continue; }
        break;
      }
      if (i >= toks.length) break;
      // collect name tokens until a breaking token
      let j = i;
      while (j < toks.length && j - i < 4 && cls[j] !== 'C' && !TITLES.has(toks[j]!.key) && rankAt(toks, j) === 0) {
        j += 1;
        if (toks[j - 1]!.breakAfter) break;
      }
      if (j === i) {
        i += 1;
        continue;
      }
      let name = toks.slice(i, j);
      let nameCls = cls.slice(i, j);
      const next = toks[j];
      const nextBreaks = !toks[j - 1]!.breakAfter && next !== undefined;
      // a name followed by a street type, venue or organisation word is that street/venue/org
      let rejected = false;
      // "Sir William Borlase's Grammar School", "Oliver Cromwell's House": a possessive before a
      // capitalised building or institution names the place (a private "Mr Smith's house" is lower case)
      const possessive = !hasRank && (!hasTitle || HONORIFICS.has(titleKey)) && toks[j - 1]!.breakAfter;
      if (possessive) read.context = true;
      if (possessive && INSTITUTION_AFTER.test(text.slice(toks[j - 1]!.end, toks[j - 1]!.end + 40))) {
        i = Math.max(j, i + 1);
        continue;
      }
      if (nextBreaks && next) {
        const k = next.rankKey;
        // "Sir John Lawes School", "Lord Nelson Inn": an honorific names the institution; Mr and Mrs would not
        // "Rahul Venkataraman NHS 450 219 8765": an acronym right before a number labels the number, not the name
        const labelsNumber = next.text.length > 1 && next.text === next.text.toUpperCase() && /^[ \t]+\d/.test(text.slice(next.end, next.end + 3));
        if (!labelsNumber && (HARD_STREET.has(k) || STREET_TYPE_SET.has(k) || ORG_WORDS.has(k) || VENUE_WORDS.has(k))) rejected = !(hasTitle || hasRank) || HARD_STREET.has(k) || (hasTitle && !hasRank && HONORIFICS.has(titleKey));
      }
      // "Canolfan Alun R Edwards", "Neuadd Dwyfor", "Ffordd Pentwyn", "Lôn Las Menai": Welsh puts the venue or street word first
      if (!rejected && !(hasTitle || hasRank) && ((i > 0 && welshFirst(toks[i - 1]!.key) && !toks[i - 1]!.breakAfter) || (name.length > 1 && welshFirst(name[0]!.key)))) rejected = true;
      // the name's own last token can be a street/venue word ("Ringlet Road" never reaches here; "Tom Hall" does)
      const lastKey = name[name.length - 1]!.key;
      if (!rejected && HARD_STREET.has(lastKey) && !(hasTitle || hasRank)) rejected = true;
      if (!rejected && name.length > 1 && (ORG_WORDS.has(lastKey) || VENUE_WORDS.has(lastKey)) && !inGaz(SURNAMES, lastKey)) rejected = true;
      // "Gipton & Harehills Ward": an electoral ward after a word that is no forename
      if (!rejected && !(hasTitle || hasRank) && name.length > 1 && lastKey === 'ward' && (nameCls[0] === 'U' || nameCls[0] === 'C' || PLACES.has(name[0]!.key))) rejected = true;
      // "Queen Elizabeth Hall", "King George Hospital": an honorific opening a run that ends in a venue names the venue
      if (!rejected && name.length >= 3 && HONORIFICS.has(name[0]!.key) && (VENUE_WORDS.has(lastKey) || ORG_WORDS.has(lastKey) || HOUSE_NAME_WORDS.has(lastKey))) rejected = true;
      // "Queen Elizabeth II Hospital": the same with a regnal number between
      if (!rejected && HONORIFICS.has(name[0]!.key) && /^[ \t]+(?:I{1,3}|IV|VI{0,3})[ \t]+[A-Z]/.test(text.slice(name[name.length - 1]!.end, name[name.length - 1]!.end + 40))) rejected = true;
      // "Stanley Civic Hall": a venue word that is also a surname, after a word no name list knows
      if (!rejected && name.length >= 3 && VENUE_WORDS.has(lastKey) && nameCls[name.length - 2] === 'U' && !(hasTitle || hasRank)) rejected = true;
      // "Mortimer House", "Windmill Cottage": a house name, whatever the first word is
      if (!rejected && name.length > 1 && HOUSE_NAME_WORDS.has(lastKey) && !(hasTitle || hasRank)) rejected = true;
      // "a dispersal order for Stanley Park", "the bandstand in Victoria Park": a forename and a green-space
      // word after a place preposition is the park ("Mr Park", "PC Jimin Park" keep their cue)
      if (!rejected && !(hasTitle || hasRank) && name.length >= 2 && GREEN_SPACE_WORDS.has(lastKey) && PLACE_PREPOSITION_BEFORE.test(text.slice(Math.max(0, name[0]!.start - 12), name[0]!.start))) rejected = true;
      // "Kernow Care at Home Ltd", "Hughes Brothers Limited": a registered company's name, whoever it is named after
      if (!rejected && !(hasTitle || hasRank) && COMPANY_AFTER.test(text.slice(name[name.length - 1]!.end, name[name.length - 1]!.end + 48))) rejected = true;
      // "Bobby Van", "Royal Mail": a vehicle or a service, not a person
      if (!rejected && name.length > 1 && VEHICLE_NOUNS.has(lastKey) && !(hasTitle || hasRank) && !inGaz(SURNAMES, lastKey)) rejected = true;
      // "Husband Seamus has COPD": a kinship word opening the run is a cue, even where a surname list holds it
      // ("Uncle Winnie", "Auntie Hy" are what people call someone: left whole)
      if (!rejected && !hasTitle && !hasRank && name.length >= 2 && KIN_WORD_SET.has(name[0]!.key) && name[0]!.key !== 'uncle' && name[0]!.key !== 'aunt') {
        name = name.slice(1);
        nameCls = nameCls.slice(1);
      }
      // "Farmer Tom Bexfield said", "Landlord Gary Pike": an occupation opening the run, before a forename, is a
      // description (as a surname it would follow a forename: "Tom Farmer")
      if (!rejected && !hasTitle && !hasRank && name.length >= 3 && OCCUPATION_WORDS.has(name[0]!.key) && (nameCls[1] === 'F' || nameCls[1] === 'B')) {
        name = name.slice(1);
        nameCls = nameCls.slice(1);
      }
      // drop a leading unknown word when the rest is a full name ("Ongoing Darren Kowalski" is caught by C; this is for unlisted words)
      if (!rejected && !hasTitle && !hasRank && name.length >= 3 && (nameCls[0] === 'U' || nameCls[0] === 'W') && (nameCls[1] === 'F' || nameCls[1] === 'B')) {
        name = name.slice(1);
        nameCls = nameCls.slice(1);
      }
      if (!rejected) {
        const ev = evaluate(name, nameCls, hasTitle, hasRank, text, env, hasTitle ? titleStart : -1, read, hasTitle && !HONORIFICS.has(titleKey));
        if (ev) {
          const start = hasTitle && titleStart >= 0 ? titleStart : name[0]!.start;
          const before = text.slice(Math.max(0, name[0]!.start - 60), hasTitle && titleStart >= 0 ? titleStart : name[0]!.start);
          const rankBefore = hasRank || endsWithRank(before);
          const reasons = [...ev.reasons];
          if (rankBefore) reasons.push('allow:rank');
          if (env.teamBlock) reasons.push('allow:team-block');
          out.push({ start, end: name[name.length - 1]!.end, score: ev.score, reasons, publicRole: rankBefore || env.teamBlock });
        }
      }
      i = Math.max(j, i + 1);
    }
    if (!read.context) {
      if (NAMELESS_RUNS.size > 50_000) NAMELESS_RUNS.clear();
      NAMELESS_RUNS.add(words);
    }
  }
  // "OKAFOR, Adaeze" (surname first, as in registers and FOI tables)
  for (const m of capsSurnameFirst(text)) {
    const sur = lookupKey(m[1]!);
    const fore = lookupKey(m[2]!);
    // "BRANNIGAN, Shaun": an ALL-CAPS surname before a comma and a known forename is the register convention
    const surTok: Tok = { text: m[1]!, key: sur, rankKey: sur.replace(/\./g, ''), start: m.index, end: m.index + m[1]!.length, breakAfter: false };
    const surCls = classify(surTok);
    const knownSurname = inGaz(SURNAMES, sur) || SURNAME_SHAPE.test(m[1]![0] + m[1]!.slice(1).toLowerCase());
    if (!(knownSurname || (surCls === 'U' && m[1]!.length >= 3)) || (WEAK_NAME_WORDS.has(fore) && !knownSurname) || COMMON_CAPITALISED.has(fore)) continue;
    // "ABEBE, Selam (31)", "HADDAD, Rami | 04/09/1996": a forename no list knows is taken only with a
    // person's cue after it (age, birth date on the line) and never from a run of capitals
    // (a word the surname lists also hold counts as unknown here: "IQBAL, Sameena", "KHAN, Kiran")
    const foreCls = classifyWord(m[2]!);
    if (!inGaz(FORENAMES, fore) && !(m[2]![1] !== m[2]![1]!.toUpperCase() && !PLACES.has(fore) && (foreCls === 'U' || foreCls === 'S') && UNKNOWN_FORENAME_CUE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 48)))) continue;
    if (COMMON_CAPITALISED.has(sur) || PLACES.has(sur) || STREET_TYPE_SET.has(sur) || ORG_WORDS.has(sur)) continue;
    const start = m.index;
    // "MAHMOOD, Tariq DOB 03/08/1999": a third word that is a label is not a middle name
    const third = m[3];
    let end = m.index + m[0].length;
    if (third && (COMMON_CAPITALISED.has(lookupKey(third)) || TITLES.has(lookupKey(third)))) {
      end = m.index + m[0].lastIndexOf(third);
      while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    }
    // widen an overlapping single-name hit into the full "SURNAME, Forename"
    if (widenOverlapping(out, start, end)) continue;
    out.push({ start, end, score: 0.8, reasons: ['person:surname-first'], publicRole: env.teamBlock });
  }
  // 'Darren "Dazzer" Kinnear': a nickname in quotes or brackets between the forename and the surname
  nicknameBetween(text, out, env);
  // "| Adebayo, Funmilayo |": a spreadsheet cell that holds only "Surname, Forename" in mixed case, and
  // "| Kaur | Harpreet |": a name split over two cells
  // (only the lines that hold a pipe are read: in a page of prose with one table they are few)
  for (const [from, to] of linesWith(text, '|')) {
    const line = text.slice(from, to);
    surnameFirstMixed(text, allMatches(SURNAME_FIRST_CELL, line, from), 'person:surname-first-cell', out, env);
    nameInTwoCells(line, from, out, env);
  }
  // "Perp: Brennan, Sinead", "Vict: HARTLEY, J. P.": the same after a role label, initials allowed (only where
  // some label is followed by "Word, Word": a scan for the colon is far cheaper than the labels')
  if (LABEL_THEN_SURNAME_FIRST.test(text)) surnameFirstMixed(text, allMatches(SURNAME_FIRST_LABELLED, text), 'person:surname-first-labelled', out, env, true);
  // "Lily-Mae, 6, has been given…", "Theo (2)": a lone forename the lists know, with a child's or an adult's age after it
  FORENAME_AGED.lastIndex = 0;
  for (let m = FORENAME_AGED.exec(text); m; m = FORENAME_AGED.exec(text)) {
    const word = m[1]!;
    const start = m.index + 1 - m[2]!.length - word.length;
    if (CAPITALISED_WORD_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
    const parts = word.split('-').map(lookupKey);
    // a weak name-word ("Lily", "Summer") counts only inside a double-barrelled forename ("Lily-Mae")
    if (!parts.every((k) => inGaz(FORENAMES, k) && (parts.length > 1 || !WEAK_NAME_WORDS.has(k)) && !COMMON_CAPITALISED.has(k) && !PLACES.has(k))) continue;
    const end = start + word.length;
    if (overlapsAny(out, start, end)) continue;
    out.push({ start, end, score: 0.7, reasons: ['person:forename-aged'], publicRole: env.teamBlock });
  }
  // "Kowalczyk, Marta, 29, of …": the same with an age after it
  surnameFirstMixed(text, surnameFirstAged(text), 'person:surname-first-aged', out, env, true);
  for (const re of [KIN_NAME, KIN_OF_NAMED, KIN_OPENING]) {
    for (const m of allMatches(re, text)) {
      const word = m[1]!;
      const key = lookupKey(word);
      if (COMMON_CAPITALISED.has(key) || PLACES.has(key) || STREET_TYPE_SET.has(key) || ORG_WORDS.has(key)) continue;
      // with no possessive, the kinship word opens a sentence or a line, and the word after it is a forename
      // ("Partner Agencies" is a heading)
      if (re === KIN_OPENING && (!opensSentence(text, m.index) || !inGaz(FORENAMES, key))) continue;
      const start = m.index + m[0].length - word.length;
      const end = start + word.length;
      if (overlapsAny(out, start, end)) continue;
      out.push({ start, end, score: 0.7, reasons: ['person:kin'], publicRole: false });
    }
  }
  return out;
}

/** Names forms and leaflets fill their examples with. */
const PLACEHOLDER_PERSON = /^(?:(?:Mr|Mrs|Ms|Miss)\.?[ \t]+)?(?:[A-Z][a-z]+[ \t]+)?(?:Sample|SAMPLE|Example|EXAMPLE|Bloggs|BLOGGS|Specimen|SPECIMEN|Placeholder)$|^A\.?[ \t]?N\.?[ \t]Other$/;

export const personRecognizer: Recognizer = {
  name: 'uk-person-gazetteer',
  entity: 'PERSON',
  description: 'Person names: UK forename/surname gazetteers of many origins + title, rank, initial, role and capitalisation cues',
  find: (text, env) => findPersons(text, env),
  // "Partner's name: Jane Sample", "Joe Bloggs": a form's placeholder is nobody
  validate: (v) => !PLACEHOLDER_PERSON.test(v),
  minScore: 0.5,
};
