import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCanary } from '../../sweep/canary.js';
import { silentLogger } from '../../core/logger.js';

test('the canary leak is seen through the real crawl, render and detect path', async () => {
  const result = await runCanary({ logger: silentLogger });
  assert.equal(result.ok, true, result.detail);
  assert.doesNotMatch(result.detail, /Featherstone|Kestrel|07700/, 'the detail carries no raw values');
});

test('a broken renderer fails the canary with a reason instead of an all-clear', async () => {
  const result = await runCanary({ logger: silentLogger, chromiumPath: '/nonexistent/chromium' });
  assert.equal(result.ok, false);
  assert.match(result.detail, /canary/);
});
