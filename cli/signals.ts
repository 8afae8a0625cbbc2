import { constants } from 'node:os';
import type { Logger } from '../core/logger.js';
import { onStopSignals } from '../core/signals.js';

export interface SignalStop {
  /** Aborted on the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** The signal that stopped the work, if one did. */
  received(): NodeJS.Signals | undefined;
  dispose(): void;
}

/** The shell's convention for work a signal ended: 128 + the signal number (130 for Ctrl-C, 143 for SIGTERM). */
export function signalExitCode(sig: NodeJS.Signals): number {
  return 128 + (constants.signals[sig] ?? 2);
}

/**
 * Ctrl-C or SIGTERM during one-shot work (`sweep`, `demo`): the first signal stops taking new pages and
 * lets the ones in flight finish, so the run is checkpointed and the next sweep resumes it;
 * a second signal exits at once.
 */
export function stopOnSignals(logger: Logger): SignalStop {
  const controller = new AbortController();
  let first: NodeJS.Signals | undefined;
  const dispose = onStopSignals(
    (sig) => {
      first = sig;
      logger.warn({ signal: sig }, 'stopping: pages in flight finish, the run is kept and the next sweep resumes it (signal again to exit now)');
      controller.abort(new Error(`${sig} received`));
    },
    (sig) => {
      logger.error({ signal: sig }, 'second signal: exiting now; the next sweep resumes the run from its last checkpoint');
      process.exit(signalExitCode(sig));
    },
  );
  return { signal: controller.signal, received: () => first, dispose };
}
