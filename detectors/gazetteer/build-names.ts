/**
 * Regenerates names.generated.json: forenames and surnames from @faker-js/faker's Latin-script
 * locales (an MIT-licensed, curated name source covering many origins), folded to ASCII too.
 * Hand-written UK lists in names.ts are merged at load time. Run: npx tsx detectors/gazetteer/build-names.ts
 */
import { writeFileSync } from 'node:fs';
import * as faker from '@faker-js/faker';
import type { LocaleDefinition } from '@faker-js/faker';

const LOCALES = [
  'en', 'en_GB', 'en_IE', 'en_IN', 'en_NG', 'en_GH', 'yo_NG', 'zu_ZA', 'af_ZA', 'pl', 'tr', 'de', 'fr', 'it', 'es', 'pt_PT',
  'ro', 'nl', 'sk', 'cs_CZ', 'hu', 'lv', 'hr', 'sr_RS_latin', 'vi', 'id_ID', 'sv', 'nb_NO', 'da', 'fi',
];

const fold = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ß/g, 'ss');

function flatten(x: unknown): string[] {
  if (!x) return [];
  if (Array.isArray(x)) return x.flatMap((v) => (typeof v === 'string' ? [v] : flatten(v)));
  if (typeof x === 'object') return Object.values(x as Record<string, unknown>).flatMap(flatten);
  return [];
}

const forenames = new Set<string>();
const surnames = new Set<string>();
for (const name of LOCALES) {
  const def = (faker as unknown as Record<string, LocaleDefinition | undefined>)[name];
  const person = def?.person as Record<string, unknown> | undefined;
  if (!person) continue;
  for (const [key, set] of [['first_name', forenames], ['last_name', surnames]] as const) {
    for (const raw of flatten(person[key])) {
      for (const part of raw.split(/\s+/)) {
        if (!/^[\p{Lu}][\p{L}'’-]+$/u.test(part) || part.length < 2) continue;
        set.add(part.toLowerCase());
        set.add(fold(part).toLowerCase());
      }
    }
  }
}
const out = { source: `@faker-js/faker locales: ${LOCALES.join(', ')}`, forenames: [...forenames].sort(), surnames: [...surnames].sort() };
writeFileSync(new URL('./names.generated.json', import.meta.url), JSON.stringify(out));
console.error(`forenames ${out.forenames.length}, surnames ${out.surnames.length}`);
