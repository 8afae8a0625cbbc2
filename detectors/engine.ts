/**
 * Runs recognisers over (normalised) text: patterns → validate → context → threshold, plus
 * procedural `find` recognisers; resolves overlaps; chunks large inputs with overlap so that no
 * match is lost at a chunk border.
 */
import type { Entity } from '../core/types.js';
import type { RawDetection, Recognizer, RecognizerEnv } from './types.js';
import { findContext } from './context.js';

const DEFAULT_MIN_SCORE = 0.4;
export const CHUNK_SIZE = 256 * 1024;
export const CHUNK_OVERLAP = 4 * 1024;

export interface EngineOptions {
  env: RecognizerEnv;
  /** Text whose hotwords also count as context (a table's header row, a neighbouring heading). */
  extraContext?: string;
}

const TRIGGER_RE = { digit: /\d+/g, at: /@/g } as const;
/** How far a match can extend from its nearest digit / '@' (a DVLA surname block is 5 letters; "17 September 2009"). */
const TRIGGER_REACH = { digit: 24, at: 128 } as const;
/** Windows closer than this are merged: fewer, larger slices are cheaper than many tiny ones. */
const MERGE_GAP = 48;

/** Merged [start,end) windows around trigger characters, snapped outwards to whitespace. */
export function triggerWindows(text: string, trigger: 'digit' | 'at'): Array<[number, number]> {
  const re = TRIGGER_RE[trigger];
  const reach = TRIGGER_REACH[trigger];
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let s = Math.max(0, m.index - reach);
    let e = Math.min(text.length, m.index + m[0].length + reach);
    const last = out[out.length - 1];
    if (last && s <= last[1] + MERGE_GAP) {
      last[1] = Math.max(last[1], e);
      continue;
    }
    out.push([s, e]);
  }
  for (const w of out) {
    while (w[0] > 0 && !/\s/.test(text[w[0] - 1]!)) w[0]--;
    while (w[1] < text.length && !/\s/.test(text[w[1]]!)) w[1]++;
  }
  // snapping can make neighbours touch
  const merged: Array<[number, number]> = [];
  for (const w of out) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}

function runOne(rec: Recognizer, text: string, opts: EngineOptions, out: RawDetection[], windowsFor: (t: 'digit' | 'at') => Array<[number, number]>): void {
  const minScore = rec.minScore ?? DEFAULT_MIN_SCORE;
  const accept = (start: number, end: number, base: number, reasons: string[], publicRole?: boolean): void => {
    let score = base;
    if (rec.context) {
      const hit = findContext(rec.context, text, start, end, opts.extraContext);
      if (hit) {
        score = Math.min(1, score + rec.context.boost);
        reasons.push(`context:${hit}`);
      } else if (rec.context.required) return;
    }
    if (score < minScore) return;
    out.push({ entity: rec.entity, detector: rec.name, start, end, score: Math.round(score * 100) / 100, reasons, publicRole });
  };
  const windows: Array<[number, number]> = rec.trigger ? windowsFor(rec.trigger) : [[0, text.length]];
  for (const p of rec.patterns ?? []) {
    const re = p.regex;
    for (const [ws, we] of windows) {
    const sub = ws === 0 && we === text.length ? text : text.slice(ws, we);
    re.lastIndex = 0;
    for (let m = re.exec(sub); m; m = re.exec(sub)) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      const value = p.group ? m[p.group] : m[0];
      if (value === undefined) continue;
      const start = ws + (p.group ? m.index + m[0].indexOf(value) : m.index);
      const end = start + value.length;
      let base = p.score;
      if (rec.validate) {
        const v = rec.validate(value, text, start);
        if (v === false || v === 0) continue;
        if (typeof v === 'number') base = v;
      }
      accept(start, end, base, [`pattern:${p.name}`]);
    }
    }
  }
  if (rec.find) {
    for (const c of rec.find(text, opts.env)) {
      if (rec.validate) {
        const v = rec.validate(text.slice(c.start, c.end), text, c.start);
        if (v === false || v === 0) continue;
        if (typeof v === 'number') c.score = v;
      }
      accept(c.start, c.end, c.score, [...c.reasons], c.publicRole);
    }
  }
}

