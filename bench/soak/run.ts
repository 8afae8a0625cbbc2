/**
 * Soak: N short sweep cycles of a small target on the replica, with the replica's scenario changing
 * between cycles. Per cycle: RSS of this process, Chromium processes left running (must return to the
 * baseline: no leaked browsers), database size (file + WAL). Prints the RSS slope per 100 cycles.
 *
 *   npx tsx bench/soak/run.ts [cycles=200] [--json]
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReplica, scenarioTruth } from '../../replica/index.js';
import { LeakwatchStore } from '../../storage/index.js';
import { runSweep } from '../../sweep/index.js';
import { silentLogger } from '../../core/logger.js';
import { ownChromium, rssMb, slope, waitFor } from '../../test/reliability/helpers.js';

export interface SoakCycle { cycle: number; scenario: string; rssMb: number; heapMb: number; chromium: number; dbKb: number; findings: number; ms: number }
export interface SoakResult {
  cycles: SoakCycle[];
  baselineChromium: number;
  rssSlopePer100: number;
  /** Over every cycle, warm-up included. */
  rssSlopeAllPer100: number;
  heapSlopePer100: number;
  dbSlopeKbPer100: number;
  maxChromiumAfterCycle: number;
}

/** Scenarios the replica cycles through: leak appears, grows, goes away, comes back. */
export const SOAK_SCENARIOS = ['herts-2014', 'herts-2014+hidden-markup', 'clean', 'herts-2014+flaky', 'clean+hidden-markup'];

export async function runSoak(opts: { cycles: number; chromiumPath?: string; onCycle?: (c: SoakCycle) => void }): Promise<SoakResult> {
  const dir = mkdtempSync(join(tmpdir(), 'leakwatch-soak-'));
  const replica = await startReplica({ port: 0, scenario: SOAK_SCENARIOS[0] });
  const db = join(dir, 'soak.db');
  const store = LeakwatchStore.open(db);
  // One leaked, server-rendered priorities page and one client-rendered one: scope = those pages.
  const truth = scenarioTruth('herts-2014');
  const pages = [truth.caseRecords.find((c) => c.renderedBy === 'server')!.url, truth.caseRecords.find((c) => c.renderedBy === 'client')!.url];
  const dbKb = () => Math.round(['', '-wal'].map((s) => (existsSync(db + s) ? statSync(db + s).size : 0)).reduce((a, b) => a + b, 0) / 1024);
  const baselineChromium = ownChromium().length;
  const cycles: SoakCycle[] = [];
  try {
    for (let i = 0; i < opts.cycles; i++) {
      const scenario = SOAK_SCENARIOS[i % SOAK_SCENARIOS.length];
      replica.setScenario(scenario);
      await fetch(`${replica.origin}/__admin/scenario`).then((r) => r.arrayBuffer());
      const t0 = Date.now();
      const result = await runSweep({
        target: 'soak', startUrls: pages.map((p) => replica.origin + p), mode: 'full', store, logger: silentLogger,
        crawl: { chromiumPath: opts.chromiumPath ?? '/usr/bin/chromium', concurrency: 1, ratePerSecond: 50, maxPages: 4, pageTimeoutMs: 15_000, sweepTimeoutMs: 120_000, useSitemaps: false } as never,
      });
      // The crawler closes its browser at the end of each sweep; give the OS a moment to reap it.
      const chromium = await waitFor('Chromium to exit after the cycle', () => (ownChromium().length <= baselineChromium ? ownChromium().length : false), 5_000).catch(() => ownChromium().length);
      if (i % 10 === 9) store.maintenance();
      const c: SoakCycle = {
        cycle: i + 1, scenario, rssMb: rssMb(), heapMb: Math.round(process.memoryUsage().heapUsed / 1048576), chromium, dbKb: dbKb(),
        findings: result.report.findings.length, ms: Date.now() - t0,
      };
      cycles.push(c);
      opts.onCycle?.(c);
    }
  } finally {
    store.close();
    await replica.close();
    rmSync(dir, { recursive: true, force: true });
  }
  // Early cycles include warm-up (JIT, module caches); the slope is taken over the second half when long enough.
  const tail = cycles.length >= 20 ? cycles.slice(Math.floor(cycles.length / 2)) : cycles;
  const per100 = (k: 'rssMb' | 'heapMb' | 'dbKb', over = tail) => Math.round(slope(over.map((c) => c.cycle), over.map((c) => c[k])) * 100 * 10) / 10;
  return {
    cycles,
    baselineChromium,
    rssSlopePer100: per100('rssMb'),
    rssSlopeAllPer100: per100('rssMb', cycles),
    heapSlopePer100: per100('heapMb'),
    dbSlopeKbPer100: per100('dbKb'),
    maxChromiumAfterCycle: Math.max(0, ...cycles.map((c) => c.chromium)),
  };
}

export function formatSoak(r: SoakResult): string {
  const rows = r.cycles.map((c) => `${String(c.cycle).padStart(4)}  ${c.scenario.padEnd(26)} rss ${c.rssMb.toFixed(1).padStart(6)} MB  heap ${String(c.heapMb).padStart(4)} MB  chromium ${c.chromium}  db ${String(c.dbKb).padStart(6)} KB  findings ${String(c.findings).padStart(3)}  ${c.ms} ms`);
  return `${rows.join('\n')}\nRSS slope ${r.rssSlopePer100} MB/100 cycles (second half; ${r.rssSlopeAllPer100} over all cycles), heap slope ${r.heapSlopePer100} MB/100 cycles, DB slope ${r.dbSlopeKbPer100} KB/100 cycles; Chromium after cycles max ${r.maxChromiumAfterCycle} (baseline ${r.baselineChromium})`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cycles = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 200);
  const json = process.argv.includes('--json');
  const result = await runSoak({ cycles, onCycle: json ? undefined : (c) => console.log(`cycle ${c.cycle}/${cycles} ${c.scenario} rss ${c.rssMb} MB chromium ${c.chromium} db ${c.dbKb} KB ${c.ms} ms`) });
  console.log(json ? JSON.stringify(result) : formatSoak(result));
}
