/**
 * Regex + validator + hotword recognisers for the structured UK identifiers.
 * Scores: a pattern's base score; `validate` may drop or rescore; context adds `boost`.
 * `minScore` (default 0.4) then decides: a base score under it means "needs a context phrase".
 */
import type { HotwordWindow, Recognizer } from '../types.js';
import {
  isValidNino, isValidNhsNumber, nhsCheckDigitOk, isValidDrivingLicence, isPassportShape, vrmFormat, isRoadNumber,
  isValidCard, postcodeKind, isPlausibleDob,
} from '../validators.js';
import { pairedModulus } from '../bank.js';
import { VEHICLE_MAKES, VEHICLE_NOUNS } from '../gazetteer/lexicon.js';

/** A number shown as an example or a format ("your NI number looks like QQ 12 34 56 C", "NHS number (example format):  999 123 4527") is nobody's. */
// (not a bare "example": synthetic data and documentation live at example.com)
const EXAMPLE_BEFORE: HotwordWindow = {
  phrases: [
    'for example', 'an example', 'the example', 'own example', 'example number', 'example ni', 'e.g.', 'for instance', 'looks like', 'look like', 'in the format', 'format for', 'format is',
    'format:', 'dvla specimen', 'specimen licence', 'specimen card', 'specimen number', 'specimen shows', 'specimen:', 'example is', 'example:', 'example only', 'example reads', 'one example', 'another example',
    'card such as', 'number such as', 'numbers such as', '(example)', '(example format)', 'example format', '(specimen)', 'sample licence', 'sample card', 'dummy number', 'dummy card',
    // …and in the languages forces translate their leaflets into (Polish, Romanian, Lithuanian, Portuguese, Turkish, Somali, Welsh)
    'na przykład', 'przykład', 'de exemplu', 'exemplu', 'pavyzdys', 'pavyzdžiui', 'por exemplo', 'exemplo', 'örneğin', 'örnek', 'tusaale', 'enghraifft',
  ],
  windowBefore: 50, windowAfter: 0,
};
/** …or after it: "QQ 12 34 56 C is HMRC's specimen", "4111 1111 1111 1111 is a test card". */
const EXAMPLE_AFTER: HotwordWindow = { phrases: ["is hmrc's specimen", "hmrc's specimen", "dvla's specimen", 'is a specimen', 'is a test card', 'test card', 'test number', 'is an example', 'are examples', 'example only'], windowBefore: 0, windowAfter: 28 };
const EXAMPLE_OF = [EXAMPLE_BEFORE, EXAMPLE_AFTER] as const;

export const niNumberRecognizer: Recognizer = {
  name: 'uk-ni-number',
  entity: 'NI_NUMBER',
  trigger: 'digit',
  minDigits: 6, // three pairs of digits
  minDigitGroup: 6, // …joined by at most one space, hyphen or dot each
  description: 'National Insurance number: HMRC prefix rules, suffix A-D, with or without spaces/dashes',
  patterns: [
    // grouped by spaces, hyphens or dots ("WL.71.03.88.D" on typed-up forms), or wrapped over a line ("PW 62 18⏎44 A")
    { name: 'nino', regex: /\b[A-Z]{2}(?:(?:[ .-]|\r?\n)?\d{2}){3}(?:[ .-]|\r?\n)?[A-D]\b/g, score: 0.7 },
    { name: 'nino-any-case', regex: /\b[A-Za-z]{2}(?:[ .-]?\d{2}){3}[ .-]?[A-Da-d]\b/g, score: 0.3 },
    // forms and databases often drop the suffix letter: only straight after an NI label ("NI: AB123456")
    { name: 'nino-labelled-no-suffix', regex: /\b(?:NI|N\.I\.?|NINO|N\.I\.N\.O\.?|national insurance)(?:[ \t]+(?:no|number))?\.?[ \t]*[:-]?[ \t]*([A-Za-z]{2}(?:[ -]?\d{2}){3})(?![ -]?[A-Za-z0-9])/gi, score: 0.6, group: 1 },
  ],
  // a number without its suffix letter is checked as if it had one (the prefix rules are what can fail)
  validate: (v) => isValidNino(/\d$/.test(v) ? `${v}A` : v),
  context: { phrases: ['national insurance', 'ni number', 'ni no', 'nino', 'n.i.', 'insurance number', 'nat ins'], windowBefore: 60, windowAfter: 20, boost: 0.3, exclude: EXAMPLE_OF },
};

