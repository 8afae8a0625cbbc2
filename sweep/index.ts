import { createHash } from 'node:crypto';
import type { Logger } from '../core/logger.js';
import { SEVERITY_RANK, isPageable, type DetectionResult, type Severity } from '../core/types.js';
import { maskValue } from '../core/mask.js';
import { crawl, DEFAULT_CRAWL_OPTIONS, type CrawlInput, type CrawlSummary, type CrawlEvent, type SkipReason } from '../crawler/index.js';
import { AllowList } from '../detectors/index.js';
import { DetectionPool, type DetectionPoolOptions } from '../detectors/pool.js';
import type { LeakwatchStore } from '../storage/index.js';
import { UserStore } from '../storage/users.js';
import type { SweepFindingJson, SweepReportJson } from './types.js';
import { captureEvidence, type EvidenceTarget } from './evidence.js';
import { DetectionError, describeError } from '../core/errors.js';

export type { SweepFindingJson, SweepReportJson } from './types.js';

/**
 * One sweep: crawl → detect → store. Alert rows land in the outbox inside storage's
 * transaction; sending them is the dispatcher's job (alerts/), so a crash here loses nothing.
 */
export interface SweepOptions {
  target: string;
  startUrls: string[];
  mode: 'full' | 'hot' | 'ondemand';
  store: LeakwatchStore;
  logger: Logger;
  crawl?: Partial<Omit<CrawlInput, 'startUrls' | 'logger' | 'state' | 'runId'>>;
  signal?: AbortSignal;
  /** Show raw values in the report (the user asked with --reveal). Stored data is unaffected. */
  reveal?: boolean;
  dashboardUrl?: string;
  allowList?: AllowList;
  /** Screenshot the region of each new high/critical finding, highlighted (default true). */
  evidence?: boolean;
  /**
   * Where pages are detected: a pool the caller keeps (the service's, warm between sweeps), or options
   * for one this sweep starts and closes. Each page has a deadline; a page past it is recorded as an error.
   */
  detection?: DetectionPool | DetectionPoolOptions;
  /** Called for each crawl event after it has been stored (progress bars, metrics). */
  onEvent?: (event: CrawlEvent, newFindings: SweepFindingJson[]) => void;
}

export interface SweepResult {
  report: SweepReportJson;
  crawl: CrawlSummary;
  complete: boolean;
  skipped: Partial<Record<SkipReason, number>>;
  autoResolved: number;
}

/** Stable, short prefix for record ids on one URL: the same page gives the same ids on every run. */
export function recordPrefixFor(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 10);
}

/** Distinct private people named in records that are themselves pageable (a person tied to something). */
export function collectSubjects(results: DetectionResult[], into: Set<string>): void {
  const recordSeverity = new Map<string, Severity>();
  for (const r of results) {
    for (const f of r.findings) {
      if (!f.recordId) continue;
      const prev = recordSeverity.get(f.recordId);
      if (!prev || SEVERITY_RANK[f.severity] > SEVERITY_RANK[prev]) recordSeverity.set(f.recordId, f.severity);
    }
  }
  for (const record of results.flatMap((r) => r.records)) {
    const severity = recordSeverity.get(record.recordId);
    if (severity && isPageable(severity)) for (const key of record.subjectKeys) into.add(key);
  }
}

