import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detect, detectBlocks, AllowList, subjectKey, ALL_RECOGNIZERS } from '../../detectors/index.js';
import { CHUNK_SIZE, resolveOverlaps, newDetection, triggerGroups, triggerWindows } from '../../detectors/engine.js';
import { normalise, toOriginal } from '../../detectors/normalize.js';
import { SEVERITY_RANK, type TextBlock } from '../../core/types.js';

const PRIORITY = 'Victim: Mrs Adaeze Okafor, 14 Ringlet Road, Hemel Hempstead HP2 7QX. Perpetrator: Darren Kowalski, 16 Ringlet Road. Nature: repeated noise nuisance and verbal abuse.';

test('a herts-2014 style priority is one critical case record with both subjects, roles and natures', () => {
  const r = detect(PRIORITY);
  const persons = r.findings.filter((f) => f.entity === 'PERSON').map((f) => f.value);
  assert.deepEqual(persons, ['Mrs Adaeze Okafor', 'Darren Kowalski']);
  const addresses = r.findings.filter((f) => f.entity === 'ADDRESS').map((f) => f.value);
  assert.deepEqual(addresses, ['14 Ringlet Road, Hemel Hempstead HP2 7QX', '16 Ringlet Road']);
  assert.ok(r.findings.every((f) => f.severity === 'critical' && f.recordId === 'r1'));
  assert.equal(r.records.length, 1);
  const rec = r.records[0]!;
  assert.equal(rec.isCaseRecord, true);
  assert.deepEqual(rec.subjectKeys.sort(), ['adaeze okafor', 'darren kowalski']);
  assert.deepEqual(rec.roles.sort(), ['perpetrator', 'victim']);
  assert.ok(rec.natures.includes('noise nuisance') && rec.natures.includes('verbal abuse'));
});

test('harassment prose without role labels is still a case record; roles inferred from "of" and "by"', () => {
  const r = detect("Ongoing harassment of Ms Siobhan O'Neill at 3 Peacock Court, Tring HP23 5DE by a neighbour, Mr Wei Chen of 5 Peacock Court");
  assert.equal(r.records[0]?.isCaseRecord, true);
  assert.deepEqual(r.records[0]!.roles.sort(), ['perpetrator', 'victim']);
  assert.equal(r.findings.filter((f) => f.entity === 'PERSON').length, 2);
  assert.ok(r.findings.every((f) => f.severity === 'critical'));
});

test('officers with a rank, team blocks, force e-mails, stations and 101/Crimestoppers are low and publicRole', () => {
  const team = detect('Sgt Al Clarke leads the team with PC Priya Sharma and PCSO Tom Wilkins', { section: 'team' });
  assert.deepEqual(team.findings.map((f) => f.value), ['Al Clarke', 'Priya Sharma', 'Tom Wilkins']);
  assert.ok(team.findings.every((f) => f.severity === 'low' && f.publicRole && f.recordId === null));
  const contact = detect('Hemel Hempstead Police Station, Combe Street, Hemel Hempstead HP1 1HL. Email dacorum.snt@herts.pnn.police.uk, call 101 or Crimestoppers on 0800 555 111.');
  assert.ok(contact.findings.length >= 3);
  assert.ok(contact.findings.every((f) => f.severity === 'low' && f.publicRole), JSON.stringify(contact.findings.map((f) => [f.entity, f.severity])));
  assert.equal(contact.findings.some((f) => f.value === '101'), false);
});

test('streets alone, road numbers and place names produce nothing', () => {
  for (const t of [
    'Reduce incidents of anti-social behaviour in Pheasant Close and Dorset Close in Berkhamsted, and Station Road in Tring.',
    'Speeding on the A505 near Hitchin, the M25 at junction 21 and the A1(M).',
    'Kings Langley, Abbots Langley and Leverstock Green will see extra patrols.',
    'In 2014 Station Road was resurfaced. Around 50 Ringlet Road households responded.',
  ]) assert.deepEqual(detect(t).findings.map((f) => f.entity), [], t);
});

test('severity model: lone name medium, name + personal phone high, government ids critical', () => {
  assert.equal(detect('A man named locally as Florin Constantinescu was arrested.').findings[0]?.severity, 'medium');
  const tied = detect('Contact Zainab Hussain on 01632 960418.');
  assert.deepEqual(tied.findings.map((f) => f.severity), ['high', 'high']);
  assert.equal(tied.findings[0]!.recordId, tied.findings[1]!.recordId);
  const ids = detect('NI number QQ 12 34 56 C; NHS number 455 433 9599; passport number 502135326.');
  assert.deepEqual(ids.findings.map((f) => [f.entity, f.severity]), [['NI_NUMBER', 'critical'], ['NHS_NUMBER', 'critical'], ['PASSPORT', 'critical']]);
  assert.deepEqual(detect('The reference is 502135326.').findings, [], 'a passport shape needs a passport cue');
});

