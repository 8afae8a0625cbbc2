import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startService, type ServiceSweepOptions, type ServiceStore } from '../../service/index.js';
import { defaultConfig } from '../../config/index.js';
import { silentLogger } from '../../core/logger.js';
import { reportOf, sleep, waitFor } from './fixtures/helpers.js';

const target = { name: 'herts', startUrls: ['http://127.0.0.1:9/pu/your-area/hertfordshire-constabulary/'] };

function fakeStore(): ServiceStore & { closed: boolean } {
  return { closed: false, close() { this.closed = true; }, outboxStats: () => ({ pending: 0, dead: 0 }) };
}

test('schedules fire (full and hot, seconds cron) and never overlap on one target; on-demand waits its turn', async () => {
  // Both schedules fire every second or two while each sweep takes 1.5 s: without the guards they would pile up.
  const config = defaultConfig({
    targets: [target],
    schedule: { full: '*/2 * * * * *', hot: '* * * * * *', jitterSeconds: 0 },
    dashboard: { port: 0 },
  }, {});
  const calls: { mode: string; start: number; end: number }[] = [];
  let active = 0;
  let maxActive = 0;
  const runSweep = async (o: ServiceSweepOptions) => {
    active += 1;
    maxActive = Math.max(maxActive, active);
    const start = performance.now();
    await sleep(1500);
    active -= 1;
    calls.push({ mode: o.mode, start, end: performance.now() });
    return { report: reportOf(calls.length, { pages: 3 }), complete: true };
  };
  const store = fakeStore();
  const service = await startService(config, { logger: silentLogger, runSweep, store, dispatcher: null });
  try {
    await waitFor('two scheduled sweeps', () => calls.length >= 2);
    const onDemand = await service.triggerSweep('herts');
    assert.equal(onDemand.status, 'ok');
    assert.equal(onDemand.mode, 'ondemand');
  } finally {
    await service.stop('test over');
  }
  assert.equal(maxActive, 1, 'two sweeps of one target ran at once');
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].start >= sorted[i - 1].end, 'sweeps overlapped');
  assert.ok(calls.some((c) => c.mode === 'ondemand'));
  assert.ok(calls.some((c) => c.mode === 'hot' || c.mode === 'full'));
  const metrics = await service.metrics.metrics();
  const skipped = [...metrics.matchAll(/^leakwatch_cycles_total\{[^}]*outcome="skipped"[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
  assert.ok(skipped >= 1, 'ticks that found a sweep running were counted as skipped');
  assert.equal(store.closed, true, 'stop() closes the store');
});

test('triggerSweep rejects an unknown target', async () => {
  const config = defaultConfig({ targets: [target], dashboard: { port: 0 } }, {});
  const service = await startService(config, { logger: silentLogger, store: fakeStore(), dispatcher: null, schedule: false,
    runSweep: async () => ({ report: reportOf(1), complete: true }) });
  try {
    await assert.rejects(service.triggerSweep('nope'), /no target named "nope"/);
  } finally {
    await service.stop();
  }
});

test('stop() aborts the running sweep through its AbortSignal and waits for it', async () => {
  const config = defaultConfig({ targets: [target], dashboard: { port: 0 } }, {});
  let sawAbort = false;
  let pagesAfterAbort = 0;
  const runSweep = async (o: ServiceSweepOptions) => {
    let pages = 0;
    while (!o.signal?.aborted) { await sleep(20); pages += 1; }
    sawAbort = true;
    await sleep(100); // the in-flight page finishes
    pagesAfterAbort += 1;
    return { report: reportOf(1, { pages: pages + 1 }), complete: false };
  };
  const store = fakeStore();
  const service = await startService(config, { logger: silentLogger, runSweep, store, dispatcher: null, schedule: false });
  const running = service.triggerSweep('herts', 'full');
  await sleep(100);
  await service.stop('test');
  const outcome = await running;
  assert.equal(sawAbort, true);
  assert.equal(pagesAfterAbort, 1, 'stop() waited for the in-flight page');
  assert.equal(outcome.status, 'interrupted');
  assert.equal(store.closed, true);
  const after = await service.triggerSweep('herts');
  assert.equal(after.status, 'skipped', 'no sweep starts after stop()');
});
