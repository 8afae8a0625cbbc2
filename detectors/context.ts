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

/** Returns the first context phrase found in the window around [start,end), or null. */
export function findContext(spec: HotwordWindow, text: string, start: number, end: number, extra?: string): string | null {
  let re = compiled.get(spec);
  if (!re) {
    re = phraseRegex(spec.phrases);
    compiled.set(spec, re);
  }
  // one character more each side, so a word the window cuts through ("Hert|ford") is not read as a whole word
  const windowText = text.slice(Math.max(0, start - spec.windowBefore - 1), start) + ' ' + text.slice(end, end + spec.windowAfter + 1);
  const m = re.exec(windowText) ?? (extra ? re.exec(extra) : null);
  if (!m) return null;
  return normalisedHit(m[0]);
}