test('context phrases work as phrases: "date of birth", "national insurance", "number plate"', () => {
  const dob = detect('Her date of birth is 04/11/1961.');
  assert.equal(dob.findings[0]?.entity, 'DATE_OF_BIRTH');
  assert.ok(dob.findings[0]!.reasons.includes('context:date of birth'));
  assert.deepEqual(detect('Meeting on 04/11/2025.').findings, []);
  assert.equal(detect('national insurance qq 65 43 21 b').findings[0]?.entity, 'NI_NUMBER');
  assert.equal(detect('The number plate A123 BCD was seen.').findings[0]?.entity, 'VEHICLE_REG');
  assert.deepEqual(detect('Letter A123 BCD.').findings, [], 'prefix-format marks need a vehicle cue');
});

test('a context phrase counts only as a whole word lying inside its window, wherever the window cuts the text', () => {
  // the date 40 characters after "DOB" has its cue; one character further it has none
  const withCue = (gap: number) => detect(`DOB ${'x '.repeat(gap)}04/11/1961`).findings.filter((f) => f.entity === 'DATE_OF_BIRTH').length;
  assert.equal(withCue(18), 1); // "DOB" ends 37 before the date
  assert.equal(withCue(19), 0); // it would begin 41 before: outside the 40-character window
  // "average" is no "age", even when the window's edge falls just before its "age"
  const text = 'The average response time was fine'.padEnd(49, ' ') + '04/11/1961.';
  assert.equal(text.indexOf('age') + 41, text.indexOf('04/11'));
  assert.deepEqual(detect(text).findings.filter((f) => f.entity === 'DATE_OF_BIRTH'), []);
  // the scan for cue phrases that skips cue-less dates finds the same ones, in a long text too
  const long = `${'Patrols continue on 04/11/2024 near the shops. '.repeat(400)}Suspect Dean Hollis, DOB 04/11/1961, of no fixed abode.`;
  assert.deepEqual(detect(long).findings.filter((f) => f.entity === 'DATE_OF_BIRTH').map((f) => f.value), ['04/11/1961']);
});

test('offsets are exact against the original text despite NBSP, zero-width, entities and full-width digits', () => {
  const text = 'Victim:&nbsp;Mrs\u00a0Adaeze O\u2019Neill, 1\u200b4 Ringlet Road, Hemel Hempstead HP2&#160;7QX, tel ０７７００ ９００１２３.';
  const r = detect(text);
  const byEntity = Object.fromEntries(r.findings.map((f) => [f.entity, f]));
  for (const f of r.findings) assert.equal(text.slice(f.start, f.end), f.value);
  assert.equal(byEntity.PERSON?.value, 'Mrs\u00a0Adaeze O\u2019Neill');
  assert.equal(byEntity.ADDRESS?.value, '1\u200b4 Ringlet Road, Hemel Hempstead HP2&#160;7QX');
  assert.equal(byEntity.PHONE?.value, '０７７００ ９００１２３');
});

test('property: digit groups are the runs of digits joined by one space, dot, hyphen or line break, and every one lies in a window', () => {
  const piece = fc.constantFrom('1', '23', '4567', ' ', '.', '-', '\n', '\r\n', '\r', 'a', 'AB', '/', '  ', '@', '\t');
  fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 0, max: 30 }), (pieces, reach) => {
    const text = pieces.join('');
    const g = triggerGroups(text, 'digit');
    const expected = [...text.matchAll(/\d+(?:(?:[ .-]|\r?\n)\d+)*/g)];
    assert.equal(g.count, expected.length);
    expected.forEach((m, k) => {
      assert.deepEqual([g.start[k], g.end[k]], [m.index, m.index + m[0].length]);
      assert.equal(g.digits[k], m[0].replace(/\D/g, '').length);
      assert.equal(g.run[k], Math.max(...m[0].split(/\D/).map((r) => r.length)));
    });
    const windows = triggerWindows(text, 'digit', reach);
    for (const m of expected) assert.ok(windows.some(([s, e]) => s <= Math.max(0, m.index - reach) && Math.min(text.length, m.index + m[0].length + reach) <= e));
    for (let k = 1; k < windows.length; k++) assert.ok(windows[k - 1]![1] < windows[k]![0], 'windows are disjoint and do not touch');
    assert.equal(triggerGroups(text, 'at').count, text.split('@').length - 1);
  }), { numRuns: 500 });
});

