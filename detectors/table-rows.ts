/**
 * Birth dates in a table row whose header is not in view (an FOI export cut into pages, a CSV
 * without its first line): "41/20488/23 | 14/06/2023 | KOWALCZYK, Agnieszka | 17/02/1986 | …".
 * With no "DOB" anywhere, the date recogniser has no cue. In a row that names a person, the oldest
 * whole-cell date at least MIN_AGE_YEARS old is read as the person's birth date: the other dates
 * of such rows (incident, report, review) are recent.
 */
import type { BlockKind } from '../core/types.js';
import type { RawDetection } from './types.js';
import { newDetection } from './engine.js';
import { parseDate } from './recognizers/structured.js';
import { daysInMonth, isPlausibleDob } from './validators.js';

const MIN_AGE_YEARS = 10;
const CELL_SEPARATOR = /\s\|\s|\t/g;

export function birthDateCells(text: string, dets: readonly RawDetection[], kind: BlockKind | undefined, now = new Date()): RawDetection[] {
  if (kind !== 'table-row' && kind !== 'cell-row') return [];
  if (!dets.some((d) => d.entity === 'PERSON')) return [];
  if (dets.some((d) => d.entity === 'DATE_OF_BIRTH')) return [];
  let best: { start: number; end: number; when: number } | null = null;
  let cellStart = 0;
  const cells: Array<[number, number]> = [];
  CELL_SEPARATOR.lastIndex = 0;
  for (let m = CELL_SEPARATOR.exec(text); m; m = CELL_SEPARATOR.exec(text)) {
    cells.push([cellStart, m.index]);
    cellStart = m.index + m[0].length;
  }
  cells.push([cellStart, text.length]);
  if (cells.length < 3) return [];
  for (let [s, e] of cells) {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e - s < 6 || e - s > 20 || (!/\d/.test(text[s]!) && !/\d/.test(text[e - 1]!))) continue;
    const d = parseDate(text.slice(s, e).replace(/\s+/g, ' '));
    if (!d) continue;
    const [y, mo, day] = d;
    if (mo < 1 || mo > 12 || day < 1 || day > daysInMonth(mo, y) || !isPlausibleDob(y, mo, day, now)) continue;
    const when = Date.UTC(y, mo - 1, day);
    if (now.getTime() - when < MIN_AGE_YEARS * 365.25 * 86_400_000) continue;
    if (dets.some((x) => x.start < e && s < x.end)) continue;
    if (!best || when < best.when) best = { start: s, end: e, when };
  }
  return best ? [newDetection('DATE_OF_BIRTH', 'date-of-birth-table-row', best.start, best.end, 0.6, ['dob:oldest-date-in-person-row'], false)] : [];
}
