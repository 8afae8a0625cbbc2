/**
 * Names that the gazetteer recogniser cannot take on their own (a lone surname, a forename that is
 * also a word, capitals that read as a heading) but a strong cue makes certain: a police rank with a
 * collar number ("OIC PC 4471 Ward", "PC 1764 Grant Ellison") and a form's name fields ("Surname:
 * MACKINNON", "Full name: ROSALIND MAE CORCORAN", a document's "Author:"), a criminal case's title
 * ("R v Harper") and the line after a letter's or an e-mail's sign-off ("Kind regards,\nFionnuala Ní Bhriain").
 */
import type { Recognizer } from '../types.js';
import { COMMON_CAPITALISED, STREET_TYPE_SET, ORG_WORDS, UK_PLACES } from '../gazetteer/lexicon.js';
import { FORENAMES, SURNAMES } from '../gazetteer/names.js';

/** A word that fills a form field when there is no name: "Surname: Not known", "N/A". */
const NOT_A_NAME = new Set(['not', 'unknown', 'none', 'withheld', 'redacted', 'tbc', 'n', 'na', 'nil']);

const isNameWord = (w: string): boolean => {
  const k = w.toLowerCase();
  return !COMMON_CAPITALISED.has(k) && !NOT_A_NAME.has(k);
};
/**
 * A form field may hold an organisation or a place where a name was expected ("Name: Hitchin Library");
 * after a known forename a street-type or organisation word is a surname ("Author: Bethany Croft").
 */
const isNameFieldValue = (v: string): boolean => {
  const words = v.split(' ');
  if (!words.every(isNameWord)) return false;
  const last = words[words.length - 1]!.toLowerCase();
  return !(STREET_TYPE_SET.has(last) || ORG_WORDS.has(last)) || (words.length > 1 && FORENAMES.has(words[0]!.toLowerCase()));
};

/** Ranks written before a collar number. */
const COLLAR_RANKS = '(?:PC|PCSO|DC|DS|PS|Sgt|SGT|Insp|DI|SC|A\\/Sgt|T\\/Sgt)';
/** One name word as forms and lists write it: "Corcoran", "CORCORAN", "O'Neill", "McBride", "Wynne-Jones". */
const FORM_WORD = "(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*|[A-Z]{2,}(?:['’-][A-Z]+)*|(?:Mc|Mac|O['’])[A-Z][a-z]+|O['’][A-Z]{2,}(?:-[A-Z]+)*)";

export const collarNumberRecognizer: Recognizer = {
  name: 'officer-collar-number',
  entity: 'PERSON',
  trigger: 'digit',
  description: 'An officer named by rank, collar number and surname ("PC 4471 Ward"): public-role',
  patterns: [{
    name: 'rank-collar-surname',
    // one or two words: "PC 4471 Ward", "PC 1764 Grant Ellison" (a forename that is also a word needs the cue)
    regex: new RegExp(`\\b${COLLAR_RANKS}[ \\t]?\\d{2,6}(?:[A-Z]{2})?[ \\t]+(${FORM_WORD}(?: ${FORM_WORD})?)(?![A-Za-z'’-])(?!(?: {1,2}|\\t)[A-Z])`, 'g'),
    score: 0.85,
    group: 1,
    publicRole: 'allow:rank',
  }],
  validate: (v) => v.split(' ').every(isNameWord),
  minScore: 0.5,
};

const RANK_ALONE = new RegExp(`^${COLLAR_RANKS}$`);

/** "PS 824" before an author's name: the rank and collar number are not part of it. */
const RANK_COLLAR = `${COLLAR_RANKS}(?: ?\\d{2,6})?`;