export async function runSweep(opts: SweepOptions): Promise<SweepResult> {
  const { store, target } = opts;
  const resumable = store.findInterruptedRun(target);
  const run = resumable ? { id: resumable.id, startedAt: new Date().toISOString() } : store.startRun({ target, mode: opts.mode, startUrls: opts.startUrls });
  const log = opts.logger.child({ runId: run.id, target, mode: opts.mode });
  log.info({ startUrls: opts.startUrls, resumed: Boolean(resumable) }, 'sweep started');
  const released = new UserStore(store.db).lapseExpiredAllowEntries(store);
  if (released.length) log.info({ incidents: released }, 'allow-list entries expired: these incidents alert again if seen');

  const allowList = opts.allowList ?? new AllowList();
  const findings: SweepFindingJson[] = [];
  const subjects = new Set<string>();
  const fetchedOk = new Set<string>();
  let newIncidents = 0;
  let detectionErrors = 0;
  const ownPool = !(opts.detection instanceof DetectionPool);
  const pool = opts.detection instanceof DetectionPool ? opts.detection : new DetectionPool(opts.detection);
  const evidenceTargets = new Map<string, EvidenceTarget[]>();

  const toJson = (f: { finding: { entity: SweepFindingJson['entity']; value: string; score: number; severity: Severity; recordId: string | null }; location: string; incidentId: string | null; isNew: boolean; masked?: string }, url: string): SweepFindingJson => ({
    url,
    location: f.location,
    entity: f.finding.entity,
    value: opts.reveal ? f.finding.value : (f.masked ?? maskValue(f.finding.entity, f.finding.value)),
    score: Math.round(f.finding.score * 100) / 100,
    severity: f.finding.severity,
    recordId: f.finding.recordId,
    incidentId: f.incidentId,
    isNew: f.isNew,
  });

  const handle = async (event: CrawlEvent): Promise<void> => {
    let added: SweepFindingJson[] = [];
    if (event.type === 'resource') {
      const { resource } = event;
      if (event.unchanged) {
        store.recordResource(run.id, { url: resource.url, kind: resource.kind, status: resource.status, contentHash: resource.contentHash, fetchedAt: resource.fetchedAt });
        if (resource.status < 400) fetchedOk.add(resource.url);
        added = store.markUnchanged(run.id, resource.url).map((f) => toJson(f, resource.url));
        for (const key of store.subjectKeysFor(resource.url)) subjects.add(key);
      } else {
        let results: Awaited<ReturnType<DetectionPool['detectPage']>>;
        try {
          results = await pool.detectPage(resource.blocks, { url: resource.url, allowList, recordIdPrefix: recordPrefixFor(resource.url) });
        } catch (err) {
          if (!(err instanceof DetectionError)) throw err;
          // not scanned: recorded as an error, so it proves nothing (no auto-resolve) and is read afresh next sweep
          detectionErrors++;
          store.recordResource(run.id, { url: resource.url, kind: resource.kind, status: resource.status, contentHash: '', fetchedAt: resource.fetchedAt, error: err.message.split('\n')[0] });
          log.error({ url: resource.url, reason: err.reason, blocks: resource.blocks.length }, 'detection stopped on this page; recorded as an error, the sweep goes on');
          opts.onEvent?.(event, []);
          throw err;
        }
        store.recordResource(run.id, { url: resource.url, kind: resource.kind, status: resource.status, contentHash: resource.contentHash, fetchedAt: resource.fetchedAt });
        if (resource.status < 400) fetchedOk.add(resource.url);
        const stored = store.recordDetections({ runId: run.id, target, resource, results, dashboardUrl: opts.dashboardUrl });
        newIncidents += stored.newIncidents;
        if (resource.kind === 'page') collectEvidenceTargets(resource.url, stored.findings, evidenceTargets);
        added = stored.findings.map((f) => toJson(f, resource.url));
        collectSubjects(results, subjects);
      }
      findings.push(...added);
      const serious = added.filter((f) => isPageable(f.severity)).length;
      if (serious) log.warn({ url: resource.url, findings: added.length, highOrCritical: serious }, 'personal data found');
    } else if (event.type === 'skipped') {
      store.recordSkipped(run.id, event.url, event.reason, event.detail);
    } else if (event.type === 'error') {
      store.recordResource(run.id, { url: event.url, kind: 'page', status: event.status ?? 0, contentHash: '', fetchedAt: new Date().toISOString(), error: event.message });
      log.warn({ url: event.url, status: event.status, reason: event.message }, 'fetch failed; the sweep goes on');
    }
    opts.onEvent?.(event, added);
  };

  let crawlSummary: CrawlSummary;
  let status: 'completed' | 'failed' | 'interrupted' = 'completed';
  try {
    crawlSummary = await crawl(
      { ...DEFAULT_CRAWL_OPTIONS, ...opts.crawl, startUrls: opts.startUrls, mode: opts.mode === 'hot' ? 'hot' : 'full', logger: log, signal: opts.signal, state: store, runId: run.id },
      handle,
    );
    if (!crawlSummary.complete) status = 'interrupted';
  } catch (err) {
    store.finishRun(run.id, { pages: 0, documents: 0, errors: 1, status: 'failed' });
    log.error({ err }, 'sweep failed');
    throw err;
  } finally {
    if (ownPool) await pool.close();
  }
  const errors = crawlSummary.errors + detectionErrors;

  if (opts.evidence !== false && evidenceTargets.size && !opts.signal?.aborted) {
    const shots = await captureEvidence(evidenceTargets, { logger: log, chromiumPath: opts.crawl?.chromiumPath, userAgent: opts.crawl?.userAgent })
      .catch((err) => { log.warn({ reason: describeError(err) }, 'evidence screenshots failed; text snapshots are kept'); return []; });
    for (const shot of shots) store.saveEvidenceScreenshot(shot.occurrenceId, shot.png);
    log.info({ pages: evidenceTargets.size, screenshots: shots.length }, 'evidence screenshots stored (encrypted)');
  }

  // Only URLs fetched successfully in this run may clear an incident; a failed or skipped page proves nothing.
  const autoResolved = store.autoResolve(run.id, target, fetchedOk);
  const { finishedAt } = store.finishRun(run.id, {
    pages: crawlSummary.pages, documents: crawlSummary.documents, errors, status, skipped: crawlSummary.skipped as Record<string, number>,
  });

  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.url.localeCompare(b.url));
  const report: SweepReportJson = {
    run: { id: run.id, startedAt: run.startedAt, finishedAt, pages: crawlSummary.pages, documents: crawlSummary.documents, errors, status: crawlSummary.complete ? 'completed' : 'interrupted' },
    findings,
    summary: { critical: count('critical'), high: count('high'), medium: count('medium'), low: count('low'), newIncidents, dataSubjects: subjects.size },
  };
  log.info({ ...report.summary, pages: crawlSummary.pages, errors, autoResolved, status }, 'sweep finished');
  return { report, crawl: crawlSummary, complete: crawlSummary.complete, skipped: crawlSummary.skipped, autoResolved };
}

/** New high/critical occurrences on a page, grouped so each occurrence gets one highlighted screenshot. */
function collectEvidenceTargets(
  url: string,
  findings: Array<{ finding: { value: string; severity: Severity }; location: string; isNew: boolean; occurrenceId?: number }>,
  into: Map<string, EvidenceTarget[]>,
): void {
  const byOccurrence = new Map<number, EvidenceTarget>();
  for (const f of findings) {
    if (!f.isNew || !isPageable(f.finding.severity) || f.occurrenceId === undefined) continue;
    const target = byOccurrence.get(f.occurrenceId) ?? { occurrenceId: f.occurrenceId, location: f.location, values: [] };
    target.values.push(f.finding.value);
    byOccurrence.set(f.occurrenceId, target);
  }
  if (byOccurrence.size) into.set(url, [...(into.get(url) ?? []), ...byOccurrence.values()]);
}

/** Exit status contract: 1 when the sweep turned up a new high or critical finding. */
export function hasNewPageable(report: SweepReportJson): boolean {
  return report.findings.some((f) => f.isNew && isPageable(f.severity));
}
