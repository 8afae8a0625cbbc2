import { html, type SafeHtml } from './html.js';

export interface ChartPoint {
  label: string; // x label (e.g. "27 Nov 14:05")
  pages: number;
  findings: number;
}

/**
 * Pages and findings per run as an inline SVG: bars for pages, a line for findings, each on its own
 * scale (pages are hundreds, findings often a handful). No script, no external assets.
 */
export function runsChart(points: ChartPoint[], opts: { width?: number; height?: number } = {}): SafeHtml {
  const width = opts.width ?? 900;
  const height = opts.height ?? 220;
  const pad = { top: 16, right: 48, bottom: 34, left: 48 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  if (points.length === 0) return html`<p class="muted">No runs yet.</p>`;
  const maxPages = Math.max(1, ...points.map((p) => p.pages));
  const maxFindings = Math.max(1, ...points.map((p) => p.findings));
  const step = plotW / points.length;
  const barW = Math.max(2, Math.min(28, step * 0.6));
  const x = (i: number) => pad.left + step * i + step / 2;
  const yPages = (v: number) => pad.top + plotH - (v / maxPages) * plotH;
  const yFind = (v: number) => pad.top + plotH - (v / maxFindings) * plotH;
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${yFind(p.findings).toFixed(1)}`).join(' ');
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const summary = `${points.length} runs; pages from ${Math.min(...points.map((p) => p.pages))} to ${maxPages}; findings from ${Math.min(...points.map((p) => p.findings))} to ${Math.max(...points.map((p) => p.findings))}.`;
  return html`<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
  <title id="chart-title">Pages fetched and findings per run, oldest to newest</title>
  <desc id="chart-desc">${summary}</desc>
  <line x1="${pad.left}" y1="${pad.top + plotH}" x2="${pad.left + plotW}" y2="${pad.top + plotH}" stroke="#8c959f" />
  <line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${pad.top + plotH}" stroke="#d0d7de" />
  <text x="${pad.left - 6}" y="${pad.top + 4}" text-anchor="end" font-size="11" fill="#0b5cad">${maxPages}</text>
  <text x="${pad.left - 6}" y="${pad.top + plotH}" text-anchor="end" font-size="11" fill="#0b5cad">0</text>
  <text x="${pad.left + plotW + 6}" y="${pad.top + 4}" font-size="11" fill="#c2410c">${maxFindings}</text>
  <text x="${pad.left + plotW + 6}" y="${pad.top + plotH}" font-size="11" fill="#c2410c">0</text>
  ${points.map((p, i) => html`<rect x="${(x(i) - barW / 2).toFixed(1)}" y="${yPages(p.pages).toFixed(1)}" width="${barW.toFixed(1)}" height="${(pad.top + plotH - yPages(p.pages)).toFixed(1)}" fill="#0b5cad" fill-opacity="0.75"><title>${p.label}: ${p.pages} pages, ${p.findings} findings</title></rect>`)}
  <path d="${line}" fill="none" stroke="#c2410c" stroke-width="2" />
  ${points.map((p, i) => html`<circle cx="${x(i).toFixed(1)}" cy="${yFind(p.findings).toFixed(1)}" r="3" fill="#c2410c" />`)}
  ${points.map((p, i) => (i % labelEvery === 0 ? html`<text x="${x(i).toFixed(1)}" y="${height - 12}" text-anchor="middle" font-size="10" fill="#57606a">${p.label}</text>` : ''))}
</svg>`;
}
