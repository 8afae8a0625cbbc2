import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { startService, type MonitorEvent, type ServiceSweepOptions } from '../../service/index.js';
import { defaultConfig } from '../../config/index.js';
import { silentLogger } from '../../core/logger.js';
import { parsePrometheus, reportOf, waitFor } from './fixtures/helpers.js';

const target = { name: 'herts', startUrls: ['http://127.0.0.1:9/pu/your-area/hertfordshire-constabulary/'] };

/** A healthchecks.io stand-in on loopback that records the paths pinged. */
async function heartbeatReceiver(): Promise<{ server: Server; url: string; pings: string[] }> {
  const pings: string[] = [];
  const server = createServer((req, res) => { pings.push(req.url ?? ''); res.end('OK'); });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  return { server, url: `http://127.0.0.1:${port}/ping/5e1f-check`, pings };
}

test('healthz: 200 after a completed cycle, 503 when failing sweeps pass unreachableAfterCycles; monitor.unreachable once, recovered after', async () => {
  const hb = await heartbeatReceiver();
  const config = defaultConfig({
    targets: [target],
    schedule: { hot: '* * * * * *', full: '0 0 1 1 *', jitterSeconds: 0 },
    dashboard: { port: 0 },
    monitor: { unreachableAfterCycles: 2, staleAfterMinutes: 30 },
    alerts: { heartbeat: { url: hb.url } },
  }, {});
  let failing = false;
  let runId = 0;
  const runSweep = async (_o: ServiceSweepOptions) => {
    runId += 1;
    if (failing) {
      // As the real sweep reports a site that is down: nothing fetched, every fetch an error.
      return { report: reportOf(runId, { pages: 0, errors: 4 }), complete: true };
    }
    return { report: reportOf(runId, { pages: 12 }), complete: true };
  };
  const raised: MonitorEvent[] = [];
  const recovered: MonitorEvent[] = [];
  const service = await startService(config, {
    logger: silentLogger, runSweep, dispatcher: null,
    store: { close() {}, outboxStats: () => ({ pending: 0, dead: 0 }) },
    monitorAlerts: { unreachable: (e) => { raised.push(e); }, recovered: (e) => { recovered.push(e); } },
  });
  try {
    const ok = await waitFor('a completed cycle', async () => {
      const res = await fetch(`${service.url}/healthz`);
      const body = await res.json();
      return body.targets[0].lastCompletedCycle ? { res, body } : undefined;
    });
    assert.equal(ok.res.status, 200);
    assert.equal(ok.body.status, 'ok');
    assert.equal(ok.body.targets[0].status, 'ok');
    assert.equal(ok.body.targets[0].consecutiveFailures, 0);
    assert.ok(Date.parse(ok.body.targets[0].lastCompletedCycle.finishedAt) > 0);
    await waitFor('a heartbeat ping', () => hb.pings.includes('/ping/5e1f-check'));

    failing = true;
    const bad = await waitFor('healthz to turn unhealthy', async () => {
      const res = await fetch(`${service.url}/healthz`);
      return res.status !== 200 ? { res, body: await res.json() } : undefined;
    });
    assert.equal(bad.res.status, 503);
    assert.equal(bad.body.status, 'unhealthy');
    assert.equal(bad.body.targets[0].status, 'failing');
    assert.ok(bad.body.targets[0].consecutiveFailures >= 2);
    assert.match(bad.body.targets[0].lastAttempt.reason, /every fetch failed/);
    assert.ok(bad.body.targets[0].lastCompletedCycle, 'the last good cycle is still reported');
    await waitFor('a /fail heartbeat', () => hb.pings.includes('/ping/5e1f-check/fail'));
    await waitFor('a third failure', () => service.health().targets[0].consecutiveFailures >= 3);
    assert.equal(raised.length, 1, 'monitor.unreachable is raised once, not every cycle');
    assert.equal(raised[0].target, 'herts');

    failing = false;
    await waitFor('recovery', async () => (await fetch(`${service.url}/healthz`)).status === 200);
    await waitFor('monitor.recovered', () => recovered.length === 1);
  } finally {
    await service.stop();
    hb.server.close();
  }
});

