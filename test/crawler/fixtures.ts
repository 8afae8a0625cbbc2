/** Synthetic document fixtures (invented people, Ofcom drama numbers, QQ NI numbers). */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx';

export async function makeXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Priya Testwright';
  wb.title = 'ASB case review';
  const summary = wb.addWorksheet('Summary');
  summary.addRow(['Ward', 'Cases', 'Trend', 'Notes', 'Owner', 'Names']);
  for (let i = 2; i <= 8; i++) summary.addRow([`Ward ${i}`, i * 3, 'steady', '', 'PC Example', i === 3 ? 'Ophelia Quarrington' : '']);
  summary.addRow(['Ward 9', 2, 'Hidden Ursula Vantongeren', '4 Larkspur Close, AL1 9ZZ', 'repeat caller']);
  summary.getRow(9).hidden = true;
  summary.getColumn(6).hidden = true;
  summary.getCell('B3').note = 'Complainant is Mrs Winifred Ashcombe of 7 Heron Way, AL3 4QQ';
  const raw = wb.addWorksheet('Raw data', { state: 'hidden' });
  raw.addRow(['Name', 'Address', 'DOB', 'Phone']);
  raw.addRow(['Bartholomew Fenwick-Lyle', '12 Acacia Road, AL1 3XX', '14/03/1987', '07700 900123']);
  const lookup = wb.addWorksheet('Lookup', { state: 'veryHidden' });
  lookup.addRow(['Name', 'NI', 'Address']);
  lookup.addRow(['Cordelia Pemberton-Hale', 'QQ 12 34 56 C', '3 Mill Lane, SG1 2AB']);
  wb.definedNames.add("'Raw data'!$A$2:$A$2", 'ComplainantList');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function makeDocx(): Promise<Buffer> {
  const doc = new Document({
    creator: 'Desmond Quillfeather',
    title: 'Panel minutes',
    comments: {
      children: [{ id: 0, author: 'Panel Clerk', date: new Date('2026-09-01T10:00:00Z'), children: [new Paragraph({ children: [new TextRun('Check with Mrs Imelda Crowthorne (9 Kestrel Rise, SG2 7PQ) before publishing.')] })] }],
    },
    sections: [{
      children: [
        new Paragraph({ children: [new CommentRangeStart(0), new TextRun('The panel met on 3 September.'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
        new Paragraph({ children: [
          new TextRun('Attendance: '),
          new InsertedTextRun({ text: 'the complainant, Mr Leopold Marchbanks of 22 Orchard Drive, AL5 1RT, attended.', id: 1, author: 'Panel Clerk', date: '2026-09-02T09:00:00Z' }),
          new DeletedTextRun({ text: 'Victim Rosalind Tiverton, 5 Pound Lane.', id: 2, author: 'Panel Clerk', date: '2026-09-02T09:01:00Z' }),
        ] }),
      ],
    }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

export async function makePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setAuthor('Gwendolyn Sparrowhawk');
  pdf.setTitle('Neighbourhood profile');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const p1 = pdf.addPage([595, 842]);
  p1.drawText('Neighbourhood profile: St Albans', { x: 50, y: 780, size: 14, font });
  const p2 = pdf.addPage([595, 842]);
  p2.drawText('Name: Cordelia Pemberton-Hale', { x: 50, y: 780, size: 12, font });
  p2.drawText('National Insurance number: QQ 12 34 56 C', { x: 50, y: 760, size: 12, font });
  return Buffer.from(await pdf.save());
}

export async function makeOds(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  zip.file('content.xml', `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>
<table:table table:name="Visible"><table:table-row><table:table-cell><text:p>Ward</text:p></table:table-cell><table:table-cell><text:p>Cases</text:p></table:table-cell></table:table-row>
<table:table-row table:visibility="collapse"><table:table-cell><text:p>Hidden row Octavia Brindlecombe</text:p><office:annotation><text:p>Note about Ignatius Feltham</text:p></office:annotation></table:table-cell><table:table-cell table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row></table:table>
<table:table table:name="Secret"><table:table-row><table:table-cell><text:p>Perpetua Ravensworth</text:p></table:table-cell><table:table-cell><text:p>14 Thistle Grove, WD17 1AA</text:p></table:table-cell></table:table-row></table:table>
<table:named-expressions><table:named-range table:name="People" table:cell-range-address="$Secret.$A$1"/></table:named-expressions>
</office:spreadsheet></office:body></office:document-content>`);
  zip.file('meta.xml', `<?xml version="1.0"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><meta:initial-creator>Aldous Wrenfield</meta:initial-creator><dc:title>Ward list</dc:title></office:meta></office:document-meta>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** An .xlsx-shaped zip whose sheet inflates ~1000:1 (a small zip bomb). */
export async function makeZipBomb(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(40 * 1024 * 1024, 0x41));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
