import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentRejectedError } from '../../core/errors.js';
import { extractDocument, guessDocumentType } from '../../crawler/index.js';
import { makeDocx, makeOds, makePdf, makeXlsx, makeZipBomb } from './fixtures.js';

const find = (blocks: { text: string; location: string; kind: string }[], s: string) => blocks.find((b) => b.text.includes(s));

test('xlsx: hidden and very hidden sheets, hidden rows and columns, comments, defined names, properties', async () => {
  const blocks = await extractDocument(await makeXlsx(), 'xlsx', { name: 'review.xlsx' });
  const raw = find(blocks, 'Bartholomew Fenwick-Lyle');
  assert.equal(raw?.location, 'Raw data!A2:D2');
  assert.equal(raw?.kind, 'cell-row');
  assert.match(raw!.text, /12 Acacia Road, AL1 3XX \| 14\/03\/1987 \| 07700 900123/);
  assert.equal(find(blocks, 'Cordelia Pemberton-Hale')?.location, 'Lookup!A2:C2');
  assert.equal(find(blocks, 'Hidden Ursula Vantongeren')?.location, 'Summary!A9:E9');
  assert.equal(find(blocks, 'Ophelia Quarrington')?.location, 'Summary!A3:F3');
  const note = find(blocks, 'Winifred Ashcombe');
  assert.equal(note?.kind, 'comment');
  assert.equal(note?.location, 'Summary!B3 (comment)');
  assert.ok(blocks.some((b) => b.kind === 'metadata' && b.text.startsWith('ComplainantList:')));
  assert.ok(blocks.some((b) => b.kind === 'metadata' && b.text === 'creator: Priya Testwright'));
});

test('docx: body text, comments, tracked insertions and deletions, properties', async () => {
  const blocks = await extractDocument(await makeDocx(), 'docx');
  assert.ok(find(blocks, 'The panel met on 3 September.'));
  const ins = find(blocks, 'Leopold Marchbanks');
  assert.equal(ins?.kind, 'document-text');
  assert.match(ins!.location, /^body paragraph \d+$/);
  const del = find(blocks, 'Rosalind Tiverton');
  assert.equal(del?.kind, 'hidden');
  assert.match(del!.location, /tracked deletion/);
  const comment = find(blocks, 'Imelda Crowthorne');
  assert.equal(comment?.kind, 'comment');
  assert.ok(blocks.some((b) => b.kind === 'metadata' && b.text === 'comment author: Panel Clerk'));
  assert.ok(blocks.some((b) => b.kind === 'metadata' && b.text === 'creator: Desmond Quillfeather'));
});

test('pdf: every page with its page number, and document info', async () => {
  const blocks = await extractDocument(await makePdf(), 'pdf');
  assert.equal(find(blocks, 'Neighbourhood profile')?.location, 'page 1');
  const p2 = find(blocks, 'Cordelia Pemberton-Hale');
  assert.equal(p2?.location, 'page 2');
  assert.match(p2!.text, /QQ 12 34 56 C/);
  assert.ok(blocks.some((b) => b.kind === 'metadata' && b.text === 'Author: Gwendolyn Sparrowhawk'));
});

test('ods: every table, collapsed rows, annotations, named ranges, meta; huge repeats do not blow up', async () => {
  const blocks = await extractDocument(await makeOds(), 'ods');
  assert.equal(find(blocks, 'Perpetua Ravensworth')?.location, 'Secret!A1:B1');
  assert.equal(find(blocks, 'Octavia Brindlecombe')?.location, 'Visible!A2:C2');
  assert.equal(find(blocks, 'Ignatius Feltham')?.kind, 'comment');
  assert.ok(find(blocks, 'People: $Secret.$A$1'));
  assert.ok(blocks.some((b) => b.kind === 'metadata' && /Aldous Wrenfield/.test(b.text)));
  assert.ok(blocks.length < 50);
});

test('csv and text', async () => {
  const csv = await extractDocument(Buffer.from('name,address\n"Fenella Dunstable","4 Rook Street, AL1 1AA"\n'), 'csv');
  assert.deepEqual(csv[1], { text: 'Fenella Dunstable | 4 Rook Street, AL1 1AA', kind: 'cell-row', location: 'row 2' });
  const txt = await extractDocument(Buffer.from('Intro line\n\nVictim: Hamish Pettigrew\n12 Elm Road\n'), 'text');
  assert.deepEqual(txt.map((b) => b.location), ['line 1', 'lines 3-4']);
  const html = await extractDocument(Buffer.from('<html><body><p>Visible</p><div hidden>Secret Tobias Lanyard</div><!-- note: Marigold Fenn --></body></html>'), 'html');
  assert.equal(find(html, 'Tobias Lanyard')?.kind, 'hidden');
  assert.equal(find(html, 'Marigold Fenn')?.kind, 'comment');
});

test('a zip bomb is refused with a clear reason before it is inflated', async () => {
  const bomb = await makeZipBomb();
  assert.ok(bomb.length < 1024 * 1024);
  await assert.rejects(extractDocument(bomb, 'xlsx', { name: 'bomb.xlsx' }), (err: unknown) => {
    assert.ok(err instanceof DocumentRejectedError);
    assert.equal(err.reason, 'zip-bomb');
    assert.match(err.message, /bomb\.xlsx: refused: .*compression ratio \d+:1/);
    return true;
  });
});

test('broken, truncated and oversized documents are refused with a reason', async () => {
  await assert.rejects(extractDocument(Buffer.from('%PDF-1.7\nthis is not really a pdf\n%%EOF'), 'pdf'), (e: unknown) => e instanceof DocumentRejectedError && e.reason === 'broken' && /PDF/.test(e.message));
  await assert.rejects(extractDocument(Buffer.from('hello'), 'pdf'), (e: unknown) => e instanceof DocumentRejectedError && /no %PDF- header/.test(e.message));
  const xlsx = await makeXlsx();
  await assert.rejects(extractDocument(xlsx.subarray(0, xlsx.length / 2), 'xlsx'), (e: unknown) => e instanceof DocumentRejectedError && e.reason === 'broken');
  await assert.rejects(extractDocument(Buffer.alloc(2000), 'text', { maxBytes: 1000 }), (e: unknown) => e instanceof DocumentRejectedError && e.reason === 'too-large');
});

test('guessDocumentType: signature, then content type, then extension', async () => {
  assert.equal(guessDocumentType('https://x.test/a/report.pdf'), 'pdf');
  assert.equal(guessDocumentType('https://x.test/download?id=3', 'application/pdf'), 'pdf');
  assert.equal(guessDocumentType('misnamed.txt', 'text/plain', await makePdf()), 'pdf');
  assert.equal(guessDocumentType('x', undefined, await makeOds()), 'ods');
  assert.equal(guessDocumentType('file.xlsx', undefined, await makeXlsx()), 'xlsx');
  assert.equal(guessDocumentType('https://x.test/blob', 'application/octet-stream', await makeDocx()), 'docx');
  assert.equal(guessDocumentType('https://x.test/page/', 'text/html; charset=utf-8'), 'html');
  assert.equal(guessDocumentType('data.csv'), 'csv');
  assert.equal(guessDocumentType('image.png', 'image/png'), undefined);
});
