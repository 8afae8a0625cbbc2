import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StorageError } from '../core/errors.js';
import type { Entity } from '../core/types.js';

/**
 * Keys that protect personal data at rest. They live outside the database file, so a copied
 * database alone reveals nothing: values are AES-256-GCM sealed and incidents keyed by HMAC.
 */
export interface StoreSecrets {
  hmacSecret: Buffer;
  encryptionKey: Buffer; // 32 bytes
  /** Where the secrets came from, for the startup log (never the secrets themselves). */
  source: 'options' | 'environment' | 'file' | 'generated';
  file?: string;
}

export const SECRETS_FILE_NAME = '.leakwatch-secrets.json';

function parseKey(raw: string, where: string): Buffer {
  const trimmed = raw.trim();
  const asHex = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : undefined;
  const key = asHex ?? Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new StorageError(
      `The encryption key from ${where} is not 32 bytes`,
      'Give a 256-bit key as 64 hex characters or base64, e.g. `openssl rand -base64 32`.',
    );
  }
  return key;
}

function parseHmacSecret(raw: string, where: string): Buffer {
  if (raw.trim().length < 16) {
    throw new StorageError(`The HMAC secret from ${where} is too short`, 'Use at least 16 random characters, e.g. `openssl rand -base64 32`.');
  }
  return Buffer.from(raw.trim(), 'utf8');
}

/**
 * Resolution order per secret: explicit option, then environment, then the secrets file,
 * which is created (0600) on first run when nothing else supplies a value.
 */
