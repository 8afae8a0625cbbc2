import { ConfigError } from '../core/errors.js';

/** Flag parsers that fail with exit 2 and a message naming the flag. */
export function positiveInt(flag: string) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${flag} must be a whole number of at least 1, not "${raw}"`);
    return n;
  };
}

/** A TCP port; 0 asks the system for any free one (the URL actually used is printed). */
export function portNumber(flag: string) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${flag} must be a port number from 0 (any free port) to 65535, not "${raw}"`);
    return n;
  };
}

export function positiveNumber(flag: string) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${flag} must be a number above 0, not "${raw}"`);
    return n;
  };
}

export function httpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`"${raw}" is not a URL`, 'give a full start URL such as https://www.police.uk/pu/your-area/hertfordshire-constabulary/');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`"${raw}" is not an http(s) URL`, 'Leakwatch only crawls http and https');
  return url.href;
}
