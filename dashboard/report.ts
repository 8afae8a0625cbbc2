import type { Entity } from '../core/types.js';
import type { IncidentDetail, LeakwatchStore, OccurrenceRow } from '../storage/index.js';
import { fmtTime } from './layout.js';
import type { ChecklistMark, ChecklistState, DashboardQueries, UserStore } from '../storage/users.js';

/**
 * The facts for an ICO personal data breach report (UK GDPR Art. 33(3); DPA 2018 Part 3 s.67 for
 * law-enforcement processing), assembled from the incident store. Every number here is counted
 * from the database; the only free text is drafted for a human to confirm and says so.
 */

export const ICO_DEADLINE_HOURS = 72;

export const ENTITY_LABELS: Record<Entity, string> = {
  PERSON: 'Names',
  ADDRESS: 'Home addresses',
  POSTCODE: 'Postcodes',
  PHONE: 'Telephone numbers',
  EMAIL: 'E-mail addresses',
  DATE_OF_BIRTH: 'Dates of birth',
  NI_NUMBER: 'National Insurance numbers',
  NHS_NUMBER: 'NHS numbers (health data)',
  DRIVING_LICENCE: 'Driving licence numbers',
  PASSPORT: 'Passport numbers',
  VEHICLE_REG: 'Vehicle registrations',
  PAYMENT_CARD: 'Payment card numbers',
  BANK_ACCOUNT: 'Bank account details',
};

/** Roles as the ICO form groups data subjects. */
const ROLE_GROUPS: Record<string, string> = {
  victim: 'Victims',
  complainant: 'Victims',
  perpetrator: 'Perpetrators / suspects',
  offender: 'Perpetrators / suspects',
  suspect: 'Perpetrators / suspects',
  witness: 'Witnesses',
  other: 'Other members of the public',
};

const SPECIAL_CATEGORY = /health|mental|disab|medical|ethnic|racial|race|religio|faith|sexual|sexuality|gender identity|trade union|biometric|genetic|hate crime/i;
const CHILDREN_OR_VULNERABLE = /child|minor|juvenile|youth|under 18|vulnerab|safeguard|school|elderly|care home/i;
const IDENTITY_ENTITIES: Entity[] = ['DATE_OF_BIRTH', 'NI_NUMBER', 'PASSPORT', 'DRIVING_LICENCE', 'PAYMENT_CARD', 'BANK_ACCOUNT', 'NHS_NUMBER'];

export interface PublicationRow {
  url: string;
  forms: string[];
  locations: string[];
  firstSeen: string;
  lastSeen: string;
  removedAt: string | null;
}

export interface ChecklistItem {
  key: string;
  label: string;
  state: ChecklistState;
  /** True when Leakwatch works the state out itself (a reviewer cannot override it). */
  derived: boolean;
  note: string | null;
  by: string | null;
  at: string | null;
}

export interface TimelinePoint {
  key: 'first-seen' | 'alerted' | 'acknowledged' | 'removed' | 'resolved';
  label: string;
  at: string | null;
  by?: string | null;
}

export interface BreachReport {
  generatedAt: string;
  generatedBy: string;
  incidentIds: string[];
  incidents: IncidentDetail[];
  targets: string[];
  natureSummary: string;
  publication: PublicationRow[];
  forms: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  removedAt: string | null;
  stillLive: number; // occurrences not yet confirmed removed
  exposureMs: number | null;
  exposureOngoing: boolean;
  dataCategories: Array<{ label: string; incidents: number }>;
  extraCategories: string[];
  subjectCategories: Array<{ label: string; incidents: number }>;
  natures: string[];
  dataSubjects: number;
  caseRecords: number;
  otherItems: number;
  findings: number;
  occurrences: number;
  urls: number;
  criminalOffence: { flag: boolean; why: string };
  specialCategory: { flag: boolean; why: string };
  childrenOrVulnerable: { flag: boolean; why: string };
  highRisk: boolean;
  detectedAt: string | null;
  deadline: string | null;
  containment: ChecklistItem[];
  consequencesDraft: string[];
  measuresTaken: string[];
}

