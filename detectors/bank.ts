import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type ModulusCtor = new (o: { accountNumber: string; sortCode: string }) => { isValid(): boolean };
const modulusModule = require('uk-modulus-checking') as ModulusCtor | { default: ModulusCtor };
const UkModulusChecking: ModulusCtor = 'default' in modulusModule ? modulusModule.default : modulusModule;

const cache = new Map<string, boolean>();

/** Vocalink modulus check (valacdos + exceptions) via uk-modulus-checking; unknown sort codes pass, as the rules say. */
export function modulusOk(sortCode: string, account: string): boolean {
  const key = `${sortCode}:${account}`;
  let ok = cache.get(key);
  if (ok === undefined) {
    ok = new UkModulusChecking({ sortCode: sortCode.replace(/\D/g, ''), accountNumber: account.replace(/\D/g, '') }).isValid();
    if (cache.size > 10_000) cache.clear();
    cache.set(key, ok);
  }
  return ok;
}

const SORT_CODE = /(?<![\d-])\d{2}[- ]\d{2}[- ]\d{2}(?![\d-])/g;
const ACCOUNT = /(?<![\d-])\d{8}(?![\d-])/g;

/**
 * When a sort code and an account number sit within 80 characters of each other, both are only
 * accepted if the pair passes the modulus check; either alone is left to the context rule.
 */
export function sortCodeAccountOk(value: string, text: string, start: number, kind: 'sort-code' | 'account'): boolean {
  const from = Math.max(0, start - 80);
  const to = Math.min(text.length, start + value.length + 80);
  const window = text.slice(from, to);
  const other = kind === 'sort-code' ? ACCOUNT : SORT_CODE;
  other.lastIndex = 0;
  const m = other.exec(window);
  if (!m) return true;
  return kind === 'sort-code' ? modulusOk(value, m[0]) : modulusOk(m[0], value);
}
