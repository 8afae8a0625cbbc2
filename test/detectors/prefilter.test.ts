import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requiredLiterals, literalGate, LiteralGates } from '../../detectors/prefilter.js';

test('requiredLiterals: one literal per top-level alternative, optional letters and groups left out', () => {
  assert.deepEqual(requiredLiterals(/\banti[\s-]?social\s+behaviou?r\b|\bASB\b/i), ['behavio', 'asb']);
  assert.deepEqual(requiredLiterals(/\bdrugs?\b|\bcannabis\b/i), ['drug', 'cannabis']);
  assert.deepEqual(requiredLiterals(/\bneighbou?r\s+dispute\b/i), ['neighbo']);
  assert.deepEqual(requiredLiterals(/\bverbal(?:ly)?\s+abus/i), ['verbal']);
  // an alternative without a required literal of 3+ letters: no prefilter
  assert.equal(requiredLiterals(/\b(?:perpetrators?|perps?)\b/i), null);
  assert.equal(requiredLiterals(/\bab\b|\bnoise\b/i), null);
  assert.equal(requiredLiterals(/noise/iu), null);
});

test('literalGate never rejects text the regex matches (case, accents, punctuation around)', () => {
  const regexes = [
    /\banti[\s-]?social\s+behaviou?r\b|\bASB\b/i, /\bharass/i, /\bthreat|\bintimidat/i, /\bfly[\s-]?tipping\b/i,
    /\bcommunity\s+protection\s+(?:notice|warning)\b|\bCPN\b|\bcriminal\s+behaviou?r\s+order\b/i, /\bvictims?\b/i,
  ];
  const words = ['Anti-social behaviour', 'ANTISOCIAL BEHAVIOR', 'asb', 'Harassed', 'threats', 'INTIMIDATION', 'fly tipping',
    'Fly-Tipping', 'Community Protection Notice', 'cpn', 'Criminal Behavior Order', 'Victims', 'İstanbul', 'ſocial', 'K', 'noise', 'é'];
  let seed = 7;
  const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  for (let k = 0; k < 3000; k++) {
    const text = Array.from({ length: 1 + rnd(5) }, () => words[rnd(words.length)]).join(rnd(2) ? ' ' : ', ');
    for (const re of regexes) if (re.test(text)) assert.ok(literalGate(re)(text.toLowerCase()), `${re} on ${text}`);
  }
});

test('LiteralGates: one scan opens exactly the gates whose literals occur (prefix literals too)', () => {
  const regexes = [/\brobbery\b|\brobbed\b/i, /\brob\b/i, /\bnoise\b/i, /\b(?:perps?)\b/i, /\bdrugs?\b|\bdrunk/i];
  const gates = new LiteralGates(regexes);
  const check = (text: string): void => {
    const open = gates.open(text.toLowerCase());
    regexes.forEach((re, i) => { if (re.test(text)) assert.ok(open[i], `${re} on ${text}`); });
  };
  assert.deepEqual(gates.open('a robbery'), [true, true, false, true, false]);
  assert.deepEqual(gates.open('quiet'), [false, false, false, true, false]);
  for (const t of ['Robbed, then ROB', 'NOISE and drunk', 'drugs', 'perp', 'robbery noise drugs drunk rob', '']) check(t);
});
