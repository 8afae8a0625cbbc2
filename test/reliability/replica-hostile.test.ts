import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startReplica, scenarioTruth, listScenarios, type RunningReplica } from '../../replica/index.js';

/** The hostile/fault add-ons of the replica, over plain HTTP (no Chromium). */
const ALL = 'herts-2014+huge-page+deep-dom+many-links+redirect-loop+redirect-private+bad-utf8+bad-documents+robots-change+flaky';
let replica: RunningReplica;
before(async () => {
  replica = await startReplica({ port: 0, scenario: ALL });
});
after(async () => {
  await replica?.close();
});

/** GET with a raw outcome: status and byte count, or the socket error code, or 'timeout'. */
function get(path: string, timeoutMs = 3000): Promise<{ status?: number; bytes: number; location?: string; type?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = request(replica.origin + path, { agent: false }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode, bytes, location: res.headers.location, type: res.headers['content-type'] }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ status: res.statusCode, bytes, error: e.code ?? e.message }));
    });
    // A deadline for the whole exchange (a trickle never goes idle, so socket timeouts would not fire).
    const timer = setTimeout(() => {
      resolve({ bytes: 0, error: 'timeout' });
      req.destroy();
    }, timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ bytes: 0, error: e.code ?? e.message }));
    req.end();
  });
}

test('hostile add-ons are listed, compose with +, and keep the canonical order of the existing ones', () => {
  const names = listScenarios().map((s) => s.name);
  for (const a of ['huge-page', 'deep-dom', 'many-links', 'redirect-loop', 'redirect-private', 'bad-utf8', 'bad-documents', 'robots-change', 'flaky']) assert.ok(names.includes(a), a);
  assert.equal(scenarioTruth('flaky+herts-2014+hidden-markup').scenario, 'herts-2014+hidden-markup+flaky');
  assert.equal(scenarioTruth('clean').hostileItems.length, 0, 'no hostile items without the add-ons');
  assert.equal(scenarioTruth('clean').robotsChange, null);
  const t = scenarioTruth(ALL);
  assert.equal(t.caseRecords.length, 61, 'the base scenario is untouched');
  assert.ok(t.hostileItems.length >= 20);
  assert.ok(t.trapPaths.some((p) => p.endsWith('/hostile/many-links/item/')));
});

test('huge, deep and many-links pages stream their promised sizes', async () => {
  const t = scenarioTruth(ALL);
  const huge = await get(t.hostileItems.find((i) => i.kind === 'huge-page-content-length')!.url, 30_000);
  assert.equal(huge.bytes, 20 * 1024 * 1024);
  const chunked = await get(t.hostileItems.find((i) => i.kind === 'huge-page-chunked')!.url, 30_000);
  assert.equal(chunked.bytes, 20 * 1024 * 1024);
  const deep = await get(t.hostileItems.find((i) => i.kind === 'million-nodes')!.url, 30_000);
  assert.ok(deep.bytes > 7_000_000, `deep-dom bytes ${deep.bytes}`);
  const res = await fetch(replica.origin + t.hostileItems.find((i) => i.kind === 'ten-thousand-links')!.url);
  const html = await res.text();
  assert.equal((html.match(/<a href=/g) ?? []).length, 10_000);
  const item = await get(`${t.trapPaths.find((p) => p.includes('many-links'))!}12345/?sessionid=1`);
  assert.equal(item.status, 200, 'trap items answer for any number');
});

