/**
 * The worker-thread side of DetectionPool: one page's learning and detection, exactly as a sweep
 * does it in-process. It runs in a worker so that a page on which a detector runs away (a rule that
 * loops, a pattern that backtracks) can be stopped at a deadline without stopping the sweep.
 */
import type { DetectionResult, TextBlock } from '../core/types.js';
import { AllowList, detect, detectBlocks, type AllowEntry } from './index.js';

export interface PageDetectionTask {
  blocks: TextBlock[];
  url: string;
  /** The sweep's allow-list as it stands (built-in, configured and learned entries). */
  allowEntries: AllowEntry[];
  recordIdPrefix: string;
  /** Learn public-role data from this page before detecting (what AllowList.learn does). */
  learn: boolean;
}

export interface PageDetectionOutcome {
  results: Array<DetectionResult & { blockIndex: number }>;
  /** Entries learned from this page, for the sweep's allow-list. */
  learned: AllowEntry[];
}

export function detectPage(task: PageDetectionTask): PageDetectionOutcome {
  const allowList = new AllowList(task.allowEntries, { builtins: false });
  const learned = task.learn ? allowList.learn(task.blocks, task.url) : [];
  const results = detectBlocks(task.blocks, { allowList, recordIdPrefix: task.recordIdPrefix });
  return { results, learned };
}

/** One text detected whole, offsets into it as given (a pre-publication scan of a text or HTML file). */
export function detectText(task: { text: string }): DetectionResult {
  return detect(task.text);
}

export default detectPage;
