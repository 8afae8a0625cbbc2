import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { SEVERITIES } from '../core/types.js';
import type { CycleOutcome, OutboxDepth } from './types.js';

/**
 * Prometheus metrics for one service instance. A registry of its own (not prom-client's global)
 * so two services in one process (tests) do not collide.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly pagesFetched: Counter<'target'>;
  private readonly fetchErrors: Counter<'target'>;
  private readonly findings: Counter<'target' | 'severity'>;
  private readonly newIncidents: Counter<'target'>;
  private readonly cycles: Counter<'target' | 'mode' | 'outcome'>;
  private readonly cycleDuration: Histogram<'target' | 'mode' | 'outcome'>;
  private readonly lastSuccess: Gauge<'target'>;
  private readonly consecutiveFailures: Gauge<'target'>;
  private readonly inProgress: Gauge<'target'>;

  constructor(targets: string[], outboxDepth: () => OutboxDepth | undefined, options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'leakwatch_' });
    this.pagesFetched = new Counter({ name: 'leakwatch_pages_fetched_total', help: 'Pages and documents fetched by completed or interrupted sweeps', labelNames: ['target'], registers });
    this.fetchErrors = new Counter({ name: 'leakwatch_fetch_errors_total', help: 'Fetches that failed (network, HTTP error, timeout)', labelNames: ['target'], registers });
    this.findings = new Counter({ name: 'leakwatch_findings_total', help: 'Findings reported by sweeps, by severity', labelNames: ['target', 'severity'], registers });
    this.newIncidents = new Counter({ name: 'leakwatch_new_incidents_total', help: 'Incidents opened by sweeps', labelNames: ['target'], registers });
    this.cycles = new Counter({ name: 'leakwatch_cycles_total', help: 'Sweep cycles by outcome (ok, failed, interrupted, skipped)', labelNames: ['target', 'mode', 'outcome'], registers });
    this.cycleDuration = new Histogram({
      name: 'leakwatch_cycle_duration_seconds', help: 'Wall-clock duration of a sweep cycle', labelNames: ['target', 'mode', 'outcome'], registers,
      buckets: [1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600],
    });
    this.lastSuccess = new Gauge({ name: 'leakwatch_last_success_timestamp_seconds', help: 'Unix time the last successful cycle finished (0 = never)', labelNames: ['target'], registers });
    this.consecutiveFailures = new Gauge({ name: 'leakwatch_consecutive_failed_cycles', help: 'Failed cycles in a row', labelNames: ['target'], registers });
    this.inProgress = new Gauge({ name: 'leakwatch_sweep_in_progress', help: '1 while a sweep of the target runs', labelNames: ['target'], registers });
    // Read at scrape time, so the numbers are the outbox's, not a copy that can drift.
    new Gauge({
      name: 'leakwatch_outbox_depth', help: 'Alerts waiting in the outbox to be delivered', registers,
      collect() { this.set(outboxDepth()?.pending ?? 0); },
    });
    new Gauge({
      name: 'leakwatch_outbox_dead_letters', help: 'Alerts that exhausted their retries (see the dashboard)', registers,
      collect() { this.set(outboxDepth()?.dead ?? 0); },
    });
    for (const target of targets) {
      // Zero-initialise so a scrape shows every series before the first cycle.
      this.lastSuccess.set({ target }, 0);
      this.consecutiveFailures.set({ target }, 0);
      this.inProgress.set({ target }, 0);
      this.pagesFetched.inc({ target }, 0);
      this.fetchErrors.inc({ target }, 0);
      for (const severity of SEVERITIES) this.findings.inc({ target, severity }, 0);
    }
  }

  cycleStarted(target: string): void {
    this.inProgress.set({ target }, 1);
  }

  cycleFinished(outcome: CycleOutcome, consecutiveFailures: number): void {
    const { target, mode, status } = outcome;
    this.inProgress.set({ target }, 0);
    this.cycles.inc({ target, mode, outcome: status });
    if (status === 'skipped') return;
    this.cycleDuration.observe({ target, mode, outcome: status }, outcome.durationMs / 1000);
    this.consecutiveFailures.set({ target }, consecutiveFailures);
    const report = outcome.report;
    if (report) {
      this.pagesFetched.inc({ target }, report.run.pages + report.run.documents);
      this.fetchErrors.inc({ target }, report.run.errors);
      for (const severity of SEVERITIES) this.findings.inc({ target, severity }, report.summary[severity]);
      this.newIncidents.inc({ target }, report.summary.newIncidents);
    }
    if (status === 'ok') this.lastSuccess.set({ target }, Date.parse(outcome.finishedAt) / 1000);
  }

  /** After a restart, carry the last success over from the database so the gauge does not drop to 0. */
  restoreLastSuccess(target: string, finishedAt: string): void {
    this.lastSuccess.set({ target }, Date.parse(finishedAt) / 1000);
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
