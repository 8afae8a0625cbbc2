/**
 * Checks the detectors against the replica's herts-2014 scenario without a browser: priority
 * blocks from server-rendered pages (cheerio) and from the JSON the client-rendered pages fetch,
 * about-us/contact/events pages of every neighbourhood. Used by test/detectors/replica.test.ts
 * and runnable alone: npx tsx bench/detect/replica-check.ts
 */
import * as cheerio from 'cheerio';
import type { TextBlock, PageSection, BlockKind } from '../../core/types.js';
import { detectBlocks, subjectKey, AllowList } from '../../detectors/index.js';

export interface ReplicaCheck {
  caseRecords: number;
  expectedCaseRecords: number;
  dataSubjects: number;
  expectedDataSubjects: number;
  peopleMissed: string[];
  peopleNotCritical: string[];
  officerPagesHighOrCritical: number;
  officersSeenLow: number;
  officers: number;
}

const stripHtml = (h: string | null | undefined): string => (h ? cheerio.load(`<div>${h}</div>`)('div').text().trim() : '');

function pageBlocks(html: string, section: PageSection): TextBlock[] {
  const $ = cheerio.load(html);
  const blocks: TextBlock[] = [];
  const push = (text: string, kind: BlockKind, location: string): void => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) blocks.push({ text: t, kind, location, section });
  };
  $('main article.priority').each((i, el) => push($(el).text(), 'priority', `article.priority:nth(${i})`));
  $('main li, main p, main h1, main h2, main h3, main td, main address').each((i, el) => {
    if ($(el).closest('article.priority').length) return;
    const kind: BlockKind = section === 'team' ? 'team-member' : section === 'contact' ? 'contact' : section === 'events' ? 'event' : 'paragraph';
    push($(el).text(), kind, `${el.tagName}:nth(${i})`);
  });
  return blocks;
}

export async function checkReplica(origin: string, truth: {
  caseRecords: Array<{ url: string; dataUrl?: string; people: Array<{ name: string }> }>;
  dataSubjects: number;
  officers: Array<{ name: string; neighbourhood: string }>;
  pages: string[];
}): Promise<ReplicaCheck> {
  const get = async (path: string): Promise<string> => (await fetch(origin + path)).text();
  const priorityPages = [...new Set(truth.caseRecords.map((c) => c.url))];
  const dataUrls = [...new Set(truth.caseRecords.flatMap((c) => (c.dataUrl ? [c.dataUrl] : [])))];
  const allow = new AllowList();
  // learn public-role data from team, contact and events pages first, as a sweep would
  const hoodRoots = [...new Set(truth.pages.filter((p) => /\/(about-us|contact-us|events)\/$/.test(p)))];
  const teamFindings: Array<{ severity: string; entity: string; value: string }> = [];
  for (const p of hoodRoots) {
    const section: PageSection = p.endsWith('about-us/') ? 'team' : p.endsWith('contact-us/') ? 'contact' : 'events';
    const blocks = pageBlocks(await get(p), section);
    allow.learn(blocks, origin + p);
    for (const r of detectBlocks(blocks, { allowList: allow, recordIdPrefix: p })) teamFindings.push(...r.findings);
  }
  const found = new Map<string, string>(); // subjectKey -> severity
  const caseSubjects = new Set<string>();
  let caseRecords = 0;
  const scan = (blocks: TextBlock[], prefix: string): void => {
    for (const r of detectBlocks(blocks, { allowList: allow, recordIdPrefix: prefix })) {
      for (const f of r.findings) if (f.entity === 'PERSON') found.set(subjectKey(f.value), f.severity);
      for (const rec of r.records) if (rec.isCaseRecord) { caseRecords++; rec.subjectKeys.forEach((k) => caseSubjects.add(k)); }
    }
  };
  for (const p of priorityPages) scan(pageBlocks(await get(p), 'priorities').filter((b) => b.kind === 'priority'), p);
  for (const u of dataUrls) {
    const items = JSON.parse(await get(u)) as Array<{ issue: string; action: string | null }>;
    scan(items.map((it, i) => ({ text: [stripHtml(it.issue), stripHtml(it.action)].filter(Boolean).join(' '), kind: 'priority' as const, location: `${u}#${i}`, section: 'priorities' as const })), u);
  }
  const people = truth.caseRecords.flatMap((c) => c.people.map((p) => p.name));
  const officerKeys = new Set(truth.officers.map((o) => subjectKey(o.name)));
  const teamPersons = teamFindings.filter((f) => f.entity === 'PERSON');
  return {
    caseRecords,
    expectedCaseRecords: truth.caseRecords.length,
    dataSubjects: caseSubjects.size,
    expectedDataSubjects: truth.dataSubjects,
    peopleMissed: people.filter((n) => !found.has(subjectKey(n))),
    peopleNotCritical: people.filter((n) => found.has(subjectKey(n)) && found.get(subjectKey(n)) !== 'critical'),
    officerPagesHighOrCritical: teamFindings.filter((f) => f.severity === 'high' || f.severity === 'critical').length,
    officersSeenLow: new Set(teamPersons.filter((f) => f.severity === 'low' && officerKeys.has(subjectKey(f.value))).map((f) => subjectKey(f.value))).size,
    officers: officerKeys.size,
  };
}

const sectionOf = (path: string): PageSection =>
  path.endsWith('about-us/') ? 'team' : path.endsWith('contact-us/') ? 'contact' : path.endsWith('events/') ? 'events' : path.endsWith('priorities/') ? 'priorities' : path.includes('/news/') ? 'news' : 'other';

/** Every HTML page of a scenario through detectBlocks (with learning first): severities found. */
export async function scanAllPages(origin: string, pages: string[]): Promise<Array<{ path: string; entity: string; severity: string }>> {
  const allow = new AllowList();
  const loaded: Array<{ path: string; blocks: TextBlock[] }> = [];
  for (const p of pages) {
    const res = await fetch(origin + p);
    if (!(res.headers.get('content-type') ?? '').includes('html')) continue;
    const blocks = pageBlocks(await res.text(), sectionOf(p));
    allow.learn(blocks, origin + p);
    loaded.push({ path: p, blocks });
  }
  return loaded.flatMap(({ path, blocks }) => detectBlocks(blocks, { allowList: allow, recordIdPrefix: path }).flatMap((r) => r.findings.map((f) => ({ path, entity: f.entity, severity: f.severity }))));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { startReplica, scenarioTruth } = await import('../../replica/index.js');
  const replica = await startReplica({ port: 0, scenario: 'herts-2014' });
  try {
    const res = await checkReplica(replica.origin, scenarioTruth('herts-2014'));
    console.log(JSON.stringify({ ...res, peopleMissed: res.peopleMissed.length, peopleNotCritical: res.peopleNotCritical.length }, null, 1));
    if (process.env.BENCH_VERBOSE) console.log('missed (masked):', res.peopleMissed.map((n) => n.replace(/\B\w/g, '*')), 'not critical:', res.peopleNotCritical.map((n) => n.replace(/\B\w/g, '*')));
  } finally {
    await replica.close();
  }
}