export function loadSecrets(opts: { secretsDir: string; hmacSecret?: string; encryptionKey?: string; env?: NodeJS.ProcessEnv }): StoreSecrets {
  const env = opts.env ?? process.env;
  const file = join(opts.secretsDir, SECRETS_FILE_NAME);
  let hmac: Buffer | undefined;
  let key: Buffer | undefined;
  let source: StoreSecrets['source'] = 'options';
  if (opts.hmacSecret) hmac = parseHmacSecret(opts.hmacSecret, 'the options');
  if (opts.encryptionKey) key = parseKey(opts.encryptionKey, 'the options');
  if (!hmac && env.LEAKWATCH_HMAC_SECRET) { hmac = parseHmacSecret(env.LEAKWATCH_HMAC_SECRET, 'LEAKWATCH_HMAC_SECRET'); source = 'environment'; }
  if (!key && env.LEAKWATCH_ENCRYPTION_KEY) { key = parseKey(env.LEAKWATCH_ENCRYPTION_KEY, 'LEAKWATCH_ENCRYPTION_KEY'); source = 'environment'; }
  if (hmac && key) return { hmacSecret: hmac, encryptionKey: key, source };

  let stored: { hmacSecret?: string; encryptionKey?: string } = {};
  if (existsSync(file)) {
    try {
      const mode = statSync(file).mode & 0o077;
      if (mode !== 0) chmodSync(file, 0o600); // tighten a file someone loosened
      stored = JSON.parse(readFileSync(file, 'utf8')) as typeof stored;
    } catch (err) {
      throw new StorageError(`Cannot read the secrets file ${file}`, 'Check its permissions and that it is valid JSON; without it, stored values cannot be decrypted.', { cause: err });
    }
  }
  let generated = false;
  if (!hmac) {
    if (stored.hmacSecret) hmac = parseHmacSecret(stored.hmacSecret, file);
    else { stored.hmacSecret = randomBytes(32).toString('base64'); hmac = Buffer.from(stored.hmacSecret, 'utf8'); generated = true; }
  }
  if (!key) {
    if (stored.encryptionKey) key = parseKey(stored.encryptionKey, file);
    else { stored.encryptionKey = randomBytes(32).toString('base64'); key = Buffer.from(stored.encryptionKey, 'base64'); generated = true; }
  }
  if (generated) {
    try {
      mkdirSync(opts.secretsDir, { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
      renameSync(tmp, file);
      chmodSync(file, 0o600);
    } catch (err) {
      throw new StorageError(`Cannot write the secrets file ${file}`, 'Make the directory writable, or set LEAKWATCH_HMAC_SECRET and LEAKWATCH_ENCRYPTION_KEY.', { cause: err });
    }
  }
  return { hmacSecret: hmac, encryptionKey: key, source: generated ? 'generated' : existsSync(file) ? 'file' : source, file };
}

export function defaultSecretsDir(dbPath: string): string {
  return dbPath === ':memory:' ? join(process.cwd(), 'data') : dirname(dbPath);
}

// ---------------------------------------------------------------------------

const SEAL_VERSION = 1;

/** AES-256-GCM: [version:1][iv:12][tag:16][ciphertext]. The AAD binds a blob to its purpose. */
export class Sealer {
  constructor(private readonly key: Buffer) {}

  seal(plain: string | Buffer, purpose: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
    return Buffer.concat([Buffer.from([SEAL_VERSION]), iv, cipher.getAuthTag(), body]);
  }

  openBuffer(blob: Buffer, purpose: string): Buffer {
    if (blob.length < 29 || blob[0] !== SEAL_VERSION) throw new StorageError('An encrypted value has an unknown format', 'The database may be corrupt or from a newer Leakwatch.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, blob.subarray(1, 13));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(blob.subarray(13, 29));
    try {
      return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]);
    } catch (err) {
      throw new StorageError('Cannot decrypt a stored value', 'The encryption key differs from the one that wrote this database; restore LEAKWATCH_ENCRYPTION_KEY or the secrets file.', { cause: err });
    }
  }

  open(blob: Buffer, purpose: string): string {
    return this.openBuffer(blob, purpose).toString('utf8');
  }

  /** A non-secret key check value, kept in the database to catch a wrong key at open time. */
  keyCheck(): string {
    return createHmac('sha256', this.key).update('leakwatch-key-check-v1').digest('hex').slice(0, 16);
  }
}

// ---------------------------------------------------------------------------

/** Normalises a value so the same leaked item fingerprints the same wherever and however it is written. */
export function normaliseValue(entity: Entity, value: string): string {
  const v = value.normalize('NFKC').trim().toLowerCase();
  switch (entity) {
    case 'PHONE': {
      const digits = v.replace(/[^\d+]/g, '');
      return digits.startsWith('+44') ? '0' + digits.slice(3) : digits.startsWith('0044') ? '0' + digits.slice(4) : digits.replace(/\+/g, '');
    }
    case 'POSTCODE':
    case 'NI_NUMBER':
    case 'NHS_NUMBER':
    case 'DRIVING_LICENCE':
    case 'PASSPORT':
    case 'VEHICLE_REG':
    case 'PAYMENT_CARD':
    case 'BANK_ACCOUNT':
      return v.replace(/[\s\-.]/g, '');
    case 'PERSON':
      return v.replace(/\b(mr|mrs|ms|miss|mx|dr|master)\b\.?/g, '').replace(/[^\p{L}\p{N}' -]/gu, ' ').replace(/\s+/g, ' ').trim();
    case 'ADDRESS':
      return v.replace(/[,.;]/g, ' ').replace(/\s+/g, ' ').trim();
    default:
      return v.replace(/\s+/g, ' ');
  }
}

export class Fingerprinter {
  constructor(private readonly secret: Buffer) {}

  of(parts: string[]): string {
    const h = createHmac('sha256', this.secret);
    // Length-prefix each part so ("ab","c") and ("a","bc") differ.
    for (const p of parts) h.update(`${Buffer.byteLength(p)}:${p}`);
    return h.digest('hex');
  }

  value(entity: Entity, value: string): string {
    return this.of(['value', entity, normaliseValue(entity, value)]);
  }

  caseRecord(subjectKeys: string[], addresses: string[]): string {
    const subjects = [...new Set(subjectKeys.map((k) => k.normalize('NFKC').trim().toLowerCase()))].sort();
    const addr = [...new Set(addresses.map((a) => normaliseValue('ADDRESS', a)))].sort();
    return this.of(['record', subjects.join('|'), addr.join('|')]);
  }

  subject(key: string): string {
    return this.of(['subject', key.normalize('NFKC').trim().toLowerCase()]).slice(0, 32);
  }

  equal(a: string, b: string): boolean {
    return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  }
}