export const nhsNumberRecognizer: Recognizer = {
  name: 'uk-nhs-number',
  entity: 'NHS_NUMBER',
  trigger: 'digit',
  minDigits: 10, // ten digits, spaced or not
  minDigitRun: 4, // the last group of 3-3-4
  minDigitGroup: 10, // 3-3-4 joined by single spaces or hyphens
  description: 'NHS / CHI / H&C number: mod-11 check digit plus the issued ranges; unspaced or test-range numbers need a cue',
  patterns: [
    // (a PDF line may wrap it: "485 777⏎3457")
    { name: 'nhs-spaced', regex: /(?<![\d-])\d{3}(?:[ -]|\r?\n)\d{3}(?:[ -]|\r?\n)\d{4}(?![\d-])/g, score: 0.6 },
    { name: 'nhs-compact', regex: /(?<![\d-])\d{10}(?![\d-])/g, score: 0.3 },
    // Scotland's CHI number is often written as its date of birth and four digits: "CHI 010101 9017"
    { name: 'chi-date-spaced', regex: /\bCHI(?:[ \t]+(?:no|number))?\.?[ \t]*[:-]?[ \t]*(\d{6} \d{4})(?![\d-])/gi, score: 0.3, group: 1 },
  ],
  // Checksum always; outside the issued ranges (test range, documentation examples) only with an NHS cue.
  validate: (v) => {
    if (!nhsCheckDigitOk(v)) return false;
    return isValidNhsNumber(v, false) ? true : 0.3;
  },
  context: { phrases: ['nhs', 'nhs number', 'nhs no', 'national health service', 'chi', 'chi number', 'chi no', 'health and care number', 'h&c number', 'patient number', 'health number'], windowBefore: 60, windowAfter: 20, boost: 0.35, exclude: EXAMPLE_OF },
};

export const drivingLicenceRecognizer: Recognizer = {
  name: 'uk-driving-licence',
  entity: 'DRIVING_LICENCE',
  trigger: 'digit',
  minDigits: 7, // six date digits and one more
  minDigitRun: 6, // the DDMMYY-style block
  description: 'DVLA driving licence number (16 chars), surname block and a plausible encoded date of birth; a labelled 8-digit DVA (NI) licence',
  patterns: [
    // "MORGA753116SM9IJ", "MORGA 753116 SM9IJ", "RAGHU 758239 PA9 MX"
    { name: 'dvla', regex: /\b[A-Z9]{5} ?\d{6} ?[A-Z9]{2}\d ?[A-Z0-9]{2}(?: ?\d{2})?\b/g, score: 0.65 },
    { name: 'dvla-labelled-any-case', regex: /\b(?:dl|dvla|(?:driving )?licen[cs]e)(?:[ \t]+(?:no|number))?\.?[ \t]*[:-]?[ \t]*([a-z9]{5} ?\d{6} ?[a-z9]{2}\d ?[a-z0-9]{2})\b/gi, score: 0.65, group: 1 },
    // Northern Ireland (DVA) licences are eight digits, taken only after a label that names them
    { name: 'dva-ni-labelled', regex: /\b(?:(?:NI|N\. ?Ireland|Northern Ireland|DVA)[ \t]+(?:driving[ \t]+)?licen[cs]e|licen[cs]e[ \t]*\((?:NI|DVA|Northern Ireland)\))(?:[ \t]+(?:no|number))?\.?[ \t]*[:-]?[ \t]*(\d{8})(?![\d/-])/gi, score: 0.65, group: 1 },
  ],
  validate: (v) => /^\d{8}$/.test(v) || isValidDrivingLicence(v.replace(/\s+/g, '').slice(0, 16)),
  context: { phrases: ['driving licence', 'driving license', 'driver licence', 'licence number', 'licence no', 'dvla', 'driver number', 'driving licence number'], windowBefore: 60, windowAfter: 20, boost: 0.3, exclude: EXAMPLE_OF },
};

