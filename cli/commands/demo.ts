import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from '../../core/logger.js';
import { startReplica } from '../../replica/index.js';
import { defaultConfig } from '../../config/index.js';
import { ensureChromium } from '../chromium-setup.js';
import { formatSweepSummary } from '../output.js';
import { sweepOnce } from './sweep.js';
import { signalExitCode } from '../signals.js';

/**
 * The 2014 leak, replayed: start the replica with the herts-2014 scenario, sweep it on a
 * fresh database, print what was found and where the alert went.
 */
export async function demoCommand(flags: { db: string; reveal?: boolean; concurrency?: number }, logger: Logger): Promise<number> {
  const chromium = ensureChromium(logger);
  const dbPath = resolve(flags.db);
  for (const suffix of ['', '-wal', '-shm']) await rm(dbPath + suffix, { force: true });
  const replica = await startReplica({ port: 0, scenario: 'herts-2014' });
  process.stdout.write(`Replica of Hertfordshire's police.uk pages (scenario herts-2014) at ${replica.startUrl}\nSweeping with ${chromium} …\n\n`);
  try {
    const config = defaultConfig({ targets: [{ name: 'hertfordshire-replica', startUrls: [replica.startUrl] }], storage: { path: dbPath } });
    const { result, alertNotes, interruptedBy } = await sweepOnce([], { mode: 'full', alerts: true, reveal: flags.reveal, chromium, concurrency: flags.concurrency }, logger, config);
    process.stdout.write(formatSweepSummary(result.report, { skipped: result.skipped as Record<string, number>, interruptedBy }) + '\n');
    process.stdout.write(`\nAlerts:\n${alertNotes.length ? alertNotes.map((n) => `  ${n}`).join('\n') : '  none'}\n`);
    process.stdout.write(`\nFindings are stored (values encrypted) in ${dbPath}. Values above are masked; add --reveal to see them.\n`);
    return interruptedBy ? signalExitCode(interruptedBy) : 0;
  } finally {
    await replica.close();
  }
}
