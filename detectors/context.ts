import type { HotwordWindow } from './types.js';
import { boundedMemo } from './memo.js';
import { escapeRegExp } from './chars.js';

/**
 * Google-DLP-style hotwords: phrases are matched as whole words, case-insensitively, with any
 * run of whitespace, hyphens or dots between their words ("date of birth", "D.O.B", "number plate").
 */
const compiled = new WeakMap<HotwordWindow, RegExp>();


export function phraseRegex(phrases: string[], flags = 'i'): RegExp {
  const alts = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.trim().split(/[\s.\-]+/).filter(Boolean).map(escapeRegExp).join('[\\s.\\-]*'));
  return new RegExp(`(?<![A-Za-z])(?:${alts.join('|')})(?![A-Za-z])`, flags);
}

/** Matched phrase → its normalised form (phrases are few: "DOB", "Date of birth"…). */
const normalisedHit = boundedMemo((hit) => hit.toLowerCase().replace(/\s+/g, ' '), 10_000);

function regexFor(spec: HotwordWindow): RegExp {
  let re = compiled.get(spec);
  if (!re) {
    re = phraseRegex(spec.phrases, 'gi');
    compiled.set(spec, re);
  }
  return re;
}

/**
 * Returns the first context phrase found in the window around [start,end), or null. A phrase counts
 * when it lies wholly inside the window before the match ([start - windowBefore, start)) or after it
 * ([end, end + windowAfter)) and is a whole word in the text itself: each slice keeps one real
 * character beyond its window, so a word the window cuts through ("Hert|ford") is not read as "ford".
 */
export function findContext(spec: HotwordWindow, text: string, start: number, end: number, extra?: string): string | null {
  const re = regexFor(spec);
  const bs = Math.max(0, start - spec.windowBefore - 1);
  const before = text.slice(bs, Math.min(text.length, start + 1));
  const firstOk = bs === 0 ? 0 : 1;
  re.lastIndex = 0;
  for (let m = re.exec(before); m; m = re.exec(before)) {
    if (m.index >= firstOk && bs + m.index + m[0].length <= start) return normalisedHit(m[0]);
    // a phrase cut by the window's edge may hide a shorter one inside it ("One example reads": "example reads")
    if (m.index < firstOk) re.lastIndex = m.index + 1;
  }
  const as = Math.max(0, end - 1);
  const after = text.slice(as, Math.min(text.length, end + spec.windowAfter + 1));
  const lastEnd = end + spec.windowAfter >= text.length ? text.length : end + spec.windowAfter;
  re.lastIndex = end - as;
  for (let m = re.exec(after); m; m = re.exec(after)) {
    if (as + m.index + m[0].length <= lastEnd) return normalisedHit(m[0]);
  }
  return extra ? hitIn(re, extra) : null;
}

/** The first phrase `re` finds anywhere in `text` (a table's header row), normalised, or null. */
function hitIn(re: RegExp, text: string): string | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  return m ? normalisedHit(m[0]) : null;
}

/**
 * Where a match may stand and still find a phrase of `spec` in its window: one [from, to] range per
 * phrase in `text` (the phrase widened by the windows). A recogniser whose matches need a phrase
 * looks for them only in windows that touch these; none when no phrase occurs at all.
 */
export function contextReach(spec: HotwordWindow, text: string): Array<[from: number, to: number]> {
  const re = regexFor(spec);
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index - spec.windowAfter, m.index + m[0].length + spec.windowBefore]);
  return out;
}

/** Whether `extra` (a table's header row) holds a phrase of `spec`: then every match has its context. */
export function hasContext(spec: HotwordWindow, extra: string | undefined): boolean {
  return !!extra && hitIn(regexFor(spec), extra) !== null;
}
