import * as m001 from './001_initial.js';
import * as m002 from './002_finding_incident_index.js';
import * as m003 from './003_outbox_lease_owner.js';
import * as m004 from './004_skipped_urls.js';

/** Append-only: never edit a shipped migration, add the next version instead. */
export interface Migration { version: number; name: string; sql: string }

export const MIGRATIONS: Migration[] = [m001, m002, m003, m004].map(({ version, name, sql }) => ({ version, name, sql }));
