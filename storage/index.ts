import { randomUUID } from 'node:crypto';
import { accessSync, constants as fsConstants, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as DB, Statement } from 'better-sqlite3';
import { StorageError, describeError } from '../core/errors.js';
import { silentLogger, type Logger } from '../core/logger.js';
import { maskValue } from '../core/mask.js';
import {
  SEVERITY_RANK, isPageable,
  type DetectedRecord, type DetectionResult, type Entity, type ExtractedResource, type Finding, type ResourceKind, type Severity, type SubjectRole,
} from '../core/types.js';
import type { CrawlStateStore, FrontierEntry, PageState } from '../crawler/types.js';
import type { AlertKind, AlertPayload } from '../alerts/types.js';
import { buildAlertPayload, fromMaskedColumn, maskForAlert, monitorIncidentId, type MaskedValue } from '../alerts/payload.js';
import { subjectKey } from '../detectors/subject.js';
import { MIGRATIONS } from './migrations/index.js';
import { Fingerprinter, Sealer, defaultSecretsDir, loadSecrets } from './secrets.js';
import type {
  AuditRow, DeliveryRow, ExposureSummary, IncidentDetail, IncidentFilter, IncidentRow, IncidentStatus, MonitorKind, OccurrenceRow,
  OutboxRow, RunMode, RunRow, RunStatus, StoredFinding,
} from './types.js';

export * from './types.js';
export { normaliseValue } from './secrets.js';

export const DEFAULT_DB_PATH = './data/leakwatch.db';

export interface StoreOpenOptions {
  secretsDir?: string;
  hmacSecret?: string;
  encryptionKey?: string;
  logger?: Logger;
  busyTimeoutMs?: number;
}

type Row = Record<string, unknown>;

const OPEN_STATUSES: IncidentStatus[] = ['new', 'acknowledged'];
const SUPPRESSED: IncidentStatus[] = ['false-positive', 'accepted-risk'];

/** Purposes bind each sealed blob to its column, so a blob moved elsewhere will not decrypt. */
const P = { value: 'incident.value', finding: 'finding.value', evidence: 'occurrence.evidence', screenshot: 'occurrence.screenshot', subjects: 'resource.subjects' } as const;

const maxSeverity = (a: Severity, b: Severity): Severity => (SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b);
const json = (v: unknown): string => JSON.stringify(v);
const parse = <T>(s: unknown, fallback: T): T => (typeof s === 'string' && s ? (JSON.parse(s) as T) : fallback);

const LEASE_OWNER = `${hostname()}:${process.pid}`;