test('redirect loop and redirects to private addresses and other schemes', async () => {
  const t = scenarioTruth(ALL);
  const a = await get(t.hostileItems.find((i) => i.kind === 'redirect-loop')!.url);
  assert.equal(a.status, 302);
  const b = await get(new URL(a.location!, replica.origin).pathname);
  assert.equal(new URL(b.location!, replica.origin).pathname, t.hostileItems.find((i) => i.kind === 'redirect-loop')!.url, 'b goes back to a');
  const targets = await Promise.all(t.hostileItems.filter((i) => i.addon === 'redirect-private').map(async (i) => (await get(i.url)).location));
  assert.deepEqual(targets.sort(), ['file:///etc/passwd', 'ftp://ftp.example.org/pub/herts/asb-data.csv', 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/']);
});

test('bad-utf8 carries invalid UTF-8 bytes', async () => {
  const t = scenarioTruth(ALL);
  const buf = Buffer.from(await (await fetch(replica.origin + t.hostileItems.find((i) => i.addon === 'bad-utf8')!.url)).arrayBuffer());
  assert.ok(buf.includes(Buffer.from([0xc0, 0xaf])) && buf.includes(Buffer.from([0xed, 0xa0, 0x80])), 'overlong and surrogate sequences present');
  assert.notEqual(Buffer.from(buf.toString('utf8'), 'utf8').length, buf.length, 'not valid UTF-8');
});

test('flaky: 5xx, reset, never-answers and trickle behave as described', async () => {
  const t = scenarioTruth(ALL);
  const by = (k: string) => t.hostileItems.find((i) => i.kind === k)!.url;
  assert.equal((await get(by('http-500'))).status, 500);
  assert.equal((await get(by('http-502'))).status, 502);
  assert.equal((await get(by('http-503-retry-after'))).status, 503);
  assert.equal((await get(by('connection-reset'))).error, 'ECONNRESET');
  assert.equal((await get(by('never-answers'), 800)).error, 'timeout');
  assert.equal((await get(by('trickle-bytes'), 1200)).error, 'timeout', 'trickle never finishes');
});

test('robots-change: robots.txt disallows the section only after N requests', async () => {
  const r = await startReplica({ port: 0, scenario: 'clean+robots-change' });
  try {
    const truth = scenarioTruth('clean+robots-change');
    const rc = truth.robotsChange!;
    const robots = async () => (await fetch(r.origin + '/robots.txt')).text();
    assert.ok(!(await robots()).includes(rc.disallow), 'allowed at first');
    for (let i = 0; i < rc.afterRequests; i++) await (await fetch(r.startUrl)).arrayBuffer();
    assert.ok((await robots()).includes(`Disallow: ${rc.disallow}`), 'disallowed after N requests');
    r.setScenario('clean+robots-change+flaky');
    await (await fetch(r.origin + '/__admin/scenario')).arrayBuffer();
    await new Promise((ok) => setTimeout(ok, 50));
    assert.ok(!(await robots()).includes(rc.disallow), 'a scenario switch starts the count again');
  } finally {
    await r.close();
  }
});

test('whole-site faults: 5xx, reset, down (refused) and recovery, via the API and POST /__admin/fault', async () => {
  const r = await startReplica({ port: 0, scenario: 'clean' });
  try {
    const status = () => fetch(r.startUrl).then((x) => String(x.status), (e) => String((e as { cause?: { code?: string } }).cause?.code));
    await r.setFault('5xx', { status: 503 });
    assert.equal(await status(), '503');
    await r.setFault('reset');
    assert.equal(await status(), 'ECONNRESET');
    await r.setFault('none');
    assert.equal(await status(), '200');
    const post = (body: unknown) => fetch(r.origin + '/__admin/fault', { method: 'POST', body: JSON.stringify(body) });
    assert.equal((await post({ mode: 'sideways' })).status, 400, 'unknown mode refused');
    assert.equal((await post({ mode: '5xx' })).status, 200);
    assert.equal(await status(), '500');
    assert.equal((await post({ mode: 'down', forMs: 400 })).status, 200);
    await new Promise((ok) => setTimeout(ok, 100));
    assert.equal(await status(), 'ECONNREFUSED');
    assert.equal(r.fault(), 'down');
    await new Promise((ok) => setTimeout(ok, 600));
    assert.equal(await status(), '200', 'forMs brings the site back');
  } finally {
    await r.close();
  }
});
