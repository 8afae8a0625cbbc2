import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from '../../detectors/index.js';

const values = (text: string, entity: string, ctx = {}): string[] =>
  detect(text, ctx).findings.filter((f) => f.entity === entity).map((f) => f.value);

test('repeat mentions: a lone surname or forename of a person named in full earlier in the text is PERSON too', () => {
  const text = "Kenneth Ablewhite-Nkemelu, 31, of Carrow Road, Hitchin, was jailed. Ablewhite-Nkemelu had denied it. Police said Kenneth's account was false.";
  assert.deepEqual(values(text, 'PERSON'), ['Kenneth Ablewhite-Nkemelu', 'Ablewhite-Nkemelu', 'Kenneth']);
  // the later mention carries the same severity as the full name (a case record)
  const r = detect(text);
  assert.deepEqual(new Set(r.findings.filter((f) => f.entity === 'PERSON').map((f) => f.severity)).size, 1);
});

test('repeat mentions: titles join the surname; streets, places and other names sharing the word are left alone', () => {
  const text = 'Victim: Mrs Ottilie Pemberton-Vance, 8 Kestrel Way. Mrs Pemberton-Vance was not hurt. Youths gather on Ottilie Close and near Pemberton-Vance Court.';
  assert.deepEqual(values(text, 'PERSON'), ['Mrs Ottilie Pemberton-Vance', 'Mrs Pemberton-Vance']);
});

test('repeat mentions: an officer named with a rank stays public-role when named again', () => {
  const r = detect('PC Rhodri Mathias joined in 2015. Mathias now leads the rural crime team.');
  const people = r.findings.filter((f) => f.entity === 'PERSON');
  assert.deepEqual(people.map((f) => f.value), ['Rhodri Mathias', 'Mathias']);
  assert.ok(people.every((f) => f.publicRole && f.severity === 'low'));
});

test('repeat mentions: an ALL-CAPS table forename alone is not followed up, and no mention without a full name', () => {
  assert.deepEqual(values('AGNIESZKA NOWAK | Victim | Agnieszka reported it', 'PERSON', { kind: 'table-row' }).length, 1);
  assert.deepEqual(values('Mathias said the rota will change.', 'PERSON'), []);
});

test('postcode-anchored addresses: streets with no street-type word and house names, up to the postcode', () => {
  assert.deepEqual(values('Complainant Mr Idris Bakare, 31 Longcroft, Royston SG8 9QT, tel withheld.', 'ADDRESS'), ['31 Longcroft, Royston SG8 9QT']);
  assert.deepEqual(values('Suspect of The Old Bakehouse, Back Street, Ashwell SG7 5PE, arrested.', 'ADDRESS'), ['The Old Bakehouse, Back Street, Ashwell SG7 5PE']);
  assert.deepEqual(values('MAPLE BARN, HIGH STREET, BARLEY, SG8 8HY | victim', 'ADDRESS', { kind: 'table-row' }), ['MAPLE BARN, HIGH STREET, BARLEY, SG8 8HY']);
  // a town and postcode alone is no house: stays a postcode; a date before it is not a house number
  assert.deepEqual(values('Office hours in Royston SG8 9QT only.', 'ADDRESS'), []);
  const dob = detect('DOB 12/04/1977, of The Granary, Mill End, Sandon SG9 0RW');
  assert.deepEqual(dob.findings.map((f) => [f.entity, f.value]), [['DATE_OF_BIRTH', '12/04/1977'], ['ADDRESS', 'The Granary, Mill End, Sandon SG9 0RW']]);
});

test('"<age>) of <number> <area>, <town>" is a home address without a street type', () => {
  assert.deepEqual(values('Contracts were signed by Owen Threlfall (16) of 12 Chells, Stevenage and his mother.', 'ADDRESS'), ['12 Chells, Stevenage']);
});

test('birth date in a table row with no header in view: the oldest whole-cell date in a row naming a person', () => {
  const row = '41/55120/24 | 03/03/2024 | DZIEDZIC, Bartosz | 14/07/1990 | 5 ASH GROVE, WARE | Suspect';
  const r = detect(row, { kind: 'table-row' });
  assert.deepEqual(r.findings.filter((f) => f.entity === 'DATE_OF_BIRTH').map((f) => f.value), ['14/07/1990']);
  // no person in the row, or prose rather than a table: no guess
  assert.deepEqual(values('41/55120/24 | 03/03/2024 | 14/07/1990 | Closed', 'DATE_OF_BIRTH', { kind: 'table-row' }), []);
  assert.deepEqual(values('Bartosz Dziedzic was seen on 14/07/1990 in Ware.', 'DATE_OF_BIRTH'), []);
  // only recent dates: nothing is old enough to be a birth date
  assert.deepEqual(values('41/55120/24 | 03/03/2024 | DZIEDZIC, Bartosz | 09/05/2024 | Suspect', 'DATE_OF_BIRTH', { kind: 'table-row' }), []);
});

test('vehicles, landmarks, place prefixes and person-named shops are not people; the same words as names still are', () => {
  assert.deepEqual(values('A white Mercedes Sprinter was seen near Ivinghoe Beacon and the Royal British Legion hall.', 'PERSON'), []);
  assert.deepEqual(values('Thefts rose around Little Hadham and The Marlowes, and outside John Lewis.', 'PERSON'), []);
  assert.deepEqual(values('Mercedes Okonjo, 40, was assaulted by John Lewis, 22, of Ware.', 'PERSON'), ['Mercedes Okonjo', 'John Lewis']);
});

test('a suffix-format plate next to a vehicle make counts as a registration', () => {
  assert.deepEqual(values('Seen driving a Triumph Herald, EKP 412K, towards Ware.', 'VEHICLE_REG'), ['EKP 412K']);
});
