import cron from 'node-cron';

/**
 * Cron validation stricter than node-cron's own: node-cron quietly accepts steps wider than the
 * field ("*\/61 * * * *" becomes "minute 0") and reversed ranges ("5-2"), which would schedule
 * something other than what the operator wrote.
 */

const FIELDS_5 = ['minute', 'hour', 'day of month', 'month', 'day of week'] as const;
const FIELDS_6 = ['second', ...FIELDS_5] as const;
const FIELD_MAX: Record<string, number> = {
  second: 59, minute: 59, hour: 23, 'day of month': 31, month: 12, 'day of week': 7,
};

/** Returns null when the expression is valid, otherwise a short reason naming the bad field. */
export function cronProblem(expression: string): string | null {
  const expr = expression.trim();
  if (expr === '') return 'it is empty';
  const detailed = cron.validateDetailed(expr);
  if (!detailed.valid) {
    return detailed.errors.map((e) => e.message.replace(/ a invalid /, ' an invalid ')).join('; ') || 'node-cron rejects it';
  }
  if (expr.startsWith('@')) return null;
  const parts = expr.split(/\s+/);
  const names = parts.length === 6 ? FIELDS_6 : FIELDS_5;
  for (let i = 0; i < parts.length; i++) {
    const field = names[i];
    for (const piece of parts[i].split(',')) {
      const step = /\/(\d+)$/.exec(piece);
      if (step && Number(step[1]) > FIELD_MAX[field]) {
        return `${field} step ${step[1]} is larger than ${FIELD_MAX[field]}`;
      }
      const range = /^(\d+)-(\d+)/.exec(piece);
      if (range && Number(range[1]) > Number(range[2])) {
        return `${field} range ${range[1]}-${range[2]} runs backwards`;
      }
    }
  }
  return null;
}

/** True when the expression has a seconds field (6 fields): used to warn that it is for tests and benches. */
export function cronHasSeconds(expression: string): boolean {
  return expression.trim().split(/\s+/).length === 6;
}

export function timezoneProblem(tz: string): string | null {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return null;
  } catch {
    return `"${tz}" is not an IANA time zone (e.g. Europe/London)`;
  }
}
