import { randomInt } from 'node:crypto';
import { ChannelError, describeError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { LeakwatchStore, OutboxRow } from '../storage/index.js';
import { isBatching } from './channels/common.js';
import type { AlertChannel, AlertPayload } from './types.js';

export interface DispatcherOptions {
  /** Attempts per alert before it becomes a dead letter. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt (with jitter) up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Alerts taken per drain. */
  batchSize?: number;
  /** How long a claimed alert is reserved for this dispatcher (two processes never send it at once). */
  leaseMs?: number;
  /** Clock, for tests that need "later" without waiting. */
  now?: () => Date;
}

export interface DrainResult {
  sent: number;
  failed: number;
  dead: number;
  deliveries: Array<{ alertId: string; channel: string; note: string }>;
}

const MAX_PER_MESSAGE = 100;

/** Exponential backoff with jitter: a random delay in [d/2, d], d = base·2^(attempt-1), capped. */
export function backoffMs(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  const d = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(d / 2) + randomInt(0, Math.max(1, Math.ceil(d / 2)) + 1);
}

/**
 * Sends outbox rows to every channel that accepts them. A (alert, channel) delivery row makes it
 * exactly-once per channel across crashes: a channel that already delivered is never asked again.
 * The one unavoidable window (sent, then killed before the row is written) is covered by stable
 * idempotency keys: PagerDuty dedup_key, the webhook Idempotency-Key, the e-mail Message-ID and
 * the .eml file name are the same on the resend.
 */
export class AlertDispatcher {
  private readonly opts: Required<Omit<DispatcherOptions, 'now'>> & { now: () => Date };
  private readonly log: Logger;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<DrainResult> | undefined;
  private stopped = false;

  constructor(private readonly store: LeakwatchStore, private readonly channels: AlertChannel[], logger: Logger, opts: DispatcherOptions = {}) {
    this.opts = {
      maxAttempts: opts.maxAttempts ?? 8,
      baseDelayMs: opts.baseDelayMs ?? 30_000,
      maxDelayMs: opts.maxDelayMs ?? 60 * 60_000,
      batchSize: opts.batchSize ?? 200,
      leaseMs: opts.leaseMs ?? 5 * 60_000,
      now: opts.now ?? (() => new Date()),
    };
    this.log = logger.child({ component: 'alert-dispatcher' });
  }

  /** One pass over the due alerts. Concurrent calls share the pass in progress. */
  drainOnce(): Promise<DrainResult> {
    if (this.inFlight) return this.inFlight;
    this.inFlight = this.drain().finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  start(intervalMs: number): void {
    this.stopped = false;
    if (this.timer) return;
    const tick = (): void => {
      this.drainOnce()
        .catch((err) => this.log.error({ err: describeError(err) }, 'alert dispatch pass failed; retrying next tick'))
        .finally(() => { if (!this.stopped) this.timer = setTimeout(tick, intervalMs); });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops the timer, waits for a pass in progress, and closes the channels. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight?.catch(() => undefined);
    for (const c of this.channels) await c.close?.().catch(() => undefined);
  }

  private async drain(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, failed: 0, dead: 0, deliveries: [] };
    const now = this.opts.now();
    const rows = this.store.claimDueAlerts(now, this.opts.batchSize, this.opts.leaseMs);
    if (!rows.length) return result;

    const errors = new Map<number, Array<{ channel: string; message: string; retryable: boolean }>>();
    const fail = (row: OutboxRow, channel: string, err: unknown) => {
      const retryable = err instanceof ChannelError ? err.retryable : true;
      const message = describeError(err).split('\n')[0].slice(0, 500);
      errors.set(row.id, [...(errors.get(row.id) ?? []), { channel, message, retryable }]);
      this.store.markDeliveryFailed(row.id, channel, message, !retryable);
    };

    for (const channel of this.channels) {
      const todo = rows.filter((r) => {
        if (!channel.accepts(r.payload)) return false;
        const d = this.store.getDelivery(r.id, channel.name);
        return !d || (d.status !== 'sent' && d.status !== 'dead');
      });
      const groups = new Map<string, OutboxRow[]>();
      for (const r of todo) {
        const key = isBatching(channel) ? channel.batchKey(r.payload) : `#${r.id}`;
        groups.set(key, [...(groups.get(key) ?? []), r]);
      }
      // Keep one message readable: at most MAX_PER_MESSAGE alerts each.
      const messages = [...groups.values()].flatMap((g) => Array.from({ length: Math.ceil(g.length / MAX_PER_MESSAGE) }, (_, i) => g.slice(i * MAX_PER_MESSAGE, (i + 1) * MAX_PER_MESSAGE)));
      for (const group of messages) {
        for (const r of group) this.store.markDeliverySending(r.id, channel.name);
        try {
          const payloads: AlertPayload[] = group.map((r) => r.payload);
          const note = isBatching(channel) && group.length > 1 ? await channel.sendBatch(payloads) : await channel.send(payloads[0]);
          for (const r of group) {
            this.store.markDeliverySent(r.id, channel.name, note);
            result.deliveries.push({ alertId: r.alertId, channel: channel.name, note });
          }
        } catch (err) {
          for (const r of group) fail(r, channel.name, err);
          this.log.warn({ channel: channel.name, alerts: group.length, err: describeError(err).split('\n')[0] }, 'alert delivery failed');
        }
      }
    }

    for (const row of rows) {
      const errs = errors.get(row.id);
      const accepted = this.channels.filter((c) => c.accepts(row.payload));
      if (!errs) {
        const deadChannels = accepted.filter((c) => this.store.getDelivery(row.id, c.name)?.status === 'dead');
        if (deadChannels.length) {
          this.store.markAlertFailed(row.id, `dead on ${deadChannels.map((c) => c.name).join(', ')}`, null);
          result.dead += 1;
        } else {
          this.store.markAlertSent(row.id, accepted.length ? `delivered via ${accepted.map((c) => c.name).join(', ')}` : 'no channel takes this alert');
          result.sent += 1;
        }
        continue;
      }
      const attempts = row.attempts + 1;
      const stillRetryable = errs.some((e) => e.retryable);
      const summary = errs.map((e) => `${e.channel}: ${e.message}`).join('; ');
      if (!stillRetryable || attempts >= this.opts.maxAttempts) {
        this.store.markAlertFailed(row.id, summary, null);
        result.dead += 1;
        this.log.error({ alertId: row.alertId, kind: row.kind, attempts }, 'alert dead-lettered: fix the channel, then retry it from the dashboard');
      } else {
        const next = new Date(now.getTime() + backoffMs(attempts, this.opts.baseDelayMs, this.opts.maxDelayMs));
        this.store.markAlertFailed(row.id, summary, next);
        result.failed += 1;
      }
    }
    if (result.sent || result.failed || result.dead) this.log.info({ sent: result.sent, failed: result.failed, dead: result.dead }, 'alert dispatch pass');
    return result;
  }
}
