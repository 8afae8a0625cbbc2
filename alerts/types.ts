import type { Entity, Severity } from '../core/types.js';

/**
 * What an alert channel is allowed to see. There is deliberately no raw value anywhere in here:
 * masked values, counts, categories, URLs and a dashboard link only.
 */
export type AlertKind =
  | 'incident.new' | 'incident.reopened' | 'incident.resolved'
  | 'monitor.unreachable' | 'monitor.stalled' | 'monitor.canary-failed' | 'monitor.recovered'
  | 'digest.medium';

export interface AlertPayload {
  /** Stable per (alert, channel) for idempotency; PagerDuty dedup_key is derived from incidentId. */
  alertId: string;
  kind: AlertKind;
  severity: Severity;
  target: string;
  incidentId?: string;
  title: string; // no personal data
  entities: Entity[];
  maskedValues: string[];
  counts: { findings: number; records: number; dataSubjects: number; urls: number };
  urls: string[];
  firstSeen?: string;
  lastSeen?: string;
  detectedAt: string;
  dashboardUrl?: string;
}

export interface AlertChannel {
  readonly name: string; // 'email' | 'outbox-file' | 'pagerduty' | 'teams' | 'webhook'
  /** Which alerts this channel takes (e.g. e-mail takes digests, PagerDuty only pageable ones). */
  accepts(alert: AlertPayload): boolean;
  /** Throws ChannelError (retryable or not). Returns a short delivery note (message id, file path). */
  send(alert: AlertPayload): Promise<string>;
  close?(): Promise<void>;
}
