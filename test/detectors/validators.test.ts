import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  isValidNino, nhsCheckDigitOk, isValidNhsNumber, nhsRange, isValidDrivingLicence, isPassportShape, vrmFormat, isRoadNumber,
  luhnOk, cardScheme, isValidCard, postcodeKind, isPlausibleDob,
} from '../../detectors/validators.js';
import { modulusOk } from '../../detectors/bank.js';
import { isValidGbPhone, isDramaNumber, nationalDigits } from '../../detectors/recognizers/phone.js';

const letters = (set: string) => fc.constantFrom(...set.split(''));
const digitsOf = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

// ---------------------------------------------------------------- NI number
const NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const BAD = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

test('NI: every allowed prefix with 6 digits and suffix A-D is valid, with any spacing', () => {
  fc.assert(fc.property(letters(NINO_FIRST), letters(NINO_SECOND), digitsOf(6), letters('ABCD'), fc.constantFrom('', ' ', '-'), (a, b, d, s, sep) => {
    fc.pre(!BAD.has(a + b));
    const v = [a + b, d.slice(0, 2), d.slice(2, 4), d.slice(4), s].join(sep);
    assert.equal(isValidNino(v), true, v);
  }));
});

test('NI: forbidden first/second letters, excluded prefixes and suffixes E-Z are invalid', () => {
  fc.assert(fc.property(letters('DFIUV'), letters('ABCEGH'), digitsOf(6), (a, b, d) => {
    assert.equal(isValidNino(`${a}${b}${d}A`), false);
    assert.equal(isValidNino(`${b}${a}${d}A`), false);
  }));
  for (const p of BAD) assert.equal(isValidNino(`${p}123456A`), false);
  assert.equal(isValidNino('AB123456E'), false);
  assert.equal(isValidNino('AO123456A'), false, 'O is never second');
  assert.equal(isValidNino('QQ 12 34 56 C'), true, "HMRC's specimen prefix is accepted");
});

// ---------------------------------------------------------------- NHS number
function withCheckDigit(nine: string): string | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  let c = 11 - (sum % 11);
  if (c === 11) c = 0;
  return c === 10 ? null : nine + c;
}

test('NHS: numbers with a correct mod-11 digit in the issued English range are valid; any single-digit change is caught', () => {
  fc.assert(fc.property(fc.integer({ min: 400, max: 799 }), digitsOf(6), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (head, rest, pos, delta) => {
    fc.pre(head < 500 || head >= 600);
    const n = withCheckDigit(`${head}${rest}`);
    fc.pre(n !== null);
    assert.equal(isValidNhsNumber(n!), true, n!);
    assert.equal(nhsRange(n!), 'england-wales-iom');
    const mutated = n!.slice(0, pos) + ((Number(n![pos]) + delta) % 10) + n!.slice(pos + 1);
    assert.equal(nhsCheckDigitOk(mutated), false, 'mod 11 detects every single-digit error');
  }));
});

test('NHS: checksum-valid numbers outside issued ranges (and 0000000000) are rejected; test range only when allowed', () => {
  const n = withCheckDigit('900000001');
  if (n) assert.equal(isValidNhsNumber(n), false);
  assert.equal(isValidNhsNumber('0000000000'), false);
  const t = ['999123456', '999000001', '999000002', '999000003'].map(withCheckDigit).find((x) => x !== null)!;
  assert.equal(isValidNhsNumber(t, true), true);
  assert.equal(isValidNhsNumber(t, false), false);
  assert.equal(isValidNhsNumber('943 476 5919'), false, 'documentation example, 943 is not an issued range');
  assert.equal(nhsCheckDigitOk('943 476 5919'), true);
});

// ---------------------------------------------------------------- driving licence
function licenceFor(surname: string, dob: Date, female: boolean, initials: string): string {
  const s = (surname.toUpperCase().replace(/[^A-Z]/g, '') + '99999').slice(0, 5);
  const y = dob.getUTCFullYear();
  const m = dob.getUTCMonth() + 1 + (female ? 50 : 0);
  const d = dob.getUTCDate();
  return `${s}${String(y).slice(2, 3)}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(y).slice(3)}${(initials + '9').slice(0, 2)}9AB`;
}

