import type { LeakwatchConfig } from '../config/index.js';
import { onStopSignals } from '../core/signals.js';
import { startService, type ServiceOptions, type RunningService } from './index.js';

/**
 * `leakwatch serve`: start the service and run until SIGTERM or SIGINT, then shut down cleanly
 * (stop scheduling, checkpoint the running sweep, flush the outbox, close Chromium and the DB)
 * and resolve with exit status 0. A second signal during shutdown exits at once with 1.
 */
export async function runServiceUntilSignal(
  config: LeakwatchConfig,
  opts: ServiceOptions & { onStarted?: (service: RunningService) => void },
): Promise<number> {
  const service = await startService(config, opts);
  opts.onStarted?.(service);
  const removeSignalHandlers = onStopSignals(
    (signal) => {
      opts.logger.info({ signal }, 'signal received');
      void service.stop(`${signal} received`);
    },
    (signal) => {
      opts.logger.error({ signal }, 'second signal during shutdown: exiting now');
      process.exit(1);
    },
  );
  try {
    await service.stopped;
  } finally {
    removeSignalHandlers();
  }
  // Anything still holding the event loop (a stuck socket) must not keep a stopped monitor around.
  setTimeout(() => {
    opts.logger.warn('a handle kept the process alive after a clean shutdown; exiting anyway');
    process.exit(0);
  }, 5_000).unref();
  return 0;
}
