/**
 * Hostile and fault add-ons: pages and documents that try to break a crawler (20 MB pages, a million
 * DOM nodes, 10,000 links, redirect loops, redirects to private addresses and other schemes, invalid
 * UTF-8, zip bombs, encrypted/broken PDFs, wrong Content-Types, robots.txt changing mid-sweep, 5xx,
 * resets, hangs and trickled bytes). Big bodies are streamed from small shared chunks, never held per
 * request. Everything here is synthetic.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeZip } from './zip.js';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { FORCE_PREFIX, DOC_PREFIX, esc } from './model.js';
import { layout } from './html.js';

export const HOSTILE_ADDONS = {
  'huge-page': 'A 20 MB HTML page (one with Content-Length, one chunked without), streamed.',
  'deep-dom': 'A page with a million DOM nodes (and 2,000 nested divs), streamed in chunks.',
  'many-links': 'A page with 10,000 links, almost all to an endless in-scope item/session-id trap.',
  'redirect-loop': 'Redirect loop a → b → a, and a self-redirect.',
  'redirect-private': 'Redirects to http://10.0.0.1/, file:///etc/passwd and ftp://.',
  'bad-utf8': 'A page with invalid UTF-8 byte sequences and malformed HTML (unclosed tags, broken attributes, unterminated comment).',
  'bad-documents': 'Zip-bomb XLSX/DOCX (declared GBs, 1 GB real inflation, sizes that lie), an encrypted PDF, a broken PDF, a PDF served as text/html and an HTML page served as application/pdf.',
  'robots-change': 'robots.txt starts disallowing a section after the site has answered N requests (default 20).',
  flaky: 'Pages that answer 500/502/503, reset the connection, never answer, or trickle bytes forever.',
} as const;
export type HostileAddon = keyof typeof HOSTILE_ADDONS;

/** What a crawler meeting this URL should do; the tests check the sweep records a reason for each. */
export type HostileExpect =
  | 'refuse-too-large' // over the HTML cap: skipped with a reason, never buffered whole
  | 'survive' // fetch and extract (or fail with a reason) without taking the sweep down
  | 'refuse-redirect' // a redirect the crawler must not follow
  | 'refuse-document' // a document refused with a reason (zip-bomb, encrypted, broken)
  | 'error-reason' // a fetch error recorded with a reason (status, reset, timeout)
  | 'trap'; // must be capped, not followed forever

export interface HostileItem {
  addon: HostileAddon;
  url: string; // path on the replica
  kind: string;
  expect: HostileExpect;
  /** For bad documents: the DocumentRejectedError reason expected from extractDocument. */
  rejectReason?: 'zip-bomb' | 'encrypted' | 'broken';
  /** Served bytes (approximate for streamed bodies). */
  bytes?: number;
  /** Synthetic personal data planted in the item (the leak must still be found where readable). */
  planted?: string;
}

export interface RobotsChange { afterRequests: number; disallow: string; pages: string[] }

export interface HostilePlan {
  items: HostileItem[];
  indexPages: string[];
  trapPaths: string[];
  redirects: { from: string; status: 301 | 302; location: string; kind: string }[];
  robotsChange?: RobotsChange;
}

export const HOSTILE_PREFIX = `${FORCE_PREFIX}hostile/`;
export const HOSTILE_DOC_PREFIX = `${DOC_PREFIX}hostile/`;
const H = HOSTILE_PREFIX;
const D = HOSTILE_DOC_PREFIX;

export const HUGE_PAGE_BYTES = 20 * 1024 * 1024;
export const DEEP_DOM_NODES = 1_000_000;
export const MANY_LINKS = 10_000;
export const ROBOTS_CHANGE_AFTER = 20;
/** Synthetic person planted in the wrongly-typed PDF (a leak that must be found despite text/html). */
export const PLANTED_MISLABELLED = 'Complainant: Mrs Marigold Penhaligon, 14 Quillfeather Lane, Hitchin SG4 9QZ, telephone 07700 900731, DOB 03/04/1981';
/** Planted in the malformed UTF-8 page. */
export const PLANTED_BAD_UTF8 = 'Victim: Mr Barnaby Quenthorpe of 27 Thistlewood Close, Stevenage SG1 4XJ, tel 07700 900864, NI QQ 12 34 56 C';

