/**
 * Found by the thirteenth unseen round (corpus54–58, 2026-11-29: Northern Ireland, Wales, rural forces,
 * text extracted from PDFs, London): a volunteer's own mobile and mailbox on a contact or events page,
 * districts given as a home town, space-aligned registers, identifiers a guidance page calls examples,
 * a street's words read as case words, and incident-log wording for domestic abuse and breached orders.
 * All data synthetic (Ofcom drama numbers, invented names).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from '../../detectors/index.js';
import { detectedValues, detectedSeverities, caseRecordCount } from '../helpers/detected.js';

test("a private person's own mobile or personal mailbox on a contact or events page is theirs, not the page's", () => {
  const event = 'Neighbourhood Watch launch. Venue: Killyhevlin Community Hall, 6 Killyhevlin Drive, Enniskillen BT74 6EJ. For more information contact the coordinator, Gwen Fleming, on 07700 900582 or gwen.fleming@btinternet.com.';
  const s = detectedSeverities(event, { kind: 'event', section: 'events' });
  assert.equal(s.get('07700 900582'), 'high');
  assert.equal(s.get('gwen.fleming@btinternet.com'), 'high');
  assert.equal(s.get('Gwen Fleming'), 'high');
  // the venue stays public
  assert.equal(s.get('Killyhevlin Community Hall, 6 Killyhevlin Drive, Enniskillen BT74 6EJ'), 'low');
  const row = detectedSeverities('Sleaford and Heckington | Mr Wojciech Nowacki | 07700 900219 | Tuesday to Sunday evenings', { kind: 'table-row', section: 'contact' });
  assert.equal(row.get('07700 900219'), 'high');
  assert.equal(row.get('Mr Wojciech Nowacki'), 'high');
});

test("a contact page's officers, desk numbers and role mailboxes stay public", () => {
  const officer = detectedSeverities('Your ward team: PCSO Nasrin Akhter on 07700 900311 or nasrin.akhter@met.police.uk.', { kind: 'contact', section: 'contact' });
  assert.equal(officer.get('07700 900311'), 'low');
  assert.equal(officer.get('Nasrin Akhter'), 'low');
  // a landline after a name with no role is left to the page: councils publish their officers' desk numbers
  const desk = detectedSeverities('For housing ASB contact Jane Whitlock on 01632 960123.', { kind: 'contact', section: 'contact' });
  assert.equal(desk.get('01632 960123'), 'low');
  // a group's own mailbox with no one named before it
  const group = detectedSeverities('Contact the residents\' group at maloneresidents@gmail.com.', { kind: 'contact', section: 'contact' });
  assert.equal(group.get('maloneresidents@gmail.com'), 'low');
});

test('a district given as a home town is no street, even when its name ends in a street-type word', () => {
  const news = 'Kieran Flynn, 34, of Thornton Heath, was fined £600 for possession of cannabis. Lukas Petrauskas, 24, of Forest Gate, had no insurance.';
  assert.deepEqual(detectedValues(news, 'ADDRESS'), []);
  assert.equal(detectedSeverities(news, { kind: 'paragraph', section: 'news' }).get('Kieran Flynn'), 'medium');
  // the same words before a town name an estate or street in it; a street with the district's name is a street
  assert.deepEqual(detectedValues('Declan Moorcroft, 27, of Tower Hill, Kirkby, was jailed for burglary.', 'ADDRESS'), ['Tower Hill, Kirkby']);
  assert.deepEqual(detectedValues('Jo Bloggs, 31, of Thornton Heath Road, was fined.', 'ADDRESS'), ['Thornton Heath Road']);
});

test("a space-aligned register's age, town and offence columns are no address", () => {
  const register = [
    'Name                              Age   Town               Offence                               Result',
    'OYELARAN Babatunde                29    Watford            Drive whilst disqualified             Fine £600; disq 12m',
    'MCALLISTER Fiona                  44    Rickmansworth      Theft from shop (x3)                  CO 12m',
  ].join('\n');
  assert.deepEqual(detectedValues(register, 'ADDRESS', { kind: 'document-text' }), []);
  // two spaces inside an address are still an address
  assert.deepEqual(detectedValues('Mr Jones of 29  Watford Drive, Hemel', 'ADDRESS'), ['29  Watford Drive, Hemel']);
});

test('identifiers a guidance page labels "(example)" are nobody\'s', () => {
  const guidance = [
    'The identifiers below are EXAMPLES ONLY and do not relate to any person:',
    '   National Insurance number (example):    QQ 12 34 56 C',
    '   NHS number (example format):            999 123 4527',
    '   Phone number (example):                 01632 960000',
  ].join('\n');
  const found = detect(guidance, { kind: 'document-text' }).findings;
  assert.deepEqual(found.map((f) => f.entity), []);
  // the same numbers given as someone's still count
  assert.deepEqual(detectedValues('National Insurance number: QQ 12 34 56 C', 'NI_NUMBER'), ['QQ 12 34 56 C']);
});

test("a street's words are no case words: an event at a host's home in Gurney Court Road is no court case", () => {
  const event = 'Hosted by scheme coordinator Mrs Petra Lindqvist at her home, 41 Gurney Court Road, St Albans AL1 4RL. Places are limited to 15 – please RSVP to Petra on 07700 900412.';
  const result = detect(event, { kind: 'event', section: 'events' });
  assert.equal(result.records.filter((r) => r.isCaseRecord).length, 0);
  assert.equal(result.findings.find((f) => f.value === 'Mrs Petra Lindqvist')?.severity, 'high');
  // a court named in the words around the home still makes it one
  const court = detect('Mrs Petra Lindqvist of 41 Gurney Court Road, St Albans AL1 4RL appeared at court charged with theft.', { kind: 'paragraph' });
  assert.equal(court.records.filter((r) => r.isCaseRecord).length, 1);
});

test('an incident log\'s "Domestic – verbal" and "DASH completed", and a breached order, are case words', () => {
  const log = 'GMP-20250915-0017 | 15/09/2025 00:12 | Hussain, Faisal | Flat 12, Chapel Court, Stockport Road, Manchester M19 3AB | 07700 900735 | Domestic – verbal | Reports ex-partner refusing to leave the flat | DASH completed – standard';
  assert.equal(caseRecordCount(log, { kind: 'cell-row' }), 1);
  const mail = 'my ex Tyrone Bassey keeps turning up at my flat (Flat 7, Lister Court, Fairlands Way, Stevenage SG1 1DT) despite the order.';
  assert.equal(caseRecordCount(mail, { kind: 'document-text' }), 1);
  // the same log with no incident type is no case
  const plain = 'GMP-20250915-0017 | 15/09/2025 00:12 | Hussain, Faisal | Flat 12, Chapel Court, Stockport Road, Manchester M19 3AB | 07700 900735 | Callback requested';
  assert.equal(caseRecordCount(plain, { kind: 'cell-row' }), 0);
});

test("a plate is tied to a person the words make its keeper; a plate beside a name is not", () => {
  const alt = detectedSeverities('Photo: the red Nissan Qashqai JNZ 9057 belonging to Kwame Asante after paint was thrown over it on Racecourse Road, Derry', { kind: 'attribute', section: 'news' });
  assert.equal(alt.get('JNZ 9057'), 'high');
  assert.equal(alt.get('Kwame Asante'), 'high');
  const row = detectedSeverities('SZ-2611-083 | 06/11/2026 | GSZ 7702 | Ford Fiesta, silver | Registered keeper: Ciarán Mac Cormaic | Reason: no insurance', { kind: 'cell-row' });
  assert.equal(row.get('GSZ 7702'), 'high');
  // a witness appeal names a plate and, separately, the person who saw it
  const appeal = detectedSeverities('Officers want to trace a silver Ford Focus, KX19 TRN, seen leaving the scene. Passer-by Amy Lowther stopped to help.', { kind: 'paragraph', section: 'news' });
  assert.equal(appeal.get('KX19 TRN'), 'low');
});

test('a custody record is a case: "Detained person", "Reason for arrest" and a Class A charge', () => {
  const custody = [
    'CUSTODY RECORD  -  PRINT            Custody No. 61CU/18822/26          Page 1 of 4',
    'Detained person:   NWACHUKWU, Chidi Emmanuel',
    'DOB:               16/08/1990          Place of birth: Enugu, Nigeria',
    'Home address:      27 Ladypool Road, Sparkbrook, Birmingham B12 8JU',
    'Mobile:            07700 900861',
    'Reason for arrest: Suspicion of possession with intent to supply Class A',
  ].join('\n');
  const result = detect(custody, { kind: 'document-text' });
  assert.equal(result.records.filter((r) => r.isCaseRecord).length, 1);
  assert.ok(result.records[0]!.natures.includes('drugs'));
  // the same person and home on a form with no arrest or offence is no case
  const form = 'Name:   NWACHUKWU, Chidi Emmanuel\nDOB:    16/08/1990\nHome address:   27 Ladypool Road, Sparkbrook, Birmingham B12 8JU';
  assert.equal(caseRecordCount(form, { kind: 'document-text' }), 0);
});

test('"interviewed under caution" names a suspect, and "fly-tip" or "tipped" waste is an offence (corpus40, corpus56)', () => {
  const row = 'FT-26-3318 | 09/11/2026 | Asbestos sheeting fly-tipped in lay-by on A170 near Kirkbymoorside | Registered keeper | Darren Holloway | 41 Eastfield Road, Pickering YO18 7HU | 14/03/1979 | Interview under caution booked 02/12';
  assert.equal(caseRecordCount(row, { kind: 'cell-row' }), 1);
  const tooltip = 'Eight-year-old Oliver Ashdown bitten on the arm outside his home, 15 Beachy Head Road, Eastbourne BN20 7QN, by an XL bully kept at 21 Beachy Head Road. Owner Wayne Tulley interviewed under caution.';
  assert.equal(caseRecordCount(tooltip, { kind: 'json' }), 1);
});

test("a victim's home in an incident is a case though no name is given; an offence near a street number alone is not (corpus59)", () => {
  const appeal = 'APPEAL – Distraction burglary, Bedford. An 86-year-old woman was targeted at her home at 27 Tennyson Avenue, Bedford MK40 3JH on Monday afternoon.';
  const result = detect(appeal, { kind: 'paragraph', section: 'news' });
  assert.equal(result.records.filter((r) => r.isCaseRecord).length, 1);
  assert.equal(result.findings.find((f) => f.entity === 'ADDRESS')?.severity, 'critical');
  const still = 'Doorbell camera still of the suspect at the front door of 52 Grange Road, Northallerton moments before the victim\'s parcel was stolen.';
  assert.equal(caseRecordCount(still, { kind: 'attribute' }), 1);
  // a shop's address with a theft and no one's home named
  const shop = 'Shoplifting reported at 14 High Street, Hitchin SG5 1AT on Tuesday; two men left towards the bus station.';
  assert.equal(caseRecordCount(shop, { kind: 'paragraph' }), 0);
});

test("a volunteer coordinator's home and contacts are private, however the page labels them; a team bio's 'home of' names a member of the public (corpus50, corpus64)", () => {
  const watch = 'Neighbourhood Watch – Fernhill Estate. Coordinator: Alan Stroud-Whitby, 18 Pennine View, Huddersfield HD2 1TR, tel 07700 900907, email alan.sw.fernhillnw@gmail.com. Police contact: PCSO Lucy Barraclough, huddersfield.north.npt@westyorkshire.police.uk.';
  const s = detectedSeverities(watch, { kind: 'contact', section: 'contact' });
  for (const v of ['Alan Stroud-Whitby', '18 Pennine View, Huddersfield HD2 1TR', '07700 900907', 'alan.sw.fernhillnw@gmail.com']) assert.equal(s.get(v), 'high', v);
  assert.equal(s.get('Lucy Barraclough'), 'low');
  const labelled = detectedSeverities('Ampthill Neighbourhood Watch coordinator: Rhys Pemberton, 8 Saunders Piece, Ampthill MK45 2RX, rhys.pemberton@example.co.uk', { kind: 'list-item' });
  assert.equal(labelled.get('Rhys Pemberton'), 'high');
  const bio = detect('PC Anil Varma joined the Hertford Safer Neighbourhood Team in 2011. He recently secured a Closure Order on 47 Highfield Rise, Hertford SG14 3EJ, home of Gary Tolland, after months of drug-related anti-social behaviour reported by neighbours.', { kind: 'team-member', section: 'team' });
  assert.equal(bio.findings.find((f) => f.value === 'Gary Tolland')?.severity, 'critical');
  assert.equal(bio.findings.find((f) => f.value === 'Anil Varma')?.severity, 'low');
  const event = detect('Beat surgery, Royston Library, Market Hill, Royston SG8 9JN, with PCSO Kwame Asante. Note for attending officers: follow up with Mrs Beryl Ashcombe of 2 Kneesworth Lane, Royston SG8 5EP, victim of repeated egging.', { kind: 'event', section: 'events' });
  assert.equal(event.findings.find((f) => f.value === '2 Kneesworth Lane, Royston SG8 5EP')?.severity, 'critical');
  assert.equal(event.findings.find((f) => f.value.startsWith('Royston Library'))?.severity, 'low');
});

test('a safeguarding referral is a case: an adult at risk, child protection, neglect (corpus54, corpus65 and eight older corpora)', () => {
  const referral = 'Adult Protection Gateway referral. Adult at risk: Eileen Montgomery   DOB: 30/12/1937\nAddress: Ballyloughan Cottage, 12 Ballyloughan Road, Ballymena BT43 5PW\nConcern: her nephew, Jonathan Montgomery, has been withdrawing money from her pension account.';
  assert.equal(caseRecordCount(referral, { kind: 'document-text' }), 1);
  // a safeguarding lead's bio with an office address is no case
  const bio = detect('DS Helen Ward leads on safeguarding for the north of the county. Write to her at Hatfield Police Station, Comet Way, Hatfield AL10 9SJ.', { kind: 'team-member', section: 'team' });
  assert.equal(bio.records.filter((r) => r.isCaseRecord).length, 0);
});

test("a volunteer group's organiser gives a home landline too (corpus15, corpus59, corpus67)", () => {
  const s = detectedSeverities('Morley Neighbourhood Watch: to join, contact the scheme organiser, Sheila Dunmore, on 0113 496 0587.', { kind: 'contact', section: 'contact' });
  assert.equal(s.get('0113 496 0587'), 'high');
  // a council's page keeps its officer's desk number public
  assert.equal(detectedSeverities('For housing ASB contact Jane Whitlock on 01632 960123.', { kind: 'contact', section: 'contact' }).get('01632 960123'), 'low');
});