export const passportRecognizer: Recognizer = {
  name: 'uk-passport',
  entity: 'PASSPORT',
  trigger: 'digit',
  minDigits: 7, // AA9999999 has the fewest
  minDigitGroup: 7, // seven in a row, or nine in threes
  description: 'UK passport number (9 digits, or 2 letters + 7 digits, or 1 alnum + 8 digits), only with a passport cue',
  patterns: [
    { name: 'passport', regex: /(?:[A-Z](?<!\w[A-Z])[A-Z] ?\d{7}|[A-Z0-9](?<!\w[A-Z0-9])\d{8})\b/g, score: 0.3 },
    // digits written in groups: "passport no. 720 051 846", "512 345678", "1183 2290 5", "EA 482 9163", "PA 12 34 567"
    { name: 'passport-spaced', regex: /(?:(?<![A-Za-z0-9])[A-Z]{2} ?\d(?: ?\d){6}|(?<!\d[ -]?)\d(?: ?\d){8})(?![ -]?\d)/g, score: 0.3 },
  ],
  validate: (v) => isPassportShape(v),
  context: { phrases: ['passport', 'passport number', 'passport no', 'ppt', 'pp no', 'pp number', 'hmpo', 'hm passport office', 'travel document'], windowBefore: 60, windowAfter: 20, boost: 0.5, required: true, exclude: EXAMPLE_OF },
};

const VRM_CONTEXT = [
  'vehicle', 'vehicles', 'registration', 'reg', 'reg no', 'registration number', 'registration mark', 'number plate', 'number plates',
  'plate', 'plates', 'vrm', 'vrn', 'index', 'car', 'van', 'motorbike', 'motorcycle', 'moped', 'scooter', 'lorry', 'hgv', 'taxi', 'pick-up',
  'hatchback', 'saloon', 'estate car', 'driving', 'driven', 'drove', 'dvla', 'v5c', 'mot', 'anpr',
  ...VEHICLE_NOUNS,
  // makes, less those that are everyday words ("a man", "smart", "range")
  ...[...VEHICLE_MAKES].filter((m) => !['man', 'mini', 'smart', 'range', 'land', 'ds', 'mg', 'lotus', 'jaguar', 'austin', 'morris'].includes(m)),
];

/** Letters that, with a number beside them, are a make, a model or a police acronym rather than a dateless plate. */
const NOT_PLATE_LETTERS = new Set([
  'BMW', 'VW', 'KIA', 'MG', 'DS', 'DAF', 'MAN', 'JCB', 'GT', 'GTI', 'RS', 'ST', 'SE', 'XR', 'TDI', 'HDI', 'CRF', 'YZF', 'CBR', 'GSX', 'KTM',
  'VAT', 'ASB', 'PC', 'DC', 'DI', 'PS', 'SC', 'DCI', 'CID', 'RTC', 'CAD', 'CPN', 'CPW', 'ABC', 'FOI', 'NHS', 'HGV', 'MOT', 'AM', 'PM', 'UK', 'GB', 'EU',
  'SNT', 'CSE', 'DV', 'ID', 'TV', 'NFA', 'DOB', 'URN', 'OIC', 'IP', 'WIT', 'VRM', 'ANPR', 'MP', 'PCC', 'ACC', 'DCC', 'CC', 'HQ', 'AB',
  // police units' call signs: "car RPU 28", "ARV 12", "TAC 3"
  'RPU', 'ARV', 'TAC', 'TSG', 'DOG',
  // form abbreviations: "VEH 2", "LOC 3", "JCT 26", "REF 114"
  'VEH', 'LOC', 'JCT', 'REF', 'TEL', 'NO', 'INC', 'LOG', 'NPT', 'PAGE', 'SEC', 'ART', 'REG',
  // Acts cited with their year: "RTA 1988 s.5", "MDA 1971", "POA 1986"
  'RTA', 'MDA', 'POA', 'CJA', 'SOA', 'PHA', 'CDA', 'FA', 'TA', 'HRA', 'DPA', 'PCA',
  // months beside a day or a year: "12 NOV", "JAN 2024"
  'JAN', 'FEB', 'MAR', 'APR', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC',
]);

