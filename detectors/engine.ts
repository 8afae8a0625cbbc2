/**
 * Runs recognisers over (normalised) text: patterns → validate → context → threshold, plus
 * procedural `find` recognisers; resolves overlaps; chunks large inputs with overlap so that no
 * match is lost at a chunk border.
 */
import type { Entity } from '../core/types.js';
import type { HotwordWindow, PatternSpec, RawDetection, Recognizer, RecognizerEnv } from './types.js';
import { contextReach, findContext, hasContext } from './context.js';
import { isSpaceCode } from './chars.js';
import { boundedMemo } from './memo.js';

const DEFAULT_MIN_SCORE = 0.4;
export const CHUNK_SIZE = 256 * 1024;
export const CHUNK_OVERLAP = 4 * 1024;

export interface EngineOptions {
  env: RecognizerEnv;
  /** Text whose hotwords also count as context (a table's header row, a neighbouring heading). */
  extraContext?: string;
}

/** How far a match can extend from its nearest digit / '@' (a DVLA surname block is 5 letters; "17 September 2009"). */
const TRIGGER_REACH = { digit: 24, at: 128 } as const;
/** Windows closer than this (or than twice their reach, if less) are merged: fewer, larger slices are cheaper than many tiny ones. */
const MERGE_GAP = 48;

/** A window of text around trigger characters, with what a recogniser's prefilter needs to skip it. */
export interface TriggerWindow {
  start: number;
  end: number;
  /** text.slice(start, end), made once and shared by every recogniser. */
  text: string;
  /** Digits in the window: a recogniser whose matches need `minDigits` digits skips windows with fewer. */
  digits: number;
  /** Longest run of consecutive digits in the window (for `minDigitRun`). */
  longestRun: number;
  /** Most digits in one group (digits joined by nothing or one space, hyphen or dot) in the window (for `minDigitGroup`). */
  longestGroup: number;
}

/** Merged [start,end) windows around trigger characters, snapped outwards to whitespace. */
export function triggerWindows(text: string, trigger: 'digit' | 'at', reach: number = TRIGGER_REACH[trigger]): Array<[number, number]> {
  return windowsAround(text, triggerGroups(text, trigger), reach).map((w) => [w.start, w.end]);
}

/**
 * The trigger groups of a text, in order: for digits, whole digit groups ("12 34 56") joined by one
 * space, hyphen or dot ("WL.71.03.88.D", "77.91.05") or a line break, as PDF text wraps a number
 * ("485 777⏎3457"), so one group gives a window its group size; for '@', each '@'. Found once per
 * text and shared by every reach.
 */
export interface TriggerGroups {
  count: number;
  start: Int32Array;
  end: Int32Array;
  digits: Int32Array;
  /** Longest run of consecutive digits in the group. */
  run: Int32Array;
}

const TRIGGER_RE = { digit: /\d+(?:(?:[ .-]|\r?\n)\d+)*/g, at: /@/g } as const;

export function triggerGroups(text: string, trigger: 'digit' | 'at'): TriggerGroups {
  // small to start: most texts are a page's short blocks, and zeroed typed arrays are not free
  let cap = 16;
  let g: TriggerGroups = { count: 0, start: new Int32Array(cap), end: new Int32Array(cap), digits: new Int32Array(cap), run: new Int32Array(cap) };
  const re = TRIGGER_RE[trigger];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (g.count === cap) {
      cap *= 2;
      const grow = (a: Int32Array): Int32Array => { const b = new Int32Array(cap); b.set(a); return b; };
      g = { count: g.count, start: grow(g.start), end: grow(g.end), digits: grow(g.digits), run: grow(g.run) };
    }
    // digits and longest run, read from the match (a regex finds the groups faster than a loop over every character)
    const group = m[0];
    let digits = 0;
    let run = 0;
    let longest = 0;
    for (let i = 0; i < group.length; i++) {
      const c = group.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        digits++;
        if (++run > longest) longest = run;
      } else run = 0;
    }
    const k = g.count++;
    g.start[k] = m.index;
    g.end[k] = m.index + group.length;
    g.digits[k] = digits;
    g.run[k] = longest;
  }
  return g;
}

/**
 * Windows of `reach` around each group, merged when closer than MERGE_GAP (or twice the reach, if
 * less) and snapped outwards to whitespace. Every group lies in exactly one window, so digit counts add up.
 */
