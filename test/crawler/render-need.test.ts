import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../core/logger.js';
import type { TextBlock } from '../../core/types.js';
import { crawl, DEFAULT_CRAWL_OPTIONS } from '../../crawler/index.js';
import { compareRenderToMarkup, RenderNeedLearner, scriptHooks, scriptSignature } from '../../crawler/render-need.js';
import { collect, html, startSite } from './helpers.js';

const block = (text: string): TextBlock => ({ text, kind: 'paragraph', location: 'p', section: 'other' });
const noChange = { extraTexts: new Set<string>(), xhrResponses: 0, jsLinks: 0 };
const PAGE = 'https://www.police.uk/pu/your-area/force/hood/news/item/';

describe('script signature', () => {
  test('no executable script, no signature (JSON state and templates do not run)', () => {
    assert.equal(scriptSignature(html('<p>Hi</p><script type="application/json">{"a":1}</script>'), PAGE), undefined);
    assert.equal(scriptSignature(html('<p>Hi</p>'), PAGE), undefined);
  });

  test('the same scripts and template give one signature; a changed inline script, handler, page type or hook gives another', () => {
    const page = (main: string, scripts = '<script src="/static/js/site.js"></script>') => html(`<main id="main"><p class="lead">Text</p>${main}</main>${scripts}`);
    const base = scriptSignature(page('<p>One</p>'), PAGE);
    assert.ok(base);
    assert.equal(scriptSignature(page('<p>Different words, same template</p>'), PAGE.replace('item', 'other')), base);
    assert.notEqual(scriptSignature(page('', '<script src="/static/js/site.js"></script><script>document.body.append("x")</script>'), PAGE), base);
    assert.notEqual(scriptSignature(page('<button onclick="go()">Go</button>'), PAGE), base);
    assert.notEqual(scriptSignature(page('<p>One</p>'), PAGE.replace('/news/item/', '/priorities/')), base, 'page type is part of it');
    assert.notEqual(scriptSignature(page('<div id="priorities-app" data-api="/api/p.json"></div>'), PAGE), base, 'an empty app container is a different template');
    // digits in ids and classes are folded, so numbered items do not split a template
    assert.equal(scriptSignature(page('<p id="post-12" class="item-3">One</p>'), PAGE), scriptSignature(page('<p id="post-977" class="item-4">One</p>'), PAGE));
  });

  test('hooks: ids, classes and data-* names, digits folded', () => {
    assert.deepEqual(scriptHooks('<div id="app-2" class="a b" data-api="/x"><span class=\'c\'>'), ['#app-#', '.a', '.b', '.c', '@data-api']);
  });

  test('hostile markup (unclosed scripts, runaway tags) is scanned in one pass', () => {
    const hostile = '<script '.repeat(50_000) + '<a<a<a'.repeat(50_000);
    assert.equal(typeof scriptSignature(hostile, PAGE), 'string');
  });
});

describe('render compared with markup', () => {
  test('spacing differences around inline elements are not new text; script-made text is', () => {
    const markup = { title: 'T', blocks: [block('Tell us what matters to you: have your say or come to one of our events .')] };
    const same = compareRenderToMarkup({ blocks: [block('Tell us what matters to you: have your say or come to one of our events.')], xhrCount: 0, jsLinks: 0 }, markup);
    assert.equal(same.extraTexts.size, 0);
    const more = compareRenderToMarkup({ blocks: [block('Victim: Mr Tobias Quennell, 3 Amwell Drive')], xhrCount: 0, jsLinks: 0 }, markup);
    assert.equal(more.extraTexts.size, 1);
  });
});

describe('learner', () => {
  test('renders until confirmAfter renders showed nothing, then reads from markup with a re-check every Nth page', () => {
    const l = new RenderNeedLearner({ confirmAfter: 3, resampleEvery: 4 });
    for (let i = 0; i < 3; i++) {
      assert.equal(l.decide('s', `p${i}`), 'render');
      l.observe('s', noChange);
    }
    const decisions = Array.from({ length: 8 }, (_, i) => l.decide('s', `q${i}`));
    assert.deepEqual(decisions, ['markup', 'markup', 'markup', 'render', 'markup', 'markup', 'markup', 'render']);
    assert.equal(l.decide('other', 'x'), 'render', 'signatures are learned separately');
  });

  test('the same page-independent chrome on every render is tolerated; text that varies is not', () => {
    const chrome = { ...noChange, extraTexts: new Set(['police.ukhomepolice.uk']) };
    const l = new RenderNeedLearner({ confirmAfter: 2, resampleEvery: 10 });
    l.observe('a', chrome);
    assert.deepEqual(l.observe('a', chrome), { becameInert: true });
    const l2 = new RenderNeedLearner({ confirmAfter: 2, resampleEvery: 10 });
    l2.observe('b', { ...noChange, extraTexts: new Set(['victim:mrx']) });
    assert.ok(l2.observe('b', { ...noChange, extraTexts: new Set(['victim:mry']) }).why);
    assert.equal(l2.decide('b', 'z'), 'render', 'a dynamic signature is always rendered');
  });

  test('fetch/XHR data or script-inserted links make a signature dynamic at once', () => {
    const l = new RenderNeedLearner({ confirmAfter: 1, resampleEvery: 10 });
    assert.match(l.observe('x', { ...noChange, xhrResponses: 1 }).why ?? '', /XHR/);
    assert.equal(l.decide('x', 'p'), 'render');
    assert.match(l.observe('y', { ...noChange, jsLinks: 2 }).why ?? '', /link/);
  });

  test('a re-check that finds new content hands back every page read from markup', () => {
    const l = new RenderNeedLearner({ confirmAfter: 1, resampleEvery: 3 });
    l.observe('s', noChange);
    assert.equal(l.decide('s', 'a'), 'markup');
    assert.equal(l.decide('s', 'b'), 'markup');
    assert.equal(l.decide('s', 'c'), 'render');
    const outcome = l.observe('s', { ...noChange, extraTexts: new Set(['new']) });
    assert.deepEqual(outcome.rerender, ['a', 'b']);
    assert.equal(l.decide('s', 'd'), 'render');
  });
});

