import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { startReplica, scenarioTruth, type RunningReplica } from '../../replica/index.js';
import { defaultConfig } from '../../config/index.js';
import { silentLogger } from '../../core/logger.js';
import { sweepOnce } from '../../cli/commands/sweep.js';
import { LeakwatchStore } from '../../storage/index.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * The walking skeleton end to end: replica → real Chromium crawl → detectors → SQLite → e-mail
 * to a real SMTP server on loopback.
 */
let replica: RunningReplica;
let smtp: TestSmtp;
const tmp = tempDir();

before(async () => {
  replica = await startReplica({ port: 0, scenario: 'herts-2014' });
  smtp = await startTestSmtp();
});
after(async () => {
  await replica?.close();
  await smtp?.close();
  tmp.cleanup();
});

const configFor = (db: string, withSmtp: boolean) =>
  defaultConfig({
    targets: [{ name: 'herts', startUrls: [replica.startUrl] }],
    storage: { path: db },
    ...(withSmtp ? { alerts: { email: { smtp: smtp.url, from: 'leakwatch@force.example', to: ['ig-team@force.example'] } } } : {}),
  });

test('herts-2014: every case record is found as critical, data subjects counted, one masked e-mail, none on re-run', async () => {
  const truth = scenarioTruth('herts-2014');
  const db = join(tmp.dir, 'herts.db');
  const config = configFor(db, true);
  const first = await sweepOnce([], { mode: 'full', alerts: true, reveal: true }, silentLogger, config);
  const { report } = first.result;

  assert.equal(first.exitCode, 1, 'new critical findings make the sweep exit 1');
  assert.equal(report.run.errors, 0, 'no page errors on the replica');

  const criticalByRecord = new Map<string, typeof report.findings>();
  for (const f of report.findings) {
    if (f.severity !== 'critical' || !f.recordId) continue;
    criticalByRecord.set(f.recordId, [...(criticalByRecord.get(f.recordId) ?? []), f]);
  }
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  for (const record of truth.caseRecords) {
    const holder = [...criticalByRecord.values()].find((fs) =>
      record.people.every((p) => fs.some((f) => f.entity === 'PERSON' && norm(f.value).includes(norm(p.name).slice(-6)))),
    );
    assert.ok(holder, `case record ${record.id} on ${record.url}: all of ${record.people.length} people found in one critical record`);
  }
  // A client-rendered case is seen twice (rendered DOM and the JSON it came from); both are one incident.
  const caseIncidents = new Set(report.findings.filter((f) => f.severity === 'critical' && f.entity === 'PERSON').map((f) => f.incidentId));
  assert.equal(caseIncidents.size, truth.caseRecords.length, 'one critical incident per case');
  assert.equal(report.summary.dataSubjects, truth.dataSubjects, 'distinct data subjects');

  // Evidence: every critical incident has a highlighted screenshot of a page region that shows it.
  const store = LeakwatchStore.open(db);
  try {
    const critical = store.listIncidents({ severity: 'critical' });
    const withShot = critical.filter((i) => store.getIncident(i.id)!.occurrenceList.some((o) => o.hasScreenshot));
    assert.equal(withShot.length, critical.length, 'a screenshot for every critical incident');
  } finally {
    store.close();
  }

  await smtp.waitFor(1);
  const before = smtp.messages.length;
  for (const mail of smtp.messages) {
    for (const record of truth.caseRecords) {
      for (const person of record.people) {
        assert.ok(!mail.raw.includes(person.name), 'no raw name in the e-mail');
        const street = person.address.split(',')[0];
        assert.ok(!mail.raw.includes(street), 'no raw street address in the e-mail');
      }
    }
  }
  assert.match(smtp.messages[0].parsed.subject ?? '', /critical/i);

  const second = await sweepOnce([], { mode: 'full', alerts: true }, silentLogger, config);
  assert.equal(second.result.report.summary.newIncidents, 0, 'nothing new on the second sweep');
  assert.equal(second.exitCode, 0, 'no new high/critical → exit 0');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(smtp.messages.length, before, 'running the same sweep again sends no second e-mail');
});

test('clean: no high or critical finding; officers on team pages come out low', async () => {
  replica.setScenario('clean');
  const truth = scenarioTruth('clean');
  const db = join(tmp.dir, 'clean.db');
  const { result, exitCode, alertNotes } = await sweepOnce([], { mode: 'full', alerts: true, reveal: true }, silentLogger, configFor(db, false));
  const serious = result.report.findings.filter((f) => f.severity === 'critical' || f.severity === 'high');
  assert.deepEqual(serious.map((f) => `${f.entity} ${f.url} ${f.location}`), [], 'no high or critical findings on clean pages');
  assert.equal(exitCode, 0);
  const lowPeople = result.report.findings.filter((f) => f.entity === 'PERSON' && f.severity === 'low').map((f) => f.value);
  const sample = truth.officers.slice(0, 20);
  for (const officer of sample) {
    assert.ok(lowPeople.some((v) => v.includes(officer.name.split(' ').at(-1)!)), `officer ${officer.rank} ${officer.name} found as low`);
  }
  assert.equal(alertNotes.filter((n) => !/digest/i.test(n)).length, 0, 'nothing pages anyone on a clean site');
  // Pages outside the start prefix (site chrome such as /cookies/) are skipped, each stored with its reason.
  const store = LeakwatchStore.open(db);
  try {
    const skipped = store.listSkipped(result.report.run.id);
    const skippedScope = skipped.filter((s) => s.reason === 'scope').map((s) => new URL(s.url).pathname);
    for (const path of truth.otherPages.filter((p) => p !== '/')) assert.ok(skippedScope.includes(path), `${path} recorded as skipped (scope)`);
    assert.equal(skipped.length, Object.values(result.skipped).reduce((a, b) => a + (b ?? 0), 0), 'every skip is stored');
  } finally {
    store.close();
  }
  const outbox = join(tmp.dir, 'outbox');
  if (existsSync(outbox)) {
    for (const f of readdirSync(outbox)) assert.doesNotMatch(readFileSync(join(outbox, f), 'utf8'), /critical/i);
  }
});
