/**
 * Public-role classification, grouping into records and the contract severity model.
 * critical: a case record or any government/financial identifier; high: a private person tied to a
 * home address, DOB or personal contact; medium: a lone private name or lone personal contact;
 * low: public-role data (and lone postcodes / plates).
 */
import type { BlockKind, DetectedRecord, Entity, Finding, PageSection, Severity, SubjectRole } from '../core/types.js';
import type { RawDetection } from './types.js';
import type { AllowList } from './allowlist.js';
import { RANK_PHRASES } from './gazetteer/lexicon.js';
import { subjectKey } from './subject.js';
import { LiteralGates } from './prefilter.js';
import { nationalDigits, isOrganisationNumber } from './recognizers/phone.js';
import { backOverSpaces, escapeRegExp, isSpaceCode } from './chars.js';
import { AUTHOR_LABEL_BEFORE } from './recognizers/person-cues.js';

/** A public body's vehicle named right before its mark. */
const PUBLIC_VEHICLE_BEFORE = /\b(?:police|patrol|partnership|council|ASB|response|marked|liveried|traffic|roads policing|dog section|ambulance)[ \t]+(?:car|van|vehicle|motorcycle|motorbike|carrier|unit|bus)s?\b[^.\n]{0,16}$/i;

export const GOV_FINANCIAL: ReadonlySet<Entity> = new Set(['NI_NUMBER', 'NHS_NUMBER', 'PASSPORT', 'DRIVING_LICENCE', 'PAYMENT_CARD', 'BANK_ACCOUNT']);

const RANK_AFTER = new RegExp(
  // ("(co-opted independent member)": a qualifier before the role)
  `^\\s*(?:,|\\(|-|–|—)?\\s*(?:the\\s+|our\\s+|a\\s+|your\\s+)?(?:(?:co-opted|independent|lay|elected|appointed)\\s+)?(?:${RANK_PHRASES.map((p) => escapeRegExp(p).replace(/\s+/g, '\\s+')).sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z])`,
  'i',
);
/**
 * A rank straight after the name ("Priya Venkataraman, Police and Crime Commissioner"), unless a name
 * follows the rank: "Ms Hannah Blake, PC 1771 Dominic Shaw", "Liam Frost – PC Abdi" start the next officer.
 */
