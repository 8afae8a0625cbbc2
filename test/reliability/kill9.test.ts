import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startReplica, scenarioTruth } from '../../replica/index.js';
import { tempDir } from '../helpers/tmp.js';
import { alertIdsInMail, CHROMIUM, descendants, killPids, sleep, startReceiver, startSmtpOn, waitFor } from './helpers.js';

/**
 * `kill -9` of `leakwatch sweep` mid-sweep, then the same command again: the run resumes and
 * completes, and every alert reaches the real SMTP server and the webhook exactly once.
 */
const ROOT = new URL('../../', import.meta.url).pathname;

function sweepProcess(config: string, db: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'sweep', '--config', config, '--db', db, '--max-pages', '40', '--concurrency', '2', '--json'], {
    cwd: ROOT, env: { ...process.env, LEAKWATCH_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function query<T>(db: string, sql: string): T | undefined {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return conn.prepare(sql).get() as T;
    } finally {
      conn.close();
    }
  } catch {
    return undefined; // not created yet, or mid-migration
  }
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((ok) => (child.exitCode !== null ? ok(child.exitCode) : child.once('exit', (code) => ok(code))));

test('kill -9 mid-sweep, then re-run: the sweep resumes and completes; no alert lost, none duplicated', { timeout: 400_000 }, async () => {
  const tmp = tempDir('leakwatch-kill9-');
  const replica = await startReplica({ port: 0, scenario: 'herts-2014' });
  const smtp = await startSmtpOn(0);
  const hook = await startReceiver();
  const db = join(tmp.dir, 'lw.db');
  const leakPages = [...new Set(scenarioTruth('herts-2014').caseRecords.map((c) => c.url))].slice(0, 3);
  const config = join(tmp.dir, 'leakwatch.json');
  writeFileSync(config, JSON.stringify({
    // Leaked priorities pages first (start URLs go first), so alerts are queued before the kill.
    targets: [{ name: 'herts', startUrls: [...leakPages.map((p) => replica.origin + p), replica.startUrl] }],
    storage: { path: db },
    alerts: { email: { smtp: `smtp://127.0.0.1:${smtp.port}`, from: 'leakwatch@force.example', to: ['ig@force.example'] }, webhook: { url: hook.url }, outboxDir: join(tmp.dir, 'outbox') },
    crawl: { chromiumPath: CHROMIUM, ratePerSecond: 50 },
  }));
  const stderr: string[] = [];
  let orphans: number[] = [];
  try {
    const first = sweepProcess(config, db);
    first.stderr!.on('data', (c: Buffer) => stderr.push(c.toString()));
    first.stdout!.on('data', (c: Buffer) => stderr.push(c.toString().slice(0, 300)));
    const firstExit = exitOf(first);
    const stored = await waitFor('pages stored by the first sweep', async () => {
      if (first.exitCode !== null) return -1;
      const n = query<{ n: number }>(db, "SELECT COUNT(*) AS n FROM fetches WHERE run_id = (SELECT MAX(id) FROM runs)")?.n ?? 0;
      const alerts = query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM outbox')?.n ?? 0;
      return n >= 8 && alerts > 0 ? n : undefined;
    }, 240_000, 200);
    assert.ok(stored > 0, `the first sweep ended (exit ${first.exitCode}) before it could be killed: ${stderr.join('').slice(-500)}`);
    const browsers = descendants(first.pid!, /chrom/i);
    first.kill('SIGKILL');
    assert.equal(await firstExit, null, 'killed by a signal');
    const runAfterKill = query<{ id: number; status: string }>(db, 'SELECT id, status FROM runs ORDER BY id DESC LIMIT 1')!;
    const queuedAtKill = query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM outbox')!.n;
    const mailsAtKill = smtp.messages.length;
    await sleep(3000);
    orphans = browsers.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });

    const second = sweepProcess(config, db);
    second.stderr!.on('data', (c: Buffer) => stderr.push(c.toString()));
    let out = '';
    second.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    const code = await exitOf(second);
    assert.ok(code === 0 || code === 1, `the re-run exits normally (got ${code}): ${stderr.join('').slice(-800)}`);
    const report = JSON.parse(out) as { run: { id: number } };
    const runs = (() => {
      const conn = new Database(db, { readonly: true });
      try {
        return conn.prepare('SELECT id, status FROM runs ORDER BY id').all() as { id: number; status: string }[];
      } finally {
        conn.close();
      }
    })();
    assert.equal(report.run.id, runAfterKill.id, 'the re-run resumed the interrupted run');
    assert.deepEqual(runs.filter((r) => r.status === 'running'), [], 'no run left running');

    const conn = new Database(db, { readonly: true });
    const outbox = conn.prepare('SELECT alert_id AS id, kind, status FROM outbox').all() as { id: string; kind: string; status: string }[];
    const integrity = conn.pragma('integrity_check', { simple: true });
    conn.close();
    assert.equal(integrity, 'ok');
    assert.deepEqual(outbox.filter((a) => a.status !== 'sent').map((a) => `${a.kind} ${a.status}`), [], 'every alert sent');
    await waitFor('e-mails', () => smtp.messages.length > 0, 10_000);
    const mailed = smtp.messages.flatMap(alertIdsInMail).sort();
    assert.deepEqual(mailed, outbox.map((a) => a.id).sort(), 'each alert in exactly one e-mail: none lost, none duplicated');
    const keys = hook.requests.map((r) => String(r.headers['idempotency-key']));
    assert.equal(new Set(keys).size, keys.length, 'no duplicate webhook delivery');
    assert.equal(keys.length, outbox.length, 'one webhook delivery per alert');

    // A third run of the same command sends nothing new.
    const mailsBefore = smtp.messages.length;
    const third = sweepProcess(config, db);
    const code3 = await exitOf(third);
    assert.equal(code3, 0, 'nothing new on the third run');
    await sleep(500);
    assert.equal(smtp.messages.length, mailsBefore, 'no e-mail on the third run');
    console.log(`kill -9: killed after ${stored} fetches with ${queuedAtKill} alerts queued (${mailsAtKill} mailed); resumed run ${report.run.id}; ${outbox.length} alerts, ${smtp.messages.length} e-mails, ${keys.length} webhook posts, duplicates 0; Chromium orphans after kill -9: ${orphans.length}`);
  } finally {
    killPids(orphans);
    await hook.close();
    await smtp.close();
    await replica.close();
    tmp.cleanup();
  }
});