test('DVLA licence: a number built from a plausible DOB is valid; impossible dates are not', () => {
  const now = new Date('2026-11-27T00:00:00Z');
  fc.assert(fc.property(
    fc.stringMatching(/^[A-Z]{1,8}$/), fc.date({ min: new Date('1930-01-01'), max: new Date('2008-12-31'), noInvalidDate: true }), fc.boolean(), fc.stringMatching(/^[A-Z]{1,2}$/),
    (surname, dob, female, initials) => {
      assert.equal(isValidDrivingLicence(licenceFor(surname, dob, female, initials), now), true);
    }));
  assert.equal(isValidDrivingLicence('MORGA753116SM9IJ', now), true);
  assert.equal(isValidDrivingLicence('MORGA713116SM9IJ', now), false, 'month 13');
  assert.equal(isValidDrivingLicence('MORGA702316SM9IJ', now), false, '31 February');
  assert.equal(isValidDrivingLicence('MORGA702286SM9IJ', now), true, '28 February 1976');
  assert.equal(isValidDrivingLicence('MO9GA753116SM9IJ', now), false, '9 padding only at the end');
  assert.equal(isValidDrivingLicence('MORGA753116SM9I', now), false);
});

// ---------------------------------------------------------------- passport
test('passport shapes: 9 digits, AA9999999, X99999999; trivial sequences rejected', () => {
  for (const v of ['502135326', 'AB1234567', 'C12345678']) assert.equal(isPassportShape(v), true, v);
  for (const v of ['111111111', '123456789', '12345678', 'ABC123456']) assert.equal(isPassportShape(v), false, v);
});

// ---------------------------------------------------------------- vehicle registration
test('VRM: current marks with an issued age identifier are valid; road numbers never are', () => {
  const now = new Date('2026-11-27T00:00:00Z');
  fc.assert(fc.property(letters('ABCDEFGHJKLMNOPRSTUVWXY'), letters('ABCDEFGHJKLMNOPRSTUVWXY'), fc.constantFrom('02', '10', '19', '26', '51', '60', '75', '76'), fc.stringMatching(/^[A-HJ-PR-Z]{3}$/), (a, b, age, rnd) => {
    assert.equal(vrmFormat(`${a}${b}${age} ${rnd}`, now), 'current');
  }));
  assert.equal(vrmFormat('AB27 CDE', now), null, '27 not issued until March 2027');
  assert.equal(vrmFormat('AB77 CDE', now), null, '77 = Sep 2027, not yet issued');
  assert.equal(vrmFormat('A123 BCD'), 'prefix');
  assert.equal(vrmFormat('ABC 123D'), 'suffix');
  assert.equal(vrmFormat('LFZ 1234'), 'northern-ireland');
  fc.assert(fc.property(fc.constantFrom('A', 'B', 'M'), fc.integer({ min: 1, max: 9999 }), (l, n) => {
    assert.equal(isRoadNumber(`${l}${n}`), true);
  }));
  assert.equal(isRoadNumber('A1(M)'), true);
});

// ---------------------------------------------------------------- cards
function luhnComplete(body: string): string {
  for (let d = 0; d < 10; d++) if (luhnOk(body + d)) return body + d;
  throw new Error('unreachable');
}

test('cards: Luhn-completed numbers with a known IIN are valid; any single-digit change breaks Luhn', () => {
  fc.assert(fc.property(fc.constantFrom('4', '51', '55', '2221', '34', '37', '6011'), digitsOf(16), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (iin, rest, pos, delta) => {
    const len = iin === '34' || iin === '37' ? 15 : 16;
    const n = luhnComplete((iin + rest).slice(0, len - 1));
    assert.notEqual(cardScheme(n), null, n);
    assert.equal(isValidCard(n), true, n);
    const m = n.slice(0, pos) + ((Number(n[pos]) + delta) % 10) + n.slice(pos + 1);
    assert.equal(luhnOk(m), false);
  }));
  assert.equal(isValidCard('4111 1111 1111 1111'), true);
  assert.equal(isValidCard('4111 1111 1111 1112'), false);
  assert.equal(isValidCard('0000 0000 0000 0000'), false);
  assert.equal(isValidCard('9111 1111 1111 1116'), false, 'no scheme starts with 9');
});

