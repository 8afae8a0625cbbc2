import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startReplica, scenarioTruth } from '../../replica/index.js';
import { defaultConfig } from '../../config/index.js';
import { silentLogger } from '../../core/logger.js';
import { startService } from '../../service/index.js';
import { LeakwatchStore } from '../../storage/index.js';
import { tempDir } from '../helpers/tmp.js';
import { CHROMIUM, startReceiver, waitFor } from './helpers.js';

/**
 * The site goes down, answers 5xx, then resets connections for several cycles: the open incident is
 * not auto-resolved, nothing says "all clear", monitor.unreachable is raised once after N failed
 * cycles (through the real outbox and dispatcher to a webhook on loopback) and resolved on recovery.
 */
test('site down / 5xx / reset for several cycles: no auto-resolve, no false all-clear, monitor.unreachable after N, recovered after', { timeout: 300_000 }, async () => {
  const tmp = tempDir('leakwatch-sitefault-');
  const replica = await startReplica({ port: 0, scenario: 'herts-2014' });
  const hook = await startReceiver();
  const leakPage = scenarioTruth('herts-2014').caseRecords.find((c) => c.renderedBy === 'server')!.url;
  const N = 2;
  const config = defaultConfig({
    targets: [{ name: 'herts', startUrls: [replica.origin + leakPage] }],
    schedule: { full: '0 0 1 1 *', hot: '0 0 1 1 *', jitterSeconds: 0 },
    storage: { path: join(tmp.dir, 'leakwatch.db') },
    alerts: { webhook: { url: hook.url }, outboxDir: join(tmp.dir, 'outbox') },
    dashboard: { port: 0 },
    monitor: { unreachableAfterCycles: N },
    crawl: { maxPages: 5, concurrency: 1, ratePerSecond: 20, pageTimeoutMs: 8_000, chromiumPath: CHROMIUM },
  }, {});
  const service = await startService(config, { logger: silentLogger, dispatchIntervalMs: 300, schedule: false });
  const kinds = () => hook.requests.map((r) => String(r.headers['x-leakwatch-event']));
  const store = service.store as unknown as LeakwatchStore;
  const open = () => store.listIncidents({}).filter((i) => i.status === 'new' || i.status === 'acknowledged').map((i) => i.id).sort();
  const log: string[] = [];
  try {
    const first = await service.triggerSweep('herts', 'full');
    assert.equal(first.status, 'ok', first.reason);
    const openAtStart = open();
    assert.ok(openAtStart.length > 0, 'the leak is an open incident');
    await waitFor('incident alerts at the webhook', () => kinds().some((k) => k.startsWith('incident.')), 20_000);

    const faults = ['down', '5xx', 'reset', 'down'] as const;
    for (const [i, mode] of faults.entries()) {
      await replica.setFault(mode);
      const outcome = await service.triggerSweep('herts', 'full');
      log.push(`cycle ${i + 2} (${mode}): ${outcome.status} – ${outcome.reason ?? ''}`);
      assert.equal(outcome.status, 'failed', `a cycle against a ${mode} site is a failure, not ok: ${outcome.reason}`);
      assert.deepEqual(open(), openAtStart, `after the ${mode} cycle every incident is still open (no auto-resolve)`);
      if (i + 1 >= N) await waitFor('monitor.unreachable at the webhook', () => kinds().includes('monitor.unreachable'), 20_000);
      else assert.ok(!kinds().includes('monitor.unreachable'), 'not raised before N failed cycles');
    }
    assert.equal(kinds().filter((k) => k === 'monitor.unreachable').length, 1, 'raised once, not once per cycle');
    assert.ok(!kinds().includes('incident.resolved'), 'no incident resolved while the site was unreachable');
    assert.ok(!kinds().includes('monitor.recovered'), 'no recovery before the site is back');
    const health = service.health() as unknown as { targets?: Array<{ consecutiveFailures?: number }> };
    log.push(`health during outage: ${JSON.stringify(health).slice(0, 300)}`);

    await replica.setFault('none');
    const back = await service.triggerSweep('herts', 'full');
    assert.equal(back.status, 'ok', back.reason);
    await waitFor('monitor.recovered at the webhook', () => kinds().includes('monitor.recovered'), 20_000);
    assert.deepEqual(open(), openAtStart, 'the leak is still there and still open after recovery');
    assert.equal(kinds().filter((k) => k === 'monitor.recovered').length, 1);
    assert.ok(!kinds().includes('incident.resolved'));
    console.log(`site faults:\n  ${log.join('\n  ')}\n  webhook kinds: ${kinds().join(', ')}`);
  } finally {
    await service.stop('test over');
    await hook.close();
    await replica.close();
    tmp.cleanup();
  }
});