export function incidentTimeline(inc: IncidentDetail): TimelinePoint[] {
  let ack: { at: string; actor: string } | undefined;
  let resolvedBy: string | null = null;
  for (const row of inc.history) {
    if (row.action !== 'incident.status' || !row.detail) continue;
    try {
      const d = JSON.parse(row.detail) as { to?: string };
      if (d.to === 'acknowledged' && !ack) ack = { at: row.at, actor: row.actor };
      if (d.to === 'resolved' || d.to === 'false-positive' || d.to === 'accepted-risk') resolvedBy = row.actor;
    } catch {
      /* free-text detail from another writer */
    }
  }
  const closedLabel = inc.status === 'false-positive' ? 'Closed: false positive' : inc.status === 'accepted-risk' ? 'Closed: accepted risk' : 'Resolved';
  return [
    { key: 'first-seen', label: 'First seen', at: inc.firstSeen },
    { key: 'alerted', label: 'Alerted', at: inc.alertedAt },
    { key: 'acknowledged', label: 'Acknowledged', at: ack?.at ?? null, by: ack?.actor ?? null },
    { key: 'removed', label: 'Removed from the site', at: inc.removedAt },
    { key: 'resolved', label: closedLabel, at: inc.resolvedAt, by: inc.resolution === 'auto' ? 'Leakwatch (re-fetch)' : resolvedBy ?? inc.statusActor },
  ];
}

export function publicationForm(o: OccurrenceRow): string {
  if (o.resourceKind === 'document') {
    if (/!/.test(o.location)) return 'Spreadsheet attached to the page';
    if (/^page \d+/i.test(o.location)) return 'PDF document attached to the page';
    if (/comment|metadata|author/i.test(o.location) || o.blockKind === 'metadata') return 'Document properties / comments';
    return 'Document attached to the page';
  }
  if (o.resourceKind === 'json') return 'Data feed (JSON) behind the page';
  const where = o.section && o.section !== 'other' ? ` (${o.section} section)` : '';
  switch (o.blockKind) {
    case 'hidden':
    case 'comment':
    case 'attribute':
    case 'meta':
    case 'noscript':
      return `Web page source, not displayed (${o.blockKind})${where}`;
    case 'json':
      return `Data embedded in the web page${where}`;
    default:
      return `Visible web page text${where}`;
  }
}

const CONTAINMENT: Array<{ key: string; label: string }> = [
  { key: 'acknowledged', label: 'Reviewed and acknowledged by information governance' },
  { key: 'removed', label: 'Affected pages and documents removed or suspended' },
  { key: 'verified', label: 'Removal confirmed by a successful re-fetch (Leakwatch)' },
  { key: 'caches', label: 'Site and CDN caches purged' },
  { key: 'search', label: 'Removal requested from search engines and web archives' },
  { key: 'upstream', label: 'Upstream feed or publishing process fixed' },
  { key: 'individuals', label: 'Data subjects informed (Art. 34 / DPA 2018 s.68), vulnerable people first' },
  { key: 'ico', label: 'ICO notified (Art. 33 / DPA 2018 s.67)' },
];
export const MANUAL_CHECKLIST_KEYS = ['caches', 'search', 'upstream', 'individuals', 'ico'] as const;

const STATE_ORDER: ChecklistState[] = ['todo', 'in-progress', 'done', 'not-applicable'];

/** A manual item over several incidents: done only when done (or n/a) for every one of them. */
function combineMarks(ids: string[], marks: ChecklistMark[]): { state: ChecklistState; note: string | null; by: string | null; at: string | null } {
  if (marks.length === 0) return { state: 'todo', note: null, by: null, at: null };
  const latest = [...marks].sort((a, b) => (a.at < b.at ? 1 : -1))[0];
  let state: ChecklistState;
  if (marks.length < ids.length) state = 'in-progress';
  else if (marks.every((m) => m.state === 'not-applicable')) state = 'not-applicable';
  else if (marks.every((m) => m.state === 'done' || m.state === 'not-applicable')) state = 'done';
  else state = STATE_ORDER[Math.min(...marks.map((m) => STATE_ORDER.indexOf(m.state)).filter((i) => i < 2).concat(1))];
  return { state, note: latest.note, by: latest.actor, at: latest.at };
}

const minIso = (xs: Array<string | null>): string | null => xs.filter((x): x is string => !!x).sort()[0] ?? null;
const maxIso = (xs: Array<string | null>): string | null => xs.filter((x): x is string => !!x).sort().at(-1) ?? null;

