/** Deterministic PDF / XLSX / DOCX generation. All dates are fixed and ZIP containers are re-packed so bytes are stable. */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { writeZip } from './zip.js';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, TextRun, HeadingLevel, InsertedTextRun, CommentRangeStart, CommentRangeEnd, CommentReference } from 'docx';
import yauzl from 'yauzl';
import { deflateRawSync, crc32 } from 'node:zlib';
import type { Hood, Model, Priority } from './model.js';
import type { Plan } from './scenarios.js';

export const DOC_DATE = new Date('2026-09-28T09:00:00Z');

/** WinAnsi-safe text for the standard PDF fonts. */
export function pdfSafe(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/[^\x20-\x7e\u2013\u2019\u00a3]/g, '');
}
export function stripHtml(s: string | null): string {
  return (s ?? '').replace(/<br\s*\/?>/g, ' ').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').trim();
}

class PdfWriter {
  page!: PDFPage;
  y = 0;
  constructor(private doc: PDFDocument, private font: PDFFont, private bold: PDFFont) {}
  newPage(): void {
    this.page = this.doc.addPage([595.28, 841.89]);
    this.y = 790;
  }
  text(s: string, opts: { size?: number; bold?: boolean; gap?: number } = {}): void {
    const size = opts.size ?? 11;
    const font = opts.bold ? this.bold : this.font;
    const words = pdfSafe(s).split(/\s+/);
    let line = '';
    const flush = (): void => {
      if (this.y < 60) this.newPage();
      this.page.drawText(line, { x: 56, y: this.y, size, font, color: rgb(0.1, 0.1, 0.1) });
      this.y -= size * 1.4;
      line = '';
    };
    for (const w of words) {
      const cand = line ? `${line} ${w}` : w;
      if (font.widthOfTextAtSize(cand, size) > 480 && line) {
        flush();
        line = w;
      } else line = cand;
    }
    if (line) flush();
    this.y -= opts.gap ?? 6;
  }
}

async function pdf(title: string, build: (w: PdfWriter) => void, opts: { subject?: string } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(pdfSafe(title));
  doc.setAuthor('Hertfordshire Constabulary');
  doc.setSubject(opts.subject ?? 'Safer Neighbourhood Team');
  doc.setCreator('Leakwatch replica');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(DOC_DATE);
  doc.setModificationDate(DOC_DATE);
  const w = new PdfWriter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  w.newPage();
  build(w);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export function newsletterPdf(h: Hood): Promise<Buffer> {
  const sgt = h.officers.find((o) => o.rank === 'Sgt')!;
  return pdf(`${h.name} Safer Neighbourhood Team newsletter – Autumn 2026`, (w) => {
    w.text(`${h.name} Safer Neighbourhood Team`, { size: 18, bold: true });
    w.text('Newsletter – Autumn 2026', { size: 14, bold: true, gap: 14 });
    w.text(`Welcome to the autumn newsletter. I lead a team of PCs and PCSOs called the Safer Neighbourhood Team. Here is an update on what we have been doing in ${h.name} over the last four months. Sergeant ${sgt.name}`);
    w.text('Your priorities', { size: 13, bold: true });
    for (const p of h.priorities) w.text(`- ${stripHtml(p.issue)} ${p.action ? 'Update: ' + stripHtml(p.action) : ''}`);
    w.text('Meet the team', { size: 13, bold: true });
    for (const o of h.officers) w.text(`${o.rank} ${o.name}`, { gap: 0 });
    w.y -= 8;
    w.newPage();
    w.text('Upcoming events', { size: 13, bold: true });
    for (const e of h.events) w.text(`${e.title}: ${e.start_date.slice(0, 10)} at ${e.address}`);
    w.text('Contact us', { size: 13, bold: true });
    w.text(`Report non-emergencies online or call 101. Always call 999 in an emergency. E-mail: ${h.email}. ${h.station.name}, ${h.station.address}.`);
  });
}

export function forcePlanPdf(m: Model): Promise<Buffer> {
  return pdf('Police and Crime Plan summary 2026', (w) => {
    w.text('Hertfordshire Police and Crime Plan – summary 2026', { size: 16, bold: true, gap: 12 });
    w.text('Hertfordshire has 33 policing neighbourhoods, each led by a sergeant and made up of PCs and PCSOs. This summary sets out how local priorities are chosen every four months and how residents can have their say.');
    for (const d of [...new Set(m.hoods.map((h) => h.district))]) {
      w.text(d, { size: 12, bold: true, gap: 2 });
      w.text(m.hoods.filter((h) => h.district === d).map((h) => h.name).join(', '));
    }
  }, { subject: 'Police and Crime Plan' });
}

async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.creator = 'Hertfordshire Constabulary';
  wb.lastModifiedBy = 'Hertfordshire Constabulary';
  wb.created = DOC_DATE;
  wb.modified = DOC_DATE;
  wb.lastPrinted = DOC_DATE;
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return normaliseZip(raw);
}