// ---------------------------------------------------------------- bank
test('bank: Vocalink modulus check accepts published valid pairs and rejects invalid ones; unknown sort codes pass', () => {
  for (const [sc, acc] of [['089999', '66374958'], ['180002', '00000190'], ['309070', '02355688'], ['086090', '06774744']]) assert.equal(modulusOk(sc!, acc!), true, `${sc} ${acc}`);
  for (const [sc, acc] of [['089999', '66374959'], ['938063', '15763217'], ['107999', '88837493']]) assert.equal(modulusOk(sc!, acc!), false, `${sc} ${acc}`);
  assert.equal(modulusOk('99-99-99', '12345678'), true, 'no rule for the sort code: presumed valid');
});

// ---------------------------------------------------------------- postcode
test('postcode: BS 7666 letter rules, with and without the space, plus special cases', () => {
  const first = 'ABCDEFGHIJKLMNOPRSTUWYZ';
  const second = 'ABCDEFGHKLMNOPQRSTUVWXY';
  const inward = 'ABDEFGHJLNPQRSTUWXYZ';
  fc.assert(fc.property(letters(first), letters(second), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 9 }), letters(inward), letters(inward), fc.boolean(), (a, b, d, n, x, y, space) => {
    assert.equal(postcodeKind(`${a}${b}${d}${space ? ' ' : ''}${n}${x}${y}`), 'standard');
    assert.equal(postcodeKind(`${a}${d % 10}${space ? ' ' : ''}${n}${x}${y}`), 'standard');
  }));
  fc.assert(fc.property(letters('QVX'), fc.integer({ min: 1, max: 9 }), (q, d) => assert.equal(postcodeKind(`${q}${d} 1AA`), null)));
  fc.assert(fc.property(letters('CIKMOV'), (c) => assert.equal(postcodeKind(`SW1A 1A${c}`), null)));
  assert.equal(postcodeKind('AI1 1AA'), null, 'I never second');
  assert.equal(postcodeKind('GIR 0AA'), 'special');
  assert.equal(postcodeKind('BFPO 1234'), 'bfpo');
  assert.equal(postcodeKind('STHL 1ZZ'), 'special');
  assert.equal(postcodeKind('SW1A 1AA'), 'standard');
  assert.equal(postcodeKind('EC1A 1BB'), 'standard');
  assert.equal(postcodeKind('HP2 7QX'), 'standard');
});

// ---------------------------------------------------------------- phones and dates
test('phones: Ofcom drama ranges are valid GB numbers even where libphonenumber disagrees; short codes are not', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 999 }), (n) => {
    const x = String(n).padStart(3, '0');
    for (const v of [`07700900${x}`, `01632960${x}`, `02079460${x}`]) {
      assert.equal(isDramaNumber(v), true);
      assert.equal(isValidGbPhone(v), true);
    }
  }));
  assert.equal(nationalDigits('+44 (0)7700 900123'), '07700900123');
  assert.equal(isValidGbPhone('101'), false);
  assert.equal(isValidGbPhone('0800555111'), true);
});

test('DOB plausibility: real past dates within 120 years only', () => {
  const now = new Date('2026-11-27T00:00:00Z');
  assert.equal(isPlausibleDob(1985, 3, 12, now), true);
  assert.equal(isPlausibleDob(1985, 2, 30, now), false);
  assert.equal(isPlausibleDob(2027, 1, 1, now), false);
  assert.equal(isPlausibleDob(1850, 1, 1, now), false);
});
