import { XMLParser } from 'fast-xml-parser';

/** Ordered XML (fast-xml-parser preserveOrder) helpers for office formats, where order is meaning. */

export type XNode = Record<string, unknown>;

const ordered = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  processEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
});

const plain = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, parseTagValue: false });

export function parseOrdered(xml: Buffer | string): XNode[] {
  return ordered.parse(typeof xml === 'string' ? xml : xml.toString('utf8')) as XNode[];
}

export function parsePlain(xml: Buffer | string): any {
  return plain.parse(typeof xml === 'string' ? xml : xml.toString('utf8'));
}

export function tagOf(n: XNode): string | undefined {
  return Object.keys(n).find((k) => k !== ':@');
}

export function kids(n: XNode): XNode[] {
  const t = tagOf(n);
  const v = t ? n[t] : undefined;
  return Array.isArray(v) ? (v as XNode[]) : [];
}

export function attrs(n: XNode): Record<string, string> {
  return (n[':@'] as Record<string, string>) ?? {};
}

export function textOf(n: XNode): string {
  if ('#text' in n) return String(n['#text']);
  return kids(n).map(textOf).join('');
}

/** Depth-first search for every node with the given tag. */
export function findAll(nodes: XNode[], tag: string, out: XNode[] = []): XNode[] {
  for (const n of nodes) {
    if (tagOf(n) === tag) out.push(n);
    else findAll(kids(n), tag, out);
  }
  return out;
}

/** Metadata from docProps/core.xml and app.xml (OOXML) or meta.xml (ODF), as "field: value" lines. */
export function metadataFields(xmls: (Buffer | undefined)[]): { field: string; value: string }[] {
  const wanted = /^(creator|lastModifiedBy|title|subject|description|keywords|category|Company|Manager|initial-creator|user-defined|comments|Template)$/i;
  const out: { field: string; value: string }[] = [];
  const visit = (obj: any, key: string) => {
    if (obj == null) return;
    if (typeof obj === 'string' || typeof obj === 'number') {
      const v = String(obj).trim();
      if (v && wanted.test(key)) out.push({ field: key, value: v });
      return;
    }
    if (Array.isArray(obj)) return obj.forEach((o) => visit(o, key));
    if (typeof obj === 'object') {
      if ('#text' in obj) visit(obj['#text'], key === 'user-defined' && obj.name ? 'user-defined' : key);
      for (const [k, v] of Object.entries(obj)) if (k !== '#text') visit(v, k);
    }
  };
  for (const x of xmls) if (x) visit(parsePlain(x), '');
  return out;
}
