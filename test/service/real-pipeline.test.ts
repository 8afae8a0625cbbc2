import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { startReplica, scenarioTruth } from '../../replica/index.js';
import { defaultConfig } from '../../config/index.js';
import { silentLogger } from '../../core/logger.js';
import { startService } from '../../service/index.js';
import { parsePrometheus, waitFor } from './fixtures/helpers.js';

/**
 * The service over the real pipeline: replica (herts-2014) → crawler + Chromium → detectors →
 * SQLite → outbox → dispatcher → a real SMTP server, with the dashboard on the same port.
 * To keep it short on a busy machine the target's start URLs are the priorities pages that carry
 * the leak (scope = those pages), with both server- and client-rendered records among them.
 */
test('real pipeline: an on-demand hot sweep finds the 2014 case records, e-mails the alert, and shows up in /healthz and /metrics', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'leakwatch-service-real-'));
  const replica = await startReplica({ port: 0, scenario: 'herts-2014' });
  const mails: { subject: string; text: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _s, cb) { simpleParser(stream).then((m) => { mails.push({ subject: m.subject ?? '', text: m.text ?? '' }); cb(); }, cb); },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  const smtpPort = (smtp.server.address() as { port: number }).port;
  const truth = scenarioTruth('herts-2014');
  const leakPages = [...new Set(truth.caseRecords.map((r) => r.url))].slice(0, 3);
  const startUrls = leakPages.map((p) => new URL(p, replica.origin).href);
  const recordsOnThosePages = truth.caseRecords.filter((r) => leakPages.includes(r.url)).length;
  const config = defaultConfig({
    targets: [{ name: 'herts', startUrls }],
    schedule: { full: '0 0 1 1 *', hot: '0 0 1 1 *', jitterSeconds: 0 },
    storage: { path: join(dir, 'leakwatch.db') },
    alerts: { email: { smtp: `smtp://127.0.0.1:${smtpPort}`, to: ['duty-officer@example.police.uk'] }, outboxDir: join(dir, 'outbox') },
    dashboard: { port: 0 },
    crawl: { maxPages: 20, concurrency: 3, ratePerSecond: 20 },
  }, {});
  const service = await startService(config, { logger: silentLogger, dispatchIntervalMs: 500 });
  try {
    const outcome = await service.triggerSweep('herts', 'hot');
    assert.equal(outcome.status, 'ok', outcome.reason);
    const report = outcome.report!;
    assert.ok(report.run.pages > 0);
    assert.ok(report.summary.critical > 0, 'case records found on the priorities pages');
    // Exact record counts are the sweep's end-to-end test; here: every page with records yielded critical ones.
    const criticalUrls = new Set(report.findings.filter((f) => f.severity === 'critical').map((f) => new URL(f.url).pathname));
    for (const page of leakPages) {
      // Client-rendered records are reported at the JSON endpoint the page fetched.
      const where = [page, ...truth.caseRecords.filter((r) => r.url === page && r.dataUrl).map((r) => new URL(r.dataUrl!, replica.origin).pathname)];
      assert.ok(where.some((p) => criticalUrls.has(p)), `no critical finding on ${page} (found on ${[...criticalUrls].join(', ')})`);
    }
    assert.ok(recordsOnThosePages > 0);
    assert.ok(report.summary.newIncidents > 0);

    await waitFor('the alert e-mail', () => mails.length > 0, 60_000);
    // No raw name or home address of anyone in the 2014 case records travels in an alert e-mail.
    const people = truth.caseRecords.flatMap((r) => r.people);
    assert.ok(people.length >= 61);
    for (const m of mails) {
      for (const p of people) {
        assert.ok(!m.text.includes(p.name), 'a raw name is in the alert e-mail');
        assert.ok(!m.text.includes(p.address), 'a raw address is in the alert e-mail');
      }
    }

    const health = await fetch(`${service.url}/healthz`);
    assert.equal(health.status, 200);
    const body = await health.json();
    assert.equal(body.targets[0].lastCompletedCycle.runId, report.run.id);

    const metrics = parsePrometheus(await (await fetch(`${service.url}/metrics`)).text());
    assert.equal(metrics.get('leakwatch_findings_total{severity="critical",target="herts"}'), report.summary.critical);
    assert.equal(metrics.get('leakwatch_pages_fetched_total{target="herts"}'), report.run.pages + report.run.documents);
    await waitFor('the outbox to drain', async () => {
      const m = parsePrometheus(await (await fetch(`${service.url}/metrics`)).text());
      return m.get('leakwatch_outbox_depth') === 0;
    }, 60_000);

    // The dashboard shares the server and asks for a session everywhere but /healthz and /metrics.
    const incidents = await fetch(`${service.url}/incidents`, { redirect: 'manual' });
    assert.ok([302, 303, 401].includes(incidents.status), `dashboard answered ${incidents.status} without a session`);
  } finally {
    await service.stop();
    await new Promise<void>((r) => smtp.close(() => r()));
    await replica.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
