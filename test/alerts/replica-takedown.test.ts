import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { AlertDispatcher, buildChannels } from '../../alerts/index.js';
import { startReplica, scenarioTruth } from '../../replica/index.js';
import { runSweep } from '../../sweep/index.js';
import { LeakwatchStore } from '../../storage/index.js';
import { tempDir } from '../storage/helpers.js';
import { capturingLogger, startReceiver } from './helpers.js';

/**
 * The loop closed end to end on the police.uk replica with real Chromium: a leak is found and
 * paged, taken down (scenario switched to clean), auto-resolved with a PagerDuty resolve; a
 * sweep that cannot fetch the page resolves nothing.
 */
test('replica: takedown auto-resolves and PagerDuty gets the resolve; a fetch failure resolves nothing', { timeout: 15 * 60_000 }, async () => {
  const { dir, cleanup } = tempDir('lw-takedown-');
  const truth = scenarioTruth('herts-2014');
  const serverRendered = truth.caseRecords.find((c) => c.renderedBy === 'server')!;
  const casesOnPage = truth.caseRecords.filter((c) => c.url === serverRendered.url);
  const replica = await startReplica({ port: 0, scenario: 'herts-2014' });
  const pd = await startReceiver(() => 202);
  const { logger, lines } = capturingLogger();
  const store = LeakwatchStore.open(join(dir, 'leakwatch.db'), { logger });
  const channels = buildChannels({ outboxDir: join(dir, 'outbox'), pagerduty: { routingKey: 'R0UT1NGKEY0123456789abcdefABCDEF', url: pd.url } }, logger);
  const dispatcher = new AlertDispatcher(store, channels, logger);
  const startUrl = new URL(serverRendered.url, replica.origin).href;
  const sweep = () => runSweep({ target: 'herts-takedown', startUrls: [startUrl], mode: 'full', store, logger, crawl: { maxPages: 10, ratePerSecond: 20, pageTimeoutMs: 20_000 } });
  let replicaOpen = true;
  try {
    const first = await sweep();
    const critical = store.listIncidents({ target: 'herts-takedown', severity: 'critical' });
    assert.ok(critical.length >= 1 && critical.length <= casesOnPage.length, `critical incidents ${critical.length} for ${casesOnPage.length} case(s) on the page`);
    assert.ok(first.report.summary.newIncidents >= critical.length);
    await dispatcher.drainOnce();
    const triggers = pd.requests.filter((r) => r.json.event_action === 'trigger');
    assert.deepEqual(new Set(triggers.map((r) => r.json.dedup_key)), new Set(critical.map((i) => i.id)));

    replica.setScenario('clean');
    const second = await sweep();
    assert.equal(second.complete, true);
    assert.ok(second.autoResolved >= critical.length, `auto-resolved ${second.autoResolved}`);
    for (const i of critical) {
      const now = store.getIncident(i.id)!;
      assert.equal(now.status, 'resolved');
      assert.ok(now.removedAt, 'exposure window closed');
    }
    await dispatcher.drainOnce();
    const resolves = pd.requests.filter((r) => r.json.event_action === 'resolve');
    assert.deepEqual(new Set(resolves.map((r) => r.json.dedup_key)), new Set(critical.map((i) => i.id)), 'PagerDuty resolve per incident');

    replica.setScenario('herts-2014');
    await sweep();
    assert.ok(critical.every((i) => store.getIncident(i.id)!.status === 'new'), 'back on the page: reopened');
    await replica.close();
    replicaOpen = false;
    const failed = await sweep();
    assert.equal(failed.autoResolved, 0, 'the site is down: nothing is resolved');
    assert.ok(critical.every((i) => store.getIncident(i.id)!.status === 'new'));
    await dispatcher.drainOnce();
    assert.equal(pd.requests.filter((r) => r.json.event_action === 'resolve').length, resolves.length, 'no resolve after a failed fetch');

    for (const l of lines) {
      for (const c of casesOnPage) for (const p of c.people) assert.ok(!l.includes(p.name), 'no raw name in the logs');
    }
  } finally {
    await dispatcher.stop();
    store.close();
    if (replicaOpen) await replica.close();
    await pd.close();
    cleanup();
  }
});
