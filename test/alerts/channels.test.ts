import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { AlertDispatcher, buildAlertPayload, buildChannels, maskForAlert, pingHeartbeat, SIGNATURE_HEADER, IDEMPOTENCY_HEADER } from '../../alerts/index.js';
import { LeakwatchStore } from '../../storage/index.js';
import { PLANTED, tempDir } from '../storage/helpers.js';
import { TARGET, assertNoRaw, capturingLogger, cleanPage, leakPage, startReceiver, sweep, type Received } from './helpers.js';

/** What the PagerDuty Events API v2 accepts (PagerDuty/developer-docs, Trigger Events). Returns 400 like PagerDuty on a bad event. */
function pagerDutyShape(r: Received): number {
  const e = r.json;
  const bad = (why: string) => { r.headers['x-test-reject'] = why; return 400; };
  if (r.headers['content-type'] !== 'application/json') return bad('content-type');
  if (!e || typeof e.routing_key !== 'string' || e.routing_key.length !== 32) return bad('routing_key');
  if (!['trigger', 'acknowledge', 'resolve'].includes(e.event_action)) return bad('event_action');
  if (typeof e.dedup_key !== 'string' || !e.dedup_key || e.dedup_key.length > 255) return bad('dedup_key');
  if (e.event_action === 'trigger') {
    const p = e.payload;
    if (!p || typeof p.summary !== 'string' || !p.summary || p.summary.length > 1024) return bad('summary');
    if (typeof p.source !== 'string' || !p.source) return bad('source');
    if (!['critical', 'error', 'warning', 'info'].includes(p.severity)) return bad('severity');
    if (p.timestamp && Number.isNaN(Date.parse(p.timestamp))) return bad('timestamp');
    for (const l of e.links ?? []) if (typeof l.href !== 'string') return bad('links');
  } else if (Object.keys(e).some((k) => !['routing_key', 'event_action', 'dedup_key'].includes(k))) return bad('extra keys on resolve');
  if (Buffer.byteLength(r.body) > 512 * 1024) return bad('size');
  return 202;
}

/** A Teams Workflows webhook takes a message with one Adaptive Card attachment. */
function teamsShape(r: Received): number {
  const m = r.json;
  if (m?.type !== 'message' || !Array.isArray(m.attachments) || m.attachments.length !== 1) return 400;
  const a = m.attachments[0];
  if (a.contentType !== 'application/vnd.microsoft.card.adaptive' || a.contentUrl !== null) return 400;
  const c = a.content;
  if (c?.type !== 'AdaptiveCard' || c.$schema !== 'http://adaptivecards.io/schemas/adaptive-card.json' || !/^1\.\d$/.test(c.version)) return 400;
  if (!Array.isArray(c.body) || !c.body.length || !c.body.every((b: { type?: string }) => ['TextBlock', 'FactSet', 'Container'].includes(b.type ?? ''))) return 400;
  return 202;
}

const ROUTING_KEY = 'R0UT1NGKEY0123456789abcdefABCDEF';
const WEBHOOK_SECRET = 'whsec-0123456789abcdef';

