import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startReplica, scenarioTruth } from '../../replica/index.js';
import { tempDir } from '../helpers/tmp.js';
import { CHROMIUM, startReceiver } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * Planted raw values must not appear in the log file, the outbox .eml files, the alert payloads
 * (webhook, PagerDuty and Teams receivers on loopback) or the database file bytes (incl. -wal).
 * Real `leakwatch sweep` child process at debug log level, no --reveal.
 */
test('no planted raw value in logs, .eml outbox, webhook/PagerDuty/Teams payloads or the database bytes', { timeout: 300_000 }, async () => {
  const tmp = tempDir('leakwatch-security-');
  const scenario = 'herts-2014+hidden-markup';
  const replica = await startReplica({ port: 0, scenario });
  const truth = scenarioTruth(scenario);
  const hook = await startReceiver();
  const pd = await startReceiver(() => 202);
  const teams = await startReceiver();
  try {
    const server = truth.caseRecords.filter((c) => c.renderedBy === 'server');
    const client = truth.caseRecords.filter((c) => c.renderedBy === 'client');
    const pages = [...new Set([server[0].url, client[0].url, ...truth.hiddenItems.map((h) => h.url)])];
    const records = truth.caseRecords.filter((c) => pages.includes(c.url));
    const needles = new Set<string>();
    for (const r of records) for (const p of r.people) {
      needles.add(p.name);
      needles.add(p.addressAsShown ?? p.address.split(',')[0]);
    }
    for (const h of truth.hiddenItems) {
      for (const name of h.people) needles.add(name);
      for (const phone of h.text.match(/07700 ?900 ?\d{3}/g) ?? []) needles.add(phone);
      for (const dob of h.text.match(/\b\d{2}\/\d{2}\/\d{4}\b/g) ?? []) needles.add(dob);
    }
    const db = join(tmp.dir, 'lw.db');
    const outboxDir = join(tmp.dir, 'outbox');
    const config = join(tmp.dir, 'leakwatch.json');
    writeFileSync(config, JSON.stringify({
      targets: [{ name: 'herts', startUrls: pages.map((p) => replica.origin + p) }],
      storage: { path: db },
      alerts: { outboxDir, webhook: { url: hook.url }, pagerduty: { routingKey: 'R0UTINGKEY0123456789abcdef012345', url: pd.url }, teams: { url: teams.url } },
      crawl: { chromiumPath: CHROMIUM, ratePerSecond: 50, maxPages: 12, concurrency: 2 },
    }));
    const logFile = join(tmp.dir, 'leakwatch.log');
    const fd = openSync(logFile, 'w');
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', '--log-level', 'debug', 'sweep', '--config', config], { cwd: ROOT, stdio: ['ignore', fd, fd] });
    const code = await new Promise<number | null>((ok) => child.once('exit', ok));
    closeSync(fd);
    const log = readFileSync(logFile, 'utf8');
    assert.equal(code, 1, `the sweep found new critical data and exits 1: ${log.slice(-600)}`);
    assert.ok(hook.requests.length > 0 && pd.requests.length > 0 && teams.requests.length > 0, 'every channel received alerts');
    const emls = existsSync(outboxDir) ? readdirSync(outboxDir).filter((f) => f.endsWith('.eml')) : [];
    assert.ok(emls.length > 0, '.eml files written');

    const places: [string, Buffer][] = [
      ['log file', Buffer.from(log)],
      ...emls.map((f): [string, Buffer] => [`outbox/${f}`, readFileSync(join(outboxDir, f))]),
      ...hook.requests.map((r, i): [string, Buffer] => [`webhook #${i}`, Buffer.from(r.body)]),
      ...pd.requests.map((r, i): [string, Buffer] => [`pagerduty #${i}`, Buffer.from(r.body)]),
      ...teams.requests.map((r, i): [string, Buffer] => [`teams #${i}`, Buffer.from(r.body)]),
      ...['', '-wal', '-shm'].filter((s) => existsSync(db + s)).map((s): [string, Buffer] => [`database${s}`, readFileSync(db + s)]),
    ];
    const hits: string[] = [];
    for (const [where, bytes] of places) {
      for (const n of needles) {
        if (bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n, 'utf16le'))) hits.push(`${where}: "${n.slice(0, 3)}…" (${n.length} chars)`);
      }
    }
    console.log(`security: ${needles.size} planted values checked in ${places.length} places (log ${log.length} bytes, ${emls.length} .eml, ${hook.requests.length}/${pd.requests.length}/${teams.requests.length} webhook/PD/Teams payloads, db ${places.filter(([w]) => w.startsWith('database')).map(([w, b]) => `${w} ${b.length}`).join(', ')}); hits ${hits.length}`);
    assert.deepEqual(hits, [], 'raw planted values found');
  } finally {
    await hook.close();
    await pd.close();
    await teams.close();
    await replica.close();
    tmp.cleanup();
  }
});

