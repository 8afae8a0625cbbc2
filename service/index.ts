import type { FastifyInstance } from 'fastify';
import type { Logger } from '../core/logger.js';
import { ConfigError, describeError } from '../core/errors.js';
import type { LeakwatchConfig } from '../config/index.js';
import { cronHasSeconds } from '../config/index.js';
import { HealthTracker, type HealthReport } from './health.js';
import { ServiceMetrics } from './metrics.js';
import { buildHttpServer } from './http.js';
import { scheduleTargets, type ScheduleHandle } from './scheduler.js';
import { pingHeartbeat } from '../alerts/heartbeat.js';
import { crawlOptionsFor, openServiceDeps, outboxDepthOf } from './wiring.js';
import type {
  CycleMode, CycleOutcome, MonitorAlertSink, OutboxDispatcher, RunSweepFn, ServiceStore,
} from './types.js';

export type * from './types.js';
export type { HealthReport, TargetHealth } from './health.js';
export { ServiceMetrics } from './metrics.js';
export { crawlOptionsFor, userAgentFor } from './wiring.js';
export { runServiceUntilSignal } from './lifecycle.js';

/** Registers extra routes (the dashboard) on the service's HTTP server before it listens. */
export type ServicePlugin = (app: FastifyInstance, service: RunningService) => void | Promise<void>;

export interface ServiceOptions {
  logger: Logger;
  /** The sweep to run; defaults to sweep/index.ts's runSweep over the real crawler and detectors. */
  runSweep?: RunSweepFn;
  /** Defaults to LeakwatchStore.open(config.storage.path). The service closes it on stop. */
  store?: ServiceStore;
  /** Defaults to an AlertDispatcher over buildChannels(config.alerts); null runs without one. */
  dispatcher?: OutboxDispatcher | null;
  /** Defaults to outbox rows through the store; tests pass a recorder. */
  monitorAlerts?: MonitorAlertSink;
  plugins?: ServicePlugin[];
  /** How often the dispatcher retries pending alerts. */
  dispatchIntervalMs?: number;
  /** How long shutdown waits for in-flight pages to finish before closing anyway. */
  shutdownGraceMs?: number;
  /** Resume runs that a previous process left interrupted (default true). */
  resumeInterrupted?: boolean;
  /** Skip installing the cron schedules (on-demand only); used by tests and one-off tooling. */
  schedule?: boolean;
  now?: () => Date;
  /** Replaces the built-in canary (sweep/canary.ts) after each successful cycle. */
  canary?: () => Promise<{ ok: boolean; detail: string; durationMs: number }>;
}

export interface RunningService {
  readonly config: LeakwatchConfig;
  readonly app: FastifyInstance;
  /** http://host:port of the listening server (port 0 resolved). */
  readonly url: string;
  readonly store: ServiceStore;
  readonly metrics: ServiceMetrics;
  health(): HealthReport;
  /**
   * Sweep one target now. Waits for a sweep of the same target that is already running, then runs,
   * so an on-demand sweep never shares the browser or the run with a scheduled one.
   */
  triggerSweep(target: string, mode?: CycleMode): Promise<CycleOutcome>;
  /** Stop scheduling, abort the running sweeps (in-flight pages finish and are checkpointed), flush the outbox, close. */
  stop(reason?: string): Promise<void>;
  /** Settles once stop() has finished. */
  readonly stopped: Promise<void>;
}

