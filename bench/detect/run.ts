/**
 * npm run bench:detect — Leakwatch vs peers on the labelled corpora (test/fixtures/*.jsonl):
 * per-entity P/R/F1/F2 (lenient: overlap + same entity; strict F1 also shown), micro-F1,
 * severity checks, and MB/s on prose. Peers run side by side on the same texts, labels mapped.
 * Numbers are printed, never asserted.
 */
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { ENTITIES, type Entity } from '../../core/types.js';
import { detect, detectBlocks } from '../../detectors/index.js';
import { loadCorpus, type CorpusDoc } from '../../test/fixtures/build-corpus.js';
import { TUNING_CORPORA, HELDOUT_CORPUS, FINAL_CHECK_CORPORA } from '../../test/fixtures/corpora.js';
import { scoreDoc, prf, micro, spansFromRedaction, type Counts, type Span } from './score.js';

interface Peer {
  name: string;
  /** Entities the peer can find at all: its scores are over these only, plus micro over all. */
  covers: Entity[];
  run(text: string): Promise<Span[]> | Span[];
  /** The peer's own call alone, for the speed comparison (run() adds our label mapping on top). */
  call(text: string): unknown;
}

const STRUCTURED: ReadonlySet<Entity> = new Set(['NI_NUMBER', 'NHS_NUMBER', 'DRIVING_LICENCE', 'PASSPORT', 'VEHICLE_REG', 'PAYMENT_CARD', 'BANK_ACCOUNT', 'POSTCODE', 'EMAIL', 'PHONE', 'DATE_OF_BIRTH']);

function mapOpenRedaction(type: string): Entity | null {
  const t = type.toUpperCase();
  if (/NHS/.test(t)) return 'NHS_NUMBER';
  if (/NATIONAL_INSURANCE|\bNINO|UK_NI\b|NI_NUMBER/.test(t)) return 'NI_NUMBER';
  if (/PASSPORT/.test(t)) return 'PASSPORT';
  if (/DRIV|LICEN[CS]E_NUMBER|DVLA/.test(t) && !/PLATE/.test(t)) return 'DRIVING_LICENCE';
  if (/PLATE|VEHICLE_REG|REGISTRATION_UK|UK_REG|VRM/.test(t)) return 'VEHICLE_REG';
  if (/CREDIT|CARD|PAN\b/.test(t)) return 'PAYMENT_CARD';
  if (/SORT_CODE|BANK_ACCOUNT|ACCOUNT_NUMBER|UK_BANK/.test(t)) return 'BANK_ACCOUNT';
  if (/POSTCODE|POSTAL|ZIP/.test(t)) return 'POSTCODE';
  if (/EMAIL/.test(t)) return 'EMAIL';
  if (/PHONE|MOBILE|TELEPHONE/.test(t)) return 'PHONE';
  if (/DOB|DATE_OF_BIRTH|BIRTH/.test(t)) return 'DATE_OF_BIRTH';
  if (/ADDRESS/.test(t) && !/IP_ADDRESS|MAC_ADDRESS|EMAIL|WALLET|BITCOIN|ETH/.test(t)) return 'ADDRESS';
  if (/^NAME$|PERSON|FULL_NAME|FIRST_NAME|LAST_NAME/.test(t)) return 'PERSON';
  return null;
}

const REDACT_PII_LABELS: Record<string, Entity> = {
  PERSON_NAME: 'PERSON', EMAIL_ADDRESS: 'EMAIL', PHONE_NUMBER: 'PHONE', STREET_ADDRESS: 'ADDRESS', ZIPCODE: 'POSTCODE',
  CREDIT_CARD_NUMBER: 'PAYMENT_CARD',
};

