import type { CycleMode, CycleOutcome } from './types.js';

/**
 * Per-target cycle bookkeeping behind /healthz and the unreachable alert. A monitor that silently
 * stops is worse than none, so "healthy" means a cycle *completed* recently, not that the process is up.
 */

export interface TargetHealth {
  name: string;
  /** ok: last cycle completed and recent · failing: N failures in a row · stale: no completed cycle for too long · pending: none yet, still within the grace period */
  status: 'ok' | 'failing' | 'stale' | 'pending';
  /** mode and counts are null when restored from the database after a restart. */
  lastCompletedCycle: { finishedAt: string; mode: CycleMode | null; runId: number | null; pages: number | null; errors: number | null } | null;
  lastAttempt: { finishedAt: string; mode: CycleMode; status: CycleOutcome['status']; reason?: string } | null;
  consecutiveFailures: number;
  running: { mode: CycleMode; startedAt: string } | null;
  nextRuns: { full: string | null; hot: string | null };
}

export interface HealthReport {
  status: 'ok' | 'unhealthy';
  checkedAt: string;
  startedAt: string;
  staleAfterMinutes: number;
  unreachableAfterCycles: number;
  targets: TargetHealth[];
}

interface TargetState {
  lastCompleted: TargetHealth['lastCompletedCycle'];
  lastAttempt: TargetHealth['lastAttempt'];
  consecutiveFailures: number;
  running: TargetHealth['running'];
}

export class HealthTracker {
  private readonly states = new Map<string, TargetState>();
  private readonly startedAt: Date;

  constructor(
    targets: string[],
    private readonly limits: { staleAfterMinutes: number; unreachableAfterCycles: number },
    private readonly now: () => Date = () => new Date(),
  ) {
    this.startedAt = now();
    for (const t of targets) this.states.set(t, { lastCompleted: null, lastAttempt: null, consecutiveFailures: 0, running: null });
  }

  private state(target: string): TargetState {
    const s = this.states.get(target);
    if (!s) throw new Error(`unknown target "${target}"`);
    return s;
  }

  cycleStarted(target: string, mode: CycleMode, startedAt: string): void {
    this.state(target).running = { mode, startedAt };
  }

  /** Returns the number of failures in a row after this cycle. */
  cycleFinished(outcome: CycleOutcome): number {
    const s = this.state(outcome.target);
    s.running = null;
    if (outcome.status === 'skipped') return s.consecutiveFailures;
    s.lastAttempt = { finishedAt: outcome.finishedAt, mode: outcome.mode, status: outcome.status, ...(outcome.reason ? { reason: outcome.reason } : {}) };
    if (outcome.status === 'ok') {
      s.consecutiveFailures = 0;
      s.lastCompleted = {
        finishedAt: outcome.finishedAt,
        mode: outcome.mode,
        runId: outcome.report?.run.id ?? null,
        pages: outcome.report?.run.pages ?? 0,
        errors: outcome.report?.run.errors ?? 0,
      };
    } else if (outcome.status === 'failed') {
      s.consecutiveFailures += 1;
    }
    // 'interrupted' (shutdown) is neither: the restart resumes it.
    return s.consecutiveFailures;
  }

  /** After a restart: carry over what the database remembers, so a restart does not hide a failing target. */
  restore(target: string, saved: { lastSuccessfulCycleAt: string | null; consecutiveFailures: number }): void {
    const s = this.state(target);
    s.consecutiveFailures = saved.consecutiveFailures;
    if (saved.lastSuccessfulCycleAt) {
      s.lastCompleted = { finishedAt: saved.lastSuccessfulCycleAt, mode: null, runId: null, pages: null, errors: null };
    }
  }

  consecutiveFailures(target: string): number {
    return this.state(target).consecutiveFailures;
  }

  isHealthy(target: string): boolean {
    return this.statusOf(target) === 'ok' || this.statusOf(target) === 'pending';
  }

  private statusOf(target: string): TargetHealth['status'] {
    const s = this.state(target);
    if (s.consecutiveFailures >= this.limits.unreachableAfterCycles) return 'failing';
    const staleMs = this.limits.staleAfterMinutes * 60_000;
    const since = s.lastCompleted ? Date.parse(s.lastCompleted.finishedAt) : this.startedAt.getTime();
    if (this.now().getTime() - since > staleMs) return 'stale';
    return s.lastCompleted ? 'ok' : 'pending';
  }

  report(nextRuns: (target: string) => TargetHealth['nextRuns']): HealthReport {
    const targets: TargetHealth[] = [...this.states.entries()].map(([name, s]) => ({
      name,
      status: this.statusOf(name),
      lastCompletedCycle: s.lastCompleted,
      lastAttempt: s.lastAttempt,
      consecutiveFailures: s.consecutiveFailures,
      running: s.running,
      nextRuns: nextRuns(name),
    }));
    return {
      status: targets.every((t) => t.status === 'ok' || t.status === 'pending') ? 'ok' : 'unhealthy',
      checkedAt: this.now().toISOString(),
      startedAt: this.startedAt.toISOString(),
      staleAfterMinutes: this.limits.staleAfterMinutes,
      unreachableAfterCycles: this.limits.unreachableAfterCycles,
      targets,
    };
  }
}
