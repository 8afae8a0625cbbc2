import { ENTITIES, SEVERITIES, type Entity, type Severity } from '../../core/types.js';
import { INCIDENT_STATUSES, type IncidentRow, type IncidentStatus } from '../../storage/index.js';
import { html, query, type SafeHtml } from '../html.js';
import { severityBadge, statusBadge, timeEl } from '../layout.js';
import { ENTITY_LABELS } from '../report.js';

export interface IncidentFilterForm {
  severity?: Severity;
  status?: IncidentStatus | 'open';
  target?: string;
  entity?: Entity;
  sort?: 'newest' | 'severity';
}

export interface IncidentListModel {
  filter: IncidentFilterForm;
  rows: IncidentRow[];
  /** Counts over every incident (unfiltered), for the summary cards. */
  totals: { all: number; open: number; openBySeverity: Record<Severity, number>; closed: number };
  targets: string[];
}

function select(name: string, label: string, current: string | undefined, options: Array<{ value: string; label: string }>): SafeHtml {
  return html`<div><label for="f-${name}">${label}</label>
  <select id="f-${name}" name="${name}">
    <option value="">All</option>
    ${options.map((o) => html`<option value="${o.value}" ${o.value === current ? html`selected` : ''}>${o.label}</option>`)}
  </select></div>`;
}

export function incidentsView(m: IncidentListModel): SafeHtml {
  const f = m.filter;
  const filtered = Boolean(f.severity || f.status || f.target || f.entity);
  return html`<h1>Incidents</h1>
<section class="grid" aria-label="Summary">
  <div class="stat"><span class="n" id="count-open">${m.totals.open}</span><span class="l">open (new or acknowledged)</span></div>
  ${SEVERITIES.map((s) => html`<div class="stat"><span class="n">${m.totals.openBySeverity[s]}</span><span class="l">open ${s}</span></div>`)}
  <div class="stat"><span class="n">${m.totals.closed}</span><span class="l">closed</span></div>
</section>
<form class="filters card" method="get" action="/incidents" role="search" aria-label="Filter incidents">
  ${select('severity', 'Severity', f.severity, SEVERITIES.map((s) => ({ value: s, label: s })))}
  ${select('status', 'Status', f.status, [{ value: 'open', label: 'open (new + acknowledged)' }, ...INCIDENT_STATUSES.map((s) => ({ value: s, label: s.replace('-', ' ') }))])}
  ${select('target', 'Target', f.target, m.targets.map((t) => ({ value: t, label: t })))}
  ${select('entity', 'Entity', f.entity, ENTITIES.map((e) => ({ value: e, label: ENTITY_LABELS[e] })))}
  <div><label for="f-sort">Order</label><select id="f-sort" name="sort">
    <option value="newest" ${f.sort !== 'severity' ? html`selected` : ''}>Newest first</option>
    <option value="severity" ${f.sort === 'severity' ? html`selected` : ''}>Most severe first</option>
  </select></div>
  <div><button type="submit">Filter</button> ${filtered ? html`<a href="/incidents">Clear</a>` : ''}</div>
</form>
<form method="get" action="/report" aria-label="Breach report from selected incidents">
<div class="table-wrap">
<table>
  <caption class="muted small" id="result-count">${m.rows.length} of ${m.totals.all} incidents${filtered ? ' match the filter' : ''}, ${f.sort === 'severity' ? 'most severe first, then newest' : 'newest first'}</caption>
  <thead><tr>
    <th scope="col"><input type="checkbox" id="select-all" aria-label="Select all incidents for the report"></th>
    <th scope="col">Severity</th><th scope="col">What leaked (masked)</th><th scope="col">Target</th><th scope="col">Status</th>
    <th scope="col" class="num">Subjects</th><th scope="col" class="num">Live / URLs</th><th scope="col">First seen</th><th scope="col">Detected</th>
  </tr></thead>
  <tbody>
  ${m.rows.length === 0 ? html`<tr><td colspan="9" class="muted">No incidents${filtered ? ' match this filter' : ' yet'}.</td></tr>` : ''}
  ${m.rows.map((r) => html`<tr data-incident="${r.id}">
    <td><input type="checkbox" name="ids" value="${r.id}" aria-label="Include ${r.id} in the report"></td>
    <td>${severityBadge(r.severity)}</td>
    <td><a href="/incidents/${r.id}"><span class="masked">${r.maskedValue}</span></a>
      <div class="small muted">${r.isCaseRecord ? 'Case record · ' : ''}${r.entities.map((e) => ENTITY_LABELS[e] ?? e).join(', ')}${r.roles.length ? ` · ${r.roles.join(', ')}` : ''}</div></td>
    <td>${r.target}</td>
    <td>${statusBadge(r.status)}</td>
    <td class="num">${r.dataSubjects}</td>
    <td class="num">${r.liveOccurrences} / ${r.urls.length}</td>
    <td>${timeEl(r.firstSeen)}</td>
    <td>${timeEl(r.detectedAt)}</td>
  </tr>`)}
  </tbody>
</table>
</div>
<p><button class="primary" type="submit">Breach report for selected</button>
  <span class="muted small">Or <a href="/report${query({ target: f.target, all: '1' })}">report every high and critical incident${f.target ? ` of ${f.target}` : ''}</a>.</span></p>
</form>`;
}
