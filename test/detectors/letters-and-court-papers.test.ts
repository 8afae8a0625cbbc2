/**
 * Letters, court papers and council documents linked from neighbourhood pages, first met in unseen
 * corpora (corpus37–38, 2026-11-29): a public body's letterhead number, a court's heading in capitals,
 * a licensing review's pub, a Word comment's author and a court list's "Defendant/Respondent" column are
 * public or structural; the letter's addressee and the premises a closure order names stay private.
 * All data synthetic (Ofcom drama numbers, invented names).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from '../../detectors/index.js';
import { detectedValues, detectedSeverities, caseRecordCount } from '../helpers/detected.js';

const severityOf = (text: string, value: string, kind: 'document-text' | 'comment' | 'cell-row' = 'document-text'): string | undefined =>
  detect(text, { kind }).findings.find((f) => f.value === value)?.severity;

test('a letterhead\'s number under the public body\'s address, a switchboard, a number given with a public mailbox: low', () => {
  const letter = 'Cardiff Council / Cyngor Caerdydd\nCounty Hall, Atlantic Wharf, Cardiff CF10 4UW\nTel: 029 2018 0455\nOur ref: CPW/25/00231\nPRIVATE AND CONFIDENTIAL\nMr Adebayo Ogunleye\nFlat 2, 19 Kincraig Street, Roath, Cardiff CF24 3HW\nCOMMUNITY PROTECTION WARNING\nWe have received complaints of loud music and shouting from your flat.';
  assert.equal(severityOf(letter, '029 2018 0455'), 'low');
  assert.equal(severityOf(letter, 'Mr Adebayo Ogunleye') === 'low', false);
  assert.equal(severityOf(letter, 'Flat 2, 19 Kincraig Street, Roath, Cardiff CF24 3HW') === 'low', false);
  assert.equal(severityOf('West Midlands Police\nSwitchboard: 0121 496 0101\nDear Miss Barraclough, the suspect was interviewed about the harassment.', '0121 496 0101'), 'low');
  assert.equal(severityOf('Tel: 0115 496 0200     FOI mailbox: foi@notts.police.uk\nMr Wojciech Grabowski\n58 Hucknall Road, Bulwell, Nottingham NG6 9AB', '0115 496 0200'), 'low');
  assert.equal(severityOf('The suspect was interviewed about the harassment. If you have any questions please contact me on 0121 496 0388 or hannah.devlin@westmidlands.police.uk.', '0121 496 0388'), 'low');
});

test('a private number stays private beside a public mailbox named in other words, or under a private address', () => {
  // a volunteer's mobile, then the force team's mailbox "in other words": not the team's number
  const farmWatch = 'To join, contact the area coordinator Emyr Jones on 07700 900582, or email the Rural Crime Team at ruralcrime@dyfed-powys.police.uk.';
  assert.notEqual(severityOf(farmWatch, '07700 900582'), 'low');
  const resident = 'Victim: Jo Pearce\nAddress: 14 Ringlet Road, Hemel Hempstead HP2 5TQ\nTel: 07700 900417\nNature: harassment by a neighbour';
  assert.equal(severityOf(resident, '07700 900417'), 'critical');
});

test('a court\'s heading in capitals is the court; the closure order\'s premises under the applicant force are a home', () => {
  const papers = "MANCHESTER AND SALFORD MAGISTRATES' COURT\nManchester Magistrates' Court, Crown Square, Manchester M60 1PR\nAPPLICATION FOR A CLOSURE ORDER\nApplicant: The Chief Constable of Greater Manchester Police\nPremises: 14 Bickerdike Avenue, Gorton, Manchester M18 8QL\nPersons residing at the premises:\nShannon DUGGAN (tenant) – date of birth 27/01/1996\nGrounds: the premises have been used for the supply of Class A drugs.";
  const r = detect(papers, { kind: 'document-text' });
  const court = r.findings.find((f) => f.entity === 'ADDRESS' && f.value.includes('Crown Square'));
  assert.equal(court?.severity, 'low');
  assert.equal(r.findings.find((f) => f.value.startsWith('14 Bickerdike Avenue'))?.severity, 'critical');
});

test('a licensing review\'s pub is a business address; council departments making representations are no people', () => {
  const notice = 'NOTICE OF HEARING – Licensing Act 2003\nApplication: Review of premises licence PL/BPL/0881 – The Sir Robert Peel, Dickson Road, Blackpool FY1 2AW\nRepresentations received from: Public Health (1); Environmental Protection (1); Trading Standards (2); 6 local residents (names withheld).';
  const r = detect(notice, { kind: 'document-text' });
  assert.deepEqual(r.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.value), []);
  assert.deepEqual(r.findings.filter((f) => f.entity === 'PERSON').map((f) => f.value), []);
});

test('a Word comment\'s author in brackets is staff; the victim the comment names is not', () => {
  const comment = 'Comment [JH1] (Jenny Hollis, Corporate Communications, 03/10/2025 14:22): Please take out the bit naming Mrs Evans – she is the victim in the harassment job and lives at 12 Heol y Parc, Pontypridd CF37 2RE.';
  assert.equal(severityOf(comment, 'Jenny Hollis', 'comment'), 'low');
  assert.equal(severityOf(comment, 'Mrs Evans', 'comment'), 'critical');
});

test('a court list\'s "Defendant/Respondent" column names the people; an age beside a town is no house number', () => {
  const list = 'Court | Time | Case no. | Defendant/Respondent | Age | Town | Matter | Prosecutor/Applicant\nCourt 4 | 10:00 | 2519/2025/0447 | KARADENIZ, Emre | 29 | Cheetham Hill | Failing to comply with CPN – s.48 | Manchester City Council';
  const r = detect(list, { kind: 'cell-row' });
  assert.deepEqual(r.findings.filter((f) => f.entity === 'ADDRESS').map((f) => f.value), []);
  assert.deepEqual(r.findings.filter((f) => f.entity === 'PERSON').map((f) => `${f.value} ${f.severity}`), ['KARADENIZ, Emre medium']);
});

test('a vehicle seizure notice or a driver reported for a motoring offence is a case record', () => {
  const notice = 'NOTICE OF SEIZURE OF MOTOR VEHICLE (Road Traffic Act 1988, s.165A)\nVehicle: Toyota Yaris, silver, registration YD17 KSU\nDriver: Marek Zieliński\nAddress: 33 Ashby Road, Watford WD24 5LP\nDate of birth: 14/07/1986\nReason: driving otherwise than in accordance with a policy of insurance';
  const r = detect(notice, { kind: 'document-text' });
  assert.equal(r.records.filter((x) => x.isCaseRecord).length, 1);
  assert.equal(r.findings.find((f) => f.value === 'Marek Zieliński')?.severity, 'critical');
  // a driver's details with no offence named stay high
  const noOffence = 'Vehicle: Toyota Yaris, registration YD17 KSU\nOwner: Marek Zieliński\nAddress: 33 Ashby Road, Watford WD24 5LP\nThe vehicle was returned to its owner.';
  assert.equal(detect(noOffence, { kind: 'document-text' }).records.filter((x) => x.isCaseRecord).length, 0);
});

test('what a disclosure put in place of the data is no data: "Section 40(2)", "[REDACTED]", "SY23 XXX", a template\'s "1 Example Street"', () => {
  const table = 'Crime ref | Date | Offence | Location | Victim | Suspect | Outcome\n62/41388/25 | 11/02/2025 | Harassment | Section 40(2) | [REDACTED] | [REDACTED] | Evidential difficulties';
  const header = 'Name | Address | Postcode\nXXXX XXXX | Section 40(2) | XXXX';
  for (const t of [table, header]) assert.deepEqual(detect(t, { kind: 'cell-row' }).findings.map((f) => `${f.entity} ${f.value}`), []);
  assert.deepEqual(detect('XXXX XXXXXX, Aberystwyth, SY23 XXX', { kind: 'document-text' }).findings.filter((f) => f.entity === 'VEHICLE_REG').map((f) => f.value), []);
  assert.deepEqual(detect('A completed recipient block would read "Mr A N Other, 1 Example Street, Anytown AB1 2CD".', { kind: 'document-text' }).findings.filter((f) => f.entity === 'ADDRESS').map((f) => f.value), []);
  // a real address in the same column is still read
  assert.deepEqual(detect('Name | Address | Postcode\nJo Pearce | 14 Ringlet Road | HP2 5TQ', { kind: 'cell-row' }).findings.filter((f) => f.entity === 'ADDRESS').map((f) => f.value), ['14 Ringlet Road']);
});

test('an action\'s lead in brackets is staff; a rank word closing the sentence before a name gives the name no rank', () => {
  const review = 'Repeat victim of ASB. Alleged perpetrator: Kyle Hennessy. Actions: housing to consider a management transfer (lead Delroy Grant); weekly PCSO visits (lead PCSO Kerry-Ann Whyte).';
  assert.equal(severityOf(review, 'Delroy Grant'), 'low');
  const summary = 'Defendant: Wei NG     Date of birth: 21/09/1993\nAddress: Flat 6, 31 Nelson Street, Liverpool L1 5DN\nOffence: failing to comply with a Community Protection Notice.\nInterviewed under caution by Sandra Kilbane (Senior ASB Officer). Mr Ng made no comment.';
  assert.equal(severityOf(summary, 'Mr Ng'), 'critical');
  assert.equal(severityOf(summary, 'Sandra Kilbane'), 'low');
  // "(Owner …)" of a car is no action's owner
  assert.notEqual(severityOf('The owner of the blue Corsa LAZ 4921 damaged on Cadogan Park thanks you. (Owner Ciarán McAteer, 27 Cadogan Park, Belfast BT9 6HH)', 'Ciarán McAteer'), 'low');
});

test('an event held in a resident\'s home gives that home no venue allowance; a records department is no person (found on corpus52)', () => {
  const event = 'Neighbourhood Watch drop-in with PCSO Tendai Moyo. Venue: the home of Watch coordinator Mrs Gloria Baptiste, 12 Marsh Hill, Erdington, Birmingham B23 7HY. Thursday 11 December, 18:30.';
  const r = detect(event, { kind: 'event', section: 'events' });
  assert.equal(r.findings.find((f) => f.value.startsWith('12 Marsh Hill'))?.severity, 'high');
  assert.equal(r.findings.find((f) => f.value === 'Tendai Moyo')?.severity, 'low');
  // a venue is still a venue, also a club's "home ground"
  const venue = detect('Drop-in at the home ground of Ware FC, Wodson Park, Wadesmill Road, Ware SG12 0UQ, Saturday 2pm.', { kind: 'event', section: 'events' });
  assert.ok(venue.findings.every((f) => f.severity === 'low'), JSON.stringify(venue.findings.map((f) => [f.value, f.severity])));
  const letter = 'Greater Manchester Police, Information Compliance and Records Management\nOpenshaw Complex, Lawton Street, Openshaw, Manchester M11 2NS\nDear Requester,\nThe attached table gives the number of anti-social behaviour incidents by month.';
  assert.deepEqual(detect(letter, { kind: 'document-text' }).findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.value), []);
});

test('the contact a service names in its letter works for it: "Your Witness Care contact is Colin Babbage" (corpus57)', () => {
  const letter = 'Dear Ms Eze\nA man has now been charged with the theft from your car and will appear at Reading Magistrates\' Court.\nYour Witness Care contact is Colin Babbage, 0118 496 0321.\nYours sincerely';
  const s = detectedSeverities(letter, { kind: 'document-text' });
  assert.equal(s.get('Colin Babbage'), 'low');
  assert.equal(s.get('0118 496 0321'), 'low');
  // a volunteer group's contact is a private person
  const watch = detectedSeverities('Your Neighbourhood Watch contact is Gwen Fleming, 07700 900582.', { kind: 'paragraph' });
  assert.equal(watch.get('Gwen Fleming'), 'high');
});

test('thefts are theft; an FOI reply to its requester is no case of theirs (corpus53, corpus55)', () => {
  const minutes = 'PCSO Lake reported two thefts of red diesel, one from Mr Stanislav Horvat of 6 Mill Lane, Sawston CB22 3HY.';
  assert.equal(caseRecordCount(minutes, { kind: 'document-text' }), 1);
  const reply = 'Mr Lars Pedersen\nFlat 2, 19 Hollow Lane, Hitchin SG4 9RZ\nDear Mr Pedersen,\nFreedom of Information Request Reference No: FOI 2026/1391\nThank you for your request for the number of reported thefts of catalytic converters in North Hertfordshire.';
  assert.equal(caseRecordCount(reply, { kind: 'document-text' }), 0);
});

test("a head teacher signing for the school, the school office's number and a council service after a name are public (corpus60)", () => {
  const letter = 'Dear Parents and Carers, on Tuesday a Year 9 pupil was assaulted near the school gates. If you have any concerns, contact the school office on 0161 496 0727. Yours sincerely, Dr Eleanor Fairweather-Singh, Headteacher, Moorside Park High School, 210 Moor Lane, Salford M7 3PZ.';
  const s = detectedSeverities(letter, { kind: 'document-text' });
  assert.equal(s.get('Dr Eleanor Fairweather-Singh'), 'low');
  assert.equal(s.get('0161 496 0727'), 'low');
  const rota = detectedSeverities('Session lead: Dawn Achterberg, Stevenage Borough Council youth service, 01632 960418.', { kind: 'contact', section: 'events' });
  assert.equal(rota.get('Dawn Achterberg'), 'low');
});

test('licensing papers: premises addresses, their telephone, a shop before its address and the licensing manager are public; a closure order on a home is not (corpus61)', () => {
  const summary = 'Postal address of premises: The Wheatsheaf, 12 Church Lane, Ossett WF5 9DN. Telephone: 01632 960441. Name of designated premises supervisor: Maria Kowalczyk.';
  const s = detectedSeverities(summary, { kind: 'document-text' });
  assert.equal(s.get('01632 960441'), 'low');
  const json = detectedSeverities('{"premisesName":"Golden Dragon Takeaway","premisesAddress":"44 Queen Street, Morley, Leeds LS27 9EB","dps":"Wei Chen"}', { kind: 'json' });
  assert.equal(json.get('44 Queen Street, Morley, Leeds LS27 9EB'), 'low');
  const news = detectedSeverities("Staff at four premises sold alcohol to a 16-year-old: Patel's Convenience Store (88 Horninglow Road, Burton upon Trent DE14 2PZ) and others.", { kind: 'paragraph' });
  assert.equal(news.get('88 Horninglow Road, Burton upon Trent DE14 2PZ'), 'low');
  const minutes = detectedSeverities('Minor variations determined under delegated powers. The Bay Horse, 1 Fore Street, Totnes TQ9 5DA: removal of a licence condition. Granted by the Licensing Manager, Deborah Akinyemi.', { kind: 'document-text' });
  assert.equal(minutes.get('1 Fore Street, Totnes TQ9 5DA'), 'low');
  assert.equal(minutes.get('Deborah Akinyemi'), 'low');
  // a closure order on a flat keeps its occupier's home private
  const closure = detect('Closure order granted on 15 Lark Rise, Stockton-on-Tees TS19 8RW. Occupier: Reece Calloway. Reason: Class A supply; cuckooing. Licensing sub-committee noted.', { kind: 'document-text' });
  assert.equal(closure.findings.find((f) => f.entity === 'ADDRESS')?.severity, 'critical');
});

test('court roles are public: prosecutors, counsel, ushers, duty solicitors, magistrates and a defendant\'s lawyer (corpus68)', () => {
  const header = "District Judge (Magistrates' Courts) Harriet Lowther-Mbeki. Legal adviser: Gwilym Pryce. Usher: Dorota Wiśniewska. Crown Prosecution Service: Anjali Raval. Duty solicitor: Fergus Tait (Tait Mowbray Solicitors).";
  const s = detectedSeverities(header, { kind: 'document-text' });
  for (const name of ['Gwilym Pryce', 'Dorota Wiśniewska', 'Anjali Raval', 'Fergus Tait']) assert.equal(s.get(name), 'low', name);
  const release = detectedSeverities('Desmond Achterberg, 47, of Weston-super-Mare, was jailed for four years. Senior Crown Prosecutor Rhiannon Pugh said the homes were targeted. He was represented by Mr Olufemi Bankole.', { kind: 'paragraph', section: 'news' });
  assert.equal(release.get('Rhiannon Pugh'), 'low');
  assert.equal(release.get('Mr Olufemi Bankole'), 'low');
  assert.equal(release.get('Desmond Achterberg'), 'medium');
  const bench = detectedSeverities('Chair of the Bench, South Cumbria: Dr Imelda Kirkbride JP – deputy chairs Ravinder Gill JP and Anthony Ojukwu JP', { kind: 'list-item' });
  for (const name of ['Ravinder Gill', 'Anthony Ojukwu']) assert.equal(bench.get(name), 'low', name);
});

test("a leaflet's example applicant and a scam text's example numbers are nobody's (corpus67, corpus69)", () => {
  const leaflet = 'Example only – do not copy: "Partner\'s name: Jane Sample, date of birth 01/01/1990, lives at 1 Example Street, Anytown AB1 2CD."';
  assert.deepEqual(detect(leaflet, { kind: 'document-text' }).findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.value), []);
  const scam = 'Scam warning for Calderdale residents. One example reads: "Your National Insurance number QQ 12 34 56 C has been suspended." Another example asks you to "confirm" a card such as 4111 1111 1111 1111.';
  assert.deepEqual(detect(scam, { kind: 'paragraph' }).findings.filter((f) => f.entity === 'NI_NUMBER' || f.entity === 'PAYMENT_CARD'), []);
  // a real person of the same name still counts, and so does a date of birth with no example near it
  assert.deepEqual(detectedValues('Victim: Jane Sampson, date of birth 01/01/1990.', 'DATE_OF_BIRTH', { kind: 'document-text' }), ['01/01/1990']);
});