function windowsAround(text: string, g: TriggerGroups, reach: number): TriggerWindow[] {
  const mergeGap = Math.min(MERGE_GAP, 2 * reach);
  const n = text.length;
  const out: TriggerWindow[] = [];
  let ws = -1;
  let we = -1;
  let digits = 0;
  let run = 0;
  let group = 0;
  const close = (): void => {
    while (ws > 0 && !isSpaceCode(text.charCodeAt(ws - 1))) ws--;
    while (we < n && !isSpaceCode(text.charCodeAt(we))) we++;
    const last = out[out.length - 1];
    // snapping can make neighbours touch: they become one window
    if (last && ws <= last.end) {
      last.end = Math.max(last.end, we);
      last.digits += digits;
      if (run > last.longestRun) last.longestRun = run;
      if (group > last.longestGroup) last.longestGroup = group;
    } else out.push({ start: ws, end: we, text: '', digits, longestRun: run, longestGroup: group });
  };
  for (let k = 0; k < g.count; k++) {
    const s = Math.max(0, g.start[k]! - reach);
    const e = Math.min(n, g.end[k]! + reach);
    if (ws >= 0 && s <= we + mergeGap) {
      if (e > we) we = e;
      digits += g.digits[k]!;
      if (g.run[k]! > run) run = g.run[k]!;
      if (g.digits[k]! > group) group = g.digits[k]!;
      continue;
    }
    if (ws >= 0) close();
    ws = s;
    we = e;
    digits = g.digits[k]!;
    run = g.run[k]!;
    group = g.digits[k]!;
  }
  if (ws >= 0) close();
  for (const w of out) w.text = w.start === 0 && w.end === n ? text : text.slice(w.start, w.end);
  return out;
}

/**
 * One object per detection for its whole life: it is allocated with every field of the Finding it
 * becomes, in Finding's key order, and analyse()/assignSeverity() fill value, publicRole, severity
 * and recordId in place. On case-dense text, long-lived objects per finding are most of the
 * garbage-collection cost.
 */
export function newDetection(entity: Entity, detector: string, start: number, end: number, score: number, reasons: string[], publicRole: boolean | undefined): RawDetection {
  return { entity, start, end, value: '', score, detector, publicRole, reasons, severity: 'low', recordId: null } as RawDetection;
}

/** Reason strings are shared, not built per match. */
const contextReason = boundedMemo((hit) => `context:${hit}`, 10_000);

const patternReasons = new WeakMap<PatternSpec, string>();
const patternReason = (p: PatternSpec): string => {
  let r = patternReasons.get(p);
  if (r === undefined) patternReasons.set(p, (r = `pattern:${p.name}`));
  return r;
};

const WHOLE = (text: string): TriggerWindow[] => [{ start: 0, end: text.length, text, digits: Infinity, longestRun: Infinity, longestGroup: Infinity }];

/** A recogniser's exclusion windows as a list, made once per recogniser (runOne runs per recogniser per text). */
const exclusionLists = new WeakMap<Recognizer, readonly HotwordWindow[]>();
function excludesOf(rec: Recognizer): readonly HotwordWindow[] {
  let list = exclusionLists.get(rec);
  if (list === undefined) exclusionLists.set(rec, (list = ([] as HotwordWindow[]).concat(rec.context?.exclude ?? [])));
  return list;
}

