import yauzl from 'yauzl';
import { DocumentRejectedError } from '../../core/errors.js';

/**
 * Zip containers (DOCX, XLSX, ODS) are inspected before anything inflates them: entry count,
 * declared total size and compression ratio are checked against caps, so a zip bomb is refused
 * with a clear reason. Reading then counts real inflated bytes (yauzl validates declared sizes).
 */

export interface ZipLimits {
  maxEntries: number;
  /** Sum of declared uncompressed sizes. */
  maxUncompressedBytes: number;
  /** uncompressed / compressed, checked for entries big enough to matter. */
  maxRatio: number;
  /** Ratio checks apply to entries whose uncompressed size is above this. */
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxUncompressedBytes: 250 * 1024 * 1024,
  maxRatio: 150,
  ratioFloorBytes: 2 * 1024 * 1024,
};

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
}

function open(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(new DocumentRejectedError('broken', `not a readable zip container: ${err?.message ?? 'unknown error'}`, 'the file is damaged or not the type its name says'));
      else resolve(zip);
    });
  });
}

/** Lists entries and enforces the caps. Throws DocumentRejectedError('zip-bomb' | 'encrypted' | 'broken'). */
export async function inspectZip(bytes: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipEntryInfo[]> {
  const zip = await open(bytes);
  return new Promise((resolve, reject) => {
    const entries: ZipEntryInfo[] = [];
    let total = 0;
    const fail = (err: DocumentRejectedError) => {
      zip.close();
      reject(err);
    };
    zip.on('error', (err: Error) => fail(new DocumentRejectedError('broken', `damaged zip container: ${err.message}`, 'the file is damaged; ask the publisher for a fresh copy')));
    zip.on('entry', (e: yauzl.Entry) => {
      const info: ZipEntryInfo = {
        name: e.fileName,
        compressedSize: e.compressedSize,
        uncompressedSize: e.uncompressedSize,
        encrypted: (e.generalPurposeBitFlag & 1) === 1,
      };
      entries.push(info);
      total += e.uncompressedSize;
      if (entries.length > limits.maxEntries) return fail(new DocumentRejectedError('zip-bomb', `refused: more than ${limits.maxEntries} entries in the container`, 'inspect the file by hand; it looks like a zip bomb'));
      if (total > limits.maxUncompressedBytes) {
        return fail(new DocumentRejectedError('zip-bomb', `refused: would inflate to more than ${Math.round(limits.maxUncompressedBytes / 1048576)} MB (zip bomb guard)`, 'inspect the file by hand, or raise the limit if it is a genuine large workbook'));
      }
      if (info.uncompressedSize > limits.ratioFloorBytes) {
        const ratio = info.uncompressedSize / Math.max(1, info.compressedSize);
        if (ratio > limits.maxRatio) {
          return fail(new DocumentRejectedError('zip-bomb', `refused: entry ${info.name} has compression ratio ${Math.round(ratio)}:1, above ${limits.maxRatio}:1 (zip bomb guard)`, 'inspect the file by hand; genuine office files do not compress this far'));
        }
      }
      if (info.encrypted) return fail(new DocumentRejectedError('encrypted', 'refused: the container is encrypted', 'scan the document before it is encrypted, or ask for the password-free copy'));
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.readEntry();
  });
}

/** Reads the entries whose names pass `want`, inflating at most `maxBytes` in total. */
export async function readZipEntries(bytes: Buffer, want: (name: string) => boolean, maxBytes = DEFAULT_ZIP_LIMITS.maxUncompressedBytes): Promise<Map<string, Buffer>> {
  const zip = await open(bytes);
  const out = new Map<string, Buffer>();
  let total = 0;
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      zip.close();
      if (err instanceof DocumentRejectedError) return reject(err);
      // yauzl stops an entry that inflates past its declared size: a lying header is a zip bomb's trick.
      if (/too many bytes|expected \d+|uncompressedSize/i.test(err.message)) {
        return reject(new DocumentRejectedError('zip-bomb', `refused: an entry inflates beyond the size it declares (${err.message}) (zip bomb guard)`, 'inspect the file by hand; it looks like a zip bomb'));
      }
      reject(new DocumentRejectedError('broken', `damaged zip entry: ${err.message}`, 'the file is damaged; ask the publisher for a fresh copy'));
    };
    zip.on('error', fail);
    zip.on('entry', (e: yauzl.Entry) => {
      if (!want(e.fileName) || e.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(e, (err, stream) => {
        if (err || !stream) return fail(err ?? new Error('no stream'));
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => {
          total += c.length;
          if (total > maxBytes) {
            stream.destroy();
            fail(new DocumentRejectedError('zip-bomb', `refused: inflated content passed ${Math.round(maxBytes / 1048576)} MB (zip bomb guard)`, 'inspect the file by hand'));
            return;
          }
          chunks.push(c);
        });
        stream.on('error', fail);
        stream.on('end', () => {
          out.set(e.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve(out));
    zip.readEntry();
  });
}
