import { resolve, dirname, join } from 'node:path';
import type { Logger } from '../../core/logger.js';
import { ConfigError } from '../../core/errors.js';
import { allowEntriesFromConfig, defaultConfig, loadConfig, type LeakwatchConfig } from '../../config/index.js';
import { crawlOptionsFor } from '../../service/wiring.js';
import { LeakwatchStore } from '../../storage/index.js';
import { buildChannels, AlertDispatcher } from '../../alerts/index.js';
import { AllowList } from '../../detectors/index.js';
import { createProgressReporter } from '../../crawler/index.js';
import { runSweep, hasNewPageable, type SweepResult } from '../../sweep/index.js';
import { formatSweepSummary } from '../output.js';
import { httpUrl } from '../options.js';
import { signalExitCode, stopOnSignals } from '../signals.js';

export interface SweepFlags {
  config?: string;
  target?: string;
  mode: 'full' | 'hot';
  json?: boolean;
  reveal?: boolean;
  db?: string;
  alerts: boolean; // commander's --no-alerts
  maxPages?: number;
  concurrency?: number;
  rate?: number;
  chromium?: string;
}

/** exitCode: 1 for a new high or critical finding; else 128 + signal number when a signal stopped the sweep; else 0. */
export interface SweepOutcome { result: SweepResult; exitCode: number; alertNotes: string[]; interruptedBy?: NodeJS.Signals }

export function resolveTarget(urls: string[], flags: Pick<SweepFlags, 'target'>, config: LeakwatchConfig) {
  if (urls.length) {
    const startUrls = urls.map(httpUrl);
    return { name: flags.target ?? new URL(startUrls[0]).host, startUrls };
  }
  const targets = flags.target ? config.targets.filter((t) => t.name === flags.target) : config.targets;
  if (!targets.length) throw new ConfigError(flags.target ? `no target named "${flags.target}" in the config` : 'no start URL given and no target configured', 'pass a start URL, or --config with a targets list');
  if (targets.length > 1) throw new ConfigError(`the config has ${targets.length} targets`, `pick one with --target (${targets.map((t) => t.name).join(', ')})`);
  return targets[0];
}

/** Sweep once, store, then hand new alerts to the channels. Used by `sweep` and `demo`. */
export async function sweepOnce(urls: string[], flags: SweepFlags, logger: Logger, config?: LeakwatchConfig): Promise<SweepOutcome> {
  const cfg = config ?? (flags.config ? loadConfig(flags.config) : defaultConfig());
  const target = resolveTarget(urls, flags, cfg);
  const dbPath = resolve(flags.db ?? cfg.storage.path);
  const store = LeakwatchStore.open(dbPath, { logger });
  const progress = !flags.json && process.stderr.isTTY ? createProgressReporter(logger, true) : undefined;
  const signals = stopOnSignals(logger);
  try {
    const allowList = new AllowList(allowEntriesFromConfig(cfg));
    const result = await runSweep({
      target: target.name,
      startUrls: target.startUrls,
      mode: flags.mode,
      store,
      logger,
      allowList,
      reveal: flags.reveal,
      dashboardUrl: cfg.dashboard.publicUrl,
      signal: signals.signal,
      detection: cfg.detection,
      crawl: {
        ...crawlOptionsFor(cfg),
        ...(flags.maxPages ? { maxPages: flags.maxPages } : {}),
        ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
        ...(flags.rate ? { ratePerSecond: flags.rate } : {}),
        ...(flags.chromium ? { chromiumPath: flags.chromium } : {}),
      },
      onEvent: progress
        ? (event, added) => {
            progress.onEvent(event);
            for (const f of added) progress.addFindings(f.severity, 1);
          }
        : undefined,
    });
    progress?.stop();
    const alertNotes: string[] = [];
    if (flags.alerts) {
      // One rule with `serve`: the config's alerts.outboxDir; with no config file, next to the database.
      const outboxDir = flags.config || process.env.LEAKWATCH_OUTBOX_DIR ? resolve(cfg.alerts.outboxDir) : join(dirname(dbPath), 'outbox');
      const channels = buildChannels({ ...cfg.alerts, outboxDir }, logger);
      const dispatcher = new AlertDispatcher(store, channels, logger);
      const drained = await dispatcher.drainOnce();
      // Channels batch alerts (one e-mail for many incidents): say each delivery once, with its count.
      const perDelivery = new Map<string, number>();
      for (const d of drained.deliveries) perDelivery.set(`${d.channel}: ${d.note}`, (perDelivery.get(`${d.channel}: ${d.note}`) ?? 0) + 1);
      for (const [note, alerts] of perDelivery) alertNotes.push(`${note} (${alerts} alert${alerts === 1 ? '' : 's'})`);
      if (drained.failed || drained.dead) alertNotes.push(`${drained.failed} alert deliveries failed and will be retried; ${drained.dead} dead-lettered`);
      await dispatcher.stop();
    }
    // What an interrupted sweep found is alerted on like any other: the leak is real whether or not the walk finished.
    const interruptedBy = result.complete ? undefined : signals.received();
    return { result, exitCode: hasNewPageable(result.report) ? 1 : interruptedBy ? signalExitCode(interruptedBy) : 0, alertNotes, interruptedBy };
  } finally {
    signals.dispose();
    progress?.stop();
    store.close();
  }
}

export async function sweepCommand(urls: string[], flags: SweepFlags, logger: Logger): Promise<number> {
  const { result, exitCode, alertNotes, interruptedBy } = await sweepOnce(urls, flags, logger);
  if (flags.json) {
    const report = interruptedBy ? { ...result.report, run: { ...result.report.run, interruptedBy } } : result.report;
    process.stdout.write(JSON.stringify(report) + '\n');
  } else {
    process.stdout.write(formatSweepSummary(result.report, { skipped: result.skipped as Record<string, number>, interruptedBy }) + '\n');
    if (alertNotes.length) process.stdout.write(`\nAlerts:\n${alertNotes.map((n) => `  ${n}`).join('\n')}\n`);
    else if (!flags.alerts) process.stdout.write('\nAlerts: not sent (--no-alerts); they wait in the outbox\n');
  }
  return exitCode;
}