const truncate = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…` : s);

export async function startService(config: LeakwatchConfig, opts: ServiceOptions): Promise<RunningService> {
  const logger = opts.logger.child({ component: 'service' });
  const now = opts.now ?? (() => new Date());
  const targetNames = config.targets.map((t) => t.name);
  const deps = await openServiceDeps(config, opts, logger);
  const { store, dispatcher, monitorAlerts, runSweep } = deps;

  const health = new HealthTracker(targetNames, config.monitor, now);
  const metrics = new ServiceMetrics(targetNames, () => outboxDepthOf(store));
  const shutdown = new AbortController();
  const running = new Map<string, { mode: CycleMode; done: Promise<CycleOutcome> }>();
  const unreachableRaised = new Set<string>();
  // With the real store (and no injected sink) cycles are persisted, so health survives a restart.
  const persistCycles = !opts.monitorAlerts && typeof store.recordCycle === 'function';
  for (const target of targetNames) {
    const saved = persistCycles ? store.monitorState?.(target) : undefined;
    if (saved) {
      health.restore(target, saved);
      if (saved.lastSuccessfulCycleAt) metrics.restoreLastSuccess(target, saved.lastSuccessfulCycleAt);
    }
  }
  let stallTimer: NodeJS.Timeout | undefined;
  const allowLists = new Map<string, unknown>();
  let schedules: ScheduleHandle | undefined;
  let stopping: Promise<void> | undefined;
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => { resolveStopped = r; });

  let draining = Promise.resolve();
  /** Sends what the last cycle put in the outbox now, instead of waiting for the next dispatcher tick. */
  const kickDispatcher = () => {
    if (!dispatcher) return;
    draining = draining.then(() => dispatcher.drainOnce()).then(() => undefined, (err) => {
      logger.warn({ reason: describeError(err) }, 'alert dispatch failed; the outbox keeps the alerts for retry');
    });
  };

  async function afterCycle(outcome: CycleOutcome): Promise<void> {
    const failures = health.cycleFinished(outcome);
    metrics.cycleFinished(outcome, failures);
    const log = logger.child({ target: outcome.target, mode: outcome.mode });
    if (outcome.status === 'skipped' || outcome.status === 'interrupted') return;
    const event = { target: outcome.target, consecutiveFailures: failures, reason: outcome.reason ?? 'ok', at: outcome.finishedAt };
    try {
      if (persistCycles) {
        // The store keeps the count across restarts and raises/clears monitor.unreachable in the outbox.
        store.recordCycle!(outcome.target, outcome.status === 'ok', { failThreshold: config.monitor.unreachableAfterCycles, detail: outcome.reason });
        if (outcome.status === 'failed' && failures === config.monitor.unreachableAfterCycles) {
          log.error({ failures, reason: outcome.reason }, 'target unreachable: monitor.unreachable raised');
        }
      } else if (outcome.status === 'failed' && failures >= config.monitor.unreachableAfterCycles && !unreachableRaised.has(outcome.target)) {
        unreachableRaised.add(outcome.target);
        log.error({ failures, reason: outcome.reason }, 'target unreachable: raising monitor.unreachable');
        await monitorAlerts.unreachable(event);
      } else if (outcome.status === 'ok' && unreachableRaised.delete(outcome.target)) {
        log.info('target reachable again: resolving monitor.unreachable');
        await monitorAlerts.recovered(event);
      }
    } catch (err) {
      log.error({ reason: describeError(err) }, 'could not record the monitor alert');
    }
    if (outcome.status === 'ok' && outcome.mode === 'full' && store.purgeEvidence) {
      // Retention runs with the nightly full sweep rather than on a timer of its own.
      try {
        const purged = store.purgeEvidence(config.storage.retentionDays);
        if (purged.occurrences || purged.historyRows) log.info({ ...purged, retentionDays: config.storage.retentionDays }, 'evidence and run history past retention purged');
      } catch (err) {
        log.warn({ reason: describeError(err) }, 'evidence purge failed; it is retried after the next full sweep');
      }
    }
    // Tests that inject a fake sweep get no canary unless they inject one too.
    const canaryEnabled = config.monitor.canary && (opts.canary !== undefined || !opts.runSweep);
    if (outcome.status === 'ok' && canaryEnabled) await checkCanary(outcome.target, log);
    try {
      store.maintenance?.();
    } catch (err) {
      log.warn({ reason: describeError(err) }, 'database maintenance (WAL checkpoint) failed; retried after the next cycle');
    }
    kickDispatcher();
    if (config.alerts.heartbeat) {
      // One check for the whole service: healthy only when no target is failing.
      const allOk = targetNames.every((t) => health.consecutiveFailures(t) === 0);
      await pingHeartbeat(config.alerts.heartbeat.url, allOk, log);
    }
  }

  /** A monitor that cannot see a planted leak must say so rather than report all-clear. */
  async function checkCanary(target: string, log: Logger): Promise<void> {
    const canary = opts.canary
      ? await opts.canary()
      : await (await import('../sweep/canary.js')).runCanary({ logger: log, chromiumPath: config.crawl.chromiumPath });
    try {
      if (!canary.ok) {
        log.error({ detail: canary.detail }, 'canary failed: the monitor could not see a planted leak');
        store.raiseMonitorAlert?.(target, 'canary-failed', canary.detail);
      } else if (store.clearMonitorAlert?.(target, 'canary-failed')) {
        log.info({ durationMs: canary.durationMs }, 'canary passes again');
      }
    } catch (err) {
      log.error({ reason: describeError(err) }, 'could not record the canary result');
    }
  }

  async function executeCycle(target: string, mode: CycleMode): Promise<CycleOutcome> {
    const spec = config.targets.find((t) => t.name === target)!;
    const startedAt = now();
    const log = logger.child({ target, mode });
    health.cycleStarted(target, mode, startedAt.toISOString());
    metrics.cycleStarted(target);
    let outcome: CycleOutcome;
    const finish = (status: CycleOutcome['status'], extra: Partial<CycleOutcome> = {}): CycleOutcome => {
      const finishedAt = now();
      return { target, mode, status, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), durationMs: finishedAt.getTime() - startedAt.getTime(), ...extra };
    };
    try {
      if (!allowLists.has(target)) allowLists.set(target, await deps.makeAllowList());
      const result = await runSweep({
        target,
        startUrls: spec.startUrls,
        mode,
        store,
        logger: opts.logger,
        crawl: crawlOptionsFor(config),
        signal: shutdown.signal,
        dashboardUrl: config.dashboard.publicUrl,
        allowList: allowLists.get(target),
        detection: config.detection,
      });
      const { run } = result.report;
      if (!result.complete && shutdown.signal.aborted) {
        outcome = finish('interrupted', { report: result.report, reason: 'stopped by shutdown; the next start resumes it' });
      } else if (!result.complete) {
        outcome = finish('failed', { report: result.report, reason: `the sweep did not finish within crawl.sweepTimeoutMs (${config.crawl.sweepTimeoutMs} ms)` });
      } else if (run.pages + run.documents === 0 && run.errors > 0) {
        outcome = finish('failed', { report: result.report, reason: `every fetch failed (${run.errors} errors)` });
      } else {
        outcome = finish('ok', { report: result.report });
      }
    } catch (err) {
      outcome = shutdown.signal.aborted
        ? finish('interrupted', { reason: 'stopped by shutdown' })
        : finish('failed', { reason: truncate(describeError(err)) });
    }
    const level = outcome.status === 'failed' ? 'warn' : 'info';
    log[level]({ status: outcome.status, durationMs: outcome.durationMs, reason: outcome.reason, summary: outcome.report?.summary }, 'cycle finished');
    await afterCycle(outcome);
    return outcome;
  }

  /** Starts a cycle unless one of this target is running; `wait` queues behind it instead of skipping. */
  async function runCycle(target: string, mode: CycleMode, wait: boolean): Promise<CycleOutcome> {
    for (;;) {
      const at = now().toISOString();
      if (stopping) return { target, mode, status: 'skipped', startedAt: at, finishedAt: at, durationMs: 0, reason: 'the service is shutting down' };
      const busy = running.get(target);
      if (!busy) break;
      if (!wait) {
        const outcome: CycleOutcome = { target, mode, status: 'skipped', startedAt: at, finishedAt: at, durationMs: 0, reason: `a ${busy.mode} sweep of ${target} is still running` };
        logger.info({ target, mode, reason: outcome.reason }, 'scheduled sweep skipped (no overlap)');
        metrics.cycleFinished(outcome, health.consecutiveFailures(target));
        return outcome;
      }
      await busy.done.catch(() => undefined);
    }
    const done = executeCycle(target, mode);
    running.set(target, { mode, done });
    try {
      return await done;
    } finally {
      running.delete(target);
    }
  }

  const app = buildHttpServer({ health: () => service.health(), metrics });

  const service: RunningService = {
    config,
    app,
    url: '',
    store,
    metrics,
    health: () => health.report((t) => schedules?.nextRuns(t) ?? { full: null, hot: null }),
    triggerSweep(target, mode = 'ondemand') {
      if (!targetNames.includes(target)) {
        return Promise.reject(new ConfigError(`no target named "${target}"`, `use one of: ${targetNames.join(', ')}`));
      }
      return runCycle(target, mode, true);
    },
    stop(reason = 'stop requested') {
      stopping ??= (async () => {
        logger.info({ reason }, 'shutting down: no new sweeps; running sweeps finish their in-flight pages');
        await schedules?.stop();
        clearInterval(stallTimer);
        shutdown.abort(new Error(reason));
        const inFlight = [...running.values()].map((r) => r.done.catch(() => undefined));
        const grace = opts.shutdownGraceMs ?? 60_000;
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          Promise.all(inFlight).then(() => false),
          new Promise<boolean>((r) => { timer = setTimeout(() => r(true), grace); }),
        ]);
        clearTimeout(timer);
        if (timedOut) logger.warn({ graceMs: grace }, 'sweeps did not stop in time; closing anyway (the next start resumes them)');
        if (dispatcher) {
          await draining;
          try {
            await dispatcher.drainOnce(); // flush what the last pages queued
          } catch (err) {
            logger.warn({ reason: describeError(err) }, 'could not flush the outbox; alerts stay queued for the next start');
          }
          await dispatcher.stop();
        }
        await app.close();
        store.close();
        logger.info('stopped');
        resolveStopped();
      })();
      return stopping;
    },
    stopped,
  };

  try {
    for (const plugin of opts.plugins ?? deps.plugins) await plugin(app, service);
    await app.listen({ port: config.dashboard.port, host: config.dashboard.host });
  } catch (err) {
    await app.close().catch(() => undefined);
    await dispatcher?.stop().catch(() => undefined);
    store.close();
    const msg = describeError(err);
    if (/EADDRINUSE/.test(msg)) {
      throw new ConfigError(`dashboard.port ${config.dashboard.port} on ${config.dashboard.host} is already in use`, 'stop the other process or set dashboard.port (or LEAKWATCH_DASHBOARD_PORT)', { cause: err });
    }
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.dashboard.port;
  const host = config.dashboard.host.includes(':') ? `[${config.dashboard.host}]` : config.dashboard.host;
  (service as { url: string }).url = `http://${host}:${port}`;

  dispatcher?.start(opts.dispatchIntervalMs ?? 5_000);

  if (opts.schedule !== false) {
    for (const t of config.targets) {
      for (const mode of ['full', 'hot'] as const) {
        if (cronHasSeconds(mode === 'full' ? t.schedule?.full ?? config.schedule.full : t.schedule?.hot ?? config.schedule.hot)) {
          logger.warn({ target: t.name, mode }, 'a seconds-level schedule is meant for tests and benchmarks, not for a real site');
        }
      }
    }
    schedules = scheduleTargets(
      config,
      (target, mode) => runCycle(target, mode, false),
      (target, mode) => {
        const at = now().toISOString();
        metrics.cycleFinished({ target, mode, status: 'skipped', startedAt: at, finishedAt: at, durationMs: 0 }, health.consecutiveFailures(target));
        logger.info({ target, mode }, 'scheduled sweep skipped: the previous one is still running');
      },
      logger,
    );
  }

  if (persistCycles && typeof store.checkStalled === 'function') {
    // monitor.stalled: no successful cycle for staleAfterMinutes (a hung sweep, a schedule that never fires).
    const maxAgeMs = config.monitor.staleAfterMinutes * 60_000;
    stallTimer = setInterval(() => {
      for (const target of targetNames) {
        try {
          if (store.checkStalled!(target, maxAgeMs, now())) kickDispatcher();
        } catch (err) {
          logger.warn({ target, reason: describeError(err) }, 'stall check failed');
        }
      }
    }, Math.min(60_000, maxAgeMs));
    stallTimer.unref();
  }

  // A previous process stopped mid-sweep: finish that run now rather than at the next tick.
  if (opts.resumeInterrupted !== false) {
    for (const target of targetNames) {
      const interrupted = store.findInterruptedRun?.(target);
      if (interrupted) {
        const runMode = store.getRun?.(interrupted.id)?.mode;
        const mode: CycleMode = runMode === 'hot' || runMode === 'full' ? runMode : 'ondemand';
        logger.info({ target, runId: interrupted.id, mode }, 'resuming the run a previous process left interrupted');
        void runCycle(target, mode, true);
      }
    }
  }

  logger.info({ url: service.url, targets: targetNames }, 'leakwatch service listening');
  return service;
}
