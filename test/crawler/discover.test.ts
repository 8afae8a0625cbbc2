import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildScope, canonicalizeUrl, isPaginationLink, isPrivateAddress, isPrivateHostLiteral, parseSitemap, priorityFromLastmod,
  scopeCheck, sitemapsFromRobots, isHotUrl, urlPriority,
} from '../../crawler/discover.js';

test('canonicalizeUrl: fragments, tracking parameters, trailing slash, case, default port, query order', () => {
  assert.equal(canonicalizeUrl('HTTPS://WWW.Police.UK:443/pu/Your-Area/Herts#top'), 'https://www.police.uk/pu/your-area/herts/');
  assert.equal(canonicalizeUrl('https://www.police.uk/pu/a/?utm_source=x&b=2&a=1&fbclid=zz'), 'https://www.police.uk/pu/a/?a=1&b=2');
  assert.equal(canonicalizeUrl('https://www.police.uk//pu//a//'), 'https://www.police.uk/pu/a/');
  // Document paths keep their case: file servers are case-sensitive.
  assert.equal(canonicalizeUrl('https://x.test/SysSiteAssets/Report-2026.PDF'), 'https://x.test/SysSiteAssets/Report-2026.PDF');
  assert.equal(canonicalizeUrl('../b', 'https://x.test/pu/a/c/'), 'https://x.test/pu/a/b/');
  assert.equal(canonicalizeUrl('mailto:someone@example.org'), undefined);
  assert.equal(canonicalizeUrl('javascript:void(0)'), undefined);
  assert.equal(canonicalizeUrl('ftp://ftp.example.org/x.csv'), undefined);
  assert.equal(canonicalizeUrl('not a url'), undefined);
  assert.equal(canonicalizeUrl('https://user:pw@x.test/a'), 'https://x.test/a/');
});

test('scope: same origin and start-path prefix only', () => {
  const scope = buildScope(['https://www.police.uk/pu/your-area/hertfordshire-constabulary/']);
  assert.equal(scopeCheck('https://www.police.uk/pu/your-area/hertfordshire-constabulary/hitchin/', scope), undefined);
  assert.equal(scopeCheck('https://www.police.uk/pu/your-area/essex-police/', scope), 'scope');
  assert.equal(scopeCheck('http://www.police.uk/pu/your-area/hertfordshire-constabulary/', scope), 'scope'); // other scheme = other origin
  assert.equal(scopeCheck('https://evil.example/pu/your-area/hertfordshire-constabulary/', scope), 'scope');
  assert.equal(scopeCheck('ftp://www.police.uk/pu/your-area/hertfordshire-constabulary/', scope), 'scheme');
});

test('SSRF guard: loopback, private and link-local are refused unless the start URL is one', () => {
  for (const ip of ['127.0.0.1', '10.0.0.1', '192.168.1.5', '172.16.3.4', '169.254.169.254', '::1', 'fe80::1', '::ffff:127.0.0.1', '0.0.0.0', 'fc00::1']) {
    assert.equal(isPrivateAddress(ip), true, ip);
  }
  for (const ip of ['8.8.8.8', '151.101.0.81', '2a00:1450:4009:81f::200e']) assert.equal(isPrivateAddress(ip), false, ip);
  assert.equal(isPrivateHostLiteral('localhost'), true);
  assert.equal(isPrivateHostLiteral('[::1]'), true);
  assert.equal(isPrivateHostLiteral('www.police.uk'), false);
  const pub = buildScope(['https://www.police.uk/pu/']);
  assert.equal(pub.allowPrivate, false);
  assert.equal(scopeCheck('http://169.254.169.254/latest/meta-data/', pub), 'private-address');
  assert.equal(scopeCheck('http://2130706433/', pub), 'private-address'); // decimal spelling of 127.0.0.1
  const local = buildScope(['http://127.0.0.1:8080/pu/']);
  assert.equal(local.allowPrivate, true);
  assert.equal(scopeCheck('http://127.0.0.1:8080/pu/x/', local), undefined);
});

test('sitemaps: urlset with lastmod, sitemap index, robots.txt Sitemap lines', () => {
  const urlset = parseSitemap(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc> https://x.test/pu/a/ </loc><lastmod>2026-11-01</lastmod></url><url><loc>https://x.test/pu/b/</loc></url></urlset>`);
  assert.deepEqual(urlset.urls, [{ url: 'https://x.test/pu/a/', lastmod: '2026-11-01' }, { url: 'https://x.test/pu/b/', lastmod: undefined }]);
  const index = parseSitemap(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.test/s1.xml</loc></sitemap><sitemap><loc>https://x.test/s2.xml</loc></sitemap></sitemapindex>`);
  assert.deepEqual(index.sitemaps, ['https://x.test/s1.xml', 'https://x.test/s2.xml']);
  assert.deepEqual(parseSitemap('<<not xml').urls, []);
  assert.deepEqual(sitemapsFromRobots('User-agent: *\nDisallow: /x\nSitemap: /sm.xml\nsitemap:https://x.test/other.xml\n', 'https://x.test/robots.txt'), ['https://x.test/sm.xml', 'https://x.test/other.xml']);
});

test('sitemap lastmod and hot sections set frontier priority', () => {
  const now = Date.parse('2026-11-27T00:00:00Z');
  assert.ok(priorityFromLastmod('2026-11-27', now) > priorityFromLastmod('2026-10-01', now));
  assert.ok(priorityFromLastmod('2026-10-01', now) > priorityFromLastmod('2020-01-01', now));
  assert.equal(priorityFromLastmod(undefined, now), 10);
  assert.equal(isHotUrl('https://x.test/pu/a/hood/priorities/'), true);
  assert.equal(isHotUrl('https://x.test/pu/a/hood/about-us/'), false);
  assert.ok(urlPriority('https://x.test/pu/a/hood/news/') > urlPriority('https://x.test/pu/a/hood/contact-us/'));
});

test('pagination links are recognised', () => {
  assert.equal(isPaginationLink('https://x.test/news/?page=2', '2'), true);
  assert.equal(isPaginationLink('https://x.test/news/page/3/', '3'), true);
  assert.equal(isPaginationLink('https://x.test/news/older/', 'Older posts'), true);
  assert.equal(isPaginationLink('https://x.test/a/', 'whatever', 'next'), true);
  assert.equal(isPaginationLink('https://x.test/about-us/', 'About us'), false);
});
