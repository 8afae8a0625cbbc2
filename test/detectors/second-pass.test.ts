import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect, detectBlocks } from '../../detectors/index.js';
import { detectedValues as values } from '../helpers/detected.js';

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

test('a table pasted as text: each cell is read by its column header', () => {
  const table = [
    'Ref | Reported | Name | DOB | Home address | Role',
    '41/88120/26 | 02/10/2026 | ACHTERBERG, Wilma | 30/01/1957 | 9 HAZEL WALK, HITCHIN | Victim',
    '41/88120/26 | 02/10/2026 | Desmond Uchenna Pryde | 11/11/1999 | 14 THE SPINNEY, HITCHIN | Suspect',
  ].join('\n');
  const r = detect(table, { kind: 'paragraph' });
  const by = (e: string): string[] => r.findings.filter((f) => f.entity === e).map((f) => f.value);
  // the report dates sit under "Reported": not birth dates, although "DOB" heads another column
  assert.deepEqual(by('DATE_OF_BIRTH'), ['30/01/1957', '11/11/1999']);
  assert.deepEqual(by('ADDRESS'), ['9 HAZEL WALK, HITCHIN', '14 THE SPINNEY, HITCHIN']);
  assert.deepEqual(by('PERSON'), ['ACHTERBERG, Wilma', 'Desmond Uchenna Pryde']);
  assert.ok(r.records.some((x) => x.isCaseRecord));
});

test('one row per block: the header row given by the page maps the cells, and "Not known" is no name', () => {
  const [, row] = detectBlocks([
    { text: 'Name | Date of birth | Address | Role', kind: 'table-row', location: 'tr:1', section: 'other' },
    { text: 'Not known | 05/05/1980 | 2 MILL END, SANDON | Witness', kind: 'table-row', location: 'tr:2', section: 'other' },
  ], { recordIdPrefix: 't' });
  assert.deepEqual(row!.findings.map((f) => [f.entity, f.value]), [['DATE_OF_BIRTH', '05/05/1980'], ['ADDRESS', '2 MILL END, SANDON']]);
});

test('names that are premises, institutions or places listed with places are not people; an age after one keeps it', () => {
  const clean = 'Staff at the Victoria Wine bar, the Golden Lotus takeaway, The Lord Nelson and Sir John Lawes School were briefed. Patrols between Much Hadham and Perry Green continue.';
  assert.deepEqual(values(clean, 'PERSON'), []);
  assert.deepEqual(values('Bins were set alight in Bury Green Road, Cheshunt and Kamal Osei (30) of Ware was arrested.', 'PERSON'), ['Kamal Osei']);
  assert.deepEqual(values('Statement taken from Mortimer House residents.', 'PERSON'), []);
});

test('a make or an acronym beside a number is no dateless plate; a building name before the house number joins the address', () => {
  assert.deepEqual(values('The driver of a grey BMW 3 Series and 41 ASB reports in the vehicle crime period.', 'VEHICLE_REG'), []);
  assert.deepEqual(values('IP: Flat 11, Mortimer House, 3 Queensway, Hemel Hempstead HP1 1LS.', 'ADDRESS'), ['Flat 11, Mortimer House, 3 Queensway, Hemel Hempstead HP1 1LS']);
});

test('kinship names a private person, and later mentions of that one word follow', () => {
  const text = 'PCSO visits continue to Mrs Ayan Warsame and her son Liban, 14. Liban has since returned to school.';
  assert.deepEqual(values(text, 'PERSON'), ['Mrs Ayan Warsame', 'Liban', 'Liban']);
  assert.deepEqual(values('Her son, who is 14, and his friend were not hurt.', 'PERSON'), []);
});

test('another house in a street already found with its town is an address; the street alone or another street is not', () => {
  const text = 'Complainant Mrs Orla Keane of 27 Fernlea, Letchworth reports noise from 29 Fernlea most nights. Patrols in Fernlea and at 31 Fernlea Road continue.';
  const found = detect(text).findings.filter((f) => f.entity === 'ADDRESS').map((f) => [f.value, f.reasons[0]]);
  // "31 Fernlea Road" is the grammar's own find, whole, not a repeat of Fernlea
  assert.deepEqual(found, [['27 Fernlea, Letchworth', 'address:area-of-person'], ['29 Fernlea', 'address:repeat-street'], ['31 Fernlea Road', 'address:grammar']]);
  assert.deepEqual(values('Mrs Orla Keane said 40 Fernlea residents signed.', 'ADDRESS'), []);
  // a number glued to a letter, a slash or five digits is no house number; "29a" and a tab are
  const repeats = (t: string) => detect(t).findings.filter((f) => f.reasons[0] === 'address:repeat-street').map((f) => f.value);
  const lead = 'Complainant Mrs Orla Keane of 27 Fernlea, Letchworth reports noise from ';
  assert.deepEqual(repeats(`${lead}29a\tFernlea, B29 Fernlea, 3/29 Fernlea, 12345 Fernlea and 33 Fernleaside.`), ['29a\tFernlea']);
});

test('bank details: each sort code is checked against its nearest account number; a failed check lowers the score', () => {
  const text = 'She moved money from her account (sort code 40-47-84, account no. 70872490) to the "safe account" 60-16-13 31926819.';
  assert.deepEqual(values(text, 'BANK_ACCOUNT'), ['40-47-84', '70872490', '60-16-13', '31926819']);
  // a pair that fails the modulus check is still bank details beside a banking cue, with a lower score
  const failed = detect('Sort code 40-47-84, account number 70872491.').findings.filter((f) => f.entity === 'BANK_ACCOUNT');
  assert.deepEqual(failed.map((f) => f.value), ['40-47-84', '70872491']);
  const passed = detect('Sort code 40-47-84, account number 70872490.').findings.filter((f) => f.entity === 'BANK_ACCOUNT');
  assert.ok(failed.every((f, i) => f.score < passed[i]!.score), 'a failed check scores lower');
  // without a banking cue neither is reported
  assert.deepEqual(values('Ref 40-47-84, item 70872491.', 'BANK_ACCOUNT'), []);
});

test('a street with its postcode is an address even without a house number', () => {
  assert.deepEqual(values('Bike marking | Saturday | Sainsbury\'s car park, Ascot Road, Watford WD18 8AD', 'ADDRESS', { section: 'events' }), ['Ascot Road, Watford WD18 8AD']);
});

test('makes before makes, parks listed with parks and meeting acronyms are not people', () => {
  assert.deepEqual(values('Thefts of Land Rover Discovery and Toyota Prius and Honda Jazz models rose.', 'PERSON'), []);
  assert.deepEqual(values('Riders crossed Verulamium Park and Clarence Park. Marshalswick PACT met on Friday.', 'PERSON'), []);
});

test('UK towns and villages as whole runs are places, also in team pages and as localities of an address', () => {
  const team = detect('PCSO Mehmet Yildiz - Stansted Mountfitchet and Saffron Walden', { section: 'team' });
  assert.deepEqual(team.findings.filter((f) => f.entity === 'PERSON').map((f) => f.value), ['Mehmet Yildiz']);
  assert.deepEqual(values('Crews from Princes Risborough will train on weekdays.', 'PERSON'), []);
  assert.deepEqual(values('Victim Ms Ana Lima of Flat 6, 12 Cowley Road, Ampthill was threatened.', 'ADDRESS'), ['Flat 6, 12 Cowley Road, Ampthill']);
  // a title keeps a person whose name is also a village
  assert.deepEqual(values('Mr Harold Wood, 61, was assaulted.', 'PERSON'), ['Mr Harold Wood']);
});

test('an initial with a dot joins the name, an age between commas is a cue, a colour makes a thing', () => {
  assert.deepEqual(values('Money went to an account in the name of Kelechi A. Nwosu, sort code 09-01-28.', 'PERSON'), ['Kelechi A. Nwosu']);
  assert.deepEqual(values('Police are looking for Bikash Gurung, 38, who was last seen in Reading.', 'PERSON'), ['Bikash Gurung']);
  assert.deepEqual(values('She wore white Nike Air trainers and a black North Face jacket.', 'PERSON'), []);
});

test('a register surname in capitals is followed up in title case; an honorific possessive names a school; a banned-from street is no home', () => {
  assert.deepEqual(values('Subject: MAHMOOD, Tariq DOB 03/08/1999. A warning was issued to Mahmood on Friday.', 'PERSON'), ['MAHMOOD, Tariq', 'Mahmood']);
  assert.deepEqual(values("Pupils of Sir William Borlase's Grammar School helped.", 'PERSON'), []);
  assert.deepEqual(values('The order bans Connor Whitby, 22, of Sutton Road, Southend from London Road.', 'ADDRESS'), ['Sutton Road, Southend']);
  assert.deepEqual(values('Drink driving (RTA 1988 s.5) by the driver of the car.', 'VEHICLE_REG'), []);
});

test('a date with its own DOB cue inside another column of a table stays a birth date', () => {
  const table = 'Ref | Reported | Victim | Victim DOB | Outcome\nASB/1 | 02/08/2026 | MACLEOD, Hamish | 02/12/1948 | ABC signed (perp BAKER, Ellis DOB 27/03/2010)';
  assert.deepEqual(values(table, 'DATE_OF_BIRTH'), ['02/12/1948', '27/03/2010']);
});

