/**
 * Hard names, addresses and case words in ordinary neighbourhood prose, first met in unseen corpora
 * (corpus39 and corpus37, 2026-11-29): Welsh streets that open with their type word, surnames that are
 * also common words, flats named by their floor, Scotland's words for a complainant and for arson,
 * damage or a dispute told in plain words, and a case note pasted into a team bio. All data synthetic
 * (invented names, Ofcom drama numbers).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from '../../detectors/index.js';
import { detectedValues, caseRecordCount } from '../helpers/detected.js';

const persons = (text: string): string[] => detect(text, { kind: 'priority', section: 'priorities' }).findings.filter((f) => f.entity === 'PERSON').map((f) => f.value);
const caseRecords = (text: string): number => caseRecordCount(text, { kind: 'priority', section: 'priorities' });

test('a Welsh street opens with its type word: "Ffordd Pentwyn" and "Lôn Las Menai" are streets, not people', () => {
  assert.deepEqual(persons('Criminal damage to parked cars on Heol y Nant and Ffordd Pentwyn, Rhiwbina. Lôn Las Menai is closed for resurfacing.'), []);
});

test('after Mr, Mrs, Ms or Miss a word that is also a church, a wood or a field is the surname', () => {
  assert.deepEqual(persons('Mr Church was seen by officers on 12/11/2026 and has signed an Acceptable Behaviour Contract.'), ['Mr Church']);
  assert.deepEqual(persons('Mrs Bishop and Mr Wood attended the meeting.'), ['Mrs Bishop', 'Mr Wood']);
});

test('two particles in a row stay inside the name: "Pieter van der Berg", "Ana de la Cruz"', () => {
  assert.deepEqual(persons('Long-running dispute between Pieter van der Berg of 19 Hope Street and his neighbour.'), ['Pieter van der Berg']);
  assert.deepEqual(persons('Ana de la Cruz, 34, of Leicester was fined.'), ['Ana de la Cruz']);
});

test('a flat named by its floor, and a street of "Lanes", make one home address', () => {
  const r = detect('Ayşe Yılmaz of First Floor Flat, 63 Green Lanes, N4 reports that her former partner, Mehmet Çelik, has kicked her door and damaged her car. Çelik has been arrested.', { kind: 'priority', section: 'priorities' });
  const home = r.findings.find((f) => f.entity === 'ADDRESS');
  assert.equal(home?.value, 'First Floor Flat, 63 Green Lanes');
  assert.equal(home?.severity, 'critical');
  assert.equal(r.records.filter((x) => x.isCaseRecord).length, 1);
});

test('Scotland\'s "complainer" and "wilful fire-raising", a dispute, and damage in plain words make case records', () => {
  assert.equal(caseRecords('Complainer Mairi Sutherland, 14 Dumbarton Road, Glasgow G11 6PA, reports her close door being forced.'), 1);
  assert.equal(caseRecords('Wilful fire-raising in the bin store. Ruairidh Mackay, 16, of 22 Crow Road, Glasgow was seen leaving.'), 1);
  assert.equal(caseRecords('Long-running dispute between Pieter van der Berg of 19 Hope Street, Leicester LE2 1SP and his neighbour over parking.'), 1);
  assert.equal(caseRecords('Wendy Oduya of 7 Heol y Nant, Rhiwbina says her car has been keyed three times since September.'), 1);
  // a name and a home with no role and no offence stay one record, no case
  assert.equal(caseRecords('Wendy Oduya of 7 Heol y Nant, Rhiwbina has offered her garden for the community planting day.'), 0);
});

test('a team bio with a case note pasted in: the victim after "repeat victim", the neighbour after "by neighbour", her later mention and her number are private', () => {
  const bio = "PC 2290 Hamish McAllister\nWard Officer – Kings Langley\nHamish has nine years' service. Update 14/10 – weekly reassurance visit to repeat victim Mrs Halina Wiśniewska, 14 Orchard Close, Kings Langley WD4 8HN, re ongoing harassment by neighbour Darren Pike. Mrs Wiśniewska prefers calls after 2pm on 07700 900284.";
  const r = detect(bio, { kind: 'team-member', section: 'team' });
  const sev = (v: string): string | undefined => r.findings.find((f) => f.value === v)?.severity;
  assert.equal(sev('Hamish McAllister'), 'low');
  assert.equal(sev('Mrs Halina Wiśniewska'), 'critical');
  assert.equal(sev('Darren Pike'), 'critical');
  assert.equal(sev('Mrs Wiśniewska'), 'critical');
  assert.equal(sev('07700 900284'), 'critical');
  // the team's own number after an officer stays the team's
  const team = detect('PCSO Ann Lowe covers Kings Langley. Call the team on 07700 900111.', { kind: 'team-member', section: 'team' });
  assert.equal(team.findings.find((f) => f.entity === 'PHONE')?.severity, 'low');
});

test('look-alikes that are nobody\'s: an area named by its crimes, "from" an estate, a motorbike model, example numbers in scam advice', () => {
  const all = (text: string, kind: 'priority' | 'hidden' | 'document-text' | 'cell-row' | 'paragraph') => detect(text, { kind }).findings.map((f) => `${f.entity} ${f.value}`);
  assert.deepEqual(all('Internal – Martins Wood burglary series (Op Larkspur). Patrols in the Rooks Nest area.', 'hidden'), []);
  assert.deepEqual(all('I saw a man I know as Tyrone from Orchard Park get out of a silver car.', 'document-text').filter((v) => v.startsWith('ADDRESS')), []);
  // …while "from" a street with its town is a home, and a plate after a make is still a plate
  assert.deepEqual(all('Jo Hartley from Ringlet Road, Hemel Hempstead was arrested.', 'paragraph').filter((v) => v.startsWith('ADDRESS')), ['ADDRESS Ringlet Road, Hemel Hempstead']);
  assert.deepEqual(all('Nominal | Notes\nReece Armstrong | Yamaha YZ125, no plate; seen with a Ford R482 KTV', 'cell-row').filter((v) => v.startsWith('VEHICLE_REG')), ['VEHICLE_REG R482 KTV']);
  assert.deepEqual(all('Example of a spoofed caller display: 020 7946 0000. Scam texts come from numbers such as 07700 900000 (an example only).', 'paragraph'), []);
  assert.deepEqual(all('Call me on 07700 900123 tomorrow, for example after 5pm.', 'paragraph'), ['PHONE 07700 900123']);
});

test('nicknames and relatives: "The 33-year-old, known as "Danny"", a quoted name in brackets, "Mrs Kaur\'s son, Amrit", "Husband Seamus"', () => {
  assert.deepEqual(persons('Can you help us find Daniel Hill? The 33-year-old, known as "Danny", is wanted.'), ['Daniel Hill', 'Danny']);
  assert.deepEqual(persons('A neighbour\'s son, Žydrūnas Kazlauskas ("Žydras"), DOB 14.02.2004, has been revving a van.'), ['Žydrūnas Kazlauskas', 'Žydras']);
  assert.deepEqual(persons('Jo Smith ("the victim") said she was scared.'), ['Jo Smith']);
  assert.deepEqual(persons("Mrs Kaur's son, Amrit, also gave a statement."), ['Mrs Kaur', 'Amrit']);
  assert.deepEqual(persons('Repeat victim. Husband Seamus has COPD. Grandson Osian now staying with her.'), ['Seamus', 'Osian']);
  // a kinship word opening a heading is no cue for a word that is no forename
  assert.deepEqual(persons('Partner Agencies met on Tuesday.'), []);
});

test('a numbered building named with "The" before its street is one address; a bracket closing around a number is not part of it', () => {
  const r = detect('Present: residents Mr Bola Adeyemi-Johnson (3 The Maltings, Church Street, Ashwell, 07700 900233) and Cllr Rosemary Heath.', { kind: 'document-text' });
  assert.deepEqual(r.findings.filter((f) => f.entity !== 'PERSON').map((f) => `${f.entity} ${f.value}`), ['ADDRESS 3 The Maltings, Church Street, Ashwell', 'PHONE 07700 900233']);
  // a page number before a heading is no house number
  assert.deepEqual(detect('See page 3 The Summary, Church Street section.', { kind: 'document-text' }).findings.map((f) => f.value), []);
});

test('an electoral ward is no person: "Gipton & Harehills Ward"; "Mr Ward" and "Sarah Ward" still are', () => {
  assert.deepEqual(persons('Cllr Salma Arif – Gipton & Harehills Ward. Harehills Ward councillors attended.'), ['Salma Arif']);
  assert.deepEqual(persons('Mr Ward and Sarah Ward attended.'), ['Mr Ward', 'Sarah Ward']);
});

test('counts after place names are no house numbers ("Toddington 7, Linslade Wood 3"); a plot on a caravan site is one', () => {
  const stats = 'October figures: Heath and Reach 4 reports, Hockliffe 2, Toddington 7, Linslade Wood 3 and the town centre 61.';
  assert.deepEqual(detect(stats, { kind: 'paragraph' }).findings.map((f) => f.value), []);
  const plot = detect('Complainant Ruta Petrauskiene, Plot 6, Willow Park, Marsh Lane, Hatfield Peverel, reports thefts from vans.', { kind: 'priority' });
  assert.ok(plot.findings.some((f) => f.entity === 'ADDRESS' && f.value.startsWith('Plot 6, Willow Park')));
});

test('the countryside\'s look-alikes: tractor and trailer makers, auction marts, fisheries boards, "Wester Ross", a JCB model', () => {
  assert.deepEqual(persons('Stand 14: security marking for John Deere and Massey Ferguson tractors and Ifor Williams trailers, with Thirsk Auction Mart and the Freshwater Fisheries team. Patrols in Wester Ross.'), []);
  assert.deepEqual(detect('Stolen overnight: a JCB 536 telehandler from a farm near Louth.', { kind: 'paragraph' }).findings.map((f) => f.value), []);
  const mart = detect('Rural crime surgery at Carmarthen Mart, Nantyci, Carmarthen SA33 5DR on Tuesday.', { kind: 'paragraph', section: 'news' });
  assert.deepEqual(mart.findings.map((f) => `${f.entity} ${f.severity}`), ['ADDRESS low']);
  // a farmer of the same name as a maker, with a title or a home, is still a person
  assert.deepEqual(persons('Mr Williams of Ty Newydd, Llanddewi Brefi reported the theft of his quad bike.'), ['Mr Williams']);
});

test('historical figures are no data subjects: named after, once the home of, taking a name from, or with a year before 1900 (found on corpus51)', () => {
  for (const text of [
    'Join PCSO Kofi Mensah for a walk past Reading Gaol, where Oscar Wilde was held from 1895 to 1897.',
    'She is a former pupil of the grammar school named after the astronomer William Herschel, who built his telescope in Slough.',
    'Speedwatch at Hughenden, once the home of Benjamin Disraeli, starts on Monday.',
    'The village takes its name from Ralph de Bagpuize, who held the manor after the Conquest.',
    'The mill was built by Robert Owen (1771–1858) for his workers.',
  ]) {
    assert.ok(!detect(text).findings.some((f) => f.entity === 'PERSON' && !f.publicRole), text);
  }
  // the living stay: a closure order on someone's home, a birth year, a recent year
  assert.ok(detect('A closure order was granted on the home of Dean Pryke, after months of complaints.').findings.some((f) => f.value === 'Dean Pryke'));
  assert.ok(detect('Doris Pike, born in 1899, lives at 4 High Street, Ware.').findings.some((f) => f.value === 'Doris Pike'));
  assert.ok(detect('Darren Pike was seen in 2024 near the station.').findings.some((f) => f.value === 'Darren Pike'));
});

test('Welsh service and council names, "Sir" before a Welsh county, historical figures and a counted make are no people (corpus55–57)', () => {
  for (const text of [
    'Gwasanaeth Tân ac Achub Canolbarth a Gorllewin Cymru and Heddlu Dyfed-Powys ran the day.',
    'Gweithio gyda Chyngor Sir Ceredigion a Chyngor Sir Ynys Môn, and with Cyngor Sir Ddinbych on closure orders.',
    'Tîm Troseddau Cefn Gwlad Heddlu Dyfed-Powys will be at the Da Byw market.',
    'Canol Tref Pen-y-bont ar Ogwr: patrols continue.',
    'Sir Robert Peel\'s principles still guide us: the police are the public.',
    'Two Ifor Williams livestock trailers were taken from a yard in Hindringham.',
  ]) assert.deepEqual(detectedValues(text, 'PERSON'), [], text);
  // a knight still is someone, and so is a Morgan who is no car
  assert.deepEqual(detectedValues('Sir Keir Pemberton-Hale opened the new station.', 'PERSON'), ['Sir Keir Pemberton-Hale']);
  assert.deepEqual(detectedValues('Morgan Price, 34, of 4 High Street, was fined.', 'PERSON'), ['Morgan Price']);
});

test('fen and moorland places are no people, but a green-space surname after "by", "from" or "to" is (corpus56)', () => {
  assert.deepEqual(detectedValues('Hare coursing on the fen between Martin, Timberland and Walcott Dales; drone flights over Martin Moor at first light.', 'PERSON'), []);
  // a surname that is also a green-space word names a person after words that point at one
  assert.deepEqual(detectedValues('He was assaulted by Emma Green on Friday.', 'PERSON'), ['Emma Green']);
  assert.deepEqual(detectedValues('A letter from Karen Heath was read out at the meeting.', 'PERSON'), ['Karen Heath']);
  assert.deepEqual(detectedValues('a dispersal order for Stanley Park', 'PERSON'), []);
});

test('a farm named after a titled person with only its post town and postcode is their home; "High" or "Low" may open it (corpus35, corpus56)', () => {
  assert.deepEqual(detectedValues('Wigton - Mrs Elspeth Gunson, High Brackenthwaite, Wigton CA7 8PS, phone 07700 900552.', 'ADDRESS'), ['High Brackenthwaite, Wigton CA7 8PS']);
  assert.deepEqual(detectedValues('Mr Tom Harker, Low Fellside, Kentmere, Kendal LA8 9JP', 'ADDRESS'), ['Low Fellside, Kentmere, Kendal LA8 9JP']);
  // a place and its county after a name are no house
  assert.deepEqual(detectedValues('Mrs Jane Doe, Carlisle, Cumbria CA7 8PS', 'ADDRESS'), []);
});

test('an occupation opening a name is a description: "Farmer Tom Bexfield"; after a forename it is a surname (corpus56)', () => {
  assert.deepEqual(detectedValues('Farmer Tom Bexfield said: "We had given up on seeing it again." Bexfield praised the team.', 'PERSON'), ['Tom Bexfield', 'Bexfield']);
  assert.deepEqual(detectedValues('Landlord Gary Pike was fined £400.', 'PERSON'), ['Gary Pike']);
  assert.deepEqual(detectedValues('Tom Farmer said the gate was open.', 'PERSON'), ['Tom Farmer']);
});

test('a flat in a named block is a home with no street after it: "Flat 22, Kestrel House" (corpus21, corpus58)', () => {
  assert.deepEqual(detectedValues('verbal abuse by Abdullahi Farah (Flat 22, Kestrel House).', 'ADDRESS'), ['Flat 22, Kestrel House']);
  assert.deepEqual(detectedValues('Flat 9, Beaumont House, Hatfield', 'ADDRESS'), ['Flat 9, Beaumont House, Hatfield']);
  // the block alone, with no flat, is a building where things happen
  assert.deepEqual(detectedValues('ASB in the stairwells of Kestrel House and Heron House.', 'ADDRESS'), []);
});
