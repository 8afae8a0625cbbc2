import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startReplica } from '../../replica/index.js';
import { LeakwatchStore } from '../../storage/index.js';
import { tempDir } from '../helpers/tmp.js';
import { killPids, ownChromium, smallCrawl, sweepRecorded, waitFor } from './helpers.js';

/**
 * Chromium is SIGKILLed mid-sweep (every chromium process descended from this test process, found
 * through /proc): the sweep completes, later pages are still rendered, and no Chromium is left behind.
 */
test('Chromium killed mid-sweep: the sweep completes and later pages are rendered', { timeout: 300_000 }, async () => {
  const tmp = tempDir('leakwatch-chromekill-');
  const replica = await startReplica({ port: 0, scenario: 'herts-2014' });
  const store = LeakwatchStore.open(join(tmp.dir, 'lw.db'));
  let killedAt = -1;
  let killed = 0;
  let resources = 0;
  try {
    const { result, events } = await sweepRecorded(store, 'herts', [replica.startUrl], smallCrawl({ maxPages: 24 }), undefined, (e) => {
      if (e.type === 'resource' && e.resource.kind === 'page') resources++;
      if (killedAt < 0 && resources >= 4) {
        const pids = ownChromium();
        if (pids.length) {
          killed = killPids(pids, 'SIGKILL');
          killedAt = resources;
        }
      }
    });
    const after = events.filter((e) => e.type === 'resource' && e.resource.kind === 'page').length - killedAt;
    const renderErrors = events.filter((e) => e.type === 'error' && /render/i.test(e.message)).map((e) => (e as { message: string }).message);
    console.log(`chromium kill: killed ${killed} processes after ${killedAt} pages; ${after} pages after the kill; complete=${result.complete}; render errors ${renderErrors.length}: ${renderErrors.slice(0, 3).join(' | ')}`);
    assert.ok(killed > 0, 'Chromium processes were found and killed');
    assert.equal(result.complete, true, 'the sweep ran to the end');
    assert.ok(after >= 10, `pages kept coming after the kill (${after})`);
    assert.ok(renderErrors.length <= 4, `only the pages in flight at the kill fell back to static markup (${renderErrors.length})`);
    const finished = store.getRun(result.report.run.id);
    assert.equal(finished?.status, 'completed');
    await waitFor('no Chromium left behind', () => ownChromium().length === 0, 20_000);
  } finally {
    store.close();
    await replica.close();
    tmp.cleanup();
  }
});