/** Entities a longer span of another entity may swallow (a postcode inside an address). */
const ABSORBS: Partial<Record<Entity, Entity[]>> = {
  ADDRESS: ['POSTCODE', 'PERSON', 'VEHICLE_REG', 'DATE_OF_BIRTH'],
  PERSON: ['VEHICLE_REG'],
  DRIVING_LICENCE: ['PASSPORT', 'VEHICLE_REG', 'POSTCODE'],
  EMAIL: ['PERSON', 'PHONE', 'POSTCODE', 'VEHICLE_REG'],
  PAYMENT_CARD: ['PHONE', 'NHS_NUMBER', 'BANK_ACCOUNT', 'PASSPORT'],
};

const better = (a: RawDetection, b: RawDetection): boolean => {
  if ((ABSORBS[a.entity] ?? []).includes(b.entity) && a.start <= b.start && a.end >= b.end) return true;
  if ((ABSORBS[b.entity] ?? []).includes(a.entity) && b.start <= a.start && b.end >= a.end) return false;
  if (a.score !== b.score) return a.score > b.score;
  return a.end - a.start > b.end - b.start;
};

/** Keeps one detection per overlapping cluster (the better by absorption, score, then length). */
export function resolveOverlaps(dets: RawDetection[]): RawDetection[] {
  const sorted = [...dets].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawDetection[] = [];
  for (const d of sorted) {
    // compare against every kept detection that overlaps (kept ones are disjoint, so check from the end)
    let keep = true;
    for (let k = out.length - 1; k >= 0; k--) {
      const o = out[k]!;
      if (o.end <= d.start) break;
      if (better(o, d)) { keep = false; break; }
    }
    if (!keep) continue;
    while (out.length && out[out.length - 1]!.end > d.start) out.pop();
    out.push(d);
  }
  return out;
}

function runAll(text: string, recognizers: Recognizer[], opts: EngineOptions): RawDetection[] {
  const out: RawDetection[] = [];
  const cache = new Map<string, Array<[number, number]>>();
  const windowsFor = (t: 'digit' | 'at'): Array<[number, number]> => {
    let w = cache.get(t);
    if (!w) cache.set(t, (w = triggerWindows(text, t)));
    return w;
  };
  for (const rec of recognizers) runOne(rec, text, opts, out, windowsFor);
  return out;
}

/** Detects over the whole text; inputs above CHUNK_SIZE are processed in overlapping windows. */
export function detectRaw(text: string, recognizers: Recognizer[], opts: EngineOptions): RawDetection[] {
  if (text.length <= CHUNK_SIZE + CHUNK_OVERLAP) return resolveOverlaps(runAll(text, recognizers, opts));
  const all: RawDetection[] = [];
  for (let own = 0; own < text.length; own += CHUNK_SIZE) {
    const ownEnd = Math.min(text.length, own + CHUNK_SIZE);
    const winStart = Math.max(0, own - CHUNK_OVERLAP);
    const winEnd = Math.min(text.length, ownEnd + CHUNK_OVERLAP);
    const window = text.slice(winStart, winEnd);
    for (const d of runAll(window, recognizers, opts)) {
      const start = d.start + winStart;
      // a chunk owns the matches that start inside it; the overlap only supplies context and tails
      if (start < own || start >= ownEnd) continue;
      // a match touching the window's cut edge may be truncated; the neighbouring chunk sees it whole
      if (d.start === 0 && winStart > 0) continue;
      all.push({ ...d, start, end: d.end + winStart });
    }
  }
  return resolveOverlaps(all);
}
