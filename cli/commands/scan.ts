import { isPageable } from '../../core/types.js';
import { readScanInput, scanInput, type ScanFinding } from '../../scan/index.js';
import type { DocumentType } from '../../crawler/index.js';
import { formatTable } from '../output.js';
import { DetectionPool } from '../../detectors/pool.js';

export interface ScanFlags { json?: boolean; reveal?: boolean; type?: DocumentType }

/** Exit 1 when anything high or critical is found, so a publishing pipeline can gate on it. */
export async function scanCommand(paths: string[], flags: ScanFlags): Promise<number> {
  const findings: ScanFinding[] = [];
  // in a worker with a deadline: a file a detector runs away on ends the scan with a clear error, not a hang
  const detection = new DetectionPool();
  try {
    for (const path of paths) findings.push(...(await scanInput(await readScanInput(path), { ...flags, detection })));
  } finally {
    await detection.close();
  }
  if (flags.json) {
    process.stdout.write(JSON.stringify({ findings }) + '\n');
  } else if (!findings.length) {
    process.stdout.write(`No personal data found in ${paths.length} input(s).\n`);
  } else {
    process.stdout.write(formatTable(
      ['severity', 'entity', 'value', 'file', 'where'],
      findings.map((f) => [f.severity, f.entity, f.value, f.file, f.location ? `${f.location} @${f.start}` : `@${f.start}-${f.end}`]),
    ) + '\n');
  }
  return findings.some((f) => isPageable(f.severity)) ? 1 : 0;
}