async function loadPeers(): Promise<Peer[]> {
  const peers: Peer[] = [];
  try {
    const mod = (await import('@openredaction/openredaction')) as unknown as { OpenRedaction: new () => { detect(t: string): unknown } };
    const shield = new mod.OpenRedaction();
    peers.push({
      name: '@openredaction/openredaction',
      covers: [...ENTITIES],
      call: (text) => shield.detect(text),
      run: async (text) => {
        const r = (await shield.detect(text)) as { detections: Array<{ type: string; position: [number, number] }> };
        return r.detections.flatMap((d) => {
          const e = mapOpenRedaction(d.type);
          return e ? [{ entity: e, start: d.position[0], end: d.position[1] }] : [];
        });
      },
    });
  } catch (e) {
    console.error(`openredaction unavailable: ${(e as Error).message}`);
  }
  try {
    const mod = (await import('redact-pii')) as unknown as { default?: { SyncRedactor: new () => { redact(t: string): string } }; SyncRedactor?: new () => { redact(t: string): string } };
    const Ctor = mod.SyncRedactor ?? mod.default!.SyncRedactor;
    const r = new Ctor();
    peers.push({
      name: 'redact-pii',
      covers: ['PERSON', 'EMAIL', 'PHONE', 'ADDRESS', 'POSTCODE', 'PAYMENT_CARD'],
      call: (text) => r.redact(text),
      run: (text) => spansFromRedaction(text, r.redact(text), /\b[A-Z][A-Z_]{3,}[A-Z]\b/, (tag) => REDACT_PII_LABELS[tag] ?? null),
    });
  } catch (e) {
    console.error(`redact-pii unavailable: ${(e as Error).message}`);
  }
  try {
    const mod = (await import('@redactpii/node')) as unknown as { Redactor: new () => { redact(t: string): string } };
    const r = new mod.Redactor();
    peers.push({
      name: '@redactpii/node',
      covers: ['PERSON', 'EMAIL', 'PHONE', 'PAYMENT_CARD'],
      call: (text) => r.redact(text),
      run: (text) => spansFromRedaction(text, r.redact(text), /\b[A-Z][A-Z_]{3,}[A-Z]\b/, (tag) => REDACT_PII_LABELS[tag] ?? null),
    });
  } catch (e) {
    console.error(`@redactpii/node unavailable: ${(e as Error).message}`);
  }
  try {
    const mod = (await import('compromise')) as unknown as { default: (t: string) => { people(): { out(f: 'offset'): Array<{ offset: { start: number; length: number } }> } } };
    const nlp = mod.default;
    peers.push({
      name: 'compromise (names)',
      covers: ['PERSON'],
      call: (text) => nlp(text).people().out('offset'),
      run: (text) => nlp(text).people().out('offset').map((p) => ({ entity: 'PERSON' as Entity, start: p.offset.start, end: p.offset.start + p.offset.length })),
    });
  } catch (e) {
    console.error(`compromise unavailable: ${(e as Error).message}`);
  }
  return peers;
}

const pct = (x: number): string => x.toFixed(3);

function table(title: string, counts: Map<Entity, Counts>, entities: readonly Entity[]): void {
  console.log(`\n${title}`);
  console.log('entity            gold  pred     P      R      F1     F2   strictF1');
  for (const e of entities) {
    const c = counts.get(e);
    if (!c || (c.gold === 0 && c.pred === 0)) continue;
    const s = prf(c);
    console.log(`${e.padEnd(16)} ${String(c.gold).padStart(5)} ${String(c.pred).padStart(5)}  ${pct(s.p)}  ${pct(s.r)}  ${pct(s.f1)}  ${pct(s.f2)}  ${pct(s.strictF1)}`);
  }
  const m = prf(micro(counts));
  console.log(`${'MICRO'.padEnd(16)} ${String(micro(counts).gold).padStart(5)} ${String(micro(counts).pred).padStart(5)}  ${pct(m.p)}  ${pct(m.r)}  ${pct(m.f1)}  ${pct(m.f2)}  ${pct(m.strictF1)}`);
}

