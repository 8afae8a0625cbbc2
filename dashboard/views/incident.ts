import type { IncidentDetail, OccurrenceRow } from '../../storage/index.js';
import type { AllowEntry } from '../../storage/users.js';
import { escapeHtml, html, unsafeRaw, type SafeHtml } from '../html.js';
import { fmtDuration, severityBadge, statusBadge, timeEl } from '../layout.js';
import { ENTITY_LABELS, publicationForm, type TimelinePoint } from '../report.js';

export interface RevealedEvidence {
  text: string | null;
  hasScreenshot: boolean;
}

export interface IncidentPageModel {
  incident: IncidentDetail;
  timeline: TimelinePoint[];
  canReview: boolean;
  csrf: string;
  allowEntries: AllowEntry[];
  /** Present only in the response to a reviewer's reveal. */
  revealed?: { values: string[]; display: string; evidence: Map<number, RevealedEvidence> };
  today: string;
}

/** Escapes the evidence text and wraps each revealed value in <mark>. */
export function highlight(text: string, values: string[]): SafeHtml {
  const needles = [...new Set(values.map((v) => v.trim()).filter((v) => v.length >= 2))].sort((a, b) => b.length - a.length);
  if (!needles.length) return html`${text}`;
  const pattern = new RegExp(needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|'), 'gi');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out += escapeHtml(text.slice(last, m.index)) + `<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index! + m[0].length;
  }
  return unsafeRaw(out + escapeHtml(text.slice(last)));
}

function timelineView(points: TimelinePoint[]): SafeHtml {
  return html`<ol class="timeline" aria-label="Timeline">
  ${points.map((p) => html`<li class="${p.at ? 'done' : ''}"><span class="what">${p.label}</span>${p.at ? timeEl(p.at) : html`<span class="when">not yet</span>`}${p.by ? html`<div class="small muted">by ${p.by}</div>` : ''}</li>`)}
</ol>`;
}

function occurrenceRow(o: OccurrenceRow, m: IncidentPageModel): SafeHtml {
  const ev = m.revealed?.evidence.get(o.id);
  return html`<tr>
  <td>${/^https?:\/\//i.test(o.url) ? html`<a href="${o.url}" rel="noreferrer noopener" target="_blank">${o.url}</a>` : o.url}<div class="small muted">${publicationForm(o)}</div></td>
  <td><code>${o.location}</code></td>
  <td>${timeEl(o.firstSeen)}</td><td>${timeEl(o.lastSeen)}</td>
  <td>${o.removedAt ? timeEl(o.removedAt) : html`<strong>live</strong>`}</td>
  <td class="small"><code title="SHA-256 of the response">${o.contentHash ? o.contentHash.slice(0, 12) + '…' : '—'}</code></td>
  <td class="small">${o.purgedAt ? 'purged' : [o.hasEvidence ? 'text' : '', o.hasScreenshot ? 'screenshot' : ''].filter(Boolean).join(' + ') || '—'}</td>
</tr>
${ev ? html`<tr class="evidence"><td colspan="7">
  ${ev.text ? html`<h3>Evidence text</h3><div class="revealed">${highlight(ev.text, m.revealed!.values)}</div>` : ''}
  ${ev.hasScreenshot ? html`<h3>Evidence screenshot</h3><img src="/incidents/${m.incident.id}/evidence/${o.id}.png" alt="Screenshot of ${o.location} on ${o.url} with the leaked data highlighted" loading="lazy">` : ''}
</td></tr>` : ''}`;
}

function actionsView(m: IncidentPageModel): SafeHtml {
  const inc = m.incident;
  const hidden = html`<input type="hidden" name="_csrf" value="${m.csrf}">`;
  if (!m.canReview) return html`<p class="muted">Decisions and reveals need the reviewer role. Ask an administrator if you need it.</p>`;
  const open = inc.status === 'new' || inc.status === 'acknowledged';
  return html`<div class="actions">
  ${inc.status === 'new' ? html`<form method="post" action="/incidents/${inc.id}/status" aria-labelledby="act-ack">
    ${hidden}<input type="hidden" name="action" value="acknowledge">
    <p id="act-ack"><strong>Acknowledge</strong>: you are handling it.</p>
    <label for="ack-reason">Note (optional)</label><textarea id="ack-reason" name="reason"></textarea>
    <button class="primary" type="submit">Acknowledge</button></form>` : ''}
  ${inc.status !== 'resolved' ? html`<form method="post" action="/incidents/${inc.id}/status" aria-labelledby="act-resolve">
    ${hidden}<input type="hidden" name="action" value="resolve">
    <p id="act-resolve"><strong>Resolve</strong>: taken down and contained.</p>
    <label for="resolve-reason">Note (optional)</label><textarea id="resolve-reason" name="reason"></textarea>
    <button type="submit">Resolve</button></form>` : ''}
  ${inc.status !== 'false-positive' ? html`<form method="post" action="/incidents/${inc.id}/status" aria-labelledby="act-fp">
    ${hidden}<input type="hidden" name="action" value="false-positive">
    <p id="act-fp"><strong>False positive</strong>: not personal data, or public-role data.</p>
    <label for="fp-reason">Reason (required)</label><textarea id="fp-reason" name="reason" required minlength="3"></textarea>
    <button type="submit">Mark false positive</button></form>` : ''}
  ${inc.status !== 'accepted-risk' ? html`<form method="post" action="/incidents/${inc.id}/status" aria-labelledby="act-ar">
    ${hidden}<input type="hidden" name="action" value="accepted-risk">
    <p id="act-ar"><strong>Accept the risk</strong>: lawful to publish; recorded decision.</p>
    <label for="ar-reason">Reason (required)</label><textarea id="ar-reason" name="reason" required minlength="3"></textarea>
    <button type="submit">Accept risk</button></form>` : ''}
  <form method="post" action="/incidents/${inc.id}/allow" aria-labelledby="act-allow">
    ${hidden}
    <p id="act-allow"><strong>Allow-list this value</strong>${open ? ' (also closes the incident as a false positive)' : ''}.</p>
    <label for="allow-reason">Reason (required)</label><textarea id="allow-reason" name="reason" required minlength="3"></textarea>
    <label for="allow-expires">Expires on (required)</label><input id="allow-expires" name="expires" type="date" required min="${m.today}">
    <label for="allow-prefix">Only under URL prefix (optional)</label><input id="allow-prefix" name="urlPrefix" type="text" inputmode="url" placeholder="https://www.police.uk/…">
    <button type="submit">Add to allow-list</button></form>
</div>`;
}

