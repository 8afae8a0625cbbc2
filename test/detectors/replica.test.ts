import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { checkReplica, scanAllPages } from '../../bench/detect/replica-check.js';

const hasReplica = existsSync(new URL('../../replica/index.ts', import.meta.url));

test('herts-2014 replica: all 61 case records critical, every data subject found and counted, officers low', { skip: !hasReplica && 'replica not built' }, async () => {
  const { startReplica, scenarioTruth } = await import('../../replica/index.js');
  const replica = await startReplica({ port: 0, scenario: 'herts-2014' });
  try {
    const truth = scenarioTruth('herts-2014');
    const res = await checkReplica(replica.origin, truth);
    assert.equal(res.caseRecords, truth.caseRecords.length);
    assert.equal(res.dataSubjects, truth.dataSubjects);
    assert.deepEqual(res.peopleMissed.length, 0);
    assert.deepEqual(res.peopleNotCritical.length, 0);
    assert.equal(res.officerPagesHighOrCritical, 0);
    assert.equal(res.officersSeenLow, res.officers);
  } finally {
    await replica.close();
  }
});

test('clean replica: no high or critical finding on any page', { skip: !hasReplica && 'replica not built' }, async () => {
  const { startReplica, scenarioTruth } = await import('../../replica/index.js');
  const replica = await startReplica({ port: 0, scenario: 'clean' });
  try {
    const findings = await scanAllPages(replica.origin, scenarioTruth('clean').pages);
    assert.ok(findings.length > 0, 'officers and stations are found (as low)');
    assert.deepEqual(findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => `${f.path} ${f.entity}`), []);
  } finally {
    await replica.close();
  }
});
