import type { Severity } from '../core/types.js';
import type { SweepReportJson } from '../sweep/types.js';

/** Plain fixed-width tables for terminal output; values arrive already masked unless --reveal. */
export function formatTable(headers: string[], rows: string[][], maxWidth = 60): string {
  const clip = (s: string) => (s.length > maxWidth ? s.slice(0, maxWidth - 1) + '…' : s);
  const cells = [headers, ...rows].map((r) => r.map(clip));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];

export function formatSweepSummary(report: SweepReportJson, opts: { limit?: number; skipped?: Record<string, number>; interruptedBy?: string } = {}): string {
  const { run, summary, findings } = report;
  const limit = opts.limit ?? 25;
  const out: string[] = [];
  const seconds = (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
  out.push(`Run ${run.id}: ${run.pages} pages, ${run.documents} documents, ${run.errors} errors in ${seconds.toFixed(1)} s`);
  const skipped = Object.entries(opts.skipped ?? {}).filter(([, n]) => n > 0);
  if (skipped.length) out.push(`Skipped: ${skipped.map(([why, n]) => `${n} (${why})`).join(', ')}`);
  if (opts.interruptedBy) out.push(`Interrupted by ${opts.interruptedBy}: run ${run.id} is kept, and the next sweep of this target resumes it.`);
  out.push('');
  out.push(formatTable(['severity', 'findings'], ORDER.map((s) => [s, String(summary[s])])));
  out.push('');
  out.push(`New incidents: ${summary.newIncidents}    Data subjects (approx.): ${summary.dataSubjects}`);
  const serious = findings.filter((f) => f.severity === 'critical' || f.severity === 'high');
  if (serious.length) {
    out.push('');
    out.push(`High and critical findings (${serious.length}${serious.length > limit ? `, first ${limit}; --json for all` : ''}):`);
    out.push(formatTable(
      ['severity', 'entity', 'value', 'new', 'page', 'location'],
      serious.slice(0, limit).map((f) => [f.severity, f.entity, f.value, f.isNew ? 'yes' : '', new URL(f.url).pathname, f.location]),
      48,
    ));
  }
  return out.join('\n');
}