export function trackerXlsx(h: Hood): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Priorities');
  ws.columns = [
    { header: 'Ref', key: 'ref', width: 8 },
    { header: 'Issue', key: 'issue', width: 60 },
    { header: 'Date set', key: 'set', width: 12 },
    { header: 'Action', key: 'action', width: 60 },
    { header: 'Updated', key: 'upd', width: 12 },
    { header: 'Status', key: 'status', width: 10 },
  ];
  h.priorities.forEach((p: Priority, i) => {
    ws.addRow({ ref: `${h.id}-${i + 1}`, issue: stripHtml(p.issue), set: p['issue-date'].slice(0, 10), action: stripHtml(p.action) || '—', upd: p['action-date']?.slice(0, 10) ?? '', status: p.action ? 'Ongoing' : 'New' });
  });
  ws.getRow(1).font = { bold: true };
  const info = wb.addWorksheet('About');
  info.addRow([`${h.name} Safer Neighbourhood Team – priorities tracker`]);
  info.addRow(['Priorities are reviewed every four months with residents and partners.']);
  info.addRow([`Contact: ${h.email}`]);
  return xlsxBytes(wb);
}

// ---------------------------------------------------------------------------
// hidden-documents add-on

export function hiddenXlsx(plan: Plan): Promise<Buffer> {
  const hd = plan.hiddenDocs!;
  const P = hd.people;
  const item = (k: string): string => plan.hidden.find((x) => x.url === hd.xlsx && x.kind === k)!.text;
  const wb = new ExcelJS.Workbook();
  const sum = wb.addWorksheet('Summary');
  sum.addRow(['Case ref', 'Street', 'Category', 'Status', 'Risk', 'Complainant']);
  const cats = ['Noise nuisance', 'Harassment', 'Criminal damage', 'Verbal abuse', 'Drug dealing', 'Intimidation'];
  for (let i = 0; i < 6; i++) sum.addRow([`SN/26/${4100 + i * 17}`, P[i].address.street.name, cats[i], i % 2 ? 'Closed' : 'Open', i === 2 ? 'High' : 'Standard', i < 5 ? P[i].name : '']);
  sum.addRow(['', '', '', '', '', '']);
  const hiddenRowText = item('xlsx-hidden-row').split(' | ');
  const r9 = sum.addRow([hiddenRowText[0], hiddenRowText[1], hiddenRowText[2], 'Open', 'High']);
  r9.hidden = true;
  sum.getColumn(6).hidden = true;
  sum.getRow(1).font = { bold: true };
  sum.getCell('B3').note = item('xlsx-comment');
  sum.getCell('A12').value = 'Cases in period: 6 (2 closed). Personal details removed for publication.';
  const raw = wb.addWorksheet('Raw data', { state: 'hidden' });
  raw.addRow(['Name', 'Address', 'Postcode', 'Date of birth', 'Phone', 'Role']);
  item('xlsx-hidden-sheet').split('\n').forEach((line, i) => {
    const [name, addr, dob, phone] = line.split(' | ');
    raw.addRow([name, addr, P[i].address.street.postcode, dob, phone, i % 3 === 1 ? 'Perpetrator' : 'Victim']);
  });
  const look = wb.addWorksheet('Lookup', { state: 'veryHidden' });
  look.addRow(['Name', 'NI number', 'Address']);
  for (const line of item('xlsx-very-hidden-sheet').split('\n')) look.addRow(line.split(' | '));
  wb.definedNames.add(`'Raw data'!$A$2:$A$7`, 'ComplainantList');
  return xlsxBytes(wb);
}