function verifySignature(r: Received): number {
  const sig = String(r.headers[SIGNATURE_HEADER] ?? '');
  const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(r.body).digest('hex')}`;
  if (sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) return 401;
  if (!r.headers[IDEMPOTENCY_HEADER]) return 400;
  return 200;
}

test('PagerDuty, Teams and webhook receive valid, masked events; a takedown sends the PagerDuty resolve', async () => {
  const { dir, cleanup } = tempDir('lw-channels-');
  const pd = await startReceiver(pagerDutyShape);
  const teams = await startReceiver(teamsShape);
  const hook = await startReceiver(verifySignature);
  const { logger, lines } = capturingLogger();
  const store = LeakwatchStore.open(join(dir, 'leakwatch.db'), { logger });
  try {
    const channels = buildChannels({
      outboxDir: join(dir, 'outbox'),
      pagerduty: { routingKey: ROUTING_KEY, url: `${pd.url}/v2/enqueue` },
      teams: { url: `${teams.url}/workflows/abc?sig=secret` },
      webhook: { url: `${hook.url}/hook`, secret: WEBHOOK_SECRET },
    }, logger);
    const dispatcher = new AlertDispatcher(store, channels, logger);

    sweep(store, [leakPage()]);
    const first = await dispatcher.drainOnce();
    assert.deepEqual([first.sent, first.failed, first.dead], [3, 0, 0], JSON.stringify(pd.requests.map((r) => r.headers['x-test-reject'])));
    assert.equal(pd.requests.length, 3);
    const incidentIds = store.listIncidents({ minSeverity: 'high' }).map((i) => i.id).sort();
    assert.deepEqual(pd.requests.map((r) => r.json.dedup_key).sort(), incidentIds, 'dedup_key = incident id');
    assert.ok(pd.requests.every((r) => r.json.event_action === 'trigger'));
    assert.ok(pd.requests.some((r) => r.json.payload.severity === 'critical'));
    assert.equal(teams.requests.length, 3);
    assert.equal(hook.requests.length, 3);
    assert.ok(hook.requests.every((r) => r.json.maskedValues.length > 0 && r.json.kind === 'incident.new'));
    assert.equal(new Set(hook.requests.map((r) => r.headers[IDEMPOTENCY_HEADER])).size, 3);

    // Taken down: the next successful re-fetch shows a clean page.
    const down = sweep(store, [cleanPage()]);
    assert.equal(down.resolved, 3);
    await dispatcher.drainOnce();
    const resolves = pd.requests.filter((r) => r.json.event_action === 'resolve');
    assert.deepEqual(resolves.map((r) => r.json.dedup_key).sort(), incidentIds, 'PagerDuty gets a resolve per incident');
    assert.ok(resolves.every((r) => r.json.routing_key === ROUTING_KEY), 'same routing key as the trigger');

    // A later fetch failure of the same page proves nothing: no new events.
    sweep(store, [leakPage()]);
    await dispatcher.drainOnce();
    const reopened = pd.requests.filter((r) => r.json.event_action === 'trigger').length;
    assert.equal(reopened, 6, 'the leak came back: reopened incidents trigger again');
    sweep(store, [], [leakPage().res.url]);
    await dispatcher.drainOnce();
    assert.equal(pd.requests.length, 9, 'fetch failure: no resolve');

    for (const r of [...pd.requests, ...teams.requests, ...hook.requests]) assertNoRaw(r.body, `a ${r.path} request`);
    for (const l of lines) assertNoRaw(l, 'a log line');
    assert.ok(!lines.some((l) => l.includes('sig=secret') || l.includes(ROUTING_KEY)), 'channel secrets stay out of logs');
    await dispatcher.stop();
  } finally { store.close(); await pd.close(); await teams.close(); await hook.close(); cleanup(); }
});

test('a PagerDuty 400 dead-letters at once, 429 retries; the webhook idempotency key is stable across retries', async () => {
  const { dir, cleanup } = tempDir('lw-channels-');
  const pd = await startReceiver(pagerDutyShape);
  const hook = await startReceiver(verifySignature);
  const store = LeakwatchStore.open(join(dir, 'leakwatch.db'));
  try {
    store.raiseMonitorAlert(TARGET, 'unreachable', '3 failed cycles');
    pd.statuses.push(429);
    hook.statuses.push(503);
    const channels = buildChannels({ outboxDir: join(dir, 'o'), pagerduty: { routingKey: ROUTING_KEY, url: pd.url }, webhook: { url: hook.url, secret: WEBHOOK_SECRET } }, capturingLogger().logger);
    const r1 = await new AlertDispatcher(store, channels, capturingLogger().logger).drainOnce();
    assert.equal(r1.failed, 1);
    const r2 = await new AlertDispatcher(store, channels, capturingLogger().logger, { now: () => new Date(Date.now() + 3_600_000) }).drainOnce();
    assert.equal(r2.sent, 1);
    assert.equal(hook.requests.length, 2);
    assert.equal(hook.requests[0].headers[IDEMPOTENCY_HEADER], hook.requests[1].headers[IDEMPOTENCY_HEADER], 'same key on the retry');
    assert.equal(pd.requests.length, 2);
    assert.match(pd.requests[1].json.dedup_key, /^monitor-unreachable-/);

    store.clearMonitorAlert(TARGET, 'unreachable');
    pd.statuses.push(400);
    const r3 = await new AlertDispatcher(store, channels, capturingLogger().logger).drainOnce();
    assert.equal(r3.dead, 1);
    const [dead] = store.listAlerts({ status: 'dead' });
    assert.equal(dead.kind, 'monitor.recovered');
    assert.equal(store.getDelivery(dead.id, 'pagerduty')?.status, 'dead');
    assert.equal(store.getDelivery(dead.id, 'webhook')?.status, 'sent');
  } finally { store.close(); await pd.close(); await hook.close(); cleanup(); }
});

test('buildAlertPayload only takes masked values; titles come from a fixed vocabulary', () => {
  const p = buildAlertPayload({
    alertId: 'lw-1', kind: 'incident.new', severity: 'critical', target: TARGET, incidentId: 'inc_1', entities: ['PERSON', 'ADDRESS'],
    maskedValues: [maskForAlert('PERSON', PLANTED.name), maskForAlert('ADDRESS', PLANTED.address)], detectedAt: new Date().toISOString(), subjectLabel: 'case record',
  });
  assertNoRaw(JSON.stringify(p), 'the payload');
  assert.match(p.title, /^CRITICAL: new personal-data exposure \(case record\)/);
  assert.deepEqual(p.maskedValues, ['W********* Q*********', '17 T************* Road, AL1 ***']);
  // @ts-expect-error a raw string is not a MaskedValue
  buildAlertPayload({ alertId: 'x', kind: 'incident.new', severity: 'high', target: 't', entities: [], maskedValues: [PLANTED.name], detectedAt: '' });
});

test('heartbeat pings the URL after a good cycle and /fail after a bad one; a dead endpoint does not throw', async () => {
  const hc = await startReceiver(() => 200);
  try {
    assert.equal(await pingHeartbeat(`${hc.url}/ping/abc`, true), true);
    assert.equal(await pingHeartbeat(`${hc.url}/ping/abc`, false), true);
    assert.deepEqual(hc.requests.map((r) => `${r.method} ${r.path}`), ['GET /ping/abc', 'GET /ping/abc/fail']);
  } finally { await hc.close(); }
  assert.equal(await pingHeartbeat(hc.url, true, undefined, 2000), false);
});