export function buildBreachReport(
  deps: { store: LeakwatchStore; queries: DashboardQueries; users: UserStore },
  incidentIds: string[],
  actor: string,
  now = new Date(),
): BreachReport {
  const incidents = [...new Set(incidentIds)]
    .map((id) => deps.store.getIncident(id))
    .filter((x): x is IncidentDetail => !!x)
    .sort((a, b) => (a.firstSeen < b.firstSeen ? -1 : 1));
  const ids = incidents.map((i) => i.id);
  const occurrences = incidents.flatMap((i) => i.occurrenceList);

  const byUrl = new Map<string, PublicationRow>();
  for (const o of occurrences) {
    const row = byUrl.get(o.url) ?? { url: o.url, forms: [], locations: [], firstSeen: o.firstSeen, lastSeen: o.lastSeen, removedAt: o.removedAt };
    const form = publicationForm(o);
    if (!row.forms.includes(form)) row.forms.push(form);
    if (!row.locations.includes(o.location)) row.locations.push(o.location);
    row.firstSeen = minIso([row.firstSeen, o.firstSeen])!;
    row.lastSeen = maxIso([row.lastSeen, o.lastSeen])!;
    // A URL is removed only when every occurrence on it is.
    row.removedAt = row.removedAt && o.removedAt ? maxIso([row.removedAt, o.removedAt]) : null;
    byUrl.set(o.url, row);
  }
  const publication = [...byUrl.values()].sort((a, b) => a.url.localeCompare(b.url));
  const forms = [...new Set(publication.flatMap((p) => p.forms))];

  const firstSeen = minIso(incidents.map((i) => i.firstSeen));
  const lastSeen = maxIso(incidents.map((i) => i.lastSeen));
  const stillLive = occurrences.filter((o) => !o.removedAt).length;
  const allRemoved = incidents.length > 0 && incidents.every((i) => i.removedAt);
  const removedAt = allRemoved ? maxIso(incidents.map((i) => i.removedAt)) : null;
  const exposureEnd = removedAt ?? now.toISOString();
  const exposureMs = firstSeen ? Date.parse(exposureEnd) - Date.parse(firstSeen) : null;

  const entityCounts = new Map<Entity, number>();
  for (const i of incidents) for (const e of new Set(i.entities)) entityCounts.set(e, (entityCounts.get(e) ?? 0) + 1);
  const dataCategories = [...entityCounts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([e, n]) => ({ label: ENTITY_LABELS[e] ?? e, incidents: n }));
  const natures = [...new Set(incidents.flatMap((i) => i.natures))].sort();
  const roleCounts = new Map<string, number>();
  for (const i of incidents) for (const g of new Set(i.roles.map((r) => ROLE_GROUPS[r] ?? ROLE_GROUPS.other))) roleCounts.set(g, (roleCounts.get(g) ?? 0) + 1);
  const subjectCategories = [...roleCounts.entries()].sort((a, b) => b[1] - a[1]).map(([label, n]) => ({ label, incidents: n }));
  const extraCategories: string[] = [];
  if (incidents.some((i) => i.roles.length)) extraCategories.push('Role in a police case (victim, perpetrator, witness)');
  if (natures.length) extraCategories.push(`Nature of the case or offence (${natures.join(', ')})`);

  const caseRecords = incidents.filter((i) => i.isCaseRecord).length;
  const counts = deps.queries.findingCounts(ids);
  const dataSubjects = deps.queries.distinctSubjects(ids);
  const allRoles = new Set(incidents.flatMap((i) => i.roles));
  const offenderRoles = ['perpetrator', 'offender', 'suspect'].filter((r) => allRoles.has(r as never));

  const criminalOffence = caseRecords > 0 || offenderRoles.length > 0 || natures.length > 0
    ? { flag: true, why: [caseRecords ? `${caseRecords} case record(s) tie named people to an alleged offence or ASB` : '', offenderRoles.length ? `people named as ${offenderRoles.join('/')}` : '', natures.length ? `case natures: ${natures.join(', ')}` : ''].filter(Boolean).join('; ') }
    : { flag: false, why: 'no case records, offender roles or offence descriptions were detected' };
  const specialHits = natures.filter((n) => SPECIAL_CATEGORY.test(n));
  const special = entityCounts.has('NHS_NUMBER') || specialHits.length > 0
    ? { flag: true, why: [entityCounts.has('NHS_NUMBER') ? 'NHS numbers (health data)' : '', specialHits.length ? `case natures: ${specialHits.join(', ')}` : ''].filter(Boolean).join('; ') }
    : { flag: false, why: 'no health, ethnicity, religion, sexuality or similar data was detected; confirm by reading the evidence' };
  const vulnerableHits = natures.filter((n) => CHILDREN_OR_VULNERABLE.test(n));
  const childrenOrVulnerable = vulnerableHits.length
    ? { flag: true, why: `case natures: ${vulnerableHits.join(', ')}` }
    : { flag: false, why: 'nothing detected; check the evidence for ages and vulnerability markers' };
  const hasAddresses = entityCounts.has('ADDRESS') || entityCounts.has('POSTCODE');
  const highRisk = criminalOffence.flag || special.flag || childrenOrVulnerable.flag || (hasAddresses && allRoles.size > 0);

  const detectedAt = minIso(incidents.map((i) => i.detectedAt));
  const deadline = detectedAt ? new Date(Date.parse(detectedAt) + ICO_DEADLINE_HOURS * 3_600_000).toISOString() : null;

  // Containment: derived items from the timeline, manual ones from the reviewers' marks.
  const marks = deps.users.checklist(ids);
  const containment: ChecklistItem[] = CONTAINMENT.map(({ key, label }) => {
    if (key === 'acknowledged') {
      const open = incidents.filter((i) => i.status === 'new').length;
      return { key, label, derived: true, state: open === 0 ? 'done' : open < incidents.length ? 'in-progress' : 'todo', note: open ? `${open} of ${incidents.length} incident(s) still new` : null, by: null, at: null };
    }
    if (key === 'removed' || key === 'verified') {
      const removed = occurrences.length - stillLive;
      const state: ChecklistState = stillLive === 0 && occurrences.length > 0 ? 'done' : removed > 0 ? 'in-progress' : 'todo';
      const note = key === 'removed'
        ? `${removed} of ${occurrences.length} occurrence(s) gone on re-fetch`
        : removedAt ? `all gone on re-fetch at ${fmtTime(removedAt)}` : `${stillLive} occurrence(s) still live at the last successful fetch`;
      return { key, label, derived: true, state, note, by: key === 'verified' && removedAt ? 'Leakwatch' : null, at: key === 'verified' ? removedAt : null };
    }
    const m = combineMarks(ids, marks.filter((x) => x.item === key));
    return { key, label, derived: false, ...m };
  });

  const roleText = subjectCategories.map((s) => s.label.toLowerCase()).join(', ');
  const consequencesDraft: string[] = [];
  if (allRoles.has('victim') || allRoles.has('complainant') || allRoles.has('witness')) {
    consequencesDraft.push('Victims and witnesses could face reprisals, intimidation or harassment from the people they reported, now that their identities (and where published, home addresses) are public.');
  }
  if (offenderRoles.length) {
    consequencesDraft.push('People named as perpetrators or suspects could face harassment, vigilante action or reputational harm on the strength of allegations that may be unproven.');
  }
  if (hasAddresses) consequencesDraft.push('Published home addresses let anyone locate the people concerned: a risk to their physical safety.');
  if (IDENTITY_ENTITIES.some((e) => entityCounts.has(e))) consequencesDraft.push('Identity numbers or dates of birth could be used for identity fraud.');
  if (entityCounts.has('PHONE') || entityCounts.has('EMAIL')) consequencesDraft.push('Contact details could be used for unwanted contact or targeted phishing.');
  if (childrenOrVulnerable.flag) consequencesDraft.push('Children or vulnerable people are among those affected, which heightens every risk above.');
  consequencesDraft.push('Distress to those affected, and loss of public confidence in reporting to the police.');

  const measuresTaken: string[] = [];
  if (detectedAt) measuresTaken.push(`Detected by Leakwatch's automated monitoring at ${fmtTime(detectedAt)}.`);
  const alerted = minIso(incidents.map((i) => i.alertedAt));
  if (alerted) measuresTaken.push(`Duty officer and information governance alerted at ${fmtTime(alerted)}.`);
  for (const item of containment) {
    if (item.state === 'done' && item.key !== 'verified') measuresTaken.push(`${item.label}${item.at ? ` (${fmtTime(item.at)}${item.by ? `, ${item.by}` : ''})` : ''}.`);
  }
  if (removedAt) measuresTaken.push(`Leakwatch confirmed at ${fmtTime(removedAt)} that the data is no longer served.`);

  const targets = [...new Set(incidents.map((i) => i.target))];
  const natureSummary = incidents.length === 0
    ? 'No incidents selected.'
    : `Personal data${roleText ? ` of ${roleText}` : ''} published on the public police.uk pages of ${targets.join(', ')}: ` +
      `${dataCategories.map((c) => c.label.toLowerCase()).join(', ')}` +
      `${natures.length ? `, with the nature of each case (${natures.join(', ')})` : ''}. ` +
      `Form of publication: ${forms.join('; ').toLowerCase()}.`;

  return {
    generatedAt: now.toISOString(), generatedBy: actor, incidentIds: ids, incidents, targets, natureSummary, publication, forms,
    firstSeen, lastSeen, removedAt, stillLive, exposureMs, exposureOngoing: !allRemoved,
    dataCategories, extraCategories, subjectCategories, natures, dataSubjects, caseRecords, otherItems: incidents.length - caseRecords,
    findings: counts.findings, occurrences: counts.occurrences, urls: publication.length,
    criminalOffence, specialCategory: special, childrenOrVulnerable, highRisk, detectedAt, deadline, containment, consequencesDraft, measuresTaken,
  };
}
