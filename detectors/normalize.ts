/**
 * Input normalisation with an exact offset map back to the original string.
 * Recognisers run on the normalised text; every span is mapped back so offsets stay exact
 * against the text the caller gave (NBSP, zero-width, full-width, HTML entities, dashes, quotes).
 */

export interface NormalisedText {
  /** Text the recognisers see. */
  text: string;
  /** For normalised index i: start offset in the original of the char(s) that produced it. null = identity. */
  startMap: Int32Array | null;
  /** For normalised index i: end offset (exclusive) in the original. null = identity. */
  endMap: Int32Array | null;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: "'", lsquo: "'", rdquo: '"', ldquo: '"',
  ndash: '-', mdash: '-', hyphen: '-', minus: '-', pound: '£', ensp: ' ', emsp: ' ', thinsp: ' ', shy: '',
  zwj: '', zwnj: '', lrm: '', rlm: '', middot: '·', hellip: '…', copy: '©', eacute: 'é', egrave: 'è', aacute: 'á',
  oacute: 'ó', iacute: 'í', uacute: 'ú', ccedil: 'ç', ouml: 'ö', uuml: 'ü', auml: 'ä', szlig: 'ß',
};

/** Anything outside printable ASCII, or an entity start, needs the slow path. */
const NEEDS_WORK = /[^\t\n\r\x20-\x7e]|&[#a-zA-Z]/;

function mapChar(code: number): string | null {
  // zero-width and soft hyphen: drop
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff || code === 0x00ad) return '';
  // spaces: NBSP, narrow NBSP, en/em/thin spaces, ideographic space
  if (code === 0x00a0 || code === 0x202f || (code >= 0x2000 && code <= 0x200a) || code === 0x3000) return ' ';
  // dashes and hyphen variants
  if (code === 0x2010 || code === 0x2011 || code === 0x2012 || code === 0x2013 || code === 0x2014 || code === 0x2212 || code === 0xfe63 || code === 0xff0d) return '-';
  // quotes used in names like O’Neill
  if (code === 0x2018 || code === 0x2019 || code === 0x02bc || code === 0x2032 || code === 0x0060 || code === 0x00b4) return "'";
  if (code === 0x201c || code === 0x201d) return '"';
  // full-width ASCII block (digits, letters, @ . etc.)
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return null;
}

export function normalise(original: string): NormalisedText {
  if (!NEEDS_WORK.test(original)) return { text: original, startMap: null, endMap: null };
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (s: string, from: number, to: number): void => {
    for (let k = 0; k < s.length; k++) {
      out.push(s[k]!);
      starts.push(from);
      ends.push(to);
    }
  };
  let i = 0;
  const n = original.length;
  while (i < n) {
    const code = original.charCodeAt(i);
    if (code === 0x26 /* & */) {
      const m = /^&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/.exec(original.slice(i, i + 12));
      if (m) {
        const body = m[1]!;
        let rep: string | undefined;
        if (body[0] === '#') {
          const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
          if (cp > 0 && cp <= 0x10ffff) {
            const ch = String.fromCodePoint(cp);
            const mapped = ch.length === 1 ? mapChar(ch.charCodeAt(0)) : null;
            rep = mapped ?? ch;
          }
        } else {
          rep = NAMED_ENTITIES[body.toLowerCase()];
        }
        if (rep !== undefined) {
          push(rep, i, i + m[0].length);
          i += m[0].length;
          continue;
        }
      }
    }
    const mapped = code > 0x7e ? mapChar(code) : null;
    if (mapped !== null) push(mapped, i, i + 1);
    else push(original[i]!, i, i + 1);
    i += 1;
  }
  return { text: out.join(''), startMap: Int32Array.from(starts), endMap: Int32Array.from(ends) };
}

/** Maps a normalised [start,end) span to the original string. */
export function toOriginal(norm: NormalisedText, start: number, end: number): [number, number] {
  if (!norm.startMap || !norm.endMap) return [start, end];
  const s = start < norm.startMap.length ? norm.startMap[start]! : (norm.endMap[norm.endMap.length - 1] ?? 0);
  const e = end > 0 ? norm.endMap[end - 1]! : s;
  return [s, Math.max(s, e)];
}
