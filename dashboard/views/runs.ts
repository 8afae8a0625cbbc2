import type { OutboxRow, RunRow } from '../../storage/index.js';
import type { RunFindingCounts } from '../../storage/users.js';
import { runsChart } from '../chart.js';
import { html, type SafeHtml } from '../html.js';
import { fmtDuration, fmtTime, severityBadge, timeEl } from '../layout.js';

export interface TargetHealthView {
  target: string;
  lastCycleAt: string | null;
  lastSuccessfulCycleAt: string | null;
  consecutiveFailures: number;
  openAlerts: Array<{ kind: string; raisedAt: string; detail: string | null }>;
}

export interface RunsModel {
  runs: RunRow[];
  findings: Map<number, RunFindingCounts>;
  outbox: { pending: number; sent: number; dead: number };
  deadLetters: OutboxRow[];
  targets: TargetHealthView[];
  sweepTargets: string[];
  canSweep: boolean;
  sweepsRunning: string[];
  csrf: string;
}

export function runsView(m: RunsModel): SafeHtml {
  const chronological = [...m.runs].reverse();
  const points = chronological.map((r) => ({ label: fmtTime(r.startedAt).replace(/ \d{4},?/, ''), pages: r.pages, findings: m.findings.get(r.id)?.findings ?? 0 }));
  const lastHeartbeat = m.targets.map((t) => t.lastSuccessfulCycleAt).filter(Boolean).sort().at(-1) ?? null;
  return html`<h1>Runs &amp; health</h1>
<section class="grid" aria-label="Health summary">
  <div class="stat"><span class="n" id="outbox-pending">${m.outbox.pending}</span><span class="l">alerts pending</span></div>
  <div class="stat"><span class="n" id="outbox-sent">${m.outbox.sent}</span><span class="l">alerts sent</span></div>
  <div class="stat"><span class="n" id="outbox-dead">${m.outbox.dead}</span><span class="l">dead letters</span></div>
  <div class="stat"><span class="n when" id="last-heartbeat">${timeEl(lastHeartbeat)}</span><span class="l">last heartbeat (successful cycle)</span></div>
</section>

<h2>On-demand sweep</h2>
<div class="card">
${m.sweepsRunning.length ? html`<p role="status">Sweep running: ${m.sweepsRunning.join(', ')}.</p>` : ''}
${!m.sweepTargets.length
  ? html`<p class="muted">On-demand sweeps are available when the dashboard runs inside <code>leakwatch serve</code>.</p>`
  : m.canSweep
    ? html`<form method="post" action="/runs/sweep" class="filters">
        <input type="hidden" name="_csrf" value="${m.csrf}">
        <div><label for="sweep-target">Target</label><select id="sweep-target" name="target">${m.sweepTargets.map((t) => html`<option value="${t}">${t}</option>`)}</select></div>
        <div><button class="primary" type="submit" id="sweep-now">Sweep now</button></div>
      </form>`
    : html`<p class="muted">Starting a sweep needs the reviewer role.</p>`}
</div>

<h2>Pages and findings over time</h2>
<div class="card chart">
  <div class="legend" aria-hidden="true"><span><span class="sw sw-pages"></span>pages fetched (left scale)</span><span><span class="sw sw-findings"></span>findings (right scale)</span></div>
  ${runsChart(points)}
</div>

<h2>Targets</h2>
<div class="table-wrap"><table>
  <thead><tr><th scope="col">Target</th><th scope="col">Last cycle</th><th scope="col">Last successful cycle</th><th scope="col" class="num">Failures in a row</th><th scope="col">Open monitor alerts</th></tr></thead>
  <tbody>${m.targets.length ? '' : html`<tr><td colspan="5" class="muted">No cycles recorded yet.</td></tr>`}
  ${m.targets.map((t) => html`<tr><td>${t.target}</td><td>${timeEl(t.lastCycleAt)}</td><td>${timeEl(t.lastSuccessfulCycleAt)}</td><td class="num">${t.consecutiveFailures}</td>
    <td>${t.openAlerts.length ? t.openAlerts.map((a) => html`<div><strong>${a.kind}</strong> since ${timeEl(a.raisedAt)}${a.detail ? html` <span class="small muted">${a.detail}</span>` : ''}</div>`) : html`<span class="muted">none</span>`}</td></tr>`)}
  </tbody>
</table></div>

<h2>Runs</h2>
<div class="table-wrap"><table id="runs">
  <thead><tr><th scope="col" class="num">Run</th><th scope="col">Target</th><th scope="col">Mode</th><th scope="col">Status</th><th scope="col">Started</th><th scope="col">Duration</th>
    <th scope="col" class="num">Pages</th><th scope="col" class="num">Documents</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Findings</th><th scope="col" class="num">New</th></tr></thead>
  <tbody>${m.runs.length ? '' : html`<tr><td colspan="11" class="muted">No runs yet.</td></tr>`}
  ${m.runs.map((r) => {
    const f = m.findings.get(r.id);
    return html`<tr><td class="num">${r.id}</td><td>${r.target}</td><td>${r.mode}${r.baseline ? ' (baseline)' : ''}</td><td>${r.status}</td><td>${timeEl(r.startedAt)}</td>
      <td>${r.finishedAt ? fmtDuration(Date.parse(r.finishedAt) - Date.parse(r.startedAt)) : 'running'}</td>
      <td class="num">${r.pages}</td><td class="num">${r.documents}</td><td class="num">${r.errors}</td>
      <td class="num" title="${f ? `critical ${f.critical}, high ${f.high}, medium ${f.medium}, low ${f.low}` : ''}">${f?.findings ?? 0}</td><td class="num">${f?.newFindings ?? 0}</td></tr>`;
  })}
  </tbody>
</table></div>

<h2>Dead letters</h2>
<div class="table-wrap"><table id="dead-letters">
  <thead><tr><th scope="col">Alert</th><th scope="col">Kind</th><th scope="col">Severity</th><th scope="col">Target</th><th scope="col" class="num">Attempts</th><th scope="col">Last error</th><th scope="col">Created</th></tr></thead>
  <tbody>${m.deadLetters.length ? '' : html`<tr><td colspan="7" class="muted">None: every alert was delivered or is still being retried.</td></tr>`}
  ${m.deadLetters.map((d) => html`<tr><td><code>${d.alertId}</code>${d.incidentId ? html`<div class="small"><a href="/incidents/${d.incidentId}">${d.incidentId}</a></div>` : ''}</td><td>${d.kind}</td><td>${severityBadge(d.severity)}</td><td>${d.target}</td><td class="num">${d.attempts}</td><td class="small">${d.lastError ?? ''}</td><td>${timeEl(d.createdAt)}</td></tr>`)}
  </tbody>
</table></div>`;
}