export async function hiddenDocx(plan: Plan): Promise<Buffer> {
  const hd = plan.hiddenDocs!;
  const comment = plan.hidden.find((x) => x.url === hd.docx && x.kind === 'docx-comment')!.text;
  const ins = plan.hidden.find((x) => x.url === hd.docx && x.kind === 'docx-tracked-insertion')!.text;
  const sgt = hd.hood.officers.find((o) => o.rank === 'Sgt')!;
  const doc = new Document({
    creator: 'Community Safety Partnership',
    lastModifiedBy: 'Panel Clerk',
    title: `${hd.hood.name} Community Safety Panel – minutes, September 2026`,
    description: 'Minutes for publication',
    comments: { children: [{ id: 0, author: 'Panel Clerk', initials: 'PC', date: DOC_DATE, children: [new Paragraph({ children: [new TextRun(comment)] })] }] },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${hd.hood.name} Community Safety Panel`)] }),
          new Paragraph({ children: [new TextRun('Minutes of the meeting held on 17 September 2026 at the Town Hall.')] }),
          new Paragraph({ children: [new TextRun(`Present: Sgt ${sgt.name} (Hertfordshire Constabulary), council ASB officer, housing provider representative.`)] }),
          new Paragraph({
            children: [
              new TextRun('1. Anti-social behaviour update. '),
              new CommentRangeStart(0),
              new TextRun('The panel reviewed six open cases in the city centre and agreed to continue joint visits.'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
              new TextRun(' '),
              new InsertedTextRun({ id: 1, author: 'Panel Clerk', date: DOC_DATE.toISOString().replace('.000', ''), text: ins }),
            ],
          }),
          new Paragraph({ children: [new TextRun('2. Priorities for the next four months were agreed: street drinking, shoplifting and cycle theft.')] }),
          new Paragraph({ children: [new TextRun('Next meeting: January 2027.')] }),
        ],
      },
    ],
  });
  const raw = await Packer.toBuffer(doc);
  return normaliseZip(Buffer.from(raw));
}

export function hiddenPdf(plan: Plan): Promise<Buffer> {
  const hd = plan.hiddenDocs!;
  const p2 = plan.hidden.find((x) => x.url === hd.pdf && x.kind === 'pdf-page-2')!.text;
  return pdf(`${hd.hood.name} neighbourhood profile 2026`, (w) => {
    w.text(`${hd.hood.name} neighbourhood profile 2026`, { size: 16, bold: true, gap: 12 });
    w.text('This profile summarises recorded crime and anti-social behaviour in the neighbourhood for the year to August 2026, and the priorities agreed with residents.');
    for (const p of hd.hood.priorities) w.text(`- ${stripHtml(p.issue)}`);
    w.newPage();
    w.text('Appendix A – case referral form (internal)', { size: 13, bold: true });
    for (const line of p2.split('\n')) w.text(line, { gap: 2 });
  });
}

// ---------------------------------------------------------------------------
// ZIP re-packing: fixed timestamps, fixed OOXML core-property dates, stable compression.

function readZip(buf: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: { name: string; data: Buffer }[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        if (/\/$/.test(e.fileName)) return zip.readEntry();
        zip.openReadStream(e, (err2, rs) => {
          if (err2 || !rs) return reject(err2);
          const chunks: Buffer[] = [];
          rs.on('data', (c: Buffer) => chunks.push(c));
          rs.on('end', () => {
            out.push({ name: e.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
          rs.on('error', reject);
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export async function normaliseZip(buf: Buffer): Promise<Buffer> {
  const entries = await readZip(buf);
  const iso = DOC_DATE.toISOString().replace('.000', '');
  for (const e of entries) {
    if (e.name === 'docProps/core.xml') {
      e.data = Buffer.from(
        e.data.toString('utf8').replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`).replace(/(<cp:lastPrinted>)[^<]*(<\/cp:lastPrinted>)/g, `$1${iso}$2`),
      );
    }
  }
  // [Content_Types].xml first, rest in original order
  entries.sort((a, b) => (a.name === '[Content_Types].xml' ? -1 : b.name === '[Content_Types].xml' ? 1 : 0));
  const d = DOC_DATE;
  const dosTime = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const dosDate = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return writeZip(
    entries.map((e) => ({ name: e.name, data: deflateRawSync(e.data, { level: 6 }), method: 8 as const, crc: crc32(e.data) >>> 0, uncompressedSize: e.data.length })),
    { dosTime, dosDate, utf8Names: true },
  );
}
