/**
 * Text pasted from chats, e-mails and letters into documents, and transport and roads-policing pages,
 * first met in unseen corpora (corpus46–49, 2026-11-29): a chat export's speakers, names and homes typed
 * in lower case, an e-mail's Subject line, a document property holding a user id, railway and motoring
 * offences that make a letter a case record, a sort code written before its account, a palace.
 * All data synthetic (Ofcom drama numbers, invented names).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from '../../detectors/index.js';
import { detectedValues } from '../helpers/detected.js';

const findingOf = (text: string, value: string) => detect(text, { kind: 'document-text' }).findings.find((f) => f.value === value);

test('a chat export\'s speakers are people, by nickname or forename and initial; a rank makes one public; "You" is nobody', () => {
  const chat = [
    'Meadowside Streetwatch – WhatsApp chat export',
    '[12/03/2026, 14:02] Bev: anyone else had their wheelie bins set on fire last night??',
    '[12/03/2026, 14:07] PCSO Carys (Herts Police): Hi all, please report each one on 101.',
    '[12/03/2026, 14:30] Stan H: my cctv got a moped at 00:52 heading towards the rec',
    '12/03/2026, 14:31 - Deji Adeyemi: same here',
    '[03/11/2026, 09:12] Owain Bevan (PC 2291): Morning all',
    '[12/03/2026, 14:40] You: thanks',
  ].join('\n');
  const people = detect(chat, { kind: 'document-text' }).findings.filter((f) => f.entity === 'PERSON');
  const severity = new Map(people.map((f) => [f.value, f.severity]));
  for (const name of ['Bev', 'Stan H', 'Deji Adeyemi']) assert.ok(severity.has(name) && severity.get(name) !== 'low', `${name}: ${severity.get(name)}`);
  assert.equal(severity.get('Carys'), 'low');
  assert.equal(severity.get('Owain Bevan'), 'low');
  assert.ok(!severity.has('You'));
  // the same date and time in prose, or a system line with no speaker, names no one
  assert.deepEqual(detectedValues('Messages and calls are end-to-end encrypted.\n12/03/2026, 14:00 - Messages and calls are end-to-end encrypted. Tap to learn more.', 'PERSON'), []);
});

test('names and homes typed in lower case: after a mail label or before an address in brackets, and after "at", "from" or "no"', () => {
  const reply = 'Reply from: margaret fenwick <mags.fenwick52@example.com>\nReply text: hi, my neighbour at no 14 ringlet road keeps revving his quad bike at 11pm every night. im at 16 ringlet rd';
  assert.deepEqual(detectedValues(reply, 'PERSON', { kind: 'document-text' }), ['margaret fenwick']);
  assert.deepEqual(detectedValues(reply, 'ADDRESS', { kind: 'document-text' }), ['14 ringlet road', '16 ringlet rd']);
  assert.deepEqual(detectedValues('she lives at 27 sycamore close, hatfield al10 8pq with her son', 'ADDRESS'), ['27 sycamore close, hatfield al10 8pq']);
  // a label the lists do not know as a name, times, counts and directions are no one and nowhere
  assert.deepEqual(detectedValues('From: the team <snt@example.police.uk>\nfrom: mon to fri', 'PERSON'), []);
  assert.deepEqual(detectedValues('we met at 9 on the way back, arrived at 10 past road closures, slowed at 30 mph road works', 'ADDRESS'), []);
  // after a title alone, a surname the lists do not know is not enough
  assert.deepEqual(detectedValues('mr brightside was playing', 'PERSON'), []);
});

test('an e-mail\'s Subject line is its title; a record\'s SUBJECT field still names someone', () => {
  assert.deepEqual(detectedValues('From: Bishop\'s Stortford SNT <snt@herts.police.uk>\nTo: snt@herts.police.uk\nSubject: Thorley Streetwatch – next walk', 'PERSON'), []);
  assert.deepEqual(detectedValues('INTELLIGENCE LOG\nSUBJECT: RAHMAN, SHAHIDUL (DOB 01/02/1990)', 'PERSON'), ['RAHMAN, SHAHIDUL']);
});

test('a document property holding a user or collar id names no one', () => {
  for (const text of ['Title: Statement | Author: Hannah Lindqvist | Last modified by: PC4417 | Company: British Transport Police', 'Title: FOI 2026-1187; Last modified by: IRU-WS042; Company: Hertfordshire Constabulary']) {
    assert.ok(!detectedValues(text, 'PERSON', { kind: 'metadata' }).some((v) => /^(?:PC|IRU-WS)$/.test(v)), text);
  }
  assert.deepEqual(detectedValues('Author: Bethan Yeoman; Company: Hertfordshire Constabulary', 'PERSON', { kind: 'metadata' }), ['Bethan Yeoman']);
});

test('railway and motoring offences make a letter to a named person at home a case record', () => {
  const fares = 'Revenue Protection Prosecutions Unit. Miss Chloe Barnard, 41 Whitehorse Lane, Stevenage SG1 4QB. Date of birth (as given): 11/06/2003. Dear Miss Barnard, on 03/11/2026 you were found on the 07:42 from Stevenage without a valid ticket.';
  const seizure = 'Notice of seizure under section 165 of the Road Traffic Act 1988. Driver: Rhys Pritchard, DOB 09/11/1994, 58 Ash Grove, Welwyn Garden City AL8 6DQ. Vehicle FY13 KWP was seized.';
  const nip = 'Notice of intended prosecution. Mr Anil Mistry, 22 Wrayfields, Stotfold, Hitchin SG5 4PD. Your vehicle DK20 XMR was recorded at 41 mph where the limit is 30 mph.';
  for (const text of [fares, seizure, nip]) {
    const r = detect(text, { kind: 'document-text' });
    assert.ok(r.records.some((x) => x.isCaseRecord), text.slice(0, 40));
    assert.ok(r.findings.some((f) => f.entity === 'PERSON' && f.severity === 'critical'), text.slice(0, 40));
  }
  // the same offences on a page of advice, with no one named at home, are no case
  const advice = detect('If you receive a notice of intended prosecution or a fixed penalty, or travel without a valid ticket, you may be offered a speed awareness course or a penalty fare.');
  assert.deepEqual(advice.records.filter((x) => x.isCaseRecord), []);
});

test('a sort code and its account are bank details, not a card; "Alexandra Palace" is a landmark', () => {
  const bank = detect('He took my card and my bank details 30-94-21 61208837 from my purse.');
  assert.ok(!bank.findings.some((f) => f.entity === 'PAYMENT_CARD'), JSON.stringify(bank.findings.map((f) => f.entity)));
  assert.ok(bank.findings.some((f) => f.entity === 'BANK_ACCOUNT'));
  assert.equal(findingOf('The train was held at Alexandra Palace for ten minutes while officers boarded.', 'Alexandra Palace'), undefined);
});

test('a greeting or thanks before a forename does not hide a later mention of someone already named', () => {
  const chat = '[03/11/2026, 09:15] Aisha Kamara (PCSO 7734): I can do 10–12.\n[03/11/2026, 09:16] Owain Bevan (PC 2291): Cheers Aisha. Sgt Ferris wants the numbers.';
  const aisha = detect(chat, { kind: 'document-text' }).findings.filter((f) => f.value === 'Aisha');
  assert.equal(aisha.length, 1);
  assert.equal(aisha[0]!.severity, 'low', 'the officer named with a rank above');
  const texts = 'Victim: Mrs Leanne Okoro of 12 Mill Lane, Ware SG12 9QX, harassed by a neighbour.\nSMS to victim: Hi Leanne, PC Rhodes here, we will call round today.';
  assert.ok(detect(texts, { kind: 'document-text' }).findings.some((f) => f.value === 'Leanne' && f.severity === 'critical'));
});

test('roads policing: a speeding keeper letter is a case; example plates and a unit\'s call sign are no vehicle; "Author: PC 2290" names no one', () => {
  const keeper = 'Community Speedwatch. Mr Anil Mistry, 22 Wrayfields, Stotfold, Hitchin SG5 4PD. Dear Mr Mistry, your vehicle, registration DK20 XMR, was recorded by volunteers speeding at 44mph on Stotfold Road.';
  assert.ok(detect(keeper, { kind: 'document-text' }).records.some((r) => r.isCaseRecord));
  const paid = 'Payment debug: FPN 26-HT-0098127; offence: using a hand-held mobile phone while driving; payer Siobhan Mary Cassidy; billing address 14 Bluebell Way, Welwyn AL6 0TS';
  assert.ok(detect(paid, { kind: 'hidden' }).records.some((r) => r.isCaseRecord));
  // a speedwatch page about speeding, naming only its coordinator's public meeting place, is no case
  assert.deepEqual(detect('Speedwatch volunteers recorded 41 vehicles speeding on Stotfold Road. Join us: contact the coordinator at the Village Hall, 2 Church Street, Arlesey SG15 6UX.').records.filter((r) => r.isCaseRecord), []);
  assert.deepEqual(detectedValues('Enter the registration exactly as it appears on the plate, for example AB12 CDE, or for older vehicles A123 BCD.', 'VEHICLE_REG'), []);
  assert.deepEqual(detectedValues('Black BMW 118d on a recovery truck after being seized for no insurance – Herts Roads Policing Unit, car RPU 28', 'VEHICLE_REG'), []);
  assert.deepEqual(detectedValues('A grey Mercedes C-Class, registration LC70 HWU, left before officers arrived.', 'VEHICLE_REG'), ['LC70 HWU']);
  assert.deepEqual(detectedValues('Title: MG11 witness statement; Author: PC 2290; Keywords: 2K47, coach 3', 'PERSON', { kind: 'metadata' }), []);
});

test('offences told in words, a Mental Health Act detention and an unpaid fare make a record with a home or birth date a case', () => {
  const register = 'Incident | Date | Staff member | DOB | Home address | Injury\nSA-2026-118 | 03/07/2026 | Gwen Prydderch | 12/12/1971 | 4 Oughton Close, Hitchin SG5 2LA | Bruising to forearm, punched at gate line 1';
  const triage = 'Street Triage referral. Ciarán Fitzmaurice (born 04/04/1998) of 12 Digswell Park Road, Welwyn Garden City AL8 7NW was detained under s.136 Mental Health Act 1983 and taken to a place of safety.';
  const fares = 'UFN ref | Name | Address | DOB | Outcome\nUFN-26-40117 | Rebecca Lowe | 15 Sish Lane, Stevenage SG1 3LS | 03/02/1992 | Summons s.5(3)(a), unpaid fare £31.60';
  for (const [text, nature] of [[register, 'assault'], [triage, 'mental health detention'], [fares, 'railway offence']] as const) {
    const r = detect(text, { kind: 'document-text' });
    const record = r.records.find((x) => x.isCaseRecord);
    assert.ok(record, text.slice(0, 30));
    assert.ok(record.natures.includes(nature), `${text.slice(0, 30)}: ${record.natures.join(', ')}`);
  }
  // the words on an advice page name no one
  assert.deepEqual(detect('Officers can detain someone under section 136 of the Mental Health Act and take them to a place of safety. Staff who are punched or spat at should report it.').records.filter((x) => x.isCaseRecord), []);
});

test('a nickname inside a name, and the name others call someone by, are people; the nickname is followed up alone', () => {
  assert.deepEqual(detectedValues("Officers arrested Liam 'Smiffy' Smith, 24, of Hatfield. Smiffy was bailed.", 'PERSON'), ["Liam 'Smiffy' Smith", 'Smiffy']);
  assert.deepEqual(detectedValues('My neighbour Olumide (Mide) Bankole has been harassed. Mide says it started in May.', 'PERSON'), ['Olumide (Mide) Bankole', 'Mide']);
  assert.deepEqual(detectedValues('its the boy from the flats, they call him Bazza', 'PERSON'), ['Bazza']);
  // a bracketed word inside a place or a street is no nickname
  assert.deepEqual(detectedValues('Meet at Station (North) Road car park, or call them Police.', 'PERSON'), []);
});

test('a forename alone before "from" or "at" a numbered home is who lives there; social platforms and an admin account are no one (found on corpus50)', () => {
  const post = 'Post 3 (Penylan Mums & Dads Facebook group, 19 Oct): "that Rhys from no 32 Ty Mawr Road on the corner is doing doughnuts on the field again" – posted by Ceri-Ann Probert';
  const people = detectedValues(post, 'PERSON', { kind: 'document-text' });
  assert.ok(people.includes('Rhys'), people.join(', '));
  assert.ok(!people.some((p) => /Facebook/.test(p)), people.join(', '));
  // a street named after a title, a place before "from", an address with no house number
  assert.deepEqual(detectedValues('Parking on Prince of Wales Road, Norwich NR1 1BL is restricted. Chester from 1 High Street. Jordan at the Leisure Centre, Ware.', 'PERSON'), []);
  assert.deepEqual(detectedValues('Title: minutes | Last modified by: NPT Admin Bradford East | Comments: summarised', 'PERSON', { kind: 'metadata' }), []);
});
