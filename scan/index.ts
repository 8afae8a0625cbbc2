import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Entity, Severity, TextBlock } from '../core/types.js';
import { ConfigError, LeakwatchError } from '../core/errors.js';
import { maskValue } from '../core/mask.js';
import { AllowList, detect, detectBlocks } from '../detectors/index.js';
import type { DetectionPool } from '../detectors/pool.js';
import { extractDocument, guessDocumentType, type DocumentType } from '../crawler/index.js';
import { htmlToAlignedText } from '../crawler/html-text.js';

/**
 * Pre-publication scan: the same extractors and detectors as a sweep, run on local files.
 * Text and HTML are scanned in place, so offsets point into the file as given; other
 * documents are scanned block by block and each finding names its block (page, sheet!cell).
 */
export interface ScanFinding {
  file: string;
  entity: Entity;
  value: string;
  start: number;
  end: number;
  score: number;
  severity: Severity;
  recordId: string | null;
  /** Only for documents scanned block by block: where the offsets apply. */
  location?: string;
}

export const SCAN_TYPES = ['pdf', 'docx', 'xlsx', 'ods', 'csv', 'html', 'text'] as const;

export interface ScanInput { name: string; bytes: Buffer }

export async function readScanInput(path: string): Promise<ScanInput> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return { name: '-', bytes: Buffer.concat(chunks) };
  }
  try {
    return { name: path, bytes: await readFile(path) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code ?? String(err)}`, 'check the path, or pass - to read plain text from stdin');
  }
}

/**
 * `detection`: a pool to detect in (the CLI's), so that an input a detector runs away on ends in a
 * DetectionError at its deadline instead of a scan that never returns; in-process without one.
 */
export async function scanInput(input: ScanInput, opts: { type?: DocumentType; reveal?: boolean; detection?: DetectionPool } = {}): Promise<ScanFinding[]> {
  const type = opts.type ?? (input.name === '-' ? 'text' : guessDocumentType(basename(input.name), undefined, input.bytes));
  if (!type) throw new LeakwatchError(`${input.name}: cannot tell what kind of document this is`, `pass --type ${SCAN_TYPES.join('|')}`);
  const show = (entity: Entity, value: string) => (opts.reveal ? value : maskValue(entity, value));

  if (type === 'text' || type === 'html') {
    const raw = input.bytes.toString('utf8');
    const text = type === 'html' ? htmlToAlignedText(raw) : raw;
    const result = opts.detection ? await opts.detection.detectText(text, { name: input.name }) : detect(text);
    return result.findings.map((f) => ({
      file: input.name, entity: f.entity, value: show(f.entity, raw.slice(f.start, f.end)), start: f.start, end: f.end,
      score: round(f.score), severity: f.severity, recordId: f.recordId,
    }));
  }

  const blocks: TextBlock[] = await extractDocument(input.bytes, type, { name: input.name });
  const results = opts.detection
    ? await opts.detection.detectPage(blocks, { url: input.name, allowList: new AllowList([], { builtins: false }), recordIdPrefix: 'r', learn: false })
    : detectBlocks(blocks, { recordIdPrefix: 'r' });
  return results.flatMap((r) =>
    r.findings.map((f) => ({
      file: input.name, entity: f.entity, value: show(f.entity, f.value), start: f.start, end: f.end,
      score: round(f.score), severity: f.severity, recordId: f.recordId, location: blocks[r.blockIndex].location,
    })),
  );
}

const round = (n: number) => Math.round(n * 100) / 100;
