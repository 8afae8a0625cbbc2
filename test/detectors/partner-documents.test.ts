/**
 * Partner agencies' documents (MARAC and safeguarding papers, community-safety minutes, leaflets,
 * licensing papers), first met in an unseen corpus (corpus 29, 2026-11-28), where 21 findings about
 * professionals were high. Professionals named with their role and agency are public-role; the victims
 * in the same papers stay private. All data synthetic.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from '../../detectors/index.js';
import { detectedValues } from '../helpers/detected.js';

const highOrCritical = (text: string): string[] => detect(text, { kind: 'document-text' }).findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => `${f.entity} ${f.value}`);

test('a directory of staff: role in a column before the name, or a job title in a later cell of the row', () => {
  const contacts = 'Safeguarding Team contacts (January 2026)\nHead of Safeguarding            Bernadette Ofori              01632 960382\nNamed Nurse, Adults             Graham Pellow                 01632 960384\n';
  assert.deepEqual(highOrCritical(contacts), []);
  const attendance = 'Name | Agency | Role | Contact\nMohammed Rafiq | Change Grow Live | Team Leader | 01632 960593\nRachel Pemberton | Herts Domestic Abuse Partnership | Senior IDVA | 01632 960544';
  assert.deepEqual(highOrCritical(attendance), []);
});

test('people named with their public body in brackets, after a comma, or introduced as a service\'s staff', () => {
  assert.deepEqual(highOrCritical('Present: Dr Kwame Asante-Lloyd (Public Health Wales), Catrin Morgan (Mid & West Wales Fire and Rescue). Queries: community.safety@swansea.gov.uk, 029 2018 0615'), []);
  assert.deepEqual(highOrCritical('Our IDVAs – Rachel Pemberton, Grace Mwangi and Harpreet Kaur-Sandhu – support people at high risk. Call 01632 960900 (Mon–Fri 9am–8pm) or text 07700 900001. Email: idva.referrals@hertsdap.org.uk'), []);
  assert.deepEqual(highOrCritical('Legal adviser: Jasbir Sandhu, Solicitor to the Council. Premises: The Drovers Arms, 3 Market Place, Holt NR25 6BW'), []);
  assert.deepEqual(highOrCritical('The new partnership ASB van (CP73 XBC) is now on the road two evenings a week.'), []);
});

test('a victim beside the professionals stays private: her safe number, her address, her car', () => {
  const row = 'MARAC 26/11 | case 7 | Leanne Kirkbride | 4/9/1995 | 12 Ravenhill Road, Sheffield S2 5EB | victim - DA | IDVA: S. Okoro | safe no. 07700 900 702';
  const r = detect(row, { kind: 'cell-row' });
  const sev = Object.fromEntries(r.findings.map((f) => [f.value, f.severity]));
  assert.equal(sev['07700 900 702'], 'critical');
  assert.equal(sev['Leanne Kirkbride'], 'critical');
  assert.equal(sev['S. Okoro'], 'low');
  // her own car is no public body's vehicle, even beside a police word
  assert.equal(detect('Police were called after the suspect drove his van (KN15 OHA) at the victim, Mrs Jane Okafor of 4 Elm Road, Hitchin.').findings.find((f) => f.entity === 'VEHICLE_REG')?.publicRole, false);
});

test('a document\'s author is staff, unless the document is a volunteers\' group\'s', () => {
  assert.deepEqual(highOrCritical('Title: ASB_Carlisle_South_Nov26.xlsx; Author: Joanne Hetherington; Company: Cumbria Constabulary'), []);
  const nhw = detect('Producer: Microsoft Word\nAuthor: Pauline Osei-Bonsu\nTitle: Ashwell NHW AGM minutes 2026', { kind: 'metadata' });
  assert.equal(nhw.findings.find((f) => f.entity === 'PERSON')?.publicRole, false);
});

test('the Metropolitan Police\'s "Name, 23 (14.01.02)" gives a birth date; a specimen NI number named as such after it is none', () => {
  const release = 'Adeyemi Olaniyan, 23 (14.01.02), of no fixed abode; and Kacper Zielinski, 20 (30.08.04), of Romford Road, E7, were charged with robbery.';
  assert.deepEqual(detect(release).findings.filter((f) => f.entity === 'DATE_OF_BIRTH').map((f) => f.value), ['14.01.02', '30.08.04']);
  assert.deepEqual(highOrCritical("Card details in this leaflet are shown as XXXX XXXX XXXX 1234 and the National Insurance example QQ 12 34 56 C is HMRC's specimen."), []);
  assert.deepEqual(detect('Victim Mrs Alison Grey, NI number QQ 12 34 56 C, reported the call.').findings.filter((f) => f.entity === 'NI_NUMBER').map((f) => f.value), ['QQ 12 34 56 C']);
});

test('names no hand-written list holds come from the wide name list; companies named after people do not', () => {
  const names = (t: string): string[] => detectedValues(t, 'PERSON');
  assert.deepEqual(names('Comments: v4 – added Kelsey Arnott (V, case 7) new address 15 Wren Close, Hatfield AL10 9LB'), ['Kelsey Arnott']);
  assert.deepEqual(names('Lead officer: Daxa Pancholi, Head of Community Safety, Leicester City Council'), ['Daxa Pancholi']);
  assert.deepEqual(names('Relationship: paid carer employed by Kernow Care at Home Ltd'), []);
  // nationality words and Welsh house names are no surnames
  assert.deepEqual(names('Bryn Awel, Llanarthne, Caerfyrddin SA32 8HJ'), []);
});

test('a job title in a later cell makes a person staff only in a table with a role column', () => {
  const child = 'Maisie Okafor | 14/02/2019 | Allocated Social Worker | Kim Hale';
  assert.equal(detect(child, { kind: 'cell-row' }).findings.find((f) => f.value === 'Maisie Okafor')?.publicRole, false);
});

test('a community council\'s secretary signing with the role is public; a Neighbourhood Watch secretary is not', () => {
  const cc = 'Yours sincerely,\nIshbel Grant\nSecretary, Govanhill Community Council\nsecretary@govanhillcc.org.uk';
  assert.deepEqual(highOrCritical(cc), []);
  const nhw = detect('Yours sincerely,\nOluwadamilare Bankole-Hughes\nSecretary, Ashwell Neighbourhood Watch\n07700 900 871', { kind: 'document-text' });
  assert.equal(nhw.findings.find((f) => f.entity === 'PERSON')?.publicRole, false);
});
