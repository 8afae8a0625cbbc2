import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { extractText, getDocumentProxy } from 'unpdf';
import { startReplica, scenarioTruth, listScenarios, type RunningReplica } from '../../replica/index.js';

const PREFIX = '/pu/your-area/hertfordshire-constabulary/';
const sha = (b: Buffer): string => createHash('sha1').update(b).digest('hex');
const get = async (r: RunningReplica, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: Buffer }> => {
  const res = await fetch(r.origin + path, { headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
};
const text = async (r: RunningReplica, path: string): Promise<string> => (await get(r, path)).body.toString('utf8');
const admin = async (r: RunningReplica, scenario: string): Promise<Response> =>
  fetch(`${r.origin}/__admin/scenario`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario }) });

let rep: RunningReplica;
before(async () => {
  rep = await startReplica({ port: 0, scenario: 'herts-2014' });
});
after(async () => {
  await rep?.close();
});

test('scenario names: list, composition, unknown names rejected with the valid list', () => {
  const names = listScenarios().map((s) => s.name);
  for (const n of ['clean', 'herts-2014', 'hidden-documents', 'js-links', 'sitemap-only', 'hidden-markup', 'calendar-trap', 'throttle', 'slow', 'hang', 'off-scope']) assert.ok(names.includes(n), n);
  assert.throws(() => scenarioTruth('herts-2015'), /unknown scenario.*clean.*herts-2014/s);
  assert.equal(scenarioTruth('hidden-documents+herts-2014').scenario, 'herts-2014+hidden-documents');
  assert.equal(scenarioTruth('js-links').scenario, 'clean+js-links');
  assert.throws(() => scenarioTruth('clean+herts-2014'), /two base scenarios/);
});

test('site size: ~33 neighbourhoods, ~250+ HTML pages, documents; every page and document answers 200', async () => {
  const t = scenarioTruth('herts-2014');
  assert.ok(t.pages.length >= 240 && t.pages.length <= 320, `pages ${t.pages.length}`);
  assert.ok(t.documents.length >= 8, `documents ${t.documents.length}`);
  assert.equal(new Set(t.pages).size, t.pages.length);
  const force = await text(rep, PREFIX);
  const hoodLinks = new Set([...force.matchAll(/href="(\/pu\/your-area\/hertfordshire-constabulary\/[a-z0-9-]+\/)"/g)].map((m) => m[1]));
  assert.equal(hoodLinks.size, 33);
  for (const chrome of ['Customise cookies', 'Leave this site', 'Escape key', 'This site is a beta', 'aria-label="Breadcrumb"', '<footer']) assert.ok(force.includes(chrome), chrome);
  const all = [...t.pages, ...t.documents, ...t.otherPages, ...t.apiPaths];
  const results = await Promise.all(all.map(async (p) => [p, (await get(rep, p)).status] as const));
  assert.deepEqual(results.filter(([, s]) => s !== 200), []);
  const types = await Promise.all(t.documents.map(async (p) => (await get(rep, p)).headers.get('content-type')));
  assert.ok(types.some((x) => x?.includes('pdf')) && types.some((x) => x?.includes('spreadsheetml')));
  assert.equal((await get(rep, PREFIX + 'no-such-page/')).status, 404);
  assert.equal((await get(rep, PREFIX + 'hitchin-urban')).headers.get('location'), PREFIX + 'hitchin-urban/');
});

