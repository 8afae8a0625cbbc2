/**
 * Spreadsheets and exports attached to pages, the commonest real leak, first met in an unseen corpus
 * (corpus41, 2026-11-29): a template's specimen row, a party's name parts in run-together or
 * underscored headers, a header with a note in brackets. All data synthetic (invented names, Ofcom
 * drama numbers, HMRC's QQ specimen prefix).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from '../../detectors/index.js';

const found = (text: string, kind: 'cell-row' | 'json' = 'cell-row'): string[] => detect(text, { kind }).findings.map((f) => `${f.entity} ${f.value} ${f.severity}`);

test('a template\'s specimen row is nobody\'s data; a real row under the same header is', () => {
  const header = 'Surname | Forename(s) | D.O.B. | NI No | NHS No | Contact No | Notes\n';
  assert.deepEqual(found(`${header}EXAMPLE | Jo | 01/01/1900 | QQ 12 34 56 C | 999 000 0000 | 01632 960000 | Example row only - delete before returning.`), []);
  const real = found(`${header}Pearce | Joanne | 14/03/1986 | QQ 12 34 56 C |  | 07700 900123 | victim of harassment`);
  assert.ok(real.includes('NI_NUMBER QQ 12 34 56 C critical'), real.join('; '));
  assert.ok(real.some((v) => v.startsWith('PERSON Pearce')), real.join('; '));
});

test('name parts under a party\'s run-together or underscored header, and a name column with a note in brackets', () => {
  const csv = 'CRIME_REF,WITNESS_SURNAME,WITNESS_FORENAME,WIT_DOB,MOB\n41/2209/24,"Forsyth","Callum",14 Mar 2001,07700900346';
  assert.deepEqual(found(csv).filter((v) => v.startsWith('PERSON')).map((v) => v.split(' ').slice(0, 2).join(' ')), ['PERSON Forsyth', 'PERSON Callum']);
  const json = '{"rows":[{"case_id":"ASB-24-0193","SubjectSurname":"Fairbrother","SubjectForename":"Liam","subject_dob":"2004-11-08","victim_surname":"Ogunleye"}]}';
  assert.deepEqual(found(json, 'json').filter((v) => v.startsWith('PERSON')).map((v) => v.split(' ')[1]), ['Fairbrother', 'Liam', 'Ogunleye']);
  const bracketed = '"Name (Last, First)","Date Of Birth","Home Address","Role"\n"Mensah, Kwabena","1982-06-30","14 Kestrel Way, Stevenage SG2 9PJ","Victim"';
  assert.ok(found(bracketed).includes('PERSON Mensah, Kwabena critical'), found(bracketed).join('; '));
});

test('an "Age/DOB" cell gives its date; the header\'s party ("Victim", "WITNESS_") makes each row with a birth date a case', () => {
  const misper = 'MISPER REF | NOMINAL | AGE/DOB | HOME ADDRESS | RISK\nMP/25/0311 | ELLIS-BRANDT, MAISIE | 15 / 4.7.09 | 3 ORCHARD RISE, KINGSWOOD, BRISTOL BS15 4EA | MEDIUM';
  assert.ok(found(misper).some((v) => v.startsWith('DATE_OF_BIRTH 4.7.09')), found(misper).join('; '));
  const fraud = 'Victim | DOB | Loss (£) | OIC\nAnna Maria Kowalczyk | 22/07/1979 | 4,250.00 | DC Martin Quayle';
  assert.ok(found(fraud).includes('PERSON Anna Maria Kowalczyk critical'), found(fraud).join('; '));
  const witnesses = 'CRIME_REF,WITNESS_SURNAME,WITNESS_FORENAME,WIT_DOB,MOB\n41/2209/24,"Forsyth","Callum",14 Mar 2001,07700900346';
  assert.ok(found(witnesses).includes('DATE_OF_BIRTH 14 Mar 2001 critical'), found(witnesses).join('; '));
  // a register with no party and no offence in view stays high
  const keyholders = 'Premises | Keyholder | DOB | Mobile\nCo-op, High Street | Dilani Rajapaksa | 14/03/1986 | 07700 900555';
  assert.ok(!found(keyholders).some((v) => v.endsWith(' critical')), found(keyholders).join('; '));
});

test('an address\'s second line in its own column is part of the home; a town column alone is not', () => {
  const sheet = 'Surname | Forename(s) | D.O.B. | Addr1 | Addr2 | Town | PCode | Role\nAldous | Bethany Claire | 17/09/1986 | 41 Gurney Road | Sprowston | Norwich | NR7 0LH | Victim';
  const addresses = found(sheet).filter((v) => v.startsWith('ADDRESS')).map((v) => v.split(' ').slice(1, -1).join(' '));
  assert.deepEqual(addresses, ['41 Gurney Road', 'Sprowston']);
  const court = 'Court | Defendant | Age | Town | Matter\nCourt 4 | WHYTE, Kerry-Ann | 34 | Moss Side | Closure order application';
  assert.deepEqual(found(court).filter((v) => v.startsWith('ADDRESS')), []);
});

test('a headerless row\'s surname and forename cells are read after a role or offence cell that is no name (found on corpus51)', () => {
  const row = '43260611872 | 04/10/2026 | Possession of a bladed article in a public place | Suspect | Haslam | Connor | 19/03/2004 | 14 Chaffron Way, Leadenhall, Milton Keynes | MK6 5LB';
  const r = detect(row, { kind: 'cell-row' });
  assert.deepEqual(r.findings.filter((f) => f.entity === 'PERSON').map((f) => f.value), ['Haslam', 'Connor']);
  assert.ok(r.findings.some((f) => f.entity === 'DATE_OF_BIRTH' && f.value === '19/03/2004'));
  assert.ok(r.records.some((x) => x.isCaseRecord));
  // and a row of repeated words still ends (the retry moves past the first cell)
  assert.deepEqual(detect('Yes | Yes | Yes | Yes', { kind: 'cell-row' }).findings, []);
});
