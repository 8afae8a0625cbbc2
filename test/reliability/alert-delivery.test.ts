import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startReplica, scenarioTruth } from '../../replica/index.js';
import { LeakwatchStore } from '../../storage/index.js';
import { AlertDispatcher, buildChannels } from '../../alerts/index.js';
import { silentLogger } from '../../core/logger.js';
import { tempDir } from '../helpers/tmp.js';
import { alertIdsInMail, smallCrawl, startReceiver, startSmtpOn, sweepRecorded } from './helpers.js';

/**
 * SMTP (and a webhook) down for several dispatch attempts, then back: every alert is delivered
 * exactly once per channel. Real sweep, real SQLite outbox, real smtp-server on the same port
 * once it comes back. The dispatcher's clock is advanced instead of waiting out the backoff.
 */
test('SMTP and webhook down for several attempts, then up: every alert delivered exactly once', { timeout: 180_000 }, async () => {
  const tmp = tempDir('leakwatch-smtpdown-');
  const replica = await startReplica({ port: 0, scenario: 'herts-2014' });
  const store = LeakwatchStore.open(join(tmp.dir, 'lw.db'));
  // Reserve a port, then leave it closed: "SMTP down" is a refused connection on the configured port.
  const probe = await startSmtpOn(0);
  const port = probe.port;
  await probe.close();
  let webhookUp = false;
  const hook = await startReceiver(() => (webhookUp ? 200 : 503));
  let smtp: Awaited<ReturnType<typeof startSmtpOn>> | undefined;
  try {
    const pages = [...new Set(scenarioTruth('herts-2014').caseRecords.filter((c) => c.renderedBy === 'server').map((c) => c.url))].slice(0, 2);
    const { result } = await sweepRecorded(store, 'herts', pages.map((p) => replica.origin + p), smallCrawl({ maxPages: 4 }));
    assert.ok(result.report.summary.newIncidents > 0, 'the sweep queued incident alerts');
    const queued = store.listAlerts({ status: 'pending', limit: 1000 });
    assert.ok(queued.length > 0);

    let clock = Date.now();
    const channels = buildChannels({ email: { smtp: `smtp://127.0.0.1:${port}`, from: 'leakwatch@force.example', to: ['ig@force.example'] }, webhook: { url: hook.url } }, silentLogger);
    const dispatcher = new AlertDispatcher(store, channels, silentLogger, { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 10, now: () => new Date(clock) });
    const attempts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await dispatcher.drainOnce();
      attempts.push(`down #${i + 1}: sent=${r.sent} failed=${r.failed} dead=${r.dead}`);
      assert.equal(r.sent, 0, 'nothing is sent while both channels are down');
      assert.equal(r.dead, 0, 'nothing is dead-lettered after a few failures');
      clock += 10 * 60_000;
    }
    assert.equal(store.listAlerts({ status: 'pending', limit: 1000 }).length, queued.length, 'every alert still waits in the outbox');

    smtp = await startSmtpOn(port);
    webhookUp = true;
    for (let i = 0; i < 3; i++) {
      const r = await dispatcher.drainOnce();
      attempts.push(`up #${i + 1}: sent=${r.sent} failed=${r.failed} dead=${r.dead}`);
      clock += 10 * 60_000;
    }
    await dispatcher.stop();
    console.log(`alert delivery: ${queued.length} alerts; ${attempts.join('; ')}; e-mails ${smtp.messages.length}; webhook posts ${hook.requests.length}`);

    const all = store.listAlerts({ limit: 1000 });
    assert.deepEqual(all.filter((a) => a.status !== 'sent').map((a) => `${a.kind} ${a.status}`), [], 'every alert sent');
    const mailed = smtp.messages.flatMap(alertIdsInMail);
    const expected = all.map((a) => a.alertId).sort();
    assert.deepEqual([...mailed].sort(), expected, 'each alert is in exactly one e-mail (none lost, none twice)');
    const keys = hook.requests.map((r) => String(r.headers['idempotency-key']));
    assert.equal(new Set(keys).size, keys.length, 'no duplicate webhook delivery');
    assert.equal(keys.length, all.length, 'one webhook delivery per alert');
  } finally {
    await smtp?.close();
    await hook.close();
    store.close();
    await replica.close();
    tmp.cleanup();
  }
});
