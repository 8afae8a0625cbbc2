import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/logger.js';
import type { LeakwatchConfig } from '../config/index.js';

/** Which cron expression applies to a target: its own override, else the global one. */
export function schedulesFor(config: LeakwatchConfig, target: string): { full: string; hot: string } {
  const t = config.targets.find((x) => x.name === target);
  return { full: t?.schedule?.full ?? config.schedule.full, hot: t?.schedule?.hot ?? config.schedule.hot };
}

export interface ScheduleHandle {
  nextRuns(target: string): { full: string | null; hot: string | null };
  stop(): Promise<void>;
}

/**
 * One node-cron task per (target, full|hot), in the configured time zone with random start jitter.
 * node-cron's noOverlap stops a task overlapping itself; `onTick` adds the cross-task guard
 * (a hot sweep must not start while the same target's full sweep runs).
 */
export function scheduleTargets(
  config: LeakwatchConfig,
  onTick: (target: string, mode: 'full' | 'hot') => Promise<unknown>,
  onOverlap: (target: string, mode: 'full' | 'hot') => void,
  logger: Logger,
): ScheduleHandle {
  const tasks = new Map<string, { full: ScheduledTask; hot: ScheduledTask }>();
  const cronLogger = {
    info: (m: string) => logger.debug({ component: 'node-cron' }, m),
    // Overlaps are reported by onOverlap with the target attached; node-cron's own line adds nothing.
    warn: (m: string) => (/overlap/i.test(m) ? logger.debug({ component: 'node-cron' }, m) : logger.warn({ component: 'node-cron' }, m)),
    error: (m: string | Error) => logger.error({ component: 'node-cron', reason: String(m) }, 'scheduler error'),
    debug: (m: string | Error) => logger.debug({ component: 'node-cron' }, String(m)),
  };
  for (const target of config.targets) {
    const exprs = schedulesFor(config, target.name);
    const make = (mode: 'full' | 'hot') => {
      const task = cron.schedule(exprs[mode], () => onTick(target.name, mode), {
        name: `${target.name}:${mode}`,
        timezone: config.schedule.timezone,
        noOverlap: true,
        maxRandomDelay: config.schedule.jitterSeconds * 1000,
        logger: cronLogger,
      });
      task.on('execution:overlap', () => onOverlap(target.name, mode));
      return task;
    };
    tasks.set(target.name, { full: make('full'), hot: make('hot') });
    logger.info({ target: target.name, full: exprs.full, hot: exprs.hot, timezone: config.schedule.timezone }, 'sweeps scheduled');
  }
  return {
    nextRuns(target) {
      const t = tasks.get(target);
      const iso = (task?: ScheduledTask) => task?.getNextRun()?.toISOString() ?? null;
      return { full: iso(t?.full), hot: iso(t?.hot) };
    },
    async stop() {
      for (const { full, hot } of tasks.values()) {
        await full.destroy();
        await hot.destroy();
      }
      tasks.clear();
    },
  };
}
