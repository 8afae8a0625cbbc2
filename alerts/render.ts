import { createHash } from 'node:crypto';
import type { AlertPayload } from './types.js';

/**
 * Human-readable alert text (e-mail, .eml, Teams). Everything comes from AlertPayload, which holds
 * masked values only, so nothing rendered here can carry a raw value.
 */

const KIND_LABEL: Record<AlertPayload['kind'], string> = {
  'incident.new': 'New exposure',
  'incident.reopened': 'Exposure is back',
  'incident.resolved': 'No longer found',
  'digest.medium': 'Medium digest',
  'monitor.unreachable': 'Site unreachable',
  'monitor.stalled': 'Monitor stalled',
  'monitor.canary-failed': 'Canary failed',
  'monitor.recovered': 'Monitor recovered',
};

export function kindLabel(kind: AlertPayload['kind']): string {
  return KIND_LABEL[kind];
}

export function subjectFor(alerts: AlertPayload[]): string {
  if (alerts.length === 1) return `[Leakwatch] ${alerts[0].title}`;
  const first = alerts[0];
  const sev = worstSeverity(alerts).toUpperCase();
  const news = alerts.filter((a) => a.kind === 'incident.new' || a.kind === 'incident.reopened').length;
  const resolved = alerts.filter((a) => a.kind === 'incident.resolved').length;
  const monitors = alerts.filter((a) => a.kind.startsWith('monitor.')).length;
  const parts = [news && `${news} new or returning exposure(s)`, resolved && `${resolved} no longer found`, monitors && `${monitors} monitor alert(s)`].filter(Boolean);
  return `[Leakwatch] ${news ? `${sev}: ` : ''}${parts.join(', ') || `${alerts.length} alerts`} on ${first.target}`;
}

const RANK = { low: 1, medium: 2, high: 3, critical: 4 } as const;
export function worstSeverity(alerts: AlertPayload[]): AlertPayload['severity'] {
  return alerts.reduce<AlertPayload['severity']>((s, a) => (RANK[a.severity] > RANK[s] ? a.severity : s), 'low');
}

export function totals(alerts: AlertPayload[]): { findings: number; records: number; dataSubjects: number; urls: number } {
  const urls = new Set(alerts.flatMap((a) => a.urls));
  return {
    findings: alerts.reduce((n, a) => n + a.counts.findings, 0),
    records: alerts.reduce((n, a) => n + a.counts.records, 0),
    dataSubjects: alerts.reduce((n, a) => n + a.counts.dataSubjects, 0),
    urls: urls.size,
  };
}

function actionFor(a: AlertPayload): string {
  switch (a.kind) {
    case 'incident.new':
    case 'incident.reopened':
      return 'Remove or suspend the page, then acknowledge the incident on the dashboard. The 72-hour ICO clock starts at the detection time.';
    case 'incident.resolved':
      return 'A successful re-fetch no longer shows it (or a reviewer resolved it). Check search-engine and archive caches.';
    case 'digest.medium':
      return 'Review on the dashboard when convenient; nothing here needs a page.';
    case 'monitor.recovered':
      return 'Monitoring is working again.';
    default:
      return 'Monitoring is impaired: new leaks may go unnoticed until this is fixed.';
  }
}

function alertLines(a: AlertPayload): string[] {
  const lines = [`${a.severity.toUpperCase()} - ${kindLabel(a.kind)}${a.incidentId ? ` - ${a.incidentId}` : ''}`, `  ${a.title}`];
  if (a.entities.length) lines.push(`  Categories: ${a.entities.join(', ')}`);
  if (a.maskedValues.length) lines.push(`  Values (masked): ${a.maskedValues.join('; ')}`);
  if (a.kind.startsWith('incident') || a.kind === 'digest.medium') {
    lines.push(`  Counts: ${a.counts.findings} finding(s), ${a.counts.records} record(s), ${a.counts.dataSubjects} data subject(s), ${a.counts.urls} URL(s)`);
  }
  for (const u of a.urls) lines.push(`  URL: ${u}`);
  if (a.firstSeen) lines.push(`  First seen: ${a.firstSeen}${a.lastSeen ? `   Last seen: ${a.lastSeen}` : ''}`);
  lines.push(`  Detected at: ${a.detectedAt}`);
  if (a.dashboardUrl) lines.push(`  Review: ${a.dashboardUrl}`);
  lines.push(`  What to do: ${actionFor(a)}`);
  return lines;
}

export function renderText(alerts: AlertPayload[]): string {
  const t = totals(alerts);
  const head = [
    `Leakwatch: ${alerts.length} alert(s) for ${[...new Set(alerts.map((a) => a.target))].join(', ')}`,
    alerts.some((a) => a.kind.startsWith('incident') || a.kind === 'digest.medium')
      ? `Totals: ${t.findings} finding(s), ${t.records} record(s), ${t.dataSubjects} data subject(s) on ${t.urls} URL(s).`
      : '',
    'Values are masked. Raw values are only on the dashboard, for authorised reviewers, and every reveal is logged.',
    '',
  ].filter((l, i) => l || i === 3);
  return [...head, ...alerts.flatMap((a) => [...alertLines(a), ''])].join('\n');
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const COLOUR = { critical: '#a4000f', high: '#c65100', medium: '#8a6d00', low: '#555' } as const;

export function renderHtml(alerts: AlertPayload[]): string {
  const t = totals(alerts);
  const rows = alerts.map((a) => {
    const link = a.dashboardUrl ? `<a href="${esc(a.dashboardUrl)}">Review</a>` : '';
    const urls = a.urls.map((u) => `<a href="${esc(u)}">${esc(u)}</a>`).join('<br>');
    return `<tr>
  <td style="color:${COLOUR[a.severity]};font-weight:bold">${esc(a.severity.toUpperCase())}</td>
  <td>${esc(kindLabel(a.kind))}${a.incidentId ? `<br><code>${esc(a.incidentId)}</code>` : ''}</td>
  <td>${esc(a.entities.join(', '))}</td>
  <td>${a.maskedValues.map(esc).join('<br>')}</td>
  <td>${a.counts.records} / ${a.counts.dataSubjects}</td>
  <td>${urls}</td>
  <td>${esc(a.firstSeen ?? a.detectedAt)}</td>
  <td>${link}</td>
</tr>`;
  });
  return `<!doctype html><html><body style="font-family:sans-serif">
<h2>${esc(subjectFor(alerts).replace(/^\[Leakwatch\] /, ''))}</h2>
<p>${t.findings} finding(s), ${t.records} record(s), ${t.dataSubjects} data subject(s) on ${t.urls} URL(s). Values are masked.</p>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">
<tr><th>Severity</th><th>Alert</th><th>Categories</th><th>Values (masked)</th><th>Records / subjects</th><th>URLs</th><th>First seen</th><th></th></tr>
${rows.join('\n')}
</table>
<p>${esc(actionFor(alerts[0]))}</p>
</body></html>`;
}

/** A Message-ID that is the same for the same set of alerts, so a resend after a crash is recognisably the same message. */
export function messageIdFor(alerts: AlertPayload[], channel: string, domain = 'leakwatch.local'): string {
  const key = createHash('sha256').update(alerts.map((a) => a.alertId).sort().join(',') + '|' + channel).digest('hex').slice(0, 32);
  return `<${key}@${domain}>`;
}