function runOne(rec: Recognizer, text: string, opts: EngineOptions, out: RawDetection[], windowsFor: (t: 'digit' | 'at', reach: number) => TriggerWindow[]): void {
  const minScore = rec.minScore ?? DEFAULT_MIN_SCORE;
  const excludes = excludesOf(rec);
  const accept = (start: number, end: number, base: number, reasons: string[], publicRole?: boolean): void => {
    let score = base;
    if (excludes.some((w) => findContext(w, text, start, end))) return;
    if (rec.context) {
      const hit = findContext(rec.context, text, start, end, opts.extraContext);
      if (hit) {
        score = Math.min(1, score + rec.context.boost);
        reasons.push(contextReason(hit));
      } else if (rec.context.required) return;
    }
    if (score < minScore) return;
    out.push(newDetection(rec.entity, rec.name, start, end, Math.round(score * 100) / 100, reasons, publicRole));
  };
  const minDigits = rec.minDigits ?? 0;
  const minDigitRun = rec.minDigitRun ?? 0;
  const minDigitGroup = rec.minDigitGroup ?? 0;
  let windows = rec.patterns ? (rec.trigger ? windowsFor(rec.trigger, rec.triggerReach ?? TRIGGER_REACH[rec.trigger]) : WHOLE(text)) : [];
  if (minDigits || minDigitRun || minDigitGroup) windows = windows.filter((w) => w.digits >= minDigits && w.longestRun >= minDigitRun && w.longestGroup >= minDigitGroup);
  // a match that needs a context phrase can only stand near one: when the patterns would together scan
  // more than the whole text, one scan for the phrases first is cheaper (birth dates: 8 patterns, digit
  // windows over half of prose)
  if (rec.trigger && rec.context?.required && (rec.patterns?.length ?? 0) * coverage(windows) > text.length && !hasContext(rec.context, opts.extraContext)) {
    windows = nearContext(windows, contextReach(rec.context, text));
  }
  for (const p of rec.patterns ?? []) {
    const re = p.regex;
    for (const w of windows) {
      const sub = w.text;
      const ws = w.start;
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
        accept(start, end, base, p.publicRole ? [patternReason(p), p.publicRole] : [patternReason(p)], p.publicRole !== undefined);
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
      accept(c.start, c.end, c.score, c.reasons.slice(), c.publicRole);
    }
  }
}

const coverage = (windows: readonly TriggerWindow[]): number => {
  let n = 0;
  for (const w of windows) n += w.end - w.start;
  return n;
};

/** The windows that touch one of `reach` (both in text order). */
function nearContext(windows: TriggerWindow[], reach: Array<[number, number]>): TriggerWindow[] {
  const out: TriggerWindow[] = [];
  let j = 0;
  for (const w of windows) {
    while (j < reach.length && reach[j]![1] < w.start) j++;
    if (j < reach.length && reach[j]![0] <= w.end) out.push(w);
  }
  return out;
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

/** Whether any of `spans` overlaps [start, end): a follow-up pass adds nothing where something was already found. */
export function overlapsAny(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

/**
 * Index of the first of `dets` (disjoint and sorted by start, as resolveOverlaps leaves them) that ends
 * after `at`: the first that can overlap a span starting at `at`. A binary search.
 */
export function firstEndingAfter(dets: readonly { start: number; end: number }[], at: number): number {
  let lo = 0;
  let hi = dets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dets[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Keeps one detection per overlapping cluster (the better by absorption, score, then length). A
 * detection turned away only by one that later lost to a third comes back: "Mrs Rose Hill" beside an
 * address read back over her line, which then lost to the shorter address below it.
 */
export function resolveOverlaps(dets: RawDetection[]): RawDetection[] {
  const sorted = [...dets].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawDetection[] = [];
  const lost: RawDetection[] = [];
  for (const d of sorted) {
    // compare against every kept detection that overlaps (kept ones are disjoint, so check from the end)
    let keep = true;
    for (let k = out.length - 1; k >= 0; k--) {
      const o = out[k]!;
      if (o.end <= d.start) break;
      if (better(o, d)) { keep = false; break; }
    }
    if (!keep) {
      lost.push(d);
      continue;
    }
    while (out.length && out[out.length - 1]!.end > d.start) lost.push(out.pop()!);
    out.push(d);
  }
  if (!lost.length) return out;
  // a lost detection that overlaps nothing kept any more is kept after all (in order, so two such never overlap)
  const back: RawDetection[] = [];
  for (const d of lost.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const i = firstEndingAfter(out, d.start);
    if (i < out.length && out[i]!.start < d.end) continue;
    const prev = back[back.length - 1];
    if (prev && prev.end > d.start) continue;
    back.push(d);
  }
  if (!back.length) return out;
  return out.concat(back).sort((a, b) => a.start - b.start);
}

function runAll(text: string, recognizers: Recognizer[], opts: EngineOptions): RawDetection[] {
  const out: RawDetection[] = [];
  const groups = new Map<'digit' | 'at', TriggerGroups>();
  const cache = new Map<string, TriggerWindow[]>();
  const windowsFor = (t: 'digit' | 'at', reach: number): TriggerWindow[] => {
    const key = `${t}:${reach}`;
    let w = cache.get(key);
    if (!w) {
      let g = groups.get(t);
      if (!g) groups.set(t, (g = triggerGroups(text, t)));
      cache.set(key, (w = windowsAround(text, g, reach)));
    }
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
      d.start = start;
      d.end += winStart;
      all.push(d);
    }
  }
  return resolveOverlaps(all);
}
