import type { Entity } from '../core/types.js';

/** One regex of a recogniser. `group` picks a capture group as the value (default: whole match). */
export interface PatternSpec {
  name: string;
  regex: RegExp;
  score: number;
  group?: number;
  /**
   * Matches are public-role by construction, for this reason ("allow:rank" for "PC 4471 Ward", a rank
   * and collar number before the name).
   */
  publicRole?: `allow:${string}`;
}

/** Hotword context, Google-DLP style: phrases near a match raise its score (and may be required). */
export interface ContextSpec extends HotwordWindow {
  /** Added to the score when a phrase is found (capped at 1). */
  boost: number;
  /** When true, a match without any context phrase is dropped (passport, bank account…). */
  required?: boolean;
  /**
   * Exclusion hotwords (DLP's exclusion rule): a match with one of these phrases in its window is
   * dropped whatever else stands by ("HMRC's example is QQ 12 34 56 C", "supplier account 10048773").
   * Several windows when phrases before and after the match differ ("QQ 12 34 56 C is HMRC's specimen").
   */
  exclude?: HotwordWindow | readonly HotwordWindow[];
}

/**
 * Phrases (multi-word allowed, whitespace-flexible, case-insensitive, whole-word) searched in a
 * character window around a match.
 */
export interface HotwordWindow {
  phrases: string[];
  windowBefore: number;
  windowAfter: number;
}

/** A span proposed by a recogniser, in offsets of the (normalised) text it was given. */
export interface Candidate {
  start: number;
  end: number;
  score: number;
  reasons: string[];
  /** Set by recognisers that can tell public-role data themselves (rank before a name, force e-mail…). */
  publicRole?: boolean;
}

/** What a procedural recogniser (gazetteer, grammar, or later a model) gets besides the text. */
export interface RecognizerEnv {
  /** True when the block is a team/about-us block: names there are public-role. */
  teamBlock: boolean;
}

/**
 * A declarative recogniser, Presidio style with stronger validation. Either `patterns`
 * (regex → validate → context) or `find` (procedural: gazetteers, grammars, or a model-based
 * recogniser such as a NER sidecar) or both. Everything else (context, thresholds) is data.
 */
export interface Recognizer {
  name: string;
  entity: Entity;
  description: string;
  patterns?: PatternSpec[];
  find?(text: string, env: RecognizerEnv): Candidate[];
  /** false/0 drops the match; a number replaces the score; true keeps it. */
  validate?(value: string, text: string, start: number): boolean | number;
  context?: ContextSpec;
  /** Matches scoring below this after context are dropped. Default 0.4. */
  minScore?: number;
  /**
   * Speed: every match contains a digit ('digit') or an '@' ('at'), so the patterns only run on
   * windows around those characters (snapped to whitespace, wide enough for any match).
   */
  trigger?: 'digit' | 'at';
  /**
   * Speed, with `trigger`: how many characters a match reaches beyond its digit group or '@' (default
   * 24 for digits, 128 for '@'). Windows are snapped out to whitespace, so a short reach still covers
   * the whole word on each side: a plate or a postcode needs 6.
   */
  triggerReach?: number;
  /**
   * Speed, with `trigger: 'digit'`: every match holds at least this many digits, so windows with
   * fewer digits are skipped (most digit windows in prose hold a date, a time or a count).
   */
  minDigits?: number;
  /** Speed, with `trigger: 'digit'`: every match holds a run of at least this many consecutive digits. */
  minDigitRun?: number;
  /**
   * Speed, with `trigger: 'digit'`: every match holds a digit group of at least this many digits,
   * a group being digits joined by nothing or by one space, hyphen or dot ("AB 12 34 56 C", "12-34-56", "77.91.05").
   * Prose dates and times ("12 March", "14:30") never reach six.
   */
  minDigitGroup?: number;
}

export interface RawDetection extends Candidate {
  entity: Entity;
  detector: string;
}
