import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { startReplica, scenarioTruth, type RunningReplica } from '../../replica/index.js';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
let rep: RunningReplica;
let browser: Browser;
before(async () => {
  rep = await startReplica({ port: 0, scenario: 'herts-2014+js-links+hang' });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
});
after(async () => {
  await browser?.close();
  await rep?.close();
});

test('client-rendered priorities appear in the DOM only after load (fetch of data.police.uk-shaped JSON)', async () => {
  const t = scenarioTruth('herts-2014+js-links+hang');
  const rec = t.caseRecords.find((c) => c.renderedBy === 'client')!;
  const page = await browser.newPage();
  try {
    const apiSeen: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/')) apiSeen.push(new URL(r.url()).pathname);
    });
    const resp = await page.goto(rep.origin + rec.url, { waitUntil: 'load' });
    assert.ok(!(await resp!.text()).includes(rec.people[0].name), 'not in the served HTML');
    await page.waitForSelector('#priorities-app[data-state="loaded"]', { timeout: 15000 });
    const dom = await page.locator('#priorities').innerText();
    for (const p of rec.people) assert.ok(dom.includes(p.name), p.name);
    assert.ok((await page.locator('#priorities .priority').count()) >= 2);
    assert.deepEqual(apiSeen, [rec.dataUrl]);
    for (const chrome of ['Customise cookies', 'Leave this site', 'This site is a beta']) assert.ok((await page.content()).includes(chrome));

    // js-links: the anchor exists only after scripts run
    const js = t.jsOnlyPages[0];
    const overview = js.replace('crime-prevention/', '');
    await page.goto(rep.origin + overview, { waitUntil: 'load' });
    await page.waitForSelector(`a[href="${js}"]`, { timeout: 15000 });
  } finally {
    await page.close();
  }
});

test('hang page: DOMContentLoaded never fires, the page can still be closed', async () => {
  const t = scenarioTruth('herts-2014+js-links+hang');
  const page = await browser.newPage();
  await assert.rejects(page.goto(rep.origin + t.hangPaths[0], { waitUntil: 'domcontentloaded', timeout: 1000 }), /Timeout/);
  await page.close({ runBeforeUnload: false });
});
