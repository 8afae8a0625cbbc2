import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, StorageError } from '../core/errors.js';

/**
 * Dashboard accounts, sessions, login attempts and dashboard-side records (allow-list entries
 * added from the dashboard, containment checklist states). Lives in the same SQLite file as the
 * incident store, in its own tables, so the dashboard and the CLI `users` command share it.
 * Only password *hashes* and session-token *hashes* are stored: a copied database logs nobody in.
 */

export const ROLES = ['viewer', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** viewer < reviewer < admin */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface DashboardUser {
  username: string;
  role: Role;
  createdAt: string;
  updatedAt: string;
}

export interface SessionInfo {
  /** SHA-256 of the cookie token: safe to log and to bind CSRF tokens to. */
  id: string;
  username: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
}

export interface AllowEntryInput {
  incidentId: string;
  entity: string;
  /** The masked value, for display; the entry matches by the incident's fingerprint. */
  maskedValue: string;
  fingerprint?: string | null;
  urlPrefix?: string | null;
  reason: string;
  expires: string; // YYYY-MM-DD
  createdBy: string;
}

export interface AllowEntry extends AllowEntryInput {
  id: number;
  createdAt: string;
}

export const CHECKLIST_STATES = ['todo', 'in-progress', 'done', 'not-applicable'] as const;
export type ChecklistState = (typeof CHECKLIST_STATES)[number];

export interface ChecklistMark {
  incidentId: string;
  item: string;
  state: ChecklistState;
  note: string | null;
  actor: string;
  at: string;
}

const SCHEMA = /* sql */ `
CREATE TABLE IF NOT EXISTS dashboard_users (
  username      TEXT PRIMARY KEY COLLATE NOCASE,
  role          TEXT NOT NULL CHECK (role IN ('viewer','reviewer','admin')),
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dashboard_sessions (
  id           TEXT PRIMARY KEY,            -- SHA-256 of the cookie token
  username     TEXT NOT NULL COLLATE NOCASE REFERENCES dashboard_users(username) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  ip           TEXT
);
CREATE INDEX IF NOT EXISTS dashboard_sessions_user ON dashboard_sessions(username);
CREATE TABLE IF NOT EXISTS dashboard_login_attempts (
  id       INTEGER PRIMARY KEY,
  username TEXT NOT NULL COLLATE NOCASE,
  ip       TEXT,
  at       TEXT NOT NULL,
  ok       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS dashboard_login_attempts_user ON dashboard_login_attempts(username, at);
CREATE TABLE IF NOT EXISTS dashboard_secrets (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dashboard_allow_list (
  id           INTEGER PRIMARY KEY,
  incident_id  TEXT NOT NULL,
  entity       TEXT NOT NULL,
  masked_value TEXT NOT NULL,
  fingerprint  TEXT,
  url_prefix   TEXT,
  reason       TEXT NOT NULL,
  expires      TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  lapsed_at    TEXT
);
CREATE TABLE IF NOT EXISTS dashboard_checklist (
  incident_id TEXT NOT NULL,
  item        TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('todo','in-progress','done','not-applicable')),
  note        TEXT,
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  PRIMARY KEY (incident_id, item)
);
`;

const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/i;

export function checkUsername(username: string): string {
  const name = username.trim();
  if (!USERNAME.test(name)) {
    throw new ConfigError(`"${username}" is not a valid user name`, 'Use 2–64 letters, digits, ".", "_", "-" or "@", starting with a letter or digit.');
  }
  return name;
}

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export class UserStore {
  private readonly ownsDb: boolean;

  /** Pass the incident store's open Database, or a path to open the same file. */
  constructor(dbOrPath: Database.Database | string) {
    if (typeof dbOrPath === 'string') {
      try {
        if (dbOrPath !== ':memory:') mkdirSync(dirname(dbOrPath), { recursive: true });
        this.db = new Database(dbOrPath);
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('busy_timeout = 5000');
        this.db.pragma('foreign_keys = ON');
      } catch (err) {
        throw new StorageError(`Cannot open the database ${dbOrPath}`, 'Check the path and that the directory is writable.', { cause: err });
      }
      this.ownsDb = true;
    } else {
      this.db = dbOrPath;
      this.ownsDb = false;
    }
    this.db.exec(SCHEMA);
    // Databases created before entries could lapse lack the column.
    const columns = this.db.prepare('PRAGMA table_info(dashboard_allow_list)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'lapsed_at')) this.db.exec('ALTER TABLE dashboard_allow_list ADD COLUMN lapsed_at TEXT');
  }

  readonly db: Database.Database;

  close(): void {
    if (this.ownsDb) this.db.close();
  }

  // -- users ----------------------------------------------------------------

  addUser(username: string, role: Role, passwordHash: string, now = new Date()): DashboardUser {
    const name = checkUsername(username);
    if (!isRole(role)) throw new ConfigError(`"${role}" is not a role`, `Use one of: ${ROLES.join(', ')}.`);
    const at = now.toISOString();
    try {
      this.db.prepare('INSERT INTO dashboard_users (username, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(name, role, passwordHash, at, at);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new ConfigError(`The user "${name}" already exists`, 'Use `leakwatch users passwd` to change the password, or remove the user first.');
      }
      throw err;
    }
    return { username: name, role, createdAt: at, updatedAt: at };
  }

  /** Removes the user and every session of theirs. Returns false when there was no such user. */
  removeUser(username: string): boolean {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM dashboard_sessions WHERE username = ?').run(username);
      return this.db.prepare('DELETE FROM dashboard_users WHERE username = ?').run(username).changes > 0;
    })();
  }

  /** Changes the password hash and logs the user out everywhere. */
  setPasswordHash(username: string, passwordHash: string, now = new Date()): boolean {
    return this.db.transaction(() => {
      const changed = this.db.prepare('UPDATE dashboard_users SET password_hash = ?, updated_at = ? WHERE username = ?').run(passwordHash, now.toISOString(), username).changes > 0;
      if (changed) this.db.prepare('DELETE FROM dashboard_sessions WHERE username = ?').run(username);
      return changed;
    })();
  }

  setRole(username: string, role: Role, now = new Date()): boolean {
    if (!isRole(role)) throw new ConfigError(`"${role}" is not a role`, `Use one of: ${ROLES.join(', ')}.`);
    return this.db.prepare('UPDATE dashboard_users SET role = ?, updated_at = ? WHERE username = ?').run(role, now.toISOString(), username).changes > 0;
  }

  getUser(username: string): (DashboardUser & { passwordHash: string }) | undefined {
    const row = this.db.prepare('SELECT username, role, password_hash, created_at, updated_at FROM dashboard_users WHERE username = ?').get(username) as
      | { username: string; role: Role; password_hash: string; created_at: string; updated_at: string }
      | undefined;
    return row && { username: row.username, role: row.role, passwordHash: row.password_hash, createdAt: row.created_at, updatedAt: row.updated_at };
  }

  listUsers(): DashboardUser[] {
    const rows = this.db.prepare('SELECT username, role, created_at, updated_at FROM dashboard_users ORDER BY username').all() as {
      username: string; role: Role; created_at: string; updated_at: string;
    }[];
    return rows.map((r) => ({ username: r.username, role: r.role, createdAt: r.created_at, updatedAt: r.updated_at }));
  }

  // -- sessions ---------------------------------------------------------------

  /** Returns the raw token for the cookie; only its hash is stored. */
  createSession(username: string, ttlMs: number, ip: string | null, now = new Date()): { token: string; session: SessionInfo } {
    const user = this.getUser(username);
    if (!user) throw new StorageError(`No user "${username}"`, 'Create it with `leakwatch users add`.');
    const token = randomBytes(32).toString('base64url');
    const id = tokenHash(token);
    const at = now.toISOString();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    this.db.prepare('INSERT INTO dashboard_sessions (id, username, created_at, expires_at, last_seen_at, ip) VALUES (?, ?, ?, ?, ?, ?)').run(id, user.username, at, expiresAt, at, ip);
    return { token, session: { id, username: user.username, role: user.role, createdAt: at, expiresAt } };
  }

  /** The live session for a cookie token, or undefined (unknown, expired, or user removed). */
  getSession(token: string, now = new Date()): SessionInfo | undefined {
    if (!token) return undefined;
    const row = this.db
      .prepare(
        `SELECT s.id, s.username, u.role, s.created_at, s.expires_at FROM dashboard_sessions s
         JOIN dashboard_users u ON u.username = s.username WHERE s.id = ?`,
      )
      .get(tokenHash(token)) as { id: string; username: string; role: Role; created_at: string; expires_at: string } | undefined;
    if (!row) return undefined;
    if (row.expires_at <= now.toISOString()) {
      this.db.prepare('DELETE FROM dashboard_sessions WHERE id = ?').run(row.id);
      return undefined;
    }
    return { id: row.id, username: row.username, role: row.role, createdAt: row.created_at, expiresAt: row.expires_at };
  }

  touchSession(id: string, now = new Date()): void {
    this.db.prepare('UPDATE dashboard_sessions SET last_seen_at = ? WHERE id = ?').run(now.toISOString(), id);
  }

  deleteSession(token: string): void {
    this.db.prepare('DELETE FROM dashboard_sessions WHERE id = ?').run(tokenHash(token));
  }

  deleteExpiredSessions(now = new Date()): number {
    return this.db.prepare('DELETE FROM dashboard_sessions WHERE expires_at <= ?').run(now.toISOString()).changes;
  }

  // -- login attempts -----------------------------------------------------------

  recordLoginAttempt(username: string, ip: string | null, ok: boolean, now = new Date()): void {
    this.db.prepare('INSERT INTO dashboard_login_attempts (username, ip, at, ok) VALUES (?, ?, ?, ?)').run(username.slice(0, 128), ip, now.toISOString(), ok ? 1 : 0);
  }

  /** Failed attempts for this user name since the later of `since` and its last success. */
  recentFailures(username: string, since: Date): number {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM dashboard_login_attempts WHERE username = ? AND ok = 0 AND at >= ?
           AND at > COALESCE((SELECT MAX(at) FROM dashboard_login_attempts WHERE username = ? AND ok = 1), '')`,
      )
      .get(username, since.toISOString(), username) as { n: number };
    return row.n;
  }

  // -- secrets --------------------------------------------------------------------

  /** A random secret created once and kept (e.g. the CSRF HMAC key), so forms survive a restart. */
  secret(name: string, bytes = 32): string {
    const existing = this.db.prepare('SELECT value FROM dashboard_secrets WHERE name = ?').get(name) as { value: string } | undefined;
    if (existing) return existing.value;
    const value = randomBytes(bytes).toString('base64url');
    this.db.prepare('INSERT OR IGNORE INTO dashboard_secrets (name, value) VALUES (?, ?)').run(name, value);
    return (this.db.prepare('SELECT value FROM dashboard_secrets WHERE name = ?').get(name) as { value: string }).value;
  }

  // -- allow-list entries added from the dashboard -----------------------------------

  addAllowEntry(entry: AllowEntryInput, now = new Date()): AllowEntry {
    const createdAt = now.toISOString();
    const info = this.db
      .prepare(
        `INSERT INTO dashboard_allow_list (incident_id, entity, masked_value, fingerprint, url_prefix, reason, expires, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(entry.incidentId, entry.entity, entry.maskedValue, entry.fingerprint ?? null, entry.urlPrefix ?? null, entry.reason, entry.expires, entry.createdBy, createdAt);
    return { ...entry, id: Number(info.lastInsertRowid), createdAt };
  }

  /**
   * Entries whose expiry date has passed stop suppressing their incident: a false positive closed by
   * the entry becomes resolved, so the next sighting reopens it and alerts again (the regression rule).
   * Each entry lapses once. Returns the incidents released.
   */
  lapseExpiredAllowEntries(
    incidents: { getIncident(id: string): { status: string } | undefined; setIncidentStatus(id: string, status: 'resolved', actor: string, reason?: string): void },
    today = new Date().toISOString().slice(0, 10),
  ): string[] {
    const due = this.db
      .prepare('SELECT id, incident_id, expires FROM dashboard_allow_list WHERE expires < ? AND lapsed_at IS NULL')
      .all(today) as { id: number; incident_id: string; expires: string }[];
    const released: string[] = [];
    const markLapsed = this.db.prepare('UPDATE dashboard_allow_list SET lapsed_at = ? WHERE id = ?');
    for (const entry of due) {
      const stillInForce = this.listAllowEntries({ incidentId: entry.incident_id, today }).length > 0;
      if (!stillInForce && incidents.getIncident(entry.incident_id)?.status === 'false-positive') {
        incidents.setIncidentStatus(entry.incident_id, 'resolved', 'leakwatch', `allow-list entry expired on ${entry.expires}; a new sighting alerts again`);
        released.push(entry.incident_id);
      }
      markLapsed.run(new Date().toISOString(), entry.id);
    }
    return released;
  }

  /** Entries still in force (expiry date today or later), newest first; optionally for one incident. */
  listAllowEntries(opts: { incidentId?: string; includeExpired?: boolean; today?: string } = {}): AllowEntry[] {
    const today = opts.today ?? new Date().toISOString().slice(0, 10);
    const rows = this.db
      .prepare(
        `SELECT * FROM dashboard_allow_list WHERE (? IS NULL OR incident_id = ?) AND (? = 1 OR expires >= ?) ORDER BY id DESC`,
      )
      .all(opts.incidentId ?? null, opts.incidentId ?? null, opts.includeExpired ? 1 : 0, today) as {
      id: number; incident_id: string; entity: string; masked_value: string; fingerprint: string | null; url_prefix: string | null;
      reason: string; expires: string; created_by: string; created_at: string;
    }[];
    return rows.map((r) => ({
      id: r.id, incidentId: r.incident_id, entity: r.entity, maskedValue: r.masked_value, fingerprint: r.fingerprint,
      urlPrefix: r.url_prefix, reason: r.reason, expires: r.expires, createdBy: r.created_by, createdAt: r.created_at,
    }));
  }

  // -- containment checklist ---------------------------------------------------------

  setChecklist(mark: Omit<ChecklistMark, 'at'>, now = new Date()): ChecklistMark {
    if (!(CHECKLIST_STATES as readonly string[]).includes(mark.state)) throw new ConfigError(`"${mark.state}" is not a checklist state`, `Use one of: ${CHECKLIST_STATES.join(', ')}.`);
    const at = now.toISOString();
    this.db
      .prepare(
        `INSERT INTO dashboard_checklist (incident_id, item, state, note, actor, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (incident_id, item) DO UPDATE SET state = excluded.state, note = excluded.note, actor = excluded.actor, at = excluded.at`,
      )
      .run(mark.incidentId, mark.item, mark.state, mark.note, mark.actor, at);
    return { ...mark, at };
  }

  checklist(incidentIds: string[]): ChecklistMark[] {
    if (incidentIds.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT incident_id, item, state, note, actor, at FROM dashboard_checklist WHERE incident_id IN (${incidentIds.map(() => '?').join(',')})`)
      .all(...incidentIds) as { incident_id: string; item: string; state: ChecklistState; note: string | null; actor: string; at: string }[];
    return rows.map((r) => ({ incidentId: r.incident_id, item: r.item, state: r.state, note: r.note, actor: r.actor, at: r.at }));
  }
}

// ---------------------------------------------------------------------------
// Read-only queries the dashboard needs that LeakwatchStore does not (yet) offer. They read the
// incident store's tables; candidates to move into LeakwatchStore.

export interface RunFindingCounts {
  runId: number;
  findings: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  newFindings: number;
}

export class DashboardQueries {
  constructor(private readonly db: Database.Database) {}

  /** Distinct data subjects (by their HMAC keys) across the given incidents. */
  distinctSubjects(incidentIds: string[]): number {
    if (incidentIds.length === 0) return 0;
    const rows = this.db
      .prepare(`SELECT subject_hashes FROM incidents WHERE id IN (${incidentIds.map(() => '?').join(',')})`)
      .all(...incidentIds) as { subject_hashes: string | null }[];
    const subjects = new Set<string>();
    for (const r of rows) for (const h of JSON.parse(r.subject_hashes || '[]') as string[]) subjects.add(h);
    return subjects.size;
  }

  /** Findings stored per run, by severity; runs without findings are absent. */
  findingsPerRun(runIds: number[]): Map<number, RunFindingCounts> {
    const out = new Map<number, RunFindingCounts>();
    if (runIds.length === 0) return out;
    const rows = this.db
      .prepare(
        `SELECT run_id, severity, COUNT(*) AS n, SUM(is_new) AS fresh FROM findings WHERE run_id IN (${runIds.map(() => '?').join(',')}) GROUP BY run_id, severity`,
      )
      .all(...runIds) as { run_id: number; severity: 'critical' | 'high' | 'medium' | 'low'; n: number; fresh: number | null }[];
    for (const r of rows) {
      const c = out.get(r.run_id) ?? { runId: r.run_id, findings: 0, critical: 0, high: 0, medium: 0, low: 0, newFindings: 0 };
      c.findings += r.n;
      c[r.severity] += r.n;
      c.newFindings += r.fresh ?? 0;
      out.set(r.run_id, c);
    }
    return out;
  }

  /** The incident's HMAC fingerprint (not personal data on its own), for allow-list entries. */
  incidentFingerprint(incidentId: string): string | undefined {
    const row = this.db.prepare('SELECT fingerprint FROM incidents WHERE id = ?').get(incidentId) as { fingerprint: string } | undefined;
    return row?.fingerprint;
  }

  /** Findings per occurrence in the latest run that detected them: the report's "records" count. */
  findingCounts(incidentIds: string[]): { findings: number; occurrences: number } {
    if (incidentIds.length === 0) return { findings: 0, occurrences: 0 };
    const marks = incidentIds.map(() => '?').join(',');
    const f = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM findings f JOIN occurrences o ON o.id = f.occurrence_id
         WHERE o.incident_id IN (${marks}) AND f.run_id = o.detect_run_id`,
      )
      .get(...incidentIds) as { n: number };
    const o = this.db.prepare(`SELECT COUNT(*) AS n FROM occurrences WHERE incident_id IN (${marks})`).get(...incidentIds) as { n: number };
    return { findings: f.n, occurrences: o.n };
  }
}