export const formNameRecognizer: Recognizer = {
  name: 'form-name-field',
  entity: 'PERSON',
  description: 'The value of a form\'s name fields ("Surname: MACKINNON", "Full name:  ROSALIND MAE CORCORAN"), which forms often write in capitals',
  patterns: [
    // the fields with a colon are found from it, the label read back: colons are far rarer than the labels' letters
    {
      name: 'surname-field',
      regex: new RegExp(`:(?<=\\b(?:[Ss]urname|SURNAME|Family [Nn]ame|FAMILY NAME|Last [Nn]ame|LAST NAME)[ \\t]*:)[ \\t]*(${FORM_WORD})(?![A-Za-z\\d'’-])`, 'g'),
      score: 0.8,
      group: 1,
    },
    {
      // not "Premises Name:" or "Team name:": the label opens the field
      name: 'name-field',
      regex: new RegExp(`:(?<=(?<![A-Za-z][ \\t])\\b(?:Full [Nn]ame|FULL NAME|Name|NAME|Forenames?|FORENAMES?|Forename\\(s\\)|First [Nn]ames?|Given [Nn]ames?|Issued to|ISSUED TO|Served on|SERVED ON|Statement of|STATEMENT OF)[ \\t]*:)[ \\t]*(${FORM_WORD}(?: ${FORM_WORD}){0,3})(?![A-Za-z\\d'’-])`, 'g'),
      score: 0.75,
      group: 1,
    },
    {
      // a form extracted from PDF or DOCX puts the label and its value on lines of their own:
      // "Forename(s)⏎Amelia-Rose⏎Surname⏎Kowalczyk"
      name: 'name-field-next-line',
      regex: new RegExp(`(?:^|\\n)[ \\t]*(?:Full [Nn]ame|FULL NAME|Name|NAME|Forenames?|FORENAMES?|Forename\\(s\\)|FORENAME\\(S\\)|First [Nn]ames?|Given [Nn]ames?|[Ss]urname|SURNAME|Family [Nn]ame|Last [Nn]ame)[ \\t]*:?[ \\t]*\\r?\\n[ \\t]*(${FORM_WORD}(?: ${FORM_WORD}){0,3})[ \\t]*(?=\\r?\\n|$)`, 'g'),
      score: 0.75,
      group: 1,
    },
    {
      // a document's own properties: "Author: H Merriweather" wrote it for the force, as staff
      name: 'author-field',
      regex: new RegExp(`:(?<=\\b(?:Author|AUTHOR|Created by|Last [Mm]odified by|Prepared by)[ \\t]*:)[ \\t]*(?:${RANK_COLLAR} )?((?:[A-Z]\\.? )?${FORM_WORD}(?: ${FORM_WORD}){0,2})(?![A-Za-z\\d'’-])`, 'g'),
      score: 0.75,
      group: 1,
      publicRole: 'allow:document-author',
    },
  ],
  // "Last modified by: CUMBRIA": a document property may hold a place or a force, not a person; a form's
  // "Surname: ARMITAGE" may be both, and is a surname
  // …nor a rank alone ("Author: PC 2290": the collar number is who wrote it)
  validate: (v, text, start) => isNameFieldValue(v) && !RANK_ALONE.test(v) && !(!v.includes(' ') && UK_PLACES.has(v.toLowerCase()) && AUTHOR_LABEL_BEFORE.test(text.slice(Math.max(0, start - 24), start))),
  minScore: 0.5,
};

/** A name word a list of names knows, in any case ("SHAHIDUL", "popescu"). */
const isListedNameWord = (w: string): boolean => {
  const k = w.toLowerCase();
  return FORENAMES.has(k) || SURNAMES.has(k);
};

/** The people a police record's fields name by their part in the case. */
const CASE_ROLE_LABEL = '(?:Detainee|DETAINEE|Driver|DRIVER|Victim|VICTIM|Suspect|SUSPECT|Offender|OFFENDER|Witness|WITNESS|Complainant|COMPLAINANT|Defendant|DEFENDANT|Accused|ACCUSED|Registered [Kk]eeper|REGISTERED KEEPER|Keeper|KEEPER|Informant|INFORMANT|Caller|CALLER|Tenant|TENANT|Patient|PATIENT|Missing [Pp]erson|MISSING PERSON|Subject|SUBJECT)';

/**
 * "DETAINEE: RAHMAN, SHAHIDUL", "Driver: Yusuf Demir", "Victim: Okafor, Grace": a record's field named
 * for the person's part in the case. Such fields also hold descriptions ("Suspect: white male, 20s"),
 * so a name list must know one of the words.
 */
