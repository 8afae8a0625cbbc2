/**
 * Detection always returns. A spreadsheet row with the same word in two neighbouring cells ("Redacted |
 * Redacted", "Yes | Yes") once sent the two-cell name rule back to the first cell forever, and a sweep
 * with it. Random rows of cells, and prose built from the same pieces, run in a child process that the
 * test kills if it has not finished in time; the failing text is reported. All data synthetic.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const CHILD = fileURLToPath(new URL('../helpers/detect-child.ts', import.meta.url));

/** Runs the texts through detect() in a child process; resolves with the first text that did not finish within `ms`, or null. */
function firstHang(texts: string[], kind: string, ms: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { stdio: ['pipe', 'pipe', 'inherit'] });
    let current = -1;
    let finished = false;
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(texts[current] ?? '(before the first text)'); }, ms);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const line of lines) if (line === 'done') finished = true; else current = Number(line);
    });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code) => {
      if (!finished && code !== null) { clearTimeout(timer); reject(new Error(`detect child exited with ${code} at text ${current}`)); return; }
      if (finished) { clearTimeout(timer); resolve(null); }
    });
    child.stdin.end(JSON.stringify({ texts, kind }));
  });
}

const WORDS = ['Redacted', 'Yes', 'No', 'Kelsey', 'Kaur', 'Harpreet', 'Smith', 'SMITH', 'Hill', 'Rose', 'Ashwell', 'Victim', 'N/A', '12/09/1987', '14 Ringlet Road', 'HP2 5TQ', '07700 900123', '[s40(2)]', 'XXXX', '', 'Jo Pearce', 'Mc', "O'Neill", 'St Albans', '"Danny"'];

test('detection returns on rows of repeated and look-alike cells, whatever their order', async () => {
  const row = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((cells) => cells.join(' | '));
  const texts = fc.sample(fc.array(row, { minLength: 1, maxLength: 4 }).map((rows) => rows.join('\n')), { numRuns: 400, seed: 20261129 });
  texts.unshift('Redacted | Redacted | Redacted | [s40(2)] | Possession of cannabis | PC Laura Beddoes', 'Yes | Yes | No', 'Kelsey | Kelsey');
  for (const kind of ['cell-row', 'document-text']) {
    const hang = await firstHang(texts, kind, 60_000);
    assert.equal(hang, null, `detect() did not return on ${JSON.stringify(hang)} (${kind})`);
  }
});

test('detection returns on prose, lists and quotes built from the same pieces', async () => {
  const piece = fc.constantFrom(...WORDS, ', ', '. ', ' and ', ' of ', ' (', ') ', ': ', '\n', ' known as ', "'s son, ", 'Mr ', 'PC ');
  const texts = fc.sample(fc.array(piece, { minLength: 1, maxLength: 30 }).map((p) => p.join(' ')), { numRuns: 400, seed: 20261130 });
  const hang = await firstHang(texts, 'paragraph', 60_000);
  assert.equal(hang, null, `detect() did not return on ${JSON.stringify(hang)}`);
});