/** True when the lease owner was a process on this host that has since died. */
function leaseHolderIsGone(owner: string | null): boolean {
  if (!owner) return false;
  const sep = owner.lastIndexOf(':');
  const host = owner.slice(0, sep);
  const pid = Number(owner.slice(sep + 1));
  if (host !== hostname() || !Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function directoryWritable(dir: string): boolean {
  try {
    accessSync(dir, fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function storageHint(err: unknown, path: string): StorageError {
  const code = (err as { code?: string })?.code ?? '';
  const msg = describeError(err);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || /locked|busy/i.test(msg)) {
    return new StorageError(`The database ${path} is locked by another process`, 'Wait for the other sweep or service to finish, or point --db at another file.', { cause: err });
  }
  if (code === 'SQLITE_READONLY' || /readonly|read-only|EACCES|EROFS/i.test(code + msg)) {
    return new StorageError(`The database ${path} is read-only`, 'Make the file and its directory writable by this user, or choose another path with --db.', { cause: err });
  }
  if (code === 'SQLITE_FULL' || /ENOSPC|disk is full|database or disk is full/i.test(code + msg)) {
    return new StorageError(`The disk holding ${path} is full`, 'Free some space (or run the retention purge) and try again; nothing was lost from the outbox.', { cause: err });
  }
  if (code === 'SQLITE_CANTOPEN' || /ENOENT|unable to open/i.test(code + msg)) {
    // SQLite says only "unable to open": find out whether the directory is read-only, which is the usual cause.
    if (!directoryWritable(dirname(path))) {
      return new StorageError(`The database ${path} cannot be opened: its directory ${dirname(path)} is read-only`, 'Make the directory writable by this user (or remount the volume read-write), or choose another path with --db.', { cause: err });
    }
    return new StorageError(`Cannot open the database ${path}`, 'Check that the directory exists and is writable, or choose another path with --db.', { cause: err });
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new StorageError(`The database ${path} is corrupt or not a Leakwatch database`, 'Restore it from a backup or move it aside to start fresh.', { cause: err });
  }
  return new StorageError(`Database error on ${path}: ${msg}`, 'See the cause above; retrying is safe.', { cause: err });
}

/**
 * All SQL lives here. Every change a detection causes (finding, occurrence, incident, outbox row)
 * commits in one transaction per resource, so a crash leaves either all of it or none of it.
 */
export class LeakwatchStore implements CrawlStateStore {
  private readonly stmts = new Map<string, Statement>();
  private readonly runCache = new Map<number, RunRow>();

  private constructor(
    readonly db: DB,
    readonly path: string,
    private readonly sealer: Sealer,
    private readonly fp: Fingerprinter,
    private readonly log: Logger,
  ) {}

  static open(path: string = DEFAULT_DB_PATH, opts: StoreOpenOptions = {}): LeakwatchStore {
    const log = (opts.logger ?? silentLogger).child({ component: 'storage' });
    const memory = path === ':memory:';
    const full = memory ? path : resolve(path);
    let db: DB;
    try {
      if (!memory) mkdirSync(dirname(full), { recursive: true });
      db = new Database(full, { timeout: opts.busyTimeoutMs ?? 5000 });
    } catch (err) {
      throw storageHint(err, full);
    }
    try {
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 5000))}`);
      if (!memory) db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // Freed pages (purged evidence, replaced snapshots) are zeroed, not left readable in the file.
      db.pragma('secure_delete = ON');
      const secrets = loadSecrets({ secretsDir: opts.secretsDir ?? defaultSecretsDir(full), hmacSecret: opts.hmacSecret, encryptionKey: opts.encryptionKey });
      const store = new LeakwatchStore(db, full, new Sealer(secrets.encryptionKey), new Fingerprinter(secrets.hmacSecret), log);
      store.migrate();
      store.checkKey();
      log.debug({ db: full, secrets: secrets.source, secretsFile: secrets.file }, 'database open');
      return store;
    } catch (err) {
      db.close();
      if (err instanceof StorageError) throw err;
      throw storageHint(err, full);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // -------------------------------------------------------------------------
  // plumbing

  private stmt(sql: string): Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private get<T = Row>(sql: string, ...params: unknown[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }

  private all<T = Row>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }

  private run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.stmt(sql).run(...params);
  }

  private tx<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (err) {
      if (err instanceof StorageError || !(err as { code?: string })?.code?.startsWith?.('SQLITE')) throw err;
      throw storageHint(err, this.path);
    }
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    this.db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const applied = new Set(this.all<{ version: number }>('SELECT version FROM schema_migrations').map((r) => r.version));
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    const newest = Math.max(0, ...applied);
    if (newest > latest) {
      throw new StorageError(`The database ${this.path} has schema version ${newest}, newer than this Leakwatch (${latest})`, 'Upgrade Leakwatch, or use another --db file.');
    }
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', m.version, m.name, new Date().toISOString());
      }).immediate();
      this.log.info({ version: m.version, name: m.name }, 'database migrated');
    }
  }

  private checkKey(): void {
    const check = this.sealer.keyCheck();
    const row = this.get<{ value: string }>("SELECT value FROM meta WHERE key = 'key_check'");
    if (!row) this.run("INSERT INTO meta (key, value) VALUES ('key_check', ?)", check);
    else if (row.value !== check) {
      throw new StorageError(
        `The encryption key does not match the one that created ${this.path}`,
        'Restore the original LEAKWATCH_ENCRYPTION_KEY or secrets file (.leakwatch-secrets.json next to the database).',
      );
    }
  }

  /**
   * Housekeeping for a long-running service: checkpoint and truncate the WAL (it grows without
   * bound under constant readers) and let SQLite refresh its planner statistics.
   */
  maintenance(): { walPagesCheckpointed: number } {
    const [r] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ checkpointed: number }>;
    this.db.pragma('optimize');
    return { walPagesCheckpointed: r?.checkpointed ?? 0 };
  }

  schemaVersion(): number {
    return this.get<{ v: number }>('SELECT MAX(version) AS v FROM schema_migrations')?.v ?? 0;
  }

  // -------------------------------------------------------------------------
  // runs

  startRun(input: { target: string; mode: RunMode; startUrls: string[] }): { id: number; startedAt: string } {
    const startedAt = new Date().toISOString();
    return this.tx(() => {
      // Baseline = no earlier sweep of this target got as far as completing.
      const previous = this.get<{ n: number }>("SELECT COUNT(*) AS n FROM runs WHERE target = ? AND status = 'completed'", input.target)?.n ?? 0;
      const info = this.run(
        'INSERT INTO runs (target, mode, start_urls, started_at, status, baseline) VALUES (?, ?, ?, ?, ?, ?)',
        input.target, input.mode, json(input.startUrls), startedAt, 'running', previous === 0 && input.mode !== 'scan' ? 1 : 0,
      );
      return { id: Number(info.lastInsertRowid), startedAt };
    });
  }

  finishRun(runId: number, stats: { pages: number; documents: number; errors: number; status: Exclude<RunStatus, 'running'>; skipped?: Record<string, number> }): { finishedAt: string } {
    const finishedAt = new Date().toISOString();
    this.tx(() => {
      this.run(
        'UPDATE runs SET finished_at = ?, status = ?, pages = ?, documents = ?, errors = ?, skipped = ? WHERE id = ?',
        finishedAt, stats.status, stats.pages, stats.documents, stats.errors, json(stats.skipped ?? {}), runId,
      );
      // The frontier only serves resuming; a completed run's is dead weight (it grew the DB every cycle).
      if (stats.status === 'completed') this.run('DELETE FROM frontier WHERE run_id = ?', runId);
      const run = this.getRun(runId);
      if (run) this.flushMediumDigest(run.target, finishedAt);
    });
    this.runCache.delete(runId);
    return { finishedAt };
  }

  /** A run that was stopped (crash, signal, watchdog) and can be resumed with its frontier. */
  findInterruptedRun(target: string): { id: number } | undefined {
    const row = this.get<{ id: number }>(
      "SELECT id FROM runs WHERE target = ? AND status IN ('running','interrupted') AND mode != 'scan' ORDER BY id DESC LIMIT 1", target,
    );
    // No side effect: asking is not resuming. The resumed run is closed by finishRun() as usual.
    return row ? { id: row.id } : undefined;
  }

  getRun(runId: number): RunRow | undefined {
    const cached = this.runCache.get(runId);
    if (cached) return cached;
    const r = this.get<Row>('SELECT * FROM runs WHERE id = ?', runId);
    if (!r) return undefined;
    const row: RunRow = {
      id: Number(r.id), target: String(r.target), mode: r.mode as RunMode, startUrls: parse(r.start_urls, []), startedAt: String(r.started_at),
      finishedAt: (r.finished_at as string) ?? null, status: r.status as RunStatus, baseline: r.baseline === 1,
      pages: Number(r.pages), documents: Number(r.documents), errors: Number(r.errors), skipped: parse(r.skipped, {}),
    };
    if (row.status === 'running') this.runCache.set(runId, row);
    return row;
  }

  listRuns(target?: string, limit = 50): RunRow[] {
    const ids = target
      ? this.all<{ id: number }>('SELECT id FROM runs WHERE target = ? ORDER BY id DESC LIMIT ?', target, limit)
      : this.all<{ id: number }>('SELECT id FROM runs ORDER BY id DESC LIMIT ?', limit);
    return ids.map((r) => this.getRun(r.id)!).filter(Boolean);
  }

  private requireRun(runId: number): RunRow {
    const run = this.getRun(runId);
    if (!run) throw new StorageError(`Run ${runId} does not exist`, 'Start a run with startRun() before recording into it.');
    return run;
  }

  // -------------------------------------------------------------------------
  // resources and crawl state (CrawlStateStore)

  recordResource(runId: number, r: { url: string; kind: ResourceKind; status: number; contentHash: string; fetchedAt: string; error?: string | null }): void {
    this.tx(() => this.upsertFetch(runId, r));
  }

  private upsertFetch(runId: number, r: { url: string; kind: ResourceKind; status: number; contentHash: string; fetchedAt: string; error?: string | null }): void {
    const ok = !r.error && r.status > 0 && r.status < 400 ? 1 : 0;
    this.run(
      `INSERT INTO fetches (run_id, url, kind, status, content_hash, fetched_at, error, ok) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (run_id, url) DO UPDATE SET kind = excluded.kind, status = excluded.status, content_hash = excluded.content_hash,
         fetched_at = excluded.fetched_at, error = excluded.error, ok = excluded.ok`,
      runId, r.url, r.kind, r.status, r.contentHash || null, r.fetchedAt, r.error ?? null, ok,
    );
    // A failed fetch keeps the last good validators and hash: it proves nothing about the content.
    if (ok) {
      this.run(
        `INSERT INTO resources (url, kind, content_hash, last_status, last_fetched_at, last_error, last_run_id) VALUES (?, ?, ?, ?, ?, NULL, ?)
         ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, content_hash = COALESCE(excluded.content_hash, resources.content_hash),
           last_status = excluded.last_status, last_fetched_at = excluded.last_fetched_at, last_error = NULL, last_run_id = excluded.last_run_id`,
        r.url, r.kind, r.contentHash || null, r.status, r.fetchedAt, runId,
      );
    } else {
      this.run(
        `INSERT INTO resources (url, kind, last_status, last_error, last_run_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET last_status = excluded.last_status, last_error = excluded.last_error, last_run_id = excluded.last_run_id`,
        r.url, r.kind, r.status, r.error ?? `HTTP ${r.status}`, runId,
      );
    }
  }

  getPageState(url: string): PageState | undefined {
    const r = this.get<Row>('SELECT url, etag, last_modified, content_hash, last_status, last_fetched_at FROM resources WHERE url = ?', url);
    if (!r) return undefined;
    return {
      url: String(r.url), etag: (r.etag as string) ?? null, lastModified: (r.last_modified as string) ?? null, contentHash: (r.content_hash as string) ?? null,
      lastStatus: (r.last_status as number) ?? null, lastFetchedAt: (r.last_fetched_at as string) ?? null,
    };
  }

  savePageState(s: PageState): void {
    this.run(
      `INSERT INTO resources (url, kind, etag, last_modified, content_hash, last_status, last_fetched_at) VALUES (?, 'page', ?, ?, ?, ?, ?)
       ON CONFLICT (url) DO UPDATE SET etag = COALESCE(excluded.etag, resources.etag), last_modified = COALESCE(excluded.last_modified, resources.last_modified),
         content_hash = COALESCE(excluded.content_hash, resources.content_hash), last_status = COALESCE(excluded.last_status, resources.last_status),
         last_fetched_at = COALESCE(excluded.last_fetched_at, resources.last_fetched_at)`,
      s.url, s.etag ?? null, s.lastModified ?? null, s.contentHash ?? null, s.lastStatus ?? null, s.lastFetchedAt ?? null,
    );
  }

  forgetPageContent(url: string): void {
    this.run('UPDATE resources SET content_hash = NULL, etag = NULL, last_modified = NULL WHERE url = ?', url);
  }

  frontierPending(runId: number): FrontierEntry[] {
    return this.all<Row>("SELECT url, depth, priority, parent_url FROM frontier WHERE run_id = ? AND state = 'pending' ORDER BY priority DESC, rowid", runId)
      .map((r) => ({ url: String(r.url), depth: Number(r.depth), priority: Number(r.priority), parentUrl: (r.parent_url as string) ?? null }));
  }

  frontierPush(runId: number, entries: FrontierEntry[]): void {
    this.tx(() => {
      for (const e of entries) {
        this.run('INSERT OR IGNORE INTO frontier (run_id, url, depth, priority, parent_url) VALUES (?, ?, ?, ?, ?)', runId, e.url, e.depth, e.priority, e.parentUrl ?? null);
      }
    });
  }

  frontierDone(runId: number, url: string, outcome: 'done' | 'error' | 'skipped'): void {
    this.run(
      `INSERT INTO frontier (run_id, url, depth, priority, state) VALUES (?, ?, 0, 0, ?)
       ON CONFLICT (run_id, url) DO UPDATE SET state = excluded.state`, runId, url, outcome,
    );
  }

  // -------------------------------------------------------------------------
  /** A URL the crawl chose not to fetch (robots, scope, cap, trap, too large…), with why. */
  recordSkipped(runId: number, url: string, reason: string, detail?: string | null): void {
    this.run('INSERT OR REPLACE INTO skipped_urls (run_id, url, reason, detail, at) VALUES (?, ?, ?, ?, ?)', runId, url, reason, detail ?? null, new Date().toISOString());
  }

  listSkipped(runId: number, limit = 1000): Array<{ url: string; reason: string; detail: string | null }> {
    return this.all<{ url: string; reason: string; detail: string | null }>('SELECT url, reason, detail FROM skipped_urls WHERE run_id = ? ORDER BY reason, url LIMIT ?', runId, limit);
  }

  // detections → findings, occurrences, incidents, outbox

  recordDetections(input: {
    runId: number;
    target: string;
    resource: ExtractedResource;
    results: Array<DetectionResult & { blockIndex: number }>;
    dashboardUrl?: string;
  }): { findings: StoredFinding[]; newIncidents: number } {
    const { runId, target, resource } = input;
    return this.tx(() => {
      const run = this.requireRun(runId);
      const now = new Date().toISOString();
      const seenAt = resource.fetchedAt || now;
      this.upsertFetch(runId, resource);

      // Case records: the record is the incident; its people and addresses fingerprint it.
      const caseRecords = new Map<string, DetectedRecord>();
      const recordAddresses = new Map<string, string[]>();
      const subjects = new Set<string>();
      const recordSeverity = new Map<string, Severity>();
      for (const res of input.results) {
        for (const rec of res.records) if (rec.isCaseRecord) caseRecords.set(rec.recordId, rec);
        for (const f of res.findings) {
          if (!f.recordId) continue;
          recordSeverity.set(f.recordId, maxSeverity(recordSeverity.get(f.recordId) ?? 'low', f.severity));
          if (f.entity === 'ADDRESS' || f.entity === 'POSTCODE') recordAddresses.set(f.recordId, [...(recordAddresses.get(f.recordId) ?? []), f.value]);
        }
      }
      for (const res of input.results) for (const rec of res.records) {
        const sev = recordSeverity.get(rec.recordId);
        if (sev && isPageable(sev)) for (const k of rec.subjectKeys) subjects.add(k);
      }

      interface Group { fingerprint: string; kind: 'value' | 'record'; record?: DetectedRecord; findings: Array<{ f: Finding; blockIndex: number }> }
      const groups = new Map<string, Group>();
      for (const res of input.results) {
        for (const f of res.findings) {
          const rec = f.recordId ? caseRecords.get(f.recordId) : undefined;
          const fingerprint = rec
            ? this.fp.caseRecord(rec.subjectKeys, recordAddresses.get(rec.recordId) ?? [])
            : this.fp.value(f.entity, f.value);
          let g = groups.get(fingerprint);
          if (!g) groups.set(fingerprint, (g = { fingerprint, kind: rec ? 'record' : 'value', record: rec, findings: [] }));
          g.findings.push({ f, blockIndex: res.blockIndex });
        }
      }

      const out: StoredFinding[] = [];
      let newIncidents = 0;
      for (const g of groups.values()) {
        const { incidentId, isNew, opened } = this.upsertIncident(run, target, g, seenAt, now, input.dashboardUrl, resource.url);
        if (opened) newIncidents += 1;
        // One occurrence per URL + location (block); findings hang off it.
        const byBlock = new Map<number, Array<{ f: Finding; blockIndex: number }>>();
        for (const x of g.findings) byBlock.set(x.blockIndex, [...(byBlock.get(x.blockIndex) ?? []), x]);
        for (const [blockIndex, items] of byBlock) {
          const block = resource.blocks[blockIndex];
          const location = block?.location ?? `block ${blockIndex}`;
          const occurrenceId = this.upsertOccurrence(runId, incidentId, resource, location, block, seenAt);
          for (const { f } of items) {
            const masked = maskValue(f.entity, f.value);
            this.run(
              `INSERT INTO findings (run_id, occurrence_id, incident_id, url, location, entity, masked_value, value_enc, score, severity, record_id,
                 start_offset, end_offset, detector, reasons, is_new) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              runId, occurrenceId, incidentId, resource.url, location, f.entity, masked, this.sealer.seal(f.value, P.finding), f.score, f.severity,
              f.recordId, f.start, f.end, f.detector, json(f.reasons), isNew ? 1 : 0,
            );
            out.push({ finding: f, location, incidentId, isNew, masked, occurrenceId });
          }
        }
      }
      this.run('UPDATE resources SET subjects_enc = ? WHERE url = ?', subjects.size ? this.sealer.seal(json([...subjects]), P.subjects) : null, resource.url);
      return { findings: out, newIncidents };
    });
  }

  private upsertIncident(
    run: RunRow, target: string, g: { fingerprint: string; kind: 'value' | 'record'; record?: DetectedRecord; findings: Array<{ f: Finding }> },
    seenAt: string, now: string, dashboardUrl: string | undefined, url: string,
  ): { incidentId: string; isNew: boolean; opened: boolean } {
    const fs = g.findings.map((x) => x.f);
    const severity = fs.reduce<Severity>((s, f) => maxSeverity(s, f.severity), 'low');
    const entities = [...new Set(fs.map((f) => f.entity))];
    const distinct = new Map<string, { entity: Entity; value: string }>();
    for (const f of fs) distinct.set(`${f.entity}\0${f.value}`, { entity: f.entity, value: f.value });
    const parts = [...distinct.values()];
    const maskedParts = [...new Set(parts.map((p) => maskValue(p.entity, p.value)))];
    const masked = g.kind === 'record'
      ? maskedParts.join('; ')
      : maskedParts[0];
    const sealedValue = g.kind === 'record'
      ? this.sealer.seal(json(parts), P.value)
      : this.sealer.seal(parts[0].value, P.value);
    const mainEntity: Entity = g.kind === 'record' ? 'PERSON' : fs[0].entity;
    const subjectHashes = g.record ? [...new Set(g.record.subjectKeys.map((k) => this.fp.subject(k)))] : mainEntity === 'PERSON' ? [this.fp.subject(subjectKey(parts[0].value))] : [];
    const roles: SubjectRole[] = g.record?.roles ?? [];
    const natures = g.record?.natures ?? [];
    const pageable = isPageable(severity);

    const existing = this.get<Row>('SELECT * FROM incidents WHERE fingerprint = ?', g.fingerprint);
    if (!existing) {
      const id = `inc_${g.fingerprint.slice(0, 16)}`;
      const alert = pageable; // critical and high alert even on the first (baseline) sweep
      const digest = severity === 'medium' && !run.baseline;
      this.run(
        `INSERT INTO incidents (id, fingerprint, target, kind, entity, entities, severity, status, masked_value, value_enc, is_case_record, data_subjects,
           subject_hashes, roles, natures, baseline, first_seen, last_seen, detected_at, opened_run_id, last_run_id, alerted_at, digest_pending, dashboard_url, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id, g.fingerprint, target, g.kind, mainEntity, json(entities), severity, masked, sealedValue, g.record ? 1 : 0, subjectHashes.length,
        json(subjectHashes), json(roles), json(natures), run.baseline && !pageable ? 1 : 0, seenAt, seenAt, now, run.id, run.id,
        alert ? now : null, digest ? 1 : 0, dashboardUrl ?? null, now,
      );
      if (alert) this.enqueueIncidentAlert('incident.new', id, run.id, url, dashboardUrl, now);
      return { incidentId: id, isNew: true, opened: true };
    }

    const id = String(existing.id);
    const status = existing.status as IncidentStatus;
    const newSeverity = maxSeverity(existing.severity as Severity, severity);
    const allEntities = [...new Set([...parse<Entity[]>(existing.entities, []), ...entities])];
    let opened = false;
    let kind: 'incident.new' | 'incident.reopened' | undefined;
    if (status === 'resolved' && Number(existing.last_run_id) !== run.id) {
      // Regression: it was gone (or closed by a reviewer) and is back. GitGuardian's rule: reopen and alert.
      opened = true;
      if (isPageable(newSeverity)) kind = 'incident.reopened';
      this.reopen(id, run, newSeverity, now);
    } else if (OPEN_STATUSES.includes(status) && isPageable(newSeverity) && !existing.alerted_at) {
      // Escalated into pageable territory (e.g. a baseline name now next to an address): it has never paged.
      kind = 'incident.new';
    }
    this.run(
      `UPDATE incidents SET last_seen = MAX(last_seen, ?), last_run_id = ?, severity = ?, entities = ?, removed_at = NULL, updated_at = ?,
         masked_value = CASE WHEN kind = 'record' THEN ? ELSE masked_value END,
         value_enc = CASE WHEN kind = 'record' OR value_enc IS NULL THEN ? ELSE value_enc END,
         alerted_at = CASE WHEN ? THEN ? ELSE alerted_at END, dashboard_url = COALESCE(?, dashboard_url) WHERE id = ?`,
      seenAt, run.id, newSeverity, json(allEntities), now, masked, sealedValue, kind ? 1 : 0, now, dashboardUrl ?? null, id,
    );
    if (kind) this.enqueueIncidentAlert(kind, id, run.id, url, dashboardUrl, now);
    const isNew = !SUPPRESSED.includes(status) && (opened || Number(existing.opened_run_id) === run.id);
    return { incidentId: id, isNew, opened };
  }

  private reopen(id: string, run: RunRow, severity: Severity, now: string): void {
    this.run(
      `UPDATE incidents SET status = 'new', resolved_at = NULL, resolution = NULL, removed_at = NULL, reopen_count = reopen_count + 1, opened_run_id = ?,
         digest_pending = ?, status_actor = 'leakwatch', status_reason = 'seen again after resolution', updated_at = ? WHERE id = ?`,
      run.id, severity === 'medium' && !run.baseline ? 1 : 0, now, id,
    );
    this.auditRaw('leakwatch', 'incident.reopened', id, `run ${run.id}`, now);
  }

  private upsertOccurrence(runId: number, incidentId: string, resource: ExtractedResource, location: string, block: ExtractedResource['blocks'][number] | undefined, seenAt: string): number {
    const evidence = block ? this.sealer.seal(block.text, P.evidence) : null;
    const row = this.get<{ id: number }>('SELECT id FROM occurrences WHERE incident_id = ? AND url = ? AND location = ?', incidentId, resource.url, location);
    if (row) {
      this.run(
        `UPDATE occurrences SET last_seen = MAX(last_seen, ?), last_run_id = ?, detect_run_id = ?, removed_at = NULL, content_hash = ?, fetched_at = ?,
           evidence_enc = ?, block_kind = ?, section = ?, purged_at = NULL WHERE id = ?`,
        seenAt, runId, runId, resource.contentHash || null, resource.fetchedAt, evidence, block?.kind ?? null, block?.section ?? null, row.id,
      );
      return row.id;
    }
    const info = this.run(
      `INSERT INTO occurrences (incident_id, url, location, resource_kind, block_kind, section, first_seen, last_seen, first_run_id, last_run_id, detect_run_id,
         content_hash, fetched_at, evidence_enc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      incidentId, resource.url, location, resource.kind, block?.kind ?? null, block?.section ?? null, seenAt, seenAt, runId, runId, runId,
      resource.contentHash || null, resource.fetchedAt, evidence,
    );
    return Number(info.lastInsertRowid);
  }

  /**
   * A page fetched successfully this run but unchanged (304 / same hash): its occurrences are
   * still live, so they are marked seen, and the findings of the last detection are carried over.
   */
  markUnchanged(runId: number, url: string, opts: { reveal?: boolean } = {}): StoredFinding[] {
    return this.tx(() => {
      const now = new Date().toISOString();
      const run = this.requireRun(runId);
      const occs = this.all<{ id: number; incident_id: string; detect_run_id: number; status: IncidentStatus; opened_run_id: number; location: string; severity: Severity; last_run_id: number; alerted_at: string | null; dashboard_url: string | null }>(
        `SELECT o.id, o.incident_id, o.detect_run_id, o.location, i.status, i.opened_run_id, i.severity, i.last_run_id, i.alerted_at, i.dashboard_url
         FROM occurrences o JOIN incidents i ON i.id = o.incident_id WHERE o.url = ? AND o.removed_at IS NULL`, url,
      );
      const out: StoredFinding[] = [];
      const reopened = new Set<string>();
      for (const o of occs) {
        if (reopened.has(o.incident_id)) { o.status = 'new'; o.opened_run_id = runId; }
        if (o.status === 'resolved' && o.last_run_id !== runId) {
          reopened.add(o.incident_id);
          // Resolved by a reviewer, yet the unchanged page still shows it: a regression like any other.
          this.reopen(o.incident_id, run, o.severity, now);
          o.status = 'new';
          o.opened_run_id = runId;
          if (isPageable(o.severity)) {
            this.run('UPDATE incidents SET alerted_at = ? WHERE id = ?', now, o.incident_id);
            this.enqueueIncidentAlert('incident.reopened', o.incident_id, runId, url, o.dashboard_url ?? undefined, now);
          }
        }
        this.run('UPDATE occurrences SET last_seen = ?, last_run_id = ? WHERE id = ?', now, runId, o.id);
        this.run('UPDATE incidents SET last_seen = MAX(last_seen, ?), last_run_id = ?, updated_at = ? WHERE id = ?', now, runId, now, o.incident_id);
        const isNew = !SUPPRESSED.includes(o.status) && o.opened_run_id === runId;
        // Already reported in this run (fresh detection, or carried over once already).
        if (o.detect_run_id === runId || this.get('SELECT 1 FROM findings WHERE occurrence_id = ? AND run_id = ? LIMIT 1', o.id, runId)) continue;
        for (const f of this.all<Row>('SELECT * FROM findings WHERE occurrence_id = ? AND run_id = ? ORDER BY id', o.id, o.detect_run_id)) {
          this.run(
            `INSERT INTO findings (run_id, occurrence_id, incident_id, url, location, entity, masked_value, value_enc, score, severity, record_id, start_offset,
               end_offset, detector, reasons, is_new) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
            runId, o.id, o.incident_id, url, f.location, f.entity, f.masked_value, f.value_enc, f.score, f.severity, f.record_id, f.start_offset,
            f.end_offset, f.detector, f.reasons,
          );
          const masked = String(f.masked_value);
          const value = opts.reveal && f.value_enc ? this.sealer.open(f.value_enc as Buffer, P.finding) : masked;
          out.push({
            finding: {
              entity: f.entity as Entity, start: Number(f.start_offset), end: Number(f.end_offset), value, score: Number(f.score), detector: String(f.detector),
              publicRole: false, reasons: parse(f.reasons, []), severity: f.severity as Severity, recordId: (f.record_id as string) ?? null,
            },
            location: String(f.location), incidentId: o.incident_id, isNew, masked, occurrenceId: o.id,
          });
        }
      }
      return out;
    });
  }

  /** Data-subject keys on a URL from its last detection (pageable records only), for counting on unchanged pages. */
  subjectKeysFor(url: string): string[] {
    const row = this.get<{ subjects_enc: Buffer | null }>('SELECT subjects_enc FROM resources WHERE url = ?', url);
    return row?.subjects_enc ? parse<string[]>(this.sealer.open(row.subjects_enc, P.subjects), []) : [];
  }

  /**
   * After a crawl: an occurrence on a URL that was fetched successfully in this run but not seen
   * is gone; an incident with no live occurrence left is resolved automatically. URLs that errored,
   * timed out or were outside this sweep's scope are never in `successfullyFetchedUrls`, so their
   * occurrences stay live.
   */
  autoResolve(runId: number, target: string, successfullyFetchedUrls: Set<string>): number {
    return this.tx(() => {
      const now = new Date().toISOString();
      // Belt and braces: only URLs this run really fetched without error count as proof of removal.
      const okInRun = new Set(this.all<{ url: string }>('SELECT url FROM fetches WHERE run_id = ? AND ok = 1', runId).map((r) => r.url));
      const live = this.all<{ id: number; url: string; incident_id: string }>(
        `SELECT o.id, o.url, o.incident_id FROM occurrences o JOIN incidents i ON i.id = o.incident_id
         WHERE i.target = ? AND o.removed_at IS NULL AND o.last_run_id < ?`, target, runId,
      );
      const touched = new Set<string>();
      for (const o of live) {
        if (!successfullyFetchedUrls.has(o.url) || !okInRun.has(o.url)) continue;
        this.run('UPDATE occurrences SET removed_at = ? WHERE id = ?', now, o.id);
        touched.add(o.incident_id);
      }
      let resolved = 0;
      for (const id of touched) {
        const left = this.get<{ n: number }>('SELECT COUNT(*) AS n FROM occurrences WHERE incident_id = ? AND removed_at IS NULL', id)?.n ?? 0;
        if (left > 0) continue;
        const inc = this.get<Row>('SELECT * FROM incidents WHERE id = ?', id)!;
        this.run('UPDATE incidents SET removed_at = ?, updated_at = ? WHERE id = ?', now, now, id);
        if (!OPEN_STATUSES.includes(inc.status as IncidentStatus)) continue; // a reviewer's verdict stands; the window still closes
        this.run(
          `UPDATE incidents SET status = 'resolved', resolved_at = ?, resolution = 'auto', status_actor = 'leakwatch',
             status_reason = 'no longer found after a successful re-fetch', digest_pending = 0 WHERE id = ?`, now, id,
        );
        this.auditRaw('leakwatch', 'incident.auto-resolved', id, `run ${runId}`, now);
        if (inc.alerted_at) this.enqueueIncidentAlert('incident.resolved', id, runId, undefined, (inc.dashboard_url as string) ?? undefined, now);
        resolved += 1;
      }
      return resolved;
    });
  }

  // -------------------------------------------------------------------------
  // evidence

  saveEvidenceScreenshot(occurrenceId: number, png: Buffer): void {
    const info = this.run('UPDATE occurrences SET screenshot_enc = ?, screenshot_at = ? WHERE id = ?', this.sealer.seal(png, P.screenshot), new Date().toISOString(), occurrenceId);
    if (info.changes === 0) throw new StorageError(`Occurrence ${occurrenceId} does not exist`, 'Take the id from getIncident().occurrenceList.');
  }

  /** Decrypts an occurrence's evidence for a reviewer; audit-logged. */
  revealEvidence(occurrenceId: number, actor: string): { text: string | null; screenshot: Buffer | null; contentHash: string | null; fetchedAt: string | null } {
    const r = this.get<Row>('SELECT incident_id, evidence_enc, screenshot_enc, content_hash, fetched_at FROM occurrences WHERE id = ?', occurrenceId);
    if (!r) throw new StorageError(`Occurrence ${occurrenceId} does not exist`, 'Take the id from getIncident().occurrenceList.');
    this.audit(actor, 'evidence.reveal', String(r.incident_id), `occurrence ${occurrenceId}`);
    return {
      text: r.evidence_enc ? this.sealer.open(r.evidence_enc as Buffer, P.evidence) : null,
      screenshot: r.screenshot_enc ? this.sealer.openBuffer(r.screenshot_enc as Buffer, P.screenshot) : null,
      contentHash: (r.content_hash as string) ?? null, fetchedAt: (r.fetched_at as string) ?? null,
    };
  }

  /**
   * Retention: N days after an incident was closed (resolved, false positive, accepted risk),
   * its raw value and evidence are destroyed. Masked values and the timeline stay for the record.
   * Per-run history older than N days goes too: the fetch log, and the copies of findings that each
   * run made for pages it saw unchanged (they grow the file every cycle). The findings of the run that
   * detected an occurrence stay, since later runs copy from them.
   */
  purgeEvidence(retentionDays: number, now: Date = new Date()): { incidents: number; occurrences: number; historyRows: number } {
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
    return this.tx(() => {
      const ids = this.all<{ id: string }>(
        `SELECT id FROM incidents WHERE status IN ('resolved','false-positive','accepted-risk') AND COALESCE(resolved_at, updated_at) < ?
           AND (value_enc IS NOT NULL OR EXISTS (SELECT 1 FROM occurrences o WHERE o.incident_id = incidents.id AND o.purged_at IS NULL))`, cutoff,
      ).map((r) => r.id);
      let occurrences = 0;
      const at = now.toISOString();
      for (const id of ids) {
        this.run('UPDATE incidents SET value_enc = NULL WHERE id = ?', id);
        this.run('UPDATE findings SET value_enc = NULL WHERE incident_id = ?', id);
        occurrences += this.run('UPDATE occurrences SET evidence_enc = NULL, screenshot_enc = NULL, purged_at = ? WHERE incident_id = ? AND purged_at IS NULL', at, id).changes;
        this.auditRaw('leakwatch', 'evidence.purged', id, `retention ${retentionDays} days`, at);
      }
      let historyRows = this.run(
        `DELETE FROM findings WHERE run_id IN (SELECT id FROM runs WHERE finished_at IS NOT NULL AND finished_at < ?)
           AND NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.id = findings.occurrence_id AND o.detect_run_id = findings.run_id)`, cutoff,
      ).changes;
      historyRows += this.run('DELETE FROM fetches WHERE run_id IN (SELECT id FROM runs WHERE finished_at IS NOT NULL AND finished_at < ?)', cutoff).changes;
      return { incidents: ids.length, occurrences, historyRows };
    });
  }

  // -------------------------------------------------------------------------
  // incidents & review

  listIncidents(filter: IncidentFilter = {}): IncidentRow[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.target) { where.push('target = ?'); params.push(filter.target); }
    const statuses = filter.open ? OPEN_STATUSES : filter.status ? ([] as IncidentStatus[]).concat(filter.status) : undefined;
    if (statuses) { where.push(`status IN (${statuses.map(() => '?').join(',')})`); params.push(...statuses); }
    const severities = filter.severity
      ? ([] as Severity[]).concat(filter.severity)
      : filter.minSeverity ? (Object.keys(SEVERITY_RANK) as Severity[]).filter((s) => SEVERITY_RANK[s] >= SEVERITY_RANK[filter.minSeverity!]) : undefined;
    if (severities) { where.push(`severity IN (${severities.map(() => '?').join(',')})`); params.push(...severities); }
    params.push(filter.limit ?? 500, filter.offset ?? 0);
    // The WHERE clause is built from fixed fragments only; every value is a bound parameter.
    const sql = `SELECT * FROM incidents ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END DESC, detected_at DESC, id LIMIT ? OFFSET ?`;
    return this.all<Row>(sql, ...params).map((r) => this.toIncident(r));
  }

  getIncident(id: string): IncidentDetail | undefined {
    const r = this.get<Row>('SELECT * FROM incidents WHERE id = ?', id);
    if (!r) return undefined;
    const occurrenceList = this.all<Row>('SELECT * FROM occurrences WHERE incident_id = ? ORDER BY id', id).map((o): OccurrenceRow => ({
      id: Number(o.id), incidentId: String(o.incident_id), url: String(o.url), location: String(o.location), resourceKind: o.resource_kind as ResourceKind,
      blockKind: (o.block_kind as string) ?? null, section: (o.section as string) ?? null, firstSeen: String(o.first_seen), lastSeen: String(o.last_seen),
      removedAt: (o.removed_at as string) ?? null, contentHash: (o.content_hash as string) ?? null, fetchedAt: (o.fetched_at as string) ?? null,
      hasEvidence: o.evidence_enc != null, hasScreenshot: o.screenshot_enc != null, purgedAt: (o.purged_at as string) ?? null,
    }));
    const history = this.all<AuditRow>('SELECT id, at, actor, action, subject, detail FROM audit_log WHERE subject = ? ORDER BY id', id);
    return { ...this.toIncident(r), occurrenceList, history };
  }

  private toIncident(r: Row): IncidentRow {
    const id = String(r.id);
    const occ = this.get<{ n: number; live: number }>('SELECT COUNT(*) AS n, SUM(removed_at IS NULL) AS live FROM occurrences WHERE incident_id = ?', id)!;
    const urls = this.all<{ url: string }>('SELECT DISTINCT url FROM occurrences WHERE incident_id = ? ORDER BY url LIMIT 50', id).map((u) => u.url);
    return {
      id, target: String(r.target), kind: r.kind as 'value' | 'record', entity: r.entity as Entity, entities: parse(r.entities, []), severity: r.severity as Severity,
      status: r.status as IncidentStatus, maskedValue: String(r.masked_value), isCaseRecord: r.is_case_record === 1, dataSubjects: Number(r.data_subjects),
      roles: parse(r.roles, []), natures: parse(r.natures, []), baseline: r.baseline === 1, firstSeen: String(r.first_seen), lastSeen: String(r.last_seen),
      detectedAt: String(r.detected_at), removedAt: (r.removed_at as string) ?? null, resolvedAt: (r.resolved_at as string) ?? null,
      resolution: (r.resolution as string) ?? null, statusActor: (r.status_actor as string) ?? null, statusReason: (r.status_reason as string) ?? null,
      reopenCount: Number(r.reopen_count), alertedAt: (r.alerted_at as string) ?? null, occurrences: Number(occ.n), liveOccurrences: Number(occ.live ?? 0), urls,
    };
  }

  /** A reviewer's decision. Resolving an incident that paged sends the resolve to PagerDuty. */
  setIncidentStatus(id: string, status: IncidentStatus, actor: string, reason?: string): void {
    this.tx(() => {
      const inc = this.get<Row>('SELECT * FROM incidents WHERE id = ?', id);
      if (!inc) throw new StorageError(`Incident ${id} does not exist`, 'List incidents with `leakwatch incidents` and use one of their ids.');
      const from = inc.status as IncidentStatus;
      if (from === status) return;
      const now = new Date().toISOString();
      const closing = status === 'resolved' || SUPPRESSED.includes(status);
      this.run(
        `UPDATE incidents SET status = ?, status_actor = ?, status_reason = ?, updated_at = ?,
           resolved_at = CASE WHEN ? THEN ? ELSE NULL END, resolution = CASE WHEN ? THEN 'manual' ELSE NULL END,
           digest_pending = CASE WHEN ? THEN 0 ELSE digest_pending END WHERE id = ?`,
        status, actor, reason ?? null, now, closing ? 1 : 0, now, closing ? 1 : 0, closing ? 1 : 0, id,
      );
      this.auditRaw(actor, 'incident.status', id, json({ from, to: status, reason: reason ?? null }), now);
      if (closing && OPEN_STATUSES.includes(from) && inc.alerted_at) {
        this.enqueueIncidentAlert('incident.resolved', id, Number(inc.last_run_id), undefined, (inc.dashboard_url as string) ?? undefined, now);
      }
    });
  }

  audit(actor: string, action: string, subject: string, detail?: string): void {
    this.auditRaw(actor, action, subject, detail ?? null, new Date().toISOString());
  }

  private auditRaw(actor: string, action: string, subject: string, detail: string | null, at: string): void {
    this.run('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)', at, actor, action, subject, detail);
  }

  auditLog(subject?: string, limit = 200): AuditRow[] {
    return subject
      ? this.all<AuditRow>('SELECT id, at, actor, action, subject, detail FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT ?', subject, limit)
      : this.all<AuditRow>('SELECT id, at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?', limit);
  }

  /** Decrypts an incident's raw value for a reviewer who asked for it; every reveal is audit-logged. */
  revealValue(incidentId: string, actor: string): string {
    const r = this.get<{ kind: string; value_enc: Buffer | null }>('SELECT kind, value_enc FROM incidents WHERE id = ?', incidentId);
    if (!r) throw new StorageError(`Incident ${incidentId} does not exist`, 'List incidents with `leakwatch incidents` and use one of their ids.');
    if (!r.value_enc) throw new StorageError(`The value of incident ${incidentId} was purged under the retention policy`, 'Only the masked value and timeline remain.');
    this.audit(actor, 'value.reveal', incidentId);
    const plain = this.sealer.open(r.value_enc, P.value);
    if (r.kind !== 'record') return plain;
    return parse<Array<{ entity: Entity; value: string }>>(plain, []).map((p) => `${p.entity}: ${p.value}`).join('\n');
  }

  /** Counts for the ICO 72-hour report (Art. 33(3) / DPA 2018 s.67): numbers and categories, no values. */
  exposureSummary(target: string): ExposureSummary {
    const rows = this.all<Row>("SELECT * FROM incidents WHERE target = ? AND status NOT IN ('false-positive') AND severity IN ('critical','high')", target);
    const subjects = new Set<string>();
    const entities: Partial<Record<Entity, number>> = {};
    const roles = new Set<string>();
    const natures = new Set<string>();
    const min = (a: string | null, b: string | null) => (!a ? b : !b ? a : a < b ? a : b);
    const max = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);
    let firstSeen: string | null = null, lastSeen: string | null = null, detectedAt: string | null = null, removedAt: string | null = null;
    let open = 0, records = 0, allRemoved = rows.length > 0;
    for (const r of rows) {
      for (const h of parse<string[]>(r.subject_hashes, [])) subjects.add(h);
      for (const e of parse<Entity[]>(r.entities, [])) entities[e] = (entities[e] ?? 0) + 1;
      for (const x of parse<string[]>(r.roles, [])) roles.add(x);
      for (const x of parse<string[]>(r.natures, [])) natures.add(x);
      if (OPEN_STATUSES.includes(r.status as IncidentStatus)) open += 1;
      if (r.is_case_record === 1) records += 1;
      firstSeen = min(firstSeen, r.first_seen as string);
      lastSeen = max(lastSeen, r.last_seen as string);
      detectedAt = min(detectedAt, r.detected_at as string);
      if (!r.removed_at) allRemoved = false;
      removedAt = max(removedAt, (r.removed_at as string) ?? null);
    }
    const urls = this.all<{ url: string }>(
      "SELECT DISTINCT o.url FROM occurrences o JOIN incidents i ON i.id = o.incident_id WHERE i.target = ? AND i.severity IN ('critical','high') ORDER BY o.url LIMIT 200", target,
    ).map((u) => u.url);
    return {
      target, openIncidents: open, caseRecords: records, dataSubjects: subjects.size, entities, roles: [...roles], natures: [...natures],
      criminalOffenceData: records > 0, firstSeen, lastSeen, detectedAt, removedAt: allRemoved ? removedAt : null, urls,
    };
  }

  // -------------------------------------------------------------------------
  // outbox

  private enqueue(kind: AlertKind, build: (alertId: string) => AlertPayload, meta: { severity: Severity; target: string; incidentId?: string | null }, now: string): number {
    const alertId = `lw-${randomUUID()}`;
    const payload = build(alertId);
    const info = this.run(
      `INSERT INTO outbox (alert_id, kind, severity, target, incident_id, payload, status, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
      alertId, kind, meta.severity, meta.target, meta.incidentId ?? null, json(payload), now, now,
    );
    return Number(info.lastInsertRowid);
  }

  private enqueueIncidentAlert(kind: 'incident.new' | 'incident.reopened' | 'incident.resolved', incidentId: string, runId: number, url: string | undefined, dashboardUrl: string | undefined, now: string): void {
    const inc = this.get<Row>('SELECT * FROM incidents WHERE id = ?', incidentId)!;
    const urls = this.all<{ url: string }>('SELECT DISTINCT url FROM occurrences WHERE incident_id = ? ORDER BY url LIMIT 25', incidentId).map((u) => u.url);
    if (url && !urls.includes(url)) urls.unshift(url);
    const records = this.get<{ n: number }>('SELECT COUNT(DISTINCT record_id) AS n FROM findings WHERE incident_id = ? AND record_id IS NOT NULL', incidentId)?.n ?? 0;
    const findings = this.get<{ n: number }>('SELECT COUNT(*) AS n FROM findings WHERE incident_id = ? AND run_id = ?', incidentId, runId)?.n ?? 0;
    const masked = String(inc.masked_value).split('; ').map(fromMaskedColumn);
    const link = dashboardUrl ? `${dashboardUrl.replace(/\/$/, '')}/incidents/${incidentId}` : undefined;
    this.enqueue(kind, (alertId) => buildAlertPayload({
      alertId, kind, severity: inc.severity as Severity, target: String(inc.target), incidentId, entities: parse(inc.entities, []),
      maskedValues: masked, counts: { findings: Math.max(findings, 1), records: inc.is_case_record === 1 ? Math.max(records, 1) : records, dataSubjects: Number(inc.data_subjects), urls: urls.length },
      urls, firstSeen: String(inc.first_seen), lastSeen: String(inc.last_seen), detectedAt: String(inc.detected_at), dashboardUrl: link,
      subjectLabel: inc.is_case_record === 1 ? 'case record' : 'value',
    }), { severity: inc.severity as Severity, target: String(inc.target), incidentId }, now);
    this.log.debug({ incidentId, kind }, 'alert queued');
  }

  /** New medium incidents since the last digest for a target, as one 'digest.medium' outbox row. */
  private flushMediumDigest(target: string, now: string): void {
    const rows = this.all<Row>("SELECT * FROM incidents WHERE target = ? AND digest_pending = 1 AND status IN ('new','acknowledged') ORDER BY detected_at", target);
    if (!rows.length) return;
    const urls = this.all<{ url: string }>(
      "SELECT DISTINCT o.url FROM occurrences o JOIN incidents i ON i.id = o.incident_id WHERE i.target = ? AND i.digest_pending = 1 ORDER BY o.url LIMIT 25", target,
    ).map((u) => u.url);
    const dashboardUrl = rows.find((r) => r.dashboard_url)?.dashboard_url as string | undefined;
    this.enqueue('digest.medium', (alertId) => buildAlertPayload({
      alertId, kind: 'digest.medium', severity: 'medium', target, entities: rows.map((r) => r.entity as Entity),
      maskedValues: rows.map((r) => fromMaskedColumn(String(r.masked_value))),
      counts: { findings: rows.length, records: 0, dataSubjects: rows.reduce((n, r) => n + Number(r.data_subjects), 0), urls: urls.length },
      urls, detectedAt: now, dashboardUrl: dashboardUrl ? `${dashboardUrl.replace(/\/$/, '')}/incidents?severity=medium` : undefined,
    }), { severity: 'medium', target }, now);
    this.run("UPDATE incidents SET digest_pending = 0 WHERE target = ? AND digest_pending = 1", target);
  }

  private toOutbox(r: Row): OutboxRow {
    return {
      id: Number(r.id), alertId: String(r.alert_id), kind: r.kind as AlertKind, severity: r.severity as Severity, target: String(r.target),
      incidentId: (r.incident_id as string) ?? null, payload: parse<AlertPayload>(r.payload, {} as AlertPayload), status: r.status as OutboxRow['status'],
      attempts: Number(r.attempts), nextAttemptAt: String(r.next_attempt_at), lastError: (r.last_error as string) ?? null, note: (r.note as string) ?? null,
      createdAt: String(r.created_at), sentAt: (r.sent_at as string) ?? null,
    };
  }

  /** Alerts due for (re)sending. Read-only; the dispatcher uses claimDueAlerts(). */
  pendingAlerts(now: Date = new Date(), limit = 100): OutboxRow[] {
    return this.all<Row>("SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?", now.toISOString(), limit).map((r) => this.toOutbox(r));
  }

  /**
   * Leases due alerts to one dispatcher, so two processes sharing the database never send the same row
   * at once. A lease held by a process on this host that no longer exists (killed mid-send) is broken
   * at once instead of waiting for it to run out; the channels' idempotency keys cover the resend.
   */
  claimDueAlerts(now: Date = new Date(), limit = 100, leaseMs = 60_000): OutboxRow[] {
    return this.tx(() => {
      const at = now.toISOString();
      const rows = this.all<Row>("SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id", at)
        .filter((r) => r.lease_until == null || (r.lease_until as string) <= at || leaseHolderIsGone(r.lease_owner as string | null))
        .slice(0, limit);
      const until = new Date(now.getTime() + leaseMs).toISOString();
      for (const r of rows) this.run('UPDATE outbox SET lease_until = ?, lease_owner = ? WHERE id = ?', until, LEASE_OWNER, r.id);
      return rows.map((r) => this.toOutbox(r));
    });
  }

  getAlert(id: number): OutboxRow | undefined {
    const r = this.get<Row>('SELECT * FROM outbox WHERE id = ?', id);
    return r ? this.toOutbox(r) : undefined;
  }

  listAlerts(filter: { status?: OutboxRow['status']; limit?: number } = {}): OutboxRow[] {
    return (filter.status
      ? this.all<Row>('SELECT * FROM outbox WHERE status = ? ORDER BY id DESC LIMIT ?', filter.status, filter.limit ?? 200)
      : this.all<Row>('SELECT * FROM outbox ORDER BY id DESC LIMIT ?', filter.limit ?? 200)).map((r) => this.toOutbox(r));
  }

  markAlertSent(id: number, note: string): void {
    this.run("UPDATE outbox SET status = 'sent', sent_at = ?, note = ?, lease_until = NULL, last_error = NULL WHERE id = ?", new Date().toISOString(), note, id);
  }

  /** nextAttemptAt null = dead letter: visible on the dashboard and in metrics, retried only by hand. */
  markAlertFailed(id: number, error: string, nextAttemptAt: Date | null): void {
    if (nextAttemptAt) {
      this.run('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, lease_until = NULL WHERE id = ?', error, nextAttemptAt.toISOString(), id);
    } else {
      this.run("UPDATE outbox SET attempts = attempts + 1, last_error = ?, status = 'dead', lease_until = NULL WHERE id = ?", error, id);
    }
  }

  /** Puts a dead letter back in the queue (a reviewer fixed the channel). */
  retryDeadAlert(id: number, actor: string): void {
    this.tx(() => {
      this.run("UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL WHERE id = ? AND status = 'dead'", new Date().toISOString(), id);
      this.run("UPDATE deliveries SET status = 'failed', attempts = 0 WHERE outbox_id = ? AND status = 'dead'", id);
      this.audit(actor, 'alert.retry', `outbox:${id}`);
    });
  }

  outboxStats(): { pending: number; sent: number; dead: number } {
    const stats = { pending: 0, sent: 0, dead: 0 };
    for (const r of this.all<{ status: keyof typeof stats; n: number }>('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status')) stats[r.status] = r.n;
    return stats;
  }

  // per (alert, channel) deliveries

  getDelivery(outboxId: number, channel: string): DeliveryRow | undefined {
    const r = this.get<Row>('SELECT * FROM deliveries WHERE outbox_id = ? AND channel = ?', outboxId, channel);
    return r ? {
      outboxId: Number(r.outbox_id), channel: String(r.channel), status: r.status as DeliveryRow['status'], attempts: Number(r.attempts),
      lastError: (r.last_error as string) ?? null, note: (r.note as string) ?? null, updatedAt: String(r.updated_at),
    } : undefined;
  }

  listDeliveries(outboxId: number): DeliveryRow[] {
    return this.all<{ channel: string }>('SELECT channel FROM deliveries WHERE outbox_id = ? ORDER BY channel', outboxId).map((r) => this.getDelivery(outboxId, r.channel)!);
  }

  /** Recorded before a send: after a crash, 'sending' means "maybe delivered", so the retry reuses the same idempotency key. */
  markDeliverySending(outboxId: number, channel: string): void {
    this.run(
      `INSERT INTO deliveries (outbox_id, channel, status, attempts, updated_at) VALUES (?, ?, 'sending', 1, ?)
       ON CONFLICT (outbox_id, channel) DO UPDATE SET status = 'sending', attempts = deliveries.attempts + 1, updated_at = excluded.updated_at`,
      outboxId, channel, new Date().toISOString(),
    );
  }

  markDeliverySent(outboxId: number, channel: string, note: string): void {
    this.run("UPDATE deliveries SET status = 'sent', note = ?, last_error = NULL, updated_at = ? WHERE outbox_id = ? AND channel = ?", note, new Date().toISOString(), outboxId, channel);
  }

  markDeliveryFailed(outboxId: number, channel: string, error: string, permanent: boolean): void {
    this.run('UPDATE deliveries SET status = ?, last_error = ?, updated_at = ? WHERE outbox_id = ? AND channel = ?', permanent ? 'dead' : 'failed', error, new Date().toISOString(), outboxId, channel);
  }

  // -------------------------------------------------------------------------
  // monitor health

  /** Opens a monitor alert once (until cleared), with an outbox row in the same transaction. Returns true when newly raised. */
  raiseMonitorAlert(target: string, kind: MonitorKind, detail?: string): boolean {
    return this.tx(() => {
      if (this.get('SELECT 1 FROM monitor_alerts WHERE target = ? AND kind = ? AND cleared_at IS NULL', target, kind)) return false;
      const now = new Date().toISOString();
      this.run('INSERT INTO monitor_alerts (target, kind, raised_at, detail) VALUES (?, ?, ?, ?)', target, kind, now, detail ?? null);
      const incidentId = monitorIncidentId(target, kind);
      this.enqueue(`monitor.${kind}`, (alertId) => buildAlertPayload({
        alertId, kind: `monitor.${kind}`, severity: 'high', target, incidentId, entities: [], maskedValues: [], counts: {}, urls: [], detectedAt: now, subjectLabel: kind,
      }), { severity: 'high', target, incidentId }, now);
      this.auditRaw('leakwatch', `monitor.${kind}`, target, detail ?? null, now);
      return true;
    });
  }

  /** Closes an open monitor alert and queues 'monitor.recovered' (PagerDuty resolve). Returns true when one was open. */
  clearMonitorAlert(target: string, kind: MonitorKind): boolean {
    return this.tx(() => {
      const now = new Date().toISOString();
      const info = this.run('UPDATE monitor_alerts SET cleared_at = ? WHERE target = ? AND kind = ? AND cleared_at IS NULL', now, target, kind);
      if (info.changes === 0) return false;
      const incidentId = monitorIncidentId(target, kind);
      this.enqueue('monitor.recovered', (alertId) => buildAlertPayload({
        alertId, kind: 'monitor.recovered', severity: 'high', target, incidentId, entities: [], maskedValues: [], counts: {}, urls: [], detectedAt: now, subjectLabel: kind,
      }), { severity: 'high', target, incidentId }, now);
      this.auditRaw('leakwatch', 'monitor.recovered', target, kind, now);
      return true;
    });
  }

  openMonitorAlerts(target?: string): Array<{ target: string; kind: MonitorKind; raisedAt: string; detail: string | null }> {
    return (target
      ? this.all<Row>('SELECT * FROM monitor_alerts WHERE cleared_at IS NULL AND target = ? ORDER BY raised_at', target)
      : this.all<Row>('SELECT * FROM monitor_alerts WHERE cleared_at IS NULL ORDER BY raised_at'))
      .map((r) => ({ target: String(r.target), kind: r.kind as MonitorKind, raisedAt: String(r.raised_at), detail: (r.detail as string) ?? null }));
  }

  /**
   * Records one monitoring cycle. After `failThreshold` consecutive failures it raises
   * 'unreachable'; the next success clears it. Returns the consecutive failure count.
   */
  recordCycle(target: string, ok: boolean, opts: { failThreshold?: number; detail?: string; now?: Date } = {}): number {
    const at = (opts.now ?? new Date()).toISOString();
    const failures = this.tx(() => {
      this.run(
        `INSERT INTO monitor_state (target, last_cycle_at, last_successful_cycle_at, consecutive_failures) VALUES (?, ?, ?, ?)
         ON CONFLICT (target) DO UPDATE SET last_cycle_at = excluded.last_cycle_at,
           last_successful_cycle_at = COALESCE(excluded.last_successful_cycle_at, monitor_state.last_successful_cycle_at),
           consecutive_failures = CASE WHEN ? THEN 0 ELSE monitor_state.consecutive_failures + 1 END`,
        target, at, ok ? at : null, ok ? 0 : 1, ok ? 1 : 0,
      );
      return this.get<{ n: number }>('SELECT consecutive_failures AS n FROM monitor_state WHERE target = ?', target)!.n;
    });
    if (ok) {
      this.clearMonitorAlert(target, 'unreachable');
      this.clearMonitorAlert(target, 'stalled');
    } else if (failures >= (opts.failThreshold ?? 3)) {
      this.raiseMonitorAlert(target, 'unreachable', opts.detail ?? `${failures} failed cycles in a row`);
    }
    return failures;
  }

  /** Raises 'stalled' when no cycle has succeeded for `maxAgeMs` (a missed schedule, a hung sweep). */
  checkStalled(target: string, maxAgeMs: number, now: Date = new Date()): boolean {
    const r = this.get<{ last_successful_cycle_at: string | null }>('SELECT last_successful_cycle_at FROM monitor_state WHERE target = ?', target);
    const last = r?.last_successful_cycle_at ? Date.parse(r.last_successful_cycle_at) : undefined;
    const stalled = last === undefined ? false : now.getTime() - last > maxAgeMs;
    if (stalled) this.raiseMonitorAlert(target, 'stalled', `no successful cycle since ${r!.last_successful_cycle_at}`);
    return stalled;
  }

  monitorState(target: string): { lastCycleAt: string | null; lastSuccessfulCycleAt: string | null; consecutiveFailures: number } | undefined {
    const r = this.get<Row>('SELECT * FROM monitor_state WHERE target = ?', target);
    return r ? { lastCycleAt: (r.last_cycle_at as string) ?? null, lastSuccessfulCycleAt: (r.last_successful_cycle_at as string) ?? null, consecutiveFailures: Number(r.consecutive_failures) } : undefined;
  }
}

// Re-exported for callers that build payloads outside the store (tests, CLI previews).
export { maskForAlert, type MaskedValue };
