import type { Logger } from '../core/logger.js';
import type { SweepReportJson } from '../sweep/types.js';

/** What the service needs of a sweep; sweep/index.ts's runSweep satisfies it, tests inject fakes. */
export type CycleMode = 'full' | 'hot' | 'ondemand';

export interface ServiceSweepOptions {
  target: string;
  startUrls: string[];
  mode: CycleMode;
  store: ServiceStore;
  logger: Logger;
  crawl?: Record<string, unknown>;
  signal?: AbortSignal;
  dashboardUrl?: string;
  allowList?: unknown;
  /** The config's detection options (deadlines, threads). */
  detection?: Record<string, unknown>;
}

export interface ServiceSweepResult {
  report: SweepReportJson;
  complete: boolean;
}

export type RunSweepFn = (opts: ServiceSweepOptions) => Promise<ServiceSweepResult>;

/** Outbox counts for /metrics. Storage's outboxStats() is mapped onto this. */
export interface OutboxDepth {
  pending: number;
  dead: number;
}

/** The part of LeakwatchStore the service itself touches (the sweep gets the whole store). */
export interface ServiceStore {
  close(): void;
  outboxStats?(): unknown;
  findInterruptedRun?(target: string): { id: number } | undefined | null;
  getRun?(runId: number): { mode: string } | undefined;
  /** Persists a finished cycle and raises/clears monitor.unreachable through the outbox; returns failures in a row. */
  recordCycle?(target: string, ok: boolean, opts: { failThreshold?: number; detail?: string; now?: Date }): number;
  /** Raises monitor.stalled when no cycle succeeded for maxAgeMs. */
  checkStalled?(target: string, maxAgeMs: number, now?: Date): boolean;
  /** Deletes evidence of incidents resolved more than retentionDays ago. */
  purgeEvidence?(retentionDays: number): { incidents: number; occurrences: number; historyRows?: number };
  /** Raise/clear a monitor alert (e.g. 'canary-failed') through the outbox; true when the state changed. */
  raiseMonitorAlert?(target: string, kind: 'canary-failed', detail?: string): boolean;
  clearMonitorAlert?(target: string, kind: 'canary-failed'): boolean;
  /** WAL checkpoint so the -wal file stays bounded under constant readers. */
  maintenance?(): unknown;
  monitorState?(target: string): { lastCycleAt: string | null; lastSuccessfulCycleAt: string | null; consecutiveFailures: number } | undefined;
}

/** The alert dispatcher: sends outbox rows in the background; drained on shutdown. */
export interface OutboxDispatcher {
  start(intervalMs: number): void;
  drainOnce(): Promise<unknown>;
  stop(): Promise<void>;
}

export interface MonitorEvent {
  target: string;
  consecutiveFailures: number;
  /** A short reason with no personal data, e.g. "every fetch failed (12 errors)". */
  reason: string;
  at: string;
}

/** Raises and clears monitor alerts (site unreachable); backed by the store's outbox in production. */
export interface MonitorAlertSink {
  unreachable(event: MonitorEvent): void | Promise<void>;
  recovered(event: MonitorEvent): void | Promise<void>;
}

export type CycleOutcomeStatus = 'ok' | 'failed' | 'interrupted' | 'skipped';

export interface CycleOutcome {
  target: string;
  mode: CycleMode;
  status: CycleOutcomeStatus;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  report?: SweepReportJson;
  /** Why a cycle failed or was skipped; no personal data. */
  reason?: string;
}
