import { resolve } from 'node:path';
import type { Logger } from '../core/logger.js';
import { allowEntriesFromConfig, type LeakwatchConfig } from '../config/index.js';
import type {
  MonitorAlertSink, OutboxDepth, OutboxDispatcher, RunSweepFn, ServiceStore,
} from './types.js';
import type { ServiceOptions, ServicePlugin } from './index.js';

/** Names Leakwatch and the operator's contact, as the crawler's robots check and the site owner expect. */
export function userAgentFor(contact: string): string {
  const reach = contact.includes('@') && !contact.startsWith('mailto:') ? `mailto:${contact}` : contact;
  return `Leakwatch/0.1 (+${reach}; personal-data leak monitor)`;
}

/** CrawlOptions fields taken from the config (the sweep fills in the rest). */
export function crawlOptionsFor(config: LeakwatchConfig): Record<string, unknown> {
  const c = config.crawl;
  return {
    concurrency: c.concurrency,
    ratePerSecond: c.ratePerSecond,
    maxPages: c.maxPages,
    userAgent: userAgentFor(c.userAgentContact),
    pageTimeoutMs: c.pageTimeoutMs,
    sweepTimeoutMs: c.sweepTimeoutMs,
    renderPolicy: c.render,
    renderConcurrency: c.renderConcurrency,
    ...(c.chromiumPath ? { chromiumPath: c.chromiumPath } : {}),
  };
}

/** Maps whatever shape the store's outboxStats() has onto pending/dead counts; undefined when unknown. */
export function outboxDepthOf(store: ServiceStore): OutboxDepth | undefined {
  const stats = store.outboxStats?.() as Record<string, unknown> | undefined;
  if (!stats || typeof stats !== 'object') return undefined;
  const num = (...keys: string[]) => {
    for (const k of keys) if (typeof stats[k] === 'number') return stats[k] as number;
    return 0;
  };
  return { pending: num('pending', 'queued', 'depth'), dead: num('dead', 'deadLetters', 'deadLettered') };
}

/** Used when no outbox is available (tests): the alert still shows in the log and in /healthz. */
export function loggingMonitorSink(logger: Logger): MonitorAlertSink {
  return {
    unreachable: (e) => logger.error({ target: e.target, failures: e.consecutiveFailures, reason: e.reason }, 'monitor.unreachable'),
    recovered: (e) => logger.info({ target: e.target }, 'monitor.recovered'),
  };
}

export interface ServiceDeps {
  store: ServiceStore;
  dispatcher: OutboxDispatcher | null;
  monitorAlerts: MonitorAlertSink;
  runSweep: RunSweepFn;
  makeAllowList: () => Promise<unknown>;
  plugins: ServicePlugin[];
}

/**
 * Opens the real modules (storage, alerts, sweep, detectors, dashboard) unless the caller injected
 * its own. Imported lazily so the service can be tested with fakes while those modules change.
 */
export async function openServiceDeps(config: LeakwatchConfig, opts: ServiceOptions, logger: Logger): Promise<ServiceDeps> {
  const ownStore = opts.store === undefined;
  let store: ServiceStore;
  let realStore: import('../storage/index.js').LeakwatchStore | undefined;
  if (opts.store) {
    store = opts.store;
  } else {
    const { LeakwatchStore } = await import('../storage/index.js');
    realStore = LeakwatchStore.open(resolve(config.storage.path), {
      logger: opts.logger,
      hmacSecret: config.security.fingerprintSecret,
      encryptionKey: config.security.encryptionKey,
    });
    store = realStore as unknown as ServiceStore;
  }

  let dispatcher: OutboxDispatcher | null = opts.dispatcher ?? null;
  if (opts.dispatcher === undefined && realStore) {
    const { buildChannels, AlertDispatcher } = await import('../alerts/index.js');
    const channels = buildChannels({ ...config.alerts, outboxDir: resolve(config.alerts.outboxDir) }, opts.logger);
    dispatcher = new AlertDispatcher(realStore, channels, opts.logger) as unknown as OutboxDispatcher;
  }

  // With the real store, monitor alerts go through store.recordCycle (same outbox, retries and dedup
  // as incident alerts); this sink is only used when the store cannot persist cycles.
  const monitorAlerts = opts.monitorAlerts ?? loggingMonitorSink(logger);

  let runSweep = opts.runSweep;
  if (!runSweep) {
    const sweep = await import('../sweep/index.js');
    if (!realStore) throw new Error('the real sweep needs the real store: inject runSweep together with store');
    const bound = realStore;
    runSweep = async (o) => {
      const result = await sweep.runSweep({
        ...o,
        store: bound,
        crawl: o.crawl as Parameters<typeof sweep.runSweep>[0]['crawl'],
        allowList: o.allowList as Parameters<typeof sweep.runSweep>[0]['allowList'],
        detection: o.detection,
      });
      return { report: result.report, complete: result.complete };
    };
  }

  const makeAllowList = async (): Promise<unknown> => {
    if (opts.runSweep) return undefined;
    const { AllowList } = await import('../detectors/index.js');
    return new AllowList(allowEntriesFromConfig(config));
  };

  const plugins: ServicePlugin[] = [];
  if (ownStore && !opts.plugins && realStore) {
    // The review dashboard (issue 7) shares the port; it asks for a session on every page but /healthz and /metrics.
    const { registerDashboard } = await import('../dashboard/index.js');
    const dashboardStore = realStore;
    plugins.push((app, service) => registerDashboard(app, {
      store: dashboardStore,
      logger: opts.logger,
      config: { dashboard: config.dashboard, targets: config.targets },
      triggerSweep: (target) => service.triggerSweep(target, 'ondemand'),
      options: { chromiumPath: config.crawl.chromiumPath },
    }));
  }
  return { store, dispatcher, monitorAlerts, runSweep, makeAllowList, plugins };
}
