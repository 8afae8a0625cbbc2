/**
 * The detection pool's options and defaults, apart from the pool itself so that the config schema can
 * take its defaults from here without loading worker threads.
 */
export interface DetectionPoolOptions {
  /** Deadline for a page of no text; the per-megabyte allowance is added to it (default 30 s). */
  deadlineMs?: number;
  /** Deadline added per megabyte of a page's text (default 15 s: ~10× the slowest rate measured, detectBlocks() at 0.7 MB/s on case-dense text). */
  deadlinePerMegabyteMs?: number;
  /** Pages detected at once, each in its own worker (default 1). */
  threads?: number;
}

export const DEFAULT_DETECTION_POOL: Required<DetectionPoolOptions> = { deadlineMs: 30_000, deadlinePerMegabyteMs: 15_000, threads: 1 };

/** The deadline for a page with `chars` characters of text. */
export function detectionDeadline(options: Pick<Required<DetectionPoolOptions>, 'deadlineMs' | 'deadlinePerMegabyteMs'>, chars: number): number {
  return Math.round(options.deadlineMs + (options.deadlinePerMegabyteMs * chars) / 1_000_000);
}
