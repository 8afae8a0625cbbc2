import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument, guessDocumentType } from '../../crawler/index.js';
import { DocumentRejectedError } from '../../core/errors.js';
import { hostileDocument, scenarioTruth, PLANTED_MISLABELLED } from '../../replica/index.js';

/** Zip bombs, encrypted and broken PDFs, wrong Content-Types: refused by extractDocument with a named reason. */
const truth = scenarioTruth('clean+bad-documents');
const item = (kind: string) => truth.hostileItems.find((i) => i.kind === kind)!;

async function served(kind: string): Promise<{ url: string; type: string; body: Buffer }> {
  const it = item(kind);
  const doc = await hostileDocument(it.url)!;
  return { url: it.url, ...doc };
}

async function rejection(kind: string): Promise<DocumentRejectedError> {
  const { url, type, body } = await served(kind);
  const docType = guessDocumentType(url, type, body);
  assert.ok(docType, `${kind}: a type is guessed`);
  try {
    const blocks = await extractDocument(body, docType, { name: url });
    assert.fail(`${kind}: extracted ${blocks.length} blocks instead of being refused`);
  } catch (err) {
    assert.ok(err instanceof DocumentRejectedError, `${kind}: DocumentRejectedError, got ${(err as Error)?.name}: ${(err as Error)?.message}`);
    return err;
  }
}

for (const kind of ['zip-bomb-declared-gb', 'zip-bomb-1gb-inflation', 'encrypted-pdf', 'broken-pdf', 'truncated-pdf']) {
  test(`${kind} is refused naming the reason`, async () => {
    const expected = item(kind).rejectReason!;
    const err = await rejection(kind);
    assert.equal(err.reason, expected, err.message);
    assert.match(err.message, new RegExp(item(kind).url.split('/').pop()!.replace('.', '\\.')), 'the message names the document');
    assert.ok(err.hint, 'says what to do');
  });
}

test('zip bomb with lying entry sizes (declares 2 KB, inflates to 256 MB) is refused as a zip bomb, without inflating it all', async () => {
  const before = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const err = await rejection('zip-bomb-lying-sizes');
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const grewMb = (process.memoryUsage().rss - before) / 1048576;
  console.log(`lying zip bomb: reason=${err.reason} ${Math.round(ms)} ms rss +${Math.round(grewMb)} MB`);
  assert.equal(err.reason, 'zip-bomb', err.message);
});

test('a PDF served as text/html is read as a PDF (signature beats the header) and its text is there', async () => {
  const { url, type, body } = await served('pdf-served-as-text-html');
  assert.match(type, /text\/html/);
  const docType = guessDocumentType(url, type, body);
  assert.equal(docType, 'pdf');
  const blocks = await extractDocument(body, docType!, { name: url });
  const text = blocks.map((b) => b.text).join('\n');
  assert.ok(text.includes('Quillfeather Lane'), 'the planted text is extracted');
  assert.ok(PLANTED_MISLABELLED.includes('Quillfeather Lane'));
});

test('an HTML page served as application/pdf is read as HTML, not refused as a broken PDF', async () => {
  const { url, type, body } = await served('html-served-as-application-pdf');
  assert.equal(type, 'application/pdf');
  const docType = guessDocumentType(url, type, body);
  assert.equal(docType, 'html', `guessed ${docType}`);
  const blocks = await extractDocument(body, docType!, { name: url });
  assert.ok(blocks.some((b) => /front counter at Hitchin station/.test(b.text)));
});