/** Makes and models whose letters and number read as a suffix-era mark: "BMW 320D", "Honda CBR 600F", "Suzuki GSX 750F". */
const MODEL_NOT_SUFFIX_PLATE = new Set(['BMW', 'KIA', 'DAF', 'MAN', 'TDI', 'HDI', 'CRF', 'YZF', 'CBR', 'GSX', 'KTM', 'VFR', 'XJR', 'FZR', 'RGV', 'NSR']);

/** The DVLA's and forms' example marks ("Reg: AB12 CDE" on a blank template). */
const EXAMPLE_PLATES = new Set(['AB12CDE', 'AB51ABC', 'AA19AAA']);

/** The word right before `start` (one space or tab between), lower case; '' when none. */
function wordBefore(text: string, start: number): string {
  const m = /([A-Za-z][A-Za-z-]*)[ \t]$/.exec(text.slice(Math.max(0, start - 24), start));
  return m ? m[1]!.toLowerCase() : '';
}

export const vehicleRegRecognizer: Recognizer = {
  name: 'uk-vehicle-reg',
  entity: 'VEHICLE_REG',
  trigger: 'digit',
  triggerReach: 6, // at most three letters and two spaces beside the digits ("LR68  WDF", "ABC 123")
  description: 'Vehicle registration marks: current (AB12 CDE), prefix, suffix, Northern Ireland and dateless; never road numbers',
  patterns: [
    // any case: a mark in lower case ("yd70 fmr", "VRM kx18fht") scores lower and needs a vehicle word (validate)
    // (OCR and typed forms may leave two spaces inside: "LR68  WDF")
    { name: 'vrm-current', regex: /\b[A-Z]{2}\d{2} {0,2}[A-Z]{3}\b/gi, score: 0.6 },
    { name: 'vrm-prefix', regex: /\b[A-Z]\d{1,3} ?[A-Z]{3}\b/g, score: 0.3 },
    { name: 'vrm-suffix', regex: /[A-Z](?<!\w[A-Z])[A-Z]{2} ?\d{1,3}[A-Z]\b/g, score: 0.3 },
    { name: 'vrm-ni', regex: /\b[A-Z]{0,2}[IZ] ?\d{1,4}\b/g, score: 0.25 },
    // not a grid reference ("grid SJ 867 945"), nor an Act and its year ("PRA 2002", "RTA 1988")
    // nor a reference written with slashes ("TOR 41/TOR/2024/3391")
    { name: 'vrm-dateless', regex: /(?:\d(?<!\w\d)\d{0,3} [A-Z]{2,3}|[A-Z](?<!\w[A-Z])[A-Z]{1,2} (?!(?:19|20)\d\d\b)\d{1,4})\b(?! \d|\/)/g, score: 0.15 },
  ],
  validate: (v, text, start) => {
    if (isRoadNumber(v) || EXAMPLE_PLATES.has(v.replace(/\s/g, '').toUpperCase())) return false;
    // "SY23 XXX": letters blanked out by a redaction
    if (/XXX/i.test(v)) return false;
    const f = vrmFormat(v);
    if (!f) return false;
    // "Yamaha YZ125", "Kawasaki KX 450": letters and digits straight after a make are its model
    if ((f === 'dateless' || f === 'northern-ireland') && VEHICLE_MAKES.has(wordBefore(text, start))) return false;
    if (f === 'northern-ireland' && v.replace(/\s/g, '').length < 4) return false;
    // "a BMW 3 Series", "41 ASB reports": the letters of a short mark that are a make or an acronym
    if ((f === 'dateless' || f === 'northern-ireland') && NOT_PLATE_LETTERS.has(v.replace(/[^A-Z]/g, ''))) return false;
    if (f === 'suffix' && MODEL_NOT_SUFFIX_PLATE.has(v.slice(0, 3))) return false;
    return v === v.toUpperCase() ? true : 0.3;
  },
  // "for example AB12 CDE, or for older vehicles A123 BCD": a format shown, not a vehicle
  context: { phrases: VRM_CONTEXT, windowBefore: 80, windowAfter: 40, boost: 0.35, exclude: EXAMPLE_OF },
};

