import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DetectedRecord, DetectionResult, Entity, ExtractedResource, Finding, Severity, TextBlock } from '../../core/types.js';
import { LeakwatchStore } from '../../storage/index.js';

/** Synthetic people only: invented names, Ofcom drama numbers, QQ NI numbers. */
export const PLANTED = {
  name: 'Wilhelmina Quaggleton',
  address: '17 Thistlewhistle Road, AL1 9ZZ',
  phone: '07700 900123',
  ni: 'QQ 12 34 56 C',
  email: 'wilhelmina.quaggleton@example.org',
  otherName: 'Bartholomew Snodgrass-Pym',
  otherAddress: '3 Fennimore Close, AL2 8XX',
} as const;

export function tempDir(prefix = 'lw-store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openStore(dir: string): LeakwatchStore {
  return LeakwatchStore.open(join(dir, 'leakwatch.db'));
}

export function finding(entity: Entity, value: string, severity: Severity, recordId: string | null = null, start = 0): Finding {
  return { entity, value, start, end: start + value.length, score: 0.9, detector: `test-${entity.toLowerCase()}`, publicRole: severity === 'low', reasons: ['test'], severity, recordId };
}

export function resource(url: string, blocks: TextBlock[], fetchedAt = new Date().toISOString()): ExtractedResource {
  const body = blocks.map((b) => b.text).join('\n');
  return { url, kind: 'page', status: 200, contentType: 'text/html', contentHash: createHash('sha256').update(body).digest('hex'), fetchedAt, blocks };
}

/** A case-record block: victim's name and home address with a role and an ASB description. */
export function caseRecordBlock(name: string, address: string, recordId: string): { block: TextBlock; result: DetectionResult } {
  const text = `Victim ${name} of ${address} reported repeated anti-social behaviour by neighbours.`;
  const record: DetectedRecord = { recordId, isCaseRecord: true, subjectKeys: [name.toLowerCase()], roles: ['victim'], natures: ['anti-social behaviour'] };
  return {
    block: { text, kind: 'priority', location: `#priorities li:nth-child(${recordId.slice(-1)})`, section: 'priorities' },
    result: {
      findings: [finding('PERSON', name, 'critical', recordId, text.indexOf(name)), finding('ADDRESS', address, 'critical', recordId, text.indexOf(address))],
      records: [record],
    },
  };
}

export function singleBlock(text: string, f: Finding[], location = 'main p:nth-of-type(1)'): { block: TextBlock; result: DetectionResult } {
  return { block: { text, kind: 'paragraph', location, section: 'other' }, result: { findings: f, records: [] } };
}

export function withIndex(results: DetectionResult[]): Array<DetectionResult & { blockIndex: number }> {
  return results.map((r, i) => ({ ...r, blockIndex: i }));
}