function rankAfter(after: string): boolean {
  const m = RANK_AFTER.exec(after);
  return m !== null && !/^[ \t]*(?:\d{2,6}[ \t]+)?[A-Z][a-z]/.test(after.slice(m[0].length));
}
/** "Lucy Thornbury (ASB Officer, North Herts Council)", "Sam Patel, Community Safety Manager": a job title right after the name. */
// …or on the next line, under a letter's signature ("Michelle Ayodele\nASB & Community Safety Manager")
const STAFF_ROLE_AFTER = /^(?:\s*[,(–—-]|[ \t]*\r?\n|[ \t]*\|)\s*(?:the\s+|our\s+)?(?:(?:(?:[A-Z][A-Za-z&'’-]*|&)\s+){0,4}(?:Head ?[Tt]eacher|Principal|[Oo]fficer|[Mm]anager|[Cc]o-?ordinator|Lead|Leader|[Aa]dviser|[Aa]dvisor|[Dd]irector|Head|Chair|[Cc]lerk|[Ww]arden|[Cc]aseworker|[Pp]ractitioner|Partnership Analyst|[Aa]nalyst|[Aa]dministrator|Nurse|Midwife|Solicitor|Social Worker|Support Worker|Youth Worker|IDVA|ISVA|Consultant|Secretary|Treasurer|Chairman|Chairperson)\b|(?:force\s+)?(?:press|media|communications)\s+(?:office|officer|team)\b)/;
/**
 * "Amanda Keable (Colchester City Council)", "Kofi Asante (Adult Social Care)": a name followed by the
 * public body or service it works for, in brackets or in the next table cell. Volunteers' groups (a residents' association,
 * Neighbourhood Watch) are left out: their members are private people.
 */
// …or after a comma when the body's own name follows at once: "Contact: Sean Hegarty, Democratic Services, 01632 …"
const ORG_AFTER = /^\s*(?:[(|]\s*|,[ \t]*(?=[A-Z]))(?:(?:[A-Z][A-Za-z&'’.-]*|&|of|and|for)\s+){0,5}(?:Council|CC|DC|BC|Police|Constabulary|Housing|Team|BID|Care|Services?|Trust|NHS|Partnership|Licensing|Wardens?|Authority|Fire|Ambulance|Safety|Probation|Victim Support|Executive|Health|Healthcare|Rescue|ICB|Hospital|University|Prison|Court|Tribunal)(?:\s+(?:[A-Z][A-Za-z&'’-]*|&|and|of|for|the))*(?:\s+[a-z]+){0,3}\s*(?:[,;)|]|$)/m;
/** "Head of News: Danielle Okoro", "Press Officer: …": a job title as the label before the name. */
// …or a directory's column ("Head of Safeguarding      Bernadette Ofori", "Named Nurse, Adults   Graham Pellow")
const ROLE_LABEL_BEFORE = /(?:(?:Media|Press|News) (?:enquiries|contact|office)|Head of(?:\s+[A-Z][A-Za-z&'’-]*){1,4}|(?:[A-Z][A-Za-z&'’-]*\s+){0,3}(?:Officer|Manager|Co-?ordinator|Director|Lead|Leader|Chair|Clerk|Spokesperson|[Aa]dviser|[Aa]dvisor|Nurse|Midwife|Doctor|[Ss]olicitor|Practitioner|IDVA|ISVA|Usher|[Cc]ounsel|Prosecution Service|[Pp]rosecutor)(?:,[ \t]*[A-Z][A-Za-z]+)?)(?:\s*:\s*|[ \t]{2,}|\t[ \t]*)$/;
/** An address in brackets right after a display name: its domain. */
// (a directory entry's collar number may stand between: "Qadir, Imran (7034)' <imran.qadir@…>")
const MAILBOX_AFTER = /^(?:[ \t]+\([A-Z]{0,3} ?\d{2,6}\))?["']?[ \t]*[<\[][^<>\[\]@\s]+@([^<>\[\]\s]+)[>\]]/;
const PUBLIC_EMAIL_DOMAIN = /(?:^|\.)(?:police\.uk|pnn\.police\.uk|gov\.uk|nhs\.uk|nhs\.net|parliament\.uk|sch\.uk|ac\.uk|mod\.uk|judiciary\.uk|cps\.gov\.uk)$/i;
// …or a service's word anywhere in it ("idva.referrals@", "community.safety@", "uhsussex.safeguarding@")
const ROLE_MAILBOX_WORD = /(?:^|[._-])(?:referrals?|safeguarding|licensing|queries|enquiries|helpdesk|partnership|community[._-]safety|reception|bookings?|secretary|chair|clerk|treasurer)(?:[._-]|$)/i;
const ROLE_MAILBOX = /^(?:info|enquiries|enquiry|contact|admin|office|hello|help|support|noreply|no-reply|reception|press|media|foi|dpo|complaints|feedback|team|snt|asb|safer|neighbourhood|[a-z]+\.(?:snt|npa|team|asb))(?:[._-][a-z0-9]+)*$/i;

export interface ClassifyContext {
  kind?: BlockKind;
  section?: PageSection;
  /** A table's header row given apart from the text (detectBlocks' extraContext for a row block). */
  header?: string;
  allowList?: AllowList;
  /** subjectKeys of people named with a rank or on a team block elsewhere on the same page. */
  pagePublicPersons?: ReadonlySet<string>;
  now?: Date;
}

/** One word picked from each subject key (null: none), cached per set (sets are built once per text or page). */
function wordsOf(cache: WeakMap<ReadonlySet<string>, Set<string>>, keys: ReadonlySet<string>, pick: (key: string) => string | null): Set<string> {
  let s = cache.get(keys);
  if (!s || s.size === 0) {
    s = new Set();
    for (const k of keys) {
      const w = pick(k);
      if (w !== null) s.add(w);
    }
    cache.set(keys, s);
  }
  return s;
}

const surnameSets = new WeakMap<ReadonlySet<string>, Set<string>>();
/** Last words of a set of subject keys. */
export const surnamesOf = (keys: ReadonlySet<string>): Set<string> => wordsOf(surnameSets, keys, (k) => k.slice(k.lastIndexOf(' ') + 1));

const forenameSets = new WeakMap<ReadonlySet<string>, Set<string>>();
/** First words of the subject keys that have two or more. */
const forenamesOf = (keys: ReadonlySet<string>): Set<string> => wordsOf(forenameSets, keys, (k) => (k.includes(' ') ? k.slice(0, k.indexOf(' ')) : null));

const isTeam = (c: ClassifyContext): boolean => c.section === 'team' || c.kind === 'team-member';
/** Text from a linked document or a spreadsheet: the page's section says nothing about what it holds. */
const DOCUMENT_KINDS: ReadonlySet<string> = new Set(['document-text', 'cell-row', 'metadata']);
// (a resident's letter linked from a contact page is not the page's contact details)
const isVenueBlock = (c: ClassifyContext): boolean =>
  ((c.section === 'contact' || c.section === 'events') && !DOCUMENT_KINDS.has(c.kind ?? '')) || c.kind === 'contact' || c.kind === 'event';

/** Words that put a private person between a named officer and a phone number ("PC Lee said the victim, on 07700…"). */
// (a domestic-abuse victim's "safe number" sits beside their IDVA's name)
const PRIVATE_POINTER = /\b(?:safe|victims?|suspects?|offenders?|witness(?:es)?|complainants?|residents?|neighbours?|family|relatives?|his|her|their|wife|husband|partner|son|daughter|mother|father|mum|dad|owner|tenant|driver)\b/i;

/**
 * "Media enquiries: Joanne Bewick, press office, 01632 960722": a phone number given straight after a
 * public-role person in the same sentence is their work number, so it is public-role too. Marks such
 * numbers in place; `dets` are sorted by start.
 */
export function markPublicPhones(text: string, dets: readonly ClassifiedDetection[]): void {
  // the last public-role person, public body's e-mail address or service number: a phone number straight after it shares its role
  let lastPublic: ClassifiedDetection | null = null;
  // the last address: a station's or a public building's heads a letter, and its "Tel:" line is the body's
  let lastAddress: ClassifiedDetection | null = null;
  for (let k = 0; k < dets.length; k++) {
    const d = dets[k]!;
    if (d.entity === 'PERSON' || d.entity === 'EMAIL') {
      lastPublic = d.publicRole ? d : null;
      continue;
    }
    if (d.entity === 'ADDRESS') lastAddress = d;
    if (d.entity !== 'PHONE') continue;
    // "Call 01632 960900 (Mon–Fri 9am–8pm…)": a number with opening hours is a service's line
    if (!d.publicRole && OPENING_HOURS_AFTER.test(text.slice(d.end, d.end + 30))) {
      d.publicRole = true;
      d.reasons.push('allow:service-hours');
    }
    // "Switchboard: 0121 496 0101": only an organisation has a switchboard
    if (!d.publicRole && SWITCHBOARD_BEFORE.test(text.slice(Math.max(0, d.start - 30), d.start))) {
      d.publicRole = true;
      d.reasons.push('allow:switchboard');
    }
    // "County Hall, Atlantic Wharf, Cardiff CF10 4UW⏎Tel: 029 2018 0455": a letterhead's number under its public address
    if (!d.publicRole && lastAddress?.publicRole && LETTERHEAD_PHONE_BETWEEN.test(text.slice(lastAddress.end, d.start))) {
      d.publicRole = true;
      d.reasons.push('allow:letterhead-phone');
    }
    // "contact me on 0121 496 0388 or hannah.devlin@westmidlands.police.uk", "Tel: 0115 496 0200   FOI mailbox: foi@…":
    // a number given in the same breath as a public body's address
    const nextDet = dets[k + 1];
    if (!d.publicRole && nextDet?.entity === 'EMAIL' && nextDet.publicRole) {
      const between = text.slice(d.end, nextDet.start);
      if (NUMBER_THEN_MAILBOX.test(between)) {
        d.publicRole = true;
        d.reasons.push('allow:phone-beside-public-email');
      }
    }
    if (d.publicRole) {
      lastPublic = d;
      continue;
    }
    // e-mail addresses are left to their domain: a volunteer's own address after a role stays private
    if (!lastPublic) continue;
    // (a job title is no pointer to a private person: "Bethan Howells, Witness Care Officer – 029 …")
    const between = text.slice(lastPublic.end, d.start).replace(/\b(?:tel|tel no|no|mob|ext)\./gi, '').replace(/\([^()\n]{0,40}\)/g, '').replace(JOB_TITLE_WITH_PRIVATE_WORD, '');
    if (between.length > 60 || /[.!?\n]/.test(between) || PRIVATE_POINTER.test(between)) { lastPublic = null; continue; }
    d.publicRole = true;
    d.reasons.push(lastPublic.entity === 'PERSON' ? 'allow:phone-of-public-person' : lastPublic.entity === 'EMAIL' ? 'allow:phone-beside-public-email' : 'allow:phone-beside-service-number');
    lastPublic = d;
  }
}

/** Free mail services people use for their own address (a force or council never publishes one as its contact point). */
const PERSONAL_MAIL_DOMAIN = /^(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|ymail|aol|icloud|me|btinternet|btopenworld|sky|talktalk|virginmedia|ntlworld|blueyonder|tiscali|protonmail|proton|gmx|mail)\.(?:com|co\.uk|uk|net|me)$/i;
/** Between a private person's name and their home: a comma, or "of" or "at". */
const HOME_AFTER_NAME = /^(?:[ \t]*,[ \t]*|[ \t]+(?:of|at)[ \t]+)$/;
/** Between a private person's name and their number or address: one sentence, no one else named between. */
const OWN_CONTACT_BETWEEN = /^[^.!?\n]{0,80}$/;

/**
 * "For more information contact the coordinator, Gwen Fleming, on 07700 900582": a contact or events block
 * lends its public role to its numbers and addresses, but not to a private person's own mobile or
 * personal mailbox given straight after their name, nor to their home. Landlines are left to the block (a
 * council officer named with no role is published with their desk number) unless the text is a volunteer
 * group's. Marks such contact points private in place; `dets` are sorted by start.
 */
export function unmarkPrivateContacts(text: string, dets: readonly ClassifiedDetection[]): void {
  let lastPerson: ClassifiedDetection | null = null;
  const volunteers = VOLUNTEER_GROUP.test(text);
  for (const d of dets) {
    if (d.entity === 'PERSON') { lastPerson = d; continue; }
    // "Coordinator: Alan Stroud-Whitby, 18 Pennine View, Huddersfield HD2 1TR": the address straight after a private
    // person's name is their home, though the block lends it a venue's allowance
    if (d.entity === 'ADDRESS' && d.publicRole && d.reasons.includes('allow:contact-or-event-block') && lastPerson && !lastPerson.publicRole && HOME_AFTER_NAME.test(text.slice(lastPerson.end, d.start))) {
      d.publicRole = false;
      d.reasons.push('private:home-of-private-person');
      continue;
    }
    if (d.entity !== 'PHONE' && d.entity !== 'EMAIL') { if (d.publicRole) lastPerson = null; continue; }
    if (!d.publicRole || !d.reasons.includes('allow:contact-block') || !lastPerson || lastPerson.publicRole) continue;
    if (!OWN_CONTACT_BETWEEN.test(text.slice(lastPerson.end, d.start))) continue;
    // (a volunteer group's organiser gives a home landline too: "Neighbourhood Watch … contact Sheila Dunmore on 0115 496 0782")
    const own = d.entity === 'PHONE' ? nationalDigits(d.value)?.startsWith('07') === true || volunteers : PERSONAL_MAIL_DOMAIN.test(d.value.slice(d.value.lastIndexOf('@') + 1));
    if (!own) continue;
    d.publicRole = false;
    d.reasons.push('private:own-contact-of-private-person');
  }
}

/** Between a number and the e-mail address given with it: "or", a mailbox's label ("   FOI mailbox: "), nothing else (not "or email the Rural Crime Team at"). */
const NUMBER_THEN_MAILBOX = /^[ \t,;/|]*(?:(?:or|and)[ \t]+)?(?:(?:[A-Z]{2,5}[ \t]+)?(?:e-?mail|mailbox|e)[ \t]*:?[ \t]*)?$/i;
/** A switchboard's or an office's label right before a number ("contact the school office on"). */
const SWITCHBOARD_BEFORE = /\b(?:switchboard|main line|force control room|(?:school|council|main|general|front)[ \t]+office|reception)\b[ \t]*(?:no\.?|number|on)?[ \t]*[:–-]?[ \t]*$/i;
/** Between a letterhead's address and its number: at most a line break and a phone label. */
const LETTERHEAD_PHONE_BETWEEN = /^[ \t,.;]*(?:\r?\n[ \t]*)?(?:(?:Tel(?:ephone)?|Phone|T)\.?[ \t]*[:.]?[ \t]*)?$/i;

/** Job titles that hold a word PRIVATE_POINTER reads as a private person: "Witness Care Officer", "Victim Support Worker". */
const JOB_TITLE_WITH_PRIVATE_WORD = /\b(?:victims?|witness(?:es)?|family|tenants?|residents?)[ \t]+(?:(?:care|support|liaison|services?|engagement)[ \t]+)?(?:officer|unit|team|co-?ordinator|manager|worker|advis[eo]r|lead|hub)\b/gi;

/** Opening hours right after a number: "(Mon–Fri 9am–8pm", ", 24 hours", " 9am-5pm weekdays". */
const OPENING_HOURS_AFTER = /^[ \t]*[(,–—-]?[ \t]*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?[ \t]*(?:[–—-]|to)[ \t]*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)|24[ \t]*(?:hours|hrs|\/[ \t]*7)|\d{1,2}(?:[:.]\d{2})?[ \t]*(?:am|pm)[ \t]*(?:[–—-]|to)[ \t]*\d)/i;

/** Volunteers' groups, whose members and officers are private people. */
const VOLUNTEER_GROUP = /\b(?:Neighbourhood Watch|NHW|Residents'? Association|Tenants'? Association)\b/i;

/** Whether two or more spaces or a tab stand right before `at` (a directory's column gap). */
function columnGapBefore(text: string, at: number): boolean {
  return text.charCodeAt(at - 1) === 9 || (text.charCodeAt(at - 1) === 32 && (text.charCodeAt(at - 2) === 32 || text.charCodeAt(at - 2) === 9));
}

/** Index of the first line break in `s`, or its length. */
const lineEndIn = (s: string): number => {
  const i = s.indexOf('\n');
  return i < 0 ? s.length : i;
};

/** A later cell of the same row that holds only a job title ("| Senior IDVA |", "| Team Leader |"). */
const JOB_TITLE_CELL = /\|[ \t]*(?:(?:[A-Z][A-Za-z&'’-]*|&)[ \t]+){0,4}(?:Officer|Manager|Co-?ordinator|Coordinator|Lead|Leader|Adviser|Advisor|Director|Head|Chair|Clerk|Warden|Caseworker|Practitioner|Analyst|Administrator|Nurse|Midwife|Doctor|Solicitor|Worker|IDVA|ISVA|Consultant|Secretary|Treasurer|Inspector|Sergeant|Constable|PCSO)s?[ \t]*(?:\||$)/;

/** A header row with a role, job-title or agency column: "Name | Agency | Role | Contact". */
const ROLE_COLUMN_HEADER = /(?:^|\|)[ \t]*(?:Role|Job [Tt]itle|Position|Designation|Agency|Organisation|Organization)[ \t]*(?:\||$)/m;

/** "the Licensing Manager, ": a capitalised post after "the", then a comma. */
const POST_APPOSITIVE_BEFORE = /\bthe[ \t]+(?:[A-Z][A-Za-z&'’-]*[ \t]+){0,3}(?:Manager|Officer|Director|Lead|Head|Clerk|Chair|Co-?ordinator|Adviser|Advisor),[ \t]*$/;

/** A public body's post, or a caseworker, right before a name. */
// ("He was represented by Mr Olufemi Bankole": a defendant's lawyer)
// (case-sensitive, each case spelled out: it is tried before many names, and /i makes every attempt slower)
const PUBLIC_POST_BEFORE = /(?:\b(?:IOPC|OPCC|CPS|ICO|HMICFRS|PSD)[ \t]+(?:[A-Z][a-z]+[ \t]+){0,2}(?:Director|Manager|Lead|Head|Investigator|Chair)|\b[Cc]ase(?:worker|[ \t]+officer)|\b[Dd]isclosure[ \t]+officer|\b(?:[Hh]e|[Ss]he|[Tt]hey)[ \t]+(?:was|were|is|are)[ \t]+represented[ \t]+by)[ \t]+$/;

/** "Your Witness Care contact is ", "your case officer will be ": a service's own contact person, named next. */
const SERVICE_CONTACT_BEFORE = /\b(?:your|the)[ \t]+(?:[A-Za-z]+[ \t]+){0,3}(?:contact|officer|caseworker|case[ \t]+worker|liaison[ \t]+officer)[ \t]+(?:is|will[ \t]+be)[ \t]+$/i;

/** A header cell naming the staff who hold a case: "Officer", "OIC", "Case officer", "Allocated to". */
const STAFF_COLUMN_HEADER = /^(?:(?:case|allocated|investigating|reporting|housing|asb|enforcement|lead|responsible)[ \t]+)?(?:officer|caseworker|case[ \t]+worker|oic|staff)(?:[ \t]+name)?$|^allocated[ \t]+to$/i;

/**
 * Whether `at` lies in a table cell whose column the header row (the text's first piped line with no digits,
 * or `header`) calls a staff column.
 */
function inStaffColumn(text: string, at: number, header?: string): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  if (!line.includes('|')) return false;
  const column = text.slice(lineStart, at).split('|').length - 1;
  let head = header && header.includes('|') ? header : undefined;
  if (!head && lineStart > 0) {
    // the text's first line, when it is not this one
    const first = text.slice(0, text.indexOf('\n'));
    if (first.includes('|') && !/\d/.test(first)) head = first;
  }
  const cell = head?.split('|')[column];
  return cell !== undefined && STAFF_COLUMN_HEADER.test(cell.trim());
}

/** "(lead Delroy Grant)", "(action owner: …)": an action's owner in brackets. */
const ACTION_LEAD_BEFORE = /\((?:lead|action[ \t]+owner)[ \t]*:?[ \t]*$/i;

/** "Our IDVAs – Rachel Pemberton, Grace Mwangi and": a service's staff introduced by their role, then names only. */
const OUR_STAFF_BEFORE = /\b[Oo]ur[ \t]+(?:[A-Z]{2,6}s|(?:[a-z]+[ \t]+)?(?:officers|advisers|advisors|caseworkers|practitioners|nurses|wardens|team|staff))[ \t]*(?:[–—:-]|,|are|include)?[ \t]*(?:(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?[A-Z][A-Za-z'’-]+[ \t]*(?:,|and|&)?[ \t]*)*$/;

/** Whether the last character before `at`, spaces aside, is a colon (a label's end): checked before the end-anchored regex. */
function endsWithColon(text: string, at: number): boolean {
  const e = backOverSpaces(text, at);
  return e > 0 && text.charCodeAt(e - 1) === 58;
}

/**
 * Straight after a name: a birth date's cue, or "of" and a house number and street ("(born 22/03/2004) of 9
 * Windmill Road"), or a comma and a house number and street ("Mrs Halina Wiśniewska, 14 Orchard Close").
 */
const CASE_FACTS_BESIDE = /^[ \t]*(?:\([ \t]*(?:born|b\.|dob|d\.o\.b\.?)[ \t:]|,?[ \t]*(?:born|dob|d\.o\.b\.?)\b|(?:\([^()]{1,30}\)|,?[ \t]*(?:aged[ \t]+)?\d{1,3},?)?[ \t]+of[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+[A-Z]|,[ \t]*\d{1,4}[A-Za-z]?,?[ \t]+[A-Z][a-z'’]+[ \t]+[A-Z][a-z]+)/i;
/** Straight before a name: a party to a case ("repeat victim", "by neighbour", "suspect:"). */
// ("a Closure Order on 47 Highfield Rise, home of Gary Tolland": a home's occupier)
const CASE_PARTY_BEFORE = /\b(?:victims?|suspects?|offenders?|perpetrators?|complainants?|complainers?|witness|neighbour|nominal|defendant|home[ \t]+of|occupier|tenant)[ \t]*[:–-]?[ \t]*$/i;

/**
 * "Hitchin Police Station, Bancroft", a force's letterhead above its address ("West Midlands Police⏎Coventry
 * Local Policing Unit⏎Little Park Street"): public. Not when someone is addressed in between (a letter's
 * recipient under the letterhead) or across a table's cells (a "Police" cell in the row above).
 */
const STATION_BEFORE = /\b(?:police station|station|police)\b(?:(?!\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\b)[^.\t|]){0,40}$/i;
/** A line that opens with a label ("Applicant: … Greater Manchester Police⏎Premises: 14 …"): a new field, not the letterhead's address. */
const LABELLED_LINE = /\n[ \t]*[A-Za-z][A-Za-z' ]{0,30}:/;
/** Whether a police station or a force's letterhead stands right before `start`, with no labelled line between. */
function stationBefore(text: string, start: number): boolean {
  const m = STATION_BEFORE.exec(text.slice(Math.max(0, start - 50), start));
  return m !== null && !LABELLED_LINE.test(m[0]);
}
/** A court, a police station or a council's building named before its street: "Carlisle Magistrates' Court, Rickergate". */
// (in capitals too: a court's heading "MANCHESTER AND SALFORD MAGISTRATES' COURT")
const PUBLIC_BUILDING_ADDRESS = /^(?:[A-Z][A-Za-z'’-]*[ \t]+){0,3}(?:Magistrates['’]?[ \t]+Court|Crown[ \t]+Court|County[ \t]+Court|Combined[ \t]+Court|Family[ \t]+Court|Justice[ \t]+Centre|Police[ \t]+Station|Town[ \t]+Hall|Civic[ \t]+Centre|Council[ \t]+Offices)\b/i;
/** "The Bay Horse, ", "The Duke of Wellington, ": a named house (a pub's way) right before an address. */
const NAMED_HOUSE_BEFORE = /\bThe[ \t]+(?:[A-Z][a-z'’]+[ \t]+(?:of[ \t]+)?){0,3}[A-Z][a-z'’]+,[ \t]*$/;
/** Licensing papers: a licence, its variation or review, a designated premises supervisor. */
const LICENSING_WORDS = /\blicen[cs](?:e|ed|ing)\b|\bdesignated premises supervisor\b/i;
/** "pay by bank transfer to City and County of Swansea, sort code ", "Account name: Kent County Council": a public body's own account, named before its numbers. */
const PUBLIC_BODY_ACCOUNT_BEFORE = /\b(?:(?:bank[ \t]+)?transfer[ \t]+to|payable[ \t]+to|account[ \t]+name[ \t]*:)[ \t]*(?:the[ \t]+)?(?:[A-Z][A-Za-z&'’-]*[ \t]+(?:of[ \t]+|and[ \t]+)?){0,5}(?:Council|County|Borough|Police|Constabulary|Commissioner|Court|Service|Authority|Trust)\b[^.\n]{0,60}$/;
/**
 * "Premises: The Drovers Arms, 3 Market Place", "Review of premises licence PL/0881 – The Sir Robert Peel, …",
 * "premisesAddress": "…", "Patel's Convenience Store (88 Horninglow Road…": right before a licensed premises', a
 * pub's or a shop's address, which is a business address (unless the text says someone lives there: a closure
 * order's "Premises:" has an occupier).
 */
const PREMISES_BEFORE = /(?:\bpremises[ \t]*:[^\n]{0,40}|\bpremises[ \t]*address["']?[ \t]*:[ \t]*["']?|\bpremises[ \t]+licen[cs]e\b[^\n]{0,30}|\b(?:Arms|Inn|Tavern|Hotel|Pub|Bar),[ \t]*|\b(?:Store|Stores|Shop|Takeaway|Supermarket|Off-?[Ll]icence|Newsagents?|Restaurant|Cafe|Café|Pub|Inn|Hotel|Bar)[ \t]*\([ \t]*)$/i;
/** Premises someone lives in: a closure order or notice, an occupier or a resident. */
const LIVED_IN_PREMISES = /\bclosure[ \t]+(?:order|notice)|\boccupiers?\b|\bresidents?[ \t]*:|\balso[ \t]+resident\b/i;

/** A venue's label, and at most a room's name, right before an address: "Venue: Council Chamber, ". */
const VENUE_LABEL_BEFORE = /\bVenue[ \t]*:[ \t]*(?:[A-Z][A-Za-z'’ ]{0,40},[ \t]*)?$/;
/** "the home of … Mrs Baptiste, ", "her home at ", "Mrs Beryl Ashcombe of ": a private person's home named just before an address. */
const PRIVATE_HOME_BEFORE = /(?:\b(?:Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+[A-Z][A-Za-z'’-]+(?:[ \t]+[A-Z][A-Za-z'’-]+){0,2}[ \t]+of[ \t]+|\bthe[ \t]+home[ \t]+of\b[^.\n]{0,50}?\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+[A-Z][^.\n]{0,40}|\b(?:her|his|their|my|our)[ \t]+(?:own[ \t]+)?home\b[^.\n]{0,20})$/;

/** Decides publicRole for one detection; appends "allow:…" reasons. */
export function classifyPublicRole(d: RawDetection, value: string, text: string, c: ClassifyContext): boolean {
  // "By bank transfer to City and County of Swansea, sort code 30-94-57, account 00312048": a public body's
  // account that the public pays into
  if (d.entity === 'BANK_ACCOUNT' && PUBLIC_BODY_ACCOUNT_BEFORE.test(text.slice(Math.max(0, d.start - 90), d.start))) { d.reasons.push('allow:public-body-account'); return true; }
  if (GOV_FINANCIAL.has(d.entity) || d.entity === 'DATE_OF_BIRTH') return false;
  if (d.entity === 'VEHICLE_REG') {
    // "the partnership ASB van (CP73 XBC)", "police car AV72 XPH": a public body's own vehicle
    if (PUBLIC_VEHICLE_BEFORE.test(text.slice(Math.max(0, d.start - 40), d.start))) { d.reasons.push('allow:public-body-vehicle'); return true; }
    return false;
  }
  const allowed = c.allowList?.match(d.entity, value, c.now);
  if (allowed) {
    d.reasons.push(`allow:${allowed.source}:${allowed.reason}`.slice(0, 120));
    return true;
  }
  switch (d.entity) {
    case 'PERSON': {
      // a team page's bio that names someone with a birth date or a home beside them ("a CBO against Kyle
      // ROBSHAW (born 22/03/2004) of 9 Windmill Road"), or as a case's party ("repeat victim Mrs Halina
      // Wiśniewska", "harassment by neighbour Darren Pike"), names a member of the public, not the team
      if (!d.reasons.includes('allow:rank') && (isTeam(c) || d.reasons.includes('allow:team-block')) && (CASE_FACTS_BESIDE.test(text.slice(d.end, d.end + 40)) || CASE_PARTY_BEFORE.test(text.slice(Math.max(0, d.start - 30), d.start)))) {
        if (!d.reasons.includes('private:case-facts-beside-name')) d.reasons.push('private:case-facts-beside-name');
        return false;
      }
      if (d.publicRole) return true;
      if (isTeam(c)) { d.reasons.push('allow:team-block'); return true; }
      if (rankAfter(text.slice(d.end, d.end + 50))) { d.reasons.push('allow:rank'); return true; }
      const after = text.slice(d.end, d.end + 80);
      // (a volunteers' group's officers are private people: "Secretary, Ashwell Neighbourhood Watch")
      if (STAFF_ROLE_AFTER.test(after) && !VOLUNTEER_GROUP.test(after)) { d.reasons.push('allow:staff-role'); return true; }
      if (ORG_AFTER.test(after)) { d.reasons.push('allow:organisation-after'); return true; }
      // "Dean Whitfield <d.whitfield@stevenage.gov.uk>": a display name before a public body's address
      const mailbox = MAILBOX_AFTER.exec(after);
      if (mailbox && PUBLIC_EMAIL_DOMAIN.test(mailbox[1]!)) { d.reasons.push('allow:public-body-email'); return true; }
      const before60 = text.slice(Math.max(0, d.start - 60), d.start);
      // (not a volunteers' group's post: "Ampthill Neighbourhood Watch coordinator: Rhys Pemberton, 8 Saunders Piece")
      if ((endsWithColon(text, d.start) || columnGapBefore(text, d.start)) && ROLE_LABEL_BEFORE.test(before60) && !VOLUNTEER_GROUP.test(before60)) { d.reasons.push('allow:role-label'); return true; }
      // "Author: Joanne Hetherington": whoever recognised the name, a document's author wrote it for the force
      // (not a volunteers' group's: "Title: Ashwell NHW AGM minutes" is a private person's document)
      if (AUTHOR_LABEL_BEFORE.test(text.slice(Math.max(0, d.start - 40), d.start)) && !VOLUNTEER_GROUP.test(text)) { d.reasons.push('allow:document-author'); return true; }
      // "| Mohammed Rafiq | Change Grow Live | Team Leader | 01632 …": a job title in a later cell of the row of a
      // table whose header names a role column (a child's row with an "Allocated Social Worker" cell has none)
      if (JOB_TITLE_CELL.test(after.slice(0, lineEndIn(after))) && ROLE_COLUMN_HEADER.test(text)) { d.reasons.push('allow:job-title-in-row'); return true; }
      // "granted by the Licensing Manager, Deborah Akinyemi": a post named before the name, set off by a comma
      if (POST_APPOSITIVE_BEFORE.test(before60) && !VOLUNTEER_GROUP.test(before60)) { d.reasons.push('allow:post-before-name'); return true; }
      // "IOPC Regional Director Derrick Asante-Mills", "allocated to caseworker Gareth Pugh": a public body's post or a caseworker
      if (PUBLIC_POST_BEFORE.test(before60)) { d.reasons.push('allow:public-post'); return true; }
      // "Your Witness Care contact is Colin Babbage": the person a service names as its contact works for it
      if (SERVICE_CONTACT_BEFORE.test(before60) && !VOLUNTEER_GROUP.test(before60)) { d.reasons.push('allow:service-contact'); return true; }
      // "Case No | Tenant | … | Officer" over "TE-0431 | Mrs Grainne Doherty | … | D. Achterberg": a staff column's names
      if (inStaffColumn(text, d.start, c.header)) { d.reasons.push('allow:staff-column'); return true; }
      // "a management transfer (lead Delroy Grant)": the owner of an agency's action is that agency's staff
      if (ACTION_LEAD_BEFORE.test(text.slice(Math.max(0, d.start - 20), d.start))) { d.reasons.push('allow:action-lead'); return true; }
      // "Our IDVAs – Rachel Pemberton, Grace Mwangi and …": staff a service introduces as its own
      if (OUR_STAFF_BEFORE.test(text.slice(Math.max(0, d.start - 120), d.start))) { d.reasons.push('allow:introduced-as-staff'); return true; }
      const key = subjectKey(value);
      if (c.pagePublicPersons?.has(key)) { d.reasons.push('allow:named-with-rank-on-page'); return true; }
      // "Insp Rebecca Hollis … Mrs Hollis said": a bare title + surname of an officer named nearby
      if (!key.includes(' ') && c.pagePublicPersons && surnamesOf(c.pagePublicPersons).has(key)) { d.reasons.push('allow:officer-surname'); return true; }
      // "Dawn Kilpatrick | ASB & Community Safety Officer … Thanks, Dawn": a lone forename followed up from a
      // public-role person's full name is that person
      if (!key.includes(' ') && c.pagePublicPersons && d.detector === 'person-repeat-mention' && forenamesOf(c.pagePublicPersons).has(key)) { d.reasons.push('allow:officer-forename'); return true; }
      return false;
    }
    case 'ADDRESS':
    case 'POSTCODE': {
      if (d.reasons.includes('address:venue')) { d.reasons.push('allow:venue'); return true; }
      const before = text.slice(Math.max(0, d.start - 80), d.start);
      // (not someone's home the event is held in: "Venue: the home of Watch coordinator Mrs Gloria Baptiste, 12 Marsh Hill")
      const hostsHome = (): boolean => PRIVATE_HOME_BEFORE.test(before);
      if (isVenueBlock(c) && !hostsHome()) { d.reasons.push('allow:contact-or-event-block'); return true; }
      if (stationBefore(text, d.start)) { d.reasons.push('allow:station'); return true; }
      // "Venue: Council Chamber, Shirehall, Abbey Foregate": a meeting's venue, in any block (not a host's home)
      if (VENUE_LABEL_BEFORE.test(before.slice(-60)) && !hostsHome()) { d.reasons.push('allow:venue-label'); return true; }
      if (PUBLIC_BUILDING_ADDRESS.test(value)) { d.reasons.push('allow:public-building'); return true; }
      // "The Bay Horse, 1 Fore Street: removal of a condition": a named house before a numbered street, in licensing papers
      if (NAMED_HOUSE_BEFORE.test(before.slice(-40)) && LICENSING_WORDS.test(text) && !LIVED_IN_PREMISES.test(text)) { d.reasons.push('allow:licensed-premises'); return true; }
      if (PREMISES_BEFORE.test(before.slice(-60)) && !LIVED_IN_PREMISES.test(text)) { d.reasons.push('allow:premises'); return true; }
      return false;
    }
    case 'PHONE': {
      const nat = nationalDigits(value);
      if (nat && isOrganisationNumber(nat)) { d.reasons.push('allow:organisation-number'); return true; }
      if (isVenueBlock(c) || isTeam(c)) { d.reasons.push('allow:contact-block'); return true; }
      return false;
    }
    case 'EMAIL': {
      const at = value.lastIndexOf('@');
      const domain = value.slice(at + 1);
      if (PUBLIC_EMAIL_DOMAIN.test(domain)) { d.reasons.push('allow:public-body-domain'); return true; }
      if (ROLE_MAILBOX.test(value.slice(0, at)) || ROLE_MAILBOX_WORD.test(value.slice(0, at))) { d.reasons.push('allow:role-mailbox'); return true; }
      if (isVenueBlock(c) || isTeam(c)) { d.reasons.push('allow:contact-block'); return true; }
      return false;
    }
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// roles and natures

// each alternative spelled out whole, so the literal gate (prefilter.ts) can skip a window without its words
const ROLE_WORDS: Array<[RegExp, SubjectRole]> = [
  [/\bvictims?\b/i, 'victim'],
  [/\bperpetrators?\b|\bperps?\b/i, 'perpetrator'],
  [/\boffenders?\b|\bdefendants?\b|\bconvicted\b/i, 'offender'],
  // (a custody record's "Detained person:" and "Reason for arrest:")
  [/\bsuspects?\b|\baccused\b|\balleged offenders?\b|\barrested\b|\bdetained person\b|\breason for arrest\b|\binterview(?:ed)? under caution\b/i, 'suspect'],
  [/\bwitness(?:es)?\b/i, 'witness'],
  // ("complainer" in Scotland; "alleges" says who complains)
  [/\bcomplainants?\b|\bcomplainers?\b|\breported by\b|\bcomplained\b|\balleges\b/i, 'complainant'],
];

const NATURES: Array<[RegExp, string]> = [
  [/\banti[\s-]?social\s+behaviou?r\b|\bASB\b/i, 'anti-social behaviour'],
  [/\bnoise\b/i, 'noise nuisance'],
  [/\bverbal(?:ly)?\s+abus/i, 'verbal abuse'],
  [/\bharass/i, 'harassment'],
  // …or the damage told in words: "damaged her car", "damage to parked cars", "keyed three times"
  [/\bcriminal\s+damage\b|\bvandal|\bdamag(?:ed|ing)\s+(?:his|her|their|the|a|an)\s+(?:\w+\s+)?(?:cars?|vehicles?|vans?|doors?|windows?|fences?|gates?|property|home|house)\b|\bdamage\s+to\s+(?:\w+\s+)?(?:cars?|vehicles?|vans?|doors?|windows?|fences?|gates?|property|homes?|houses?)\b|\bkeyed\b/i, 'criminal damage'],
  // …or told as what was done: "punched at the gate line", "spat at on platform 2"
  [/\bassault|\bpunch(?:ed|ing)\b|\bspat\s+at\b|\bkick(?:ed|ing)\s+(?:him|her|them|me|us)\b|\bhead-?butt(?:ed|ing)?\b|\bstabb(?:ed|ing)\b/i, 'assault'],
  // detained or assessed under the Mental Health Act: health data, special category for the ICO
  // (every alternative holds a word of three letters or more, so the literal gate can skip it: "s.136" alone has none)
  [/\bMental\s+Health\s+Act\b|\bsection\s?136\b|\bplace\s+of\s+safety\b|\bdetained\s+under\s+s\.?\s?136\b/i, 'mental health detention'],
  [/\bthreat|\bintimidat/i, 'threats and intimidation'],
  // a safeguarding referral: a child or an adult at risk, neglect (special category for the ICO when health is told)
  [/\bsafeguarding\s+(?:referral|concern)s?\b|\bchild\s+protection\b|\badults?\s+at\s+risk\b|\badult\s+protection\b|\bneglect(?:ed)?\b/i, 'safeguarding'],
  [/\bdrugs?\b|\bcannabis\b|\bdealing\b|\bClass\s+[ABC]\b|\bintent\s+to\s+supply\b/i, 'drugs'],
  [/\bburglar/i, 'burglary'],
  [/\bthefts?\b|\bstole|\bshoplift/i, 'theft'],
  [/\brobbery\b|\brobbed\b/i, 'robbery'],
  // …or a log's incident type and its risk form: "Domestic – verbal", "DASH completed – standard"
  [/\bdomestic\s+(?:abuse|violence|incident)|\bdomestic\s*[–—-]\s*(?:verbal|physical)\b|\bDASH\s+(?:risk|completed|assessment|form|checklist)\b/i, 'domestic abuse'],
  [/\bstalk/i, 'stalking'],
  [/\bfraud\b|\bscam/i, 'fraud'],
  // ("wilful fire-raising" in Scotland)
  [/\barson\b|\bfire[\s-]?raising\b|\bset\s+(?:on\s+)?fire\b|\bset\s+alight\b/i, 'arson'],
  [/\bgraffiti\b/i, 'criminal damage'],
  [/\bhate\s+crime\b|\bracial(?:ly)?\s+(?:abus|aggravated)/i, 'hate crime'],
  [/\bneighbou?r\s+dispute\b/i, 'neighbour dispute'],
  // "a long-running dispute between …", "parking disputes": a quarrel the police are called to
  [/\bdisputes?\b/i, 'dispute'],
  [/\bnuisance\b/i, 'nuisance'],
  [/\bviolen(?:ce|t)\b/i, 'violence'],
  [/\bsexual\b|\brape\b|\bindecent\b/i, 'sexual offence'],
  [/\bknife\b|\bweapon|\bfirearm/i, 'weapons'],
  [/\bpublic\s+order\b/i, 'public order'],
  [/\bstreet\s+drinking\b|\bdrunk/i, 'alcohol-related'],
  // (each alternative holds a rare word for the literal gate: "were dumped" would open it on every "were")
  [/\bfly[\s-]?tip(?:ping|ped|per|pers|s)?\b|\bdumped\s+(?:in|on|at|near|outside)\b|\btipped\s+(?:in|on|at|near|outside)\b/i, 'fly-tipping'],
  // a vehicle seized or a driver reported: no insurance, disqualified, drink or drug driving
  [/\bno\s+insurance\b|\buninsured\b|\bdriving\s+otherwise\s+than\s+in\s+accordance\b|\bdisqualified\s+driv|\bdrink[\s-]?driv|\bdrug[\s-]?driv|\bdangerous\s+driving\b|\bcareless\s+driving\b|\bseizure\s+of\s+(?:a\s+)?(?:motor\s+)?vehicle\b/i, 'motoring offence'],
  // …or a keeper's speeding notice and what follows it: "notice of intended prosecution", a fixed penalty, a speed awareness course
  [/\b(?:recorded|caught|detected|clocked)\s+(?:\w+\s+){0,2}speeding\b|\bspeeding\s+\d{2,3}\s*mph\b|\b(?:hand-?held\s+)?mobile\s+phone\s+while\s+driving\b|\bnotice\s+of\s+intended\s+prosecution\b|\bfixed\s+penalty\b|\bspeed\s+awareness\s+course\b|\bexceed(?:ed|ing)\s+the\s+(?:\d{2}\s*mph\s+)?speed\s+limit\b|\bsection\s+165\b|\bwithout\s+insurance\b|\bseized\b|\bseizure\b/i, 'motoring offence'],
  // a railway's own offences: fare evasion, travelling without a ticket, trespass on the line
  [/\bfare[\s-]+(?:evasion|evader|dodg)|\bwithout\s+a\s+valid\s+ticket\b|\bunpaid\s+fare|\bpenalty\s+fare\s+notice|\bRegulation\s+of\s+Railways\s+Act\b|\btrespass(?:ing|ed)?\s+on\s+the\s+(?:railway|line|tracks?)\b/i, 'railway offence'],
  // "keeps turning up at my flat despite the order", "breached his bail conditions"
  [/\bbreach(?:ed|es|ing)?\s+(?:of\s+)?(?:(?:a|an|the|his|her|their)\s+)?(?:\w+\s+){0,2}(?:order|injunction|bail)\b|\bdespite\s+the\s+(?:order|injunction)\b/i, 'breach of an order'],
  [/\bsummons(?:ed)?\b|\bcharged\s+with\b|\bconvicted\b|\bsentenced\b|\bpleaded\s+guilty\b|\bremanded\b|\bjailed\b|\bcourt\b/i, 'criminal proceedings'],
  [/\bcommunity\s+protection\s+(?:notice|warning)\b|\bCPN\b|\bCPW\b|\bcriminal\s+behaviou?r\s+order\b|\bASBO\b|\binjunction\b/i, 'ASB enforcement'],
  // an acceptable behaviour contract, a closure or dispersal order, a warning for a vehicle used antisocially (s.59)
  [/\bacceptable\s+behaviou?r\s+(?:contract|agreement)s?\b|\bABCs?\b|\bclosure\s+(?:order|notice)s?\b|\bdispersal\s+(?:order|notice|direction)s?\b|\bsection\s*59\b|\bs\.\s*59\s+warning/i, 'ASB enforcement'],
];

/** One literal scan decides which offence and role regexes can match a window at all. */
const WORD_GATES = new LiteralGates([...NATURES.map(([re]) => re), ...ROLE_WORDS.map(([re]) => re)]);

/** Offence/ASB labels named in `text`; `open` is WORD_GATES.open(text.toLowerCase()) when the caller has it. */
export function naturesIn(text: string, open = WORD_GATES.open(text.toLowerCase())): string[] {
  const out = new Set<string>();
  for (let i = 0; i < NATURES.length; i++) if (open[i] && NATURES[i]![0].test(text)) out.add(NATURES[i]![1]);
  return [...out];
}

const ROLE_WORDS_GLOBAL = ROLE_WORDS.map(([re, role]) => [new RegExp(re.source, 'gi'), role] as const);
const ROLE_WORDS_AFTER = ROLE_WORDS.map(([re, role]) => [new RegExp(`^\\s*[,(-]?\\s*(?:the\\s+)?${re.source}`, 'i'), role] as const);

function roleFor(text: string, personStart: number, personEnd: number, natures: string[]): SubjectRole | null {
  const before = text.slice(Math.max(0, personStart - 60), personStart);
  let best: { role: SubjectRole; at: number } | null = null;
  for (const [g, role] of ROLE_WORDS_GLOBAL) {
    g.lastIndex = 0;
    for (let m = g.exec(before); m; m = g.exec(before)) if (!best || m.index > best.at) best = { role, at: m.index };
  }
  const after = text.slice(personEnd, personEnd + 30);
  for (const [re, role] of ROLE_WORDS_AFTER) if (re.test(after)) return role;
  if (best) return best.role;
  if (natures.length) {
    if (/\bby\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[a-z]+\s*,?\s*){0,2}$/i.test(before)) return 'perpetrator';
    if (/\b(?:of|against|towards|targeting|on|to)\s+(?:(?:a|an|the)\s+)?(?:[a-z]+\s*,?\s*){0,1}$/i.test(before)) return 'victim';
  }
  return null;
}

// ---------------------------------------------------------------------------
// grouping and severity

export interface ClassifiedDetection extends RawDetection {
  value: string;
  publicRole: boolean;
}

/** Block kinds that are one unit of meaning: all their findings belong together. */
const UNIT_KINDS: ReadonlySet<BlockKind> = new Set(['priority', 'table-row', 'cell-row', 'list-item', 'team-member', 'event', 'json', 'contact', 'attribute', 'metadata']);
const UNIT_MAX = 1500;
const CLUSTER_GAP = 220;
const WINDOW_PAD = 160;

interface Group {
  dets: ClassifiedDetection[];
  from: number;
  to: number;
  /** Text that frames every group of the block: the whole block, or the title or header above a list of records. */
  frame?: string;
}

/** Most non-empty lines are " | "-separated rows (a sheet or table flattened to text). */
function isTableText(text: string): boolean {
  // the rows first, jumping from one " | " to the next: prose has few, and then the line count can stop early.
  // Found by their bar: a search for " | " stops at every space.
  let rows = 0;
  let rowLineEnd = -1;
  for (let bar = text.indexOf('|', 1); bar >= 0; bar = text.indexOf('|', bar + 1)) {
    const p = bar - 1;
    if (p < rowLineEnd || text.charCodeAt(p) !== 32 || text.charCodeAt(bar + 1) !== 32) continue;
    rows++;
    const nl = text.indexOf('\n', p);
    rowLineEnd = nl < 0 ? text.length : nl;
  }
  if (rows < 2) return false;
  // non-blank lines, line by line with indexOf, until they outnumber twice the rows
  let lines = 0;
  for (let from = 0; from <= text.length; ) {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    let k = from;
    while (k < nl && isSpaceCode(text.charCodeAt(k))) k++;
    if (k < nl && ++lines > rows * 2) return false;
    from = nl + 1;
  }
  return true;
}

const HOME_OR_BIRTH: ReadonlySet<string> = new Set(['ADDRESS', 'DATE_OF_BIRTH', 'POSTCODE']);

/**
 * One record per line when a text lists people line by line (a CSV export, tab-separated rows, a
 * court list, a briefing's bullets): at least two lines each name a person with a home or a birth
 * date. Lines without a person continue the record above ("Address:" on its own line, a wrapped
 * address block). Otherwise null: a record written over several lines stays one.
 */
function lineRecords(text: string, dets: ClassifiedDetection[]): Group[] | null {
  if (text.indexOf('\n') < 0) return null;
  const sorted = sortedByStart(dets);
  const groups: Group[] = [];
  let selfContained = 0;
  let k = 0;
  let from = 0;
  while (from <= text.length && k < sorted.length) {
    const nl = text.indexOf('\n', from);
    const to = nl < 0 ? text.length : nl;
    const inLine: ClassifiedDetection[] = [];
    while (k < sorted.length && sorted[k]!.start <= to) inLine.push(sorted[k++]!);
    if (inLine.length) {
      const person = inLine.some((d) => d.entity === 'PERSON' && !d.publicRole);
      if (person) {
        if (inLine.some((d) => HOME_OR_BIRTH.has(d.entity))) selfContained++;
        groups.push({ dets: inLine, from, to });
      } else if (groups.length) {
        const g = groups[groups.length - 1]!;
        g.dets.push(...inLine);
        g.to = to;
      } else groups.push({ dets: inLine, from, to });
    } else if (groups.length && groups[groups.length - 1]!.to === from - 1) {
      groups[groups.length - 1]!.to = to;
    }
    from = to + 1;
  }
  if (selfContained < 2) return null;
  // what the block says around the lines (a title, a header row, a case note's narrative) frames
  // every record in it: each line's record is a case if the block describes offences or roles
  const frame = text.length <= FRAME_MAX ? text : text.slice(Math.max(0, groups[0]!.from - 400), groups[0]!.from);
  for (const g of groups) g.frame = frame;
  return groups;
}
const FRAME_MAX = 4000;

/** A case opens with "Victim:"/"Complainant:" (or "Case …:"); a second opener in one unit starts a second case. */
const CASE_OPENER = /(?:^|[.;]\s+|\n)(?=(?:victims?|complainants?|case(?:\s+(?:ref(?:erence)?|no\.?|number))?\s*[\w/-]*)\s*:)/gi;

function splitRepeatedCases(text: string, dets: ClassifiedDetection[]): Group[] {
  const cuts: number[] = [];
  CASE_OPENER.lastIndex = 0;
  for (let m = CASE_OPENER.exec(text); m; m = CASE_OPENER.exec(text)) {
    cuts.push(m.index + m[0].length);
    if (m[0].length === 0) CASE_OPENER.lastIndex++;
  }
  if (cuts.length < 2) return [{ dets, from: 0, to: text.length }];
  const bounds = [0, ...cuts.slice(1), text.length];
  const groups: Group[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    const inside = dets.filter((d) => d.start >= from && d.start < to);
    if (inside.length) groups.push({ dets: inside, from, to });
  }
  // only split when every part names a person; otherwise the unit is one case
  return groups.every((g) => g.dets.some((d) => d.entity === 'PERSON')) ? groups : [{ dets, from: 0, to: text.length }];
}

/** /\n\s*\n/.test(text.slice(from, to)) without the slice: two newlines with only whitespace between them. */
function hasBlankLine(text: string, from: number, to: number): boolean {
  let afterNewline = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (afterNewline) return true;
      afterNewline = true;
    } else if (!isSpaceCode(c)) afterNewline = false;
  }
  return false;
}

/** The detections sorted by start (stable); the engine's are already in that order, so usually a copy-free check. */
function sortedByStart(dets: ClassifiedDetection[]): ClassifiedDetection[] {
  for (let i = 1; i < dets.length; i++) if (dets[i - 1]!.start > dets[i]!.start) return [...dets].sort((a, b) => a.start - b.start);
  return dets;
}

function groupDetections(text: string, dets: ClassifiedDetection[], kind?: BlockKind): Group[] {
  if (dets.length === 0) return [];
  // several table rows in one text ("a | b\nc | d"): each line is its own unit
  if (/\|[^\n]*\n[^\n]*\|/.test(text) && isTableText(text)) {
    const sorted = sortedByStart(dets);
    const groups: Group[] = [];
    let from = 0;
    let k = 0;
    // the first line frames every row: a header's "Victim" or "WITNESS_SURNAME" column says what each row's person is
    const header = text.slice(0, lineEndIn(text));
    for (const line of text.split('\n')) {
      const to = from + line.length;
      const inLine: ClassifiedDetection[] = [];
      while (k < sorted.length && sorted[k]!.start <= to) inLine.push(sorted[k++]!);
      if (inLine.length) groups.push(from === 0 ? { dets: inLine, from, to } : { dets: inLine, from, to, frame: header });
      from = to + 1;
    }
    return groups;
  }
  const byLine = lineRecords(text, dets);
  if (byLine) return byLine;
  if ((kind && UNIT_KINDS.has(kind)) || text.length <= UNIT_MAX) return splitRepeatedCases(text, dets);
  const sorted = sortedByStart(dets);
  const groups: Group[] = [];
  let cur: ClassifiedDetection[] = [];
  for (const d of sorted) {
    const prev = cur[cur.length - 1];
    if (prev && (d.start - prev.end > CLUSTER_GAP || hasBlankLine(text, prev.end, d.start))) {
      groups.push({ dets: cur, from: 0, to: 0 });
      cur = [];
    }
    cur.push(d);
  }
  if (cur.length) groups.push({ dets: cur, from: 0, to: 0 });
  for (const g of groups) {
    const s = g.dets[0]!.start;
    let e = -Infinity;
    for (const d of g.dets) if (d.end > e) e = d.end;
    // extend to the paragraph/sentence window around the cluster
    let from = Math.max(0, s - WINDOW_PAD);
    let to = Math.min(text.length, e + WINDOW_PAD);
    const para0 = text.lastIndexOf('\n\n', s);
    if (para0 > from) from = para0;
    const para1 = text.indexOf('\n\n', e);
    if (para1 !== -1 && para1 < to) to = para1;
    g.from = from;
    g.to = to;
  }
  return groups;
}

/**
 * The group's window with its addresses blanked: a street's words are no case words ("at her home, 41 Gurney
 * Court Road" is no court case; "Bishops Court", "Victoria Gate").
 */
function withoutAddresses(text: string, g: Group): string {
  let out = '';
  let at = g.from;
  for (const d of g.dets) {
    if (d.entity !== 'ADDRESS' || d.start < at || d.end > g.to) continue;
    out += text.slice(at, d.start) + ' '.repeat(d.end - d.start);
    at = d.end;
  }
  return at === g.from ? text.slice(g.from, g.to) : out + text.slice(at, g.to);
}

/** Words that make an address someone's home in an incident: "at her home at", "the victim's", "the owner's", "front door of", "stolen from outside". */
const HOME_OF_PARTY = /\b(?:her|his|their)[ \t]+(?:own[ \t]+)?(?:home|house|flat)\b|\bvictim['’]s\b|\bowner['’]s\b|\bfront[ \t]+door[ \t]+of\b|\bfrom[ \t]+outside\b/i;

/** An FOI reply's words to its requester: "thank you for your request", "your Freedom of Information request". */
const FOI_REPLY = /\bthank you for your (?:freedom of information |FOI )?request\b|\byour (?:freedom of information|FOI) request\b/i;

/** Words that make a named person a vehicle's keeper. */
const KEEPER_WORDS = /\bbelonging\s+to\b|\bowned\s+by\b|\bregistered\s+(?:keeper|owner|to)\b|\b(?:his|her|their)\s+(?:car|van|vehicle|motorbike|pick-?up)\b/i;

/** True for detections made by the engine, which carry every Finding field already (see engine.ts newDetection). */
function isFindingShaped(d: ClassifiedDetection): d is ClassifiedDetection & Finding {
  return 'severity' in d && 'recordId' in d;
}

export interface SeverityOutput {
  findings: Finding[];
  records: DetectedRecord[];
}

export function assignSeverity(text: string, dets: ClassifiedDetection[], opts: { kind?: BlockKind; recordIdFor: (n: number) => string; extraContext?: string }): SeverityOutput {
  const findings: Finding[] = [];
  const records: DetectedRecord[] = [];
  let n = 0;
  for (const g of groupDetections(text, dets, opts.kind)) {
    const joined = withoutAddresses(text, g) + (g.frame ? `\n${g.frame}` : '') + (opts.extraContext ? `\n${opts.extraContext}` : '');
    // an export's run-together names read as words: "WITNESS_SURNAME", "victim_dob"
    const windowText = joined.includes('_') ? joined.replace(/_/g, ' ') : joined;
    const priv = g.dets.filter((d) => !d.publicRole);
    const persons = priv.filter((d) => d.entity === 'PERSON');
    const homeOrDob = priv.some((d) => d.entity === 'ADDRESS' || d.entity === 'DATE_OF_BIRTH');
    // (a vehicle too, when the words make the person its keeper: "JNZ 9057 belonging to Kwame Asante", "Registered keeper:")
    const tiedData = priv.some((d) => d.entity === 'ADDRESS' || d.entity === 'DATE_OF_BIRTH' || d.entity === 'PHONE' || d.entity === 'EMAIL' || (d.entity === 'VEHICLE_REG' && KEEPER_WORDS.test(windowText)));
    const open = WORD_GATES.open(windowText.toLowerCase());
    const natures = naturesIn(windowText, open);
    const roles = new Set<SubjectRole>();
    for (const p of persons) {
      const r = roleFor(text, p.start, p.end, natures);
      if (r) roles.add(r);
    }
    // rows and short units often put the role in its own column ("| Victim |"): take the roles named anywhere in the window
    if (roles.size === 0 && persons.length) for (let i = 0; i < ROLE_WORDS.length; i++) if (open[NATURES.length + i] && ROLE_WORDS[i]![0].test(windowText)) roles.add(ROLE_WORDS[i]![1]);
    // "targeted at her home at 27 Tennyson Avenue": a victim's home in an incident is a case though no name is given
    const namelessHome = persons.length === 0 && priv.some((d) => d.entity === 'ADDRESS' && /^(?:Flat|Apartment|\d)/.test(d.value)) && HOME_OF_PARTY.test(windowText);
    // (an FOI reply to its requester: the offences are what they asked about, not their case)
    const isCase = (persons.length > 0 || namelessHome) && homeOrDob && (roles.size > 0 || natures.length > 0) && !FOI_REPLY.test(windowText);
    const tied = persons.length > 0 && tiedData;
    const recordId = priv.length >= 2 || isCase ? opts.recordIdFor(++n) : null;
    for (const d of g.dets) {
      let severity: Severity;
      if (d.publicRole) severity = 'low';
      else if (GOV_FINANCIAL.has(d.entity) || isCase) severity = 'critical';
      else if (tied) severity = 'high';
      else if (d.entity === 'POSTCODE' || d.entity === 'VEHICLE_REG') severity = 'low';
      else severity = 'medium';
      const rid = d.publicRole ? null : recordId;
      if (isFindingShaped(d)) {
        // the engine allocated the detection with the Finding's fields: fill it in place
        d.severity = severity;
        d.recordId = rid;
        findings.push(d);
      } else {
        findings.push({
          entity: d.entity, start: d.start, end: d.end, value: d.value, score: d.score, detector: d.detector,
          publicRole: d.publicRole, reasons: d.reasons, severity, recordId: rid,
        });
      }
    }
    if (recordId) {
      if (isCase && roles.size === 0) roles.add('other');
      records.push({
        recordId,
        isCaseRecord: isCase,
        subjectKeys: [...new Set(persons.map((p) => subjectKey(p.value)))],
        roles: [...roles],
        natures,
      });
    }
  }
  findings.sort((a, b) => a.start - b.start);
  return { findings, records };
}
