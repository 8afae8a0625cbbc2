import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundedMemo } from '../../detectors/memo.js';

test('boundedMemo computes once per key and starts afresh past its bound', () => {
  const calls: string[] = [];
  const upper = boundedMemo((k) => { calls.push(k); return k.toUpperCase(); }, 2);
  assert.equal(upper('a'), 'A');
  assert.equal(upper('a'), 'A');
  assert.deepEqual(calls, ['a']);
  upper('b'); upper('c'); upper('d'); // the fourth key finds three held: the cache is emptied first
  upper('a');
  assert.deepEqual(calls, ['a', 'b', 'c', 'd', 'a']);
  // false is a value, not a miss
  const no = boundedMemo(() => { calls.push('no'); return false; }, 10);
  no('x'); no('x');
  assert.equal(calls.filter((c) => c === 'no').length, 1);
});
