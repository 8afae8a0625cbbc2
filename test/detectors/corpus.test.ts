import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseCorpusSource, loadCorpus } from '../fixtures/build-corpus.js';
import { ALL_CORPORA } from '../fixtures/corpora.js';
import { detect } from '../../detectors/index.js';
import { scoreDoc, prf, micro, type Counts } from '../../bench/detect/score.js';
import type { Entity } from '../../core/types.js';


test('every *.jsonl corpus is exactly what its *.src.md builds to, and every span matches its text', () => {
  for (const name of ALL_CORPORA) {
    const built = parseCorpusSource(readFileSync(new URL(`../fixtures/${name}.src.md`, import.meta.url), 'utf8'));
    const stored = loadCorpus(new URL(`../fixtures/${name}.jsonl`, import.meta.url));
    assert.deepEqual(stored, built, `${name}: run npx tsx test/fixtures/build-corpus.ts`);
    for (const d of stored) for (const s of d.spans) assert.equal(d.text.slice(s.start, s.end), s.value, d.id);
  }
});

test('regression floor on the labelled corpora (lenient micro-F1 and no high/critical on public-role documents)', () => {
  const counts = new Map<Entity, Counts>();
  for (const d of ALL_CORPORA.flatMap((name) => loadCorpus(new URL(`../fixtures/${name}.jsonl`, import.meta.url)))) {
    const r = detect(d.text, { kind: d.kind, section: d.section });
    scoreDoc(d.spans, r.findings, counts);
    if (d.spans.length && d.spans.every((s) => s.severity === 'low')) {
      assert.deepEqual(r.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => `${d.id}:${f.entity}`), []);
    }
  }
  const f1 = prf(micro(counts)).f1;
  assert.ok(f1 >= 0.9, `micro-F1 ${f1.toFixed(3)} fell below the 0.90 floor`);
});
