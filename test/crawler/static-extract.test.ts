import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractStaticHtml, extractStaticLinks } from '../../crawler/static-extract.js';
import { html } from './helpers.js';

test('links of an unchanged page: the fast parser finds the same links as the full extraction', () => {
  const page = html(
    `<nav><a href="/pu/force/">Force</a></nav><main><p>See <a href="news/?page=2" rel="next">Next page</a>, <a href='../events/'>events</a>
     and <a href="https://www.police.uk/pu/force/hood/priorities/#top">priorities</a>.</p>
     <map><area href="/map/a/" alt="A"></map><iframe src="/embed/"></iframe><a>no href</a><a href="http://[bad">bad</a>
     <table><tr><td><a href="/in/table/">unclosed cell<td>next</table></main>`,
    '<base href="https://www.police.uk/pu/force/hood/"><link rel="alternate" href="/feed.xml"><link rel="stylesheet" href="/s.css">',
  );
  const url = 'https://www.police.uk/pu/force/hood/';
  const fast = extractStaticLinks(page, url);
  const full = extractStaticHtml(page, url).links;
  assert.deepEqual(fast.map((l) => l.href), full.map((l) => l.href));
  // Link text (used to spot pagination) agrees except inside markup only the spec parser repairs.
  assert.deepEqual(fast.slice(0, -1), full.slice(0, -1));
  assert.deepEqual(fast.map((l) => l.href), [
    'https://www.police.uk/feed.xml', 'https://www.police.uk/pu/force/', 'https://www.police.uk/pu/force/hood/news/?page=2',
    'https://www.police.uk/pu/force/events/', 'https://www.police.uk/pu/force/hood/priorities/#top', 'https://www.police.uk/map/a/',
    'https://www.police.uk/embed/', 'https://www.police.uk/in/table/',
  ]);
});
