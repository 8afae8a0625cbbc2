/**
 * Leakwatch detection API: detect() on one text, detectBlocks() on a page's blocks.
 * Pipeline: normalise (offset map) → recognisers (chunked) → overlaps → repeat mentions of found
 * people and streets, table cells read by their column → public-role → records →
 * severity → offsets mapped back to the caller's text.
 */
import type { BlockKind, PageSection, TextBlock, Entity, DetectionResult, Finding, DetectedRecord } from '../core/types.js';
import type { RawDetection, Recognizer } from './types.js';
import { normalise, toOriginal } from './normalize.js';
import { detectRaw, resolveOverlaps } from './engine.js';
import { repeatMentions, repeatStreets } from './mentions.js';
import { tableCells } from './table-rows.js';
import { datesBesideNames, datesWithAges, streetsBesideNames, aliasesBesideNames, lowerCaseHomesBesideNames, forenamesBeforeHomes } from './beside-names.js';
import { classifyPublicRole, assignSeverity, markPublicPhones, unmarkPrivateContacts, surnamesOf, type ClassifiedDetection } from './records.js';
import { AllowList, setLearnDetector, type AllowEntry } from './allowlist.js';
import { subjectKey } from './subject.js';
import { ALL_RECOGNIZERS } from './recognizers/index.js';

export { ALL_RECOGNIZERS } from './recognizers/index.js';
export { AllowList, BUILTIN_ALLOW, type AllowEntry, type AllowEntryInput } from './allowlist.js';
export { subjectKey } from './subject.js';
export type { Recognizer, PatternSpec, ContextSpec, Candidate, RecognizerEnv } from './types.js';

export interface DetectionContext {
  kind?: BlockKind;
  section?: PageSection;
  allowList?: AllowList;
  /** default 'r' → recordIds 'r1', 'r2'… */
  recordIdPrefix?: string;
}

interface InternalOptions extends DetectionContext {
  extraContext?: string;
  pagePublicPersons?: ReadonlySet<string>;
  recordIdFor?: (n: number) => string;
  recognizers?: readonly Recognizer[];
}

interface Analysis {
  norm: ReturnType<typeof normalise>;
  dets: ClassifiedDetection[];
}

/**
 * Adds `extra` detections that lie outside every one of `sorted` (disjoint, by start) in one linear
 * merge; of extras that overlap each other the first is kept. Cheaper than resolveOverlaps' sort on
 * case-dense text, where tens of thousands of findings are already in order.
 */
function mergeDisjoint(sorted: RawDetection[], extra: RawDetection[]): RawDetection[] {
  extra.sort((a, b) => a.start - b.start);
  const out: RawDetection[] = [];
  let i = 0;
  for (const x of extra) {
    while (i < sorted.length && sorted[i]!.start < x.start) out.push(sorted[i++]!);
    const prev = out[out.length - 1];
    if (prev && prev.end > x.start) continue;
    out.push(x);
  }
  while (i < sorted.length) out.push(sorted[i++]!);
  return out;
}

const NO_NAMES: ReadonlySet<string> = new Set();
/** Text within one sentence: no full stop, question or exclamation mark, or line break. */
const SAME_SENTENCE = /^[^.!?\n]{0,100}$/;

function analyse(text: string, opts: InternalOptions): Analysis {
  const norm = normalise(text);
  const teamBlock = opts.section === 'team' || opts.kind === 'team-member';
  let raw: RawDetection[] = detectRaw(norm.text, [...(opts.recognizers ?? ALL_RECOGNIZERS)], { env: { teamBlock }, extraContext: opts.extraContext });
  const table = tableCells(norm.text, raw, opts.kind, opts.extraContext);
  if (table.add.length || table.drop.size) raw = resolveOverlaps(raw.filter((d) => !table.drop.has(d)).concat(table.add));
  // follow-ups of what was found: repeat mentions and streets, facts written beside a name
  const followUps = repeatMentions(norm.text, raw).concat(repeatStreets(norm.text, raw), datesBesideNames(norm.text, raw), datesWithAges(norm.text, raw), streetsBesideNames(norm.text, raw), aliasesBesideNames(norm.text, raw), lowerCaseHomesBesideNames(norm.text, raw), forenamesBeforeHomes(norm.text, raw));
  if (followUps.length) raw = mergeDisjoint(raw, followUps);
  const classifyCtx = { kind: opts.kind, section: opts.section, allowList: opts.allowList, pagePublicPersons: opts.pagePublicPersons, header: opts.extraContext };
  // the raw detections are fresh objects: classified in place
  const dets = raw as ClassifiedDetection[];
  for (const d of dets) {
    const value = norm.text.slice(d.start, d.end);
    d.publicRole = classifyPublicRole(d, value, norm.text, classifyCtx);
    d.value = value;
  }
  // a team block's person found beside a birth date or a home is private, and so is every mention of them
  const privateByFacts = new Set<string>();
  for (const d of dets) if (d.entity === 'PERSON' && d.reasons.includes('private:case-facts-beside-name')) privateByFacts.add(subjectKey(d.value));
  if (privateByFacts.size) {
    const privateSurnames = surnamesOf(privateByFacts);
    let lastPrivate: RawDetection | null = null;
    for (const d of dets) {
      if (d.entity === 'PERSON') {
        const key = subjectKey(d.value);
        // (a later "Mrs Wiśniewska" is the same member of the public)
        const isPrivate = privateByFacts.has(key) || (!key.includes(' ') && privateSurnames.has(key));
        lastPrivate = isPrivate && !d.reasons.includes('allow:rank') ? d : null;
        if (!lastPrivate || !d.publicRole) continue;
        d.publicRole = false;
        d.reasons.push('private:named-with-case-facts');
        continue;
      }
      // "…Mrs Wiśniewska prefers calls after 2pm on 07700 900284": the block's number allowance is not hers
      if (lastPrivate && (d.entity === 'PHONE' || d.entity === 'EMAIL') && d.publicRole && d.reasons.includes('allow:contact-block') && SAME_SENTENCE.test(norm.text.slice(lastPrivate.end, d.start))) {
        d.publicRole = false;
        d.reasons.push('private:contact-of-named-with-case-facts');
      }
    }
  }
  // second look: people named with a rank in this text make later bare mentions of them public too
  // (the page's set is copied only when this text adds to it: detectBlocks passes it to every block)
  let localPublic: ReadonlySet<string> = opts.pagePublicPersons ?? NO_NAMES;
  let own: Set<string> | null = null;
  for (const d of dets) {
    if (d.entity !== 'PERSON' || !d.publicRole) continue;
    const key = subjectKey(d.value);
    if (localPublic.has(key)) continue;
    if (!own) localPublic = own = new Set(localPublic);
    own.add(key);
  }
  if (localPublic.size) {
    for (const d of dets) {
      if (d.entity !== 'PERSON' || d.publicRole || d.reasons.includes('private:named-with-case-facts')) continue;
      d.publicRole = classifyPublicRole(d, d.value, norm.text, { kind: opts.kind, section: opts.section, pagePublicPersons: localPublic });
    }
  }
  unmarkPrivateContacts(norm.text, dets);
  markPublicPhones(norm.text, dets);
  return { norm, dets };
}

