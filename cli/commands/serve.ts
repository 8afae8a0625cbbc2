import type { Logger } from '../../core/logger.js';
import { loadConfig } from '../../config/index.js';
import { runServiceUntilSignal } from '../../service/index.js';

/** `leakwatch serve --config <file>`: runs until SIGTERM/SIGINT, then shuts down cleanly (exit 0). */
export async function serveCommand(flags: { config: string }, logger: Logger): Promise<number> {
  const config = loadConfig(flags.config);
  return runServiceUntilSignal(config, {
    logger,
    onStarted: (service) => process.stderr.write(`leakwatch: serving ${config.targets.length} target(s); dashboard, /healthz and /metrics at ${service.url}\n`),
  });
}