export function planHostile(addons: ReadonlySet<string>): HostilePlan {
  const plan: HostilePlan = { items: [], indexPages: [], trapPaths: [], redirects: [] };
  const on = (a: HostileAddon) => addons.has(a);
  if (on('huge-page')) {
    plan.items.push(
      { addon: 'huge-page', url: `${H}huge-page/`, kind: 'huge-page-content-length', expect: 'refuse-too-large', bytes: HUGE_PAGE_BYTES },
      { addon: 'huge-page', url: `${H}huge-page/chunked/`, kind: 'huge-page-chunked', expect: 'refuse-too-large', bytes: HUGE_PAGE_BYTES },
    );
  }
  if (on('deep-dom')) plan.items.push({ addon: 'deep-dom', url: `${H}deep-dom/`, kind: 'million-nodes', expect: 'survive', bytes: DEEP_DOM_NODES * 7 });
  if (on('many-links')) {
    plan.items.push({ addon: 'many-links', url: `${H}many-links/`, kind: 'ten-thousand-links', expect: 'survive' });
    plan.trapPaths.push(`${H}many-links/item/`);
  }
  if (on('redirect-loop')) {
    plan.items.push(
      { addon: 'redirect-loop', url: `${H}loop-a/`, kind: 'redirect-loop', expect: 'refuse-redirect' },
      { addon: 'redirect-loop', url: `${H}loop-self/`, kind: 'redirect-self', expect: 'refuse-redirect' },
    );
    plan.redirects.push(
      { from: `${H}loop-a/`, status: 302, location: `${H}loop-b/`, kind: 'loop' },
      { from: `${H}loop-b/`, status: 302, location: `${H}loop-a/`, kind: 'loop' },
      { from: `${H}loop-self/`, status: 301, location: `${H}loop-self/`, kind: 'loop-self' },
    );
  }
  if (on('redirect-private')) {
    const r: [string, string, string][] = [
      [`${H}go/private/`, 'http://10.0.0.1/', 'private-ip'],
      [`${H}go/metadata/`, 'http://169.254.169.254/latest/meta-data/', 'link-local'],
      [`${H}go/file/`, 'file:///etc/passwd', 'file-scheme'],
      [`${H}go/ftp/`, 'ftp://ftp.example.org/pub/herts/asb-data.csv', 'ftp-scheme'],
    ];
    for (const [from, location, kind] of r) {
      plan.items.push({ addon: 'redirect-private', url: from, kind, expect: 'refuse-redirect' });
      plan.redirects.push({ from, status: 302, location, kind });
    }
  }
  if (on('bad-utf8')) plan.items.push({ addon: 'bad-utf8', url: `${H}bad-utf8/`, kind: 'invalid-utf8-malformed-html', expect: 'survive', planted: PLANTED_BAD_UTF8 });
  if (on('bad-documents')) {
    plan.indexPages.push(`${H}documents/`);
    plan.items.push(
      { addon: 'bad-documents', url: `${D}bomb-declared.xlsx`, kind: 'zip-bomb-declared-gb', expect: 'refuse-document', rejectReason: 'zip-bomb' },
      { addon: 'bad-documents', url: `${D}bomb-ratio.docx`, kind: 'zip-bomb-1gb-inflation', expect: 'refuse-document', rejectReason: 'zip-bomb' },
      { addon: 'bad-documents', url: `${D}bomb-lying.xlsx`, kind: 'zip-bomb-lying-sizes', expect: 'refuse-document', rejectReason: 'zip-bomb' },
      { addon: 'bad-documents', url: `${D}encrypted.pdf`, kind: 'encrypted-pdf', expect: 'refuse-document', rejectReason: 'encrypted' },
      { addon: 'bad-documents', url: `${D}broken.pdf`, kind: 'broken-pdf', expect: 'refuse-document', rejectReason: 'broken' },
      { addon: 'bad-documents', url: `${D}truncated.pdf`, kind: 'truncated-pdf', expect: 'refuse-document', rejectReason: 'broken' },
      { addon: 'bad-documents', url: `${D}case-summary.pdf`, kind: 'pdf-served-as-text-html', expect: 'survive', planted: PLANTED_MISLABELLED },
      { addon: 'bad-documents', url: `${H}documents/notice/`, kind: 'html-served-as-application-pdf', expect: 'survive' },
    );
  }
  if (on('robots-change')) {
    const pages = [1, 2, 3].map((i) => `${H}restricted/${i}/`);
    plan.indexPages.push(`${H}restricted/`);
    plan.robotsChange = { afterRequests: ROBOTS_CHANGE_AFTER, disallow: `${H}restricted/`, pages };
  }
  if (on('flaky')) {
    plan.indexPages.push(`${H}flaky/`);
    plan.items.push(
      { addon: 'flaky', url: `${H}flaky/error-500/`, kind: 'http-500', expect: 'error-reason' },
      { addon: 'flaky', url: `${H}flaky/error-502/`, kind: 'http-502', expect: 'error-reason' },
      { addon: 'flaky', url: `${H}flaky/error-503/`, kind: 'http-503-retry-after', expect: 'error-reason' },
      { addon: 'flaky', url: `${H}flaky/reset/`, kind: 'connection-reset', expect: 'error-reason' },
      { addon: 'flaky', url: `${H}flaky/timeout/`, kind: 'never-answers', expect: 'error-reason' },
      { addon: 'flaky', url: `${H}flaky/trickle/`, kind: 'trickle-bytes', expect: 'error-reason' },
    );
  }
  if (plan.items.length || plan.indexPages.length) plan.indexPages.unshift(H);
  return plan;
}