function finish(text: string, a: Analysis, opts: InternalOptions): DetectionResult {
  const prefix = opts.recordIdPrefix ?? 'r';
  const recordIdFor = opts.recordIdFor ?? ((n: number) => `${prefix}${n}`);
  const { findings, records } = assignSeverity(a.norm.text, a.dets, { kind: opts.kind, recordIdFor, extraContext: opts.extraContext });
  // the findings are fresh objects: map their offsets back to the caller's text in place
  const identity = !a.norm.edits && a.norm.text === text;
  for (const f of findings) {
    if (identity) continue; // same string, same offsets, same value
    const [start, end] = toOriginal(a.norm, f.start, f.end);
    f.start = start;
    f.end = end;
    f.value = text.slice(start, end);
  }
  return { findings, records };
}

/**
 * Detects personal data in `text`. Offsets are JS string offsets into `text` exactly as given,
 * even after internal normalisation; large inputs are chunked with overlap.
 */
export function detect(text: string, ctx: DetectionContext = {}): DetectionResult {
  return finish(text, analyse(text, ctx), ctx);
}

const HEADER_HINT = /\b(?:name|surname|forename|dob|date of birth|address|postcode|role|victim|perpetrator|offender|suspect|witness|nature|offence|reg(?:istration)?|vehicle|ni number|nhs|tenant|officer|oic|caseworker)\b/i;

/** The header row of the table a row block belongs to: the nearest earlier row without digits that names columns. */
function headerFor(blocks: TextBlock[], i: number): string | undefined {
  const kind = blocks[i]!.kind;
  if (kind !== 'table-row' && kind !== 'cell-row') return undefined;
  for (let j = i - 1, seen = 0; j >= 0 && seen < 200; j--, seen++) {
    const b = blocks[j]!;
    if (b.kind !== kind) break;
    if (!/\d/.test(b.text) && HEADER_HINT.test(b.text)) return b.text;
  }
  return undefined;
}

/**
 * Runs detect() per block with page context: table header rows act as context for their rows,
 * and people named with a rank or on a team block anywhere on the page are public-role in every
 * block. recordIds are `${recordIdPrefix}:${blockIndex}:${n}`.
 */
export function detectBlocks(blocks: TextBlock[], ctx: { allowList?: AllowList; recordIdPrefix: string }): Array<DetectionResult & { blockIndex: number }> {
  // each row's header, found once: it walks back up to 200 blocks
  const headers = blocks.map((_, i) => headerFor(blocks, i));
  const analyses = blocks.map((b, i) =>
    analyse(b.text, { kind: b.kind, section: b.section, allowList: ctx.allowList, extraContext: headers[i] }),
  );
  const pagePublic = new Set<string>();
  for (const a of analyses) for (const d of a.dets) if (d.entity === 'PERSON' && d.publicRole) pagePublic.add(subjectKey(d.value));
  return blocks.map((b, i) => {
    let a = analyses[i]!;
    if (pagePublic.size && a.dets.some((d) => d.entity === 'PERSON' && !d.publicRole && pagePublic.has(subjectKey(d.value)))) {
      a = analyse(b.text, { kind: b.kind, section: b.section, allowList: ctx.allowList, extraContext: headers[i], pagePublicPersons: pagePublic });
    }
    const res = finish(b.text, a, {
      kind: b.kind, extraContext: headers[i], recordIdFor: (n) => `${ctx.recordIdPrefix}:${i}:${n}`,
    });
    return { ...res, blockIndex: i };
  });
}

// AllowList.learn() needs raw detection of a block without an allow-list.
setLearnDetector((block: TextBlock) => {
  const a = analyse(block.text, { kind: block.kind, section: block.section });
  return a.dets.map((d) => ({ entity: d.entity as Entity, value: d.value, reasons: d.reasons }));
});

export type { Finding, DetectedRecord, AllowEntry as AllowListEntry };
