import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { ConfigError } from '../core/errors.js';

/**
 * argon2id (the library's default algorithm) at m=64 MiB, t=3, p=4, above OWASP's minimum.
 * Verification reads the parameters from the stored PHC string, so they can be raised later.
 * @node-rs/argon2 rather than `argon2`: the latter's prebuilt linux-x64 binary segfaulted on our CI machines.
 */
const ARGON2ID_PARAMS = { memoryCost: 65_536, timeCost: 3, parallelism: 4 } as const;
export const MIN_PASSWORD_LENGTH = 12;

export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError(`The password is too short (${password.length} characters)`, `Use at least ${MIN_PASSWORD_LENGTH} characters; a passphrase of several words is easiest.`);
  }
  if (password.length > 1024) throw new ConfigError('The password is longer than 1024 characters', 'Use a shorter passphrase.');
}

export async function hashPassword(password: string): Promise<string> {
  checkPasswordStrength(password);
  return argon2Hash(password, ARGON2ID_PARAMS);
}

/** A valid hash of a random password: verified against when the user does not exist, so timing does not reveal user names. */
let decoyHash: Promise<string> | undefined;
const decoy = (): Promise<string> => (decoyHash ??= argon2Hash(`decoy-${Math.random()}-${Date.now()}`, ARGON2ID_PARAMS));

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (password.length > 1024) return false;
  try {
    if (!hash) {
      await argon2Verify(await decoy(), password);
      return false;
    }
    return await argon2Verify(hash, password);
  } catch {
    return false;
  }
}
