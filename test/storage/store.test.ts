import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { StorageError } from '../../core/errors.js';
import type { DetectionResult, TextBlock } from '../../core/types.js';
import { LeakwatchStore, SECRETS_FILE_NAME_FOR_TESTS } from './store-exports.js';
import { PLANTED, caseRecordBlock, finding, openStore, resource, singleBlock, tempDir, withIndex } from './helpers.js';

const TARGET = 'http://127.0.0.1/pu/your-area/test-force/';
const PRIORITIES = `${TARGET}priorities/`;
const TEAM = `${TARGET}about-us/`;

function page(url: string, parts: Array<{ block: TextBlock; result: DetectionResult }>) {
  return { res: resource(url, parts.map((p) => p.block)), results: withIndex(parts.map((p) => p.result)) };
}

/** One sweep: pages fetched OK with their detections, URLs that failed, then auto-resolve and finish. */
function sweep(store: LeakwatchStore, pages: Array<ReturnType<typeof page>>, failed: string[] = []) {
  const run = store.startRun({ target: TARGET, mode: 'full', startUrls: [TARGET] });
  const ok = new Set<string>();
  const stored = [];
  for (const p of pages) {
    store.recordResource(run.id, { url: p.res.url, kind: 'page', status: 200, contentHash: p.res.contentHash, fetchedAt: p.res.fetchedAt });
    ok.add(p.res.url);
    stored.push(store.recordDetections({ runId: run.id, target: TARGET, resource: p.res, results: p.results, dashboardUrl: 'http://127.0.0.1:9/dash' }));
  }
  for (const url of failed) store.recordResource(run.id, { url, kind: 'page', status: 503, contentHash: '', fetchedAt: new Date().toISOString(), error: 'HTTP 503' });
  const resolved = store.autoResolve(run.id, TARGET, ok);
  store.finishRun(run.id, { pages: pages.length, documents: 0, errors: failed.length, status: 'completed' });
  return { runId: run.id, stored, resolved, newIncidents: stored.reduce((n, s) => n + s.newIncidents, 0) };
}

const leakPage = () => page(PRIORITIES, [caseRecordBlock(PLANTED.name, PLANTED.address, 'rec-1'), singleBlock(`Call ${PLANTED.phone} about NI ${PLANTED.ni}`, [finding('NI_NUMBER', PLANTED.ni, 'critical')], 'li.priority:nth-child(2)')]);
const cleanPriorities = () => page(PRIORITIES, [singleBlock('We will patrol the park on Fridays.', [])]);
const teamPage = () => page(TEAM, [singleBlock('PC Sam Officer', [finding('PERSON', 'Sam Officer', 'low')], '.team li:nth-child(1)'), singleBlock(`Contact ${PLANTED.otherName}`, [finding('PERSON', PLANTED.otherName, 'medium')], '.team li:nth-child(2)')]);

