import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../core/logger.js';
import { Renderer, RenderTimeout } from '../../crawler/render.js';
import { processTree } from '../../bench/crawl/proc.js';
import { html, startSite, type TestSite } from './helpers.js';

let site: TestSite;
let renderer: Renderer;
let holdFirst = true;

before(async () => {
  site = await startSite({
    '/pu/force/hood/priorities/': html(
      `<main><h1>Priorities</h1><div id="app" class="priorities-app"></div></main>
       <img src="/img/team.png" alt="x"><link rel="preload" href="/font.woff2" as="font">
       <script>setTimeout(function(){ fetch('/api/priorities').then(function(r){return r.json()}).then(function(list){
         document.getElementById('app').innerHTML = list.map(function(p){ return '<article class="priority"><div>'+p.issue+'</div><div>'+p.action+'</div></article>'; }).join('');
       }); }, 400);</script>`),
    '/api/priorities': { type: 'application/json', body: JSON.stringify([{ issue: 'ASB reported by Cressida Wolstenholme of 8 Bramble Way, AL4 0ZZ', action: 'Visited the victim', 'issue-date': '2026-10-01' }]) },
    '/img/team.png': { type: 'image/png', body: Buffer.alloc(10) },
    '/font.woff2': { type: 'font/woff2', body: Buffer.alloc(10) },
    '/pu/force/hood/about-us/': html(
      `<div id="cookie-banner" class="cookie-banner"><p>We use cookies: Cookie Person Text</p></div>
       <nav class="primary-nav"><ul><li><a href="/pu/force/">Navigation Link Text</a></li></ul></nav>
       <main><section class="team"><h2>Your team</h2><ul><li class="team-member"><h3>PC Alfred Testcase</h3><p>Beat officer</p></li></ul></section>
       <img src="/img/team.png" alt="Team photo outside the home of Hermione Cloudsley, 3 Vine Street, SG1 1AA">
       <a href="/pu/force/hood/contact-us/" title="Complainant: Lysander Pike, tel 07700 900417">Contact</a>
       <button aria-label="Call Mr Evander Holt">Call</button>
       <!-- TODO remove: victim Drusilla Fanshawe, DOB 02/05/1979 -->
       <div class="secret">Case notes: Perdita Longbottom of 9 Yew Court</div>
       <span style="visibility:hidden">Invisible Caspian Threlfall</span>
       <p aria-hidden="true">Aria hidden Roderick Vane</p>
       <section data-case-contact="Marmaduke Ellery, 4 Apple Row, AL2 2BB"><p>Team</p></section>
       <noscript><p>Enable JavaScript to see the map for Wilhelmina Crabtree.</p><img alt="Noscript alt Ottoline Fry"></noscript>
       </main>
       <footer class="site-footer"><p>Footer Person Text</p></footer>
       <script id="__INITIAL_STATE__" type="application/json">{"openCase":{"complainant":"Benedict Arkwright","address":"1 Pond Road"}}</script>
       <script>window.__APP__ = {"user":{"name":"Serafina Blackwood","phone":"07700 900582"}};</script>`,
      '<meta name="keywords" content="ASB, Tarquin Moorcroft, harassment"><style>.secret{display:none}</style>'),
    '/pu/force/hood/crash/': html(`<main><p>Crash test page</p><div id="out"></div></main><script>fetch('/hold').then(function(r){return r.text()}).then(function(t){document.getElementById('out').textContent=t;});</script>`),
    '/hold': async (_req, res) => {
      if (holdFirst) {
        holdFirst = false;
        // Hold the request open: the test kills the renderer meanwhile.
        await new Promise((r) => setTimeout(r, 60_000).unref());
        res.end('late');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('Rendered after recovery');
    },
    '/pu/force/hood/hang/': html(`<main><p>Before the loop</p></main><script>while (true) {}</script><p>after</p>`),
  });
  renderer = new Renderer({ logger: silentLogger, userAgent: 'Leakwatch/test (+mailto:test@example.invalid)', pageTimeoutMs: 20_000 });
});

after(async () => {
  await renderer.close();
  await site.close();
});

test('client-rendered priorities are caught after a delayed fetch(), and the XHR JSON is captured', async () => {
  const r = await renderer.render({ url: `${site.origin}/pu/force/hood/priorities/` });
  const pri = r.blocks.find((b) => b.kind === 'priority');
  assert.ok(pri, 'the priority rendered by JavaScript is among the blocks');
  assert.match(pri!.text, /Cressida Wolstenholme of 8 Bramble Way/);
  assert.equal(pri!.section, 'priorities');
  const xhr = r.xhrBlocks.find((b) => b.location.startsWith('xhr:/api/priorities'));
  assert.ok(xhr);
  assert.equal(xhr!.kind, 'json');
  assert.match(xhr!.text, /Cressida Wolstenholme.*Visited the victim/);
  // Images and fonts are refused before they reach the server.
  assert.equal(site.hits.get('/img/team.png') ?? 0, 0);
  assert.equal(site.hits.get('/font.woff2') ?? 0, 0);
});

test('extraction reads what the source shows: attributes, comments, hidden elements, noscript, meta, inline state; skips chrome', async () => {
  const r = await renderer.render({ url: `${site.origin}/pu/force/hood/about-us/` });
  const all = [...r.blocks, ...r.xhrBlocks];
  const by = (s: string) => all.find((b) => b.text.includes(s));
  assert.equal(by('PC Alfred Testcase')?.kind, 'team-member');
  assert.equal(by('PC Alfred Testcase')?.section, 'team');
  assert.equal(by('Hermione Cloudsley')?.kind, 'attribute');
  assert.match(by('Hermione Cloudsley')!.location, /@alt$/);
  assert.match(by('Lysander Pike')!.location, /@title$/);
  assert.match(by('Evander Holt')!.location, /@aria-label$/);
  assert.equal(by('Marmaduke Ellery')?.kind, 'attribute');
  assert.equal(by('Drusilla Fanshawe')?.kind, 'comment');
  assert.equal(by('Perdita Longbottom')?.kind, 'hidden'); // display:none from a stylesheet
  assert.equal(by('Caspian Threlfall')?.kind, 'hidden');
  assert.equal(by('Roderick Vane')?.kind, 'hidden');
  assert.equal(by('Wilhelmina Crabtree')?.kind, 'noscript');
  assert.match(by('Ottoline Fry')!.text, /Noscript alt/);
  assert.equal(by('Tarquin Moorcroft')?.kind, 'meta');
  assert.equal(by('Benedict Arkwright')?.kind, 'json');
  assert.equal(by('Benedict Arkwright')?.location, 'script#__INITIAL_STATE__#/openCase');
  assert.equal(by('Serafina Blackwood')?.kind, 'json');
  for (const chrome of ['Cookie Person Text', 'Navigation Link Text', 'Footer Person Text']) assert.equal(by(chrome), undefined, chrome);
  assert.ok(r.links.some((l) => l.href.endsWith('/pu/force/')), 'links in the chrome are still followed');
  assert.ok(all.every((b) => b.location.length > 0));
});

function rendererPids(): number[] {
  return processTree().filter((p) => /--type=renderer/.test(p.cmdline)).map((p) => p.pid);
}

test('a renderer crash mid-page is recovered: fresh context, retried, page extracted', async () => {
  const crashesBefore = renderer.stats.crashes;
  const pending = renderer.render({ url: `${site.origin}/pu/force/hood/crash/` });
  // Wait until the page is waiting on /hold, then kill its renderer process.
  while ((site.hits.get('/hold') ?? 0) < 1) await new Promise((r) => setTimeout(r, 50));
  const pids = rendererPids();
  assert.ok(pids.length > 0, 'found Chromium renderer processes');
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  const r = await pending;
  assert.ok(renderer.stats.crashes > crashesBefore, 'the crash was noticed');
  assert.ok(r.blocks.some((b) => b.text.includes('Rendered after recovery')));
});

test('a page whose script never yields times out instead of stalling the renderer', async () => {
  const quick = new Renderer({ logger: silentLogger, userAgent: 'Leakwatch/test', pageTimeoutMs: 8000 });
  try {
    await assert.rejects(quick.render({ url: `${site.origin}/pu/force/hood/hang/` }), RenderTimeout);
    // The renderer still works afterwards.
    const ok = await quick.render({ url: `${site.origin}/pu/force/hood/about-us/` });
    assert.ok(ok.blocks.some((b) => b.text.includes('PC Alfred Testcase')));
  } finally {
    await quick.close();
  }
});
