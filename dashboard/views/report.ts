import { CHECKLIST_STATES } from '../../storage/users.js';
import { html, unsafeRaw, type SafeHtml } from '../html.js';
import { fmtDuration, fmtTime, severityBadge, statusBadge, STYLES } from '../layout.js';
import { ICO_DEADLINE_HOURS, type BreachReport, type ChecklistItem } from '../report.js';

const yesNo = (flag: boolean): SafeHtml => html`<strong class="${flag ? 'state-todo' : 'state-done'}">${flag ? 'Yes' : 'No'}</strong>`;
const stateLabel = (s: string) => s.replace('-', ' ');
const t = (iso: string | null) => (iso ? html`<time datetime="${iso}">${fmtTime(iso)}</time>` : html`<span class="muted">—</span>`);

function checklistRow(item: BreachReport['containment'][number], opts: ReportRenderOptions, ids: string[]): SafeHtml {
  const editable = opts.interactive && opts.canReview && !item.derived;
  return html`<tr data-item="${item.key}">
  <td>${item.label}${item.derived ? html` <span class="small muted">(from Leakwatch's re-fetch data)</span>` : ''}</td>
  <td><span class="state-${item.state}">${stateLabel(item.state)}</span>${item.note ? html`<div class="small muted">${item.note}</div>` : ''}${item.by ? html`<div class="small muted">${item.by}${item.at ? html`, ${t(item.at)}` : ''}</div>` : ''}</td>
  ${opts.interactive ? html`<td class="no-print">${editable ? checklistForm(item, opts.csrf, ids) : ''}</td>` : ''}
</tr>`;
}

function checklistForm(item: ChecklistItem, csrf: string, ids: string[]): SafeHtml {
  return html`<form method="post" action="/report/checklist" class="inline">
  <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="item" value="${item.key}">
  ${ids.map((id) => html`<input type="hidden" name="ids" value="${id}">`)}
  <label class="sr-only" for="cl-${item.key}">State of: ${item.label}</label><select id="cl-${item.key}" name="state">${CHECKLIST_STATES.map((s) => html`<option value="${s}" ${s === item.state ? html`selected` : ''}>${stateLabel(s)}</option>`)}</select>
  <label class="sr-only" for="cl-note-${item.key}">Note</label><input id="cl-note-${item.key}" name="note" type="text" placeholder="note (who, ticket…)" value="${item.note ?? ''}">
  <button type="submit">Save</button>
</form>`;
}

export interface ReportRenderOptions {
  interactive: boolean;
  canReview: boolean;
  csrf: string;
  now: Date;
}

export function reportBody(r: BreachReport, opts: ReportRenderOptions): SafeHtml {
  const ids = r.incidentIds;
  const idQuery = ids.map((id) => `ids=${encodeURIComponent(id)}`).join('&');
  const hoursLeft = r.deadline ? (Date.parse(r.deadline) - opts.now.getTime()) / 3_600_000 : null;
  return html`<article class="report" aria-labelledby="report-title">
<h1 id="report-title">Personal data breach: facts for the ICO report</h1>
<p class="muted small">UK GDPR Art. 33(3); for law-enforcement processing DPA 2018 Part 3, s.67. Generated ${t(r.generatedAt)} by ${r.generatedBy} from the Leakwatch database:
  ${r.incidents.length} incident(s) on ${r.targets.join(', ') || '—'}. Counts are from the database; the drafted text is marked for the DPO to confirm. Times are UK time.</p>
${opts.interactive ? html`<p class="no-print"><a class="button primary" href="/report.pdf?${idQuery}" id="download-pdf">Download PDF</a> <a class="button" href="/report.html?${idQuery}" id="download-html">Download HTML</a></p>` : ''}

<section class="card" aria-labelledby="s-clock"><h2 id="s-clock">72-hour clock</h2>
<dl class="facts">
  <dt>Detected (became aware)</dt><dd id="detected-at">${t(r.detectedAt)}</dd>
  <dt>Notify the ICO by</dt><dd id="deadline">${t(r.deadline)} ${hoursLeft === null ? '' : hoursLeft >= 0
    ? html`<strong>(${fmtDuration(hoursLeft * 3_600_000)} left)</strong>`
    : html`<strong class="state-todo">(overdue by ${fmtDuration(-hoursLeft * 3_600_000)}: give the reasons for the delay)</strong>`}</dd>
</dl>
<p class="small muted">The ${ICO_DEADLINE_HOURS} hours run from reasonable certainty of a breach: taken here as Leakwatch's first detection. Information may be given in phases.</p>
</section>

<section class="card" aria-labelledby="s-nature"><h2 id="s-nature">Nature of the breach</h2>
<p class="draft" id="nature">${r.natureSummary} <span class="small muted">(Draft: confirm.)</span></p>
<h3>Where and how it was published (${r.urls} URL(s))</h3>
<table><thead><tr><th scope="col">URL</th><th scope="col">Form of publication</th><th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col">Removed</th></tr></thead>
<tbody>${r.publication.map((p) => html`<tr><td class="small">${p.url}<div class="muted">${p.locations.slice(0, 4).join('; ')}${p.locations.length > 4 ? ` … +${p.locations.length - 4}` : ''}</div></td><td class="small">${p.forms.join('; ')}</td><td>${t(p.firstSeen)}</td><td>${t(p.lastSeen)}</td><td>${p.removedAt ? t(p.removedAt) : html`<strong>still live</strong>`}</td></tr>`)}</tbody></table>
</section>

<section class="card" aria-labelledby="s-window"><h2 id="s-window">Exposure window</h2>
<dl class="facts">
  <dt>First seen</dt><dd id="first-seen">${t(r.firstSeen)}</dd>
  <dt>Last seen</dt><dd id="last-seen">${t(r.lastSeen)}</dd>
  <dt>Removed at</dt><dd id="removed-at">${r.removedAt ? t(r.removedAt) : html`<strong>not yet removed</strong> (${r.stillLive} occurrence(s) live at the last successful fetch)`}</dd>
  <dt>Exposure duration</dt><dd id="exposure">${r.exposureMs === null ? '—' : fmtDuration(r.exposureMs)}${r.exposureOngoing ? ' so far (ongoing)' : ''}</dd>
</dl>
<p class="small muted">First seen is when Leakwatch first fetched the data; it may have been published earlier. Check the site's publishing log and access logs.</p>
</section>

<section class="card" aria-labelledby="s-who"><h2 id="s-who">Who and what</h2>
<dl class="facts">
  <dt>Approximate number of data subjects</dt><dd id="data-subjects"><strong>${r.dataSubjects}</strong> distinct people named</dd>
  <dt>Approximate number of records</dt><dd id="records"><strong>${r.caseRecords}</strong> case record(s) and <strong>${r.otherItems}</strong> further item(s) of personal data; ${r.findings} finding(s) in ${r.occurrences} place(s)</dd>
  <dt>Categories of data subjects</dt><dd id="subject-categories">${r.subjectCategories.length ? r.subjectCategories.map((s) => `${s.label} (${s.incidents} incident(s))`).join('; ') : 'Not identified by role: members of the public'}</dd>
  <dt>Categories of personal data</dt><dd id="data-categories">${[...r.dataCategories.map((c) => `${c.label} (${c.incidents})`), ...r.extraCategories].join('; ')}</dd>
  <dt>Criminal-offence data</dt><dd id="criminal-flag">${yesNo(r.criminalOffence.flag)} <span class="small muted">${r.criminalOffence.why}</span></dd>
  <dt>Special-category data</dt><dd id="special-flag">${yesNo(r.specialCategory.flag)} <span class="small muted">${r.specialCategory.why}</span></dd>
  <dt>Children or vulnerable people</dt><dd>${yesNo(r.childrenOrVulnerable.flag)} <span class="small muted">${r.childrenOrVulnerable.why}</span></dd>
  <dt>Likely high risk to individuals</dt><dd>${yesNo(r.highRisk)} <span class="small muted">${r.highRisk ? 'Inform the people affected without undue delay (Art. 34 / s.68).' : 'Document the breach even if it is not reported.'}</span></dd>
</dl>
</section>

<section class="card" aria-labelledby="s-consequences"><h2 id="s-consequences">Likely consequences <span class="small muted">(draft for the DPO to confirm)</span></h2>
<ul class="draft" id="consequences">${r.consequencesDraft.map((c) => html`<li>${c}</li>`)}</ul>
</section>

<section class="card" aria-labelledby="s-containment"><h2 id="s-containment">Containment checklist</h2>
<table class="checklist" id="containment"><thead><tr><th scope="col">Measure</th><th scope="col">State</th>${opts.interactive ? html`<th scope="col" class="no-print">Update</th>` : ''}</tr></thead>
<tbody>${r.containment.map((c) => checklistRow(c, opts, ids))}</tbody></table>
<h3>Measures taken so far</h3>
<ul id="measures">${r.measuresTaken.map((m) => html`<li>${m}</li>`)}</ul>
</section>

<section class="card" aria-labelledby="s-contact"><h2 id="s-contact">Contact point</h2>
<p>Data Protection Officer: <span class="muted">(name, telephone, e-mail: to complete)</span></p>
</section>

<section class="card" aria-labelledby="s-incidents"><h2 id="s-incidents">Incidents in this report</h2>
<table><thead><tr><th scope="col">Incident</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Masked value</th><th scope="col" class="num">Subjects</th><th scope="col">First seen</th><th scope="col">Removed</th></tr></thead>
<tbody>${r.incidents.map((i) => html`<tr><td class="small">${opts.interactive ? html`<a href="/incidents/${i.id}">${i.id}</a>` : i.id}</td><td>${severityBadge(i.severity)}</td><td>${statusBadge(i.status)}</td><td class="masked small">${i.maskedValue}</td><td class="num">${i.dataSubjects}</td><td>${t(i.firstSeen)}</td><td>${t(i.removedAt)}</td></tr>`)}</tbody></table>
</section>
</article>`;
}

/** A self-contained document (HTML export and the PDF source): inline styles only, no scripts, no links out. */
export function standaloneReport(r: BreachReport, now: Date): string {
  return html`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Breach report · ${r.targets.join(', ')} · ${r.generatedAt.slice(0, 10)}</title>
<style>${unsafeRaw(STYLES)}
@page { size: A4; margin: 16mm 14mm; }
body { background:#fff; } main { max-width: none; padding: 0 4px; } .card { break-inside: avoid; }
.classification { text-align:center; font-weight:700; letter-spacing:.1em; font-size:.8rem; margin-bottom:8px; }
</style></head>
<body><main>
<div class="classification">OFFICIAL-SENSITIVE</div>
${reportBody(r, { interactive: false, canReview: false, csrf: '', now })}
</main></body></html>`.value;
}
