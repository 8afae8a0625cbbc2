/**
 * Literal prefilters for case-insensitive word regexes: a regex such as /\bharass/i can only
 * match text whose lower-case form contains "harass". requiredLiterals() reads a regex's source
 * and returns, for each top-level alternative, its longest run of plain letters that every match
 * must contain; null when some alternative has none (then the regex is always run).
 *
 * Exact for regexes without the /u flag: case-insensitive matching there never lets a non-ASCII
 * character match an ASCII letter, and toLowerCase() keeps runs of ASCII letters contiguous.
 */

const MIN_LITERAL = 3;

function splitTopLevel(src: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { out.push(src.slice(from, i)); from = i + 1; }
  }
  if (depth !== 0 || inClass) return null;
  out.push(src.slice(from));
  return out;
}

/** Longest run of letters every match of `alt` (one alternative, no top-level '|') must contain. */
function longestRequiredRun(alt: string): string {
  let best = '';
  let run = '';
  const flush = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < alt.length; i++) {
    const c = alt[i]!;
    if (/[A-Za-z]/.test(c)) {
      const q = alt[i + 1];
      if (q === '?' || q === '*' || q === '{') { flush(); continue; } // optional or counted: not required as written
      run += c.toLowerCase();
      if (q === '+') flush();
      continue;
    }
    flush();
    if (c === '\\') { i++; continue; } // \b, \s, \d…: never part of a literal
    if (c === '[') { // a class: skip it (and its quantifier, if any, is handled as a non-letter)
      for (i++; i < alt.length && alt[i] !== ']'; i++) if (alt[i] === '\\') i++;
      continue;
    }
    if (c === '(') { // a group: skip it whole; its quantifier may make it optional
      let depth = 1;
      for (i++; i < alt.length && depth > 0; i++) {
        if (alt[i] === '\\') { i++; continue; }
        if (alt[i] === '(') depth++;
        else if (alt[i] === ')') depth--;
      }
      i--;
      continue;
    }
  }
  flush();
  return best;
}

/** For each top-level alternative a lower-case literal it must contain, or null (no usable prefilter). */
export function requiredLiterals(re: RegExp): string[] | null {
  if (re.flags.includes('u') || re.flags.includes('v')) return null;
  const alts = splitTopLevel(re.source);
  if (!alts) return null;
  const lits = alts.map(longestRequiredRun);
  return lits.every((l) => l.length >= MIN_LITERAL) ? [...new Set(lits)] : null;
}

/** A test(lowerText) that is false only when `re` cannot match the text whose toLowerCase() is lowerText. */
export function literalGate(re: RegExp): (lower: string) => boolean {
  const lits = requiredLiterals(re);
  if (!lits) return () => true;
  return (lower) => {
    for (const l of lits) if (lower.includes(l)) return true;
    return false;
  };
}