export function incidentView(m: IncidentPageModel): SafeHtml {
  const inc = m.incident;
  const exposureEnd = inc.removedAt ?? new Date().toISOString();
  return html`<p class="small"><a href="/incidents">← All incidents</a></p>
<h1>Incident <span class="masked">${inc.maskedValue}</span></h1>
<p>${severityBadge(inc.severity)} ${statusBadge(inc.status)} <span class="muted small">${inc.id}</span></p>
<div class="card">
<dl class="facts">
  <dt>Target</dt><dd>${inc.target}</dd>
  <dt>Kind</dt><dd>${inc.isCaseRecord ? 'Case record (person tied to a case)' : `Single value (${ENTITY_LABELS[inc.entity] ?? inc.entity})`}</dd>
  <dt>Personal data</dt><dd>${inc.entities.map((e) => ENTITY_LABELS[e] ?? e).join(', ')}</dd>
  <dt>Data subjects</dt><dd>${inc.dataSubjects}${inc.roles.length ? ` (${inc.roles.join(', ')})` : ''}</dd>
  ${inc.natures.length ? html`<dt>Nature of the case</dt><dd>${inc.natures.join(', ')}</dd>` : ''}
  <dt>Exposure</dt><dd>${fmtDuration(Date.parse(exposureEnd) - Date.parse(inc.firstSeen))}${inc.removedAt ? '' : ' and counting'}</dd>
  ${inc.statusReason ? html`<dt>Decision</dt><dd>${inc.statusReason}${inc.statusActor ? html` <span class="muted">(${inc.statusActor})</span>` : ''}</dd>` : ''}
  ${inc.reopenCount ? html`<dt>Reopened</dt><dd>${inc.reopenCount} time(s)</dd>` : ''}
  ${inc.baseline ? html`<dt>Baseline</dt><dd>Recorded on the target's first sweep without alerting</dd>` : ''}
</dl>
</div>
<h2>Timeline</h2>
<div class="card">${timelineView(m.timeline)}</div>

<h2>Value</h2>
<div class="card" id="value">
  <p>Masked: <span class="masked" id="masked-value">${inc.maskedValue}</span></p>
  ${m.revealed
    ? html`<p><strong>Revealed to you</strong> (recorded in the audit log):</p><div class="revealed" id="revealed-value">${m.revealed.display}</div>`
    : m.canReview
      ? html`<form method="post" action="/incidents/${inc.id}/reveal" data-confirm="Reveal the raw personal data? This is recorded in the audit log.">
          <input type="hidden" name="_csrf" value="${m.csrf}">
          <button type="submit" class="danger" id="reveal">Reveal value and evidence</button>
          <span class="muted small">Recorded with your name and the time.</span></form>`
      : html`<p class="muted">Only reviewers can reveal raw values and evidence.</p>`}
</div>

<h2>Occurrences (${inc.occurrenceList.length})</h2>
<div class="table-wrap"><table>
  <thead><tr><th scope="col">URL</th><th scope="col">Location</th><th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col">Removed</th><th scope="col">Content hash</th><th scope="col">Evidence</th></tr></thead>
  <tbody>${inc.occurrenceList.map((o) => occurrenceRow(o, m))}</tbody>
</table></div>

<h2>Decide</h2>
${actionsView(m)}

${m.allowEntries.length ? html`<h2>Allow-list entries</h2><ul>${m.allowEntries.map((a) => html`<li>${a.entity} <span class="masked">${a.maskedValue}</span> until ${a.expires}${a.urlPrefix ? ` under ${a.urlPrefix}` : ''}: ${a.reason} <span class="muted">(${a.createdBy})</span></li>`)}</ul>` : ''}

<h2>History</h2>
<div class="table-wrap"><table>
  <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Detail</th></tr></thead>
  <tbody>${inc.history.length ? '' : html`<tr><td colspan="4" class="muted">Nothing recorded yet.</td></tr>`}
  ${[...inc.history].reverse().map((h) => html`<tr><td>${timeEl(h.at)}</td><td>${h.actor}</td><td>${h.action}</td><td class="small">${h.detail ?? ''}</td></tr>`)}</tbody>
</table></div>
<p class="no-print"><a class="button" href="/report?ids=${inc.id}">Breach report for this incident</a></p>`;
}
