import type { Logger } from '../core/logger.js';
import type { ExtractedResource } from '../core/types.js';

/** crawl(): discover → fetch → render → extract. Emits one event per URL; knows nothing of detection or SQL. */

export type CrawlMode = 'full' | 'hot';

export type SkipReason =
  | 'robots' | 'scope' | 'scheme' | 'private-address' | 'cap-pages' | 'cap-depth' | 'cap-path' | 'trap' | 'too-large' | 'unsupported-type';

export interface CrawlOptions {
  startUrls: string[];
  mode: CrawlMode;
  maxPages: number; // page cap per sweep
  concurrency: number;
  ratePerSecond: number; // per host
  userAgent: string; // names Leakwatch and a contact address
  chromiumPath?: string; // otherwise found automatically (crawler/browser.ts)
  pageTimeoutMs: number;
  sweepTimeoutMs: number; // watchdog for the whole sweep
  logger: Logger;
  signal?: AbortSignal; // graceful shutdown: stop taking work, finish in-flight pages
  state?: CrawlStateStore; // incremental + resumable when given
  runId?: number;
}

export interface PageState {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  contentHash?: string | null;
  lastStatus?: number | null;
  lastFetchedAt?: string | null;
  /** Extracted blocks from the last successful fetch, reused on 304 (kept encrypted at rest by storage). */
}

export interface FrontierEntry {
  url: string;
  depth: number;
  priority: number; // higher first
  parentUrl?: string | null;
}

/** Implemented by storage/. The crawler keeps its frontier and per-URL validators here. */
export interface CrawlStateStore {
  getPageState(url: string): PageState | undefined;
  savePageState(state: PageState): void;
  /** Drops a page's content hash and validators: its content was fetched but not processed. */
  forgetPageContent(url: string): void;
  /** Entries queued but not done for this run (used to resume an interrupted run). */
  frontierPending(runId: number): FrontierEntry[];
  frontierPush(runId: number, entries: FrontierEntry[]): void;
  frontierDone(runId: number, url: string, outcome: 'done' | 'error' | 'skipped'): void;
}

/** How the crawler decides which pages Chromium renders (see CrawlTuning.renderPolicy). */
export const RENDER_POLICIES = ['learn', 'scripted', 'always'] as const;
export type RenderPolicy = (typeof RENDER_POLICIES)[number];

export type CrawlEvent =
  /** unchanged = the content hash equals the last fetch (or a 304): detection may reuse earlier results. */
  | {
      type: 'resource'; resource: ExtractedResource; unchanged: boolean; parentUrl?: string | null;
      /** A second, rendered reading of a page first read from markup (its scripts turned out to add content). */
      rerendered?: boolean;
    }
  | { type: 'skipped'; url: string; reason: SkipReason; detail?: string }
  | { type: 'error'; url: string; message: string; status?: number };

export interface CrawlSummary {
  pages: number;
  documents: number;
  errors: number;
  unchanged: number;
  skipped: Partial<Record<SkipReason, number>>;
  durationMs: number;
  /** False when the watchdog or a signal stopped the crawl before the frontier emptied. */
  complete: boolean;
  /** How pages with script were read: rendered in Chromium, or from markup once their scripts were seen to add nothing. */
  rendering?: { rendered: number; readFromMarkup: number; resampled: number; rerendered: number };
}

export type CrawlEventHandler = (event: CrawlEvent) => void | Promise<void>;