test('healthz goes stale (503) when no cycle completes within staleAfterMinutes', async () => {
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  const config = defaultConfig({ targets: [target], dashboard: { port: 0 }, monitor: { staleAfterMinutes: 30 } }, {});
  let fail = false;
  const service = await startService(config, {
    logger: silentLogger, dispatcher: null, schedule: false, now,
    store: { close() {} },
    runSweep: async () => { if (fail) throw new Error('browser crashed'); return { report: reportOf(1, { pages: 5 }), complete: true }; },
  });
  try {
    let res = await fetch(`${service.url}/healthz`);
    assert.equal(res.status, 200, 'within the grace period before the first cycle');
    assert.equal((await res.json()).targets[0].status, 'pending');
    offsetMs = 31 * 60_000;
    res = await fetch(`${service.url}/healthz`);
    assert.equal(res.status, 503, 'no cycle at all for 31 minutes');
    assert.equal((await res.json()).targets[0].status, 'stale');
    assert.equal((await service.triggerSweep('herts')).status, 'ok');
    assert.equal((await fetch(`${service.url}/healthz`)).status, 200);
    fail = true;
    const failed = await service.triggerSweep('herts');
    assert.equal(failed.status, 'failed');
    assert.equal(failed.reason, 'browser crashed');
    assert.equal((await fetch(`${service.url}/healthz`)).status, 200, 'one failure is not yet unhealthy');
    offsetMs += 31 * 60_000;
    res = await fetch(`${service.url}/healthz`);
    assert.equal(res.status, 503);
    const body = await res.json();
    assert.equal(body.targets[0].status, 'stale');
    assert.equal(body.targets[0].consecutiveFailures, 1);
  } finally {
    await service.stop();
  }
});

test('/metrics: Prometheus text with pages, errors, findings by severity, cycle duration, outbox depth, dead letters, last success', async () => {
  const config = defaultConfig({ targets: [target], dashboard: { port: 0 } }, {});
  const outbox = { pending: 3, dead: 1 };
  const service = await startService(config, {
    logger: silentLogger, dispatcher: null, schedule: false,
    store: { close() {}, outboxStats: () => outbox },
    runSweep: async () => ({ report: reportOf(7, { pages: 40, errors: 2, critical: 61, high: 4, medium: 9, low: 30, newIncidents: 61 }), complete: true }),
  });
  try {
    const before = parsePrometheus(await (await fetch(`${service.url}/metrics`)).text());
    assert.equal(before.get('leakwatch_last_success_timestamp_seconds{target="herts"}'), 0);
    assert.equal(before.get('leakwatch_findings_total{severity="critical",target="herts"}'), 0);
    await service.triggerSweep('herts');
    await service.triggerSweep('herts');
    outbox.pending = 5;
    const res = await fetch(`${service.url}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/plain/);
    const m = parsePrometheus(await res.text());
    assert.equal(m.get('leakwatch_pages_fetched_total{target="herts"}'), 80);
    assert.equal(m.get('leakwatch_fetch_errors_total{target="herts"}'), 4);
    assert.equal(m.get('leakwatch_findings_total{severity="critical",target="herts"}'), 122);
    assert.equal(m.get('leakwatch_findings_total{severity="high",target="herts"}'), 8);
    assert.equal(m.get('leakwatch_findings_total{severity="low",target="herts"}'), 60);
    assert.equal(m.get('leakwatch_cycle_duration_seconds_count{mode="ondemand",outcome="ok",target="herts"}'), 2);
    assert.equal(m.get('leakwatch_cycles_total{mode="ondemand",outcome="ok",target="herts"}'), 2);
    assert.equal(m.get('leakwatch_outbox_depth'), 5, 'read from the store at scrape time');
    assert.equal(m.get('leakwatch_outbox_dead_letters'), 1);
    const last = m.get('leakwatch_last_success_timestamp_seconds{target="herts"}') ?? 0;
    assert.ok(Math.abs(last - Date.now() / 1000) < 600, `last success ${last} is now`);
    assert.ok([...m.keys()].some((k) => k.startsWith('leakwatch_process_')), 'process metrics are included');
  } finally {
    await service.stop();
  }
});
