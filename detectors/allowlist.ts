/**
 * Public-role allow-list: built-in entries (101, 999, Crimestoppers…), configured entries (with a
 * reason and an expiry) and entries learned from a force's own team, contact and events pages.
 * Comparison is normalised per entity. Expired entries never match.
 */
import type { Entity, TextBlock } from '../core/types.js';
import { subjectKey } from './subject.js';
import { nationalDigits } from './recognizers/phone.js';

export interface AllowEntry {
  entity: Entity;
  value: string;
  reason: string;
  source: 'builtin' | 'learned' | 'config';
  expiresAt?: string | null;
}

/** What the constructor accepts: an AllowEntry, or a configured entry (source defaults to 'config', `expires` = expiresAt, no entity = any entity). */
export interface AllowEntryInput {
  entity?: Entity;
  value: string;
  reason: string;
  source?: AllowEntry['source'];
  expiresAt?: string | null;
  expires?: string | null;
  owner?: string;
}

const ANY_ENTITY: Entity[] = ['PERSON', 'ADDRESS', 'POSTCODE', 'PHONE', 'EMAIL', 'DATE_OF_BIRTH', 'NI_NUMBER', 'NHS_NUMBER', 'DRIVING_LICENCE', 'PASSPORT', 'VEHICLE_REG', 'PAYMENT_CARD', 'BANK_ACCOUNT'];

export function toAllowEntries(input: AllowEntryInput): AllowEntry[] {
  const base = { value: input.value, reason: input.reason, source: input.source ?? 'config', expiresAt: input.expiresAt ?? input.expires ?? null } as const;
  return (input.entity ? [input.entity] : ANY_ENTITY).map((entity) => ({ ...base, entity }));
}

export function normaliseAllowValue(entity: Entity, value: string): string {
  switch (entity) {
    case 'PERSON':
      return subjectKey(value);
    case 'EMAIL':
      return value.trim().toLowerCase();
    case 'PHONE': {
      const nat = nationalDigits(value);
      return nat ?? value.replace(/\D/g, '');
    }
    case 'ADDRESS':
      return value.toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
    default:
      return value.replace(/[\s\-.]/g, '').toUpperCase();
  }
}

export const BUILTIN_ALLOW: AllowEntry[] = [
  { entity: 'PHONE', value: '101', reason: 'police non-emergency number', source: 'builtin' },
  { entity: 'PHONE', value: '999', reason: 'emergency number', source: 'builtin' },
  { entity: 'PHONE', value: '112', reason: 'emergency number', source: 'builtin' },
  { entity: 'PHONE', value: '111', reason: 'NHS non-emergency number', source: 'builtin' },
  { entity: 'PHONE', value: '105', reason: 'power cut line', source: 'builtin' },
  { entity: 'PHONE', value: '0800 555 111', reason: 'Crimestoppers', source: 'builtin' },
  { entity: 'PHONE', value: '0300 123 2040', reason: 'Action Fraud', source: 'builtin' },
  { entity: 'PHONE', value: '0808 2000 247', reason: 'National Domestic Abuse Helpline', source: 'builtin' },
  { entity: 'PHONE', value: '0808 168 9111', reason: 'Victim Support', source: 'builtin' },
  { entity: 'PHONE', value: '116 123', reason: 'Samaritans', source: 'builtin' },
];

export class AllowList {
  private readonly byKey = new Map<string, AllowEntry[]>();
  private readonly addresses: Array<{ norm: string; entry: AllowEntry }> = [];
  private readonly all: AllowEntry[] = [];

  constructor(entries: ReadonlyArray<AllowEntry | AllowEntryInput> = [], options: { builtins?: boolean } = {}) {
    if (options.builtins !== false) for (const e of BUILTIN_ALLOW) this.add(e);
    for (const e of entries) for (const entry of toAllowEntries(e)) this.add(entry);
  }

  add(entry: AllowEntry): void {
    const norm = normaliseAllowValue(entry.entity, entry.value);
    if (!norm) return;
    const key = `${entry.entity}\u0000${norm}`;
    const list = this.byKey.get(key) ?? [];
    list.push(entry);
    this.byKey.set(key, list);
    if (entry.entity === 'ADDRESS' && norm.length >= 8) this.addresses.push({ norm, entry });
    this.all.push(entry);
  }

  match(entity: Entity, value: string, now: Date = new Date()): AllowEntry | undefined {
    const live = (e: AllowEntry): boolean => !e.expiresAt || Date.parse(e.expiresAt) > now.getTime();
    const norm = normaliseAllowValue(entity, value);
    const hit = this.byKey.get(`${entity}\u0000${norm}`)?.find(live);
    if (hit || entity !== 'ADDRESS' || norm.length < 8) return hit;
    // a venue's published address may be quoted with or without its name, locality or postcode
    for (const a of this.addresses) {
      if (!live(a.entry)) continue;
      if (a.norm.includes(norm) || norm.includes(a.norm)) return a.entry;
    }
    return undefined;
  }

  entries(): AllowEntry[] {
    return [...this.all];
  }

  /**
   * Learns public-role data from a force's own pages: people on team/about-us blocks, station and
   * venue addresses from contact and events blocks, force e-mails and published phone numbers.
   * Returns only the newly learned entries.
   */
  learn(blocks: TextBlock[], url: string): AllowEntry[] {
    const learned: AllowEntry[] = [];
    const remember = (entity: Entity, value: string, reason: string): void => {
      if (this.match(entity, value)) return;
      const e: AllowEntry = { entity, value, reason: `${reason} (${url})`, source: 'learned', expiresAt: null };
      this.add(e);
      learned.push(e);
    };
    for (const block of blocks) {
      const team = block.section === 'team' || block.kind === 'team-member';
      const venue = block.section === 'contact' || block.section === 'events' || block.kind === 'contact' || block.kind === 'event';
      // detection without this list, so the learning sees raw entities
      const result = learnDetect(block);
      for (const f of result) {
        if (f.entity === 'PERSON' && (team || f.reasons.includes('allow:rank'))) remember('PERSON', f.value, team ? 'named on a team page' : 'named with a rank');
        else if (f.entity === 'EMAIL' && (team || venue || /(?:^|\.)police\.uk$/i.test(f.value.split('@')[1] ?? ''))) remember('EMAIL', f.value, 'force e-mail address');
        else if (f.entity === 'PHONE' && (team || venue)) remember('PHONE', f.value, 'published force phone number');
        else if ((f.entity === 'ADDRESS' || f.entity === 'POSTCODE') && venue) remember(f.entity, f.value, block.section === 'events' || block.kind === 'event' ? 'event venue' : 'station or office address');
      }
    }
    return learned;
  }
}

/** Set by index.ts to avoid an import cycle: raw detection of one block for learning. */
let learnDetect: (block: TextBlock) => Array<{ entity: Entity; value: string; reasons: string[] }> = () => [];
export function setLearnDetector(fn: typeof learnDetect): void {
  learnDetect = fn;
}