test('determinism: two starts with the same seed serve identical bytes; truth is stable', async () => {
  const t = scenarioTruth('herts-2014+hidden-documents');
  const a = await startReplica({ port: 0, scenario: 'herts-2014+hidden-documents' });
  const b = await startReplica({ port: 0, scenario: 'herts-2014+hidden-documents' });
  try {
    assert.notEqual(a.origin, b.origin);
    const paths = [...t.pages, ...t.documents, ...t.apiPaths];
    for (let i = 0; i < paths.length; i += 40) {
      await Promise.all(
        paths.slice(i, i + 40).map(async (p) => {
          const [x, y] = await Promise.all([get(a, p), get(b, p)]);
          assert.equal(sha(x.body), sha(y.body), p);
          assert.equal(x.headers.get('etag'), y.headers.get('etag'), p);
          assert.equal(x.headers.get('last-modified'), y.headers.get('last-modified'), p);
        }),
      );
    }
    const sa = (await text(a, '/sitemaps/news.xml')).replaceAll(a.origin, '');
    const sb = (await text(b, '/sitemaps/news.xml')).replaceAll(b.origin, '');
    assert.equal(sa, sb);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
  assert.deepEqual(scenarioTruth('herts-2014'), scenarioTruth('herts-2014'));
  const other = scenarioTruth('herts-2014', 7);
  assert.equal(other.caseRecords.length, 61);
  assert.notDeepEqual(other.caseRecords[0].people, scenarioTruth('herts-2014').caseRecords[0].people);
});

test('herts-2014: 61 case records, names and addresses really served (HTML or priorities JSON), dataSubjects exact', async () => {
  const t = scenarioTruth('herts-2014');
  assert.equal(t.caseRecords.length, 61);
  const hoods = new Set(t.caseRecords.map((c) => c.url));
  assert.ok(hoods.size >= 10 && hoods.size <= 15, `${hoods.size} neighbourhoods`);
  assert.ok(t.caseRecords.some((c) => c.renderedBy === 'server') && t.caseRecords.some((c) => c.renderedBy === 'client'));
  const keys = new Set<string>();
  let sum = 0;
  for (const c of t.caseRecords) {
    assert.ok(c.people.length >= 1 && c.people.length <= 3);
    assert.ok(c.nature.length > 3);
    sum += c.people.length;
    for (const p of c.people) {
      keys.add(`${p.name}|${p.address}`);
      assert.match(p.address, /^\d+ [A-Z][\w' ]+, [A-Z][\w' ]+ (AL|HP|SG|WD|EN|CM)\d{1,2} \d[ABD-HJLNP-UW-Z]{2}$/, p.address);
    }
  }
  assert.equal(t.dataSubjects, keys.size);
  assert.ok(t.dataSubjects < sum, 'some people appear in two cases');
  const cache = new Map<string, string>();
  const fetchOnce = async (p: string): Promise<string> => cache.get(p) ?? (cache.set(p, await text(rep, p)), cache.get(p)!);
  for (const c of t.caseRecords) {
    const where = c.renderedBy === 'server' ? await fetchOnce(c.url) : await fetchOnce(c.dataUrl!);
    const hay = c.renderedBy === 'client' ? (JSON.parse(where) as { issue: string; action: string | null }[]).map((x) => x.issue + ' ' + (x.action ?? '')).join('\n') : where;
    for (const p of c.people) {
      assert.ok(hay.includes(p.name), `${c.id}: ${p.name} on ${c.url}`);
      assert.ok(hay.includes(p.addressAsShown!), `${c.id}: ${p.addressAsShown}`);
    }
    if (c.renderedBy === 'client') assert.ok(!(await fetchOnce(c.url)).includes(c.people[0].name), 'client-rendered page HTML itself has no case data');
  }
  const priJson = JSON.parse(await fetchOnce(t.caseRecords.find((c) => c.renderedBy === 'client')!.dataUrl!));
  assert.deepEqual(Object.keys(priJson[0]).sort(), ['action', 'action-date', 'issue', 'issue-date']);
  // officers are real team members on about-us pages, never case people
  const about = await fetchOnce(`${PREFIX}${t.officers[0].neighbourhood}/about-us/`);
  assert.ok(about.includes(t.officers[0].name));
  const caseNames = new Set(t.caseRecords.flatMap((c) => c.people.map((p) => p.name)));
  assert.ok(t.officers.every((o) => !caseNames.has(o.name)));
});

test('clean: no case records in truth and no case-record names anywhere on the site', async () => {
  const leaked = scenarioTruth('herts-2014');
  const t = scenarioTruth('clean');
  assert.equal(t.caseRecords.length, 0);
  assert.equal(t.dataSubjects, 0);
  const c = await startReplica({ port: 0 });
  try {
    assert.equal(c.scenario(), 'clean');
    const names = leaked.caseRecords.flatMap((r) => r.people.map((p) => p.name));
    const bodies = await Promise.all([...t.pages, ...t.apiPaths].map((p) => text(c, p)));
    const all = bodies.join('\n');
    for (const n of names) assert.ok(!all.includes(n), n);
    assert.match(all, /Reduce anti-social behaviour in [A-Z]/);
  } finally {
    await c.close();
  }
});

test('admin: switch scenario at runtime; Last-Modified and ETag move forward; 304s', async () => {
  const r = await startReplica({ port: 0, scenario: 'clean' });
  try {
    const t = scenarioTruth('herts-2014');
    const serverRec = t.caseRecords.find((c) => c.renderedBy === 'server')!;
    const p = serverRec.url;
    const first = await get(r, p);
    const etag = first.headers.get('etag')!;
    const lm = first.headers.get('last-modified')!;
    assert.ok(etag && lm);
    assert.equal((await get(r, p, { 'if-none-match': etag })).status, 304);
    assert.equal((await get(r, p, { 'if-modified-since': lm })).status, 304);
    assert.equal((await get(r, p, { 'if-modified-since': new Date(Date.parse(lm) - 1000).toUTCString() })).status, 200);
    const unchanged = `${PREFIX}${t.officers[0].neighbourhood}/contact-us/`;
    const u1 = await get(r, unchanged);

    const bad = await admin(r, 'nope');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /herts-2014/);
    assert.throws(() => r.setScenario('nope'), /valid names/);

    const ok = await admin(r, 'herts-2014');
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { scenario: 'herts-2014' });
    assert.equal(((await (await fetch(`${r.origin}/__admin/scenario`)).json()) as { scenario: string }).scenario, 'herts-2014');
    assert.equal(r.scenario(), 'herts-2014');

    const second = await get(r, p, { 'if-none-match': etag });
    assert.equal(second.status, 200, 'changed page is not 304 after the switch');
    assert.ok(second.body.toString().includes(serverRec.people[0].name));
    assert.notEqual(second.headers.get('etag'), etag);
    assert.ok(Date.parse(second.headers.get('last-modified')!) > Date.parse(lm));
    assert.equal((await get(r, p, { 'if-modified-since': lm })).status, 200);
    assert.equal((await get(r, unchanged, { 'if-none-match': u1.headers.get('etag')! })).status, 304, 'unchanged page still 304');
    assert.equal((await get(r, unchanged)).headers.get('last-modified'), u1.headers.get('last-modified'));
    // sitemap lastmod follows
    const sm = await text(r, '/sitemaps/neighbourhoods-1.xml') + (await text(r, '/sitemaps/neighbourhoods-2.xml'));
    const entry = new RegExp(`<loc>${r.origin}${p}</loc>\\s*<lastmod>([^<]+)</lastmod>`).exec(sm)!;
    assert.ok(Date.parse(entry[1]) >= Date.parse(second.headers.get('last-modified')!) - 1000);
    // back to clean: content reverts, Last-Modified still moves forward
    r.setScenario('clean');
    const third = await get(r, p);
    assert.equal(sha(third.body), sha(first.body));
    assert.ok(Date.parse(third.headers.get('last-modified')!) > Date.parse(second.headers.get('last-modified')!));
    const reqs = (await (await fetch(`${r.origin}/__admin/requests`)).json()) as { count: number };
    assert.ok(reqs.count >= 10);
  } finally {
    await r.close();
  }
});