test('migrations run once, record their version, and survive reopening', () => {
  const { dir, cleanup } = tempDir();
  try {
    const a = openStore(dir);
    assert.equal(a.schemaVersion(), 4);
    assert.equal(a.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(a.db.pragma('secure_delete', { simple: true }), 1);
    a.close();
    const b = openStore(dir);
    const rows = b.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    assert.deepEqual(rows.map((r) => r.version), [1, 2, 3, 4], 'each migration recorded once');
    b.close();
    const secrets = join(dir, SECRETS_FILE_NAME_FOR_TESTS);
    assert.ok(existsSync(secrets), 'secrets generated on first run');
    assert.equal(statSync(secrets).mode & 0o777, 0o600);
    assert.ok(!readFileSync(join(dir, 'leakwatch.db')).includes(JSON.parse(readFileSync(secrets, 'utf8')).encryptionKey), 'key is not in the db');
  } finally { cleanup(); }
});

test('a wrong encryption key is refused with a hint instead of producing garbage', () => {
  const { dir, cleanup } = tempDir();
  try {
    openStore(dir).close();
    assert.throws(() => LeakwatchStore.open(join(dir, 'leakwatch.db'), { encryptionKey: Buffer.alloc(32, 7).toString('base64') }), (e: unknown) => e instanceof StorageError && /encryption key does not match/.test(e.message));
  } finally { cleanup(); }
});

test('a read-only location gives a StorageError that says what to do', { skip: process.getuid?.() === 0 ? 'root ignores file permissions' : false }, () => {
  const { dir, cleanup } = tempDir();
  try {
    chmodSync(dir, 0o500);
    assert.throws(() => LeakwatchStore.open(join(dir, 'sub', 'x.db'), { hmacSecret: 'x'.repeat(20), encryptionKey: Buffer.alloc(32).toString('base64') }), StorageError);
  } finally { chmodSync(dir, 0o700); cleanup(); }
});

test('a database locked by another writer gives a StorageError naming the lock', () => {
  const { dir, cleanup } = tempDir();
  try {
    openStore(dir).close();
    const other = new Database(join(dir, 'leakwatch.db'));
    other.exec('BEGIN EXCLUSIVE');
    const store = LeakwatchStore.open(join(dir, 'leakwatch.db'), { busyTimeoutMs: 50 });
    try {
      assert.throws(() => store.startRun({ target: TARGET, mode: 'full', startUrls: [] }), (e: unknown) => e instanceof StorageError && /locked/.test(e.message));
    } finally { store.close(); other.exec('ROLLBACK'); other.close(); }
  } finally { cleanup(); }
});

test('incidents: new on first sight, deduplicated on the next run, no second alert', () => {
  const { dir, cleanup } = tempDir();
  const store = openStore(dir);
  try {
    const first = sweep(store, [leakPage(), teamPage()]);
    assert.equal(first.newIncidents, 4, 'case record + NI + officer + lone name');
    const crit = store.listIncidents({ minSeverity: 'high' });
    assert.equal(crit.length, 2);
    const record = crit.find((i) => i.isCaseRecord)!;
    assert.equal(record.severity, 'critical');
    assert.equal(record.dataSubjects, 1);
    assert.ok(!record.maskedValue.includes('Quaggleton') && record.maskedValue.includes('W*'), record.maskedValue);
    assert.ok(first.stored[0].findings.every((f) => f.isNew));
    const alerts = store.pendingAlerts();
    assert.deepEqual(alerts.map((a) => a.kind).sort(), ['incident.new', 'incident.new'], 'critical pages even on the baseline sweep; low and medium do not');

    const second = sweep(store, [leakPage(), teamPage()]);
    assert.equal(second.newIncidents, 0);
    assert.ok(second.stored[0].findings.every((f) => !f.isNew && f.incidentId));
    assert.equal(store.listIncidents().length, 4, 'no duplicate incidents');
    assert.equal(store.pendingAlerts().length, 2, 'no new alert rows');
    assert.equal(store.getIncident(record.id)!.occurrenceList.length, 1);
  } finally { store.close(); cleanup(); }
});

test('baseline: first sweep records low and medium silently; a later medium goes to one digest', () => {
  const { dir, cleanup } = tempDir();
  const store = openStore(dir);
  try {
    sweep(store, [teamPage()]);
    const inc = store.listIncidents();
    assert.equal(inc.length, 2);
    assert.ok(inc.every((i) => i.baseline), 'both baseline');
    assert.equal(store.outboxStats().pending, 0, 'no alert, no digest on the baseline sweep');

    const newMedium = page(`${TARGET}news/`, [singleBlock(`Thanks to ${PLANTED.name}`, [finding('PERSON', PLANTED.name, 'medium')]), singleBlock(`Write to ${PLANTED.email}`, [finding('EMAIL', PLANTED.email, 'medium')], 'p:nth-of-type(2)')]);
    sweep(store, [teamPage(), newMedium]);
    const pending = store.pendingAlerts();
    assert.equal(pending.length, 1);
    assert.equal(pending[0].kind, 'digest.medium');
    assert.equal(pending[0].payload.counts.findings, 2);
    sweep(store, [teamPage(), newMedium]);
    assert.equal(store.pendingAlerts().length, 1, 'digest not repeated');
  } finally { store.close(); cleanup(); }
});

test('auto-resolve after a successful re-fetch without the leak; reopen with an alert when it comes back', () => {
  const { dir, cleanup } = tempDir();
  const store = openStore(dir);
  try {
    sweep(store, [leakPage()]);
    const removed = sweep(store, [cleanPriorities()]);
    assert.equal(removed.resolved, 2);
    const record = store.listIncidents({ minSeverity: 'critical' }).find((i) => i.isCaseRecord)!;
    assert.equal(record.status, 'resolved');
    assert.equal(record.resolution, 'auto');
    assert.ok(record.removedAt && record.removedAt >= record.firstSeen, 'exposure window closed');
    assert.equal(store.pendingAlerts().filter((a) => a.kind === 'incident.resolved').length, 2);

    const back = sweep(store, [leakPage()]);
    assert.equal(back.newIncidents, 2, 'regression counts as new');
    const again = store.getIncident(record.id)!;
    assert.equal(again.status, 'new');
    assert.equal(again.reopenCount, 1);
    assert.equal(again.removedAt, null);
    assert.equal(store.pendingAlerts().filter((a) => a.kind === 'incident.reopened').length, 2);
    assert.ok(back.stored[0].findings.every((f) => f.isNew));
  } finally { store.close(); cleanup(); }
});

test('no auto-resolve when the page failed, was not fetched, or was out of scope', () => {
  const { dir, cleanup } = tempDir();
  const store = openStore(dir);
  try {
    sweep(store, [leakPage()]);
    const failed = sweep(store, [], [PRIORITIES]);
    assert.equal(failed.resolved, 0);
    const notFetched = sweep(store, [teamPage()]);
    assert.equal(notFetched.resolved, 0);
    // The sweep wrongly claims success for a URL whose fetch errored: storage still refuses.
    const run = store.startRun({ target: TARGET, mode: 'full', startUrls: [TARGET] });
    store.recordResource(run.id, { url: PRIORITIES, kind: 'page', status: 0, contentHash: '', fetchedAt: new Date().toISOString(), error: 'timeout' });
    assert.equal(store.autoResolve(run.id, TARGET, new Set([PRIORITIES])), 0);
    store.finishRun(run.id, { pages: 0, documents: 0, errors: 1, status: 'completed' });
    assert.ok(store.listIncidents({ minSeverity: 'critical' }).every((i) => i.status === 'new' && i.removedAt === null));
  } finally { store.close(); cleanup(); }
});

test('unchanged pages keep their occurrences live and report the earlier findings', () => {
  const { dir, cleanup } = tempDir();
  const store = openStore(dir);
  try {
    sweep(store, [leakPage()]);
    const run = store.startRun({ target: TARGET, mode: 'hot', startUrls: [TARGET] });
    store.recordResource(run.id, { url: PRIORITIES, kind: 'page', status: 304, contentHash: leakPage().res.contentHash, fetchedAt: new Date().toISOString() });
    const carried = store.markUnchanged(run.id, PRIORITIES);
    assert.equal(carried.length, 3);
    assert.ok(carried.every((f) => !f.isNew && f.finding.value === f.masked && !f.masked.includes('Quaggleton')));
    assert.deepEqual(store.subjectKeysFor(PRIORITIES), [PLANTED.name.toLowerCase()]);
    assert.equal(store.autoResolve(run.id, TARGET, new Set([PRIORITIES])), 0);
    const revealed = store.markUnchanged(run.id, PRIORITIES, { reveal: true });
    assert.equal(revealed.length, 0, 'already reported in this run');
  } finally { store.close(); cleanup(); }
});

test('raw values and evidence are not findable in the database files; reveal decrypts and is audited', () => {
  const { dir, cleanup } = tempDir();
  const store = openStore(dir);
  try {
    sweep(store, [leakPage(), teamPage()]);
    const id = store.listIncidents({ minSeverity: 'critical' }).find((i) => i.isCaseRecord)!.id;
    const occ = store.getIncident(id)!.occurrenceList[0];
    store.saveEvidenceScreenshot(occ.id, Buffer.from(`PNG-FAKE ${PLANTED.name}`));
    store.maintenance();
    const files = readdirSync(dir).filter((f) => f.startsWith('leakwatch.db'));
    const needles = [PLANTED.name, PLANTED.address, PLANTED.ni, PLANTED.otherName, 'Quaggleton', 'Thistlewhistle', 'QQ123456C', 'repeated anti-social'];
    for (const f of files) {
      const bytes = readFileSync(join(dir, f));
      for (const n of needles) {
        assert.ok(!bytes.includes(Buffer.from(n)), `${n} found in ${f}`);
        assert.ok(!bytes.includes(Buffer.from(n.toLowerCase())), `${n} (lower) found in ${f}`);
      }
    }
    assert.match(store.revealValue(id, 'ig.officer'), /Wilhelmina Quaggleton/);
    const ev = store.revealEvidence(occ.id, 'ig.officer');
    assert.match(ev.text!, /Thistlewhistle/);
    assert.equal(ev.screenshot!.toString(), `PNG-FAKE ${PLANTED.name}`);
    assert.equal(ev.contentHash, leakPage().res.contentHash);
    const history = store.getIncident(id)!.history.map((h) => h.action);
    assert.ok(history.includes('value.reveal') && history.includes('evidence.reveal'));
  } finally { store.close(); cleanup(); }
});

test('lifecycle: acknowledge, manual resolve queues a resolve; false-positive does not reopen', () => {
  const { dir, cleanup } = tempDir();
  const store = openStore(dir);
  try {
    sweep(store, [leakPage()]);
    const [rec, ni] = store.listIncidents({ minSeverity: 'critical' });
    store.setIncidentStatus(rec.id, 'acknowledged', 'duty.officer');
    store.setIncidentStatus(rec.id, 'resolved', 'duty.officer', 'page taken down');
    assert.equal(store.pendingAlerts().filter((a) => a.kind === 'incident.resolved' && a.incidentId === rec.id).length, 1);
    store.setIncidentStatus(ni.id, 'false-positive', 'ig.team', 'test data');
    const next = sweep(store, [leakPage()]);
    assert.equal(store.getIncident(ni.id)!.status, 'false-positive');
    assert.equal(store.getIncident(rec.id)!.status, 'new', 'still live after a manual resolve = regression');
    assert.equal(next.newIncidents, 1);
    assert.throws(() => store.setIncidentStatus('inc_nope', 'resolved', 'x'), StorageError);
  } finally { store.close(); cleanup(); }
});

test('retention purge destroys values and evidence N days after resolution, keeps the timeline', () => {
  const { dir, cleanup } = tempDir();
  const store = openStore(dir);
  try {
    sweep(store, [leakPage()]);
    sweep(store, [cleanPriorities()]);
    assert.deepEqual(store.purgeEvidence(30), { incidents: 0, occurrences: 0, historyRows: 0 }, 'too recent');
    const later = new Date(Date.now() + 31 * 86_400_000);
    const purged = store.purgeEvidence(30, later);
    assert.equal(purged.incidents, 2);
    const id = store.listIncidents({ minSeverity: 'critical' })[0].id;
    assert.throws(() => store.revealValue(id, 'x'), /purged/);
    const inc = store.getIncident(id)!;
    assert.ok(inc.occurrenceList.every((o) => !o.hasEvidence && o.purgedAt));
    assert.ok(inc.firstSeen && inc.removedAt && inc.maskedValue);
  } finally { store.close(); cleanup(); }
});

test('retention prunes per-run history (fetch log, carried-over finding copies) but keeps what later runs copy from', () => {
  const { dir, cleanup } = tempDir();
  const store = openStore(dir);
  try {
    const url = leakPage().res.url;
    sweep(store, [leakPage()]);
    const carry = (): number => {
      const run = store.startRun({ target: TARGET, mode: 'hot', startUrls: [TARGET] });
      const n = store.markUnchanged(run.id, url).length;
      store.finishRun(run.id, { pages: 1, documents: 0, errors: 0, status: 'completed' });
      return n;
    };
    const copied = carry();
    assert.ok(copied > 0, 'an unchanged page carries its findings into the run');
    const purged = store.purgeEvidence(30, new Date(Date.now() + 31 * 86_400_000));
    assert.equal(purged.incidents, 0, 'open incidents keep their values');
    assert.ok(purged.historyRows >= copied + 1, `old copies and fetch rows pruned (${purged.historyRows})`);
    assert.equal(carry(), copied, 'a later run still carries the same findings over');
    assert.ok(store.revealValue(store.listIncidents({ minSeverity: 'critical' })[0].id, 'test'), 'the open incident is intact');
  } finally { store.close(); cleanup(); }
});

test('monitor alerts are raised once, cleared on recovery, and counted cycles trip the threshold', () => {
  const { dir, cleanup } = tempDir();
  const store = openStore(dir);
  try {
    assert.equal(store.recordCycle(TARGET, false, { failThreshold: 2 }), 1);
    assert.equal(store.pendingAlerts().length, 0);
    store.recordCycle(TARGET, false, { failThreshold: 2 });
    store.recordCycle(TARGET, false, { failThreshold: 2 });
    assert.deepEqual(store.pendingAlerts().map((a) => a.kind), ['monitor.unreachable']);
    store.recordCycle(TARGET, true);
    const kinds = store.pendingAlerts().map((a) => a.kind);
    assert.deepEqual(kinds, ['monitor.unreachable', 'monitor.recovered']);
    const [raised, recovered] = store.pendingAlerts();
    assert.equal(raised.payload.incidentId, recovered.payload.incidentId, 'same dedup key to resolve');
    assert.equal(store.checkStalled(TARGET, 60_000, new Date(Date.now() + 120_000)), true);
    assert.equal(store.raiseMonitorAlert(TARGET, 'stalled'), false, 'already open');
    assert.equal(store.clearMonitorAlert(TARGET, 'canary-failed'), false);
  } finally { store.close(); cleanup(); }
});

test('crawl state: page validators and a resumable frontier', () => {
  const { dir, cleanup } = tempDir();
  const store = openStore(dir);
  try {
    const run = store.startRun({ target: TARGET, mode: 'full', startUrls: [TARGET] });
    store.frontierPush(run.id, [{ url: `${TARGET}a`, depth: 1, priority: 1 }, { url: `${TARGET}b`, depth: 1, priority: 5 }, { url: `${TARGET}a`, depth: 1, priority: 1 }]);
    store.frontierDone(run.id, `${TARGET}b`, 'done');
    assert.deepEqual(store.frontierPending(run.id).map((e) => e.url), [`${TARGET}a`]);
    store.savePageState({ url: `${TARGET}a`, etag: '"x1"', contentHash: 'abc', lastStatus: 200 });
    assert.equal(store.getPageState(`${TARGET}a`)!.etag, '"x1"');
    assert.equal(store.findInterruptedRun(TARGET)!.id, run.id);
    store.finishRun(run.id, { pages: 1, documents: 0, errors: 0, status: 'completed' });
    assert.equal(store.findInterruptedRun(TARGET), undefined);
    assert.equal(store.getRun(run.id)!.status, 'completed');
    assert.deepEqual(store.frontierPending(run.id), [], 'a completed run keeps no frontier (it only serves resuming)');
  } finally { store.close(); cleanup(); }
});

test('an unchanged page still showing a manually resolved incident reopens it once', () => {
  const { dir, cleanup } = tempDir();
  const store = openStore(dir);
  try {
    // The same NI number in two blocks of one page: two occurrences, one incident.
    const twice = page(PRIORITIES, [
      singleBlock(`NI ${PLANTED.ni}`, [finding('NI_NUMBER', PLANTED.ni, 'critical')], 'li:nth-child(1)'),
      singleBlock(`again ${PLANTED.ni}`, [finding('NI_NUMBER', PLANTED.ni, 'critical')], 'li:nth-child(2)'),
    ]);
    sweep(store, [twice]);
    const [inc] = store.listIncidents();
    assert.equal(store.getIncident(inc.id)!.occurrenceList.length, 2);
    store.setIncidentStatus(inc.id, 'resolved', 'duty.officer', 'believed removed');
    const run = store.startRun({ target: TARGET, mode: 'hot', startUrls: [TARGET] });
    store.recordResource(run.id, { url: PRIORITIES, kind: 'page', status: 304, contentHash: twice.res.contentHash, fetchedAt: new Date().toISOString() });
    const carried = store.markUnchanged(run.id, PRIORITIES);
    assert.equal(carried.length, 2);
    assert.ok(carried.every((f) => f.isNew));
    const after = store.getIncident(inc.id)!;
    assert.equal(after.status, 'new');
    assert.equal(after.reopenCount, 1);
    assert.equal(store.pendingAlerts().filter((a) => a.kind === 'incident.reopened').length, 1);
  } finally { store.close(); cleanup(); }
});

test('secrets from the environment are used (no file written); a malformed key is refused with a hint', async () => {
  const { loadSecrets } = await import('../../storage/secrets.js');
  const { dir, cleanup } = tempDir();
  try {
    const key = Buffer.alloc(32, 3);
    const s = loadSecrets({ secretsDir: dir, env: { LEAKWATCH_HMAC_SECRET: 'an-hmac-secret-of-enough-length', LEAKWATCH_ENCRYPTION_KEY: key.toString('hex') } });
    assert.equal(s.source, 'environment');
    assert.ok(s.encryptionKey.equals(key));
    assert.ok(!existsSync(join(dir, SECRETS_FILE_NAME_FOR_TESTS)), 'nothing written when the environment supplies both');
    assert.throws(() => loadSecrets({ secretsDir: dir, env: { LEAKWATCH_ENCRYPTION_KEY: 'too-short' } }), (e: unknown) => e instanceof StorageError && /openssl rand/.test(e.message));
    assert.throws(() => loadSecrets({ secretsDir: dir, env: { LEAKWATCH_HMAC_SECRET: 'short' } }), StorageError);
  } finally { cleanup(); }
});

test('a dashboard allow-list entry silences its incident until it expires; then a sighting reopens it and alerts', async () => {
  const { UserStore } = await import('../../storage/users.js');
  const { dir, cleanup } = tempDir();
  const store = openStore(dir);
  try {
    sweep(store, [leakPage()]);
    const [, ni] = store.listIncidents({ minSeverity: 'critical' });
    const users = new UserStore(store.db);
    users.addAllowEntry({ incidentId: ni.id, entity: 'NI_NUMBER', maskedValue: ni.maskedValue ?? 'QQ ** ** ** *', reason: 'training data set', expires: '2026-12-31', createdBy: 'ig.team' });
    store.setIncidentStatus(ni.id, 'false-positive', 'ig.team', 'allow-listed until 2026-12-31');
    const alertsFor = () => store.listAlerts({}).filter((a) => a.incidentId === ni.id && a.kind !== 'incident.resolved').length;
    const before = alertsFor();

    assert.deepEqual(users.lapseExpiredAllowEntries(store, '2026-12-31'), [], 'in force on its expiry date');
    sweep(store, [leakPage()]);
    assert.equal(store.getIncident(ni.id)!.status, 'false-positive');
    assert.equal(alertsFor(), before, 'no alert while allow-listed');

    assert.deepEqual(users.lapseExpiredAllowEntries(store, '2027-01-01'), [ni.id]);
    assert.deepEqual(users.lapseExpiredAllowEntries(store, '2027-01-02'), [], 'an entry lapses once');
    sweep(store, [leakPage()]);
    assert.notEqual(store.getIncident(ni.id)!.status, 'false-positive');
    assert.equal(alertsFor(), before + 1, 'the next sighting after expiry alerts again');
  } finally { store.close(); cleanup(); }
});
