import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSoak, formatSoak } from '../../bench/soak/run.js';
import { CHROMIUM } from './helpers.js';

/**
 * Bounded soak: 30 short cycles (the full 200-cycle run is `npx tsx bench/soak/run.ts 200`), the
 * replica changing between cycles. No Chromium may be left running after any cycle; RSS, heap and
 * database size are printed with their slopes per 100 cycles.
 */
const CYCLES = Number(process.env.LEAKWATCH_SOAK_CYCLES ?? 30);

test(`soak: ${CYCLES} cycles, no leaked Chromium, bounded memory and database`, { timeout: 900_000 }, async () => {
  const result = await runSoak({ cycles: CYCLES, chromiumPath: CHROMIUM });
  console.log(formatSoak(result));
  assert.equal(result.cycles.length, CYCLES);
  assert.ok(result.cycles.every((c) => c.chromium <= result.baselineChromium), `Chromium left running after a cycle: ${result.cycles.filter((c) => c.chromium > result.baselineChromium).map((c) => `cycle ${c.cycle}: ${c.chromium}`).join(', ')}`);
  assert.ok(result.cycles.some((c) => c.findings > 0), 'the leak scenarios were detected during the soak');
  // Loose bounds that a real leak (a browser or page per cycle, evidence never deduplicated) would break.
  assert.ok(result.heapSlopePer100 < 50, `heap grows ${result.heapSlopePer100} MB per 100 cycles`);
  const first = result.cycles[0].dbKb;
  const last = result.cycles.at(-1)!.dbKb;
  assert.ok(last < Math.max(first * 4, first + 4096), `database grew from ${first} KB to ${last} KB`);
});
