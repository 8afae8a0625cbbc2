import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * One root logger; every stage takes a child carrying its context (runId, target, url).
 * Redaction is by path only (pino cannot see into free text), so no code may put a raw
 * matched value into a log call: log masked values or counts. The paths below are a second line.
 */
export const REDACT_PATHS = [
  'value', '*.value', 'rawValue', '*.rawValue', 'raw', '*.raw', 'text', '*.text', 'snippet', '*.snippet',
  'password', '*.password', 'smtp.auth.pass', 'routingKey', '*.routingKey', 'secret', '*.secret',
  'req.headers.authorization', 'req.headers.cookie',
];

export type { Logger };

export function createLogger(options: { level?: string; pretty?: boolean; destination?: string } = {}): Logger {
  const level = options.level ?? process.env.LEAKWATCH_LOG_LEVEL ?? 'info';
  const base: LoggerOptions = {
    level,
    base: { service: 'leakwatch' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.destination) return pino(base, pino.destination({ dest: options.destination, sync: false, mkdir: true }));
  const pretty = options.pretty ?? (process.stderr.isTTY && !process.env.CI);
  if (pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss' } } });
  }
  // Logs go to stderr so `--json` output on stdout stays machine-readable.
  return pino(base, pino.destination(2));
}

/** A logger that drops everything: for tests and library use. */
export const silentLogger: Logger = pino({ level: 'silent' });
