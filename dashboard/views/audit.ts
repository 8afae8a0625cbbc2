import type { AuditRow } from '../../storage/index.js';
import { html, type SafeHtml } from '../html.js';
import { timeEl } from '../layout.js';

export function auditView(rows: AuditRow[]): SafeHtml {
  return html`<h1>Audit log</h1>
<p class="muted">The latest ${rows.length} entries: reveals, decisions, reports, sign-ins and automatic changes.</p>
<div class="table-wrap"><table>
  <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Subject</th><th scope="col">Detail</th></tr></thead>
  <tbody>${rows.map((r) => html`<tr><td>${timeEl(r.at)}</td><td>${r.actor}</td><td>${r.action}</td>
    <td>${r.subject.startsWith('inc_') ? html`<a href="/incidents/${r.subject}">${r.subject}</a>` : r.subject}</td><td class="small">${r.detail ?? ''}</td></tr>`)}</tbody>
</table></div>`;
}
