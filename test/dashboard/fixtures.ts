import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { DetectedRecord, DetectionResult, ExtractedResource, Finding, TextBlock } from '../../core/types.js';
import { LeakwatchStore } from '../../storage/index.js';
import { UserStore } from '../../storage/users.js';
import { hashPassword } from '../../dashboard/passwords.js';

/**
 * A synthetic Herts-2014-style leak, stored through LeakwatchStore's own public API
 * (startRun → recordDetections → saveEvidenceScreenshot → finishRun → autoResolve).
 * Every name, address and number is invented (Ofcom drama numbers, made-up streets).
 */

export const TARGET = 'herts-test';
export const ORIGIN = 'http://127.0.0.1:9/pu/your-area/hertfordshire-constabulary';
export const PRIORITIES_URL = `${ORIGIN}/st-albans/priorities`;
export const EVENTS_URL = `${ORIGIN}/st-albans/events`;
export const CONTACT_URL = `${ORIGIN}/dacorum/contact`;

export const PASSWORDS = { viewer: 'viewer-passphrase-1', reviewer: 'reviewer-passphrase-2', admin: 'admin-passphrase-3' } as const;

interface CaseSpec {
  victim: string;
  perpetrator: string;
  address: string;
  nature: string;
}

/** People are invented; the street names are checked not to be well-known ones. */
export const CASES: CaseSpec[] = [
  { victim: 'Marjorie Plinkett', perpetrator: 'Dwayne Fossick', address: '14 Larkspur Close, St Albans AL3 9QZ', nature: 'anti-social behaviour' },
  { victim: 'Hollis Quartermaine', perpetrator: 'Tamsin Brackley', address: '7 Weatherby Mews, Hemel Hempstead HP2 4XY', nature: 'harassment' },
  { victim: 'Oswin Pettigrew', perpetrator: 'Raylene Dunmore', address: '31 Cobbler Row, Tring HP23 5ZQ', nature: 'criminal damage' },
];
export const PHONE = '07700 900123';

function finding(text: string, value: string, entity: Finding['entity'], severity: Finding['severity'], recordId: string | null): Finding {
  const start = text.indexOf(value);
  if (start < 0) throw new Error(`fixture value not in its text (${entity})`);
  return { entity, start, end: start + value.length, value, score: 0.95, detector: 'fixture', publicRole: false, reasons: ['fixture'], severity, recordId };
}

function caseBlock(c: CaseSpec, i: number): { block: TextBlock; result: DetectionResult } {
  const text = `Priority: ${c.nature} reported by ${c.victim} (victim) against ${c.perpetrator} (perpetrator) at ${c.address}. Action: officers to visit.`;
  const recordId = `rec-${i}`;
  const findings = [
    finding(text, c.victim, 'PERSON', 'critical', recordId),
    finding(text, c.perpetrator, 'PERSON', 'critical', recordId),
    finding(text, c.address, 'ADDRESS', 'critical', recordId),
  ];
  const record: DetectedRecord = {
    recordId, isCaseRecord: true, subjectKeys: [c.victim.toLowerCase(), c.perpetrator.toLowerCase()], roles: ['victim', 'perpetrator'], natures: [c.nature],
  };
  return { block: { text, kind: 'priority', location: `#priorities li:nth-of-type(${i + 1})`, section: 'priorities' }, result: { findings, records: [record] } };
}

function resource(url: string, blocks: TextBlock[], fetchedAt: Date): ExtractedResource {
  const body = blocks.map((b) => b.text).join('\n');
  return {
    url, kind: 'page', status: 200, contentType: 'text/html', contentHash: createHash('sha256').update(body).digest('hex'),
    fetchedAt: fetchedAt.toISOString(), title: 'Local priorities', blocks,
  };
}

/** A PNG of the block with its values highlighted, rendered by the real Chromium (as the crawler's evidence step does). */
async function evidencePng(browser: Browser, text: string, values: string[]): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 760, height: 200 } });
  try {
    await page.setContent(`<!doctype html><body style="font:15px sans-serif;margin:12px"><div id="b" style="padding:10px;border:1px solid #ccc;max-width:700px"></div></body>`);
    await page.evaluate(({ text, values }) => {
      const el = document.getElementById('b')!;
      let html = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      for (const v of values) html = html.split(v).join(`<mark style="background:#ffd33d;outline:2px solid #d00">${v}</mark>`);
      el.innerHTML = html;
    }, { text, values });
    return await page.locator('#b').screenshot();
  } finally {
    await page.close();
  }
}

