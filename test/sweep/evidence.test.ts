import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { captureEvidence } from '../../sweep/evidence.js';
import { silentLogger } from '../../core/logger.js';

const PAGE = `<!doctype html><html><body style="font:16px sans-serif">
<h1>Our priorities</h1><section id="priorities"></section>
<p class="note">Reported to us in <!-- Wei Chen --> October.</p>
<script>setTimeout(() => { const d = document.createElement('div'); d.className = 'priority';
d.textContent = 'Ongoing harassment of Ms Siobhan O\\'Neill at 3 Peacock Court, Tring HP23 5DE by a neighbour.';
document.getElementById('priorities').appendChild(d); }, 150);</script></body></html>`;

test('a client-rendered block is found, its values highlighted and the region captured as PNG', async () => {
  const server = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(PAGE); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/priorities/`;
  try {
    const shots = await captureEvidence(new Map([[url, [
      { occurrenceId: 7, location: '#priorities > div.priority', values: ["Ms Siobhan O'Neill", '3 Peacock Court, Tring HP23 5DE'] },
      { occurrenceId: 8, location: 'xhr:/api/priorities', values: ['3 Peacock Court'] },
      { occurrenceId: 9, location: 'comment', values: ['Wei Chen'] },
    ]]]), { logger: silentLogger });
    const byId = new Map(shots.map((s) => [s.occurrenceId, s]));
    const shot = byId.get(7);
    assert.ok(shot, 'the CSS-path block was captured');
    assert.deepEqual([...shot.png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    assert.equal(shot.highlighted, 2, 'both values highlighted');
    assert.ok(byId.has(8), 'a value from fetched JSON is found where the page shows it');
    assert.ok(!byId.has(9), 'a value only in an HTML comment has no visible region to capture');
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/evidence-sample.png', shot.png);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});
