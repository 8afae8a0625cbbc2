import { TITLES } from './gazetteer/lexicon.js';
import { boundedMemo } from './memo.js';

/**
 * Normalised key of a private person, for counting distinct data subjects across a page or a
 * sweep: case-, whitespace-, apostrophe- and title-insensitive ("Mrs Janet O'Neill" == "JANET O’NEILL").
 */
export const subjectKey: (personValue: string) => string = boundedMemo(computeKey, 50_000);

function computeKey(personValue: string): string {
  const words = personValue
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/ı/g, 'i')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^\p{L}' \-]+/gu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[-']+|[-']+$/g, ''))
    .filter(Boolean);
  // "OKAFOR, Adaeze" was flattened to "okafor adaeze" above; the comma form is rare enough to keep as-is.
  while (words.length > 1 && TITLES.has(words[0]!)) words.shift();
  return words.join(' ');
}
