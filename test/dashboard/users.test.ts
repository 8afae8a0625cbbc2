import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { ConfigError } from '../../core/errors.js';
import { UserStore, roleAtLeast } from '../../storage/users.js';
import { hashPassword, verifyPassword } from '../../dashboard/passwords.js';
import { usersCommand } from '../../cli/commands/users.js';
import { html, unsafeRaw } from '../../dashboard/html.js';
import { highlight } from '../../dashboard/views/incident.js';
import { tempDir } from '../helpers/tmp.js';

function capture() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c) => { text += String(c); });
  return { stream: out, text: () => text };
}

describe('users store', () => {
  test('add, sessions by token hash, expiry, password change ends sessions, remove', async () => {
    const tmp = tempDir();
    try {
      const store = new UserStore(join(tmp.dir, 'db.sqlite'));
      const hash = await hashPassword('correct horse battery');
      assert.match(hash, /^\$argon2id\$v=19\$m=65536,t=3,p=4\$/, 'argon2id with the documented parameters, as a PHC string');
      store.addUser('alice', 'reviewer', hash);
      assert.throws(() => store.addUser('ALICE', 'viewer', hash), ConfigError, 'user names are case-insensitive and unique');
      assert.throws(() => store.addUser('bad name!', 'viewer', hash), ConfigError);
      assert.equal(await verifyPassword(store.getUser('alice')!.passwordHash, 'correct horse battery'), true);
      assert.equal(await verifyPassword(store.getUser('alice')!.passwordHash, 'wrong horse battery'), false);
      assert.equal(await verifyPassword(undefined, 'anything at all'), false, 'unknown users fail (after a decoy verify)');

      const t0 = new Date('2026-11-27T10:00:00Z');
      const { token, session } = store.createSession('alice', 60_000, '127.0.0.1', t0);
      assert.equal(store.getSession(token, new Date(t0.getTime() + 30_000))?.username, 'alice');
      assert.equal(store.getSession(token, new Date(t0.getTime() + 60_001)), undefined, 'expired');
      assert.equal(store.getSession(token, new Date(t0.getTime() + 1)), undefined, 'an expired session is deleted, not revived');

      const second = store.createSession('alice', 3_600_000, null, t0);
      assert.equal(store.getSession(second.token, t0)?.role, 'reviewer');
      store.setPasswordHash('alice', await hashPassword('another long passphrase'));
      assert.equal(store.getSession(second.token, t0), undefined, 'a password change ends every session');

      const third = store.createSession('alice', 3_600_000, null, t0);
      store.close();
      // Only the token's hash is stored: the cookie value cannot be read out of a copied database.
      const bytes = readFileSync(join(tmp.dir, 'db.sqlite')).toString('latin1') + (existsSync(join(tmp.dir, 'db.sqlite-wal')) ? readFileSync(join(tmp.dir, 'db.sqlite-wal')).toString('latin1') : '');
      assert.ok(!bytes.includes(third.token));
      assert.ok(!bytes.includes('correct horse battery'));
      assert.ok(session.id.length === 64);

      const again = new UserStore(join(tmp.dir, 'db.sqlite'));
      assert.equal(again.getSession(third.token, t0)?.username, 'alice');
      assert.equal(again.removeUser('alice'), true);
      assert.equal(again.getSession(third.token, t0), undefined, 'removing a user ends their sessions');
      assert.equal(again.removeUser('alice'), false);
      again.close();
    } finally {
      tmp.cleanup();
    }
  });

  test('failed sign-ins are counted since the last success', () => {
    const store = new UserStore(new Database(':memory:'));
    const t = (m: number) => new Date(Date.UTC(2026, 10, 27, 10, m));
    store.recordLoginAttempt('bob', '127.0.0.1', false, t(0));
    store.recordLoginAttempt('bob', '127.0.0.1', false, t(1));
    assert.equal(store.recentFailures('bob', t(0)), 2);
    assert.equal(store.recentFailures('bob', t(1)), 1, 'only inside the window');
    store.recordLoginAttempt('bob', '127.0.0.1', true, t(2));
    assert.equal(store.recentFailures('bob', t(0)), 0, 'a success resets the count');
    store.recordLoginAttempt('BOB', '127.0.0.1', false, t(3));
    assert.equal(store.recentFailures('bob', t(0)), 1, 'case-insensitive');
  });

  test('allow-list entries expire; checklist marks upsert; secrets are stable', () => {
    const store = new UserStore(new Database(':memory:'));
    store.addAllowEntry({ incidentId: 'inc_a', entity: 'PERSON', maskedValue: 'J*** S****', reason: 'public role', expires: '2026-12-31', createdBy: 'rob' });
    store.addAllowEntry({ incidentId: 'inc_b', entity: 'PHONE', maskedValue: '07700 ******', reason: 'old', expires: '2026-01-01', createdBy: 'rob' });
    assert.deepEqual(store.listAllowEntries({ today: '2026-11-27' }).map((e) => e.incidentId), ['inc_a']);
    assert.equal(store.listAllowEntries({ today: '2026-11-27', includeExpired: true }).length, 2);
    store.setChecklist({ incidentId: 'inc_a', item: 'ico', state: 'in-progress', note: null, actor: 'rob' });
    store.setChecklist({ incidentId: 'inc_a', item: 'ico', state: 'done', note: 'ref 123', actor: 'ada' });
    assert.deepEqual(store.checklist(['inc_a']).map((m) => [m.item, m.state, m.actor, m.note]), [['ico', 'done', 'ada', 'ref 123']]);
    assert.throws(() => store.setChecklist({ incidentId: 'inc_a', item: 'ico', state: 'finished' as never, note: null, actor: 'rob' }), ConfigError);
    assert.equal(store.secret('csrf'), store.secret('csrf'));
    assert.notEqual(store.secret('csrf'), store.secret('other'));
  });

  test('roles are ordered viewer < reviewer < admin', () => {
    assert.equal(roleAtLeast('admin', 'reviewer'), true);
    assert.equal(roleAtLeast('reviewer', 'reviewer'), true);
    assert.equal(roleAtLeast('viewer', 'reviewer'), false);
  });
});