// ---------------------------------------------------------------------------
// Streaming helpers

async function writeAll(res: ServerResponse, chunk: string | Buffer): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return false;
  if (!res.write(chunk)) {
    await new Promise<void>((ok) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        ok();
      };
      res.once('drain', done);
      res.once('close', done);
    });
  }
  return !res.destroyed;
}

const HTML = 'text/html; charset=utf-8';
const PAD_CHUNK = Buffer.from('<p>Neighbourhood newsletter archive. Nothing to see here, just a very long page. </p>\n'.repeat(780)); // ~64 KB
const DOM_CHUNK = '<b></b>'.repeat(10_000);

async function streamHuge(req: IncomingMessage, res: ServerResponse, withLength: boolean): Promise<void> {
  const head = Buffer.from(`<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Archive | police.uk</title></head><body><h1>Newsletter archive</h1>\n`);
  const tail = Buffer.from('</body></html>\n');
  const headers: Record<string, string> = { 'Content-Type': HTML, 'Cache-Control': 'no-cache' };
  if (withLength) headers['Content-Length'] = String(HUGE_PAGE_BYTES);
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return void res.end();
  let left = HUGE_PAGE_BYTES - head.length - tail.length;
  if (!(await writeAll(res, head))) return;
  while (left > 0) {
    const n = Math.min(left, PAD_CHUNK.length);
    if (!(await writeAll(res, n === PAD_CHUNK.length ? PAD_CHUNK : PAD_CHUNK.subarray(0, n)))) return;
    left -= n;
  }
  res.end(tail);
}

async function streamDeepDom(req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.writeHead(200, { 'Content-Type': HTML, 'Cache-Control': 'no-cache' });
  if (req.method === 'HEAD') return void res.end();
  if (!(await writeAll(res, `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Crime statistics | police.uk</title></head><body><h1>Crime statistics table</h1>\n${'<div>'.repeat(2000)}deepest${'</div>'.repeat(2000)}\n<div id="cells">`))) return;
  for (let i = 0; i < DEEP_DOM_NODES / 10_000; i++) if (!(await writeAll(res, DOM_CHUNK))) return;
  res.end('</div><p id="end">End of the statistics table.</p></body></html>\n');
}

async function streamManyLinks(req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.writeHead(200, { 'Content-Type': HTML, 'Cache-Control': 'no-cache' });
  if (req.method === 'HEAD') return void res.end();
  if (!(await writeAll(res, `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Item catalogue | police.uk</title></head><body><h1>Lost and found property</h1><ul>\n`))) return;
  for (let start = 0; start < MANY_LINKS; start += 500) {
    let s = '';
    for (let i = start; i < start + 500; i++) {
      // Every 500th link goes somewhere real; the rest are session-id variants of an endless catalogue.
      s += i % 500 === 0 ? `<li><a href="${FORCE_PREFIX}">Force home ${i}</a></li>` : `<li><a href="${H}many-links/item/${i}/?sessionid=${(i * 2654435761) % 4294967296}">Item ${i}</a></li>`;
    }
    if (!(await writeAll(res, s + '\n'))) return;
  }
  res.end('</ul></body></html>\n');
}

