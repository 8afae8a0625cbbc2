/**
 * Found by the fifteenth unseen round (corpus63–66, 2026-11-29: a county force's month, 2014-style priorities,
 * pages in other languages, spreadsheet and CSV exports): birth-date cues and "for example" in the languages
 * forces translate into, UK addresses written the continental way, and the 2014 leak's own shapes.
 * All data synthetic (Ofcom drama numbers, invented names).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect, detectBlocks } from '../../detectors/index.js';
import { detectedValues, detectedSeverities } from '../helpers/detected.js';

test('birth-date cues of translated statements count: Romanian, Polish, Lithuanian, Portuguese, Turkish, Somali', () => {
  for (const [text, dob] of [
    ['vecinul de la etajul de jos, Sorin Bădărău, născut la 03.08.1979.', '03.08.1979'],
    ['Świadek: Bartłomiej Kaczmarczyk, data urodzenia 17/04/1991.', '17/04/1991'],
    ['nukentėjusysis Mindaugas Jankauskas, gim. 1986-09-23, gyv. Wisbech', '1986-09-23'],
    ['Condutor 1: Rodrigo Conceição Ferreira, data de nascimento 02/11/1979, morada Thetford', '02/11/1979'],
    ['Tanık: Mehmet Yıldız, doğum tarihi 05/06/1984.', '05/06/1984'],
    ['Magaca: Ismaaciil Cabdulle Xirsi. Taariikhda dhalashada: 19/03/1988.', '19/03/1988'],
  ] as const) assert.deepEqual(detectedValues(text, 'DATE_OF_BIRTH', { kind: 'document-text' }), [dob], text);
  // a date with none of them is an event's
  assert.deepEqual(detectedValues('Spotkanie odbędzie się 17/04/2026 w bibliotece.', 'DATE_OF_BIRTH'), []);
});

test('an identifier a translated leaflet calls an example is nobody\'s', () => {
  assert.deepEqual(detectedValues('Niekada nesakykite nepažįstamiems savo numerio. Pavyzdys (tik pavyzdys / example only): QQ 12 34 56 C.', 'NI_NUMBER'), []);
  assert.deepEqual(detectedValues('Numer ubezpieczenia, na przykład QQ 12 34 56 C, nigdy nie podawaj.', 'NI_NUMBER'), []);
});

test('a UK address written the continental way: a prefix ("ul.", "str.") or the number after the street', () => {
  assert.deepEqual(detectedValues('Address: ul. Westgate 112, Peterborough PE1 1RG. Tel: 07700 900418', 'ADDRESS', { kind: 'document-text' }), ['ul. Westgate 112, Peterborough PE1 1RG']);
  assert.deepEqual(detectedValues('Pokrzywdzony: Pan Zdzisław Górecki, lat 81, ul. Abington Avenue 58, Northampton NN1 4PD.', 'ADDRESS', { kind: 'document-text' }), ['ul. Abington Avenue 58, Northampton NN1 4PD']);
  // a number after a word that is no street is no house number
  assert.deepEqual(detectedValues('Conference Room 12, Peterborough PE1 1RG', 'ADDRESS'), []);
});

test('run-together cells of the 2014 upload: a name, then a house number and street in one stretch (corpus64)', () => {
  const row = '[SafetyNet] 14/0677 VIC Nkechi Eze 33 Ravenscroft, Welwyn Garden City AL7 2DN PERP Brandon Leggett 35 Ravenscroft, WGC NATURE neighbour dispute, threats with knife';
  const result = detect(row, { kind: 'priority', section: 'priorities' });
  assert.deepEqual(result.findings.filter((f) => f.entity === 'ADDRESS').map((f) => f.value), ['33 Ravenscroft, Welwyn Garden City AL7 2DN', '35 Ravenscroft']);
  assert.equal(result.records.filter((r) => r.isCaseRecord).length, 1);
  // a year or a count inside such a stretch is no house number
  assert.deepEqual(detectedValues('Operation Falcon 2024 Results, Welwyn Garden City AL7 2DN', 'ADDRESS'), []);
});

test("exports: a party code opening a row is no surname, and a notes row's sentences under an address column are no address (corpus66)", () => {
  const row = 'WIT | Ni\u200Bamh | FITZ\u200BPATRICK | DOB 23\u00A0Mar\u00A01990 | 4 Cloister Walk, Whitby | YO21\u00A03EP | Witnessed assault outside the Station Inn';
  assert.deepEqual(detectedValues(row, 'PERSON', { kind: 'cell-row' }), ['Ni\u200Bamh', 'FITZ\u200BPATRICK']);
  const csv = [
    'ref,date_received,ward,address,category,status',
    'ASB/26/0388,2026-08-14,Adeyfield West,"14 Bramble Way, Hemel Hempstead",Vehicle nuisance,Closed',
    ',,,"Report ASB on 101 or online. In an emergency call 999.",,',
  ].join('\n');
  assert.deepEqual(detectedValues(csv, 'ADDRESS', { kind: 'document-text' }), ['14 Bramble Way, Hemel Hempstead']);
});

test('Welsh ranks make an officer public: SCCH, Rhingyll, Cwnstabl, Arolygydd (corpus10, corpus55, corpus65)', () => {
  const s = detectedSeverities("roedd SCCH Heulwen Prys a'r Rhingyll Dafydd ap Iorwerth yn marcio beiciau am ddim. Meddai'r Arolygydd Siân Pritchard: diolch.", { kind: 'paragraph', section: 'news' });
  for (const name of ['Heulwen Prys', 'Dafydd ap Iorwerth', 'Siân Pritchard']) assert.equal(s.get(name), 'low', name);
});

test("a public body's account that the public pays into is no one's; a victim's account still is (corpus72)", () => {
  const guide = 'How to pay a fixed penalty notice. By bank transfer to City and County of Swansea, sort code 30-94-57, account 00312048, quoting your FPN number as the reference.';
  assert.deepEqual(detect(guide, { kind: 'paragraph' }).findings.filter((f) => f.severity === 'high' || f.severity === 'critical'), []);
  const victim = detect('Victim Jane Hill, 4 High Street, Swansea SA1 1AA, lost £2,000 from her account, sort code 30-94-57, account 00312048.', { kind: 'document-text' });
  assert.ok(victim.findings.filter((f) => f.entity === 'BANK_ACCOUNT').every((f) => f.severity === 'critical'));
});

test("a tracker's staff column holds staff: names under 'Officer' are public, in one text or row by row (corpus57)", () => {
  const tracker = [
    'Case No | Tenant | Property | Stage | Issue | Next action | Officer',
    'TE-0431 | Mrs Grainne Doherty | Flat 12, Beacon House, Frome Road, Bath BA2 5RE | NOSP served 18/09/26 | Cannabis cultivation | Possession hearing 14/01/27 | D. Achterberg',
  ].join('\n');
  const s = detectedSeverities(tracker, { kind: 'cell-row' });
  assert.equal(s.get('D. Achterberg'), 'low');
  assert.equal(s.get('Mrs Grainne Doherty'), 'critical');
  const rows = detectBlocks([
    { text: 'Case No | Tenant | Property | Stage | Issue | Next action | Officer', kind: 'table-row', section: 'other', location: 'tr1' },
    { text: 'TE-0431 | Mrs Grainne Doherty | Flat 12, Beacon House, Frome Road, Bath BA2 5RE | NOSP served 18/09/26 | Cannabis cultivation | Possession hearing 14/01/27 | D. Achterberg', kind: 'table-row', section: 'other', location: 'tr2' },
  ], { recordIdPrefix: 'p' });
  const rowFindings = rows.flatMap((r) => r.findings);
  assert.equal(rowFindings.find((f) => f.value === 'D. Achterberg')?.severity, 'low');
  // the tenant column's names stay private
  assert.equal(rowFindings.find((f) => f.value === 'Mrs Grainne Doherty')?.severity, 'critical');
});
