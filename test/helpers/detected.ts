import { detect, type DetectionContext } from '../../detectors/index.js';

/** The values detect() finds for one entity, in order: what most detector tests assert on. */
export const detectedValues = (text: string, entity: string, ctx: DetectionContext = {}): string[] =>
  detect(text, ctx).findings.filter((f) => f.entity === entity).map((f) => f.value);

/** Each value detect() finds, with the severity it gets (the last finding of a value wins). */
export const detectedSeverities = (text: string, ctx: DetectionContext = {}): Map<string, string> =>
  new Map(detect(text, ctx).findings.map((f) => [f.value, f.severity]));

/** How many case records detect() makes of the text. */
export const caseRecordCount = (text: string, ctx: DetectionContext = {}): number =>
  detect(text, ctx).records.filter((r) => r.isCaseRecord).length;
