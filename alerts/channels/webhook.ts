import { createHmac } from 'node:crypto';
import type { Logger } from '../../core/logger.js';
import { idempotencyKey } from '../payload.js';
import type { AlertChannel, AlertPayload } from '../types.js';
import { postJson } from './common.js';

export const SIGNATURE_HEADER = 'x-leakwatch-signature-256';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** GitHub-style: `sha256=<hex HMAC-SHA256(secret, raw body)>`. Receivers compare with a constant-time check. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Generic JSON webhook: the AlertPayload as is (masked values only), signed, with an
 * Idempotency-Key that stays the same on every retry so the receiver can drop duplicates.
 */
export class WebhookChannel implements AlertChannel {
  readonly name = 'webhook';
  private readonly log: Logger;

  constructor(private readonly cfg: { url: string; secret?: string }, logger: Logger) {
    this.log = logger.child({ channel: this.name });
  }

  accepts(): boolean {
    return true;
  }

  async send(alert: AlertPayload): Promise<string> {
    const body = JSON.stringify({ ...alert, sentAt: new Date().toISOString(), source: 'leakwatch' });
    const key = idempotencyKey(alert, this.name);
    const headers: Record<string, string> = { [IDEMPOTENCY_HEADER]: key, 'x-leakwatch-event': alert.kind, 'user-agent': 'Leakwatch-Webhook/1' };
    if (this.cfg.secret) headers[SIGNATURE_HEADER] = signBody(this.cfg.secret, body);
    const res = await postJson(this.name, this.cfg.url, body, headers);
    this.log.info({ status: res.status, kind: alert.kind, idempotencyKey: key }, 'webhook delivered');
    return `webhook HTTP ${res.status} idempotency-key=${key}`;
  }
}
