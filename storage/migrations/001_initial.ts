/**
 * Initial schema. Personal data only ever appears in *_enc BLOB columns (AES-256-GCM);
 * masked values are kept in clear so lists and alerts never need a key.
 */
export const version = 1;
export const name = 'initial';
export const sql = /* sql */ `
CREATE TABLE runs (
  id           INTEGER PRIMARY KEY,
  target       TEXT NOT NULL,
  mode         TEXT NOT NULL,
  start_urls   TEXT NOT NULL,           -- JSON array
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  status       TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running','completed','failed','interrupted')),
  baseline     INTEGER NOT NULL DEFAULT 0,  -- first sweep of the target: low/medium recorded without alerting
  pages        INTEGER NOT NULL DEFAULT 0,
  documents    INTEGER NOT NULL DEFAULT 0,
  errors       INTEGER NOT NULL DEFAULT 0,
  skipped      TEXT                          -- JSON object reason -> count
);
CREATE INDEX runs_target ON runs(target, id);

-- Latest state per URL (crawler validators, last outcome).
CREATE TABLE resources (
  url             TEXT PRIMARY KEY,
  kind            TEXT NOT NULL,
  etag            TEXT,
  last_modified   TEXT,
  content_hash    TEXT,
  last_status     INTEGER,
  last_fetched_at TEXT,
  last_error      TEXT,
  last_run_id     INTEGER,
  subjects_enc    BLOB                          -- sealed JSON list of data-subject keys on this URL
);

-- One row per URL per run: what was fetched, and how it went.
CREATE TABLE fetches (
  run_id       INTEGER NOT NULL REFERENCES runs(id),
  url          TEXT NOT NULL,
  kind         TEXT NOT NULL,
  status       INTEGER NOT NULL,
  content_hash TEXT,
  fetched_at   TEXT NOT NULL,
  error        TEXT,
  ok           INTEGER NOT NULL,
  PRIMARY KEY (run_id, url)
);

CREATE TABLE frontier (
  run_id     INTEGER NOT NULL REFERENCES runs(id),
  url        TEXT NOT NULL,
  depth      INTEGER NOT NULL,
  priority   INTEGER NOT NULL,
  parent_url TEXT,
  state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','done','error','skipped')),
  PRIMARY KEY (run_id, url)
);
CREATE INDEX frontier_pending ON frontier(run_id, state, priority DESC);

-- One incident per distinct leaked item (HMAC fingerprint) or per case record.
CREATE TABLE incidents (
  id              TEXT PRIMARY KEY,
  fingerprint     TEXT NOT NULL UNIQUE,
  target          TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('value','record')),
  entity          TEXT NOT NULL,              -- main entity (PERSON for a case record)
  entities        TEXT NOT NULL,              -- JSON array
  severity        TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','acknowledged','resolved','false-positive','accepted-risk')),
  masked_value    TEXT NOT NULL,
  value_enc       BLOB,                       -- sealed raw value (or record values); NULL once purged
  is_case_record  INTEGER NOT NULL DEFAULT 0,
  data_subjects   INTEGER NOT NULL DEFAULT 0,
  subject_hashes  TEXT NOT NULL DEFAULT '[]', -- HMACs, to count distinct people across incidents
  roles           TEXT NOT NULL DEFAULT '[]',
  natures         TEXT NOT NULL DEFAULT '[]',
  baseline        INTEGER NOT NULL DEFAULT 0,
  first_seen      TEXT NOT NULL,
  last_seen       TEXT NOT NULL,
  detected_at     TEXT NOT NULL,              -- starts the ICO 72-hour clock
  removed_at      TEXT,                       -- every occurrence gone after a successful re-fetch
  resolved_at     TEXT,
  resolution      TEXT,                       -- 'auto' | 'manual'
  status_actor    TEXT,
  status_reason   TEXT,
  opened_run_id   INTEGER NOT NULL,           -- run that created or last reopened it
  last_run_id     INTEGER NOT NULL,
  reopen_count    INTEGER NOT NULL DEFAULT 0,
  alerted_at      TEXT,                       -- a page/alert went out for it (resolve follows)
  digest_pending  INTEGER NOT NULL DEFAULT 0,
  dashboard_url   TEXT,
  updated_at      TEXT NOT NULL
);
CREATE INDEX incidents_target_status ON incidents(target, status);

-- Where an incident was seen: one row per URL + location.
CREATE TABLE occurrences (
  id              INTEGER PRIMARY KEY,
  incident_id     TEXT NOT NULL REFERENCES incidents(id),
  url             TEXT NOT NULL,
  location        TEXT NOT NULL,
  resource_kind   TEXT NOT NULL,
  block_kind      TEXT,
  section         TEXT,
  first_seen      TEXT NOT NULL,
  last_seen       TEXT NOT NULL,
  removed_at      TEXT,
  first_run_id    INTEGER NOT NULL,
  last_run_id     INTEGER NOT NULL,               -- last run in which it was seen (fresh or unchanged)
  detect_run_id   INTEGER NOT NULL,               -- last run whose detection produced its findings
  content_hash    TEXT,                           -- SHA-256 of the response
  fetched_at      TEXT,
  evidence_enc    BLOB,                           -- sealed text snapshot of the block
  screenshot_enc  BLOB,                           -- sealed PNG
  screenshot_at   TEXT,
  purged_at       TEXT,
  UNIQUE (incident_id, url, location)
);
CREATE INDEX occurrences_url ON occurrences(url);

-- Each detection per run, for the report and history.
CREATE TABLE findings (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  occurrence_id INTEGER NOT NULL REFERENCES occurrences(id),
  incident_id   TEXT NOT NULL,
  url           TEXT NOT NULL,
  location      TEXT NOT NULL,
  entity        TEXT NOT NULL,
  masked_value  TEXT NOT NULL,
  value_enc     BLOB,
  score         REAL NOT NULL,
  severity      TEXT NOT NULL,
  record_id     TEXT,
  start_offset  INTEGER NOT NULL,
  end_offset    INTEGER NOT NULL,
  detector      TEXT NOT NULL,
  reasons       TEXT NOT NULL,
  is_new        INTEGER NOT NULL
);
CREATE INDEX findings_run ON findings(run_id);
CREATE INDEX findings_occurrence ON findings(occurrence_id, run_id);

-- Transactional outbox: written in the same transaction as the incident change.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  alert_id        TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL,
  severity        TEXT NOT NULL,
  target          TEXT NOT NULL,
  incident_id     TEXT,
  payload         TEXT NOT NULL,     -- AlertPayload JSON: masked values only
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_until     TEXT,
  last_error      TEXT,
  note            TEXT,
  created_at      TEXT NOT NULL,
  sent_at         TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

-- Per (alert, channel) delivery: the record that makes delivery exactly-once across restarts.
CREATE TABLE deliveries (
  outbox_id    INTEGER NOT NULL REFERENCES outbox(id),
  channel      TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('sending','sent','failed','dead')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT,
  note         TEXT,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (outbox_id, channel)
);

CREATE TABLE monitor_alerts (
  target     TEXT NOT NULL,
  kind       TEXT NOT NULL,
  raised_at  TEXT NOT NULL,
  cleared_at TEXT,
  detail     TEXT,
  PRIMARY KEY (target, kind, raised_at)
);

CREATE TABLE monitor_state (
  target                    TEXT PRIMARY KEY,
  last_cycle_at             TEXT,
  last_successful_cycle_at  TEXT,
  consecutive_failures      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail  TEXT
);
CREATE INDEX audit_subject ON audit_log(subject, id);
`;