test('robots.txt and sitemap index are valid; sitemaps list every linked page', async () => {
  const t = scenarioTruth('herts-2014');
  const robots = await text(rep, '/robots.txt');
  assert.match(robots, /^User-agent: \*$/m);
  assert.match(robots, /^Disallow: \/__admin\/$/m);
  assert.match(robots, new RegExp(`^Sitemap: ${rep.origin}/sitemap.xml$`, 'm'));
  const idx = await text(rep, '/sitemap.xml');
  assert.equal(XMLValidator.validate(idx), true);
  const parser = new XMLParser({ isArray: (n) => n === 'sitemap' || n === 'url' });
  const subs = parser.parse(idx).sitemapindex.sitemap as { loc: string; lastmod: string }[];
  assert.ok(subs.length >= 3);
  const locs = new Set<string>();
  for (const s of subs) {
    assert.ok(!Number.isNaN(Date.parse(s.lastmod)));
    const xml = await text(rep, new URL(s.loc).pathname);
    assert.equal(XMLValidator.validate(xml), true);
    for (const u of parser.parse(xml).urlset.url as { loc: string; lastmod: string }[]) {
      assert.ok(!Number.isNaN(Date.parse(u.lastmod)));
      locs.add(new URL(u.loc).pathname);
    }
  }
  for (const p of t.pages) assert.ok(locs.has(p), p);
});

