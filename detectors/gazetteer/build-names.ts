/**
 * Regenerates names.generated.json: forenames and surnames from @faker-js/faker's Latin-script
 * locales (an MIT-licensed, curated name source covering many origins), folded to ASCII too.
 * Hand-written UK lists in names.ts are merged at load time. Run: npx tsx detectors/gazetteer/build-names.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import wordListPath from 'word-list';
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

// A second, wider list: humannames (~200k first and last names from censuses and social media, MIT) less
// every English word (word-list, MIT), nationality words and the Welsh words house names are made of.
// It cannot say which names are forenames, so names.ts adds it to the surnames only, after its own lists.
const require = createRequire(import.meta.url);
const english = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
const NOT_NAMES = new Set(`irish scottish welsh english british polish romanian lithuanian latvian albanian kurdish somali eritrean
  nigerian ghanaian indian pakistani bangladeshi chinese vietnamese turkish greek italian spanish portuguese french german dutch
  awel gwyn wen mawr fawr bach fach isaf uchaf newydd hir coed afon nant pant celyn derw onnen glas teg melyn ddu goch llwyd
  hafan hafod gorwel tawel heulog eithin grug rhos gwaun maes cae ffordd heol lon`.split(/\s+/));
const humannames = readFileSync(require.resolve('humannames/list.txt'), 'utf8').split(/\r?\n/);
const extra = new Set<string>();
for (const raw of humannames) {
  if (!/^[A-Z][a-z'’-]{2,}$/.test(raw)) continue;
  const k = raw.toLowerCase();
  if (english.has(k) || NOT_NAMES.has(k) || forenames.has(k) || surnames.has(k)) continue;
  extra.add(k);
}
const extraOut = { source: 'humannames 1.0.5 less word-list 4.1.0 English words, nationality and Welsh house-name words, and the faker names', surnames: [...extra].sort() };
writeFileSync(new URL('./names-extra.generated.json', import.meta.url), JSON.stringify(extraOut));
console.error(`extra surnames ${extraOut.surnames.length}`);
