import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, rmSync, statfsSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LeakwatchStore } from '../../storage/index.js';
import { StorageError } from '../../core/errors.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * The database locked by another writer, a read-only data directory, a full disk: a StorageError
 * that names the problem, `PRAGMA integrity_check` = ok, and recovery once the fault clears.
 */

function integrity(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

function expectStorageError(fn: () => unknown, re: RegExp, what: string): StorageError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof StorageError, `${what}: expected StorageError, got ${(err as Error)?.constructor?.name}: ${(err as Error)?.message}`);
    assert.match(err.message, re, `${what}: the message names the problem`);
    return err;
  }
  assert.fail(`${what}: no error`);
}

const canMount = (() => {
  if (process.getuid?.() !== 0) return 'not root: mounting a tmpfs needs root';
  const probe = tempDir('leakwatch-mountprobe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe.dir], { stdio: 'pipe' });
    execFileSync('umount', [probe.dir], { stdio: 'pipe' });
    return true;
  } catch (err) {
    return `mount not permitted here: ${(err as Error).message.split('\n')[0]}`;
  } finally {
    probe.cleanup();
  }
})();

function withTmpfs<T>(sizeKb: number, fn: (dir: string) => T): T {
  const tmp = tempDir('leakwatch-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', tmp.dir], { stdio: 'pipe' });
  try {
    return fn(tmp.dir);
  } finally {
    try {
      execFileSync('umount', ['-l', tmp.dir], { stdio: 'pipe' });
    } catch {
      // already unmounted
    }
    tmp.cleanup();
  }
}

test('database locked by another writer: a clear "locked" error, then recovery, integrity ok', () => {
  const tmp = tempDir('leakwatch-locked-');
  const path = join(tmp.dir, 'lw.db');
  try {
    const store = LeakwatchStore.open(path, { busyTimeoutMs: 200 });
    const other = new Database(path);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE'); // holds the write lock
    other.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('held-by', 'another writer');
    const err = expectStorageError(() => store.startRun({ target: 't', mode: 'full', startUrls: ['http://127.0.0.1/'] }), /locked/i, 'write under a held lock');
    assert.ok(err.hint && /wait|another/i.test(err.hint), 'says what to do');
    other.exec('ROLLBACK');
    other.close();
    const run = store.startRun({ target: 't', mode: 'full', startUrls: ['http://127.0.0.1/'] });
    assert.ok(run.id > 0, 'writes work once the other writer lets go');
    store.close();
    assert.equal(integrity(path), 'ok');
  } finally {
    tmp.cleanup();
  }
});

// What the error must mention; the read-only test below asks for the precise word.
let readOnlyWording: RegExp = /read-only|readonly|writable/i;

test('read-only data directory: opening and writing fail with "read-only", recovery after remount', { skip: canMount === true ? false : String(canMount) }, () => {
  withTmpfs(4096, (dir) => {
    const path = join(dir, 'data', 'lw.db');
    mkdirSync(join(dir, 'data'));
    const store = LeakwatchStore.open(path);
    store.startRun({ target: 't', mode: 'full', startUrls: ['http://127.0.0.1/'] });
    store.close();
    // The volume goes read-only (an operator remounts it; Linux refuses that while files are open for writing).
    execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' });
    try {
      let opened: LeakwatchStore | undefined;
      expectStorageError(() => {
        opened = LeakwatchStore.open(path);
        opened.startRun({ target: 't', mode: 'full', startUrls: ['http://127.0.0.1/'] });
      }, readOnlyWording, 'open and write on a read-only volume');
      opened?.close();
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', dir], { stdio: 'pipe' });
    }
    const again = LeakwatchStore.open(path);
    assert.ok(again.startRun({ target: 't', mode: 'full', startUrls: ['http://127.0.0.1/'] }).id > 0, 'writes work after remount rw');
    again.close();
    assert.equal(integrity(path), 'ok');
  });
});

test('full disk: writes fail with "full", nothing corrupt, recovery once space is freed', { skip: canMount === true ? false : String(canMount) }, () => {
  withTmpfs(2048, (dir) => {
    const path = join(dir, 'lw.db');
    const store = LeakwatchStore.open(path);
    const filler = join(dir, 'filler');
    // Fill the volume to the last block.
    const fd = openSync(filler, 'w');
    const block = Buffer.alloc(4096, 1);
    try {
      for (;;) writeSync(fd, block);
    } catch (err) {
      assert.equal((err as NodeJS.ErrnoException).code, 'ENOSPC');
    } finally {
      closeSync(fd);
    }
    const free = statfsSync(dir).bavail;
    assert.equal(free, 0, 'the volume is full');
    let err: unknown;
    let runId = 0;
    try {
      const run = store.startRun({ target: 't', mode: 'full', startUrls: ['http://127.0.0.1/'] });
      runId = run.id;
      // Enough rows to need new pages in the WAL.
      for (let i = 0; i < 5000; i++) store.recordResource(run.id, { url: `http://127.0.0.1/page/${i}/${'x'.repeat(200)}`, kind: 'page', status: 200, contentHash: 'h'.repeat(64), fetchedAt: new Date().toISOString() });
    } catch (e) {
      err = e;
    }
    assert.ok(err, 'writing to a full disk fails');
    assert.ok(err instanceof StorageError, `StorageError expected, got ${(err as Error)?.constructor?.name}: ${(err as Error)?.message}`);
    assert.match((err as Error).message, /full/i);
    rmSync(filler);
    if (!runId) runId = store.startRun({ target: 't', mode: 'full', startUrls: ['http://127.0.0.1/'] }).id;
    store.recordResource(runId, { url: 'http://127.0.0.1/after-space-freed/', kind: 'page', status: 200, contentHash: 'h'.repeat(64), fetchedAt: new Date().toISOString() });
    store.close();
    assert.equal(integrity(path), 'ok');
    writeFileSync(join(dir, 'probe'), 'ok');
  });
});

test('read-only data directory: the open error says "read-only", not just "cannot open"', { skip: canMount === true ? false : String(canMount) }, () => {
  readOnlyWording = /read-only|readonly/i;
  withTmpfs(4096, (dir) => {
    const path = join(dir, 'lw.db');
    LeakwatchStore.open(path).close();
    execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' });
    try {
      expectStorageError(() => LeakwatchStore.open(path).close(), readOnlyWording, 'open on a read-only volume');
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', dir], { stdio: 'pipe' });
    }
  });
});
