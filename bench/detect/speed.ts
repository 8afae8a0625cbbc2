/**
 * npx tsx bench/detect/speed.ts [repeats] — only the speed part of bench:detect, for profiling
 * (node --cpu-prof --import tsx bench/detect/speed.ts). Same inputs as run.ts: 4 MB of PII-free
 * prose and 4 MB of PII-dense prose built from the corpus; MB/s of this process's CPU time.
 */
import { detect } from '../../detectors/index.js';
import { readFileSync } from 'node:fs';
import type { CorpusDoc } from '../../test/fixtures/build-corpus.js';
import { TUNING_CORPORA } from '../../test/fixtures/corpora.js';

// read from the working directory (the repo root), so the script also runs when bundled for profiling
const loadCorpus = (): CorpusDoc[] =>
  TUNING_CORPORA.flatMap((n) => readFileSync(`test/fixtures/${n}.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as CorpusDoc));

function proseText(docs: CorpusDoc[], bytes: number, filter: (d: CorpusDoc) => boolean): string {
  const prose = docs.filter((d) => (d.kind === 'paragraph' || d.kind === 'priority') && filter(d)).map((d) => d.text).join('\n\n');
  const unit = prose + '\n\n';
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

function cpuMBps(text: string, runs: number): number {
  const bytes = Buffer.byteLength(text);
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) detect(text);
  const c = process.cpuUsage(c0);
  return (bytes * runs) / ((c.user + c.system) / 1e6) / 1e6;
}

const docs = loadCorpus();
const clean = proseText(docs, 4 * 1024 * 1024, (d) => d.spans.length === 0);
const dense = proseText(docs, 4 * 1024 * 1024, () => true);
const repeats = Number(process.argv[2] ?? 3);
const only = process.argv[3];
detect(clean.slice(0, 20_000));
detect(dense.slice(0, 20_000));
for (let r = 0; r < repeats; r++) {
  const a = only === 'dense' ? NaN : cpuMBps(clean, 2);
  const b = only === 'clean' ? NaN : cpuMBps(dense, 1);
  console.log(`clean ${a.toFixed(1)} MB/s   dense ${b.toFixed(2)} MB/s`);
}