/** SQL only via prepared statements: no value may be spliced into SQL text in storage/ or dashboard/. */
test('storage/ and dashboard/ build SQL only from fixed text and ? placeholders', () => {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : []));
  const files = ['storage', 'dashboard'].filter((d) => existsSync(join(ROOT, d))).flatMap((d) => walk(join(ROOT, d)));
  assert.ok(files.length > 3, 'sources found');
  const SQL = /\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|ORDER BY|LIMIT|PRAGMA|CREATE|DROP|ALTER)\b/;
  const offenders: string[] = [];
  let checked = 0;
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    const lineOf = (i: number) => src.slice(0, i).split('\n').length;
    const where = (i: number) => `${relative(ROOT, file)}:${lineOf(i)}`;
    // Identifiers that hold a placeholder list: const marks = xs.map(() => '?').join(',')
    const placeholderVars = new Set([...src.matchAll(/const (\w+) = [\w.]+\.map\(\(\) => '\?'\)\.join\(/g)].map((m) => m[1]));
    // Arrays of fixed WHERE fragments: every push is a literal (with placeholders only).
    const fragmentArrays = new Set<string>();
    for (const m of src.matchAll(/const (\w+): string\[\] = \[\];/g)) {
      const pushes = [...src.matchAll(new RegExp(`\\b${m[1]}\\.push\\(([^;]*?)\\);`, 'g'))].map((p) => p[1]);
      if (pushes.length && pushes.every((p) => /^'[^']*'$/.test(p.trim()) || /^`[^`$]*(\$\{\w+\.map\(\(\) => '\?'\)\.join\(','\)\}[^`$]*)*`$/.test(p.trim()))) fragmentArrays.add(m[1]);
    }
    const safe = (expr: string): boolean =>
      /^[\w.]+\.map\(\(\) => '\?'\)\.join\('?,'?\)$/.test(expr.trim()) ||
      placeholderVars.has(expr.trim()) ||
      /^Math\.(max|min|floor)\(/.test(expr.trim()) ||
      [...fragmentArrays].some((a) => expr.trim() === `${a}.length ? 'WHERE ' + ${a}.join(' AND ') : ''`);
    for (const m of src.matchAll(/`([^`]*)`/g)) {
      if (!SQL.test(m[1]) || !m[1].includes('${')) continue;
      checked++;
      for (const e of m[1].matchAll(/\$\{((?:[^{}]|\{[^{}]*\})*)\}/g)) if (!safe(e[1])) offenders.push(`${where(m.index!)} interpolates \${${e[1]}}`);
    }
    for (const m of src.matchAll(/(['"])([^'"\n]*)\1\s*\+\s*(?!')/g)) {
      if (SQL.test(m[2]) && /^\s*(SELECT|INSERT|UPDATE|DELETE|WHERE|AND|OR|VALUES)\b/i.test(m[2]) && !/'WHERE ' \+ \w+\.join/.test(src.slice(m.index!, m.index! + 40))) offenders.push(`${where(m.index!)} concatenates onto "${m[2].slice(0, 40)}"`);
    }
  }
  console.log(`SQL scan: ${files.length} files, ${checked} interpolated SQL templates checked, ${offenders.length} offenders`);
  assert.deepEqual(offenders, []);
});