describe('leakwatch users add|remove|passwd', () => {
  test('manages accounts with the password from LEAKWATCH_PASSWORD, never printing it', async () => {
    const tmp = tempDir();
    try {
      const db = join(tmp.dir, 'lw.db');
      const out = capture();
      const io = { env: { LEAKWATCH_PASSWORD: 'a long enough passphrase' }, stdout: out.stream, stderr: out.stream, stdin: process.stdin };
      assert.equal(await usersCommand('add', 'carol', { db, role: 'reviewer' }, io), 0);
      await assert.rejects(usersCommand('add', 'carol', { db }, io), /already exists/);
      await assert.rejects(usersCommand('add', 'dave', { db, role: 'boss' }, io), /not a role/);
      await assert.rejects(usersCommand('add', 'erin', { db }, { ...io, env: { LEAKWATCH_PASSWORD: 'short' } }), /too short/);
      const store = new UserStore(db);
      assert.equal(store.getUser('carol')!.role, 'reviewer');
      assert.equal(await verifyPassword(store.getUser('carol')!.passwordHash, 'a long enough passphrase'), true);
      store.close();

      assert.equal(await usersCommand('passwd', 'carol', { db, role: 'admin' }, { ...io, env: { LEAKWATCH_PASSWORD: 'a brand new passphrase' } }), 0);
      const after = new UserStore(db);
      assert.equal(await verifyPassword(after.getUser('carol')!.passwordHash, 'a brand new passphrase'), true);
      assert.equal(after.getUser('carol')!.role, 'admin');
      after.close();

      // Without the variable and without a terminal there is nothing safe to read from.
      const noTty = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream;
      await assert.rejects(usersCommand('passwd', 'carol', { db }, { ...io, env: {}, stdin: noTty }), /LEAKWATCH_PASSWORD/);

      assert.equal(await usersCommand('remove', 'carol', { db }, io), 0);
      await assert.rejects(usersCommand('remove', 'carol', { db }, io), /no user/);
      assert.ok(!out.text().includes('passphrase'), 'the password is never echoed');
      assert.match(out.text(), /added carol \(reviewer\)/);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('templates', () => {
  test('interpolated values are escaped; nested templates are not double-escaped', () => {
    const evil = `<script>alert("x")</script>' onmouseover=1`;
    const out = html`<p title="${evil}">${evil}${html`<b>${'&'}</b>`}${[1, null, false, 'a<']}</p>`.value;
    assert.ok(!out.includes('<script>'));
    assert.ok(out.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=1'));
    assert.ok(out.includes('<b>&amp;</b>'));
    assert.ok(out.endsWith('1a&lt;</p>'));
    assert.equal(html`${unsafeRaw('<i>ok</i>')}`.value, '<i>ok</i>');
  });

  test('evidence highlighting escapes the text around the marks', () => {
    const out = highlight('<b>Call</b> 07700 900123 now', ['07700 900123']).value;
    assert.equal(out, '&lt;b&gt;Call&lt;/b&gt; <mark>07700 900123</mark> now');
  });
});
