/**
 * The crawler: discover → fetch → render → extract, politely and incrementally.
 * Emits one event per URL (crawler/types.ts); knows nothing of detection or SQL.
 */
export * from './types.js';
export { crawl, DEFAULT_CRAWL_OPTIONS, DEFAULT_CRAWL_TUNING, type CrawlInput, type CrawlTuning } from './crawl.js';
export { findChromium, launchBrowser, CHROMIUM_ARGS } from './browser.js';
export { extractDocument, guessDocumentType, DOCUMENT_TYPES, DEFAULT_MAX_DOCUMENT_BYTES, type DocumentType } from './documents/index.js';
export { extractStaticHtml, staticHtmlBlocks } from './static-extract.js';
export { createProgressReporter, type ProgressReporter } from './progress.js';
export { canonicalizeUrl, buildScope, scopeCheck } from './discover.js';
export { scriptSignature, compareRenderToMarkup, RenderNeedLearner, DEFAULT_RENDER_NEED } from './render-need.js';
