import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { TextBlock } from '../../core/types.js';
import { DetectionError } from '../../core/errors.js';
import { AllowList, detect, detectBlocks } from '../../detectors/index.js';
import { DetectionPool, detectionDeadline } from '../../detectors/pool.js';

/**
 * Detection in a worker thread (real piscina workers running the real detectors): the same answers
 * as in-process, learning carried back to the sweep's allow-list, and a page past its deadline
 * stopped without stopping the next one or the main thread.
 */
const corpus = ['corpus', 'corpus2', 'corpus3'].flatMap((name) => readFileSync(new URL(`../fixtures/${name}.jsonl`, import.meta.url), 'utf8').split('\n')).filter(Boolean).map((l) => JSON.parse(l) as { id: string; cases: number; kind: TextBlock['kind']; section?: TextBlock['section']; text: string });
const pageOf = (docs: typeof corpus): TextBlock[] => docs.map((d) => ({ text: d.text, kind: d.kind, section: d.section, location: d.id }));

let pool: DetectionPool;
before(() => {
  pool = new DetectionPool({ deadlineMs: 5_000, deadlinePerMegabyteMs: 0 });
});
after(async () => {
  await pool?.close();
});

test('a worker gives exactly the in-process findings and records, page after page', async () => {
  const withCases = corpus.filter((d) => d.cases > 0);
  const pages = [pageOf(withCases.slice(0, 20)), pageOf(withCases.slice(20, 40)), pageOf(withCases.slice(40, 60))];
  for (const [i, blocks] of pages.entries()) {
    const inWorker = await pool.detectPage(blocks, { url: `https://replica.test/p${i}`, allowList: new AllowList(), recordIdPrefix: `p${i}`, learn: false });
    const inProcess = detectBlocks(blocks, { allowList: new AllowList(), recordIdPrefix: `p${i}` });
    assert.deepEqual(inWorker, inProcess, `page ${i}`);
    assert.ok(inWorker.some((r) => r.findings.some((f) => f.severity === 'critical')), `page ${i} has a case record to find`);
  }
});

test('what a team or contact page teaches comes back to the sweep\'s allow-list and makes later pages low', async () => {
  const allowList = new AllowList();
  await pool.detectPage([
    { text: 'Sgt Olusegun Bakare and PCSO Nadia Rahman', kind: 'team-member', section: 'team', location: 'li1' },
    { text: 'Drop-in at Tring Library, 8 High Street, Tring HP23 5AL.', kind: 'event', section: 'events', location: 'ev1' },
  ], { url: 'https://replica.test/tring/about-us/', allowList, recordIdPrefix: 'a' });
  const learned = allowList.entries().filter((e) => e.source === 'learned');
  assert.deepEqual(learned.map((e) => e.entity).sort(), ['ADDRESS', 'PERSON', 'PERSON']);
  const later = await pool.detectPage([{ text: 'Olusegun Bakare lives at 8 High Street, Tring HP23 5AL.', kind: 'paragraph', section: 'news', location: 'p1' }],
    { url: 'https://replica.test/tring/news/', allowList, recordIdPrefix: 'b' });
  const findings = later.flatMap((r) => r.findings);
  assert.ok(findings.length >= 2, JSON.stringify(findings.map((f) => f.entity)));
  assert.ok(findings.every((f) => f.severity === 'low' && f.publicRole), JSON.stringify(findings.map((f) => [f.entity, f.severity])));
  // without what the first page taught, the same sentence is a private person at a home address
  const fresh = await pool.detectPage([{ text: 'Olusegun Bakare lives at 8 High Street, Tring HP23 5AL.', kind: 'paragraph', section: 'news', location: 'p1' }],
    { url: 'https://replica.test/tring/news/', allowList: new AllowList(), recordIdPrefix: 'c' });
  assert.ok(fresh.flatMap((r) => r.findings).some((f) => f.severity !== 'low'));
});

test('a page past its deadline is stopped with a DetectionError naming it; the next page is detected; the main thread never blocks', async () => {
  const short = new DetectionPool({ deadlineMs: 400, deadlinePerMegabyteMs: 0 });
  try {
    // 19 M characters of case-dense prose: seconds of work at any speed this code has run at
    const big = pageOf(corpus.slice(0, 60)).map((b) => b.text).join('\n\n');
    const huge: TextBlock[] = [{ text: big.repeat(Math.ceil(19e6 / big.length)), kind: 'paragraph', section: 'other', location: 'body' }];
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const err = await short.detectPage(huge, { url: 'https://replica.test/huge', allowList: new AllowList(), recordIdPrefix: 'h' }).then(() => null, (e: unknown) => e);
    clearInterval(ticker);
    assert.ok(err instanceof DetectionError, `expected a DetectionError, got ${String(err)}`);
    assert.equal(err.reason, 'deadline');
    assert.match(err.message, /^https:\/\/replica\.test\/huge: detection did not finish within 400 ms \(19\.\d\d M characters of text\)/);
    assert.match(err.message, /raise detection\.deadlineMs/, 'says what to do');
    // in-process detection of this page would have held the event loop for its whole length
    assert.ok(ticks >= 5, `the main thread ran ${ticks} timer ticks while the page was detected`);

    const next = await short.detectPage(pageOf(corpus.slice(0, 5)), { url: 'https://replica.test/next', allowList: new AllowList(), recordIdPrefix: 'n' });
    assert.deepEqual(next, detectBlocks(pageOf(corpus.slice(0, 5)), { allowList: new AllowList(), recordIdPrefix: 'n' }));
  } finally {
    await short.close();
  }
});

test('the deadline grows with the page\'s text', () => {
  assert.equal(detectionDeadline({ deadlineMs: 30_000, deadlinePerMegabyteMs: 15_000 }, 0), 30_000);
  assert.equal(detectionDeadline({ deadlineMs: 30_000, deadlinePerMegabyteMs: 15_000 }, 2_000_000), 60_000);
});

test('a whole text (the scan command\'s text and HTML files) gives detect()\'s answer with offsets as given, under the same deadline', async () => {
  const text = pageOf(corpus.filter((d) => d.cases > 0).slice(0, 30)).map((b) => b.text).join('\n\n');
  assert.deepEqual(await pool.detectText(text, { name: 'notes.txt' }), detect(text));
  const short = new DetectionPool({ deadlineMs: 300, deadlinePerMegabyteMs: 0 });
  try {
    const err = await short.detectText(text.repeat(Math.ceil(19e6 / text.length)), { name: 'minutes.txt' }).then(() => null, (e: unknown) => e);
    assert.ok(err instanceof DetectionError && err.reason === 'deadline', String(err));
    assert.match(err.message, /^minutes\.txt: detection did not finish within 300 ms/);
  } finally {
    await short.close();
  }
});
