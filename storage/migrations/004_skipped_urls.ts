/** Each URL a sweep chose not to fetch, with the reason, so "why was this page never checked?" has an answer. */
export const version = 4;
export const name = 'skipped-urls';
export const sql = /* sql */ `
CREATE TABLE skipped_urls (
  run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  url     TEXT NOT NULL,
  reason  TEXT NOT NULL,
  detail  TEXT,
  at      TEXT NOT NULL,
  PRIMARY KEY (run_id, url)
);
`;