export interface SeededData {
  store: LeakwatchStore;
  dbPath: string;
  caseIncidentIds: string[];
  phoneIncidentId: string;
  removedIncidentId: string;
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

export async function seedStore(dir: string, browser: Browser): Promise<SeededData> {
  const dbPath = join(dir, 'leakwatch.db');
  const store = LeakwatchStore.open(dbPath, { secretsDir: dir });

  // Run 1: the leak appears (first sweep of the target: baseline, but critical findings still alert).
  const run1 = store.startRun({ target: TARGET, mode: 'full', startUrls: [ORIGIN] });
  const cases = CASES.map(caseBlock);
  const prioritiesBlocks = cases.map((c) => c.block);
  const first = store.recordDetections({
    runId: run1.id, target: TARGET, resource: resource(PRIORITIES_URL, prioritiesBlocks, hoursAgo(30)),
    results: cases.map((c, blockIndex) => ({ ...c.result, blockIndex })),
  });
  const phoneText = `Contact the organiser on ${PHONE} for details of the street meeting.`;
  const phone = store.recordDetections({
    runId: run1.id, target: TARGET, resource: resource(EVENTS_URL, [{ text: phoneText, kind: 'event', location: '.event:nth-of-type(2) p', section: 'events' }], hoursAgo(30)),
    results: [{ blockIndex: 0, findings: [finding(phoneText, PHONE, 'PHONE', 'high', null)], records: [] }],
  });
  store.recordResource(run1.id, { url: CONTACT_URL, kind: 'page', status: 200, contentHash: 'c0ffee', fetchedAt: hoursAgo(30).toISOString() });
  store.finishRun(run1.id, { pages: 42, documents: 3, errors: 1, status: 'completed' });
  store.recordCycle(TARGET, true);

  const caseIncidentIds = [...new Set(first.findings.map((f) => f.incidentId))];
  const phoneIncidentId = phone.findings[0].incidentId;

  // Evidence screenshots for the priorities occurrences.
  for (const id of caseIncidentIds) {
    const detail = store.getIncident(id)!;
    const idx = caseIncidentIds.indexOf(id);
    const c = CASES[idx];
    for (const o of detail.occurrenceList) {
      store.saveEvidenceScreenshot(o.id, await evidencePng(browser, cases[idx].block.text, [c.victim, c.perpetrator, c.address]));
    }
  }

  // Run 2: the third case record has been taken down; the page is re-fetched successfully without it.
  const run2 = store.startRun({ target: TARGET, mode: 'hot', startUrls: [ORIGIN] });
  store.recordDetections({
    runId: run2.id, target: TARGET, resource: resource(PRIORITIES_URL, prioritiesBlocks.slice(0, 2), hoursAgo(6)),
    results: cases.slice(0, 2).map((c, blockIndex) => ({ ...c.result, blockIndex })),
  });
  store.markUnchanged(run2.id, EVENTS_URL);
  store.recordResource(run2.id, { url: EVENTS_URL, kind: 'page', status: 304, contentHash: 'same', fetchedAt: hoursAgo(6).toISOString() });
  store.autoResolve(run2.id, TARGET, new Set([PRIORITIES_URL, EVENTS_URL]));
  store.finishRun(run2.id, { pages: 17, documents: 0, errors: 0, status: 'completed' });
  store.recordCycle(TARGET, true);

  return { store, dbPath, caseIncidentIds, phoneIncidentId, removedIncidentId: caseIncidentIds[2] };
}

export async function addUsers(store: LeakwatchStore): Promise<void> {
  const users = new UserStore(store.db);
  for (const role of ['viewer', 'reviewer', 'admin'] as const) users.addUser(role === 'viewer' ? 'vera' : role === 'reviewer' ? 'rob' : 'ada', role, await hashPassword(PASSWORDS[role]));
}

export const LOGINS = { viewer: { username: 'vera', password: PASSWORDS.viewer }, reviewer: { username: 'rob', password: PASSWORDS.reviewer }, admin: { username: 'ada', password: PASSWORDS.admin } };
