/**
 * Typed errors. Every message says what went wrong and what to do about it.
 * The CLI maps `exitCode` onto the process exit status.
 */
export class LeakwatchError extends Error {
  readonly exitCode: number = 2;
  constructor(message: string, readonly hint?: string, options?: { cause?: unknown }) {
    super(hint ? `${message}\n  → ${hint}` : message, options);
    this.name = new.target.name;
  }
}

/** Bad flags, bad config file, bad values: exit 2. */
export class ConfigError extends LeakwatchError {}

/** Chromium cannot be found or started. */
export class BrowserUnavailableError extends LeakwatchError {}

/** A site or URL could not be reached or fetched. Does not stop a sweep: recorded per page. */
export class FetchError extends LeakwatchError {
  constructor(readonly url: string, message: string, hint?: string, options?: { cause?: unknown }) {
    super(`${url}: ${message}`, hint, options);
  }
}

/** A document that is broken, encrypted, too large or hostile (zip bomb). Recorded, then skipped. */
export class DocumentRejectedError extends LeakwatchError {
  constructor(readonly reason: string, message: string, hint?: string) {
    super(message, hint);
  }
}

/** The database cannot be opened, is locked, read-only or the disk is full. */
export class StorageError extends LeakwatchError {}

/** An alert channel failed; the outbox keeps the alert and retries. */
export class ChannelError extends LeakwatchError {
  constructor(readonly channel: string, message: string, readonly retryable: boolean, hint?: string, options?: { cause?: unknown }) {
    super(`${channel}: ${message}`, hint, options);
  }
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * Detection of one page or document did not finish: it ran past its deadline (a detector ran away
 * on the text) or its worker died (out of memory). The page is recorded as an error and a sweep goes on.
 */
export class DetectionError extends LeakwatchError {
  constructor(readonly url: string, readonly reason: 'deadline' | 'worker-died', message: string, hint?: string, options?: { cause?: unknown }) {
    super(`${url}: ${message}`, hint, options);
  }
}
