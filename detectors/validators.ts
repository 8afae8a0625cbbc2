/**
 * Pure validators for UK identifiers. Each takes the matched value (any spacing) and says
 * whether it could be a real one. Rules: ../shared/reference/uk-pii-detection.md §4.
 */

const compact = (v: string): string => v.replace(/[\s\-.]/g, '').toUpperCase();

// ---------------------------------------------------------------------------
// National Insurance number (HMRC NIM39110)

const NINO_BAD_FIRST = new Set('DFIQUV'.split(''));
const NINO_BAD_SECOND = new Set('DFIOQUV'.split(''));
const NINO_BAD_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
/** HMRC's own published example prefix; synthetic data uses it, so it is accepted (reason "specimen"). */
export const NINO_SPECIMEN_PREFIX = 'QQ';

export function isValidNino(value: string): boolean {
  const v = compact(value);
  if (!/^[A-Z]{2}\d{6}[A-D]$/.test(v)) return false;
  const prefix = v.slice(0, 2);
  if (prefix === NINO_SPECIMEN_PREFIX) return true;
  if (NINO_BAD_FIRST.has(prefix[0]!) || NINO_BAD_SECOND.has(prefix[1]!)) return false;
  return !NINO_BAD_PREFIX.has(prefix);
}

// ---------------------------------------------------------------------------
// NHS number: mod 11 plus the issued ranges