test('documents parse: XLSX via exceljs, PDF text via unpdf', async () => {
  const t = scenarioTruth('herts-2014');
  const xlsx = t.documents.filter((d) => d.endsWith('.xlsx'));
  const pdfs = t.documents.filter((d) => d.endsWith('.pdf'));
  assert.ok(xlsx.length >= 3 && pdfs.length >= 5);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await get(rep, xlsx[0])).body as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Priorities')!;
  assert.equal(ws.getCell('B1').value, 'Issue');
  assert.ok(String(ws.getCell('B2').value).length > 10);
  const pdf = await getDocumentProxy(new Uint8Array((await get(rep, pdfs[1])).body));
  const { text: pages } = await extractText(pdf, { mergePages: false });
  assert.equal(pages.length, 2);
  assert.match(pages[0], /Safer Neighbourhood Team/);
  assert.match(pages[1], /101/);
});

test('hidden-documents: hidden/very-hidden sheets, hidden row+column, note, defined name; DOCX comment+insertion; PDF page 2', async () => {
  const t = scenarioTruth('herts-2014+hidden-documents');
  const r = await startReplica({ port: 0, scenario: 'herts-2014+hidden-documents' });
  try {
    const items = t.hiddenItems;
    assert.ok(items.length >= 9);
    const xlsxPath = items.find((i) => i.kind === 'xlsx-hidden-sheet')!.url;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await get(r, xlsxPath)).body as unknown as ArrayBuffer);
    assert.equal(wb.getWorksheet('Raw data')!.state, 'hidden');
    assert.equal(wb.getWorksheet('Lookup')!.state, 'veryHidden');
    const sum = wb.getWorksheet('Summary')!;
    assert.equal(sum.getRow(9).hidden, true);
    assert.equal(sum.getColumn(6).hidden, true);
    const note = sum.getCell('B3').note;
    assert.ok(JSON.stringify(note).includes(items.find((i) => i.kind === 'xlsx-comment')!.people[0]));
    assert.ok(wb.definedNames.model.some((d: { name: string }) => d.name === 'ComplainantList'));
    assert.equal(wb.getWorksheet('Raw data')!.getCell('A2').value, items.find((i) => i.kind === 'xlsx-hidden-sheet')!.people[0]);
    assert.equal(wb.getWorksheet('Lookup')!.getCell('B2').value, 'QQ 12 34 56 C');

    const docx = (await get(r, items.find((i) => i.kind === 'docx-comment')!.url)).body;
    const { default: yauzl } = await import('yauzl');
    const files = await new Promise<Record<string, string>>((ok, fail) => {
      const out: Record<string, string> = {};
      yauzl.fromBuffer(docx, { lazyEntries: true }, (e, z) => {
        if (e || !z) return fail(e);
        z.on('entry', (en: import('yauzl').Entry) => z.openReadStream(en, (e2, s) => {
          if (e2 || !s) return fail(e2);
          const ch: Buffer[] = [];
          s.on('data', (c: Buffer) => ch.push(c)).on('end', () => ((out[en.fileName] = Buffer.concat(ch).toString('utf8')), z.readEntry()));
        }));
        z.on('end', () => ok(out));
        z.readEntry();
      });
    });
    assert.ok(files['word/comments.xml'].includes(items.find((i) => i.kind === 'docx-comment')!.people[0]));
    assert.match(files['word/document.xml'], new RegExp(`<w:ins [^>]*>.*${items.find((i) => i.kind === 'docx-tracked-insertion')!.people[0]}`));

    const pdf = await getDocumentProxy(new Uint8Array((await get(r, items.find((i) => i.kind === 'pdf-page-2')!.url)).body));
    const { text: pages } = await extractText(pdf, { mergePages: false });
    assert.ok(!pages[0].includes('QQ 12 34 56 C'));
    assert.match(pages[1], /QQ 12 34 56 C/);
    assert.match(pages[1], /Date of birth: \d\d\/\d\d\/\d{4}/);
    const overview = await text(r, `${PREFIX}st-albans-city/`);
    for (const d of [xlsxPath]) assert.ok(overview.includes(d));
    for (const d of t.documents) assert.equal((await get(r, d)).status, 200, d);
  } finally {
    await r.close();
  }
});

