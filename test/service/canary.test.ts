import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startService } from '../../service/index.js';
import { defaultConfig } from '../../config/index.js';
import { LeakwatchStore } from '../../storage/index.js';
import { silentLogger } from '../../core/logger.js';
import { reportOf } from './fixtures/helpers.js';
import { tempDir } from '../helpers/tmp.js';

test('a failed canary raises monitor.canary-failed in the outbox once, and a passing one clears it', async () => {
  const tmp = tempDir();
  const store = LeakwatchStore.open(join(tmp.dir, 'lw.db'));
  let canaryOk = false;
  const service = await startService(
    defaultConfig({ targets: [{ name: 'herts', startUrls: ['http://127.0.0.1:9/pu/'] }], dashboard: { port: 0 }, schedule: { jitterSeconds: 0 } }, {}),
    {
      logger: silentLogger, store, dispatcher: null, schedule: false, plugins: [],
      runSweep: async () => ({ report: reportOf(1, { pages: 3 }), complete: true }),
      canary: async () => ({ ok: canaryOk, detail: canaryOk ? 'seen' : 'the canary leak was not detected', durationMs: 1 }),
    },
  );
  try {
    await service.triggerSweep('herts', 'hot');
    await service.triggerSweep('herts', 'hot');
    const canaryAlerts = () => store.listAlerts({}).filter((a) => a.kind === 'monitor.canary-failed');
    assert.equal(canaryAlerts().length, 1, 'raised once, not once per cycle');
    assert.deepEqual(store.openMonitorAlerts('herts').map((m) => m.kind), ['canary-failed']);
    canaryOk = true;
    await service.triggerSweep('herts', 'hot');
    assert.deepEqual(store.openMonitorAlerts('herts'), [], 'cleared once the canary passes');
  } finally {
    await service.stop('test over');
    tmp.cleanup();
  }
});
