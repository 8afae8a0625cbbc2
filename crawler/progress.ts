import cliProgress from 'cli-progress';
import type { Logger } from '../core/logger.js';
import type { Severity } from '../core/types.js';
import type { CrawlEvent } from './types.js';

/**
 * Sweep feedback for the CLI: a progress bar on a TTY (stderr), otherwise a pino line every few
 * seconds. Feed it crawl events and finding counts; it never prints values, only counts.
 */
export interface ProgressReporter {
  onEvent(event: CrawlEvent): void;
  /** Tell the reporter how many URLs are known so far (done + queued). */
  setQueued(n: number): void;
  addFindings(severity: Severity, n: number): void;
  stop(): void;
}

export function createProgressReporter(logger: Logger, isTTY: boolean): ProgressReporter {
  const started = Date.now();
  let done = 0;
  let queued = 0;
  let errors = 0;
  let skipped = 0;
  const findings: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  const rate = () => (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
  const payload = () => ({ rate: rate(), errors, skipped, crit: findings.critical, high: findings.high, med: findings.medium, low: findings.low });
  let bar: cliProgress.SingleBar | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (isTTY) {
    bar = new cliProgress.SingleBar(
      {
        format: 'sweep [{bar}] {value}/{total} | {rate} pages/s | errors {errors} | skipped {skipped} | critical {crit} high {high} medium {med} low {low}',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(1, 0, payload());
  } else {
    timer = setInterval(() => logger.info({ done, queued, pagesPerSecond: Number(rate()), errors, skipped, findings }, 'sweep progress'), 5000);
    timer.unref();
  }
  const refresh = () => {
    if (!bar) return;
    bar.setTotal(Math.max(queued, done, 1));
    bar.update(done, payload());
  };
  return {
    onEvent(event) {
      if (event.type === 'resource') done++;
      else if (event.type === 'error') {
        done++;
        errors++;
      } else skipped++;
      refresh();
    },
    setQueued(n) {
      queued = n;
      refresh();
    },
    addFindings(severity, n) {
      findings[severity] += n;
      refresh();
    },
    stop() {
      if (timer) clearInterval(timer);
      if (bar) {
        refresh();
        bar.stop();
      } else logger.info({ done, errors, skipped, findings, durationMs: Date.now() - started }, 'sweep finished');
    },
  };
}