test('property: every normalised character maps back to original text it was kept or rewritten from, in order', () => {
  // ASCII words mixed with what normalise() rewrites: entities (known, numeric, unknown), NBSP, zero-width, dashes, full-width
  const piece = fc.constantFrom('a', 'B', ' ', '7', '&amp;', '&#160;', '&#x41;', '&bogus;', '&', '\u00a0', '\u200b', '\u00ad', '\u2019', '\u2013', ' \u2013 ', '\uff17', '\n');
  fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
    const original = pieces.join('');
    const norm = normalise(original);
    let prevEnd = 0;
    for (let i = 0; i < norm.text.length; i++) {
      const [s, e] = toOriginal(norm, i, i + 1);
      assert.ok(prevEnd <= s && s < e && e <= original.length);
      const source = original.slice(s, e);
      const ch = norm.text[i]!;
      // kept as it was, or what the source normalises to (an entity's or a full-width digit's character)
      assert.ok(source.includes(ch) || normalise(source).text.includes(ch), `${JSON.stringify(ch)} from ${JSON.stringify(source)}`);
      if (e > s + 1 || source !== ch) prevEnd = s; // a multi-character entity maps every character it made to itself
      else prevEnd = e;
    }
  }), { numRuns: 500 });
  // a dash between spaces is punctuation and stays; one inside a word or a number range is a hyphen
  assert.equal(normalise('Hitchin \u2013 update').text, 'Hitchin \u2013 update');
  assert.equal(normalise('Baptiste\u2013Williams, 1\u20137').text, 'Baptiste-Williams, 1-7');
});

test('normalise(): quoting, PDF line breaks and JSON escapes, and a long text then a short one (the assembly buffer is reused)', () => {
  assert.equal(normalise('> I live at 41 Ditchmore Lane\n>> SG1 3LJ\na>b').text, '  I live at 41 Ditchmore Lane\n   SG1 3LJ\na>b');
  assert.equal(normalise('Wojcie-\nchowska and Ashby-\r\nToller, well-\n').text, 'Wojciechowska and Ashby-Toller, well-\n');
  assert.equal(normalise('{"n":"Zo\\u00eb\\nSmith"}').text, '{"n":"Zoë\nSmith"}');
  assert.equal(normalise('Saved to C:\\new by Zo\\u00eb').text, 'Saved to C:\\new by Zoë');
  const long = 'O\u2019Neill &amp; Sons, '.repeat(20_000);
  assert.equal(normalise(long).text, "O'Neill & Sons, ".repeat(20_000));
  const short = normalise('Zo\u00eb O\u2019Brien');
  assert.equal(short.text, "Zoë O'Brien");
  assert.equal(short.edits, null);
});

test('property: inserting noise around a record never breaks offsets or the case record', () => {
  const noise = fc.stringMatching(/^[a-z ,.\n]{0,400}$/);
  fc.assert(fc.property(noise, noise, (before, after) => {
    const text = `${before} ${PRIORITY} ${after}`;
    const r = detect(text, { kind: 'priority' });
    for (const f of r.findings) assert.equal(text.slice(f.start, f.end), f.value);
    assert.equal(r.records.filter((x) => x.isCaseRecord).length, 1);
  }), { numRuns: 60 });
});

test('large inputs are chunked without losing or duplicating matches at chunk borders', () => {
  const filler = 'Officers patrolled the town centre and spoke to shop owners about safety. ';
  let text = '';
  const planted: number[] = [];
  // plant a phone number straddling every chunk border and one inside each chunk
  for (let border = CHUNK_SIZE; border < 3 * CHUNK_SIZE; border += CHUNK_SIZE) {
    while (text.length + filler.length <= border - 6) text += filler;
    text += ' '.repeat(border - 6 - text.length);
    planted.push(text.length);
    text += '07700 900123 ';
    text += filler.repeat(50) + 'QQ 12 34 56 C ';
  }
  text += filler.repeat(10);
  const r = detect(text);
  const phones = r.findings.filter((f) => f.entity === 'PHONE');
  assert.deepEqual(phones.map((f) => f.start), planted);
  assert.equal(r.findings.filter((f) => f.entity === 'NI_NUMBER').length, planted.length);
  for (const f of r.findings) assert.equal(text.slice(f.start, f.end), f.value);
});

test('detectBlocks: per-block recordIds, table headers as context, officers named with a rank elsewhere stay low', () => {
  const blocks: TextBlock[] = [
    { text: 'Insp Rebecca Hollis chaired the meeting.', kind: 'paragraph', location: 'p1' },
    { text: 'Rebecca Hollis thanked residents.', kind: 'paragraph', location: 'p2' },
    { text: 'Name | DOB | Address | Role', kind: 'table-row', location: 'tr1' },
    { text: 'BRANNIGAN, Shaun | 23/12/1990 | 16 RINGLET ROAD, HEMEL HEMPSTEAD HP2 7QX | Perpetrator', kind: 'table-row', location: 'tr2' },
  ];
  const res = detectBlocks(blocks, { recordIdPrefix: 'page7' });
  assert.deepEqual(res.map((r) => r.blockIndex), [0, 1, 2, 3]);
  assert.equal(res[1]!.findings[0]?.severity, 'low');
  const row = res[3]!;
  assert.deepEqual(row.findings.map((f) => f.entity).sort(), ['ADDRESS', 'DATE_OF_BIRTH', 'PERSON']);
  assert.ok(row.findings.every((f) => f.severity === 'critical' && f.recordId === 'page7:3:1'));
  assert.equal(row.records[0]?.isCaseRecord, true);
});

