/**
 * Detection latency (issue 6): how long after a leak is published does the alert e-mail arrive?
 *
 * 1. Start the replica on `clean`, a real SMTP server (smtp-server) on loopback, and the service
 *    (`leakwatch serve` in-process: real crawler, detectors, SQLite store, dispatcher) with a hot
 *    schedule every minute.
 * 2. Wait for one completed cycle, so the site is baselined and the clock starts from a steady state.
 * 3. Publish herts-2014 on the running replica (POST /__admin/scenario).
 * 4. Measure seconds until the first alert e-mail reaches the SMTP server.
 *
 * `npm run bench:latency` · LATENCY_HOT_CRON overrides the schedule (default "* * * * *"), LATENCY_RUNS repeats.
 * Results: stdout and bench/results/latency.json.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReplica } from '../../replica/index.js';
import { defaultConfig } from '../../config/index.js';
import { createLogger } from '../../core/logger.js';
import { startService } from '../../service/index.js';
import { startTestSmtp } from '../../test/helpers/smtp.js';

const HOT_CRON = process.env.LATENCY_HOT_CRON ?? '* * * * *';
const TARGET_SECONDS = 120;
const TIMEOUT_MS = 15 * 60_000;


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function measureOnce(run: number) {
  const dir = mkdtempSync(join(tmpdir(), 'leakwatch-latency-'));
  const replica = await startReplica({ port: 0, scenario: 'clean' });
  const smtp = await startTestSmtp();
  const logger = createLogger({ level: process.env.LEAKWATCH_LOG_LEVEL ?? 'warn' });
  const config = defaultConfig({
    targets: [{ name: 'herts', startUrls: [replica.startUrl] }],
    schedule: { hot: HOT_CRON, full: '0 2 * * *', jitterSeconds: 0 },
    storage: { path: join(dir, 'leakwatch.db') },
    alerts: { email: { smtp: smtp.url, from: 'Leakwatch <leakwatch@example.police.uk>', to: ['duty-officer@example.police.uk'] }, outboxDir: join(dir, 'outbox') },
    dashboard: { port: 0 },
  }, {});
  const service = await startService(config, { logger });
  try {
    const t0 = Date.now();
    const baseline = await waitFor('the first completed cycle', () => service.health().targets[0].lastCompletedCycle ?? undefined);
    const firstCycleS = (Date.now() - t0) / 1000;
    if (smtp.messages.length) throw new Error(`the clean site produced ${smtp.messages.length} alert e-mail(s): the baseline is not clean`);
    const res = await fetch(`${replica.origin}/__admin/scenario`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'herts-2014' }) });
    if (!res.ok) throw new Error(`the replica refused the scenario switch: HTTP ${res.status}`);
    const published = Date.now();
    const nextTick = service.health().targets[0].nextRuns.hot;
    const mail = await waitFor('the first alert e-mail', () => smtp.messages[0]);
    const latencyS = (mail.receivedAt - published) / 1000;
    return {
      run,
      latencySeconds: Math.round(latencyS * 10) / 10,
      waitForNextTickSeconds: nextTick ? Math.max(0, Math.round((Date.parse(nextTick) - published) / 100) / 10) : null,
      firstCycleSeconds: Math.round(firstCycleS * 10) / 10,
      baselinePages: baseline.pages,
      firstAlertSubject: mail.parsed.subject ?? '',
      hotCron: HOT_CRON,
    };
  } finally {
    await service.stop('bench over');
    await smtp.close();
    await replica.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const runs = Number(process.env.LATENCY_RUNS ?? 1);
const results = [];
for (let i = 1; i <= runs; i++) {
  const r = await measureOnce(i);
  results.push(r);
  process.stderr.write(`run ${i}: ${JSON.stringify(r)}\n`);
}
const latencies = results.map((r) => r.latencySeconds).sort((a, b) => a - b);
const median = latencies[Math.floor((latencies.length - 1) / 2)];
const summary = {
  benchmark: 'detection latency: leak published on the replica → alert e-mail received',
  hotSchedule: HOT_CRON,
  runs: results,
  medianSeconds: median,
  worstSeconds: latencies.at(-1),
  targetSeconds: TARGET_SECONDS,
  meetsTarget: (latencies.at(-1) ?? Infinity) <= TARGET_SECONDS,
  comparison: 'Hertfordshire 2014: 5 days (the leak was live about 5 days before it was noticed)',
  node: process.version,
};
mkdirSync(join(import.meta.dirname, '..', 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, '..', 'results', 'latency.json'), JSON.stringify(summary, null, 2));
process.stdout.write([
  'Detection latency (publish → alert e-mail)',
  `  Leakwatch, hot sweep "${HOT_CRON}": ${median} s (median of ${runs}; worst ${summary.worstSeconds} s; target ≤ ${TARGET_SECONDS} s: ${summary.meetsTarget ? 'met' : 'MISSED'})`,
  `  Hertfordshire 2014:             5 days (432000 s)`,
  '',
].join('\n'));
