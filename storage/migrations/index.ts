import * as m001 from './001_initial.js';

/** Append-only: never edit a shipped migration, add the next version instead. */
export interface Migration { version: number; name: string; sql: string }

export const MIGRATIONS: Migration[] = [m001].map(({ version, name, sql }) => ({ version, name, sql }));