test('repeat mentions scale with the text, not with the number of names: a register of 3,000 people', () => {
  const forenames = ['Adaeze', 'Bartosz', 'Ciaran', 'Deepa', 'Emre', 'Farida', 'Gwilym', 'Hui', 'Ioana', 'Jamal'];
  const surnames = Array.from({ length: 300 }, (_, i) => `Okonkwo${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
  const lines: string[] = [];
  for (const s of surnames) for (const f of forenames) lines.push(`Victim ${f} ${s}, 30, of Ware.`);
  const text = `${lines.join(' ')} Later ${surnames[299]} was seen.`;
  const r = detect(text);
  const last = r.findings.filter((f) => f.entity === 'PERSON').at(-1)!;
  assert.equal(last.value, surnames[299]);
  assert.ok(last.reasons.includes('person:repeat-mention'));
});

test('CSV exports, quoted or not: cells read by column; a finding running across cells is cut back to its cell', () => {
  const quoted = '"Case ID","Opened","Subject","DOB","Address","Postcode","Type"\n"ASB/PR/1","12/08/2025","Reece Halliwell","01/04/2007","44 FISHERGATE HILL, PRESTON","PR1 8JB","Youth nuisance"';
  const q = detect(quoted, { kind: 'paragraph' });
  assert.deepEqual(q.findings.map((f) => [f.entity, f.value]), [
    ['PERSON', 'Reece Halliwell'], ['DATE_OF_BIRTH', '01/04/2007'], ['ADDRESS', '44 FISHERGATE HILL, PRESTON'], ['POSTCODE', 'PR1 8JB'],
  ]);
  const plain = 'Seized,VRM,Make/Model,Keeper,Keeper DOB,Keeper address,Postcode\n02/10/2025,WK12 OFP,Vauxhall Corsa,TREGENZA Jake,15/01/1998,71 ALBERT ROAD PLYMOUTH,PL2 1AJ';
  const p = detect(plain, { kind: 'paragraph' });
  assert.deepEqual(p.findings.map((f) => [f.entity, f.value]), [
    ['VEHICLE_REG', 'WK12 OFP'], ['PERSON', 'TREGENZA Jake'], ['DATE_OF_BIRTH', '15/01/1998'], ['ADDRESS', '71 ALBERT ROAD PLYMOUTH'], ['POSTCODE', 'PL2 1AJ'],
  ]);
  // prose with commas is no table
  assert.deepEqual(values('Officers visited Ware, Hertford, Tring and Royston, and 4 people were arrested.', 'PERSON'), []);
});

test('a tab ends an address segment; care homes, team-page places and "Blue Seat Leon" are not people', () => {
  assert.deepEqual(values('DA-1\t14/03/2023\tDonna Fielder-Marsh\tOrchard View, Lower Rainham Road, Rainham ME8 7UD', 'ADDRESS', { kind: 'table-row' }), ['Orchard View, Lower Rainham Road, Rainham ME8 7UD']);
  // (a lone forename with an age after it is a person: Thomas is; the care home is not)
  assert.deepEqual(values('Thomas, 82, went missing from Beechwood Care Home, 40 Garstang Road, Preston PR1 1NA.', 'PERSON'), ['Thomas']);
  assert.deepEqual(values('b) Blue Seat Leon YD68 RFA seen twice.', 'PERSON'), []);
  const team = detect('Meet your team – Whalley Range & Chorlton\nPC Nkechi Eze – Ward officer. Speaks Igbo and Yoruba.\nAmara Obi – PCSO', { section: 'team' });
  assert.deepEqual(team.findings.filter((f) => f.entity === 'PERSON').map((f) => f.value), ['Nkechi Eze', 'Amara Obi']);
});

test("a street after someone's home, and a flat in a named building after '<age>, of', are home addresses", () => {
  assert.deepEqual(values("It was stolen from outside the owner's home in Chichester Road, Bognor Regis overnight.", 'ADDRESS'), ['Chichester Road, Bognor Regis']);
  assert.deepEqual(values('Kwabena Asante-Owusu, 26, of Flat 4, Larkhill House, Blackburn, was cautioned.', 'ADDRESS'), ['Flat 4, Larkhill House, Blackburn']);
});

test('a list of people line by line is one record per line, each framed by the block (a court list, a CSV export)', () => {
  const list = [
    'COURT RESULTS – LUTON MAGISTRATES – WEEK ENDING 7 NOVEMBER',
    '- Nathan Holden, 31, of 12 Whalley Road, Luton LU2 0AA, drink-driving. Disqualified.',
    '- Shazia Mirza, 45, of 17 Audley Range, Luton LU1 1TB, benefit fraud. Community order.',
  ].join('\n');
  const r = detect(list, { kind: 'paragraph' });
  const cases = r.records.filter((x) => x.isCaseRecord);
  assert.equal(cases.length, 2);
  assert.deepEqual(cases.map((c) => c.subjectKeys), [['nathan holden'], ['shazia mirza']]);
  // one person over several lines stays one record
  const card = detect('Victim: Mrs Ada Kole\nAddress: 4 Hill Rise, Ware SG12 0AA\nDOB 02/03/1950\nNature: burglary', { kind: 'paragraph' });
  assert.equal(card.records.filter((x) => x.isCaseRecord).length, 1);
});

test('a list of people is not a list of places because one surname or forename is also a village', () => {
  const text = 'Present: PCSO Bradley Kemp, Lorna Whitcombe (DBC Community Safety), 9 residents.';
  assert.deepEqual(values(text, 'PERSON'), ['Bradley Kemp', 'Lorna Whitcombe']);
  // a ward's qualifier may follow the town: "Hatfield South and Roe Green" is two places
  assert.deepEqual(values('PCSO Amrit Dhillon – Hatfield South and Roe Green.', 'PERSON', { section: 'team' }), ['Amrit Dhillon']);
});

test('a capitalised word glued to digits belongs to a code, not to a name', () => {
  assert.deepEqual(values('Reports from Llandeilo SA19 6AB and Crosshands.', 'PERSON'), []);
});

test('Welsh addresses: house names and streets open with their type word', () => {
  assert.deepEqual(values('Victim Mr Gareth Prys-Jones, Bryn Awel, Heol Rhosmaen, Llandeilo SA19 6AB: tyres slashed.', 'ADDRESS'), ['Bryn Awel, Heol Rhosmaen, Llandeilo SA19 6AB']);
  assert.deepEqual(values('Suspect Dylan Morse of 14 Heol y Parc, Llandeilo was warned for criminal damage.', 'ADDRESS'), ['14 Heol y Parc, Llandeilo']);
  // a street alone is still no address
  assert.deepEqual(values('Patrols on Heol Rhosmaen and Ffordd y Capel continue.', 'ADDRESS'), []);
});

test('a date in brackets right after a private name is a birth date when it is old enough; the bracket is also a name cue', () => {
  const text = 'Persons of interest: Reece Lomax (02.07.2006), Mason Carberry (19.11.2005).';
  assert.deepEqual(values(text, 'DATE_OF_BIRTH'), ['02.07.2006', '19.11.2005']);
  assert.deepEqual(values(text, 'PERSON'), ['Reece Lomax', 'Mason Carberry']);
  // an event date in brackets is too recent to be anyone's birth date, and an officer's is not looked for
  const now = new Date();
  const lastMonth = `${String(now.getUTCDate()).padStart(2, '0')}/${String(((now.getUTCMonth() + 11) % 12) + 1).padStart(2, '0')}/${now.getUTCFullYear() - (now.getUTCMonth() === 0 ? 1 : 0)}`;
  assert.deepEqual(values(`Warning issued to Reece Lomax (${lastMonth}).`, 'DATE_OF_BIRTH'), []);
  assert.deepEqual(values('Led by PC Amara Ibe (02.07.1986).', 'DATE_OF_BIRTH'), []);
});

test('registers: a listed surname in capitals before a forename, a rank with a collar number, a form surname field', () => {
  assert.deepEqual(values('14 | KOWALCZYK Agnieszka | 23/02/1987 | Shoplifting | OIC PC 4471 Ward', 'PERSON', { kind: 'table-row' }), ['KOWALCZYK Agnieszka', 'Ward']);
  const ward = detect('OIC PC 4471 Ward', { kind: 'table-row' }).findings[0]!;
  assert.equal(ward.severity, 'low', 'an officer named by rank and collar number is public-role');
  assert.deepEqual(values('Surname: MACKINNON          Forename(s): Eilidh Rose', 'PERSON'), ['MACKINNON', 'Eilidh Rose']);
  assert.deepEqual(values('Surname: Not known. Team: PC 2210 and PC 3310 Station Road.', 'PERSON'), []);
  // capitals on both words are a heading, not a register entry
  assert.deepEqual(values('LOST PROPERTY', 'PERSON'), []);
});

test('landmarks joined by "and" or "&" are not people', () => {
  assert.deepEqual(values('Kirkstone Pass and Honister Pass may close. Queues at Aintree and Orrell Park stations.', 'PERSON'), []);
  assert.deepEqual(values('Easton & Lawrence Hill NPT – Priority: drug supply', 'PERSON'), []);
  // a person after "and" with an age is still a person
  assert.deepEqual(values('Kyle Dempsey and Orrell Hill, 23, of Bootle were charged.', 'PERSON'), ['Kyle Dempsey', 'Orrell Hill']);
});

test('council and partner staff named with their body in brackets, a role label or a signature title are public-role', () => {
  const sev = (text: string, name: string, ctx = {}): string | undefined => detect(text, ctx).findings.find((f) => f.value === name)?.severity;
  const minutes = 'Attending: Ch Insp Ross Whitlock (Essex Police), Amanda Keable (Colchester City Council), Kofi Asante (Adult Social Care). Resident Mr Kwabena Mensah of 4 Crouch Street, Colchester reported harassment.';
  assert.equal(sev(minutes, 'Amanda Keable'), 'low');
  assert.equal(sev(minutes, 'Kofi Asante'), 'low');
  assert.equal(sev(minutes, 'Mr Kwabena Mensah'), 'critical');
  assert.equal(sev('Head of News: Danielle Okoro', 'Danielle Okoro'), 'low');
  assert.equal(sev('The panel met on 24 April.\nYours sincerely,\nMichelle Ayodele\nASB & Community Safety Manager\nTel: 01632 960733', 'Michelle Ayodele'), 'low');
  // a residents' association or Neighbourhood Watch member is a private person
  assert.notEqual(sev("Siobhán Ní Bhriain (Residents' Association) asked about speeding.", 'Siobhán Ní Bhriain'), 'low');
  assert.notEqual(sev('Graham Pettifer (Neighbourhood Watch) asked about speeding.', 'Graham Pettifer'), 'low');
});

test('a role cue before a title with an organisation word does not make it a name', () => {
  assert.deepEqual(values('Economic Crime Unit – Victim Care Referral (courier fraud)', 'PERSON'), []);
  assert.deepEqual(values('Victim Mary Okafor was not hurt.', 'PERSON'), ['Mary Okafor']);
});

test('a house number and a street without a street-type word after "occupants of" or "lives at" is an address', () => {
  assert.deepEqual(values('You told us about noise from the occupants of 25 Ashlyns, your neighbour Ms Kerry Dunmore.', 'ADDRESS'), ['25 Ashlyns']);
  assert.deepEqual(values('She lives at 4 Marlowes, Hemel Hempstead and was threatened.', 'ADDRESS'), ['4 Marlowes, Hemel Hempstead']);
  assert.deepEqual(values('Residents of 40 Homes were consulted; around 25 Ashlyns households replied.', 'ADDRESS'), []);
});

test("a press officer named after a media label, and the phone number given straight after a public-role person, are public-role", () => {
  const r = detect('Chief Constable Adrian Coulthard added that every ward would have a named officer. Media enquiries: Joanne Bewick, press office, 01632 960722.');
  assert.deepEqual(r.findings.map((f) => [f.value, f.severity]), [['Adrian Coulthard', 'low'], ['Joanne Bewick', 'low'], ['01632 960722', 'low']]);
  // a number after the officer but about someone else stays private
  const other = detect('PC Dan Lee said the victim, who can be reached on 07700 900418, was shaken.').findings.find((f) => f.entity === 'PHONE');
  assert.notEqual(other?.severity, 'low');
});

test('names: Welsh particles, Mc inside capitals, an age apposition beside a town-named surname; wide layout gaps and list numbers are no names', () => {
  assert.deepEqual(values('One rider, Rhys ap Dafydd, has been reported for no insurance.', 'PERSON'), ['Rhys ap Dafydd']);
  assert.deepEqual(values('MFH-2025-0873 | LENNON-McBRIDE, Skye | 22/01/2011 | 9 Kelso Gardens', 'PERSON', { kind: 'table-row' }), ['LENNON-McBRIDE, Skye']);
  assert.deepEqual(values('Police are warning residents after Doreen Hatfield, 84, handed over £18,000.', 'PERSON'), ['Doreen Hatfield']);
  assert.deepEqual(values('OFFICIAL – SENSITIVE                                                Page 1 of 2', 'PERSON'), []);
  assert.deepEqual(values('Name: Connor Drummond        Approx. age: 30', 'PERSON'), ['Connor Drummond']);
  assert.deepEqual(values('Priorities agreed: (1) ASB in Hamilton Park, (2) vehicle crime.', 'PERSON'), []);
});

test('a case list\'s "name, date of birth, address" gives the date as a birth date', () => {
  const text = 'Item 4: Carys Wynne-Jones, 17/08/1992, 58 Clifton Street, Adamsdown, Cardiff CF24 1LS. High-risk DA victim.';
  assert.deepEqual(values(text, 'DATE_OF_BIRTH'), ['17/08/1992']);
  assert.deepEqual(detect(text).findings.map((f) => f.severity), ['critical', 'critical', 'critical']);
});

test('forms: name fields in capitals and birth dates typed with spaced slashes', () => {
  const form = 'Please complete in BLOCK CAPITALS\nFull name:  ROSALIND MAE CORCORAN\nAddress:  2 FERRY LANE COTTAGES, REEDHAM, NORWICH NR13 3HA\nDate of birth:  09 / 04 / 1958\n';
  assert.deepEqual(values(form, 'PERSON'), ['ROSALIND MAE CORCORAN']);
  assert.deepEqual(values(form, 'DATE_OF_BIRTH'), ['09 / 04 / 1958']);
  assert.deepEqual(values('Premises Name: The Red Lion\nName: Safer Neighbourhood Team', 'PERSON'), []);
});

test('places, shops and venues that look like names; counts in a table are not house numbers; a street someone unnamed lives on is no address', () => {
  assert.deepEqual(values("Sainsbury's St Dunstan's and Morrisons Wincheap refused to serve.", 'PERSON'), []);
  assert.deepEqual(values('Meeting at Stanley Civic Hall on Front Street.', 'PERSON'), []);
  assert.deepEqual(values('Postcode\tOffences\tSolved\nLS7 4PJ\t9\t1\nLS8 5QD\t7\t0', 'POSTCODE'), ['LS7 4PJ', 'LS8 5QD']);
  assert.deepEqual(values('A 16-year-old boy living on Cambridge Road has been identified.', 'ADDRESS'), []);
  assert.deepEqual(values('Ryan Thackeray, who lives on Tennyson Road, Harpenden, breached the notice.', 'ADDRESS'), ['Tennyson Road, Harpenden']);
});

test('a short form of the forename of a person named in full is a repeat mention; one that is a common word is not', () => {
  const text = 'Oliver Tremayne, from St Austell, died in the collision. His mum said: "Ollie was the life and soul of every room."';
  assert.deepEqual(values(text, 'PERSON'), ['Oliver Tremayne', 'Ollie']);
  assert.deepEqual(values('William Okafor, 31, of Bootle was charged. Will the road reopen? Police said Billy had no licence.', 'PERSON'), ['William Okafor', 'Billy']);
});

test('a house number after an age and "of" is an address without a street type or town; page counts and dates are not', () => {
  assert.deepEqual(values('Darren Whitlock, 34, of 24 Highfield, was jailed for burglary.', 'ADDRESS'), ['24 Highfield']);
  assert.deepEqual(values('Kyle Donnelly (15) of 7 Broadwater was cautioned.', 'ADDRESS'), ['7 Broadwater']);
  assert.deepEqual(values('Page 1 of 6 OFFICIAL. Amara, 15, of 19 October fame.', 'ADDRESS'), []);
});

test("a street in brackets right after a private person's name is their address; after a place or an officer it is not", () => {
  assert.deepEqual(values('Complainant Mr Sean Halloran (Cavendish Way) reports youths kicking his door.', 'ADDRESS'), ['Cavendish Way']);
  assert.deepEqual(values('Patrols in Hemel (Cavendish Way) continue.', 'ADDRESS'), []);
  assert.deepEqual(values('PC Amy Lee (Cavendish Way) patrols.', 'ADDRESS'), []);
});

test('ranks written "Det Con", collar numbers before full names, role nouns as cues, document authors; areas and "Residents of" are no people', () => {
  const sev = (text: string): string[][] => detect(text).findings.map((f) => [f.entity, f.value, f.severity]);
  assert.deepEqual(sev('Det Con Lucy Barnaby said the pair had profited.'), [['PERSON', 'Lucy Barnaby', 'low']]);
  assert.deepEqual(sev('Reporting officer: PC 1764 Grant Ellison'), [['PERSON', 'Grant Ellison', 'low']]);
  assert.deepEqual(values('A closure order for 17 Tennyson Road, Lowestoft NR32 1BZ, the home of Dean Pryke, after complaints.', 'PERSON'), ['Dean Pryke']);
  assert.deepEqual(values('Contact our local coordinator Bill Ransome on 07700 900854.', 'PERSON'), ['Bill Ransome']);
  assert.deepEqual(sev('Title: Melksham NPT update; Author: H Merriweather; Company: Wiltshire Police'), [['PERSON', 'H Merriweather', 'low']]);
  assert.deepEqual(values('Off-road bikes – Berwick Hills and Pallister Park.', 'PERSON'), []);
  assert.deepEqual(values('Residents of Chiltern Road have reported stones thrown at windows by youths.', 'ADDRESS'), []);
});

test('the name someone goes by, written after their full name, is theirs; CHI numbers, author ranks, layout gaps and parks in an address column', () => {
  assert.deepEqual(values('Gurpreet Singh Sandhu, 58, known to his friends as Gary, was walking home.', 'PERSON'), ['Gurpreet Singh Sandhu', 'Gary']);
  assert.deepEqual(values('• Farhan Qureshi aka "Fizz" (DOB 27/10/2002) – 31 Waterloo Road', 'PERSON'), ['Farhan Qureshi', 'Fizz']);
  assert.deepEqual(values('Subject: Kirsty Dalgleish\nCHI: 1408963124', 'NHS_NUMBER'), ['1408963124']);
  const meta = detect('Author: PS 824 Jennifer Bell\nCompany: North Yorkshire Police').findings;
  assert.deepEqual(meta.map((f) => [f.entity, f.value, f.severity]), [['PERSON', 'Jennifer Bell', 'low']]);
  assert.deepEqual(values('Insurer: Direct Line   Breath test: Positive', 'PERSON'), []);
  assert.deepEqual(values('Ref | Address | Nature of ASB\nASB/26/0413 | Verdin Park (open space) | Youths drinking', 'ADDRESS'), []);
});

test('labelled identifiers in any case or run together: "VRM kx18fht", "Postcode: hp2 7qx", "Sort Code: 402115", "CHI 010101 9017"', () => {
  assert.deepEqual(values('Vehicle: silver Ford Focus, VRM kx18fht, seen leaving at speed.', 'VEHICLE_REG'), ['kx18fht']);
  assert.deepEqual(values('Reg. No. kx18 fht (keeper unknown)', 'VEHICLE_REG'), ['kx18 fht']);
  assert.deepEqual(values('Postcode: hp2 7qx', 'POSTCODE'), ['hp2 7qx']);
  assert.deepEqual(values('Sort Code: 402115 Account No: 41011223', 'BANK_ACCOUNT'), ['402115', '41011223']);
  assert.deepEqual(values('CHI number: 010101 9017', 'NHS_NUMBER'), ['010101 9017']);
  // without a label or a vehicle word, lower case and six run-together digits stay ordinary text
  assert.deepEqual(values('a bowl of food kx18fht, then ref 402115 and post hp2 7qx', 'VEHICLE_REG'), []);
  assert.deepEqual(detect('Order 402115 was posted; call hp2 7qx later').findings, []);
  // a failed check digit stays out, label or not
  assert.deepEqual(values('CHI number: 010101 9018', 'NHS_NUMBER'), []);
  // an NI number without its suffix letter, straight after an NI label; the prefix rules still apply
  assert.deepEqual(values('NI: AB123456, NINO jh 12 34 56', 'NI_NUMBER'), ['AB123456', 'jh 12 34 56']);
  assert.deepEqual(values('NI: DA123456 and ref AB123456', 'NI_NUMBER'), []);
  // a custody-record birth date with a two-digit year; a time after a month is no year
  assert.deepEqual(values('DOB 12 Mar 87, arrested', 'DATE_OF_BIRTH'), ['12 Mar 87']);
  assert.deepEqual(values('He was born in Luton and was seen on 12 March 14:30 outside', 'DATE_OF_BIRTH'), []);
});

test('identifier columns and JSON keys: a header or key is the cue a bare value lacks; header names are no data', () => {
  const tsv = 'Surname\tForename\tDOB\tNINO\tPassport\tOffence\nHOLLIS\tKyle\t03/05/1994\tyh 14 77 02 d\t463908127\tCriminal damage';
  const r = detect(tsv, { kind: 'document-text' });
  const got = r.findings.map((f) => [f.entity, f.value]);
  assert.deepEqual(got, [['PERSON', 'HOLLIS'], ['PERSON', 'Kyle'], ['DATE_OF_BIRTH', '03/05/1994'], ['NI_NUMBER', 'yh 14 77 02 d'], ['PASSPORT', '463908127']]);
  // the same values under other headers, or failing their check, stay out
  assert.deepEqual(values('Ref\tOrder\tBatch\tOffence\nUnknown\t463908127\tyh 14 77 02 d\tTheft', 'PASSPORT', { kind: 'document-text' }), []);
  assert.deepEqual(values('Surname | Passport | Sort code | Account\nUnknown | 12345 | 99-99 | 12', 'PERSON', { kind: 'document-text' }), []);
  const bank = detect('Name | Sort code | Account no | Card number\nKwame Asante | 16-00-38 | 27649015 | 4111 1111 1111 1111', { kind: 'document-text' });
  assert.deepEqual(bank.findings.map((f) => [f.entity, f.value]), [['PERSON', 'Kwame Asante'], ['BANK_ACCOUNT', '16-00-38'], ['BANK_ACCOUNT', '27649015'], ['PAYMENT_CARD', '4111 1111 1111 1111']]);
  // JSON: keys of a person's fields; a bare "name" names teams and forces too, so it is not enough
  const json = '{"team":{"name":"Stroud Valley Team"},"applicant":{"fullName":"Philippa Stroud","sortCode":"401162","account":"71835402","nhsNo":"9434765919"}}';
  assert.deepEqual(detect(json, { kind: 'json' }).findings.map((f) => [f.entity, f.value]), [['PERSON', 'Philippa Stroud'], ['BANK_ACCOUNT', '401162'], ['BANK_ACCOUNT', '71835402'], ['NHS_NUMBER', '9434765919']]);
});

test('identifier layouts of forms and exports: dotted NI and sort codes, split licence blocks, passports in threes, year-first and database dates', () => {
  assert.deepEqual(values('N.I. WL.71.03.88.D', 'NI_NUMBER'), ['WL.71.03.88.D']);
  assert.deepEqual(values('ID seen: DVLA licence RAGHU 758239 PA9 MX', 'DRIVING_LICENCE'), ['RAGHU 758239 PA9 MX']);
  assert.deepEqual(values('tel 0191 498 0562 dl hayne754019d99xy', 'DRIVING_LICENCE'), ['hayne754019d99xy']);
  assert.deepEqual(values('his passport no. 720 051 846 was used', 'PASSPORT'), ['720 051 846']);
  // nine digits in threes are no passport inside a longer number or without the cue
  assert.deepEqual(values('passport office on 0300 222 0000 123', 'PASSPORT'), []);
  assert.deepEqual(values('order 720 051 846 shipped', 'PASSPORT'), []);
  assert.deepEqual(values('paid from sort code 77.91.05, account 31926819', 'BANK_ACCOUNT'), ['77.91.05', '31926819']);
  assert.deepEqual(values('ANPR hit: yd70 fmr, black Ford Fiesta', 'VEHICLE_REG'), ['yd70 fmr']);
  assert.deepEqual(values('see item kx18fht in the list', 'VEHICLE_REG'), []);
  assert.deepEqual(values('Invoice total incl. VAT 20 per cent for the vehicle recovery', 'VEHICLE_REG'), []);
  assert.deepEqual(values('date of birth 1995/04/18; DOB: 11-Dec-1976', 'DATE_OF_BIRTH'), ['1995/04/18', '11-Dec-1976']);
  // a sort code straight followed by an account number needs no banking word; apart, they are other numbers
  assert.deepEqual(values('VC-0193 | Mr Samuel Oyelaran | 07-04-36 | 19283746 | Approved', 'BANK_ACCOUNT', { kind: 'cell-row' }), ['07-04-36', '19283746']);
  assert.deepEqual(values('VC-0193 | 07-04-36 | Approved | 19283746', 'BANK_ACCOUNT', { kind: 'cell-row' }), []);
  // a layout gap is no neighbouring word: "Signed: P. Raghunathan    Statement taken by" names her again
  assert.deepEqual(values('Statement of: Priya RAGHUNATHAN\nSigned: P. Raghunathan    Statement taken by: DC 2231 Owen Pritchard', 'PERSON').slice(0, 2), ['Priya RAGHUNATHAN', 'P. Raghunathan']);
  // "Nat Ins" is a label, not Nat
  assert.deepEqual(values('Victim Mr Hamid Rahimi, born 02/02/1980, Nat Ins no. AB123456C', 'PERSON'), ['Mr Hamid Rahimi']);
});

test('names and not names from corpus14: Vietnamese letters, landmarks after a forename, honorific venues, dog breeds, operations, a letter head', () => {
  assert.deepEqual(values('Noise nuisance | Perpetrator | Nguyễn Văn Thành | 19 Kingfisher Rise, Hemel Hempstead HP2 5RB', 'PERSON', { kind: 'table-row' }), ['Nguyễn Văn Thành']);
  assert.deepEqual(values('Siobhan covers Oakfield, Hollybush and Victoria Park on foot.', 'PERSON'), []);
  assert.deepEqual(values('Victoria Park, 34, of 2 Mill Lane, Hitchin, was fined.', 'PERSON'), ['Victoria Park']);
  // alone, a forename and a landmark-word surname are a person (the replica's "Karen Wood" caught a wider rule)
  assert.deepEqual(values('Karen Wood said the bins were moved. Emma Green agreed.', 'PERSON'), ['Karen Wood', 'Emma Green']);
  assert.deepEqual(values('The awards were held at the Queen Elizabeth Hall on Friday.', 'PERSON'), []);
  assert.deepEqual(values('Found: a Jack Russell terrier near the Duke of York pub. Wendy Houses and sheds were broken into.', 'PERSON'), []);
  assert.deepEqual(values('Chief Inspector Graham Stott said the operation, known as Operation Falcon, would continue.', 'PERSON'), ['Graham Stott']);
  const letter = 'Rural Operational Support Team\nMrs Rose Hill\nRose Cottage, Back Lane, Ashwell SG7 5PE\n24 November 2026\nDear Mrs Hill,\nThank you.';
  assert.deepEqual(detect(letter, { kind: 'document-text' }).findings.map((f) => [f.entity, f.value]), [['PERSON', 'Mrs Rose Hill'], ['ADDRESS', 'Rose Cottage, Back Lane, Ashwell SG7 5PE'], ['PERSON', 'Mrs Hill']]);
  assert.deepEqual(values('PC Bernadette Ofori leads the team. Bernie has policed the town since 2009.', 'PERSON'), ['Bernadette Ofori', 'Bernie']);
});

test('from corpus15: a name before "Flat 3", a kinship word or "in the name of" as cues, "I\'m Ayesha", bank pairs with a slash, PPT, "Driver no." columns, example plates', () => {
  assert.deepEqual(values('ASB-0431 P: Shannon Doyle Flat 3, Kestrel Court, Hitchin, SG4 0AB – drugs', 'PERSON', { kind: 'priority' }), ['Shannon Doyle']);
  assert.deepEqual(values('Reported by mother Claire Marsh on +44 7700 900256.', 'PERSON'), ['Claire Marsh']);
  assert.deepEqual(values('1 x Visa debit card in the name of D FENWICK; 1 x Yale key', 'PERSON'), ['D FENWICK']);
  assert.deepEqual(values("PCSO Ayesha Malik (6617) – Hitchin Town. Hi, I'm Ayesha. I joined in 2019.", 'PERSON'), ['Ayesha Malik', 'Ayesha']);
  assert.deepEqual(values('Officers from the Organised Economic Crime Unit visited.', 'PERSON'), []);
  assert.deepEqual(values('Funds sent to 40-47-84 / 70872490 on 3 May', 'BANK_ACCOUNT'), ['40-47-84', '70872490']);
  assert.deepEqual(values('ID supplied: PPT 307719458', 'PASSPORT'), ['307719458']);
  assert.deepEqual(values('TOR no.\tDriver\tDriver no.\tOffence\nTOR/25/00519\tGrace Lowther\tlowth960088gl9fe\tCU80', 'DRIVING_LICENCE', { kind: 'document-text' }), ['lowth960088gl9fe']);
  assert.deepEqual(values('Vehicle: [make, model, colour]  Reg: AB12 CDE  (example)', 'VEHICLE_REG'), []);
});

test('from corpus16: a date before a dash is no house number, spaced passports, notes in headers, NI digits are no sort code, "R v Harper", authors with street-word surnames', () => {
  const court = detect('2 | Kyle Dobson | DOB 10.06.1985 – 112 Gorton Lane, Manchester M18 8LP | Theft', { kind: 'document-text' });
  assert.deepEqual(court.findings.filter((f) => f.entity !== 'PERSON').map((f) => [f.entity, f.value]), [['DATE_OF_BIRTH', '10.06.1985'], ['ADDRESS', '112 Gorton Lane, Manchester M18 8LP']]);
  assert.deepEqual(values('Passport ET 7294031 surrendered to the court', 'PASSPORT'), ['ET 7294031']);
  assert.deepEqual(values('Ref | Driver | H&C no. (injured)\nRTC/24/0342 | Naomi Gilmore | 3719042863', 'NHS_NUMBER', { kind: 'document-text' }), ['3719042863']);
  const ni = detect('NI number yk 20 47 83 c for Pension Credit. Bank confirmed the transfers.');
  assert.deepEqual(ni.findings.map((f) => [f.entity, f.value]), [['NI_NUMBER', 'yk 20 47 83 c']]);
  assert.deepEqual(values('Case: R v Harper – assault occasioning ABH', 'PERSON'), ['Harper']);
  assert.deepEqual(values('Title: PACT update | Author: Bethany Croft | Company: West Yorkshire Police', 'PERSON', { kind: 'metadata' }), ['Bethany Croft']);
  assert.deepEqual(values('Paid by American Express; see the Herbert Protocol form; handed in at Charles Cross.', 'PERSON'), []);
  assert.deepEqual(values('Wilfred Bowness, 84, of Penrith. Wilf has dementia.', 'PERSON'), ['Wilfred Bowness', 'Wilf']);
});

test('exclusion hotwords: an identifier shown as an example, and accounts that are not at a bank, are nobody\'s data', () => {
  assert.deepEqual(values("HMRC's own example in its guidance is always QQ 12 34 56 C.", 'NI_NUMBER'), []);
  assert.deepEqual(values('Your National Insurance number looks like QQ 12 34 56 C.', 'NI_NUMBER'), []);
  assert.deepEqual(values('Raised 03/09/2025, supplier account 10048773, for the bank transfer.', 'BANK_ACCOUNT'), []);
  // the same values as someone's data, even beside an example.com address, stay
  assert.deepEqual(values('E-mail: jo@example.net | NI: QQ 12 34 56 C', 'NI_NUMBER'), ['QQ 12 34 56 C']);
  assert.deepEqual(values('Bank account 10048773, sort code 40-47-84', 'BANK_ACCOUNT'), ['10048773', '40-47-84']);
});

test('from corpus17: an acronym before a number labels the number, not the name; the example sort code 12-34-56 is nobody\'s', () => {
  assert.deepEqual(values('Medical exemption list. Rahul Venkataraman NHS 450 219 8765; Moira Geddes NHS 438 206 9173.', 'PERSON'), ['Rahul Venkataraman', 'Moira Geddes']);
  // an organisation word that does not label a number still names the organisation
  assert.deepEqual(values('Staff at Hemel Hempstead NHS Trust were praised.', 'PERSON'), []);
  assert.deepEqual(values("Check your sort-code-style PIN isn't 12-34-56!", 'BANK_ACCOUNT'), []);
  assert.deepEqual(values('Bank details: sort code 40-47-84, account 70872490.', 'BANK_ACCOUNT'), ['40-47-84', '70872490']);
});

test('surname first with a forename no list knows: taken only with an age or birth date after it', () => {
  assert.deepEqual(values('Suspects: ABEBE, Tsigereda (31) of Luton', 'PERSON', { kind: 'document-text' }), ['ABEBE, Tsigereda']);
  assert.deepEqual(values('HADDAD, Rami DOB 04/09/1996', 'PERSON', { kind: 'document-text' }), ['HADDAD, Rami']);
  // no cue, a place, a common word, or a forename in capitals: nobody
  assert.deepEqual(values('ABEBE, Tsigereda attended the meeting', 'PERSON', { kind: 'document-text' }), []);
  assert.deepEqual(values('LONDON, Paris 04/09/1996', 'PERSON', { kind: 'document-text' }), []);
  assert.deepEqual(values('NOTICE, Residents 12/03/2026 meeting', 'PERSON', { kind: 'document-text' }), []);
  assert.deepEqual(values('ABEBE, TSIGEREDA 04/09/1996', 'PERSON', { kind: 'document-text' }), []);
});

test('surnames that are also places: taken after a role, and followed up where no place word stands beside them', () => {
  assert.deepEqual(values('Victim: Priya Lincoln. Lincoln reported the damage on Monday.', 'PERSON'), ['Priya Lincoln', 'Lincoln']);
  assert.deepEqual(values('Darren Chester, 34, of 12 Mill Lane, Hitchin, was charged. Chester was bailed to appear in Chester on Monday.', 'PERSON'), ['Darren Chester', 'Chester']);
  assert.deepEqual(values('Witness Tomasz Ashford, 41, said the Ashford area was quiet.', 'PERSON'), ['Tomasz Ashford']);
  assert.deepEqual(values('Darren Chester was charged with burglary. The Chester Road shop was not involved.', 'PERSON'), ['Darren Chester']);
  // a place listed with another after "and" stays a place
  assert.deepEqual(values('Patrols covered Welwyn and Hatfield this week.', 'PERSON'), []);
});

test('a misspelt or OCR\'d label after a name is the next field, not a surname; a speaker keeps his name', () => {
  assert.deepEqual(values('Suspect Dean Hollis Nationalty: British', 'PERSON', { kind: 'document-text' }), ['Dean Hollis']);
  assert.deepEqual(values('Name: Karen HOLLIS  Occupaton: cleaner', 'PERSON', { kind: 'document-text' }), ['Karen HOLLIS']);
  assert.deepEqual(values('<!-- draft v2 by PCSO Ian Mercer: ASB at Lydia Road -->', 'PERSON', { kind: 'comment' }), ['Ian Mercer']);
});

test('a bare sort code and account that fail the modulus check are still bank details, unless the "sort code" reads as a date', () => {
  assert.deepEqual(values('Payee | 16-00-38 | 27649015 | £40', 'BANK_ACCOUNT', { kind: 'cell-row' }), ['16-00-38', '27649015']);
  assert.deepEqual(values('Logged | 12-03-26 | 41872154 | theft', 'BANK_ACCOUNT', { kind: 'cell-row' }), []);
});

test('passports: "PP no." as a cue, and nine digits in any two or three groups beside a passport cue', () => {
  assert.deepEqual(values('PP no. 912 345 678', 'PASSPORT', { kind: 'document-text' }), ['912 345 678']);
  assert.deepEqual(values('Passport No: 512 345678, expires 2031', 'PASSPORT', { kind: 'document-text' }), ['512 345678']);
  assert.deepEqual(values('Passport – 5123 45678', 'PASSPORT', { kind: 'document-text' }), ['5123 45678']);
  // no cue, or a phone number beside the word: no passport
  assert.deepEqual(values('Seized: 512 345678 in cash bags', 'PASSPORT', { kind: 'document-text' }), []);
  assert.deepEqual(values('Passport office: 0300 222 0000', 'PASSPORT', { kind: 'document-text' }), []);
});

test('a partner contacts table: a job title or public body in the next cell makes the name public-role', () => {
  const text = 'Name | Organisation | Tel\nCiarán McAllister | PCSP Manager, Belfast City Council | 028 9649 6120\nRoisin Devlin | Housing Executive, South & East | +44 28 9649 6555';
  const r = detect(text, { kind: 'document-text' });
  assert.deepEqual(r.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.value), []);
  assert.deepEqual(r.findings.filter((f) => f.entity === 'PERSON').map((f) => f.value), ['Ciarán McAllister', 'Roisin Devlin']);
  // a private person's row is not made public by a table
  assert.equal(detect('Name | Address\nRoisin Devlin | 4 Ormeau Road, Belfast BT7 1EB', { kind: 'document-text' }).findings.find((f) => f.entity === 'PERSON')?.publicRole, false);
});

test('a spreadsheet cell holding only "Surname, Forename" in mixed case is a person; places in a cell are not', () => {
  assert.deepEqual(values('VCP-0931 | Adebayo, Funmilayo | 1987-06-30 | Robbery', 'PERSON', { kind: 'cell-row' }), ['Adebayo, Funmilayo']);
  assert.deepEqual(values('Row 14 | MacLeod, Eilidh | witness | travel £38.20', 'PERSON', { kind: 'cell-row' }), ['MacLeod, Eilidh']);
  assert.deepEqual(values('Ward | Stevenage, Bedwell | 12', 'PERSON', { kind: 'cell-row' }), []);
  assert.deepEqual(values('Item | Hitchin, Herts | x', 'PERSON', { kind: 'cell-row' }), []);
});

test('from corpus18: months in capitals, a collar-numbered surname before a column gap, "Subject surname:", passports in any grouping', () => {
  assert.deepEqual(values('SUBJECT: OKAFOR, EMEKA CHUKWUDI   DOB: 14 JUL 1985', 'DATE_OF_BIRTH', { kind: 'document-text' }), ['14 JUL 1985']);
  assert.deepEqual(values('OIC: DC 8812 HOLLOWAY   EXHIBIT REFS: MH/1', 'PERSON', { kind: 'document-text' }), ['HOLLOWAY']);
  assert.deepEqual(values('Subject surname: HOXHA    Given names: Arben', 'PERSON', { kind: 'document-text' }), ['HOXHA', 'Arben']);
  assert.deepEqual(values('ID produced: Polish passport EA 482 9163 (exp. 2031); passport 1183 2290 5 surrendered', 'PASSPORT', { kind: 'document-text' }), ['EA 482 9163', '1183 2290 5']);
  assert.deepEqual(values('Passport: PA 12 34 567', 'PASSPORT', { kind: 'document-text' }), ['PA 12 34 567']);
  // ten digits are no passport, even beside the word
  assert.deepEqual(values('Passport office ref 1183 2290 55', 'PASSPORT', { kind: 'document-text' }), []);
});

test('Mc, Mac and O\' surnames in capitals are surnames, and their mixed-case mentions are followed up', () => {
  const text = 'Specified defendant: CONNOR JAMES MCGUIGAN (born 17th March 1990) of 23 Priory Road, Liverpool L4 2RX. The respondent McGuigan must not dispose of the above.';
  assert.deepEqual(values(text, 'PERSON', { kind: 'document-text' }), ['CONNOR JAMES MCGUIGAN', 'McGuigan']);
  assert.deepEqual(values('Suspect: SEAN O\'NEILL, 41. O\'Neill was bailed.', 'PERSON', { kind: 'document-text' }), ['SEAN O\'NEILL', 'O\'Neill']);
});

test('from corpus18: a collar number is no house number, a rank with a collar number starts the next officer, job titles in brackets, "perp:", dates in the next cell, grid references', () => {
  const r = detect('Witness statements of Ms Hannah Blake, PC 1771 Dominic Shaw and Faisal Ibrahim (ASB Officer) attached.', { kind: 'document-text' });
  assert.deepEqual(r.findings.map((f) => [f.entity, f.value, f.publicRole]), [['PERSON', 'Ms Hannah Blake', false], ['PERSON', 'Dominic Shaw', true], ['PERSON', 'Faisal Ibrahim', true]]);
  assert.deepEqual(values('case 7 | Leanne Kirkbride | 4/9/1995 | victim - DA | perp: Jordan Kirkbride DOB 13/06/1993', 'PERSON', { kind: 'cell-row' }), ['Leanne Kirkbride', 'Jordan Kirkbride']);
  assert.deepEqual(values('case 7 | Leanne Kirkbride | 4/9/1995 | victim - DA', 'DATE_OF_BIRTH', { kind: 'cell-row' }), ['4/9/1995']);
  // an event date in the next cell is no birth date
  assert.deepEqual(values('case 7 | Leanne Kirkbride | 4/9/2025 | victim - DA', 'DATE_OF_BIRTH', { kind: 'cell-row' }), []);
  assert.deepEqual(values('Location: A6 Stockport Road (grid SJ 867 945). Vehicle 1: MW21 FLP (Kia Picanto)', 'VEHICLE_REG', { kind: 'document-text' }), ['MW21 FLP']);
});

test('a labelled eight-digit Northern Ireland licence; a date with its weekday is an event, not a birth date', () => {
  assert.deepEqual(values('Licence (GB): OSULL662227AM9DE   Licence (NI): 49027713', 'DRIVING_LICENCE', { kind: 'document-text' }), ['OSULL662227AM9DE', '49027713']);
  assert.deepEqual(values('Licence 49027713 checked', 'DRIVING_LICENCE', { kind: 'document-text' }), []);
  assert.deepEqual(values('DOB: 01/02/1980. On Tuesday 9th September 2026 at about 10.15 I received a call', 'DATE_OF_BIRTH', { kind: 'document-text' }), ['01/02/1980']);
});

test('an account number written in fours straight after its label', () => {
  assert.deepEqual(values('S0rt  c0de ..... 07 04 36\nAcc  no ..... 4471 0385', 'BANK_ACCOUNT', { kind: 'document-text' }), ['07 04 36', '4471 0385']);
  assert.deepEqual(values('account 2026 1234 5678 9012', 'BANK_ACCOUNT', { kind: 'document-text' }), []);
});

test('from corpus19: surname first after a role label, with initials too; a place closing a title introduces a person', () => {
  const text = 'Vict: HARTLEY, J. P. 3 Lych Gate Cottages, Stocks Road, Aldbury, Tring HP23 5RT. Perp: Brennan, Sinead DOB 02/11/1996 of Holly Lodge. Brennan warned. J. P. Hartley updated by phone.';
  assert.deepEqual(values(text, 'PERSON', { kind: 'json' }), ['HARTLEY, J. P.', 'Brennan, Sinead', 'Brennan', 'Hartley']);
  const pcc = detect('Statement from the Police, Fire and Crime Commissioner for Essex, Helen Aldous-Carter: "I welcome it."', { kind: 'paragraph' });
  assert.deepEqual(pcc.findings.map((f) => [f.value, f.publicRole]), [['Helen Aldous-Carter', true]]);
  // a list of places stays a list
  assert.deepEqual(values('Patrols in Hitchin, Letchworth and Baldock this week.', 'PERSON'), []);
});

test('from corpus19: O\'NEILL after a label, commemorated figures, Welsh venue words first, "Far Cotton", tea rooms', () => {
  assert.deepEqual(values("SURNAME: O'NEILL   FORENAMES: PADRAIG SEAN", 'PERSON', { kind: 'document-text' }), ["O'NEILL", 'PADRAIG SEAN']);
  assert.deepEqual(values('They visited the statue of Robert Raikes in Southgate Street and the Tea Rooms in Far Cotton.', 'PERSON'), []);
  assert.deepEqual(values('Surgery at Llyfrgell Ceredigion, Canolfan Alun R Edwards, Aberystwyth.', 'PERSON', { kind: 'event' }), []);
  // a private person beside a statue is still a person
  assert.deepEqual(values('Robert Kershaw, 44, was seen by the statue.', 'PERSON'), ['Robert Kershaw']);
});

test('rural addresses without a house number: house name, locality and post town before the postcode on one line', () => {
  assert.deepEqual(values('on land adjacent to Pant-y-Celyn, Llanfihangel-ar-Arth, Pencader SA39 9HX, owned by Mr Dafydd Rees', 'ADDRESS'), ['Pant-y-Celyn, Llanfihangel-ar-Arth, Pencader SA39 9HX']);
  assert.deepEqual(values('Victim Miss Morag Sutherland, Tigh na Mara, Balnakeil, Durness, Lairg IV27 4PT - bogus roofers', 'ADDRESS'), ['Tigh na Mara, Balnakeil, Durness, Lairg IV27 4PT']);
  // the name before it stays a name; a list of towns is no address
  assert.deepEqual(values('Complainant Jane Doherty, Hillview, Much Hadham, Ware SG10 6XX', 'ADDRESS'), ['Hillview, Much Hadham, Ware SG10 6XX']);
  assert.deepEqual(values('Patrols in Hitchin, Letchworth, Baldock SG7 6AA area', 'ADDRESS'), []);
});

test('a time\'s minutes are no house number before a rural venue address; a compass word before a surname makes a region', () => {
  assert.deepEqual(values('Saturday 14 March, 11:00–13:00, Llyfrgell Ceredigion, Canolfan Alun R Edwards, Sgwâr y Frenhines, Aberystwyth SY23 2EB.', 'ADDRESS', { kind: 'event', section: 'events' }),
    ['Llyfrgell Ceredigion, Canolfan Alun R Edwards, Sgwâr y Frenhines, Aberystwyth SY23 2EB']);
  assert.deepEqual(values('Ward: North, West and Central Sutherland. Victim Miss Morag Sutherland, DOB 03/07/1991.', 'PERSON'), ['Miss Morag Sutherland']);
});

test('from corpus20: judges are public-role; firms named after people are no people, and their streets no homes', () => {
  const r = detect('At Luton Crown Court, HHJ Nasreen Malik sentenced a defendant represented by Hughes & Lloyd Solicitors; the victim, Patel Brothers Ltd of Dunstable Road, received £2,140.', { kind: 'paragraph', section: 'news' });
  assert.deepEqual(r.findings.map((f) => [f.entity, f.value, f.publicRole]), [['PERSON', 'Nasreen Malik', true]]);
  assert.deepEqual(values('Fitzgerald & Sons Butchers (no further action).', 'PERSON'), []);
  // a person's street after "of" is still taken
  assert.deepEqual(values('Kyle Patel, 19, of Dunstable Road, Luton, was fined.', 'ADDRESS'), ['Dunstable Road, Luton']);
});

test('a table laid out in columns of spaces (text out of a PDF): cells are read by the header above them', () => {
  const text = [
    'Ref           Name                     DOB          Address                                Role        Status',
    '26/ASB/0388   Callum Fairweather       02/06/2007   Flat 3, Kestrel House, Hitchin SG5 1RF   Perpetrator  CBO applied',
    '26/ASB/0402   Tomasz Zieliński         30/04/1984   6 Strathmore Avenue, Hitchin SG5 1ST     Perpetrator Warning issued',
  ].join('\n');
  assert.deepEqual(values(text, 'DATE_OF_BIRTH', { kind: 'document-text' }), ['02/06/2007', '30/04/1984']);
  // prose with double spaces after full stops is no table
  assert.deepEqual(values('Reported 02/06/2007.  Name withheld.  Address not known.', 'DATE_OF_BIRTH', { kind: 'document-text' }), []);
});

test('JSON escapes in a page\'s data are read as the characters they stand for, offsets kept', () => {
  const text = '{"event":{"description":"Bring your questions.\\n\\nComplainant Mrs Yetunde Adebayo-Clarke wants to raise the harassment by her neighbour Liam Frost \\u2013 PC Abdi to meet her.","officer":"Zo\\u00eb Harrington"}}';
  const r = detect(text, { kind: 'json' });
  assert.deepEqual(r.findings.filter((f) => f.entity === 'PERSON').map((f) => [f.value, f.publicRole]), [
    ['Mrs Yetunde Adebayo-Clarke', false], ['Liam Frost', false], ['Abdi', true], ['Zo\\u00eb Harrington', true],
  ]);
  for (const f of r.findings) assert.equal(text.slice(f.start, f.end), f.value);
  // a rank after a name still makes it public
  assert.equal(detect('Yours faithfully, Priya Venkataraman, Police and Crime Commissioner for Hertfordshire.').findings[0]?.publicRole, true);
});

test('from corpus21: hotword windows do not cut words, Message-IDs, regnal numbers, example formats, capitals with an age', () => {
  // "ford" at the cut edge of "Hertford" is no vehicle word
  assert.deepEqual(values('Hertford SG14 2LP burglary, 19/10. Charged – HCC 26/1187', 'VEHICLE_REG', { kind: 'document-text' }), []);
  assert.deepEqual(values('Message-ID: <20261110084412.4471A@mail.herts.example>\nFrom: jo.bloggs@example.com', 'EMAIL', { kind: 'metadata' }), ['jo.bloggs@example.com']);
  assert.deepEqual(values('Patrols around Queen Elizabeth II Hospital and Lister Hospital.', 'PERSON'), []);
  assert.deepEqual(values('Do not send your National Insurance number by e-mail. Example NI format for the form: QQ 12 34 56 C.', 'NI_NUMBER'), []);
  assert.deepEqual(values('WANTED: DARREN PAUL KEOGH, AGED 41, OF NO FIXED ABODE.', 'PERSON'), ['DARREN PAUL KEOGH']);
});

test('a form laid out as label and value cells separated by tabs: each value is read by its label', () => {
  const text = 'VICTIM CONTACT SHEET (VCOP)\t\tCrime ref 41/90331/26\nSurname\tNwachukwu\tForename(s)\tChidinma Grace\nDOB\t01/01/1990\tNHS no.\t600 598 0939\nNI no.\tPW 61 07 35 A\tPassport\t548213076';
  const r = detect(text, { kind: 'document-text' });
  assert.deepEqual(r.findings.map((f) => [f.entity, f.value]), [
    ['PERSON', 'Nwachukwu'], ['PERSON', 'Chidinma Grace'], ['DATE_OF_BIRTH', '01/01/1990'], ['NHS_NUMBER', '600 598 0939'], ['NI_NUMBER', 'PW 61 07 35 A'], ['PASSPORT', '548213076'],
  ]);
  // a header row of a tab table is still a header
  assert.deepEqual(values('Name\tDOB\tAddress\tRole\nJane Hollis\t03/02/1980\t4 Mill Lane, Ware\tVictim', 'DATE_OF_BIRTH', { kind: 'document-text' }), ['03/02/1980']);
});

test('the name on the line after a sign-off is a person; staff sign with their role, which makes them public-role', () => {
  const r = detect('Thanks all – minutes attached.\nKind regards,\n\nFionnuala Ní Bhriain\nNeighbourhood Inspector – Welwyn & Hatfield', { kind: 'document-text' });
  assert.deepEqual(r.findings.map((f) => [f.value, f.publicRole]), [['Fionnuala Ní Bhriain', true]]);
  assert.deepEqual(values('Yours sincerely,\nTendai Moyo-Clarke\n14 Mill Lane, Ware SG12 9AA', 'PERSON', { kind: 'document-text' }), ['Tendai Moyo-Clarke']);
  // a sign-off before a team or place name names nobody
  assert.deepEqual(values('Best wishes,\nHitchin Safer Neighbourhood Team', 'PERSON', { kind: 'document-text' }), []);
});

test('words broken over a PDF line are joined for detection, offsets still exact in the original', () => {
  const text = 'The complainant, Mrs Halina Wojcie-\nchowska (DOB 11/02/1958), reports shouting. The subject, Mr Kieran Ashby-\nToller, lives next door. Ashby-Toller has been warned.';
  const r = detect(text, { kind: 'document-text' });
  assert.deepEqual(r.findings.filter((f) => f.entity === 'PERSON').map((f) => f.value), ['Mrs Halina Wojcie-\nchowska', 'Mr Kieran Ashby-\nToller', 'Ashby-Toller']);
  for (const f of r.findings) assert.equal(text.slice(f.start, f.end), f.value);
  // a dash at the end of a line between words stays ("Leavesden Road -\nnext week")
  assert.deepEqual(values('Meeting at Leavesden Road -\nnext week', 'PERSON'), []);
});

test('a display name before a bracketed e-mail address is a person, public-role when the address is a public body\'s', () => {
  const text = 'From: PCSO Marta Grabowska <marta.grabowska@herts.pnn.police.uk>\nTo: Dean Whitfield <d.whitfield@stevenage.gov.uk>\n> From: Sarah-Jane Whitlock <sjwhitlock77@example.co.uk>';
  const r = detect(text, { kind: 'document-text' });
  assert.deepEqual(r.findings.filter((f) => f.entity === 'PERSON').map((f) => [f.value, f.publicRole]), [['Marta Grabowska', true], ['Dean Whitfield', true], ['Sarah-Jane Whitlock', false]]);
});

test('an e-mail\'s quote markers read as spaces, so an address quoted over two lines stays one address', () => {
  const text = '> I live at 41 Ditchmore Lane, Stevenage\n> SG1 3LJ and the people at number 43 play music.\n>> Sent: Monday';
  assert.deepEqual(values(text, 'ADDRESS', { kind: 'document-text' }), ['41 Ditchmore Lane, Stevenage\n> SG1 3LJ']);
  assert.deepEqual(values(text, 'POSTCODE', { kind: 'document-text' }), []);
});

test('a name split over a surname and a forename cell of a row with no header in view', () => {
  assert.deepEqual(values('ASB-26-0712 | 02/10/2026 | Kaur | Harpreet | 27/01/1975 | 16 Hollybush Lane, Welwyn Garden City', 'PERSON', { kind: 'cell-row' }), ['Kaur', 'Harpreet']);
  for (const row of ['| Victim | Witness | Open |', '| Hitchin | Stevenage |', '| Ford | Focus | silver |', '| Jul–Sep | Oct–Dec |', '| Irish | British |']) {
    assert.deepEqual(values(row, 'PERSON', { kind: 'cell-row' }), [], row);
  }
});

test('from corpus20: authors written surname first in document properties, "Issued to:", firms, Acts with their year, venues before their town', () => {
  const meta = detect('Author: Kowalczyk, Agnieszka (Information Rights Officer)\ndc:creator = Turnbull, Jo (Sgt)\ncp:lastModifiedBy = Ellery, Mark', { kind: 'metadata' });
  assert.deepEqual(meta.findings.map((f) => [f.value, f.publicRole]), [['Kowalczyk, Agnieszka', true], ['Turnbull, Jo', true], ['Ellery, Mark', true]]);
  assert.deepEqual(values('Issued to:   SHAUNA MARIE DEVLIN\nDate of birth:   03/11/1990', 'PERSON', { kind: 'document-text' }), ['SHAUNA MARIE DEVLIN']);
  assert.deepEqual(values('Seized under s.59 PRA 2002 while driving a silver Astra.', 'VEHICLE_REG'), []);
  assert.deepEqual(values('Reynolds & Daughters Bakery, corner of Nelson Street', 'PERSON', { kind: 'event' }), []);
  assert.deepEqual(values('Victim Care Unit, Elland Road Police Station, Leeds LS11 8BU', 'ADDRESS', { kind: 'document-text' }), ['Elland Road Police Station, Leeds LS11 8BU']);
  assert.deepEqual(values('Mr Geraint ap Dafydd\nTŷ Gwyn\nHeol Isaf', 'PERSON', { kind: 'document-text' }), ['Mr Geraint ap Dafydd']);
});

test('a job title after a comma as a cue and a public role; nicknames in quotes inside a name; document comment authors', () => {
  assert.deepEqual(detect('ABC offered via Shona Kilbride, North Herts DC ASB officer.', { kind: 'document-text' }).findings.map((f) => [f.value, f.publicRole]), [['Shona Kilbride', true]]);
  assert.deepEqual(values('Alleged perpetrator: Darren "Dazzer" Kinnear   DOB 11/12/1982', 'PERSON', { kind: 'document-text' }), ['Darren "Dazzer" Kinnear']);
  const c = detect('[Comment - Mark Ellery - 12/11/2026 10:04] Jo - can we take out the bit about Mr Lewandowski?\n[Reply - Jo Turnbull - 12/11/2026 10:31] Will do.', { kind: 'comment' });
  assert.deepEqual(c.findings.filter((f) => f.entity === 'PERSON').map((f) => [f.value, f.publicRole]), [['Mark Ellery', true], ['Mr Lewandowski', false], ['Jo Turnbull', true]]);
});

test('from corpus22/23: example bank details, fictional figures, and a public officer\'s lone forename', () => {
  assert.deepEqual(values('Never move money to a "safe account" (for example sort code 12-34-56, account 87654321).', 'BANK_ACCOUNT'), []);
  assert.deepEqual(values('Harry Potter fans warned over fake ticket sites; Sherlock Holmes exhibition closed.', 'PERSON'), []);
  const r = detect('Hi Lorna, minutes attached.\nThanks, Dawn\nDawn Kilpatrick | ASB & Community Safety Officer | Cumberland Council | 01632 960517', { kind: 'document-text' });
  assert.deepEqual(r.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.value), []);
  assert.equal(r.findings.find((f) => f.value === 'Dawn')?.publicRole, true);
});

test('from corpus22: surname first with an age, Irish surnames and weak forenames in cells, examples in advice, places as document authors', () => {
  assert.deepEqual(values('Kowalczyk, Marta, 29, of 16 Moorclose Road, Workington CA14 2UG, admitted drink-driving.', 'PERSON', { kind: 'list-item' }), ['Kowalczyk, Marta']);
  assert.deepEqual(values('ASB26-1105 | 06/11/2026 | Belah | Ó Súilleabháin, Pádraig | 07700 900930', 'PERSON', { kind: 'cell-row' }), ['Ó Súilleabháin, Pádraig']);
  assert.deepEqual(values('ASB26-1108 | 13/11/2026 | Morton | Kerr-Patterson, Dale | 07700 900865', 'PERSON', { kind: 'cell-row' }), ['Kerr-Patterson, Dale']);
  assert.deepEqual(detect('Mark valuables with your postcode, e.g. "CA3 9QX 14". Report a call, e.g. a call from 01632 960999 claiming to be HMRC.').findings, []);
  assert.deepEqual(values('Title: ASB_Carlisle.xlsx; Author: Joanne Hetherington; Last modified by: CUMBRIA', 'PERSON', { kind: 'metadata' }), ['Joanne Hetherington']);
  assert.deepEqual(values('Surname: ARMITAGE            Forenames: Stephen James', 'PERSON', { kind: 'document-text' }), ['ARMITAGE', 'Stephen James']);
});

test('from corpus23: place-named people after a rank or with an age, events and admin accounts are no people, form abbreviations are no plates', () => {
  assert.deepEqual(values('Insp | Lincoln Obi | 0917 | Sector Inspector, Lincoln Central', 'PERSON', { kind: 'table-row', section: 'team' }), ['Lincoln Obi']);
  assert.deepEqual(values('Jailed: Mark Preston, 34, of 12 Lincoln Road, Peterborough PE1 2RL. Preston admitted burglary.', 'PERSON'), ['Mark Preston', 'Preston']);
  // a rank then a comma then a place: the place is where the officer works
  assert.deepEqual(values('Mark Entwistle – Neighbourhood Inspector, Preston North', 'PERSON', { kind: 'team-member', section: 'team' }), ['Mark Entwistle']);
  assert.deepEqual(values('May Day bank holiday – Beverley Food Festival, Saturday Market.', 'PERSON', { kind: 'event' }), []);
  assert.deepEqual(values('Author: PCSO Sarah Hope | Last modified by: SNT Admin', 'PERSON', { kind: 'metadata' }), ['Sarah Hope']);
  assert.deepEqual(values('SUSPECT VEH 2: silver Ford Focus', 'VEHICLE_REG', { kind: 'document-text' }), []);
});

test('from corpus23: a role label before capitals, "Statement of:", and the person an appeal asks about', () => {
  assert.deepEqual(values('VICTIM: MISS CHELSEA VICTORIA LAWES, 3 KELLY CLOSE, HITCHIN SG5 2QT – PERP: AUSTIN SHIRLEY, DOB 09/05/2007', 'PERSON', { kind: 'priority' }), ['MISS CHELSEA VICTORIA LAWES', 'AUSTIN SHIRLEY']);
  assert.deepEqual(values('Statement of: Grace Tamsin Lincoln\nAge if under 18: Over 18', 'PERSON', { kind: 'document-text' }), ['Grace Tamsin Lincoln']);
  assert.deepEqual(values('MISSING: Have you seen Chelsea Adeyemi-Brown? The 15-year-old was last seen at Victoria station.', 'PERSON', { kind: 'paragraph' }), ['Chelsea Adeyemi-Brown']);
  // the appeal recogniser takes no place ("Victoria Park" alone is still read as a person by the gazetteer, as "Emma Green" is)
  assert.deepEqual(detect('Have you seen Harpenden? It is lovely.').findings, []);
});

test('from corpus25: mail header names with no address, surname-first cells with a title after, job-title words are no names', () => {
  assert.deepEqual(values('From: Jo Fairweather To: Sgt Amrit Gill Subject: RE: Whinbush Grove – referral', 'PERSON', { kind: 'document-text' }), ['Jo Fairweather', 'Amrit Gill']);
  // a header labelled in capitals alone, with no "From:" or "To:" anywhere in the text (once skipped unscanned)
  assert.deepEqual(values('TO: Zebedee Quillfeather\nSENT: 12 March 2026 09:14', 'PERSON', { kind: 'document-text' }), ['Zebedee Quillfeather']);
  assert.deepEqual(values('0432 | 22/10/2026 | HILL, Rose (Mrs) | 18 The Oval, Rose Hill, Oxford OX4 4SE | Victim', 'PERSON', { kind: 'cell-row' }), ['HILL, Rose']);
  assert.deepEqual(values('Please speak to the Tenancy Enforcement Officer about it.', 'PERSON'), []);
  assert.deepEqual(values('Our drop-in has moved to the Ebenezer Howard Room.', 'PERSON'), []);
});

test('from corpus24: "b." for born beside a name, no birth date under a year old, a make with its plate after it', () => {
  assert.deepEqual(values('1. Delroy WHYTE (b. 1967-02-19) – linked to supply. Deceased: Winston GRANT, b. 12/1/1949, NHS no. 6551413927.', 'DATE_OF_BIRTH', { kind: 'document-text' }), ['1967-02-19', '12/1/1949']);
  assert.deepEqual(values('ASB-0451 | Nowak, Zofia | Age | 21/10/2026 | Victim', 'DATE_OF_BIRTH', { kind: 'cell-row' }), []);
  assert.deepEqual(values('(b) remove the dismantled Ford Sierra (F318 LWA) from the front garden', 'PERSON', { kind: 'document-text' }), []);
});

test('repeat mentions: a long text is searched for the names themselves and finds exactly what the word-by-word scan finds', async () => {
  const fc = (await import('fast-check')).default;
  const { antecedentWords } = await import('../../detectors/mentions.js');
  const names = new Map<string, unknown>(['Okafor', 'OKAFOR', "O'Neill", 'Zoë', 'Łukasz', 'Ann', 'Anna', 'Baptiste-Williams', 'Дмитрий', "Jo's", 'Smith-'].map((w) => [w, null]));
  // names with what may sit around them: possessives, dashes, letters glued on, accents, other capitals
  const piece = fc.constantFrom(...names.keys(), "'s", '’s', '-', "'", 's', 'x', 'É', ' ', ', ', '.', '\n', 'Mr ', 'Jo', 'Anne', 'Annabel', '\u0301');
  fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
    const text = pieces.join('');
    assert.deepEqual(antecedentWords(text, names, 0), antecedentWords(text, names, Infinity), JSON.stringify(text));
  }), { numRuns: 2000 });
  const text = 'Okafor’s car. Mr Okafor-’ left; JoAnn and Ann. Anna, OKAFOR and Zoë saw Łukasz. ';
  assert.deepEqual(antecedentWords(text, names, 0).map(([, w]) => w), ['Okafor', 'Okafor', 'Ann', 'Anna', 'OKAFOR', 'Zoë', 'Łukasz']);
});

test('from corpus34 (scored unseen): specimen numbers, "b." after a space, a lower-case perpetrator, Latin Extended names in mail headers', () => {
  // an identifier a scam warning shows as a specimen is nobody's; a specimen of breath in a charge is no such cue
  const warning = 'The specimen card on our leaflet shows the number 4242 4242 4242 4242. Your NHS number (specimen: 943 476 5919) is never needed.';
  assert.deepEqual(values(warning, 'PAYMENT_CARD', { kind: 'paragraph' }), []);
  assert.deepEqual(values(warning, 'NHS_NUMBER', { kind: 'paragraph' }), []);
  assert.deepEqual(values('Chester Road, Sunderland SR2 7PS | Failing to provide a specimen for analysis | DL ABEBE961306S99KD', 'DRIVING_LICENCE', { kind: 'cell-row' }), ['ABEBE961306S99KD']);
  assert.deepEqual(values('41/88213/26 | Racially aggravated s.4A POA | V: AZIZ, Dilan b. 02/05/1984, 51 Vardon Road, Stevenage SG1 5PQ | Charged', 'DATE_OF_BIRTH', { kind: 'document-text' }), ['02/05/1984']);
  assert.deepEqual(values("ASB/SN/26/1187: victim: leanne o'connor – dog barking; perpetrator: gary pyke – verbal abuse.", 'PERSON', { kind: 'priority' }), ["leanne o'connor", 'gary pyke']);
  const mail = 'From: "Wiśniewska, Agnieszka" <a.wisniewska@example.net>\nTo: Hertsmere SNT <hertsmere.snt@herts.police.uk>\n\nIt happened again tonight.\n\nThanks,\nAgnieszka\n';
  assert.deepEqual(values(mail, 'PERSON', { kind: 'document-text' }), ['Wiśniewska, Agnieszka', 'Agnieszka']);
});

test('a document linked from a contact or events page does not take the page\'s allowances: a resident\'s letter stays private', () => {
  const letter = 'Ms Ioana Popescu\nFlat 14, Kingsley Court, Manor Way, Borehamwood WD6 1QT\nDear Ms Popescu,\nvisitors to your flat have been smoking cannabis and intimidating residents.';
  const sev = (kind: 'document-text' | 'contact', section: 'contact' | 'events') =>
    detect(letter, { kind, section }).findings.filter((f) => f.entity === 'ADDRESS').map((f) => f.severity);
  assert.deepEqual(sev('document-text', 'contact'), ['critical']);
  assert.deepEqual(sev('document-text', 'events'), ['critical']);
  // the page's own contact block is the force's or the council's: low
  assert.deepEqual(sev('contact', 'contact'), ['low']);
});

test('"SURNAME, Forename" whose forename only the surname lists hold is a name with a cue after it, a house and street included', () => {
  assert.deepEqual(values('V: IQBAL, Sameena, 8 Chells Way, Stevenage SG2 0LT | S: YILMAZ, Kerem', 'PERSON', { kind: 'document-text' }), ['IQBAL, Sameena', 'YILMAZ, Kerem']);
  assert.deepEqual(values('IQBAL, Sameena (34), of 8 Chells Way', 'PERSON', { kind: 'document-text' }), ['IQBAL, Sameena']);
  assert.deepEqual(values('IQBAL, Sameena attended the meeting.', 'PERSON', { kind: 'document-text' }), []);
});

test('a home typed in lower case after a name typed so is an address; a lower-case number and street-type word elsewhere is not', () => {
  const row = "ASB/SN/26/1187: victim: leanne o'connor, 5 millers lane, st albans al1 4rg – dog barking; perpetrator: gary pyke, 7 millers lane. CPW served.";
  assert.deepEqual(values(row, 'ADDRESS', { kind: 'priority' }), ['5 millers lane, st albans al1 4rg', '7 millers lane']);
  // no postcode that is one: the house and street alone
  assert.deepEqual(values('victim: jo bloggs, 12 high st, hitchin zz9 9zz was', 'ADDRESS', { kind: 'priority' }), ['12 high st']);
  assert.deepEqual(values('name: john smith, a 20 minute walk away', 'ADDRESS', { kind: 'priority' }), []);
  assert.deepEqual(values('John Smith lives a 20 minute walk away, 5 mill lane is closed', 'ADDRESS', { kind: 'paragraph' }), []);
});

test('a firm named after a person and its trade is no person; the person is', () => {
  assert.deepEqual(values('Harrison Lowe Clearances were fined £2,400 for fly-tipping at Tring.', 'PERSON', { kind: 'paragraph' }), []);
  assert.deepEqual(values('Kowalski Roofing and Dean Pryce Scaffolding were both cautioned.', 'PERSON', { kind: 'paragraph' }), []);
  assert.deepEqual(values('Harrison Lowe, 44, of Tring was fined £2,400 for fly-tipping.', 'PERSON', { kind: 'paragraph' }), ['Harrison Lowe']);
});

test('the name an unnamed person goes by is a name; an area known as something is not', () => {
  assert.deepEqual(values('his flat is used for drug supply by a male known as "Tiny" and by Jermaine Asante.', 'PERSON', { kind: 'priority' }), ['Tiny', 'Jermaine Asante']);
  assert.deepEqual(values('a youth known only as Bones was seen near the shops', 'PERSON', { kind: 'paragraph' }), ['Bones']);
  assert.deepEqual(values('youths gather in an area known as "The Dell" and a man known as Chester was not traced', 'PERSON', { kind: 'paragraph' }), []);
});

test('a header row may hold a few digits inside its words ("s.59 warning"); a row of data with one is still data', () => {
  const tsv = 'VRM\tMake/model\tKeeper\tKeeper DOB\tLicence\tKeeper address\tIssue\ts.59 warning\nGX68 PLV\tBMW 1 Series\tHarjit Singh Dhaliwal\t02/06/1999\t–\t27 Gammons Lane, Watford WD24 5HZ\tRevving, Tolpits Lane\tIssued 14/06';
  assert.deepEqual(values(tsv, 'DATE_OF_BIRTH', { kind: 'cell-row' }), ['02/06/1999']);
  assert.deepEqual(values(tsv, 'PERSON', { kind: 'cell-row' }), ['Harjit Singh Dhaliwal']);
  // "Flat 2" in a row of names and roles: the row stays data, its name found
  assert.deepEqual(values('Name | Role | Address\nJo Smith | Victim | Flat 2\nDean Wells | Suspect | 14 Mill Lane', 'PERSON', { kind: 'cell-row' }), ['Jo Smith', 'Dean Wells']);
});

test('an export\'s run-together column names are read as words, and reporters and coordinators are named columns', () => {
  const csv = 'IncidentRef,Date,Reporter,ReporterAddress,Subject,SubjectDOB,Category\nPS-20261019-1204,19/10/2026,"CHEN, Jiahui","Flat 3F2, 17 Warrender Park Road, Edinburgh EH9 1EW","NICLEÒID, Ciorstaidh",28/12/1999,Harassment';
  assert.deepEqual(values(csv, 'PERSON', { kind: 'cell-row' }), ['CHEN, Jiahui', 'NICLEÒID, Ciorstaidh']);
  assert.deepEqual(values(csv, 'DATE_OF_BIRTH', { kind: 'cell-row' }), ['28/12/1999']);
  assert.deepEqual(values('scheme_id,streets,coordinator,phone\nNW-041,"Ash Grove, Beech Rise","Hollingsworth, Brenda",01632 960 233', 'PERSON', { kind: 'cell-row' }), ['Hollingsworth, Brenda']);
});

test('acceptable behaviour contracts, closure and dispersal orders and s.59 warnings make a register of people case records', () => {
  const register = 'ACCEPTABLE BEHAVIOUR CONTRACTS - STEVENAGE - LIVE\nName                       DOB          Address\nJANKOWSKI Filip            14/08/2009   16 Bedwell Crescent, Stevenage SG1 1NJ';
  const r = detect(register, { kind: 'document-text' });
  assert.equal(r.records.filter((x) => x.isCaseRecord).length, 1);
  assert.ok(r.findings.filter((f) => f.entity === 'PERSON').every((f) => f.severity === 'critical'));
  const s59 = detect('Section 59 warning issued to the driver, Dean Wells, of 14 Mill Lane, Hitchin SG4 9AB.', { kind: 'paragraph' });
  assert.equal(s59.records[0]?.isCaseRecord, true);
});

test('from corpus35 (scored unseen): "the GOV.UK example is …" shows an example; a firm of agricultural engineers is no person', () => {
  assert.deepEqual(values('The form asks for your 16-character driving licence number (the GOV.UK example is MORGA753116SM9IJ).', 'DRIVING_LICENCE', { kind: 'paragraph' }), []);
  assert.deepEqual(values('Driver: Mark Pryce, licence MORGA753116SM9IJ, of 4 Mill Lane', 'DRIVING_LICENCE', { kind: 'paragraph' }), ['MORGA753116SM9IJ']);
  assert.deepEqual(values('Pryce Agricultural Engineers will host the stand at the mart.', 'PERSON', { kind: 'event' }), []);
});

test('from corpus35 and corpus36 (scored unseen): public-role allowances that leaked private people', () => {
  const sev = (text: string, entity: string, ctx: Parameters<typeof detect>[1] = {}) => detect(text, ctx).findings.filter((f) => f.entity === entity).map((f) => `${f.value}:${f.severity}`);
  // a team page's bio naming someone beside a birth date or a home names a member of the public
  const bio = 'PCSO 6154 Kerry Donnelly – Kerry has been supporting Mrs Marcia Grant of 29 Beaconsfield Street, Liverpool L8 2UU following the burglary at her home.';
  assert.deepEqual(sev(bio, 'PERSON', { kind: 'team-member', section: 'team' }), ['Kerry Donnelly:low', 'Kerry:low', 'Mrs Marcia Grant:critical']);
  // a letter's recipient under the force's letterhead is not the force's address; the force's own is
  const letter = 'South Wales Police – Witness Care Unit\nMrs Leanne Probert\n19 Heol Hir, Llanishen, Cardiff CF14 5AD\nDear Mrs Probert,\nMr Watkins pleaded guilty to criminal damage to your car.\nYours sincerely,\nBethan Howells, Witness Care Officer – 029 2018 0466';
  assert.deepEqual(sev(letter, 'ADDRESS', { kind: 'document-text' }), ['19 Heol Hir, Llanishen, Cardiff CF14 5AD:critical']);
  assert.deepEqual(sev(letter, 'PHONE', { kind: 'document-text' }), ['029 2018 0466:low']);
  assert.deepEqual(sev('West Midlands Police\nCoventry Local Policing Unit\nLittle Park Street, Coventry CV1 2JX\nOur ref: COV/ASB/0457', 'ADDRESS', { kind: 'document-text' }).map((v) => v.split(':')[1]), ['low']);
  // a "Police" cell in the row above says nothing of this row's address
  const rows = 'Name\tDOB\tAddress\tRisk\tLead\nSean McGuinness\t30/01/1985\t5 Aycliffe Road, Borehamwood WD6 4DZ\tPerpetrator\tPolice\nDr Ifeoma Nwachukwu-Lee\t12/11/1952\tThe Old Forge, Watling Street, Radlett WD7 7NQ\tFraud victim\tAdult Care';
  assert.ok(sev(rows, 'ADDRESS', { kind: 'document-text' }).every((v) => v.endsWith(':critical')));
  // a flat in a hall is a home; a court is public; a closure order's premises are lived in
  assert.deepEqual(sev('The victim, Mr Oluwaseun Adebayo-Fraser, of Flat 14, Wolsey Hall, Wolsey Avenue, Waltham Cross EN8 7HD, reported threats.', 'ADDRESS', { kind: 'document-text' }).map((v) => v.split(':').pop()), ['critical']);
  const closure = "APPLICATION FOR A CLOSURE ORDER\nPremises: 11 Brook Street, Carlisle CA1 2HZ\nOccupier: Liam STOREY (born 09/08/1988)\nGrounds: drug dealing from the premises.\nHearing: 20 November 2026, 10:00, Carlisle Magistrates' Court, Rickergate, Carlisle CA3 8QH.";
  assert.deepEqual(sev(closure, 'ADDRESS', { kind: 'document-text' }), ['11 Brook Street, Carlisle CA1 2HZ:critical', "Carlisle Magistrates' Court, Rickergate, Carlisle CA3 8QH:low"]);
});

test('"the" before a personal title is another column of a PDF, not an article: the name stands; "The Lord Nelson" stays a pub', () => {
  const twoColumns = 'PC Themba Ndlovu summarised the case of        Cllr Hargreaves reported that the\nMs Beata Wróblewska (b. 30/06/1992), whose       new lighting on the park';
  assert.deepEqual(values(twoColumns, 'PERSON', { kind: 'document-text' }), ['Themba Ndlovu', 'Hargreaves', 'Ms Beata Wróblewska']);
  assert.deepEqual(values(twoColumns, 'DATE_OF_BIRTH', { kind: 'document-text' }), ['30/06/1992']);
  assert.deepEqual(values('a pint at The Lord Nelson on Friday and outside the Mr Chips takeaway', 'PERSON', { kind: 'paragraph' }), []);
});

test('a phone number wrapped inside a quoted e-mail is one number; numbers on two lines stay two', () => {
  assert.deepEqual(values('> He said to ring him on 07700\n> 900839 if it happens again.', 'PHONE', { kind: 'document-text' }), ['07700\n> 900839']);
  assert.deepEqual(values('Tel 01632 960000\n  07700 900123', 'PHONE', { kind: 'document-text' }), ['01632 960000', '07700 900123']);
});
