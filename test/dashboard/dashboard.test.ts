import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { CHROMIUM_ARGS, findChromium } from '../../crawler/browser.js';
import { startDashboardServer, type DashboardServer } from '../../dashboard/index.js';
import { DashboardQueries } from '../../storage/users.js';
import { tempDir } from '../helpers/tmp.js';
import { addUsers, CASES, LOGINS, PHONE, PRIORITIES_URL, seedStore, TARGET, type SeededData } from './fixtures.js';
import { browserLogin, csrfFrom, get, httpLogin, Jar, postForm, sessionCookie } from './helpers.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'dashboard');

describe('review dashboard in real Chromium', () => {
  let tmp: ReturnType<typeof tempDir>;
  let browser: Browser;
  let seeded: SeededData;
  let server: DashboardServer;
  const sweeps: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    tmp = tempDir('leakwatch-dashboard-');
    browser = await chromium.launch({ executablePath: findChromium() ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    seeded = await seedStore(tmp.dir, browser);
    await addUsers(seeded.store);
    server = await startDashboardServer({
      store: seeded.store,
      config: { dashboard: { port: 0 }, targets: [{ name: TARGET }] },
      triggerSweep: async (target) => { sweeps.push(target); },
      options: { lockout: { failures: 3, windowMs: 15 * 60_000 } },
    });
  });

  after(async () => {
    await server?.close();
    seeded?.store.close();
    await browser?.close();
    tmp?.cleanup();
  });

  const newContext = async (): Promise<BrowserContext> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(120_000); // the CI box can be heavily loaded; nothing here asserts timing
    return context;
  };
  const rawNames = CASES.flatMap((c) => [c.victim, c.perpetrator, c.address]);

  test('no page or API answers without a session, except /healthz and /login', async () => {
    const jar = new Jar();
    const page = await get(`${server.url}/incidents`, jar);
    assert.equal(page.status, 303);
    assert.match(page.headers.get('location') ?? '', /^\/login\?next=%2Fincidents$/);
    for (const path of [`/incidents/${seeded.caseIncidentIds[0]}`, '/runs', '/audit', `/report.pdf?ids=${seeded.caseIncidentIds[0]}`, '/no-such-page']) {
      const res = await get(`${server.url}${path}`, jar, 'application/json');
      assert.equal(res.status, 401, path);
      const body = await res.text();
      for (const raw of rawNames) assert.ok(!body.includes(raw), `${path} leaked data`);
    }
    const post = await postForm(`${server.url}/incidents/${seeded.caseIncidentIds[0]}/status`, jar, { action: 'resolve' });
    assert.equal(post.status, 401);
    assert.equal(seeded.store.getIncident(seeded.caseIncidentIds[0])!.status, 'new');

    assert.equal((await get(`${server.url}/healthz`, jar, 'application/json')).status, 200);
    const login = await get(`${server.url}/login`, jar);
    assert.equal(login.status, 200);
    assert.match(login.headers.get('content-security-policy') ?? '', /default-src 'none'.*script-src 'self' 'nonce-/);
    assert.equal(login.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(login.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(login.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(login.headers.get('cache-control'), 'no-store');
  });

  test('sign in, filter the list, open an incident, reveal as a reviewer (audit-logged)', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await browserLogin(page, server.url, LOGINS.reviewer.username, LOGINS.reviewer.password);

    const cookie = await sessionCookie(context);
    assert.ok(cookie, 'session cookie set');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.ok(cookie.expires > Date.now() / 1000, 'session cookie expires');

    const all = seeded.store.listIncidents({ limit: 1000 });
    assert.equal(await page.locator('tbody tr[data-incident]').count(), all.length);
    await page.screenshot({ path: join(ARTIFACTS, 'incidents.png'), fullPage: true });
    for (const raw of rawNames) assert.ok(!(await page.content()).includes(raw), 'list shows masked values only');

    // Filtering: the select submits itself (progressive enhancement).
    await Promise.all([page.waitForURL(/severity=high/), page.getByLabel('Severity').selectOption('high')]);
    const highRows = page.locator('tbody tr[data-incident]');
    assert.equal(await highRows.count(), all.filter((i) => i.severity === 'high').length);
    assert.equal(await highRows.first().getAttribute('data-incident'), seeded.phoneIncidentId);
    await page.goto(`${server.url}/incidents?entity=ADDRESS&status=open`);
    const expected = all.filter((i) => i.entities.includes('ADDRESS') && (i.status === 'new' || i.status === 'acknowledged')).map((i) => i.id).sort();
    const shown = await page.locator('tbody tr[data-incident]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-incident')!));
    assert.deepEqual([...shown].sort(), expected);
    assert.ok(!shown.includes(seeded.removedIncidentId), 'the taken-down record is resolved, not open');
    await page.goto(`${server.url}/incidents?status=resolved`);
    assert.deepEqual(await page.locator('tbody tr[data-incident]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-incident'))), [seeded.removedIncidentId]);

    await page.goto(`${server.url}/incidents`);
    await Promise.all([page.waitForURL(/sort=severity/), page.getByLabel('Order').selectOption('severity')]);
    const severities = await page.locator('tbody tr[data-incident] .badge[class*="sev-"]').allInnerTexts();
    const rank = { critical: 4, high: 3, medium: 2, low: 1 } as Record<string, number>;
    assert.equal(severities.length, all.length);
    assert.deepEqual(severities, [...severities].sort((a, b) => rank[b] - rank[a]), 'most severe first');

    // Incident page: masked by default.
    const id = seeded.caseIncidentIds[0];
    await page.goto(`${server.url}/incidents`);
    await page.locator(`a[href="/incidents/${id}"]`).click();
    await page.waitForURL(`**/incidents/${id}`);
    assert.ok(!(await page.content()).includes(CASES[0].victim));
    assert.equal(await page.locator('ol.timeline li.done').count(), 2, 'first seen and alerted');
    assert.match(await page.locator('table').first().innerText(), /st-albans\/priorities/);

    page.once('dialog', (d) => void d.accept());
    await Promise.all([page.waitForURL(`**/incidents/${id}/reveal`), page.locator('#reveal').click()]);
    const revealed = await page.locator('#revealed-value').innerText();
    assert.match(revealed, new RegExp(CASES[0].victim));
    assert.match(revealed, new RegExp(CASES[0].address));
    const highlighted = await page.locator('.evidence mark').allInnerTexts();
    assert.ok(highlighted.includes(CASES[0].perpetrator), 'evidence text highlights the values');
    const img = page.locator('.evidence img').first();
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => (el as HTMLImageElement).complete, await img.elementHandle());
    assert.ok((await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)) > 100, 'the evidence screenshot loads');
    assert.equal((await page.context().request.get(`${server.url}/incidents/${id}`)).headers()['cache-control'], 'no-store');
    await page.screenshot({ path: join(ARTIFACTS, 'incident-revealed.png'), fullPage: true });

    const audit = seeded.store.auditLog(id);
    assert.ok(audit.some((a) => a.action === 'value.reveal' && a.actor === LOGINS.reviewer.username && !Number.isNaN(Date.parse(a.at))));
    assert.ok(audit.some((a) => a.action === 'evidence.reveal' && a.actor === LOGINS.reviewer.username));
    await context.close();
  });

  test('a viewer sees masked values and is refused a reveal', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await browserLogin(page, server.url, LOGINS.viewer.username, LOGINS.viewer.password);
    const id = seeded.caseIncidentIds[1];
    await page.goto(`${server.url}/incidents/${id}`);
    assert.equal(await page.locator('#reveal').count(), 0, 'no reveal button for a viewer');
    assert.equal(await page.locator('form[action$="/status"]').count(), 0, 'no decision forms for a viewer');
    // Go around the UI: a hand-made POST with a valid CSRF token is still refused by the server.
    const result = await page.evaluate(async (incidentId) => {
      const token = (document.querySelector('input[name="_csrf"]') as HTMLInputElement).value;
      const res = await fetch(`/incidents/${incidentId}/reveal`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(token)}` });
      return { status: res.status, body: await res.text() };
    }, id);
    assert.equal(result.status, 403);
    assert.match(result.body, /cannot reveal raw values/);
    assert.ok(!result.body.includes(CASES[1].victim));
    const evidence = await page.context().request.get(`${server.url}/incidents/${id}/evidence/1.png`);
    assert.equal(evidence.status(), 403);
    assert.ok(seeded.store.auditLog(id).some((a) => a.action === 'access.refused' && a.actor === LOGINS.viewer.username));
    assert.ok(!seeded.store.auditLog(id).some((a) => a.action === 'value.reveal' && a.actor === LOGINS.viewer.username));
    await page.screenshot({ path: join(ARTIFACTS, 'incident-viewer.png'), fullPage: true });
    await context.close();
  });

  test('false positive needs a reason; with one it is recorded and audit-logged', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await browserLogin(page, server.url, LOGINS.reviewer.username, LOGINS.reviewer.password);
    const id = seeded.phoneIncidentId;
    await page.goto(`${server.url}/incidents/${id}`);

    // The browser enforces `required`; strip it to check that the server refuses too.
    await page.locator('#fp-reason').evaluate((el) => el.removeAttribute('required'));
    await page.getByRole('button', { name: 'Mark false positive' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('h1').innerText(), /reason is required/i);
    assert.equal(seeded.store.getIncident(id)!.status, 'new');

    await page.goto(`${server.url}/incidents/${id}`);
    const reason = 'Organiser\'s published contact number, with consent';
    await page.locator('#fp-reason').fill(reason);
    await Promise.all([page.waitForURL(/msg=status-false-positive/), page.getByRole('button', { name: 'Mark false positive' }).click()]);
    assert.match(await page.locator('.flash').innerText(), /false positive/);
    const after = seeded.store.getIncident(id)!;
    assert.equal(after.status, 'false-positive');
    assert.equal(after.statusReason, reason);
    assert.equal(after.statusActor, LOGINS.reviewer.username);
    assert.ok(after.history.some((h) => h.action === 'incident.status' && h.actor === LOGINS.reviewer.username && h.detail?.includes('false-positive')));
    assert.match(await page.locator('.badge.st-false-positive').first().innerText(), /false positive/);
    await context.close();
  });

  test('acknowledge and allow-list entries are recorded with reason and expiry', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await browserLogin(page, server.url, LOGINS.admin.username, LOGINS.admin.password);
    const id = seeded.caseIncidentIds[1];
    await page.goto(`${server.url}/incidents/${id}`);
    await Promise.all([page.waitForURL(/msg=status-acknowledged/), page.getByRole('button', { name: 'Acknowledge' }).click()]);
    assert.equal(seeded.store.getIncident(id)!.status, 'acknowledged');
    assert.equal(await page.locator('ol.timeline li.done').count(), 3, 'acknowledged joins the timeline');

    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#allow-reason').fill('Councillor surgery listing, public role');
    await page.locator('#allow-expires').fill(expires);
    await Promise.all([page.waitForURL(/msg=allow-added/), page.getByRole('button', { name: 'Add to allow-list' }).click()]);
    const inc = seeded.store.getIncident(id)!;
    assert.equal(inc.status, 'false-positive');
    assert.match(inc.statusReason ?? '', new RegExp(`allow-listed until ${expires}`));
    assert.ok(inc.history.some((h) => h.action === 'allowlist.add' && h.actor === LOGINS.admin.username && h.detail?.includes(expires)));
    assert.match(await page.locator('main').innerText(), /Councillor surgery listing/);
    await context.close();
  });

  test('a POST without a CSRF token, or with a forged one, is refused', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await browserLogin(page, server.url, LOGINS.reviewer.username, LOGINS.reviewer.password);
    const id = seeded.caseIncidentIds[0];
    const before = seeded.store.getIncident(id)!.status;
    const none = await context.request.post(`${server.url}/incidents/${id}/status`, { form: { action: 'resolve' } });
    assert.equal(none.status(), 403);
    const forged = await context.request.post(`${server.url}/incidents/${id}/status`, { form: { action: 'resolve', _csrf: 'forged-token' } });
    assert.equal(forged.status(), 403);
    assert.match(await forged.text(), /security token/);
    assert.equal(seeded.store.getIncident(id)!.status, before);

    // A token minted for another session does not work in this one (bound to the session).
    const other = new Jar();
    await httpLogin(server.url, other, LOGINS.admin.username, LOGINS.admin.password);
    const otherToken = csrfFrom(await (await get(`${server.url}/incidents/${id}`, other)).text());
    const crossed = await context.request.post(`${server.url}/incidents/${id}/status`, { form: { action: 'resolve', _csrf: otherToken } });
    assert.equal(crossed.status(), 403);
    assert.equal(seeded.store.getIncident(id)!.status, before);
    await context.close();
  });

  test('runs & health: runs, chart, outbox, and an on-demand sweep', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await browserLogin(page, server.url, LOGINS.reviewer.username, LOGINS.reviewer.password);
    await page.goto(`${server.url}/runs`);
    const runs = seeded.store.listRuns();
    assert.equal(await page.locator('#runs tbody tr').count(), runs.length);
    const findings = new DashboardQueries(seeded.store.db).findingsPerRun(runs.map((r) => r.id));
    const firstRow = await page.locator('#runs tbody tr').last().locator('td').allInnerTexts();
    assert.equal(firstRow[6], String(runs.at(-1)!.pages));
    assert.equal(firstRow[9], String(findings.get(runs.at(-1)!.id)!.findings));
    assert.equal(await page.locator('.chart svg rect').count(), runs.length);
    assert.equal(await page.locator('#outbox-pending').innerText(), String(seeded.store.outboxStats().pending));
    assert.notEqual(await page.locator('#last-heartbeat').innerText(), '—');
    await page.screenshot({ path: join(ARTIFACTS, 'runs.png'), fullPage: true });
    await Promise.all([page.waitForURL(/msg=sweep-started/), page.getByRole('button', { name: 'Sweep now' }).click()]);
    assert.deepEqual(sweeps, [TARGET]);
    assert.ok(seeded.store.auditLog(TARGET).some((a) => a.action === 'sweep.requested' && a.actor === LOGINS.reviewer.username));
    await context.close();
  });

  test('breach report from selected incidents: numbers from the database, HTML and PDF export', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await browserLogin(page, server.url, LOGINS.reviewer.username, LOGINS.reviewer.password);
    const ids = [seeded.caseIncidentIds[0], seeded.removedIncidentId];
    for (const id of ids) await page.locator(`input[name="ids"][value="${id}"]`).check();
    await Promise.all([page.waitForURL(/\/report\?/), page.getByRole('button', { name: 'Breach report for selected' }).click()]);

    const incidents = ids.map((id) => seeded.store.getIncident(id)!);
    const expectedSubjects = new Set(ids.flatMap((_, i) => [CASES[seeded.caseIncidentIds.indexOf(ids[i])].victim, CASES[seeded.caseIncidentIds.indexOf(ids[i])].perpetrator])).size;
    assert.match(await page.locator('#data-subjects').innerText(), new RegExp(`^${expectedSubjects} distinct`));
    assert.match(await page.locator('#records').innerText(), /^2 case record\(s\) and 0 further/);
    assert.match(await page.locator('#criminal-flag').innerText(), /^Yes/);
    assert.match(await page.locator('#subject-categories').innerText(), /Victims.*Perpetrators/);
    assert.match(await page.locator('#data-categories').innerText(), /Names.*Home addresses/);
    const detectedAt = incidents.map((i) => i.detectedAt).sort()[0];
    assert.equal(await page.locator('#detected-at time').getAttribute('datetime'), detectedAt);
    assert.equal(await page.locator('#deadline time').getAttribute('datetime'), new Date(Date.parse(detectedAt) + 72 * 3_600_000).toISOString());
    assert.match(await page.locator('#removed-at').innerText(), /not yet removed/, 'one of the two is still live');
    assert.match(await page.locator('tr[data-item="removed"]').innerText(), /in progress/);
    assert.match(await page.locator('#consequences').innerText(), /reprisals/);
    for (const raw of rawNames) assert.ok(!(await page.content()).includes(raw), 'the report carries no raw values');

    // A manual containment item, set by a reviewer.
    await page.locator('#cl-search').selectOption('done');
    await page.locator('#cl-note-search').fill('Google removal request #4471');
    await Promise.all([page.waitForURL(/msg=checklist-saved/), page.locator('tr[data-item="search"] button').click()]);
    assert.match(await page.locator('tr[data-item="search"]').innerText(), /done/);
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });

    const html = await context.request.get(`${server.url}/report.html?ids=${ids.join('&ids=')}`);
    assert.equal(html.status(), 200);
    assert.match(html.headers()['content-disposition'], /attachment; filename="leakwatch-breach-report-\d{4}-\d{2}-\d{2}\.html"/);
    const htmlText = await html.text();
    assert.match(htmlText, /72-hour clock/);
    assert.ok(!/<script/i.test(htmlText), 'the export is static');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-pdf').click()]);
    const pdfPath = join(ARTIFACTS, 'breach-report.pdf');
    await download.saveAs(pdfPath);
    const pdf = readFileSync(pdfPath);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    assert.match(text, /Personal data breach: facts for the ICO report/);
    assert.match(text, new RegExp(`${expectedSubjects} distinct people named`));
    assert.match(text, /Criminal-offence data\s*Yes/);
    assert.match(text, /Notify the ICO by/);
    assert.match(text, /st-albans\/priorities|st-\s*albans\/priorities/);
    assert.match(text, /Google removal request #4471/);
    for (const raw of rawNames) assert.ok(!text.includes(raw), 'the PDF carries no raw values');
    assert.ok(seeded.store.auditLog(ids[0]).some((a) => a.action === 'report.generated' && a.detail === 'pdf'));
    assert.ok(PRIORITIES_URL.length > 0 && PHONE.length > 0);
    await context.close();
  });

  test('sign-out ends the session server-side', async () => {
    const jar = new Jar();
    assert.equal((await httpLogin(server.url, jar, LOGINS.viewer.username, LOGINS.viewer.password)).status, 303);
    const stolen = jar.header();
    const pageHtml = await (await get(`${server.url}/incidents`, jar)).text();
    assert.equal((await postForm(`${server.url}/logout`, jar, { _csrf: csrfFrom(pageHtml) })).status, 303);
    const replay = await fetch(`${server.url}/incidents`, { headers: { cookie: stolen, accept: 'application/json' }, redirect: 'manual' });
    assert.equal(replay.status, 401);
  });

  test('repeated wrong passwords lock the account for a while', async () => {
    const jar = new Jar();
    for (let i = 0; i < 3; i++) {
      const res = await httpLogin(server.url, jar, LOGINS.admin.username, 'wrong-password-guess');
      assert.equal(res.status, 401);
      assert.match(await res.text(), /user name or password is wrong/);
    }
    const locked = await httpLogin(server.url, jar, LOGINS.admin.username, LOGINS.admin.password);
    assert.equal(locked.status, 429, 'the right password is refused while locked');
    assert.match(await locked.text(), /Too many failed attempts/);
    assert.equal(jar.cookies.has('lw_session'), false);
    assert.ok(seeded.store.auditLog('dashboard').some((a) => a.action === 'login.locked' && a.actor === LOGINS.admin.username));
  });

  // Runs last: its own page for the artefacts, as a viewer after all the decisions above.
  test('screenshots of the login and audit pages', async () => {
    const context = await newContext();
    const page: Page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.screenshot({ path: join(ARTIFACTS, 'login.png') });
    await browserLogin(page, server.url, LOGINS.reviewer.username, LOGINS.reviewer.password);
    await page.goto(`${server.url}/audit`);
    assert.ok((await page.locator('tbody tr').count()) > 5);
    await page.screenshot({ path: join(ARTIFACTS, 'audit.png'), fullPage: true });
    await context.close();
  });
});