const SORT_CODE_AND_ACCOUNT = /^\d{2}-\d{2}-\d{2}[ -]?\d{8}$/;

export const paymentCardRecognizer: Recognizer = {
  name: 'payment-card',
  entity: 'PAYMENT_CARD',
  trigger: 'digit',
  minDigits: 12, // a 13-digit PAN has a first digit and 11+ more
  minDigitGroup: 12, // …joined by at most one space or hyphen each
  description: 'Payment card number: 13-19 digits, Luhn and a known IIN range',
  patterns: [
    { name: 'pan', regex: /(?<![\d-])\d(?:[ -]?\d){11,18}(?![\d-])/g, score: 0.75 },
    // grouped by dots, as some people write it down: "2223.0031.2200.3222" (four groups of four only, not a version string)
    { name: 'pan-dotted', regex: /(?<![\d.])\d{4}\.\d{4}\.\d{4}\.\d{4}(?![\d.]|\.\d)/g, score: 0.75 },
  ],
  // "30-94-21 61208837" is a sort code and an account, whatever Luhn says: no card is written in pairs
  validate: (v) => !SORT_CODE_AND_ACCOUNT.test(v) && isValidCard(v),
  context: { phrases: ['card', 'card number', 'credit card', 'debit card', 'visa', 'mastercard', 'amex', 'maestro', 'pan'], windowBefore: 60, windowAfter: 20, boost: 0.2, exclude: EXAMPLE_OF },
};

/**
 * A sort code and account number that fail the modulus check together are still reported, with a
 * lower score: beside a banking cue they are someone's bank details, mistyped or made up, and a
 * leak detector that dropped them would hide exactly the pages it exists to find.
 */
const bankValidate = (kind: 'sort-code' | 'account') => (v: string, text: string, start: number): true | number =>
  pairedModulus(v, text, start, kind) === 'fail' ? 0.15 : true;

/** Two letters before and one suffix letter after: the six digits are an NI number's. */
const insideNino = (text: string, start: number, end: number): boolean =>
  /(?:^|[^A-Za-z])[A-Za-z]{2} $/.test(text.slice(Math.max(0, start - 4), start)) && /^ [A-Da-d](?![A-Za-z0-9/])/.test(text.slice(end, end + 3));

/** Accounts that are not at a bank: "supplier account 10048773", "customer account no." */
const NOT_A_BANK_ACCOUNT: HotwordWindow = { phrases: ['supplier account', 'customer account', 'client account', 'trade account', 'loyalty', 'membership', 'order number', 'purchase order', 'invoice', 'for example', 'e.g.', 'for instance'], windowBefore: 40, windowAfter: 0 };

const BANK_CONTEXT = ['sort code', 'sort-code', 's/c', 'account number', 'account no', 'acc no', 'a/c', 'bank account', 'bank details', 'account', 'bank', 'building society', 'iban'];

/** The sort codes forms and leaflets print as placeholders: "12-34-56", "00-00-00". */
const EXAMPLE_SORT_CODES = new Set(['123456', '000000']);

export const sortCodeRecognizer: Recognizer = {
  name: 'uk-sort-code',
  entity: 'BANK_ACCOUNT',
  trigger: 'digit',
  minDigits: 6, // NN-NN-NN
  minDigitGroup: 6,
  description: 'UK sort code (NN-NN-NN), only with a banking cue',
  patterns: [
    { name: 'sort-code', regex: /(?<![\d-])\d{2}[- ]\d{2}[- ]\d{2}(?![\d-])/g, score: 0.3 },
    { name: 'sort-code-dotted', regex: /(?<![\d.])\d{2}\.\d{2}\.\d{2}(?![\d.]|\.\d)/g, score: 0.3 },
    // six digits run together are a sort code only straight after its label: "Sort Code: 402115"
    { name: 'sort-code-labelled', regex: /\b(?:sort[ -]?code|s\/c)(?:[ \t]+(?:no|number))?\.?[ \t]*[:-]?[ \t]*(\d{6})(?![\d-])/gi, score: 0.3, group: 1 },
  ],
  // not the digits of an NI number written in lower case ("NI number yk 20 47 83 c"), nor the example sort code
  validate: (v, text, start) => !EXAMPLE_SORT_CODES.has(v.replace(/\D/g, '')) && !insideNino(text, start, start + v.length) && bankValidate('sort-code')(v, text, start),
  context: { phrases: BANK_CONTEXT, windowBefore: 40, windowAfter: 40, boost: 0.5, required: true, exclude: EXAMPLE_OF },
};

