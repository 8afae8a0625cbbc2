import type { Entity } from './types.js';

/**
 * Masks a raw value so a reviewer can recognise the kind and rough shape of what leaked
 * without the alert, log or list becoming a second leak. Deterministic, so masked values
 * can be stored in clear for lists and compared.
 */

const STREET_TYPES = new Set([
  'road', 'rd', 'street', 'st', 'avenue', 'ave', 'close', 'lane', 'ln', 'drive', 'dr', 'way', 'court', 'ct', 'crescent',
  'place', 'gardens', 'grove', 'terrace', 'hill', 'park', 'square', 'walk', 'mews', 'rise', 'green', 'view', 'row',
  'parade', 'gate', 'end', 'meadow', 'meadows', 'fields', 'field', 'wharf', 'yard', 'chase', 'croft', 'vale', 'wood',
]);

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'master']);

const starWord = (w: string): string => (w.length <= 1 ? w : w[0] + '*'.repeat(w.length - 1));

function maskPostcode(pc: string): string {
  const compact = pc.replace(/\s+/g, '').toUpperCase();
  if (compact.length < 5) return '*'.repeat(compact.length);
  return `${compact.slice(0, compact.length - 3)} ***`;
}

const POSTCODE_IN_TEXT = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/gi;

function maskName(v: string): string {
  return v
    .split(/(\s+|-)/)
    .map((w) => (/^\s+$|^-$/.test(w) || TITLES.has(w.toLowerCase().replace(/\.$/, '')) ? w : starWord(w)))
    .join('');
}

function maskAddressWords(v: string): string {
  const tokens = v.split(/(\s+|,)/);
  const isWord = (t: string | undefined) => t !== undefined && t !== '' && !/^\s+$|^,$/.test(t);
  return tokens
    .map((w, i) => {
      if (!isWord(w)) return w;
      if (/^\d+[a-z]?$/i.test(w)) return w; // house numbers alone identify nobody
      // Keep the street type only where it ends a street name ("Park Road" → "P*** Road"):
      // "Park", "Meadow" or "Green" are street types but also street names.
      const prev = tokens[i - 2];
      const nextIsType = tokens[i + 1] !== undefined && /^\s+$/.test(tokens[i + 1]) && STREET_TYPES.has((tokens[i + 2] ?? '').toLowerCase());
      if (STREET_TYPES.has(w.toLowerCase()) && isWord(prev) && !/^\d/.test(prev!) && !nextIsType) return w;
      return starWord(w);
    })
    .join('');
}

function maskAddress(v: string): string {
  // Postcodes are masked as a unit (district kept); the words around them word by word.
  let out = '';
  let last = 0;
  for (const m of v.matchAll(POSTCODE_IN_TEXT)) {
    out += maskAddressWords(v.slice(last, m.index)) + maskPostcode(m[0]);
    last = (m.index ?? 0) + m[0].length;
  }
  return out + maskAddressWords(v.slice(last));
}

function keepEdges(v: string, head: number, tail: number): string {
  const chars = [...v];
  let seen = 0;
  const significant = chars.filter((c) => /[a-z0-9]/i.test(c)).length;
  return chars
    .map((c) => {
      if (!/[a-z0-9]/i.test(c)) return c;
      seen += 1;
      return seen <= head || seen > significant - tail ? c : '*';
    })
    .join('');
}

export function maskValue(entity: Entity, value: string): string {
  const v = value.trim();
  switch (entity) {
    case 'PERSON':
      return maskName(v);
    case 'ADDRESS':
      return maskAddress(v);
    case 'POSTCODE':
      return maskPostcode(v);
    case 'EMAIL': {
      const at = v.lastIndexOf('@');
      if (at < 1) return keepEdges(v, 1, 0);
      return `${starWord(v.slice(0, at))}@${v.slice(at + 1)}`;
    }
    case 'PHONE':
      return keepEdges(v, 5, 0);
    case 'DATE_OF_BIRTH':
      return v.replace(/\d/g, '*');
    case 'VEHICLE_REG':
      return keepEdges(v, 2, 0);
    case 'PAYMENT_CARD':
    case 'BANK_ACCOUNT':
      return keepEdges(v, 0, 2);
    default:
      return keepEdges(v, 2, 0);
  }
}