test('AllowList: normalised matching, expiry, configured entries and learning from a force\'s own pages', () => {
  const list = new AllowList([
    { entity: 'PHONE', value: '01707 354000', reason: 'force switchboard', source: 'config', expiresAt: '2099-01-01T00:00:00Z' },
    { entity: 'PERSON', value: 'Graham Pettifer', reason: 'NHW coordinator', source: 'config', expiresAt: '2000-01-01T00:00:00Z' },
  ]);
  assert.equal(list.match('PHONE', '+44 1707 354000')?.reason, 'force switchboard');
  assert.equal(list.match('PERSON', 'Graham Pettifer'), undefined, 'expired');
  assert.equal(list.match('PHONE', '101')?.source, 'builtin');
  const learned = list.learn([
    { text: 'Sgt Olusegun Bakare and PCSO Nadia Rahman', kind: 'team-member', section: 'team', location: 'li1' },
    { text: 'Drop-in at Tring Library, 8 High Street, Tring HP23 5AL.', kind: 'event', section: 'events', location: 'ev1' },
    { text: 'Email dacorum.snt@herts.pnn.police.uk', kind: 'contact', section: 'contact', location: 'c1' },
  ], 'https://replica.test/pu/your-area/herts/tring/about-us/');
  assert.deepEqual(learned.map((e) => e.entity).sort(), ['ADDRESS', 'EMAIL', 'PERSON', 'PERSON']);
  assert.ok(learned.every((e) => e.source === 'learned' && e.reason.includes('replica.test')));
  assert.deepEqual(list.learn([{ text: 'Sgt Olusegun Bakare', kind: 'team-member', section: 'team', location: 'x' }], 'u'), [], 'nothing new');
  const r = detect('Olusegun Bakare lives at 8 High Street, Tring HP23 5AL.', { allowList: list });
  assert.ok(r.findings.every((f) => f.severity === 'low' && f.publicRole), JSON.stringify(r.findings.map((f) => [f.entity, f.severity])));
});

test('subjectKey is case, whitespace, apostrophe and title insensitive', () => {
  assert.equal(subjectKey("Mrs Janet O'Neill"), subjectKey('JANET O’NEILL'));
  assert.equal(subjectKey('  Dr   Folasade  Adebanjo '), 'folasade adebanjo');
  assert.notEqual(subjectKey('Janet Smith'), subjectKey('Janet Smyth'));
});

test('public-role text never yields high or critical; every recogniser is declarative', () => {
  const texts = [
    'Chief Constable Charlie Hall and Deputy Chief Constable Genna Telfer met Sgt Al Clarke at Stevenage Police Station, Lytton Way, Stevenage SG1 1HF.',
    'PCSO Tom Wilkins, tel 07700 900555, email tom.wilkins@herts.pnn.police.uk',
  ];
  for (const [i, t] of texts.entries()) {
    const r = detect(t, { section: i === 1 ? 'team' : 'other' });
    assert.ok(r.findings.length > 0);
    for (const f of r.findings) assert.ok(SEVERITY_RANK[f.severity] <= SEVERITY_RANK.low, `${f.entity} ${f.severity}`);
  }
  for (const rec of ALL_RECOGNIZERS) {
    assert.ok(rec.name && rec.entity && rec.description);
    assert.ok(rec.patterns?.length || rec.find, rec.name);
  }
});

test('overlaps: a detection turned away only by one that later lost comes back', () => {
  const person = newDetection('PERSON', 'p', 0, 13, 0.85, [], false);
  const wide = newDetection('ADDRESS', 'a', 0, 54, 0.85, [], false); // read back over the name's line
  const narrow = newDetection('ADDRESS', 'a', 14, 54, 0.9, [], false);
  assert.deepEqual(resolveOverlaps([person, wide, narrow]).map((d) => [d.entity, d.start, d.end]), [['PERSON', 0, 13], ['ADDRESS', 14, 54]]);
  // one still beaten by a kept detection stays out
  const inside = newDetection('POSTCODE', 'pc', 47, 54, 0.6, [], false);
  assert.deepEqual(resolveOverlaps([narrow, inside]).map((d) => d.entity), ['ADDRESS']);
});
