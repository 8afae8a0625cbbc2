import type { Logger } from '../core/logger.js';

/**
 * healthchecks.io-style dead man's switch: GET <url> after a good cycle, GET <url>/fail after a bad one.
 * The check's own schedule and grace time then page someone if the pings stop altogether.
 * A ping that fails is logged, never thrown: the monitor must not die because the monitor's monitor is down.
 */
export async function pingHeartbeat(url: string, ok: boolean, logger: Logger, timeoutMs = 10_000): Promise<boolean> {
  const target = ok ? url : `${url.replace(/\/+$/, '')}/fail`;
  const redacted = `${new URL(url).origin}/…`; // the path is the check's secret
  try {
    const res = await fetch(target, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    if (!res.ok) {
      logger.warn({ heartbeat: redacted, status: res.status }, 'heartbeat ping was refused');
      return false;
    }
    logger.debug({ heartbeat: redacted, ok }, 'heartbeat pinged');
    return true;
  } catch (err) {
    logger.warn({ heartbeat: redacted, reason: (err as Error).message }, 'heartbeat ping failed');
    return false;
  }
}
