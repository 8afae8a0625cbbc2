import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LeakwatchStore } from '../../storage/index.js';
import { waitFor } from './fixtures/helpers.js';

const child = join(import.meta.dirname, 'fixtures', 'serve-child.ts');
const dir = mkdtempSync(join(tmpdir(), 'leakwatch-lifecycle-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

interface Running { proc: ChildProcess; events: Record<string, unknown>[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; stderr: () => string }

function serve(dbPath: string, ...args: string[]): Running {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dbPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const events: Record<string, unknown>[] = [];
  createInterface({ input: proc.stdout! }).on('line', (line) => { try { events.push(JSON.parse(line)); } catch { /* not ours */ } });
  let err = '';
  proc.stderr!.on('data', (d) => { err += d; });
  // 'close', not 'exit': 'exit' can fire before the last lines on stdout are read, and the test reads events right after
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => proc.on('close', (code, signal) => r({ code, signal })));
  return { proc, events, exited, stderr: () => err };
}

const has = (r: Running, event: string) => r.events.find((e) => e.event === event);

test('SIGTERM mid-sweep: in-flight page finishes, run checkpointed, DB closed clean, exit 0; a restart resumes the run', async () => {
  const dbPath = join(dir, 'leakwatch.db');

  const first = serve(dbPath, '--trigger');
  try {
    await waitFor('three pages swept', () => first.events.filter((e) => e.event === 'page').length >= 3, 60_000);
    const healthz = await fetch(`${(has(first, 'listening') as { url: string }).url}/healthz`);
    assert.equal((await healthz.json()).targets[0].running.mode, 'full', '/healthz shows the sweep in progress');
    first.proc.kill('SIGTERM');
    const { code, signal } = await first.exited;
    assert.equal(signal, null, first.stderr());
    assert.equal(code, 0, first.stderr());
  } finally {
    first.proc.kill('SIGKILL');
  }
  const interrupted = has(first, 'interrupted') as { runId: number; pages: number };
  assert.ok(interrupted, 'the sweep stopped early instead of running to the end');
  const lastPage = first.events.filter((e) => e.event === 'page').at(-1)!;
  assert.equal(lastPage.aborted, true, 'the page in flight when the signal came was finished, not dropped');
  assert.equal(has(first, 'exit')?.code, 0);

  // Clean: no hot journal left behind, integrity ok, the run marked interrupted with its frontier kept.
  assert.equal(existsSync(`${dbPath}-wal`), false, 'WAL checkpointed and removed on close');
  const raw = new Database(dbPath, { readonly: true });
  assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
  raw.close();
  let store = LeakwatchStore.open(dbPath);
  const run = store.getRun(interrupted.runId)!;
  assert.equal(run.status, 'interrupted');
  const left = store.frontierPending(interrupted.runId).length;
  assert.equal(left, 30 - interrupted.pages, 'every finished page was checkpointed');
  assert.ok(left > 0);
  store.close();

  // Restart with no trigger: the service resumes the interrupted run by itself.
  const second = serve(dbPath);
  try {
    await waitFor('the resumed run to complete', () => has(second, 'complete'), 60_000);
    second.proc.kill('SIGTERM');
    assert.equal((await second.exited).code, 0, second.stderr());
  } finally {
    second.proc.kill('SIGKILL');
  }
  const resumed = has(second, 'sweep') as { runId: number; resumed: boolean; pending: number };
  assert.equal(resumed.resumed, true);
  assert.equal(resumed.runId, interrupted.runId, 'the same run continued');
  assert.equal(resumed.pending, left, 'only the pages not yet done were fetched again');
  store = LeakwatchStore.open(dbPath);
  try {
    assert.equal(store.getRun(interrupted.runId)!.status, 'completed');
    assert.equal(store.frontierPending(interrupted.runId).length, 0);
    assert.equal(store.monitorState('herts')?.consecutiveFailures, 0, 'the completed cycle was recorded');
    assert.ok(store.monitorState('herts')?.lastSuccessfulCycleAt);
  } finally {
    store.close();
  }
});

test('real pipeline: SIGTERM mid-crawl exits 0 with the run interrupted and checkpointed; the restart completes the same run', async () => {
  const { startReplica } = await import('../../replica/index.js');
  const replica = await startReplica({ port: 0, scenario: 'herts-2014' });
  const dbPath = join(dir, 'real.db');
  const served = async () => ((await (await fetch(`${replica.origin}/__admin/requests`)).json()) as { count: number }).count;
  try {
    const first = serve(dbPath, '--trigger', '--real', replica.startUrl);
    try {
      await waitFor('the crawl to be under way', async () => (await served()) >= 8, 120_000);
      first.proc.kill('SIGTERM');
      const { code } = await first.exited;
      assert.equal(code, 0, first.stderr());
    } finally {
      first.proc.kill('SIGKILL');
    }
    assert.equal(has(first, 'cycle-interrupted') !== undefined, true, `cycle events: ${JSON.stringify(first.events)}; stderr: ${first.stderr().slice(-1500)}`);
    assert.equal(existsSync(`${dbPath}-wal`), false, 'the database was closed cleanly');
    let store = LeakwatchStore.open(dbPath);
    const run = store.listRuns('herts')[0];
    assert.equal(run.status, 'interrupted');
    const pendingAtStop = store.frontierPending(run.id).length;
    store.close();

    const second = serve(dbPath, '--real', replica.startUrl);
    try {
      const url = (await waitFor('the restarted service', () => has(second, 'listening')) as { url: string }).url;
      await waitFor('the resumed run to complete', async () => {
        const body = await (await fetch(`${url}/healthz`)).json();
        return body.targets[0].lastCompletedCycle ?? undefined;
      }, 300_000);
      second.proc.kill('SIGTERM');
      assert.equal((await second.exited).code, 0, second.stderr());
    } finally {
      second.proc.kill('SIGKILL');
    }
    store = LeakwatchStore.open(dbPath);
    try {
      const runs = store.listRuns('herts');
      assert.equal(runs.length, 1, 'the restart continued the interrupted run instead of starting a new one');
      assert.equal(runs[0].id, run.id);
      assert.equal(runs[0].status, 'completed');
      assert.equal(store.frontierPending(run.id).length, 0);
      assert.ok(pendingAtStop >= 0);
      assert.ok(runs[0].pages > 0, 'the resumed sweep fetched the rest');
    } finally {
      store.close();
    }
  } finally {
    await replica.close();
  }
});

test('`leakwatch serve --config`: the CLI starts the service with the dashboard on one port and exits 0 on SIGINT', async () => {
  const root = join(import.meta.dirname, '..', '..');
  const cfg = join(dir, 'serve.yaml');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(cfg, [
    'targets: [{name: herts, startUrls: ["http://127.0.0.1:9/pu/your-area/hertfordshire-constabulary/"]}]',
    'schedule: {full: "0 0 1 1 *", hot: "0 0 1 1 *"}',
    `storage: {path: ${JSON.stringify(join(dir, 'cli.db'))}}`,
    `alerts: {outboxDir: ${JSON.stringify(join(dir, 'cli-outbox'))}}`,
    'dashboard: {port: 0}',
  ].join('\n'));
  const proc = spawn(process.execPath, [join(root, 'bin', 'leakwatch.js'), '--log-level', 'warn', 'serve', '--config', cfg], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => { err += d; });
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  try {
    const url = await waitFor('the serving line', () => /at (http:\/\/127\.0\.0\.1:\d+)/.exec(err)?.[1], 60_000);
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    assert.equal((await health.json()).targets[0].status, 'pending');
    assert.equal((await fetch(`${url}/metrics`)).status, 200);
    const dashboard = await fetch(`${url}/incidents`, { redirect: 'manual' });
    assert.ok([302, 303, 401].includes(dashboard.status), `the dashboard is mounted and asks for a session (got ${dashboard.status})`);
    proc.kill('SIGINT');
    assert.equal(await exited, 0, err);
  } finally {
    proc.kill('SIGKILL');
  }
  assert.equal(existsSync(join(dir, 'cli.db-wal')), false);
});
