import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startReplica } from '../../replica/index.js';
import { tempDir } from '../helpers/tmp.js';
import { CHROMIUM, descendants, killPids, waitFor } from './helpers.js';

/**
 * Ctrl-C during `leakwatch sweep`: the sweep stops taking pages, the run is kept as interrupted,
 * Chromium is closed, the summary says so and the exit status is 130; the same command resumes it.
 * (Playwright's own signal handlers used to close Chromium under the pages in flight and exit before
 * the run was checkpointed.)
 */
const ROOT = new URL('../../', import.meta.url).pathname;

function sweepProcess(startUrl: string, db: string, ...extra: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'sweep', startUrl, '--db', db, '--no-alerts', '--concurrency', '2', '--rate', '10', '--chromium', CHROMIUM, ...extra], {
    cwd: ROOT, env: { ...process.env, LEAKWATCH_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function rows<T>(db: string, sql: string): T[] {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return conn.prepare(sql).all() as T[];
    } finally {
      conn.close();
    }
  } catch {
    return []; // not created yet, or mid-migration
  }
}

/** Running, not a zombie (a container's PID 1 may never reap an orphan). */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

function finished(child: ChildProcess): Promise<{ code: number | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((ok) => child.once('close', (code) => ok({ code, out, err })));
}

test('Ctrl-C mid-sweep: the run is kept interrupted, Chromium closed, exit 130; the same command resumes and completes it', { timeout: 300_000 }, async () => {
  const tmp = tempDir('leakwatch-interrupt-');
  const replica = await startReplica({ port: 0, scenario: 'clean' });
  const db = join(tmp.dir, 'lw.db');
  let browsers: number[] = [];
  try {
    const first = sweepProcess(replica.startUrl, db, '--json');
    const firstDone = finished(first);
    await waitFor('pages rendered and stored by the first sweep', () => {
      if (first.exitCode !== null) throw new Error(`the sweep ended (exit ${first.exitCode}) before it could be interrupted`);
      browsers = descendants(first.pid!, /chrom/i);
      const n = rows<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM fetches')[0]?.n ?? 0;
      return n >= 6 && browsers.length > 0;
    }, 240_000, 100);
    first.kill('SIGINT');
    const { code, out, err } = await firstDone;

    assert.equal(code, 130, `exit status 130 after Ctrl-C; stderr: ${err.slice(-800)}`);
    assert.match(err, /stopping: pages in flight finish/, 'the operator is told what happens to the run');
    const [run] = rows<{ id: number; status: string }>(db, 'SELECT id, status FROM runs');
    assert.equal(run.status, 'interrupted', 'the run was checkpointed, not left running');
    // --json says so too: a script reading it need not decode the exit status
    const partial = JSON.parse(out) as { run: { id: number; status: string; interruptedBy?: string } };
    assert.deepEqual([partial.run.id, partial.run.status, partial.run.interruptedBy], [run.id, 'interrupted', 'SIGINT']);
    const pending = rows<{ n: number }>(db, `SELECT COUNT(*) AS n FROM frontier WHERE run_id = ${run.id} AND state = 'pending'`)[0].n;
    assert.ok(pending > 0, 'the sweep stopped early, with pages still to visit');
    assert.equal(rows<{ integrity_check: string }>(db, 'PRAGMA integrity_check')[0].integrity_check, 'ok');
    // The browser's helper processes (zygote, renderers) exit a moment after the browser itself.
    const closed = await waitFor('Chromium to exit', () => browsers.every((pid) => !alive(pid)), 10_000).catch(() => false);
    assert.ok(closed, `Chromium was closed, not orphaned: still running ${browsers.filter(alive).join(', ')}`);

    const second = sweepProcess(replica.startUrl, db, '--json', '--rate', '50');
    const resumed = await finished(second);
    assert.equal(resumed.code, 0, resumed.err.slice(-800));
    const report = JSON.parse(resumed.out) as { run: { id: number; status: string; interruptedBy?: string } };
    assert.equal(report.run.id, run.id, 'the re-run resumed the interrupted run');
    assert.deepEqual([report.run.status, report.run.interruptedBy], ['completed', undefined]);
    assert.deepEqual(rows<{ id: number; status: string }>(db, 'SELECT id, status FROM runs'), [{ id: run.id, status: 'completed' }]);
  } finally {
    killPids(browsers.filter(alive));
    await replica.close();
    tmp.cleanup();
  }
});