function itemPage(n: number): string {
  const next = Array.from({ length: 10 }, (_, k) => n * 10 + k + 1);
  return layout({
    title: `Item ${n}`,
    crumbs: [['Home', '/'], ['Items', `${H}many-links/`]],
    main: `<h1>Found property item ${n}</h1><ul>${next.map((m) => `<li><a href="${H}many-links/item/${m}/?sessionid=${(m * 40503) % 65536}">Item ${m}</a></li>`).join('')}</ul>`,
  });
}

/** Invalid UTF-8 (stray continuation bytes, overlong forms, surrogates, 0xFF) inside malformed HTML. */
function badUtf8Page(): Buffer {
  const parts: (string | Buffer)[] = [
    '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Priorities \xff | police.uk</title>',
    '<body><h1>Our priorities <i>(draft</h1>\n<div class=priorities <p>Residents told us ',
    Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff, 0xfe]),
    ' about parking on <b>Station Road<p>and <table><tr><td>fly-tipping</td></div></table></span>\n',
    `<p title="unterminated>${PLANTED_BAD_UTF8}</p>\n`,
    `<p>${PLANTED_BAD_UTF8}</p>`,
    Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80, 0x0a]),
    '<ul><li>one<li>two<li><a href="../">up</a></ul></ul></ul>\n<script>var x = "</scr" + "ipt>";</script>\n',
    '<!-- unterminated comment that never closes <p>hidden',
  ];
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
}

// ---------------------------------------------------------------------------
// Documents: hand-built zips (a crawler must never trust declared sizes) and PDFs.

interface ZipEntry { name: string; data: Buffer; method: 0 | 8; declaredSize?: number; crc?: number; uncompressedForCrc?: number }

function buildZip(entries: ZipEntry[]): Buffer {
  return writeZip(entries.map((e) => ({ name: e.name, data: e.data, method: e.method, crc: e.crc ?? 0, uncompressedSize: e.declaredSize ?? e.data.length })));
}

const stored = (name: string, text: string): ZipEntry => {
  const data = Buffer.from(text, 'utf8');
  return { name, data, method: 0, crc: crc32(data) };
};
const CT_XLSX = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const CT_DOCX = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/** Deflates `bytes` zero bytes in 1 MB steps (1 GB of zeros → about 1 MB), without a 1 GB buffer. */
async function deflatedZeros(bytes: number): Promise<{ data: Buffer; crc: number }> {
  const z = createDeflateRaw({ level: 9 }); // ≈1000:1 on zeros; built once when the scenario is activated
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((ok, fail) => { z.on('end', ok); z.on('error', fail); });
  const chunk = Buffer.alloc(1024 * 1024);
  let crc = 0;
  for (let left = bytes; left > 0; left -= chunk.length) {
    const c = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(c, crc);
    if (!z.write(c)) await new Promise((ok) => z.once('drain', ok));
  }
  z.end();
  await done;
  return { data: Buffer.concat(out), crc };
}

/** Entries whose headers claim 4 GB each: refused by declared size before any inflation. */
function bombDeclaredXlsx(): Buffer {
  const small = deflateRawSync(Buffer.alloc(64 * 1024));
  return buildZip([
    stored('[Content_Types].xml', CT_XLSX),
    stored('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Data" sheetId="1"/></sheets></workbook>'),
    ...Array.from({ length: 4 }, (_, i): ZipEntry => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: small, method: 8, declaredSize: 0xffff_fffe })),
  ]);
}

/** Honest headers: 1 GB of zeros that really inflates (ratio ≈ 1000:1). */
async function bombRatioDocx(): Promise<Buffer> {
  const { data, crc } = await deflatedZeros(1024 * 1024 * 1024);
  return buildZip([
    stored('[Content_Types].xml', CT_DOCX),
    { name: 'word/document.xml', data, method: 8, declaredSize: 1024 * 1024 * 1024, crc },
  ]);
}