export const accountNumberRecognizer: Recognizer = {
  name: 'uk-account-number',
  entity: 'BANK_ACCOUNT',
  trigger: 'digit',
  minDigits: 8, // eight digits
  minDigitGroup: 8, // run together, or in fours after a label
  description: 'UK bank account number (6-10 digits, usually 8) with a banking cue; Vocalink modulus check against a nearby sort code',
  patterns: [
    { name: 'account', regex: /(?<![\d-])\d{8}(?![\d-])/g, score: 0.3 },
    // "Acc no ..... 4471 0385": in fours only straight after its label
    { name: 'account-labelled-fours', regex: /\b(?:account|acc|a\/c)\.?(?:[ \t]+(?:no|number))?\.?[ \t.:-]*(\d{4} \d{4})(?![\d-]| \d)/gi, score: 0.3, group: 1 },
  ],
  // "87654321", "12345678": the made-up accounts of leaflets and forms
  validate: (v, text, start) => !/^(?:12345678|87654321|00000000)$/.test(v.replace(/\D/g, '')) && bankValidate('account')(v, text, start),
  context: { phrases: BANK_CONTEXT, windowBefore: 40, windowAfter: 30, boost: 0.5, required: true, exclude: NOT_A_BANK_ACCOUNT },
};

/** Between a sort code and its account number in a row or a list: a cell border, a comma, a slash or spaces. */
const PAIR_GAP = '(?:[ \\t]*[|,;/][ \\t]*|[ \\t]+)';

/**
 * A sort code straight followed by an eight-digit account number ("| 16-00-38 | 27649015 |") is a
 * bank pair without any banking word: spreadsheets and exports carry bank details in bare columns.
 * A pair that fails the modulus check scores lower, and is dropped when its sort code reads as a date.
 */
export const bankPairRecognizer: Recognizer = {
  name: 'uk-bank-pair',
  entity: 'BANK_ACCOUNT',
  trigger: 'digit',
  minDigits: 14,
  minDigitRun: 8,
  description: 'UK sort code and account number side by side (NN-NN-NN then eight digits), modulus-checked',
  patterns: [
    { name: 'pair-sort-code', regex: new RegExp(`(?<![\\d-])\\d{2}-\\d{2}-\\d{2}(?=${PAIR_GAP}\\d{8}(?![\\d-]))`, 'g'), score: 0.65 },
    // the lookbehind sits after the digits, so it is only tried where eight digits stand
    { name: 'pair-account', regex: new RegExp(`(?<![\\d-])\\d{8}(?![\\d-])(?<=(?<![\\d-])\\d{2}-\\d{2}-\\d{2}${PAIR_GAP}\\d{8})`, 'g'), score: 0.65 },
  ],
  validate: (v, text, start) => {
    const isSortCode = /-/.test(v);
    if (pairedModulus(v, text, start, isSortCode ? 'sort-code' : 'account') !== 'fail') return true;
    // a pair failing the check is still someone's details, mistyped or made up, unless its "sort code"
    // reads as a date (DD-MM-YY) and the eight digits as a reference beside it in a log
    const code = isSortCode ? v : /(\d{2})-(\d{2})-(\d{2})(?=\D*$)/.exec(text.slice(Math.max(0, start - 16), start))?.[0] ?? '';
    const [dd, mm] = code.split('-').map(Number);
    return dd !== undefined && mm !== undefined && dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12 ? false : 0.5;
  },
};

