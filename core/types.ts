/**
 * The contract shared by every stage: schedule → crawl → detect → store → alert.
 * Keep these shapes stable; other tools and checks rely on the JSON contract in the README.
 */

export const ENTITIES = [
  'PERSON', 'ADDRESS', 'POSTCODE', 'PHONE', 'EMAIL', 'DATE_OF_BIRTH', 'NI_NUMBER', 'NHS_NUMBER',
  'DRIVING_LICENCE', 'PASSPORT', 'VEHICLE_REG', 'PAYMENT_CARD', 'BANK_ACCOUNT',
] as const;
export type Entity = (typeof ENTITIES)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is worse; used to sort and to compare against thresholds. */
export const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

export function isPageable(severity: Severity): boolean {
  return severity === 'critical' || severity === 'high';
}

// ---------------------------------------------------------------------------
// Crawl → detect: what a visitor could see or download, as text blocks.

export type BlockKind =
  | 'priority' // one priority (issue + action) on a priorities page or in priorities JSON
  | 'paragraph'
  | 'heading'
  | 'table-row'
  | 'list-item'
  | 'team-member' // a person on an about-us/team page
  | 'event'
  | 'contact'
  | 'hidden' // display:none, visibility:hidden, aria-hidden
  | 'attribute' // alt, title, aria-label
  | 'comment' // HTML comment or document comment
  | 'noscript'
  | 'meta'
  | 'json' // a string taken from inline JSON state or a captured fetch/XHR response
  | 'document-text' // a page or paragraph of a PDF/DOCX/TXT
  | 'cell-row' // one spreadsheet row (cells joined with " | ")
  | 'metadata'; // document properties: author, title, comments

/** The region of a page a block sits in: tells detection whether named people are public-role. */
export type PageSection = 'team' | 'contact' | 'events' | 'priorities' | 'news' | 'other';

export interface TextBlock {
  text: string;
  kind: BlockKind;
  /** Where a reviewer finds it: a CSS path, "Sheet2!A4:F4", "page 3", "comments", "xhr:/api/…". */
  location: string;
  section?: PageSection;
}

export type ResourceKind = 'page' | 'document' | 'json';

/** One fetched URL after extraction. */
export interface ExtractedResource {
  url: string;
  kind: ResourceKind;
  status: number;
  contentType: string;
  /** SHA-256 (hex) of the response body as received. */
  contentHash: string;
  fetchedAt: string; // ISO-8601
  title?: string;
  blocks: TextBlock[];
}

// ---------------------------------------------------------------------------
// Detect: spans in a text.

export interface Detection {
  entity: Entity;
  /** JavaScript string offsets into the text given to the detector; end is exclusive. */
  start: number;
  end: number;
  /** The raw matched text. Never log it; mask it (core/mask.ts) for any output. */
  value: string;
  score: number; // 0..1
  detector: string;
  /** True when the value is public-role data (an officer with a rank, a station, 101, a force e-mail). */
  publicRole: boolean;
  /** Short machine-readable reasons, e.g. "context:national insurance", "allow:rank". */
  reasons: string[];
}

export interface Finding extends Detection {
  severity: Severity;
  /** Ties together the findings that form one record (a case, a table row); null when alone. */
  recordId: string | null;
}

export type SubjectRole = 'victim' | 'perpetrator' | 'offender' | 'suspect' | 'witness' | 'complainant' | 'other';

export interface DetectedRecord {
  recordId: string;
  /** A case record = private person + home address or DOB + a role or offence/ASB description. */
  isCaseRecord: boolean;
  /** Normalised keys of the distinct private people in the record (for counting data subjects). */
  subjectKeys: string[];
  roles: SubjectRole[];
  /** Short category labels for the ICO report, e.g. "anti-social behaviour", "harassment". */
  natures: string[];
}

export interface DetectionResult {
  findings: Finding[];
  records: DetectedRecord[];
}
