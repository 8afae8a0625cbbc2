import argon2 from 'argon2';
import { ConfigError } from '../core/errors.js';

/**
 * argon2id with the library defaults (m=64 MiB, t=3, p=4), which meet OWASP's minimum.
 * Verification reads the parameters from the stored hash, so they can be raised later.
 */
export const MIN_PASSWORD_LENGTH = 12;

export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError(`The password is too short (${password.length} characters)`, `Use at least ${MIN_PASSWORD_LENGTH} characters; a passphrase of several words is easiest.`);
  }
  if (password.length > 1024) throw new ConfigError('The password is longer than 1024 characters', 'Use a shorter passphrase.');
}

export async function hashPassword(password: string): Promise<string> {
  checkPasswordStrength(password);
  return argon2.hash(password, { type: argon2.argon2id });
}

/** A valid hash of a random password: verified against when the user does not exist, so timing does not reveal user names. */
let decoyHash: Promise<string> | undefined;
const decoy = (): Promise<string> => (decoyHash ??= argon2.hash(`decoy-${Math.random()}-${Date.now()}`, { type: argon2.argon2id }));

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (password.length > 1024) return false;
  try {
    if (!hash) {
      await argon2.verify(await decoy(), password);
      return false;
    }
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
