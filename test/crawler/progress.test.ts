import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createProgressReporter } from '../../crawler/index.js';

test('progress reporter without a TTY logs counts (never values) when stopped', () => {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
  const logger = pino({ level: 'info' }, sink);
  const p = createProgressReporter(logger, false);
  const resource = { url: 'http://x.test/a/', kind: 'page' as const, status: 200, contentType: 'text/html', contentHash: 'h', fetchedAt: new Date().toISOString(), blocks: [{ text: 'Jane Example, 1 Any Road', kind: 'paragraph' as const, location: 'p' }] };
  p.onEvent({ type: 'resource', resource, unchanged: false });
  p.onEvent({ type: 'error', url: 'http://x.test/b/', message: 'HTTP 500', status: 500 });
  p.onEvent({ type: 'skipped', url: 'http://x.test/c/', reason: 'robots' });
  p.addFindings('critical', 2);
  p.addFindings('low', 5);
  p.stop();
  const last = JSON.parse(lines.at(-1)!);
  assert.equal(last.msg, 'sweep finished');
  assert.equal(last.done, 2);
  assert.equal(last.errors, 1);
  assert.equal(last.skipped, 1);
  assert.deepEqual(last.findings, { critical: 2, high: 0, medium: 0, low: 5 });
  assert.ok(!lines.join('').includes('Jane Example'));
});