test('add-ons: js-links, sitemap-only, hidden-markup, calendar-trap, throttle, hang, off-scope', async () => {
  const name = 'clean+js-links+sitemap-only+hidden-markup+calendar-trap+throttle+hang+off-scope';
  const t = scenarioTruth(name);
  const r = await startReplica({ port: 0, scenario: name });
  try {
    const throttled = new Set(t.throttledPaths);
    assert.ok(throttled.size > 3);
    const first = await get(r, t.throttledPaths[0]);
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '1');
    assert.equal((await get(r, t.throttledPaths[0])).status, 200);
    const linkable = t.pages;
    const html = new Map<string, string>();
    await Promise.all(
      linkable.map(async (p) => {
        let g = await get(r, p);
        if (g.status === 429) g = await get(r, p);
        assert.equal(g.status, 200, p);
        html.set(p, g.body.toString('utf8'));
      }),
    );
    const allHtml = [...html.values()].join('\n');
    const hrefs = new Set([...allHtml.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&')));
    // js-only pages: served, but not a literal link anywhere, nor in the sitemap
    const sitemaps = (await Promise.all(['force', 'neighbourhoods-1', 'neighbourhoods-2', 'news', 'site'].map((g) => text(r, `/sitemaps/${g}.xml`)))).join('\n');
    assert.equal(t.jsOnlyPages.length, 4);
    for (const p of t.jsOnlyPages) {
      assert.ok(!allHtml.includes(p), p);
      assert.ok(!sitemaps.includes(p), p);
    }
    assert.equal(t.sitemapOnlyPages.length, 3);
    for (const p of t.sitemapOnlyPages) {
      assert.ok(!hrefs.has(p), p);
      assert.ok(sitemaps.includes(`${r.origin}${p}</loc>`), p);
    }
    for (const h of t.hiddenItems) {
      const page = html.get(h.url)!;
      for (const n of h.people) assert.ok(page.includes(n), `${h.kind}: ${n}`);
    }
    assert.deepEqual(new Set(t.hiddenItems.map((h) => h.kind)), new Set(['alt', 'title', 'data-attribute', 'comment', 'display-none', 'noscript', 'meta', 'json']));
    // calendar trap: endless next-month chain and many query variants
    const trap = t.trapPaths[0];
    let url = [...hrefs].find((h) => h.startsWith(trap))!;
    assert.ok(url, 'calendar linked from an events page');
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const page = await text(r, url);
      const next = /<a rel="next" href="([^"]+)"/.exec(page)![1].replace(/&amp;/g, '&');
      assert.ok(!seen.has(next));
      seen.add(next);
      assert.ok([...page.matchAll(/href="\/pu[^"]*calendar\/\?[^"]+"/g)].length > 30, 'query-parameter explosion');
      url = next;
    }
    assert.ok(t.pages.every((p) => !t.trapPaths.some((tp) => p.startsWith(tp))));
    // hang page: script loops forever
    assert.match(html.get(t.hangPaths[0])!, /for \(;;\)/);
    // off-scope links and redirects
    const force = html.get(PREFIX)!;
    for (const l of t.offScopeLinks) assert.ok(force.includes(`href="${l.href.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`), l.href);
    for (const rd of t.redirects) {
      const g = await get(r, rd.from);
      assert.equal(g.status, rd.status);
      assert.equal(g.headers.get('location'), rd.location);
    }
    assert.ok(t.redirects.some((x) => x.location.startsWith('http://127.0.0.2')) && t.redirects.some((x) => x.location.startsWith('http://10.0.0.1')));
  } finally {
    await r.close();
  }
});

test('slow: one page takes about 3 s', async () => {
  const t = scenarioTruth('slow');
  const r = await startReplica({ port: 0, scenario: 'slow' });
  try {
    const t0 = Date.now();
    assert.equal((await get(r, t.slowPaths[0])).status, 200);
    assert.ok(Date.now() - t0 >= 2900);
  } finally {
    await r.close();
  }
});

test('documents do not depend on the wall clock (generated under a mocked Date, bytes equal)', async (t) => {
  const { buildModel } = await import('../../replica/model.js');
  const { makePlan, parseScenario } = await import('../../replica/scenarios.js');
  const D = await import('../../replica/documents.js');
  const m = buildModel();
  const plan = makePlan(m, parseScenario('hidden-documents'));
  const gen = async (): Promise<string[]> =>
    (await Promise.all([D.newsletterPdf(m.hoods[0]), D.trackerXlsx(m.hoods[2]), D.hiddenXlsx(plan), D.hiddenDocx(plan), D.hiddenPdf(plan)])).map(sha);
  const now = await gen();
  t.mock.timers.enable({ apis: ['Date'], now: Date.UTC(2031, 4, 17, 13, 37, 11) });
  assert.equal(new Date().getUTCFullYear(), 2031);
  const later = await gen();
  t.mock.timers.reset();
  assert.deepEqual(later, now);
});
