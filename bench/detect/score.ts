/** Span scoring for the detection benchmark: lenient (overlap, same entity) and strict (exact span). */
import type { Entity } from '../../core/types.js';

export interface Span { entity: Entity; start: number; end: number }

export interface Counts { goldHit: number; gold: number; predHit: number; pred: number; strictTp: number }

export const emptyCounts = (): Counts => ({ goldHit: 0, gold: 0, predHit: 0, pred: 0, strictTp: 0 });

const overlaps = (a: Span, b: Span): boolean => a.entity === b.entity && a.start < b.end && b.start < a.end;

/** Adds one document's counts per entity into `into`. */
export function scoreDoc(gold: Span[], pred: Span[], into: Map<Entity, Counts>): void {
  const get = (e: Entity): Counts => {
    let c = into.get(e);
    if (!c) into.set(e, (c = emptyCounts()));
    return c;
  };
  for (const g of gold) {
    const c = get(g.entity);
    c.gold += 1;
    if (pred.some((p) => overlaps(g, p))) c.goldHit += 1;
    if (pred.some((p) => p.entity === g.entity && p.start === g.start && p.end === g.end)) c.strictTp += 1;
  }
  for (const p of pred) {
    const c = get(p.entity);
    c.pred += 1;
    if (gold.some((g) => overlaps(g, p))) c.predHit += 1;
  }
}

export interface Prf { p: number; r: number; f1: number; f2: number; strictF1: number }

export function prf(c: Counts): Prf {
  const p = c.pred ? c.predHit / c.pred : c.gold ? 0 : 1;
  const r = c.gold ? c.goldHit / c.gold : 1;
  const fb = (b: number): number => (p + r === 0 ? 0 : ((1 + b * b) * p * r) / (b * b * p + r));
  const sp = c.pred ? c.strictTp / c.pred : c.gold ? 0 : 1;
  const sr = c.gold ? c.strictTp / c.gold : 1;
  return { p, r, f1: fb(1), f2: fb(2), strictF1: sp + sr === 0 ? 0 : (2 * sp * sr) / (sp + sr) };
}

export function micro(all: Map<Entity, Counts>, only?: ReadonlySet<Entity>): Counts {
  const m = emptyCounts();
  for (const [e, c] of all) {
    if (only && !only.has(e)) continue;
    m.gold += c.gold; m.goldHit += c.goldHit; m.pred += c.pred; m.predHit += c.predHit; m.strictTp += c.strictTp;
  }
  return m;
}

/**
 * Recovers spans from a redactor that only returns the redacted string: the literal text between
 * placeholders is located in the original, in order; the gaps are the redacted spans.
 */
export function spansFromRedaction(original: string, redacted: string, placeholder: RegExp, label: (tag: string) => Entity | null): Span[] {
  const out: Span[] = [];
  const re = new RegExp(placeholder.source, 'g');
  const literals: string[] = [];
  const tags: string[] = [];
  let last = 0;
  for (const m of redacted.matchAll(re)) {
    literals.push(redacted.slice(last, m.index));
    tags.push(m[0]);
    last = m.index! + m[0].length;
  }
  literals.push(redacted.slice(last));
  let pos = 0;
  for (let i = 0; i < tags.length; i++) {
    const lit = literals[i]!;
    const at = lit ? original.indexOf(lit, pos) : pos;
    const gapStart = at >= 0 ? at + lit.length : pos;
    const nextLit = literals[i + 1]!;
    const nextAt = nextLit ? original.indexOf(nextLit, gapStart) : original.length;
    const gapEnd = nextAt >= 0 ? nextAt : gapStart;
    const entity = label(tags[i]!);
    if (entity && gapEnd > gapStart) out.push({ entity, start: gapStart, end: gapEnd });
    pos = gapEnd;
  }
  return out;
}
