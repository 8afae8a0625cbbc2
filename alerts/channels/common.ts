import { ChannelError, describeError } from '../../core/errors.js';
import { isPageable } from '../../core/types.js';
import type { AlertChannel, AlertPayload } from '../types.js';

/** A channel that can fold several alerts into one message (e-mail): 61 case records is one e-mail, not 61. */
export interface BatchingAlertChannel extends AlertChannel {
  /** Alerts with the same key may share one message. */
  batchKey(alert: AlertPayload): string;
  sendBatch(alerts: AlertPayload[]): Promise<string>;
}

export function isBatching(c: AlertChannel): c is BatchingAlertChannel {
  return typeof (c as Partial<BatchingAlertChannel>).sendBatch === 'function' && typeof (c as Partial<BatchingAlertChannel>).batchKey === 'function';
}

/** What a human channel (e-mail, Teams) takes: pageable incidents, their resolution, monitor alerts, digests. */
export function humanChannelAccepts(alert: AlertPayload): boolean {
  switch (alert.kind) {
    case 'incident.new':
    case 'incident.reopened':
      return isPageable(alert.severity);
    case 'incident.resolved':
    case 'digest.medium':
      return true;
    default:
      return alert.kind.startsWith('monitor.');
  }
}

/** HTTP status → retry policy (PagerDuty's, and the usual one): 429 and 5xx retry, other 4xx are permanent. */
export function httpRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** POSTs JSON with a timeout; throws ChannelError with the right retry flag. Never puts the URL in a message (it may hold a secret). */
export async function postJson(channel: string, url: string, body: string, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<{ status: number; text: string }> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new ChannelError(channel, `request failed: ${describeError((err as { cause?: unknown }).cause ?? err)}`, true, 'The alert stays in the outbox and is retried with backoff.', { cause: err });
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) {
    const retryable = httpRetryable(res.status);
    throw new ChannelError(channel, `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`, retryable,
      retryable ? 'Retried with backoff.' : 'The receiver rejected the request; check the channel configuration, then retry the dead letter from the dashboard.');
  }
  return { status: res.status, text };
}
