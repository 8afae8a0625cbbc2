import { describeError } from '../core/errors.js';
import { silentLogger, type Logger } from '../core/logger.js';

/**
 * Dead man's switch (healthchecks.io style): GET <url> after a cycle that finished and passed its
 * checks, GET <url>/fail otherwise. Never throws: a broken heartbeat must not break a sweep.
 */
export async function pingHeartbeat(url: string, ok: boolean, logger: Logger = silentLogger, timeoutMs = 10_000): Promise<boolean> {
  const target = ok ? url : `${url.replace(/\/+$/, '')}/fail`;
  try {
    const res = await fetch(target, { method: 'GET', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'Leakwatch-Heartbeat/1' } });
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) logger.warn({ status: res.status, ok }, 'heartbeat ping rejected');
    return res.ok;
  } catch (err) {
    logger.warn({ err: describeError(err), ok }, 'heartbeat ping failed');
    return false;
  }
}
