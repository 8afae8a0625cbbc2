import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
interface ModulusCheck { isValid(): boolean; loadValacdos(): unknown; loadScsubtab(): unknown }
type ModulusCtor = new (o: { accountNumber: string; sortCode: string }) => ModulusCheck;
const modulusModule = require('uk-modulus-checking') as ModulusCtor | { default: ModulusCtor };
const UkModulusChecking: ModulusCtor = 'default' in modulusModule ? modulusModule.default : modulusModule;

/**
 * The library parses its ~100 KB Vocalink tables again in every constructor, which cost more than the
 * rest of a text's detection whenever it held a sort code. It only reads them: parse them once.
 */
let tables: { valacdos: unknown; scsubtab: unknown } | undefined;
class ModulusCheckWithSharedTables extends UkModulusChecking {
  private shared(): { valacdos: unknown; scsubtab: unknown } {
    return (tables ??= { valacdos: super.loadValacdos(), scsubtab: super.loadScsubtab() });
  }

  override loadValacdos(): unknown {
    return this.shared().valacdos;
  }

  override loadScsubtab(): unknown {
    return this.shared().scsubtab;
  }
}

const cache = new Map<string, boolean>();

/** Vocalink modulus check (valacdos + exceptions) via uk-modulus-checking; unknown sort codes pass, as the rules say. */
export function modulusOk(sortCode: string, account: string): boolean {
  const key = `${sortCode}:${account}`;
  let ok = cache.get(key);
  if (ok === undefined) {
    ok = new ModulusCheckWithSharedTables({ sortCode: sortCode.replace(/\D/g, ''), accountNumber: account.replace(/\D/g, '') }).isValid();
    if (cache.size > 10_000) cache.clear();
    cache.set(key, ok);
  }
  return ok;
}

const SORT_CODE = /(?<![\d-])\d{2}[- ]\d{2}[- ]\d{2}(?![\d-])/g;
const ACCOUNT = /(?<![\d-])\d{8}(?![\d-])/g;

/**
 * How a sort code or account number fares with its partner: when a sort code and an account number
 * sit within 80 characters of each other, the pair is put through the modulus check ('pass' or
 * 'fail'); either alone is 'unpaired' and left to the context rule. The pair is the nearest one:
 * "sort code 40-47-84, account 70872490 … to 60-16-13 31926819" holds two.
 */
export function pairedModulus(value: string, text: string, start: number, kind: 'sort-code' | 'account'): 'pass' | 'fail' | 'unpaired' {
  const from = Math.max(0, start - 80);
  const to = Math.min(text.length, start + value.length + 80);
  const window = text.slice(from, to);
  const other = kind === 'sort-code' ? ACCOUNT : SORT_CODE;
  const at = start - from;
  let nearest: string | null = null;
  let best = Infinity;
  other.lastIndex = 0;
  for (let m = other.exec(window); m; m = other.exec(window)) {
    const gap = m.index >= at ? m.index - (at + value.length) : at - (m.index + m[0].length);
    if (gap < 0) continue; // the value itself
    if (gap < best) {
      best = gap;
      nearest = m[0];
    }
  }
  if (nearest === null) return 'unpaired';
  return (kind === 'sort-code' ? modulusOk(value, nearest) : modulusOk(nearest, value)) ? 'pass' : 'fail';
}