test('crawl: one site-wide bundle, client-rendered and server-rendered pages; every script-made record is caught and most pages skip Chromium', { timeout: 300_000 }, async () => {
  // One bundle for the whole site, as a real CMS would ship: it fills #app from data-api when the
  // container is there, and on the later "tagged" news pages (same template, nothing in the markup
  // to tell them apart) it writes a line built from the URL. Names are invented.
  const bundle = `(function(){
    var app=document.getElementById('app');
    if(app){fetch(app.getAttribute('data-api')).then(function(r){return r.json();}).then(function(j){app.textContent='Victim: '+j.name+', '+j.address;});}
    if(location.pathname.indexOf('tagged')!==-1){var p=document.createElement('p');p.textContent='Case note for '+location.pathname.split('/')[3];document.querySelector('main').appendChild(p);}
  })();`;
  const P = '/pu/force/';
  const news = Array.from({ length: 14 }, (_, i) => `${P}news/item-${i}${i >= 7 ? '-tagged' : ''}/`);
  const client = Array.from({ length: 4 }, (_, i) => `${P}hood-${i}/priorities/`);
  const page = (main: string) => html(`<main>${main}</main><script src="/bundle.js"></script>`);
  const routes: Record<string, Parameters<typeof startSite>[0][string]> = {
    '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nAllow: /\n' },
    '/bundle.js': { type: 'text/javascript', body: bundle },
    [P]: page(`<h1>Force</h1><ul>${[...news, ...client].map((u) => `<li><a href="${u}">${u}</a></li>`).join('')}</ul>`),
  };
  news.forEach((u, i) => (routes[u] = page(`<h1>News ${i}</h1><p>Community speedwatch in the high street.</p>`)));
  client.forEach((u, i) => {
    routes[u] = page(`<h1>Priorities</h1><div id="app" data-api="/api/${i}.json"></div>`);
    routes[`/api/${i}.json`] = { type: 'application/json', body: JSON.stringify({ name: `Ms Perpetua Quill-${i}`, address: `${i + 2} Larkspur Close` }) };
  });
  const site = await startSite(routes);
  try {
    const c = collect();
    const summary = await crawl(
      {
        ...DEFAULT_CRAWL_OPTIONS, startUrls: [`${site.origin}${P}`], logger: silentLogger, concurrency: 1, ratePerSecond: 0, useSitemaps: false,
        userAgent: 'Leakwatch/test', renderNeed: { confirmAfter: 3, resampleEvery: 4 },
      },
      c.handler,
    );
    assert.equal(summary.complete, true);
    const textOf = (path: string) => c.resources().filter((r) => new URL(r.resource.url).pathname === path).flatMap((r) => r.resource.blocks.map((b) => b.text)).join('\n');
    client.forEach((u, i) => assert.ok(textOf(u).includes(`Ms Perpetua Quill-${i}`), `${u}: client-rendered record missing`));
    // Tagged pages look like every other news page; the re-check that meets one turns the whole
    // template back to rendering, and the pages already read from markup are rendered after all.
    for (const u of news.filter((n) => n.includes('tagged'))) {
      assert.ok(textOf(u).includes(`Case note for ${u.split('/')[3]}`), `${u}: script-made text on a look-alike page missing`);
    }
    assert.equal(summary.pages, 1 + news.length + client.length, 'a second reading is not counted as another page');
    assert.ok(summary.rendering, 'the summary says how pages were read');
    assert.ok(summary.rendering.readFromMarkup > 0, 'some pages skipped Chromium');
    assert.ok(c.resources().some((r) => r.rerendered), 'pages read from markup were rendered after the signature turned dynamic');
  } finally {
    await site.close();
  }
});