export const caseRoleFieldRecognizer: Recognizer = {
  name: 'case-role-field',
  entity: 'PERSON',
  description: 'The name in a record field labelled with the person\'s part in the case ("DETAINEE: RAHMAN, SHAHIDUL", "Driver: Yusuf Demir")',
  patterns: [{
    name: 'role-field',
    // found from the colon, the label read back
    regex: new RegExp(`:(?<=\\b${CASE_ROLE_LABEL}[ \\t]*:)[ \\t]*(${FORM_WORD}(?:,? ${FORM_WORD}){1,3})(?![A-Za-z'’-])`, 'g'),
    score: 0.75,
    group: 1,
  }],
  // an e-mail's "Subject: Thorley Streetwatch – next walk" is its title, not a record's subject
  validate: (v, text, start) => isNameFieldValue(v.replace(/,/g, '')) && v.split(/,? /).some(isListedNameWord) && !isMailSubject(text, start),
  minScore: 0.5,
};

const MAIL_HEADER_LINE = /(?:^|\n)[ \t>]*(?:From|To|Cc|Sent|Date|FROM|TO|CC|SENT|DATE)[ \t]*:/;
function isMailSubject(text: string, start: number): boolean {
  return /(?:Subject|SUBJECT)[ \t]*:[ \t]*$/.test(text.slice(Math.max(0, start - 12), start)) && MAIL_HEADER_LINE.test(text.slice(Math.max(0, start - 400), start));
}

/**
 * Records typed all in lower case ("driver: bethan llewellyn", "| ms ioana popescu |"): without capitals
 * only a label or a title marks the name, and a forename list must know its first word and, when there
 * are more, a surname list its last.
 */
export const lowerCaseNameRecognizer: Recognizer = {
  name: 'lower-case-name',
  entity: 'PERSON',
  description: 'A name typed in lower case after a title or a name field\'s label, both words known to the name lists',
  patterns: [
    {
      name: 'lower-titled',
      regex: /(?<![A-Za-z])(?:mr|mrs|ms|miss|mx)\.?[ \t]+([a-z][a-z'’]+(?:-[a-z][a-z'’]+)?(?:[ \t][a-z][a-z'’]+(?:-[a-z][a-z'’]+)?){1,2})(?![A-Za-z'’-])/g,
      score: 0.7,
    },
    {
      name: 'lower-labelled',
      regex: /:(?<=(?<![A-Za-z])(?:name|full name|driver|victim|perpetrator|suspect|offender|witness|complainant|defendant|detainee|keeper|caller|tenant|from|reply from|sent by|sender|reported by)[ \t]*:)[ \t]*([a-z][a-z'’]+(?:-[a-z][a-z'’]+)?(?:[ \t][a-z][a-z'’]+(?:-[a-z][a-z'’]+)?){1,2})(?![A-Za-z'’-])/g,
      score: 0.7,
      group: 1,
    },
  ],
  validate: (v) => isLowerCaseName(v),
  minScore: 0.5,
};

