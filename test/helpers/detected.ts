import { detect, type DetectionContext } from '../../detectors/index.js';

/** The values detect() finds for one entity, in order: what most detector tests assert on. */
export const detectedValues = (text: string, entity: string, ctx: DetectionContext = {}): string[] =>
  detect(text, ctx).findings.filter((f) => f.entity === entity).map((f) => f.value);
