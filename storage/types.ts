import type { AlertKind, AlertPayload } from '../alerts/types.js';
import type { Entity, Finding, ResourceKind, Severity, SubjectRole } from '../core/types.js';

export type RunMode = 'full' | 'hot' | 'ondemand' | 'scan';
export type RunStatus = 'running' | 'completed' | 'failed' | 'interrupted';
export type IncidentStatus = 'new' | 'acknowledged' | 'resolved' | 'false-positive' | 'accepted-risk';
export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['new', 'acknowledged', 'resolved', 'false-positive', 'accepted-risk'];
export type MonitorKind = 'unreachable' | 'stalled' | 'canary-failed';

export interface RunRow {
  id: number;
  target: string;
  mode: RunMode;
  startUrls: string[];
  startedAt: string;
  finishedAt: string | null;
  status: RunStatus;
  baseline: boolean;
  pages: number;
  documents: number;
  errors: number;
  skipped: Record<string, number>;
}

export interface StoredFinding {
  /** The detector's finding; `value` is raw only when it came from this run's detection or reveal was asked. */
  finding: Finding;
  location: string;
  incidentId: string;
  isNew: boolean;
  masked: string;
  /** For saveEvidenceScreenshot(): the occurrence (incident + URL + location) this finding belongs to. */
  occurrenceId: number;
}

export interface IncidentRow {
  id: string;
  target: string;
  kind: 'value' | 'record';
  entity: Entity;
  entities: Entity[];
  severity: Severity;
  status: IncidentStatus;
  maskedValue: string;
  isCaseRecord: boolean;
  dataSubjects: number;
  roles: SubjectRole[];
  natures: string[];
  baseline: boolean;
  firstSeen: string;
  lastSeen: string;
  detectedAt: string;
  removedAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  statusActor: string | null;
  statusReason: string | null;
  reopenCount: number;
  alertedAt: string | null;
  occurrences: number;
  liveOccurrences: number;
  urls: string[];
}

export interface OccurrenceRow {
  id: number;
  incidentId: string;
  url: string;
  location: string;
  resourceKind: ResourceKind;
  blockKind: string | null;
  section: string | null;
  firstSeen: string;
  lastSeen: string;
  removedAt: string | null;
  contentHash: string | null;
  fetchedAt: string | null;
  hasEvidence: boolean;
  hasScreenshot: boolean;
  purgedAt: string | null;
}

export interface AuditRow { id: number; at: string; actor: string; action: string; subject: string; detail: string | null }

export interface IncidentDetail extends IncidentRow {
  occurrenceList: OccurrenceRow[];
  history: AuditRow[];
}

export interface IncidentFilter {
  target?: string;
  status?: IncidentStatus | IncidentStatus[];
  /** Only incidents at or above this severity. */
  minSeverity?: Severity;
  severity?: Severity | Severity[];
  /** Open = new or acknowledged. */
  open?: boolean;
  limit?: number;
  offset?: number;
}

export interface OutboxRow {
  id: number;
  alertId: string;
  kind: AlertKind;
  severity: Severity;
  target: string;
  incidentId: string | null;
  payload: AlertPayload;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  note: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface DeliveryRow {
  outboxId: number;
  channel: string;
  status: 'sending' | 'sent' | 'failed' | 'dead';
  attempts: number;
  lastError: string | null;
  note: string | null;
  updatedAt: string;
}

/** Facts for an ICO Art. 33 / DPA 2018 s.67 report, from the incident timeline. Counts only. */
export interface ExposureSummary {
  target: string;
  openIncidents: number;
  caseRecords: number;
  dataSubjects: number;
  entities: Partial<Record<Entity, number>>;
  roles: string[];
  natures: string[];
  criminalOffenceData: boolean;
  firstSeen: string | null;
  lastSeen: string | null;
  detectedAt: string | null;
  removedAt: string | null;
  urls: string[];
}
