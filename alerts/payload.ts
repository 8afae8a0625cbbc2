import { createHash } from 'node:crypto';
import { maskValue } from '../core/mask.js';
import type { Entity, Severity } from '../core/types.js';
import type { AlertKind, AlertPayload } from './types.js';

/**
 * A string that has been through maskValue(). The brand means a raw matched value cannot be
 * passed where a payload value is expected without a deliberate cast: payloads are built from
 * masked values only, so an alert can never become a second leak.
 */
export type MaskedValue = string & { readonly __masked: unique symbol };

export function maskForAlert(entity: Entity, raw: string): MaskedValue {
  return maskValue(entity, raw) as MaskedValue;
}

/** For values read back from a masked-only column (incidents.masked_value). */
export function fromMaskedColumn(masked: string): MaskedValue {
  return masked as MaskedValue;
}

export interface AlertPayloadInput {
  alertId: string;
  kind: AlertKind;
  severity: Severity;
  target: string;
  incidentId?: string;
  entities: Entity[];
  maskedValues: MaskedValue[];
  counts?: Partial<AlertPayload['counts']>;
  urls?: string[];
  firstSeen?: string;
  lastSeen?: string;
  detectedAt: string;
  dashboardUrl?: string;
  /** For a case record, e.g. "case record"; for monitor alerts the monitor kind. Fixed vocabulary only. */
  subjectLabel?: 'case record' | 'value' | 'unreachable' | 'stalled' | 'canary-failed';
}

const MAX_LIST = 25;

function titleFor(input: AlertPayloadInput): string {
  const sev = input.severity.toUpperCase();
  const what = input.subjectLabel === 'case record' ? 'case record' : input.entities.join('+') || 'personal data';
  switch (input.kind) {
    case 'incident.new':
      return `${sev}: new personal-data exposure (${what}) on ${input.target}`;
    case 'incident.reopened':
      return `${sev}: personal-data exposure came back (${what}) on ${input.target}`;
    case 'incident.resolved':
      return `Resolved: personal-data exposure (${what}) no longer found on ${input.target}`;
    case 'digest.medium':
      return `Digest: ${input.counts?.findings ?? input.maskedValues.length} medium finding(s) on ${input.target}`;
    case 'monitor.unreachable':
      return `Monitor: ${input.target} is unreachable`;
    case 'monitor.stalled':
      return `Monitor: sweeps of ${input.target} have stalled`;
    case 'monitor.canary-failed':
      return `Monitor: the detection canary failed for ${input.target}`;
    case 'monitor.recovered':
      return `Monitor recovered (${input.subjectLabel ?? 'monitor'}): ${input.target}`;
  }
}

/** Builds the only object channels ever see. Titles come from a fixed vocabulary; values are masked. */
export function buildAlertPayload(input: AlertPayloadInput): AlertPayload {
  const urls = [...new Set(input.urls ?? [])];
  const maskedValues = [...new Set(input.maskedValues)];
  return {
    alertId: input.alertId,
    kind: input.kind,
    severity: input.severity,
    target: input.target,
    ...(input.incidentId ? { incidentId: input.incidentId } : {}),
    title: titleFor(input),
    entities: [...new Set(input.entities)],
    maskedValues: maskedValues.slice(0, MAX_LIST),
    counts: {
      findings: input.counts?.findings ?? maskedValues.length,
      records: input.counts?.records ?? 0,
      dataSubjects: input.counts?.dataSubjects ?? 0,
      urls: input.counts?.urls ?? urls.length,
    },
    urls: urls.slice(0, MAX_LIST),
    ...(input.firstSeen ? { firstSeen: input.firstSeen } : {}),
    ...(input.lastSeen ? { lastSeen: input.lastSeen } : {}),
    detectedAt: input.detectedAt,
    ...(input.dashboardUrl ? { dashboardUrl: input.dashboardUrl } : {}),
  };
}

/** PagerDuty dedup_key / idempotency subject for a monitor alert: stable per target and kind. */
export function monitorIncidentId(target: string, kind: 'unreachable' | 'stalled' | 'canary-failed'): string {
  return `monitor-${kind}-${createHash('sha256').update(target).digest('hex').slice(0, 12)}`;
}

/** The idempotency key a channel sends with a delivery: the same on every retry and after a restart. */
export function idempotencyKey(alert: AlertPayload, channel: string): string {
  return `${alert.alertId}.${channel}`;
}