function proseText(docs: CorpusDoc[], bytes: number, filter: (d: CorpusDoc) => boolean): string {
  const prose = docs.filter((d) => (d.kind === 'paragraph' || d.kind === 'priority') && filter(d)).map((d) => d.text).join('\n\n');
  const unit = prose + '\n\n';
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

/**
 * MB/s of one function on one core, measured in this process's CPU time (user + system), so other
 * load on the machine does not count as our time. Wall-clock MB/s is printed alongside.
 */
function throughput(fn: (t: string) => unknown, text: string, budgetMs: number): { cpu: number; wall: number } {
  fn(text.slice(0, 20_000)); // warm up
  const bytes = Buffer.byteLength(text);
  let runs = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  do {
    fn(text);
    runs++;
  } while (performance.now() - t0 < budgetMs);
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { cpu: (bytes * runs) / ((c.user + c.system) / 1e6) / 1e6, wall: (bytes * runs) / wall / 1e6 };
}

interface Speed { cpu: number; wall: number; runs: number; bytes: number }

interface Contender { name: string; run: (t: string) => unknown }

/** Environment knob: a contender whose one run of a whole input is projected to take longer than this is timed on a prefix. */
const PEER_CAP_S = Number(process.env.BENCH_PEER_CAP_S ?? 120);
const PREFIX_BYTES = 64 * 1024;

/** CPU seconds of one call. */
async function cpuOnce(fn: () => unknown): Promise<number> {
  const c0 = process.cpuUsage();
  await fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

/**
 * Times contenders in interleaved rounds on one text, so a burst of load on this shared machine
 * hits them alike. A round runs the contender for at least `roundMs` (at least once); a contender
 * slower than a whole round is timed once. MB/s of this process's CPU time (user + system) is the
 * figure compared; wall-clock MB/s is printed alongside. Each contender's best round is kept.
 */
async function timeRounds(contenders: Contender[], text: string, rounds: number, roundMs: number): Promise<Speed[]> {
  const bytes = Buffer.byteLength(text);
  const best: Speed[] = contenders.map(() => ({ cpu: 0, wall: 0, runs: 0, bytes }));
  for (let r = 0; r < rounds; r++) {
    for (const [i, c] of contenders.entries()) {
      if (r > 0 && best[i]!.runs === 1 && bytes / (best[i]!.wall * 1e6) * 1000 > roundMs) continue;
      let runs = 0;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      do {
        await c.run(text);
        runs++;
      } while (performance.now() - t0 < roundMs);
      const wall = (bytes * runs) / ((performance.now() - t0) / 1000) / 1e6;
      const used = process.cpuUsage(c0);
      const cpu = (bytes * runs) / ((used.user + used.system) / 1e6) / 1e6;
      if (cpu > best[i]!.cpu) best[i] = { cpu, wall, runs, bytes };
    }
  }
  return best;
}

/**
 * Side by side on several inputs. Warm-up, the same for every contender: one run on the first
 * 64 KB of every input. Then, per input, every contender is timed on the whole input
 * (timeRounds), except a peer whose one whole run would take more than PEER_CAP_S of CPU: it is
 * timed on the longest prefix (64 KB, 256 KB, 1 MB…) that fits, found by probing prefixes four
 * times longer each step and projecting the next step from how the time grew so far (openredaction
 * and compromise slow down more than linearly on long texts). Leakwatch (contender 0) is timed
 * on that same prefix for the ratio. A peer that slows down on longer texts looks faster on a
 * prefix than it would on the whole input, so this never favours Leakwatch.
 */
interface InputSpeeds {
  /** Per contender: the speed on the text it was timed on (`bytes` says how much of the input). */
  speeds: Speed[];
  /** Per contender: Leakwatch's speed on the same text (the whole input, or the peer's prefix). */
  lwSame: Speed[];
}

async function sideBySideInputs(contenders: Contender[], inputs: Array<{ name: string; text: string }>, rounds: number, roundMs: number): Promise<InputSpeeds[]> {
  const warm: number[][] = contenders.map(() => []);
  for (const inp of inputs) for (const [i, c] of contenders.entries()) warm[i]!.push(await cpuOnce(() => c.run(inp.text.slice(0, PREFIX_BYTES))));
  /** Characters of the input contender i is timed on. */
  const timedLength = async (i: number, k: number, text: string): Promise<number> => {
    if (i === 0 || text.length <= PREFIX_BYTES) return text.length;
    let size = PREFIX_BYTES;
    let t = warm[i]![k]!;
    let exp = 1;
    for (;;) {
      const next = Math.min(text.length, size * 4);
      if (t * (next / size) ** exp > PEER_CAP_S) return size;
      if (next === text.length) return next;
      const tNext = await cpuOnce(() => contenders[i]!.run(text.slice(0, next)));
      if (tNext > PEER_CAP_S) return size;
      exp = Math.max(1, Math.log(Math.max(tNext, 1e-6) / Math.max(t, 1e-6)) / Math.log(next / size));
      size = next;
      t = tNext;
    }
  };
  const out: InputSpeeds[] = [];
  for (const [k, inp] of inputs.entries()) {
    const lengths: number[] = [];
    for (const [i] of contenders.entries()) lengths.push(await timedLength(i, k, inp.text));
    const speeds: Speed[] = contenders.map(() => ({ cpu: NaN, wall: NaN, runs: 0, bytes: 0 }));
    const lwSame: Speed[] = contenders.map(() => ({ cpu: NaN, wall: NaN, runs: 0, bytes: 0 }));
    // one interleaved timing per distinct length: Leakwatch and every contender timed on that text
    for (const len of [...new Set(lengths)].sort((x, y) => y - x)) {
      const idx = contenders.flatMap((_, i) => (i === 0 || lengths[i] === len ? [i] : []));
      const res = await timeRounds(idx.map((i) => contenders[i]!), inp.text.slice(0, len), rounds, roundMs);
      for (const [j, i] of idx.entries()) if (lengths[i] === len) speeds[i] = res[j]!;
      for (const i of idx) lwSame[i] = res[0]!;
    }
    out.push({ speeds, lwSame });
  }
  return out;
}

function evaluateLeakwatch(docs: CorpusDoc[], title: string): Map<Entity, Counts> {
  const lw = new Map<Entity, Counts>();
  let publicHighOrCritical = 0;
  let sevChecked = 0;
  let sevRight = 0;
  let caseDocsRight = 0;
  const misses: string[] = [];
  for (const d of docs) {
    const res = detect(d.text, { kind: d.kind, section: d.section });
    const pred = res.findings.map((f) => ({ entity: f.entity, start: f.start, end: f.end }));
    scoreDoc(d.spans, pred, lw);
    const labelsPublic = d.spans.every((s) => s.severity === 'low');
    if (labelsPublic) publicHighOrCritical += res.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').length;
    for (const g of d.spans) {
      if (!g.severity) continue;
      const hit = res.findings.find((f) => f.entity === g.entity && f.start < g.end && g.start < f.end);
      if (!hit) { misses.push(`${d.id}: missed ${g.entity}`); continue; }
      sevChecked++;
      if (hit.severity === g.severity) sevRight++;
      else misses.push(`${d.id}: ${g.entity} severity ${hit.severity}, expected ${g.severity}`);
    }
    for (const f of res.findings) if (!d.spans.some((g) => g.entity === f.entity && f.start < g.end && g.start < f.end)) misses.push(`${d.id}: extra ${f.entity} (${f.severity})`);
    const cases = res.records.filter((r) => r.isCaseRecord).length;
    if (cases === d.cases) caseDocsRight++;
    else misses.push(`${d.id}: ${cases} case records, expected ${d.cases}`);
  }
  table(title, lw, ENTITIES);
  const person = prf(lw.get('PERSON') ?? { gold: 0, goldHit: 0, pred: 0, predHit: 0, strictTp: 0 });
  const address = prf(lw.get('ADDRESS') ?? { gold: 0, goldHit: 0, pred: 0, predHit: 0, strictTp: 0 });
  const structured = prf(micro(lw, STRUCTURED));
  console.log(`Targets: micro-F1 ${pct(prf(micro(lw)).f1)} (>=0.95) | PERSON F1 ${pct(person.f1)} (>=0.92) | ADDRESS F1 ${pct(address.f1)} (>=0.92) | structured micro-F1 ${pct(structured.f1)} (each >=0.98)`);
  console.log(`Severity agreement on labelled spans: ${sevRight}/${sevChecked}; high/critical findings on public-role-only documents: ${publicHighOrCritical} (target 0); documents with the right case-record count: ${caseDocsRight}/${docs.length}`);
  if (process.env.BENCH_VERBOSE) for (const m of misses) console.log(`  - ${m}`);
  else console.log(`(${misses.length} disagreements; BENCH_VERBOSE=1 lists them without values)`);
  return lw;
}

async function main(): Promise<void> {
  const fixture = (name: string): CorpusDoc[] => loadCorpus(new URL(`../../test/fixtures/${name}.jsonl`, import.meta.url));
  const tuning = TUNING_CORPORA;
  const docs = tuning.flatMap(fixture);
  console.log(`Tuning corpora (${tuning.map((n) => `${n}.jsonl`).join(', ')}): ${docs.length} documents, ${docs.reduce((n, d) => n + d.spans.length, 0)} labelled spans (test/fixtures/). Lenient = overlap with same entity.`);

  const lw = evaluateLeakwatch(docs, 'Leakwatch on the tuning corpora (kind/section from the corpus)');
  const heldout = fixture(HELDOUT_CORPUS);
  const lwHeld = evaluateLeakwatch(heldout, `Leakwatch on the HELD-OUT corpus (heldout.jsonl, ${heldout.length} documents written after tuning, never tuned on)`);
  const sets = [lw, lwHeld];
  const allDocs = [...docs, ...heldout];
  if (existsSync(new URL('../../test/fixtures/sealed.jsonl', import.meta.url))) {
    const sealed = fixture('sealed');
    sets.push(evaluateLeakwatch(sealed, `Leakwatch on the SEALED corpus (sealed.jsonl, ${sealed.length} documents by a writer who saw neither the detector code nor the other corpora)`));
    allDocs.push(...sealed);
  }
  // the final checks, each scored once unseen before any tuning on it (its header gives that score): reported
  // on their own, outside the peers' comparison, so that stays on the same documents as in earlier runs
  const finalCheck = FINAL_CHECK_CORPORA.flatMap(fixture);
  evaluateLeakwatch(finalCheck, `Leakwatch on the FINAL-CHECK corpora (${FINAL_CHECK_CORPORA.map((n) => `${n}.jsonl`).join(', ')}, ${finalCheck.length} documents; each header gives its unseen score)`);
  const lwAll = new Map<Entity, Counts>();
  for (const m of sets) for (const [e, c] of m) {
    const t = lwAll.get(e) ?? { gold: 0, goldHit: 0, pred: 0, predHit: 0, strictTp: 0 };
    t.gold += c.gold; t.goldHit += c.goldHit; t.pred += c.pred; t.predHit += c.predHit; t.strictTp += c.strictTp;
    lwAll.set(e, t);
  }
  const person = prf(lwAll.get('PERSON')!);

  // --- peers
  const peers = await loadPeers();
  const peerScores: Array<{ name: string; f1: number; personF1: number; mbps: number }> = [];
  for (const peer of peers) {
    const counts = new Map<Entity, Counts>();
    for (const d of allDocs) {
      let pred: Span[] = [];
      try {
        pred = await peer.run(d.text);
      } catch (e) {
        console.error(`${peer.name} failed on ${d.id}: ${(e as Error).message}`);
      }
      scoreDoc(d.spans, pred, counts);
    }
    table(`${peer.name} on all corpora (labels mapped to ours; finds: ${peer.covers.join(', ')})`, counts, ENTITIES);
    peerScores.push({ name: peer.name, f1: prf(micro(counts)).f1, personF1: prf(counts.get('PERSON') ?? { gold: 0, goldHit: 0, pred: 0, predHit: 0, strictTp: 0 }).f1, mbps: 0 });
  }

  // --- speed
  // BENCH_SPEED_MB: size of the prose and case-dense inputs (default 4; smaller for a quick check)
  const speedBytes = Math.round(Number(process.env.BENCH_SPEED_MB ?? 4) * 1024 * 1024);
  const cleanProse = proseText(docs, speedBytes, (d) => d.spans.length === 0);
  const denseProse = proseText(docs, speedBytes, () => true);
  const peerSample = proseText(docs, 64 * 1024, () => true);
  const paragraphs = proseText(docs, 512 * 1024, () => true).split('\n\n').filter(Boolean);
  const lwBlocks = throughput(() => detectBlocks(paragraphs.map((text) => ({ text, kind: 'paragraph' as const, location: 'p' })), { recordIdPrefix: 'b' }), paragraphs.join('\n\n'), 3000);
  const inputs = [
    { name: `prose: ${(speedBytes / 1048576).toFixed(1)} MB of PII-free police prose`, short: 'prose', text: cleanProse },
    { name: `case-dense: ${(speedBytes / 1048576).toFixed(1)} MB of PII-dense case prose`, short: 'case-dense', text: denseProse },
    { name: `mixed: the ${Math.round(Buffer.byteLength(peerSample) / 1024)} KB mixed sample`, short: 'mixed', text: peerSample },
  ];
  const contenders: Contender[] = [{ name: 'Leakwatch detect()', run: (t: string) => detect(t) }, ...peers.map((p) => ({ name: p.name, run: (t: string) => p.call(t) }))];
  const loadBefore = (await import('node:os')).loadavg();
  const results = await sideBySideInputs(contenders, inputs, 3, 1500);
  const loadAfter = (await import('node:os')).loadavg();
  console.log(`\nSpeed side by side, one core, MB/s of CPU time (wall-clock in brackets). Same inputs, each library's own call, same warm-up`);
  console.log(`(one run on the first 64 KB of every input), 3 interleaved rounds of >=1.5 s per input (a slower run: once), best round. Load average ${loadBefore[0]!.toFixed(1)} before, ${loadAfter[0]!.toFixed(1)} after.`);
  const fmt = (s: Speed): string => `${s.cpu.toFixed(s.cpu >= 10 ? 1 : s.cpu >= 1 ? 2 : 3).padStart(7)} (${s.wall.toFixed(s.wall >= 10 ? 1 : s.wall >= 1 ? 2 : 3)})`;
  const whole = (k: number, i: number): boolean => results[k]!.speeds[i]!.bytes >= Buffer.byteLength(inputs[k]!.text);
  for (const [k, inp] of inputs.entries()) {
    const r = results[k]!;
    console.log(`\n  ${inp.name}`);
    for (const [i, c] of contenders.entries()) {
      const sp = r.speeds[i]!;
      if (whole(k, i)) console.log(`    ${c.name.padEnd(30)} ${fmt(sp)}`);
      else console.log(`    ${c.name.padEnd(30)} ${fmt(sp)}  on the first ${Math.round(sp.bytes / 1024)} KB only (longer would pass ${PEER_CAP_S} s CPU per run; Leakwatch on the same prefix: ${fmt(r.lwSame[i]!).trim()})`);
    }
  }
  console.log(`\n  Leakwatch detectBlocks(), ${paragraphs.length} PII-dense paragraph blocks ${lwBlocks.cpu.toFixed(1)} (${lwBlocks.wall.toFixed(1)})`);
  /** Leakwatch / peer on the same text (the prefix when the peer was timed on one). */
  const ratio = (k: number, i: number): number => results[k]!.lwSame[i]!.cpu / results[k]!.speeds[i]!.cpu;
  console.log(`\nSpeed ratios, Leakwatch / peer, CPU MB/s on the same text (>1: Leakwatch faster; * = on a prefix, see above):`);
  console.log(`  ${'peer'.padEnd(30)} ${inputs.map((i) => i.short.padStart(11)).join(' ')}`);
  for (const [i, p] of peers.entries()) {
    console.log(`  ${p.name.padEnd(30)} ${inputs.map((_, k) => `${ratio(k, i + 1).toFixed(2)}x${whole(k, i + 1) ? ' ' : '*'}`.padStart(11)).join(' ')}`);
    peerScores[i]!.mbps = results[2]!.speeds[i + 1]!.cpu;
  }
  console.log('\nRatios (Leakwatch / peer, all corpora):');
  const lwF1 = prf(micro(lwAll)).f1;
  for (const [i, p] of peerScores.entries()) {
    console.log(`  vs ${p.name.padEnd(30)} micro-F1 ${lwF1.toFixed(3)}/${p.f1.toFixed(3)} = ${(lwF1 / Math.max(p.f1, 1e-9)).toFixed(2)}x | PERSON F1 ${person.f1.toFixed(3)}/${p.personF1.toFixed(3)} | speed (CPU, prose / case-dense / mixed) ${inputs.map((_, k) => `${ratio(k, i + 1).toFixed(2)}x`).join(' / ')}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
