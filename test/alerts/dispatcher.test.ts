import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { ChannelError } from '../../core/errors.js';
import { silentLogger } from '../../core/logger.js';
import { AlertDispatcher, EmailChannel, OutboxFileChannel, buildChannels, backoffMs } from '../../alerts/index.js';
import type { AlertChannel, AlertPayload } from '../../alerts/types.js';
import { LeakwatchStore } from '../../storage/index.js';
import { openStore, tempDir } from '../storage/helpers.js';
import { assertNoRaw, capturingLogger, leakPage, startSmtp, sweep } from './helpers.js';

const later = (ms: number) => () => new Date(Date.now() + ms);

test('no SMTP configured: one .eml in the outbox folder per batch, masked, said in the log; never written twice', async () => {
  const { dir, cleanup } = tempDir('lw-alerts-');
  const { logger, lines } = capturingLogger();
  const store = LeakwatchStore.open(join(dir, 'leakwatch.db'), { logger });
  try {
    sweep(store, [leakPage()]);
    const outboxDir = join(dir, 'outbox');
    const channels = buildChannels({ outboxDir }, logger);
    assert.deepEqual(channels.map((c) => c.name), ['outbox-file']);
    const dispatcher = new AlertDispatcher(store, channels, logger);
    const first = await dispatcher.drainOnce();
    assert.equal(first.sent, 3, 'case record + NI + phone incidents');
    const files = readdirSync(outboxDir);
    assert.equal(files.length, 1, 'the three incidents of one sweep share one e-mail');
    const eml = readFileSync(join(outboxDir, files[0]), 'utf8');
    const mail = await simpleParser(eml);
    assert.match(mail.subject ?? '', /CRITICAL/);
    assert.ok(mail.text && mail.html, 'text and HTML parts');
    assert.match(mail.text!, /W\*+ Q\*+/, 'masked name present');
    assert.match(mail.text!, /\/pu\/your-area\/test-force\/priorities\//, 'URL present');
    assert.match(mail.text!, /http:\/\/127\.0\.0\.1:8080\/incidents\/inc_/, 'dashboard link');
    assertNoRaw(eml, 'the .eml file');
    assert.ok(lines.some((l) => l.includes(outboxDir)), 'the log says where the alert went');

    assert.equal((await dispatcher.drainOnce()).sent, 0);
    sweep(store, [leakPage()]);
    assert.equal((await dispatcher.drainOnce()).sent, 0, 'second sweep: nothing new');
    assert.equal(readdirSync(outboxDir).length, 1);
    await dispatcher.stop();
    for (const l of lines) assertNoRaw(l, 'a log line');
  } finally { store.close(); cleanup(); }
});

test('e-mail through a real SMTP server with AUTH: text + HTML, masked, counts; a re-run sends nothing', async () => {
  const { dir, cleanup } = tempDir('lw-alerts-');
  const smtp = await startSmtp();
  const { logger, lines } = capturingLogger();
  const store = LeakwatchStore.open(join(dir, 'leakwatch.db'), { logger });
  try {
    sweep(store, [leakPage()]);
    const channels = buildChannels({ email: { smtp: smtp.url, from: 'leakwatch@force.example', to: ['duty@force.example'], digestTo: ['ig@force.example'] } }, logger);
    const dispatcher = new AlertDispatcher(store, channels, logger);
    const r = await dispatcher.drainOnce();
    assert.equal(r.sent, 3);
    assert.equal(r.deliveries.length, 3);
    assert.equal(smtp.messages.length, 1);
    const m = smtp.messages[0];
    assert.equal(m.user, 'duty', 'authenticated');
    assert.deepEqual((m.parsed.to as { value: Array<{ address: string }> }).value.map((v) => v.address), ['duty@force.example']);
    assert.match(m.parsed.text ?? '', /data subject/);
    assert.ok(m.parsed.html);
    assertNoRaw(m.raw, 'the e-mail');
    sweep(store, [leakPage()]);
    await dispatcher.drainOnce();
    assert.equal(smtp.messages.length, 1, 'no second e-mail');
    await dispatcher.stop();
    for (const l of lines) assertNoRaw(l, 'a log line');
  } finally { store.close(); await smtp.close(); cleanup(); }
});

test('SMTP down, then back: retried with backoff and delivered exactly once', async () => {
  const { dir, cleanup } = tempDir('lw-alerts-');
  const probe = await startSmtp();
  const port = probe.port;
  await probe.close(); // nothing listens on this port now
  const store = openStore(dir);
  try {
    sweep(store, [leakPage()]);
    const email = new EmailChannel({ smtp: `smtp://duty:s3cret-pass@127.0.0.1:${port}`, from: 'lw@force.example', to: ['duty@force.example'] }, silentLogger);
    const dispatcher = new AlertDispatcher(store, [email], silentLogger, { baseDelayMs: 60_000 });
    const down = await dispatcher.drainOnce();
    assert.deepEqual([down.sent, down.failed, down.dead], [0, 3, 0]);
    const [row] = store.listAlerts({ status: 'pending' });
    assert.equal(row.attempts, 1);
    assert.ok(Date.parse(row.nextAttemptAt) > Date.now() + 25_000, 'backed off at least half the base delay');
    assert.match(row.lastError ?? '', /email: SMTP send failed/);
    assert.equal((await dispatcher.drainOnce()).sent, 0, 'not due yet: no hammering');

    const smtp = await startSmtp(port);
    try {
      const upDispatcher = new AlertDispatcher(store, [email], silentLogger, { now: later(10 * 60_000) });
      const up = await upDispatcher.drainOnce();
      assert.equal(up.sent, 3);
      assert.equal(smtp.messages.length, 1);
      await upDispatcher.drainOnce();
      await dispatcher.drainOnce();
      assert.equal(smtp.messages.length, 1, 'delivered once');
      assert.deepEqual(store.outboxStats(), { pending: 0, sent: 3, dead: 0 });
    } finally { await smtp.close(); }
    await email.close();
  } finally { store.close(); cleanup(); }
});

const here = fileURLToPath(new URL('.', import.meta.url));
const runChild = (dir: string, mode: 'commit' | 'mid-send') =>
  execFileSync(process.execPath, ['--import', 'tsx', join(here, 'fixtures', 'commit-then-exit.ts'), dir, mode], { cwd: join(here, '..', '..'), stdio: 'pipe' });

test('process killed between commit and send: after restart the alert goes out once', async () => {
  const { dir, cleanup } = tempDir('lw-alerts-');
  const smtp = await startSmtp();
  try {
    runChild(dir, 'commit');
    const store = openStore(dir);
    try {
      assert.equal(store.outboxStats().pending, 3, 'the outbox rows survived the exit');
      const email = new EmailChannel({ smtp: smtp.url, from: 'lw@force.example', to: ['duty@force.example'] }, silentLogger);
      const d1 = new AlertDispatcher(store, [email], silentLogger);
      await d1.drainOnce();
      await d1.drainOnce();
      await new AlertDispatcher(store, [email], silentLogger).drainOnce(); // another restart
      assert.equal(smtp.messages.length, 1);
      await email.close();
    } finally { store.close(); }
  } finally { await smtp.close(); cleanup(); }
});

test('process killed inside a send: its lease is broken at once (the holder is dead) and the alert is sent once', async () => {
  const { dir, cleanup } = tempDir('lw-alerts-');
  const smtp = await startSmtp();
  try {
    runChild(dir, 'mid-send');
    const store = openStore(dir);
    try {
      const sending = store.listAlerts().flatMap((a) => store.listDeliveries(a.id)).filter((d) => d.status === 'sending');
      assert.equal(sending.length, 1, 'the child died with one delivery in flight');
      const email = new EmailChannel({ smtp: smtp.url, from: 'lw@force.example', to: ['duty@force.example'] }, silentLogger);
      // The lease names the dead child's pid, so the next dispatcher need not wait for it to run out.
      const after = await new AlertDispatcher(store, [email], silentLogger).drainOnce();
      assert.equal(after.sent, 3);
      assert.equal(smtp.messages.length, 1);
      await new AlertDispatcher(store, [email], silentLogger, { now: later(5 * 60_000) }).drainOnce();
      assert.equal(smtp.messages.length, 1);
      await new AlertDispatcher(store, [email], silentLogger, { now: later(10 * 60_000) }).drainOnce();
      assert.equal(smtp.messages.length, 1);
      await email.close();
    } finally { store.close(); }
  } finally { await smtp.close(); cleanup(); }
});

class ScriptedChannel implements AlertChannel {
  close?: () => Promise<void>;
  calls: AlertPayload[] = [];
  constructor(readonly name: string, private readonly outcomes: Array<'ok' | 'retry' | 'fatal'>) {}
  accepts(): boolean { return true; }
  async send(a: AlertPayload): Promise<string> {
    this.calls.push(a);
    const o = this.outcomes.shift() ?? 'ok';
    if (o === 'retry') throw new ChannelError(this.name, 'HTTP 503', true);
    if (o === 'fatal') throw new ChannelError(this.name, 'HTTP 400', false);
    return `${this.name} ok`;
  }
}

test('dead letter after max attempts; a permanent error is dead at once; a healthy channel is not re-sent', async () => {
  const { dir, cleanup } = tempDir('lw-alerts-');
  const store = openStore(dir);
  try {
    store.raiseMonitorAlert('http://site.example/', 'canary-failed', 'canary page produced no finding');
    const flaky = new ScriptedChannel('flaky', ['retry', 'retry', 'retry']);
    const healthy = new ScriptedChannel('healthy', []);
    const d = (n: number) => new AlertDispatcher(store, [flaky, healthy], silentLogger, { maxAttempts: 3, baseDelayMs: 1000, now: later(n * 3_600_000) });
    assert.deepEqual(await d(0).drainOnce().then((r) => [r.sent, r.failed, r.dead]), [0, 1, 0]);
    assert.deepEqual(await d(1).drainOnce().then((r) => [r.sent, r.failed, r.dead]), [0, 1, 0]);
    assert.deepEqual(await d(2).drainOnce().then((r) => [r.sent, r.failed, r.dead]), [0, 0, 1]);
    assert.equal(flaky.calls.length, 3);
    assert.equal(healthy.calls.length, 1, 'delivered once, never repeated while the other channel retried');
    assert.deepEqual(store.outboxStats(), { pending: 0, sent: 0, dead: 1 });
    assert.equal((await d(3).drainOnce()).dead, 0, 'dead letters are not retried automatically');

    const [dead] = store.listAlerts({ status: 'dead' });
    store.retryDeadAlert(dead.id, 'ig.officer');
    assert.equal((await d(4).drainOnce()).sent, 1, 'a manual retry delivers to the channel that failed');
    assert.equal(healthy.calls.length, 1);

    store.raiseMonitorAlert('http://site.example/', 'stalled');
    const fatal = new ScriptedChannel('fatal', ['fatal']);
    const r = await new AlertDispatcher(store, [fatal], silentLogger, { maxAttempts: 5 }).drainOnce();
    assert.equal(r.dead, 1, '4xx is not retried');
  } finally { store.close(); cleanup(); }
});

test('backoff grows exponentially with jitter and is capped', () => {
  for (let attempt = 1; attempt <= 6; attempt++) {
    const d = backoffMs(attempt, 1000, 20_000);
    const ceiling = Math.min(20_000, 1000 * 2 ** (attempt - 1));
    assert.ok(d >= ceiling / 2 && d <= ceiling + 1, `attempt ${attempt}: ${d}`);
  }
});

test('two dispatchers on one database never send the same alert twice', async () => {
  const { dir, cleanup } = tempDir('lw-alerts-');
  const a = openStore(dir);
  const b = openStore(dir);
  try {
    sweep(a, [leakPage()]);
    const ch = new ScriptedChannel('email', []);
    const [ra, rb] = await Promise.all([new AlertDispatcher(a, [ch], silentLogger).drainOnce(), new AlertDispatcher(b, [ch], silentLogger).drainOnce()]);
    assert.equal(ra.sent + rb.sent, 3);
    assert.equal(ch.calls.length, 3);
  } finally { a.close(); b.close(); cleanup(); }
});

test('the outbox-file channel writes atomically to a stable name (a resend overwrites, never duplicates)', async () => {
  const { dir, cleanup } = tempDir('lw-alerts-');
  try {
    const ch = new OutboxFileChannel(join(dir, 'o'), silentLogger);
    const alert = { alertId: 'lw-x', kind: 'monitor.stalled', severity: 'high', target: 't', title: 'Monitor: sweeps of t have stalled', entities: [], maskedValues: [], counts: { findings: 0, records: 0, dataSubjects: 0, urls: 0 }, urls: [], detectedAt: new Date().toISOString() } satisfies AlertPayload;
    await ch.send(alert);
    await ch.send(alert);
    assert.equal(readdirSync(join(dir, 'o')).length, 1);
    assert.ok(existsSync(join(dir, 'o', ch.fileNameFor([alert]))));
  } finally { cleanup(); }
});

test('start() keeps draining in the background; stop() waits for the pass in flight and closes channels', async () => {
  const { dir, cleanup } = tempDir('lw-alerts-');
  const store = openStore(dir);
  try {
    const ch = new ScriptedChannel('email', []);
    let closed = false;
    ch.close = async () => { closed = true; };
    const d = new AlertDispatcher(store, [ch], silentLogger);
    d.start(20);
    store.raiseMonitorAlert('http://site.example/', 'unreachable');
    while (store.outboxStats().sent < 1) await new Promise((r) => setTimeout(r, 10));
    sweep(store, [leakPage()]);
    while (store.outboxStats().sent < 4) await new Promise((r) => setTimeout(r, 10));
    await d.stop();
    assert.equal(ch.calls.length, 4);
    assert.ok(closed);
  } finally { store.close(); cleanup(); }
});

test('SMTP with STARTTLS and AUTH: the session is upgraded before credentials are sent', async () => {
  const { dir, cleanup } = tempDir('lw-alerts-');
  const smtp = await startSmtp(0, { starttls: true });
  const store = openStore(dir);
  try {
    sweep(store, [leakPage()]);
    // The test server's certificate is self-signed, hence rejectUnauthorized=false; requireTLS refuses a plain session.
    const email = new EmailChannel({ smtp: `${smtp.url}?requireTLS=true&rejectUnauthorized=false`, from: 'lw@force.example', to: ['duty@force.example'] }, silentLogger);
    const r = await new AlertDispatcher(store, [email], silentLogger).drainOnce();
    assert.equal(r.sent, 3);
    assert.equal(smtp.messages.length, 1);
    assert.equal(smtp.messages[0].tls, true, 'STARTTLS upgraded the session');
    assert.equal(smtp.messages[0].user, 'duty');
    await email.close();
  } finally { store.close(); await smtp.close(); cleanup(); }
});

test('medium findings after the baseline go to the digest recipients in one e-mail, never to PagerDuty-style pages', async () => {
  const { dir, cleanup } = tempDir('lw-alerts-');
  const smtp = await startSmtp();
  const store = openStore(dir);
  try {
    const { finding, resource, singleBlock, withIndex, PLANTED } = await import('../storage/helpers.js');
    const mediumPage = (names: string[]) => {
      const parts = names.map((n, i) => singleBlock(`Thanks to ${n}`, [finding('PERSON', n, 'medium')], `p:nth-of-type(${i + 1})`));
      return { res: resource('http://127.0.0.1/pu/your-area/test-force/news/', parts.map((p) => p.block)), results: withIndex(parts.map((p) => p.result)) };
    };
    sweep(store, [mediumPage(['Ophelia Brackenbury'])]); // baseline: silent
    assert.equal(store.outboxStats().pending, 0);
    sweep(store, [mediumPage(['Ophelia Brackenbury', PLANTED.otherName, 'Cornelius Fotheringay'])]);
    const email = new EmailChannel({ smtp: smtp.url, from: 'lw@force.example', to: ['duty@force.example'], digestTo: ['ig@force.example'] }, silentLogger);
    const r = await new AlertDispatcher(store, [email], silentLogger).drainOnce();
    assert.equal(r.sent, 1);
    assert.equal(smtp.messages.length, 1);
    const m = smtp.messages[0];
    assert.deepEqual((m.parsed.to as { value: Array<{ address: string }> }).value.map((v) => v.address), ['ig@force.example']);
    assert.match(m.parsed.subject ?? '', /Digest: 2 medium/);
    assert.ok(!/critical/i.test(m.raw));
    for (const n of [PLANTED.otherName, 'Fotheringay', 'Snodgrass']) assert.ok(!m.raw.includes(n), 'masked');
    await email.close();
  } finally { store.close(); await smtp.close(); cleanup(); }
});