export function nhsCheckDigitOk(value: string): boolean {
  const v = value.replace(/\D/g, '');
  if (v.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(v[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === Number(v[9]);
}

export type NhsRange = 'england-wales-iom' | 'scotland-chi' | 'northern-ireland' | 'roi-ihi' | 'test' | null;

export function nhsRange(value: string): NhsRange {
  const v = value.replace(/\D/g, '');
  if (v.length !== 10) return null;
  const head = Number(v.slice(0, 3));
  if ((head >= 400 && head <= 499) || (head >= 600 && head <= 799)) return 'england-wales-iom';
  if (head >= 320 && head <= 399) return 'northern-ireland';
  if (head >= 800 && head <= 859) return 'roi-ihi';
  if (head === 999) return 'test';
  const n = Number(v);
  if (n >= 101000000 && n <= 3112999999) {
    // CHI: DDMMYY + 4; the date part must be a real day
    const dd = Number(v.slice(0, 2));
    const mm = Number(v.slice(2, 4));
    if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= daysInMonth(mm, 2000)) return 'scotland-chi';
  }
  return null;
}

/** Valid NHS/CHI/H&C number: checksum and an issued (or test) range. */
export function isValidNhsNumber(value: string, allowTestRange = true): boolean {
  if (!nhsCheckDigitOk(value)) return false;
  const range = nhsRange(value);
  if (range === null) return false;
  return range !== 'test' || allowTestRange;
}

// ---------------------------------------------------------------------------
// Dates

export function daysInMonth(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isPlausibleDob(year: number, month: number, day: number, now = new Date()): boolean {
  if (!(month >= 1 && month <= 12)) return false;
  if (!(day >= 1 && day <= daysInMonth(month, year))) return false;
  const thisYear = now.getUTCFullYear();
  if (year < thisYear - 120 || year > thisYear) return false;
  return Date.UTC(year, month - 1, day) <= now.getTime();
}

// ---------------------------------------------------------------------------
// DVLA driving licence (GB): SSSSS D MM DD Y II 9 CC

export function isValidDrivingLicence(value: string, now = new Date()): boolean {
  const v = compact(value);
  const m = /^([A-Z9]{5})(\d)(\d{2})(\d{2})(\d)([A-Z9]{2})(\d)([A-Z0-9]{2})$/.exec(v);
  if (!m) return false;
  const [, surname, decade, mm, dd, yearDigit, initials] = m as unknown as string[];
  // surname is padded with 9s on the right only, and needs at least one letter
  if (!/^[A-Z]+9*$/.test(surname!)) return false;
  if (!/^[A-Z]9?$|^[A-Z]{2}$|^99$/.test(initials!)) return false;
  let month = Number(mm);
  if (month > 50) month -= 50; // women: month + 50
  const day = Number(dd);
  const yy = Number(`${decade}${yearDigit}`);
  // The licence holds a two-digit year: choose the century that gives a plausible holder (16..110).
  const thisYear = now.getUTCFullYear();
  const candidates = [1900 + yy, 2000 + yy].filter((y) => thisYear - y >= 15 && thisYear - y <= 110);
  return candidates.some((y) => isPlausibleDob(y, month, day, now));
}

// ---------------------------------------------------------------------------
// Passport (HMPO shapes): 9 digits, or 2 letters + 7 digits, or 1 letter/digit + 8 digits

export function isPassportShape(value: string): boolean {
  const v = compact(value);
  if (/^\d{9}$/.test(v)) return !/^(\d)\1{8}$/.test(v) && v !== '123456789';
  return /^[A-Z]{2}\d{7}$/.test(v) || /^[A-Z0-9]\d{8}$/.test(v);
}

// ---------------------------------------------------------------------------
// Vehicle registration marks (DVLA + DVA Northern Ireland)

export type VrmFormat = 'current' | 'prefix' | 'suffix' | 'northern-ireland' | 'dateless';

/** Current 2001+ age identifiers issued so far: March = YY, September = YY + 50. */
function currentAgeIdentifierOk(age: number, now: Date): boolean {
  const yy = now.getUTCFullYear() % 100;
  const sepIssued = now.getUTCMonth() >= 8;
  if (age >= 2 && age <= 49) return age <= yy; // 02 = Mar 2002
  if (age === 51) return true; // Sep 2001
  if (age >= 52 && age <= 99) return age - 50 < yy || (age - 50 === yy && sepIssued);
  return false;
}

export function vrmFormat(value: string, now = new Date()): VrmFormat | null {
  const v = compact(value);
  // current: AB12 CDE; I, Q not used; Z only in random letters
  let m = /^([A-HJ-PR-Y]{2})(\d{2})([A-HJ-PR-Z]{3})$/.exec(v);
  if (m) return currentAgeIdentifierOk(Number(m[2]), now) ? 'current' : null;
  // prefix 1983-2001: A123 BCD; age letters exclude I, O, Q, U, Z
  if (/^[A-HJ-NPR-TV-Y]\d{1,3}[A-HJ-PR-Y][A-HJ-PR-Z]{2}$/.test(v)) return 'prefix';
  // suffix 1963-83: ABC 123D
  if (/^[A-HJ-PR-Y][A-HJ-PR-Z]{2}\d{1,3}[A-HJ-NPR-TV-Y]$/.test(v)) return 'suffix';
  // Northern Ireland: 1-3 letters including I or Z then up to 4 digits (AAZ 1234, LIZ 123)
  m = /^([A-Z]{1,3})(\d{1,4})$/.exec(v);
  if (m && /[IZ]/.test(m[1]!) && m[1]!.length >= 2 && Number(m[2]) > 0) return 'northern-ireland';
  // dateless GB: 1234 AB, AB 1234 (only with a vehicle cue; caller decides)
  if (/^\d{1,4}[A-HJ-PR-Y]{1,3}$/.test(v) || /^[A-HJ-PR-Y]{1,3}\d{1,4}$/.test(v)) return 'dateless';
  return null;
}

/** Road numbers (A505, M25, B1000, A1(M)) are never plates. */
export function isRoadNumber(value: string): boolean {
  return /^[ABM]\d{1,4}(\(M\))?$/.test(compact(value));
}

// ---------------------------------------------------------------------------
// Payment cards: Luhn + IIN

export function luhnOk(digits: string): boolean {
  const v = digits.replace(/\D/g, '');
  if (v.length < 12) return false;
  let sum = 0;
  let dbl = false;
  for (let i = v.length - 1; i >= 0; i--) {
    let d = v.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

export type CardScheme = 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners' | 'maestro' | 'unionpay';

export function cardScheme(digits: string): CardScheme | null {
  const v = digits.replace(/\D/g, '');
  const len = v.length;
  const p2 = Number(v.slice(0, 2));
  const p3 = Number(v.slice(0, 3));
  const p4 = Number(v.slice(0, 4));
  const p6 = Number(v.slice(0, 6));
  if (v[0] === '4' && (len === 13 || len === 16 || len === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && len === 15) return 'amex';
  if ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) && len >= 16 && len <= 19) return 'discover';
  if (p4 >= 3528 && p4 <= 3589 && len >= 16 && len <= 19) return 'jcb';
  if ((p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305) || p2 === 30) && len >= 14 && len <= 19) return 'diners';
  if ((p2 === 50 || (p2 >= 56 && p2 <= 69)) && len >= 12 && len <= 19) return 'maestro';
  if (p2 === 62 && len >= 16 && len <= 19) return 'unionpay';
  return null;
}

export function isValidCard(value: string): boolean {
  const v = value.replace(/\D/g, '');
  if (/^(\d)\1+$/.test(v)) return false;
  return cardScheme(v) !== null && luhnOk(v);
}

// ---------------------------------------------------------------------------
// Postcode: BS 7666 letter rules plus the special cases

const POSTCODE_RULES = [
  /^[A-PR-UWYZ]\d[\dA-HJKSTUW]?\d[ABD-HJLNP-UW-Z]{2}$/, // A9 9AA, A99 9AA, A9A 9AA
  /^[A-PR-UWYZ][A-HK-Y]\d[\dABEHMNPRV-Y]?\d[ABD-HJLNP-UW-Z]{2}$/, // AA9 9AA, AA99 9AA, AA9A 9AA
];
const SPECIAL_POSTCODES = new Set(['GIR0AA', 'ASCN1ZZ', 'STHL1ZZ', 'TDCU1ZZ', 'BBND1ZZ', 'BIQQ1ZZ', 'FIQQ1ZZ', 'SIQQ1ZZ', 'PCRN1ZZ', 'TKCA1ZZ', 'GX111AA', 'SANTA1', 'XM45HQ']);

export type PostcodeKind = 'standard' | 'special' | 'bfpo' | 'nhs-pseudo';

export function postcodeKind(value: string): PostcodeKind | null {
  const v = compact(value);
  if (SPECIAL_POSTCODES.has(v)) return 'special';
  if (/^BFPO\d{1,4}$/.test(v)) return 'bfpo';
  if (/^ZZ99\d[A-Z]{2}$/.test(v)) return 'nhs-pseudo';
  // BX non-geographic codes (BX1 1LT etc.) follow the standard letter rules except B-X pairing
  if (/^BX\d{1,2}\d[A-Z]{2}$/.test(v)) return 'standard';
  return POSTCODE_RULES.some((r) => r.test(v)) ? 'standard' : null;
}

export const isValidPostcode = (value: string): boolean => postcodeKind(value) !== null;