/** Whether [start,end) stands between cell or list borders: "|" or "," before, "|", "," or a line end after. */
function inOwnCell(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  let j = end;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  return (i < 0 || text[i] === '|' || text[i] === ',') && (j >= text.length || text[j] === '|' || text[j] === ',' || text[j] === '\n' || text[j] === '\r');
}

export const postcodeRecognizer: Recognizer = {
  name: 'uk-postcode',
  entity: 'POSTCODE',
  trigger: 'digit',
  triggerReach: 6, // at most four letters and a space before the digits ("ASCN 1ZZ"), two letters after
  description: 'UK postcode: BS 7666 letter rules plus GIR 0AA, BFPO and overseas territories',
  patterns: [
    // any case: a postcode in lower case ("Postcode: hp2 7qx") scores lower and needs its cue (validate)
    { name: 'postcode', regex: /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/gi, score: 0.6 },
    { name: 'postcode-special', regex: /\b(?:GIR ?0AA|BFPO ?\d{1,4}|(?:ASCN|STHL|TDCU|BBND|BIQQ|FIQQ|SIQQ|PCRN|TKCA) ?1ZZ)\b/g, score: 0.6 },
  ],
  // a lower-case postcode standing as a whole cell or closing an address line of a lower-case record
  // ("| al1 4rj |", "12 bancroft, hitchin, sg5 1jw") needs no cue word
  validate: (v, text, start) => (postcodeKind(v) === null ? false : v === v.toUpperCase() ? true : inOwnCell(text, start, start + v.length) ? 0.5 : 0.3),
  context: { phrases: ['postcode', 'post code', 'address', 'lives', 'resides'], windowBefore: 40, windowAfter: 10, boost: 0.2, exclude: { phrases: ['e.g.', 'for example'], windowBefore: 12, windowAfter: 0 } },
};

export const emailRecognizer: Recognizer = {
  name: 'email',
  entity: 'EMAIL',
  trigger: 'at',
  description: 'E-mail address; force and public-body domains are public-role (decided after detection)',
  patterns: [{ name: 'email', regex: /(?<![A-Za-z0-9._%+'-])[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}\b/g, score: 0.9 }],
  // "Message-ID: <20261110084412.4471A@mail.herts.example>": a mail header's identifier, nobody's address
  context: { phrases: ['e-mail', 'email'], windowBefore: 20, windowAfter: 0, boost: 0, exclude: { phrases: ['message-id', 'in-reply-to', 'references'], windowBefore: 16, windowAfter: 0 } },
};

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const WEEKDAY_BEFORE: HotwordWindow = { phrases: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], windowBefore: 12, windowAfter: 0 };
/** A form's example line ("Example only – do not copy: … date of birth 01/01/1990"): nobody's birth date. */
const EXAMPLE_LINE_BEFORE: HotwordWindow = { phrases: ['example only', 'for example', 'e.g.', 'specimen'], windowBefore: 80, windowAfter: 0 };
const MONTH_MIXED = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
// records in capitals write "14 JUL 1985"
const MONTH_ALT = `${MONTH_MIXED}|${MONTH_MIXED.toUpperCase()}`;

/** A two-digit year is the latest past one ("87" → 1987, "09" → 2009). */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? n + (n > new Date().getUTCFullYear() % 100 ? 1900 : 2000) : n;
}

/** Parses the date shapes the DOB patterns match; returns [y, m, d] or null. */
export function parseDate(v: string): [number, number, number] | null {
  let m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$/.exec(v);
  if (m) {
    return [fullYear(m[3]!), Number(m[2]), Number(m[1])];
  }
  m = /^(\d{4})[-/.](\d{2})[-/.](\d{2})$/.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  m = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)?[ -]([A-Za-z]+),?[ -](\d{4}|\d{2})$/.exec(v);
  if (m && MONTHS[m[2]!.toLowerCase()]) return [fullYear(m[3]!), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])];
  m = /^([A-Za-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(v);
  if (m && MONTHS[m[1]!.toLowerCase()]) return [Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2])];
  return null;
}