/** Headers say 2 KB; the stream inflates to 256 MB: caught only by counting real inflated bytes. */
async function bombLyingXlsx(): Promise<Buffer> {
  const { data } = await deflatedZeros(256 * 1024 * 1024);
  return buildZip([
    stored('[Content_Types].xml', CT_XLSX),
    stored('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Data" sheetId="1"/></sheets></workbook>'),
    { name: 'xl/sharedStrings.xml', data, method: 8, declaredSize: 2048, crc: 0 },
    { name: 'xl/worksheets/sheet1.xml', data, method: 8, declaredSize: 2048, crc: 0 },
  ]);
}

/** A hand-built PDF with a Standard security handler whose user password is not empty. */
function encryptedPdf(): Buffer {
  const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((seed * (i + 7) * 2654435761) >>> 24).toString(16).padStart(2, '0')).join('');
  const content = Buffer.from([...Array(48)].map((_, i) => (i * 97 + 13) & 0xff));
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    null, // stream
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(3)}> /U <${hex(5)}> /P -3904 >>`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let pos = parts[0].length;
  objs.forEach((o, i) => {
    offsets.push(pos);
    const b = o === null
      ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream\nendobj\n')])
      : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`);
    parts.push(b);
    pos += b.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${hex(9).slice(0, 32)}> <${hex(9).slice(0, 32)}>] >>\nstartxref\n${pos}\n%%EOF\n`));
  return Buffer.concat(parts);
}

async function textPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((l, i) => page.drawText(l, { x: 50, y: 780 - i * 18, size: 11, font }));
  const fixed = new Date(Date.UTC(2026, 9, 1));
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A PDF header followed by binary garbage: no objects, no xref, no trailer. */
function brokenPdf(): Buffer {
  const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) & 0xff));
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), junk, Buffer.from('\n%%EOF\n')]);
}

const docCache = new Map<string, Promise<Buffer>>();
const cached = (key: string, make: () => Buffer | Promise<Buffer>): Promise<Buffer> => {
  let p = docCache.get(key);
  if (!p) {
    p = Promise.resolve().then(make);
    docCache.set(key, p);
    p.catch(() => docCache.delete(key));
  }
  return p;
};

/** The bytes of one bad document, built once per process (all are small, ≤ 1 MB). */
export function hostileDocument(path: string): Promise<{ type: string; body: Buffer }> | undefined {
  const name = path.startsWith(D) ? path.slice(D.length) : path === `${H}documents/notice/` ? 'notice' : undefined;
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  switch (name) {
    case 'bomb-declared.xlsx': return cached(name, bombDeclaredXlsx).then((body) => ({ type: XLSX, body }));
    case 'bomb-ratio.docx': return cached(name, bombRatioDocx).then((body) => ({ type: DOCX, body }));
    case 'bomb-lying.xlsx': return cached(name, bombLyingXlsx).then((body) => ({ type: XLSX, body }));
    case 'encrypted.pdf': return cached(name, encryptedPdf).then((body) => ({ type: 'application/pdf', body }));
    case 'broken.pdf': return cached(name, brokenPdf).then((body) => ({ type: 'application/pdf', body }));
    case 'truncated.pdf':
      return cached(name, async () => {
        const full = await textPdf(['Hertfordshire Constabulary', 'Neighbourhood profile (truncated in transfer)']);
        return full.subarray(0, Math.floor(full.length * 0.4));
      }).then((body) => ({ type: 'application/pdf', body }));
    case 'case-summary.pdf':
      return cached(name, () => textPdf(['ASB case summary – not for publication', PLANTED_MISLABELLED])).then((body) => ({ type: HTML, body }));
    case 'notice':
      return cached(name, () => Buffer.from(layout({ title: 'Public notice', crumbs: [['Home', '/']], main: '<h1>Public notice</h1><p>The front counter at Hitchin station is closed on Saturday for refurbishment.</p>' }))).then((body) => ({ type: 'application/pdf', body }));
    default: return undefined;
  }
}

// ---------------------------------------------------------------------------
// Index pages and the request handler

function indexPage(plan: HostilePlan, path: string): string | undefined {
  const link = (u: string, t: string) => `<li><a href="${esc(u)}">${esc(t)}</a></li>`;
  if (path === H) {
    const direct = plan.items.filter((i) => i.addon !== 'bad-documents' && i.addon !== 'flaky');
    const main = `<h1>Archive and tools</h1><ul>${direct.map((i) => link(i.url, i.kind)).join('')}${plan.indexPages.filter((p) => p !== H).map((p) => link(p, p.slice(H.length).replace(/\/$/, ''))).join('')}</ul>`;
    return layout({ title: 'Archive and tools', crumbs: [['Home', '/'], ['Archive', H]], main });
  }
  if (path === `${H}documents/` && plan.items.some((i) => i.addon === 'bad-documents')) {
    const main = `<h1>Documents</h1><ul>${plan.items.filter((i) => i.addon === 'bad-documents').map((i) => link(i.url, i.kind)).join('')}</ul>`;
    return layout({ title: 'Documents', crumbs: [['Home', '/'], ['Documents', path]], main });
  }
  if (path === `${H}flaky/` && plan.items.some((i) => i.addon === 'flaky')) {
    const main = `<h1>Service status</h1><ul>${plan.items.filter((i) => i.addon === 'flaky').map((i) => link(i.url, i.kind)).join('')}</ul>`;
    return layout({ title: 'Service status', crumbs: [['Home', '/'], ['Status', path]], main });
  }
  if (plan.robotsChange && path === `${H}restricted/`) {
    const main = `<h1>Partner area</h1><ul>${plan.robotsChange.pages.map((p, i) => link(p, `Partner briefing ${i + 1}`)).join('')}</ul>`;
    return layout({ title: 'Partner area', crumbs: [['Home', '/'], ['Partner area', path]], main });
  }
  if (plan.robotsChange?.pages.includes(path)) {
    return layout({ title: 'Partner briefing', crumbs: [['Home', '/'], ['Partner area', `${H}restricted/`]], main: `<h1>Partner briefing</h1><p>Meeting notes for partner agencies (${esc(path.slice(-2, -1))}).</p>` });
  }
  return undefined;
}

type Send = (status: number, type: string, body: Buffer | string, headers?: Record<string, string>) => void;

/**
 * Serves a hostile route. Returns the status it answered with (for the request counters),
 * or undefined when `path` is not one of the plan's hostile routes.
 */
export async function serveHostile(plan: HostilePlan, path: string, req: IncomingMessage, res: ServerResponse, send: Send): Promise<number | undefined> {
  if (!plan.items.length && !plan.indexPages.length) return undefined;
  const page = indexPage(plan, path);
  if (page) return send(200, HTML, page), 200;
  const item = plan.items.find((i) => i.url === path);
  const M = /^(.*many-links\/item\/)(\d+)\/$/.exec(path);
  if (M && plan.trapPaths.includes(M[1])) return send(200, HTML, itemPage(Number(M[2]))), 200;
  if (!item) return undefined;
  switch (item.kind) {
    case 'huge-page-content-length': return await streamHuge(req, res, true), 200;
    case 'huge-page-chunked': return await streamHuge(req, res, false), 200;
    case 'million-nodes': return await streamDeepDom(req, res), 200;
    case 'ten-thousand-links': return await streamManyLinks(req, res), 200;
    case 'invalid-utf8-malformed-html': return send(200, HTML, badUtf8Page()), 200;
    case 'http-500': return send(500, 'text/plain; charset=utf-8', 'Internal Server Error'), 500;
    case 'http-502': return send(502, HTML, '<html><body><h1>502 Bad Gateway</h1></body></html>'), 502;
    case 'http-503-retry-after': return send(503, 'text/plain; charset=utf-8', 'Service Unavailable', { 'Retry-After': '1' }), 503;
    case 'connection-reset':
      req.socket.resetAndDestroy();
      return 0;
    case 'never-answers':
      // Holds the request open until the client gives up or the replica closes.
      await new Promise<void>((ok) => res.once('close', ok));
      return 0;
    case 'trickle-bytes': {
      res.writeHead(200, { 'Content-Type': HTML, 'Cache-Control': 'no-cache' });
      res.write('<!DOCTYPE html><html><head><title>Live incidents</title></head><body><h1>Live incidents</h1>');
      await new Promise<void>((ok) => {
        const t = setInterval(() => {
          if (res.destroyed) return;
          res.write('<p>.</p>\n');
        }, 250);
        res.once('close', () => {
          clearInterval(t);
          ok();
        });
      });
      return 200;
    }
    default: {
      const doc = hostileDocument(path);
      if (!doc) return undefined;
      const { type, body } = await doc;
      return send(200, type, body), 200;
    }
  }
}
