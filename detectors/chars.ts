/** Character tests on UTF-16 code units, for hot loops that would otherwise run a regex per character. */

/** Exactly the characters JavaScript's `\s` matches. */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `s` as a literal inside a regular expression's source. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A Latin letter: ASCII, Latin-1 and Latin Extended-A/B, without × and ÷. */
export const isLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);

/** An ASCII digit. */
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** A space or a tab: what `[ \t]` matches in the grammars. */
export const isBlankCode = (c: number): boolean => c === 32 || c === 9;

/** `end` moved back over the spaces just before it (`isSpace` says which count; any white space by default). */
export function backOverSpaces(s: string, end: number, isSpace: (c: number) => boolean = isSpaceCode): number {
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  return end;
}
