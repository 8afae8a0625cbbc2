/**
 * Forms the detectors met first in an unseen corpus (corpus 26, 2026-11-28): record fields named for a
 * person's part in the case, records typed in lower case, example numbers in fraud advice, cards grouped
 * by dots, make-and-model letters, and public bodies named after a comma. All data synthetic.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from '../../detectors/index.js';
import { detectedValues as values } from '../helpers/detected.js';

test('a field labelled with the person\'s part in the case holds a name, in either order and in capitals', () => {
  assert.deepEqual(values('DETAINEE: RAHMAN, SHAHIDUL    DOB: 27/09/1995', 'PERSON'), ['RAHMAN, SHAHIDUL']);
  assert.deepEqual(values('Registered keeper: Okonkwo, Chidera | Reg: KN15 OHA', 'PERSON'), ['Okonkwo, Chidera']);
  // a description in the same field is no name: no word of it is on a name list
  assert.deepEqual(values('SUSPECT: WHITE MALE, SLIM BUILD, GREY HOODIE', 'PERSON'), []);
});

test('names typed in lower case count after a title or a name label, when the name lists know both words', () => {
  assert.deepEqual(values('flat 3 | ms ioana popescu | dob 22-1-1994 | tenant', 'PERSON'), ['ms ioana popescu']);
  assert.deepEqual(values('  driver: bethan llewellyn    dob: 23-11-1992', 'PERSON'), ['bethan llewellyn']);
  // lower-case words that are no known name stay text
  assert.deepEqual(values('driver: silver hatchback seen leaving', 'PERSON'), []);
  assert.deepEqual(values('ms word document attached', 'PERSON'), []);
});

test('specimen and test numbers in fraud advice are not findings; the same numbers in a record are', () => {
  const advice = 'A GB licence number has 16 characters. The DVLA specimen shows MORGA753116SM9IJ.\n'
    + '- 4111 1111 1111 1111 is a test card used by shops\' payment systems.\n- Sort codes look like 00-00-00; your bank will never ask.';
  const r = detect(advice);
  assert.deepEqual(r.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.entity), []);
  const leak = 'Victim Mrs Eilidh Fraser read out her Visa 4111 1111 1111 1111 and her driving licence MORGA753116SM9IJ to the caller.';
  assert.deepEqual(values(leak, 'PAYMENT_CARD'), ['4111 1111 1111 1111']);
  assert.deepEqual(values(leak, 'DRIVING_LICENCE'), ['MORGA753116SM9IJ']);
});

test('a card written in dotted groups of four is a card; a dotted version string is not', () => {
  assert.deepEqual(values('she had written the card down as 2223.0031.2200.3222 with its PIN', 'PAYMENT_CARD'), ['2223.0031.2200.3222']);
  assert.deepEqual(values('firmware 4111.1111.1111.1111.2 on the card reader', 'PAYMENT_CARD'), []);
});

test('make-and-model letters and slash references are no number plates; a real mark beside them is', () => {
  assert.deepEqual(values('VRM: EA21 VNM GREY BMW 320D', 'VEHICLE_REG'), ['EA21 VNM']);
  assert.deepEqual(values('his Honda CBR 600F motorcycle', 'VEHICLE_REG'), []);
  assert.deepEqual(values('vehicle reported for careless driving (TOR 41/TOR/2024/3391)', 'VEHICLE_REG'), []);
});

test('a panel\'s independent member and a contact named with a council department are public-role', () => {
  const minutes = 'Present: Cllr Rebecca Yeung (Chair), Independent Member Mr Graham Stubbs.\n'
    + 'Next meeting: 14 March. Contact: Sean Hegarty, Democratic Services, 01632 960 600, pcp@hertfordshire.gov.uk.';
  const r = detect(minutes);
  const people = r.findings.filter((f) => f.entity === 'PERSON');
  assert.deepEqual(people.map((f) => f.value), ['Rebecca Yeung', 'Mr Graham Stubbs', 'Sean Hegarty']);
  assert.ok(r.findings.every((f) => f.severity === 'low'), JSON.stringify(r.findings.map((f) => [f.entity, f.severity])));
  // a private person named with a comma and a place is still private
  assert.equal(detect('Complainant: Mrs Precious Adeyemi-Cole, Stevenage, reports eggs thrown at her windows').findings.find((f) => f.entity === 'PERSON')?.publicRole, false);
});

test('Outlook\'s "Surname, Forename (collar)" display name is a person, public-role at a force address', () => {
  const header = "From: Helen Stott <helen.stott@dacorum.gov.uk>\nTo: 'Qadir, Imran (7034)' <imran.qadir@herts.pnn.police.uk>\nSubject: JAG 3.1";
  const people = detect(header).findings.filter((f) => f.entity === 'PERSON');
  assert.deepEqual(people.map((f) => [f.value, f.publicRole]), [['Helen Stott', true], ['Qadir, Imran', true]]);
  const privateSender = detect("From: 'Hoxha, Ardian' <ardian.h1987@example.net>\nSubject: my neighbour").findings.find((f) => f.entity === 'PERSON');
  assert.equal(privateSender?.value, 'Hoxha, Ardian');
  assert.equal(privateSender?.publicRole, false);
});

test('a collar number with a borough code ("PC 4417LX Ben Otieno") still marks an officer', () => {
  const r = detect('Action: DWO PC 4417LX Ben Otieno to deliver a CPW. OIC: DC 227SL FERREIRA');
  assert.deepEqual(r.findings.filter((f) => f.entity === 'PERSON').map((f) => [f.value, f.severity]), [['Ben Otieno', 'low'], ['FERREIRA', 'low']]);
});

test('names of Albanian, Kurdish, Eritrean, Balkan and Baltic origin are known', () => {
  for (const name of ['Ardian Hoxha', 'Rezan Barzani', 'Yonas Gebremedhin', 'Dragana Petrovic', 'Kristaps Berzins']) {
    assert.deepEqual(values(`Site manager ${name} was arrested at the car wash.`, 'PERSON'), [name], name);
  }
});

test('OCR\'d and typed forms: two spaces inside a mark or a phone number, boxed and spaced birth dates', () => {
  const scan = 'WITNESS: Connor Bligh  DOB: 15 02 1977  Tel: 07700  900 263\nVehicle: LR68  WDF (silver Astra)  date of birth 14/ 06/1990';
  assert.deepEqual(values(scan, 'DATE_OF_BIRTH'), ['15 02 1977', '14/ 06/1990']);
  assert.deepEqual(values(scan, 'PHONE'), ['07700  900 263']);
  assert.deepEqual(values(scan, 'VEHICLE_REG'), ['LR68  WDF']);
  // boxed digits without a birth cue, or with a two-digit year, are no birth date
  assert.deepEqual(values('Meeting held 15 02 1977 at the hall', 'DATE_OF_BIRTH'), []);
  assert.deepEqual(values('DOB: 15 02 77', 'DATE_OF_BIRTH'), []);
  // two numbers a table's double space apart stay two numbers
  assert.deepEqual(values('Contacts: 07700 900123  01632 960001 (home)', 'PHONE'), ['07700 900123', '01632 960001']);
});

test('a lower-case postcode in its own cell is a postcode; one in lower-case prose needs its cue', () => {
  assert.deepEqual(values('ms ioana popescu | al1 4rj | 07700 900 244', 'POSTCODE'), ['al1 4rj']);
  assert.deepEqual(values('we met at the cafe near al1 4rj yesterday', 'POSTCODE'), []);
});

test('a park after a place preposition, a terminal and a statute\'s words are no people; Mr Park is', () => {
  assert.deepEqual(values('Dispersal order authorised for Stanley Park this weekend. Meet at the bandstand in Victoria Park.', 'PERSON'), []);
  assert.deepEqual(values('Our team covers Leith, Ocean Terminal and the Shore.', 'PERSON'), []);
  assert.deepEqual(values('aggravated by s.1 Abusive Behaviour and Sexual Harm (Scotland) Act 2016', 'PERSON'), []);
  assert.deepEqual(values('The complaint was made by Mr Jimin Park of Flat 3.', 'PERSON'), ['Mr Jimin Park']);
});

test('an NI or NHS number a PDF line wrapped in two is still found, whole', () => {
  assert.deepEqual(values('Patient NHS number 485 777\n3457 recorded at triage', 'NHS_NUMBER'), ['485 777\n3457']);
  assert.deepEqual(values('National Insurance no. PW 62 18\n44 A (checked)', 'NI_NUMBER'), ['PW 62 18\n44 A']);
  // numbers on neighbouring lines of a table that fail the checks stay apart
  assert.deepEqual(values('Calls 312 455\n1234 incidents', 'NHS_NUMBER'), []);
});

test('a dog\'s breed and a playground are no people', () => {
  assert.deepEqual(values('Police dog Kane is a general-purpose German Shepherd who joined in 2021.', 'PERSON'), []);
  assert.deepEqual(values('Youths gathering at Southmead Adventure Playground after dark.', 'PERSON'), []);
});

test('a lone forename with an age, after "my ex" or a wrapped kin word, or on the line under a form label', () => {
  assert.deepEqual(values('Thank you to Lily-Mae, 6, who brought the purse to the front counter.', 'PERSON'), ['Lily-Mae']);
  assert.deepEqual(values('Children: Maisie Bramwell (6), Theo (2) - both open to CS', 'PERSON'), ['Maisie Bramwell', 'Theo']);
  assert.deepEqual(values("C: It's my ex, Dwayne, he's kicking the door in.", 'PERSON'), ['Dwayne']);
  assert.deepEqual(values('when my\nhusband Geoffrey went out to speak to him', 'PERSON'), ['Geoffrey']);
  assert.deepEqual(values('Section 1: Child\nForename(s)\nAmelia-Rose\nSurname\nKowalczyk\nDate of birth\n19/08/2015', 'PERSON'), ['Amelia-Rose', 'Kowalczyk']);
  // a place or a weak word with a number after it stays a word
  assert.deepEqual(values('Incidents by ward: Summer (2), Hitchin (14), Paris (3)', 'PERSON'), []);
});

test('an address and a phone number kept in cells of their own are one span each; a vehicle\'s cells are none', () => {
  const row = '25/0447 | ZIELINSKA | Aleksandra | 14 | Apsley Street | G11 7SY | 11/06/1990 | 0141 | 496 0552 | Victim | Vandalism';
  assert.deepEqual(values(row, 'ADDRESS'), ['14 | Apsley Street | G11 7SY']);
  assert.deepEqual(values(row, 'PHONE'), ['0141 | 496 0552']);
  // a locality cell counts only before a postcode cell: a role cell after the street is no town
  assert.deepEqual(values('Okafor | 3 | Mill Lane | Victim | ASB', 'ADDRESS'), ['3 | Mill Lane']);
  assert.deepEqual(values('ANPR | R472HNB | 88 | VAUXHALL ASTRA MERIT GREEN | 14:02', 'ADDRESS'), []);
  // two number cells that make no valid number stay apart
  assert.deepEqual(values('Q3 | 0141 | 2024 | totals', 'PHONE'), []);
});

test('a date with an age after it that fits is a birth date; a house named for its trees is a house name', () => {
  const row = '18/02/2025 | Blackburn Magistrates | Tariq MAHMOOD | 05/05/1999 (25) | Flat 3, Meridian House, 70 Montague Street, Blackburn BB2 1LP';
  assert.deepEqual(values(row, 'DATE_OF_BIRTH'), ['05/05/1999']);
  // an age that does not fit the date, or a recent date, is no birth date
  assert.deepEqual(values('Incident 05/05/1999 (3) logged', 'DATE_OF_BIRTH'), []);
  assert.deepEqual(values('Report 12/03/2025 (1) filed', 'DATE_OF_BIRTH'), []);
  assert.deepEqual(values('The other party, Mr Stuart Kell of The Beeches, Holly Bush Lane, has counter-alleged harassment.', 'ADDRESS'), ['The Beeches, Holly Bush Lane']);
});