/** A written date that could be a living person's birth date (real, past, at most 120 years ago), as UTC ms; else null. */
export function birthDate(value: string): number | null {
  const d = parseDate(value.replace(/\s*\/\s*/g, '/').replace(/^(\d{2}) (\d{2}) (\d{4})$/, '$1/$2/$3').replace(/\s+/g, ' '));
  if (!d) return null;
  const [y, mo, day] = d;
  // isPlausibleDob also checks the month and the day exist
  return isPlausibleDob(y, mo, day) ? Date.UTC(y, mo - 1, day) : null;
}

export const dateOfBirthRecognizer: Recognizer = {
  name: 'date-of-birth',
  entity: 'DATE_OF_BIRTH',
  trigger: 'digit',
  minDigits: 4, // 1/2/88 has the fewest
  description: 'A plausible past date with a birth cue nearby (DOB, born, date of birth, aged N)',
  patterns: [
    { name: 'dob-numeric', regex: /(?<![\d/.-])\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?![\d/-]|\.\d)/g, score: 0.3 },
    // forms filled in by hand and typed up, and OCR: "09 / 04 / 1958", "14/ 06/1990"
    { name: 'dob-numeric-spaced', regex: /(?<![\d/])\d{1,2} ?\/ ?\d{1,2} ?\/ ?\d{4}(?![\d/])/g, score: 0.3 },
    // a scanned form's boxes read back as spaces: "DOB: 15 02 1977" (the year must be a four-digit one)
    { name: 'dob-boxed', regex: /(?<!\d[ \t]?)\d{2} \d{2} (?:19|20)\d{2}(?![\d])/g, score: 0.3 },
    { name: 'dob-iso', regex: /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/g, score: 0.3 },
    // "1995/04/18" and "1995.04.18" (year first), "11-Dec-1976" (a database's date)
    { name: 'dob-year-first', regex: /(?<![\d/.])\d{4}([/.])\d{2}\1\d{2}(?![\d/]|\.\d)/g, score: 0.3 },
    { name: 'dob-day-mon-year', regex: new RegExp(`\\b\\d{1,2}-(?:${MONTH_ALT})-(?:\\d{4}|\\d{2})\\b`, 'g'), score: 0.3 },
    // "12 March 1987", and "12 Mar 87" as custody records write it (not "12 March 14:30")
    { name: 'dob-text', regex: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTH_ALT}),? (?:\\d{4}|\\d{2}(?![:.]\\d))\\b`, 'g'), score: 0.3 },
    { name: 'dob-text-us', regex: new RegExp(`\\b(?:${MONTH_ALT}) \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b`, 'g'), score: 0.3 },
  ],
  // under a year old is an event's date far more often than a baby's birth ("Age | 21/10/2026")
  validate: (v) => { const when = birthDate(v); return when !== null && Date.now() - when >= 365 * 86_400_000; },
  // "On Tuesday 9th September 2026": a date with its weekday is an event's
  // (and the cues of translated statements and forms: Polish, Romanian, Lithuanian, Portuguese, Turkish, Somali, Welsh)
  context: {
    phrases: ['date of birth', 'dob', 'd.o.b', 'born', 'born on', 'birth date', 'birthdate', 'birthday', 'aged', 'age',
      'data urodzenia', 'urodzony', 'urodzona', 'data nașterii', 'data nasterii', 'născut', 'născută', 'nascut', 'nascuta', 'gimimo data', 'gim', 'gimęs', 'gimusi',
      'data de nascimento', 'nascido', 'nascida', 'doğum tarihi', 'doğum', 'taariikhda dhalashada', 'dhalashada', 'dyddiad geni', 'ganwyd'],
    windowBefore: 40, windowAfter: 15, boost: 0.5, required: true, exclude: [WEEKDAY_BEFORE, EXAMPLE_LINE_BEFORE],
  },
};

export const STRUCTURED_RECOGNIZERS: Recognizer[] = [
  niNumberRecognizer, nhsNumberRecognizer, drivingLicenceRecognizer, passportRecognizer, vehicleRegRecognizer,
  paymentCardRecognizer, sortCodeRecognizer, accountNumberRecognizer, bankPairRecognizer, postcodeRecognizer, emailRecognizer, dateOfBirthRecognizer,
];
