import type { TextBlock } from '../../core/types.js';
import { DocumentRejectedError } from '../../core/errors.js';
import { staticHtmlBlocks } from '../static-extract.js';
import { extractDocx } from './docx.js';
import { extractOds } from './ods.js';
import { extractPdf } from './pdf.js';
import { decodeText, extractCsv, extractText } from './text.js';
import { extractXlsx } from './xlsx.js';
import { DEFAULT_ZIP_LIMITS, inspectZip, readZipEntries, type ZipLimits } from './zip.js';

export type DocumentType = 'pdf' | 'docx' | 'xlsx' | 'ods' | 'csv' | 'text' | 'html';

export const DOCUMENT_TYPES: readonly DocumentType[] = ['pdf', 'docx', 'xlsx', 'ods', 'csv', 'text', 'html'];

/** 50 MB: larger than any document a force page links to in practice. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

const BY_EXT: Record<string, DocumentType> = {
  pdf: 'pdf', docx: 'docx', docm: 'docx', dotx: 'docx', xlsx: 'xlsx', xlsm: 'xlsx', xltx: 'xlsx', ods: 'ods', csv: 'csv',
  txt: 'text', text: 'text', md: 'text', log: 'text', html: 'html', htm: 'html', xhtml: 'html',
};

const BY_MIME: [RegExp, DocumentType][] = [
  [/application\/pdf/i, 'pdf'],
  [/wordprocessingml/i, 'docx'],
  [/spreadsheetml/i, 'xlsx'],
  [/opendocument\.spreadsheet/i, 'ods'],
  [/text\/csv|application\/csv/i, 'csv'],
  [/text\/html|application\/xhtml/i, 'html'],
  [/text\/plain/i, 'text'],
];

/** Extensions the crawler treats as documents (fetched over HTTP, never rendered). */
export const DOCUMENT_EXTENSIONS = /\.(pdf|docx|docm|xlsx|xlsm|ods|csv|txt)(\?|$)/i;
/** Documents we know but cannot read: recorded as skipped ('unsupported-type'). */
export const UNSUPPORTED_EXTENSIONS = /\.(doc|xls|ppt|pptx|odt|odp|rtf|zip|7z|rar|gz|tar|jpg|jpeg|png|gif|webp|svg|mp3|mp4|mov|avi|wav|ico|woff2?|ttf|eot|exe|dmg|iso)(\?|$)/i;

/** By file signature first (names lie), then Content-Type, then the extension. */
export function guessDocumentType(nameOrUrl: string, contentType?: string, bytes?: Buffer): DocumentType | undefined {
  let ext = '';
  try {
    const path = /^[a-z]+:\/\//i.test(nameOrUrl) ? new URL(nameOrUrl).pathname : nameOrUrl;
    ext = (/\.([A-Za-z0-9]+)$/.exec(path)?.[1] ?? '').toLowerCase();
  } catch {
    ext = (/\.([A-Za-z0-9]+)$/.exec(nameOrUrl)?.[1] ?? '').toLowerCase();
  }
  const byExt = BY_EXT[ext];
  if (bytes && bytes.length >= 4) {
    if (bytes.subarray(0, 1024).indexOf('%PDF-') >= 0) return 'pdf';
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      // A zip: OOXML or ODF. The extension or MIME type tells which; ODF also names itself in "mimetype".
      if (bytes.subarray(0, 200).includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
      if (byExt === 'docx' || byExt === 'xlsx' || byExt === 'ods') return byExt;
      const m = BY_MIME.find(([re]) => contentType && re.test(contentType))?.[1];
      if (m === 'docx' || m === 'xlsx' || m === 'ods') return m;
      if (bytes.includes('word/')) return 'docx';
      if (bytes.includes('xl/')) return 'xlsx';
      return undefined;
    }
  }
  if (bytes && bytes.length) {
    // Servers mislabel: an HTML error page or page served as application/pdf is still HTML.
    const head = bytes.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  }
  const byMime = contentType ? BY_MIME.find(([re]) => re.test(contentType))?.[1] : undefined;
  if (byMime && byMime !== 'text') return byMime;
  if (byExt) return byExt;
  if (byMime) return byMime;
  if (bytes) {
    const head = bytes.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  }
  return undefined;
}

/**
 * Text blocks of one document, by the same extractors the crawler uses.
 * Throws DocumentRejectedError (reason 'too-large' | 'zip-bomb' | 'encrypted' | 'broken') with what to do.
 */
export async function extractDocument(
  bytes: Buffer,
  type: DocumentType,
  opts: { maxBytes?: number; name?: string; zipLimits?: ZipLimits } = {},
): Promise<TextBlock[]> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const label = opts.name ? `${opts.name}: ` : '';
  if (bytes.length > maxBytes) {
    throw new DocumentRejectedError('too-large', `${label}refused: ${bytes.length} bytes is over the ${maxBytes}-byte limit`, 'raise the limit if this is a genuine large document');
  }
  try {
    switch (type) {
      case 'pdf':
        return await extractPdf(bytes);
      case 'docx':
      case 'xlsx':
      case 'ods': {
        // Inspect the container before any inflation: refuses zip bombs and encrypted containers.
        const limits = opts.zipLimits ?? { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: Math.max(DEFAULT_ZIP_LIMITS.maxUncompressedBytes, maxBytes * 5) };
        await inspectZip(bytes, limits);
        // Declared sizes can lie: inflate once under a byte cap (yauzl checks real against declared sizes)
        // before a parser that trusts the headers (exceljs) sees the file.
        await readZipEntries(bytes, () => true, limits.maxUncompressedBytes);
        if (type === 'docx') return await extractDocx(bytes);
        if (type === 'xlsx') return await extractXlsx(bytes);
        return await extractOds(bytes);
      }
      case 'csv':
        return extractCsv(bytes);
      case 'text':
        return extractText(bytes);
      case 'html':
        return staticHtmlBlocks(decodeText(bytes), opts.name && /^https?:/.test(opts.name) ? opts.name : undefined).blocks;
    }
  } catch (err) {
    if (err instanceof DocumentRejectedError) {
      if (label && !err.message.startsWith(label)) throw new DocumentRejectedError(err.reason, `${label}${err.message.split('\n')[0]}`, err.hint);
      throw err;
    }
    throw new DocumentRejectedError('broken', `${label}could not be read as ${type}: ${(err as Error)?.message ?? err}`, 'check the file opens normally and is the type given');
  }
  throw new DocumentRejectedError('unsupported', `${label}unsupported document type ${String(type)}`, `use one of ${DOCUMENT_TYPES.join(', ')}`);
}