/** "margaret fenwick <mags.fenwick52@example.com>": a display name typed in lower case before its address. */
export const lowerCaseMailNameRecognizer: Recognizer = {
  name: 'lower-case-mail-name',
  entity: 'PERSON',
  trigger: 'at',
  description: 'A display name typed in lower case before an e-mail address in angle brackets',
  patterns: [{
    name: 'lower-display-name',
    regex: /(?<=(?:^|\n|[:;,])[ \t>]*"?)([a-z][a-z'’]+(?:-[a-z][a-z'’]+)?(?:[ \t][a-z][a-z'’]+(?:-[a-z][a-z'’]+)?){1,2})"?[ \t]*<[^<>@\s]+@/g,
    score: 0.7,
    group: 1,
  }],
  validate: (v) => isLowerCaseName(v),
  minScore: 0.5,
};

/**
 * A forename the lists know first; after a label or before an address in brackets any surname will do
 * ("from: margaret fenwick"), after a title alone ("mr smith is…") a list must know it too.
 */
function isLowerCaseName(v: string): boolean {
  const titled = /^(?:mr|mrs|ms|miss|mx)\.?[ \t]/.test(v);
  const words = v.replace(/^(?:mr|mrs|ms|miss|mx)\.?[ \t]+/, '').split(/[ \t]/);
  if (!FORENAMES.has(words[0]!) || !words.every(isNameWord)) return false;
  const last = words[words.length - 1]!;
  return SURNAMES.has(last) || (!titled && !STREET_TYPE_SET.has(last) && !ORG_WORDS.has(last));
}

/** A document property that names its writer ("Author:", "dc:creator =", "Last Modified By:"): staff, public-role. */
export const DOCUMENT_AUTHOR_LABEL = '[Aa]uthor|AUTHOR|(?:dc:)?creator|[Cc]reated [Bb]y|(?:Last )?[Mm]odified [Bb]y|(?:cp:)?lastModifiedBy|[Aa]pproved [Bb]y|[Rr]eviewed [Bb]y|[Pp]repared [Bb]y';
export const AUTHOR_LABEL_BEFORE = new RegExp(`(?:${DOCUMENT_AUTHOR_LABEL})[ \\t]*[:=][ \\t]*$`);

/** "Case: R v Harper", "R v. Tremayne and Cole": the Crown against a defendant, named by surname or in full. */
export const courtCaseNameRecognizer: Recognizer = {
  name: 'court-case-name',
  entity: 'PERSON',
  description: 'The defendant in a criminal case\'s title ("R v Harper")',
  patterns: [{
    name: 'crown-v',
    regex: new RegExp(`\\bR\\.? v\\.? (${FORM_WORD}(?: ${FORM_WORD})?)(?![A-Za-z'’-])`, 'g'),
    score: 0.75,
    group: 1,
  }],
  validate: isNameFieldValue,
  minScore: 0.5,
};

/** One word of a name as signed, accents (Latin-1 and Latin Extended: "Wiśniewska", "Öztürk") and Irish particles included ("Fionnuala", "Ní", "Bhriain", "Ó"). */
const SIGNED_WORD = "(?:[A-Z\\u00C0-\\u00DE\\u0100-\\u024F][a-z\\u00DF-\\u00FF\\u0100-\\u024F'’]+(?:-[A-Z\\u00C0-\\u00DE\\u0100-\\u024F][a-z\\u00DF-\\u00FF\\u0100-\\u024F'’]+)*|Ó|Ní|Nic|Mac|Ua)";

/**
 * "Kind regards,\nFionnuala Ní Bhriain": the line after a sign-off is the writer's name, whatever lists
 * know it. Staff sign with their role on the next line, which makes them public-role after detection.
 */
export const signOffNameRecognizer: Recognizer = {
  name: 'sign-off-name',
  entity: 'PERSON',
  description: 'The name on the line after a letter\'s or e-mail\'s sign-off ("Yours sincerely,", "Kind regards,")',
  patterns: [{
    name: 'signed-name',
    // matched from the line break, the sign-off read back: line breaks are far rarer than the sign-offs' capitals
    regex: new RegExp(`\\n(?<=\\b(?:Kind regards|Best regards|Warm regards|Regards|Yours sincerely|Yours faithfully|Yours truly|Many thanks|Best wishes)[ \\t]*,?[ \\t]*(?:\\r?\\n[ \\t]*)?\\r?\\n)[ \\t]*(?:\\r?\\n[ \\t]*)?(${SIGNED_WORD}(?: ${SIGNED_WORD}){1,3})[ \\t]*(?=\\r?\\n|$|,)`, 'g'),
    score: 0.75,
    group: 1,
  }],
  validate: isNameFieldValue,
  minScore: 0.5,
};

/**
 * "To: Dean Whitfield <d.whitfield@stevenage.example.gov.uk>", "From: Comfort Asante-Mensah [c.asante@…]":
 * the display name before an address in brackets. Whether it is public-role follows from the address.
 */
export const mailDisplayNameRecognizer: Recognizer = {
  name: 'mail-display-name',
  entity: 'PERSON',
  trigger: 'at',
  description: 'The display name before an e-mail address in angle or square brackets, as mail headers write it',
  patterns: [
    {
      name: 'display-name',
      regex: new RegExp(`(?<=(?:^|\\n|[:;,])[ \\t>]*"?)(${SIGNED_WORD}(?: ${SIGNED_WORD}){1,3})"?[ \\t]*[<\\[][^<>\\[\\]@\\s]+@[^<>\\[\\]\\s]+[>\\]]`, 'g'),
      score: 0.75,
      group: 1,
    },
    {
      // Outlook's directory form, surname first and a collar number after: "'Qadir, Imran (7034)' <imran.qadir@…>"
      name: 'display-name-surname-first',
      regex: new RegExp(`(?<=(?:^|\\n|[:;])[ \\t>]*["']?)(${SIGNED_WORD}, ${SIGNED_WORD}(?: ${SIGNED_WORD})?)(?<=[^'’])(?:[ \\t]+\\([A-Z]{0,3} ?\\d{2,6}\\))?["']?[ \\t]*[<\\[][^<>\\[\\]@\\s]+@[^<>\\[\\]\\s]+[>\\]]`, 'g'),
      score: 0.75,
      group: 1,
    },
  ],
  validate: (v) => isNameFieldValue(v.replace(/,/g, '')),
  minScore: 0.5,
};

/** "[Comment - Mark Ellery - 12/11/2026 10:04]", "[Reply - Jo Turnbull - …]": a document comment's author, as staff. */
export const commentAuthorRecognizer: Recognizer = {
  name: 'comment-author',
  entity: 'PERSON',
  description: 'The author named in a document comment or reply marker, as word processors export them',
  patterns: [{
    name: 'comment-author',
    // …and Word's own marker with the author in brackets: "Comment [JH1] (Jenny Hollis, Corporate Communications, …)"
    regex: new RegExp(`(?:\\[(?:Comment|COMMENT|Reply|REPLY)(?:[ \\t]+\\[?[A-Z]{1,3}\\d{1,3}\\]?)?[ \\t]*[-–:]|(?:Comment|COMMENT|Reply|REPLY)[ \\t]+\\[[A-Z]{1,3}\\d{1,3}\\][ \\t]*\\()[ \\t]*(${SIGNED_WORD}(?: ${SIGNED_WORD}){1,2})[ \\t]*[-–,)]`, 'g'),
    score: 0.75,
    group: 1,
    publicRole: 'allow:document-author',
  }],
  validate: isNameFieldValue,
  minScore: 0.5,
};

/** "Have you seen Chelsea Adeyemi-Brown?": the person a missing or wanted appeal asks about. */
export const appealNameRecognizer: Recognizer = {
  name: 'appeal-name',
  entity: 'PERSON',
  description: 'The name a missing-person or wanted appeal asks about ("Have you seen … ?", "Can you help us find … ?")',
  patterns: [{
    name: 'appeal-question',
    regex: new RegExp(`\\b(?:[Hh]ave you seen|HAVE YOU SEEN|help us (?:find|trace)|HELP US (?:FIND|TRACE))[ \\t]+(${SIGNED_WORD}(?: ${SIGNED_WORD}){0,3})[ \\t]*\\?`, 'g'),
    score: 0.75,
    group: 1,
  }],
  // "Have you seen Victoria Park?": a place or a landmark is no one
  validate: (v) => isNameFieldValue(v) && !UK_PLACES.has(v.toLowerCase()) && !(v.includes(' ') ? false : COMMON_CAPITALISED.has(v.toLowerCase())) && !/ (?:Park|Green|Common|Woods?|Hill|Gardens|Fields?|Meadows?|Lake|Beach|Estate)$/.test(v),
  minScore: 0.5,
};

/**
 * "used by a male known as "Tiny"", "a youth known only as Bones": the name someone goes by, where a
 * person is spoken of but not named. (After a named person, beside-names.ts takes the alias.)
 */
export const knownAsNameRecognizer: Recognizer = {
  name: 'known-as-name',
  entity: 'PERSON',
  description: 'The name an unnamed person goes by: "a male known as "Tiny"", "a youth known only as Bones"',
  patterns: [{
    name: 'person-known-as',
    // found from "known", the person word before it read back
    regex: new RegExp(`known(?<=\\b(?:male|female|man|woman|boy|girl|youth|lad|teenager|someone|individual|associate|dealer|person|suspect|offender)[ \\t]+known)(?:[ \\t]+only)?[ \\t]+as[ \\t]+["“'‘]?(${SIGNED_WORD}(?: ${SIGNED_WORD})?)["”'’]?(?![A-Za-z\\u00C0-\\u024F'’-])`, 'g'),
    score: 0.7,
    group: 1,
  }, {
    // "its the boy from 40 chapelfields, they call him Bazza": the name others use for someone unnamed
    name: 'person-called',
    regex: new RegExp(`\\bcall(?:s|ed|ing)?[ \\t]+(?:him|her|himself|herself)[ \\t]+["“'‘]?(${SIGNED_WORD})["”'’]?(?![A-Za-z\\u00C0-\\u024F'’-])`, 'g'),
    score: 0.7,
    group: 1,
  }],
  // "a man known as Chester", "someone known as Police": a place or a common word is no one's name
  validate: (v) => isNameFieldValue(v) && !UK_PLACES.has(v.toLowerCase()) && !(v.includes(' ') ? false : COMMON_CAPITALISED.has(v.toLowerCase())),
  minScore: 0.5,
};

/** "From: Jo Fairweather", "To: Sgt Amrit Gill": a mail header's name with no address beside it. */
export const mailHeaderNameRecognizer: Recognizer = {
  name: 'mail-header-name',
  entity: 'PERSON',
  description: 'The name in a From:, To: or Cc: header line that gives no address, as forwarded e-mails pasted into documents do',
  patterns: [{
    name: 'header-name',
    // found from the colon, the header's label read back
    regex: new RegExp(`:(?<=(?:^|\\n|[ \\t])(?:From|To|Cc|FROM|TO|CC)[ \\t]*:)[ \\t]*(?:${RANK_COLLAR} )?(${SIGNED_WORD}(?: ${SIGNED_WORD}){1,2})[ \\t]*(?=\\r?\\n|$|[ \\t]+(?:To|Cc|Sent|Date|Subject|TO|SENT|SUBJECT)[ \\t]*:)`, 'g'),
    score: 0.75,
    group: 1,
  }],
  validate: isNameFieldValue,
  minScore: 0.5,
};

/** Ranks a chat speaker may be saved or sign with: the collar ranks, and the superintendent or councillor on a ward group. */
const CHAT_RANK = `(?:${COLLAR_RANKS}|Supt|Cllr)`;

/**
 * A chat export's speaker: "[12/03/2026, 14:02] Bev: …" (WhatsApp on iPhone, Teams copied out),
 * "12/03/2026, 14:02 - Stan H: …" (WhatsApp on Android). The name is what the exporting phone had saved:
 * often a forename, a nickname or a forename and initial, which no name list could tell from a word.
 * A rank before it or in brackets after it ("PCSO Carys", "Owain Bevan (PC 2291)") makes it public-role.
 */
export const chatSpeakerNameRecognizer: Recognizer = {
  name: 'chat-speaker-name',
  entity: 'PERSON',
  description: 'The speaker at the start of a line of a chat export, after its date and time ("[12/03/2026, 14:02] Bev: …")',
  patterns: [{
    name: 'chat-speaker',
    // found from the date's first slash, the line start read back: slashes are rarer than line starts
    regex: new RegExp(`\\/(?<=(?:^|\\n)[ \\t]*\\[?\\d{1,2}\\/)\\d{1,2}\\/\\d{2,4},?[ \\t]+\\d{1,2}:\\d{2}(?::\\d{2})?(?:[ \\t]?[AaPp][Mm])?\\]?(?:[ \\t]+[-–])?[ \\t]+(?:${CHAT_RANK}[ \\t]+)?(${SIGNED_WORD}(?: ${SIGNED_WORD}){0,2}(?: [A-Z]\\.?)?)(?:[ \\t]+\\([^()\\n]{1,30}\\))?:[ \\t]`, 'g'),
    score: 0.75,
    group: 1,
  }],
  // "You" is the exporting phone's owner; "Messages and calls are end-to-end encrypted" has no colon after a name
  validate: (v) => v !== 'You' && isNameFieldValue(v.replace(/ [A-Z]\.?$/, '')),
  minScore: 0.5,
};
