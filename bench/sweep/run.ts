/**
 * npm run bench:sweep — the walking skeleton's numbers: a full sweep of the replica (herts-2014) at the
 * default concurrency through the whole pipeline (crawl → detect → SQLite), reporting pages/s and the
 * seconds from start to the first critical finding. Printed, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { startReplica } from '../../replica/index.js';
import { LeakwatchStore } from '../../storage/index.js';
import { runSweep } from '../../sweep/index.js';
import { DEFAULT_CRAWL_OPTIONS } from '../../crawler/index.js';
import { silentLogger } from '../../core/logger.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-bench-sweep-'));
const replica = await startReplica({ port: 0, scenario: 'herts-2014' });
const store = LeakwatchStore.open(join(dir, 'lw.db'));
try {
  const started = Date.now();
  let firstCriticalAt: number | undefined;
  const { report } = await runSweep({
    target: 'bench', startUrls: [replica.startUrl], mode: 'full', store, logger: silentLogger,
    onEvent: (_e, added) => { if (firstCriticalAt === undefined && added.some((f) => f.severity === 'critical')) firstCriticalAt = Date.now(); },
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(`Full sweep of the replica (herts-2014), concurrency ${DEFAULT_CRAWL_OPTIONS.concurrency}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)} at the end`);
  console.log(`  pages ${report.run.pages}, documents ${report.run.documents}, errors ${report.run.errors}, ${seconds.toFixed(1)} s → ${(report.run.pages / seconds).toFixed(2)} pages/s (incl. detection, storage and evidence screenshots)`);
  console.log(`  first critical finding after ${firstCriticalAt ? ((firstCriticalAt - started) / 1000).toFixed(1) : '—'} s; ${report.summary.critical} critical findings, ${report.summary.newIncidents} new incidents, ${report.summary.dataSubjects} data subjects`);
} finally {
  store.close();
  await replica.close();
  rmSync(dir, { recursive: true, force: true });
}
