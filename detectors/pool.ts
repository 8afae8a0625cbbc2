/**
 * Detection off the main thread, with a deadline per page.
 *
 * A sweep used to detect in its own event loop: a page on which a detector ran away (session 11 found
 * one that looped forever) stopped the sweep, the scheduler and the dashboard with it, and no timer
 * could fire to stop it. Here each page is detected in a worker thread (piscina); a page that runs past
 * its deadline has its worker terminated and is reported as a DetectionError, and the next page gets
 * a fresh worker. The sweep's allow-list stays on the main thread: each task carries it, and what
 * a page teaches comes back and is added.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import PQueue from 'p-queue';
import type { DetectionResult, TextBlock } from '../core/types.js';
import { DetectionError } from '../core/errors.js';
import type { AllowList } from './allowlist.js';
import type { PageDetectionOutcome, PageDetectionTask } from './worker.js';
import { DEFAULT_DETECTION_POOL, detectionDeadline, type DetectionPoolOptions } from './pool-options.js';

export { DEFAULT_DETECTION_POOL, detectionDeadline, type DetectionPoolOptions };

/** Run in a fresh worker before it takes a page, so that loading and compiling the detectors is not charged to a page's deadline. */
const WARM_UP_TASK: PageDetectionTask = {
  blocks: [{ text: 'Warm-up: PC Ann Example of Example Station, 1 High Street, AB1 2CD, 01632 960000.', kind: 'paragraph', section: 'other', location: 'warm-up' }],
  url: 'leakwatch:warm-up',
  allowEntries: [],
  recordIdPrefix: 'warm-up',
  learn: true,
};

/** The worker module beside this one, as source (.ts under tsx) or compiled (.js). */
function workerFile(): { filename: string; execArgv: string[] } {
  const ext = extname(fileURLToPath(import.meta.url));
  const filename = new URL(`./worker${ext}`, import.meta.url).href;
  // TypeScript source needs tsx in the worker too; the CLI registers it in-process (bin/leakwatch.js),
  // which workers do not inherit, whereas `node --import tsx` and the tsx CLI pass it on in execArgv
  const hasTsx = process.execArgv.some((a) => /tsx/.test(a));
  const execArgv = ext === '.ts' && !hasTsx ? [...process.execArgv, '--import', import.meta.resolve('tsx')] : process.execArgv;
  return { filename, execArgv };
}

export class DetectionPool {
  readonly options: Required<DetectionPoolOptions>;
  private readonly piscina: Piscina;
  /** Hands a page to piscina only when a worker is free, so the deadline runs from the start of its detection, not its wait. */
  private readonly queue: PQueue;
  private ready: Promise<void>;
  private closed = false;

  constructor(options: DetectionPoolOptions = {}) {
    this.options = { ...DEFAULT_DETECTION_POOL, ...options };
    const { filename, execArgv } = workerFile();
    const threads = this.options.threads;
    this.piscina = new Piscina({ filename, execArgv, minThreads: threads, maxThreads: threads, idleTimeout: Infinity });
    this.queue = new PQueue({ concurrency: threads });
    this.ready = this.warmUp();
  }

  private warmUp(): Promise<void> {
    const runs = Array.from({ length: this.options.threads }, () => this.piscina.run(WARM_UP_TASK));
    // a warm-up failure shows again, with its reason, on the first page
    return Promise.all(runs).then(() => undefined, () => undefined);
  }

  /**
   * Learns from and detects over one page's blocks in a worker; adds what the page taught to
   * `allowList`. Throws DetectionError when the page runs past its deadline or its worker dies.
   */
  async detectPage(blocks: TextBlock[], opts: { url: string; allowList: AllowList; recordIdPrefix: string; learn?: boolean }): Promise<PageDetectionOutcome['results']> {
    const chars = blocks.reduce((n, b) => n + b.text.length, 0);
    const outcome = await this.runWithDeadline<PageDetectionOutcome>(opts.url, chars, 'detectPage', () => ({
      blocks, url: opts.url, allowEntries: opts.allowList.entries(), recordIdPrefix: opts.recordIdPrefix, learn: opts.learn ?? true,
    } satisfies PageDetectionTask));
    for (const entry of outcome.learned) if (!opts.allowList.match(entry.entity, entry.value)) opts.allowList.add(entry);
    return outcome.results;
  }

  /** detect() on one whole text in a worker, offsets into it as given; `name` labels it in errors. */
  detectText(text: string, opts: { name: string }): Promise<DetectionResult> {
    return this.runWithDeadline<DetectionResult>(opts.name, text.length, 'detectText', () => ({ text }));
  }

  /**
   * Runs one task when a worker is free, with the deadline for `chars` characters starting as it starts.
   * `task` is built only then, so a page carries the allow-list as the pages before it left it.
   */
  private async runWithDeadline<R>(label: string, chars: number, name: 'detectPage' | 'detectText', task: () => unknown): Promise<R> {
    if (this.closed) throw new Error('DetectionPool is closed');
    return (await this.queue.add(async () => {
      await this.ready;
      const deadline = detectionDeadline(this.options, chars);
      const signal = AbortSignal.timeout(deadline);
      try {
        return (await this.piscina.run(task(), { name, signal })) as R;
      } catch (err) {
        // the worker was terminated (deadline) or died: its replacement loads the detectors before the next task starts its clock
        this.ready = this.warmUp();
        if (signal.aborted) {
          throw new DetectionError(label, 'deadline', `detection did not finish within ${deadline} ms (${(chars / 1e6).toFixed(2)} M characters of text)`,
            'a sweep records the page as an error and goes on; if texts this large are expected, raise detection.deadlineMs / detection.deadlinePerMegabyteMs, otherwise report the input: a detector ran away on it', { cause: err });
        }
        throw new DetectionError(label, 'worker-died', `detection failed: ${err instanceof Error ? err.message : String(err)}`,
          'a sweep records the page as an error and goes on; report the input with this message', { cause: err });
      }
    }))!;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.onIdle();
    await this.piscina.destroy();
  }
}
