import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LeakwatchStore } from '../../storage/index.js';
import { UserStore } from '../../storage/users.js';
import { hashPassword } from '../../dashboard/passwords.js';
import { startDashboardServer } from '../../dashboard/index.js';
import { tempDir } from '../helpers/tmp.js';
import { csrfFrom, get, httpLogin, Jar, postForm } from './helpers.js';

/** Access control over plain HTTP (no browser needed): cookies, expiry, rate limits, redirects. */
describe('dashboard access control', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: LeakwatchStore;
  const password = 'a sufficiently long passphrase';

  before(async () => {
    tmp = tempDir('leakwatch-access-');
    store = LeakwatchStore.open(join(tmp.dir, 'lw.db'), { secretsDir: tmp.dir });
    const users = new UserStore(store.db);
    users.addUser('rita', 'reviewer', await hashPassword(password));
  });

  after(() => {
    store.close();
    tmp.cleanup();
  });

  test('behind TLS the cookies are __Host-, Secure, HttpOnly and SameSite=Strict, with HSTS', async () => {
    const server = await startDashboardServer({ store, config: { dashboard: { port: 0, publicUrl: 'https://leakwatch.example.police.uk' } } });
    try {
      const jar = new Jar();
      const login = await get(`${server.url}/login`, jar);
      assert.match(login.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
      const res = await httpLogin(server.url, jar, 'rita', password);
      assert.equal(res.status, 303);
      const session = jar.raw.find((c) => c.startsWith('__Host-lw_session='));
      assert.ok(session, 'session cookie uses the __Host- prefix');
      for (const attr of [/;\s*Secure/i, /;\s*HttpOnly/i, /;\s*SameSite=Strict/i, /;\s*Path=\//i, /;\s*Max-Age=\d+/i]) assert.match(session, attr);
      assert.doesNotMatch(session, /Domain=/i);
      const csrfCookie = jar.raw.find((c) => c.startsWith('__Host-lw_csrf='));
      assert.ok(csrfCookie);
      assert.match(csrfCookie, /HttpOnly/i);
      assert.match(csrfCookie, /SameSite=Strict/i);
    } finally {
      await server.close();
    }
  });

  test('a session expires after its lifetime', async () => {
    let clock = new Date('2026-11-27T09:00:00Z');
    const server = await startDashboardServer({ store, config: { dashboard: { port: 0 } }, options: { sessionTtlMs: 8 * 3_600_000, now: () => clock } });
    try {
      const jar = new Jar();
      assert.equal((await httpLogin(server.url, jar, 'rita', password)).status, 303);
      assert.equal((await get(`${server.url}/incidents`, jar)).status, 200);
      clock = new Date(clock.getTime() + 8 * 3_600_000 - 1000);
      assert.equal((await get(`${server.url}/incidents`, jar)).status, 200, 'still inside the shift');
      clock = new Date(clock.getTime() + 2000);
      const expired = await get(`${server.url}/incidents`, jar);
      assert.equal(expired.status, 303);
      assert.match(expired.headers.get('location') ?? '', /^\/login/);
    } finally {
      await server.close();
    }
  });

  test('sign-in attempts are rate limited per client address', async () => {
    const server = await startDashboardServer({ store, config: { dashboard: { port: 0 } }, options: { loginRateLimit: { max: 2, timeWindowMs: 60_000 }, lockout: { failures: 100, windowMs: 60_000 } } });
    try {
      const jar = new Jar();
      assert.equal((await httpLogin(server.url, jar, 'nobody', 'wrong wrong wrong')).status, 401);
      assert.equal((await httpLogin(server.url, jar, 'nobody', 'wrong wrong wrong')).status, 401);
      const limited = await httpLogin(server.url, jar, 'rita', password);
      assert.equal(limited.status, 429);
      assert.equal(jar.cookies.has('lw_session'), false);
    } finally {
      await server.close();
    }
  });

  test('a reveal after the retention purge says so instead of failing', async () => {
    const run = store.startRun({ target: 'purge-test', mode: 'full', startUrls: ['http://127.0.0.1:9/'] });
    const text = 'Call 07700 900456 about the meeting.';
    const value = '07700 900456';
    const { findings } = store.recordDetections({
      runId: run.id, target: 'purge-test',
      resource: { url: 'http://127.0.0.1:9/events', kind: 'page', status: 200, contentType: 'text/html', contentHash: 'x', fetchedAt: new Date().toISOString(), blocks: [{ text, kind: 'event', location: 'p' }] },
      results: [{ blockIndex: 0, records: [], findings: [{ entity: 'PHONE', start: 5, end: 5 + value.length, value, score: 0.9, detector: 'fixture', publicRole: false, reasons: [], severity: 'high', recordId: null }] }],
    });
    store.finishRun(run.id, { pages: 1, documents: 0, errors: 0, status: 'completed' });
    const id = findings[0].incidentId;
    store.setIncidentStatus(id, 'resolved', 'rita', 'taken down');
    assert.equal(store.purgeEvidence(1, new Date(Date.now() + 3 * 86_400_000)).incidents, 1);

    const server = await startDashboardServer({ store, config: { dashboard: { port: 0 } } });
    try {
      const jar = new Jar();
      await httpLogin(server.url, jar, 'rita', password);
      const token = csrfFrom(await (await get(`${server.url}/incidents/${id}`, jar)).text());
      const res = await postForm(`${server.url}/incidents/${id}/reveal`, jar, { _csrf: token });
      assert.equal(res.status, 410);
      const body = await res.text();
      assert.match(body, /purged under the retention policy/);
      assert.ok(!body.includes(value));
    } finally {
      await server.close();
    }
  });

  test('the login form cannot redirect off-site, and needs its CSRF token', async () => {
    const server = await startDashboardServer({ store, config: { dashboard: { port: 0 } } });
    try {
      const jar = new Jar();
      const token = csrfFrom(await (await get(`${server.url}/login`, jar)).text());
      const noToken = await postForm(`${server.url}/login`, jar, { username: 'rita', password });
      assert.equal(noToken.status, 403, 'login CSRF is refused too');
      const res = await postForm(`${server.url}/login`, jar, { _csrf: token, username: 'rita', password, next: '//evil.example/phish' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/incidents');
      const wrongRole = await postForm(`${server.url}/runs/sweep`, jar, { _csrf: csrfFrom(await (await get(`${server.url}/runs`, jar)).text()), target: 'x' });
      assert.equal(wrongRole.status, 400, 'no sweep without a configured target');
    } finally {
      await server.close();
    }
  });
});
