import type { Entity, Severity } from '../core/types.js';

/** The `sweep --json` contract (README). Keep it exact. */
export interface SweepFindingJson {
  url: string;
  location: string;
  entity: Entity;
  value: string; // masked unless --reveal
  score: number;
  severity: Severity;
  recordId: string | null;
  incidentId: string | null;
  isNew: boolean;
}

export interface SweepReportJson {
  run: {
    id: number; startedAt: string; finishedAt: string; pages: number; documents: number; errors: number;
    /** 'interrupted': the walk stopped early (a signal, a shutdown); the next sweep of the target resumes it. */
    status: 'completed' | 'interrupted';
    /** The signal that stopped an interrupted sweep run from the CLI. */
    interruptedBy?: string;
  };
  findings: SweepFindingJson[];
  summary: { critical: number; high: number; medium: number; low: number; newIncidents: number; dataSubjects: number };
}
