import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import Database from 'better-sqlite3';
import { startReplica, scenarioTruth } from '../../replica/index.js';
import { tempDir } from '../helpers/tmp.js';
import { alertIdsInMail, CHROMIUM, waitFor } from './helpers.js';

/**
 * `kill -9` while the alert e-mail is in flight (the SMTP server has the whole message but has not
 * answered 250 yet), then the same command again: no alert is lost, and the one unavoidable resend
 * carries the same Message-ID, so it is recognisably the same message.
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const exitOf = (child: ChildProcess) => new Promise<number | null>((ok) => (child.exitCode !== null ? ok(child.exitCode) : child.once('exit', (code) => ok(code))));

test('kill -9 mid-dispatch, then re-run: no alert lost; a resend keeps its Message-ID', { timeout: 400_000 }, async () => {
  const tmp = tempDir('leakwatch-kill9d-');
  const replica = await startReplica({ port: 0, scenario: 'herts-2014' });
  const received: { raw: string; messageId: string }[] = [];
  let hold = true;
  const waiting: (() => void)[] = [];
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _s, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ raw, messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '' });
        if (hold) waiting.push(() => cb());
        else cb();
      });
    },
  });
  await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', () => ok()));
  const port = (smtp.server.address() as AddressInfo).port;
  const db = join(tmp.dir, 'lw.db');
  const config = join(tmp.dir, 'leakwatch.json');
  const pages = [...new Set(scenarioTruth('herts-2014').caseRecords.filter((c) => c.renderedBy === 'server').map((c) => c.url))].slice(0, 2);
  writeFileSync(config, JSON.stringify({
    targets: [{ name: 'herts', startUrls: pages.map((p) => replica.origin + p) }],
    storage: { path: db },
    alerts: { email: { smtp: `smtp://127.0.0.1:${port}`, from: 'leakwatch@force.example', to: ['ig@force.example'] }, outboxDir: join(tmp.dir, 'outbox') },
    crawl: { chromiumPath: CHROMIUM, ratePerSecond: 50, maxPages: 6 },
  }));
  const run = () => spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'sweep', '--config', config, '--db', db], { cwd: ROOT, env: { ...process.env, LEAKWATCH_LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  try {
    const first = run();
    const firstExit = exitOf(first);
    await waitFor('the alert e-mail to reach the SMTP server', () => received.length > 0 || first.exitCode !== null, 240_000, 100);
    assert.equal(first.exitCode, null, 'the first run was still waiting for the SMTP answer');
    first.kill('SIGKILL');
    await firstExit;
    hold = false;
    for (const w of waiting.splice(0)) w();
    const inFlight = received.length;

    const second = run();
    const code = await exitOf(second);
    assert.ok(code === 0 || code === 1, `the re-run exits normally (got ${code})`);
    const pendingAfterRerun = (() => {
      const c = new Database(db, { readonly: true });
      try {
        return (c.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;
      } finally {
        c.close();
      }
    })();
    // The killed process's lease is broken at once (its pid is gone), so the immediate re-run sends everything.
    assert.equal(pendingAfterRerun, 0, 'no alert waits behind the dead process\'s lease');
    const conn = new Database(db, { readonly: true });
    const outbox = conn.prepare('SELECT alert_id AS id, status FROM outbox').all() as { id: string; status: string }[];
    conn.close();
    assert.deepEqual(outbox.filter((a) => a.status !== 'sent'), [], 'every alert marked sent');
    const mailedIds = received.flatMap((m) => alertIdsInMail(m.raw));
    for (const a of outbox) assert.ok(mailedIds.includes(a.id), `alert ${a.id} reached the SMTP server`);
    // A resend of the in-flight message must be the same message (same Message-ID), never a new one.
    const byAlert = new Map<string, Set<string>>();
    for (const m of received) for (const id of alertIdsInMail(m.raw)) byAlert.set(id, (byAlert.get(id) ?? new Set()).add(m.messageId));
    for (const [id, ids] of byAlert) assert.equal(ids.size, 1, `alert ${id} went out under ${ids.size} different Message-IDs`);
    const duplicates = received.length - new Set(received.map((m) => m.messageId)).size;
    console.log(`kill -9 mid-dispatch: ${outbox.length} alerts, ${inFlight} e-mail(s) in flight at the kill, ${pendingAfterRerun} still pending after the immediate re-run, ${received.length} received in all, ${duplicates} transport duplicate(s), all with the same Message-ID`);
  } finally {
    hold = false;
    for (const w of waiting.splice(0)) w();
    await new Promise<void>((ok) => smtp.close(() => ok()));
    await replica.close();
    tmp.cleanup();
  }
});
