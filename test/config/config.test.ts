import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ConfigError } from '../../core/errors.js';
import { defaultConfig, describeConfig, loadConfig, parseConfig, redactConfig, cronProblem } from '../../config/index.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'leakwatch-config-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected ConfigError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a ConfigError');
}

const minimal = { targets: [{ name: 'herts', startUrls: ['https://www.police.uk/pu/your-area/hertfordshire-constabulary/'] }] };

test('defaultConfig: the replica target, ./data/leakwatch.db, no SMTP (outbox files), Europe/London', () => {
  const c = defaultConfig({}, {});
  assert.deepEqual(c.targets, [{ name: 'replica', startUrls: ['http://127.0.0.1:8080/pu/your-area/hertfordshire-constabulary/'] }]);
  assert.equal(c.storage.path, './data/leakwatch.db');
  assert.equal(c.alerts.email, undefined);
  assert.equal(c.alerts.outboxDir, './data/outbox');
  assert.equal(c.schedule.timezone, 'Europe/London');
  assert.equal(c.dashboard.host, '127.0.0.1');
});

test('defaultConfig merges overrides; arrays replace', () => {
  const c = defaultConfig({ storage: { path: '/tmp/x.db' }, targets: [{ name: 'a', startUrls: ['http://127.0.0.1:1/x/'] }], crawl: { maxPages: 7 } }, {});
  assert.equal(c.storage.path, '/tmp/x.db');
  assert.equal(c.targets.length, 1);
  assert.equal(c.targets[0].name, 'a');
  assert.equal(c.crawl.maxPages, 7);
  assert.equal(c.crawl.concurrency, 4, 'untouched defaults stay');
});

test('the example config validates', () => {
  const c = loadConfig(join(repoRoot, 'config', 'leakwatch.example.yaml'), {});
  assert.equal(c.targets[0].name, 'herts');
  assert.equal(c.alerts.email?.smtp, 'smtp://127.0.0.1:1025', '${VAR:-default} falls back');
  assert.equal(c.allowList.length, 1);
  assert.match(describeConfig(c), /hot "\*\/5 \* \* \* \*"/);
});

test('a missing file names the path', () => {
  const missing = join(dir, 'nope.yaml');
  const err = configError(() => loadConfig(missing));
  assert.match(err.message, /Config file not found/);
  assert.ok(err.message.includes(missing));
});

test('every bad key is named by its path, with what is wrong', () => {
  const file = write('bad.yaml', [
    'targets:',
    '  - name: herts',
    '    startUrls: [ftp://example.org/]',
    '  - name: herts',
    '    startUrls: []',
    'schedule:',
    '  hot: "*/61 * * * *"',
    '  full: "0 25 * * *"',
    '  timezone: Mars/Olympus',
    'storage: {}',
    'alerts:',
    '  emial: {}',
    '  email: {smtp: "http://mail", to: []}',
    '  pagerduty: {}',
    '  teams: {url: not-a-url}',
    'dashboard: {port: 70000}',
    'allowList:',
    '  - {entity: PHONE, value: "01632 960000", expires: soon}',
  ].join('\n'));
  const err = configError(() => loadConfig(file, {}));
  const expected: [string, RegExp][] = [
    ['targets[0].startUrls[0]', /must be an http:\/\/ or https:\/\/ URL/],
    ['targets[1].startUrls', /at least one start URL/],
    ['schedule.hot', /"\*\/61 \* \* \* \*" is not a valid cron expression/],
    ['schedule.full', /not a valid cron expression \(25 is an invalid expression for hour\)/],
    ['schedule.timezone', /not an IANA time zone/],
    ['alerts.emial', /unknown key/],
    ['alerts.email.smtp', /smtp:\/\/host:port/],
    ['alerts.email.to', /at least one recipient/],
    ['alerts.pagerduty.routingKey', /is required/],
    ['alerts.teams.url', /not a URL/],
    ['dashboard.port', /65535|too big|<=/i],
    ['allowList[0].reason', /is required/],
    ['allowList[0].expires', /not a date/],
  ];
  for (const [path, what] of expected) {
    const line = err.message.split('\n').find((l) => l.includes(`- ${path}: `));
    assert.ok(line, `no error line for ${path} in:\n${err.message}`);
    assert.match(line, what, `${path}`);
  }
  assert.ok(err.message.includes(file), 'names the file');
});

test('duplicate target names are rejected', () => {
  const err = configError(() => parseConfig({ targets: [minimal.targets[0], minimal.targets[0]] }, 'dup.yaml', {}));
  assert.match(err.message, /targets\[1\]\.name: "herts" is already used by targets\[0\]/);
});

test('cron: strict steps and ranges, seconds field allowed', () => {
  assert.match(cronProblem('*/61 * * * *') ?? '', /minute step 61/);
  assert.match(cronProblem('5-2 * * * *') ?? '', /runs backwards/);
  assert.equal(cronProblem('*/5 * * * *'), null);
  assert.equal(cronProblem('*/2 * * * * *'), null);
  assert.equal(cronProblem('0 9 * * MON-FRI'), null);
  assert.match(cronProblem('one two') ?? '', /5 or 6 fields/);
});

test('secrets from ${ENV} interpolation; a missing variable names the key path', () => {
  const raw = { ...minimal, alerts: { pagerduty: { routingKey: '${PD_KEY}' }, email: { smtp: 'smtp://${SMTP_HOST}:25', to: ['ig@example.police.uk'] } } };
  const c = parseConfig(raw, 'env.yaml', { PD_KEY: 'R0UT1NGKEY', SMTP_HOST: 'mail.internal' });
  assert.equal(c.alerts.pagerduty?.routingKey, 'R0UT1NGKEY');
  assert.equal(c.alerts.email?.smtp, 'smtp://mail.internal:25');
  const err = configError(() => parseConfig(raw, 'env.yaml', { SMTP_HOST: 'mail.internal' }));
  assert.match(err.message, /alerts\.pagerduty\.routingKey: environment variable PD_KEY is not set/);
});

test('LEAKWATCH_* variables override the file', () => {
  const raw = { ...minimal, alerts: { pagerduty: { routingKey: 'from-file' } }, dashboard: { port: 9000 } };
  const c = parseConfig(raw, 'x.yaml', {
    LEAKWATCH_PAGERDUTY_ROUTING_KEY: 'from-env',
    LEAKWATCH_SMTP_URL: 'smtp://127.0.0.1:2525',
    LEAKWATCH_SMTP_TO: 'a@example.org, b@example.org',
    LEAKWATCH_DASHBOARD_PORT: '9100',
    LEAKWATCH_DB: '/var/lib/leakwatch/lw.db',
  });
  assert.equal(c.alerts.pagerduty?.routingKey, 'from-env');
  assert.equal(c.alerts.email?.smtp, 'smtp://127.0.0.1:2525');
  assert.deepEqual(c.alerts.email?.to, ['a@example.org', 'b@example.org']);
  assert.equal(c.dashboard.port, 9100);
  assert.equal(c.storage.path, '/var/lib/leakwatch/lw.db');
  // SMTP from the environment alone (demo, `leakwatch sweep`) still gets a recipient.
  const d = defaultConfig({}, { LEAKWATCH_SMTP_URL: 'smtp://127.0.0.1:2525' });
  assert.deepEqual(d.alerts.email?.to, ['duty-officer@localhost']);
  // …but a file that configures e-mail without recipients is still an error.
  const err = configError(() => parseConfig({ ...minimal, alerts: { email: { smtp: 'smtp://h:25' } } }, 'y.yaml', {}));
  assert.match(err.message, /alerts\.email\.to: is required/);
});

test('JSON files load; YAML syntax errors name the file', () => {
  const json = write('c.json', JSON.stringify({ ...minimal, schedule: { hot: '*/2 * * * *' } }));
  assert.equal(loadConfig(json, {}).schedule.hot, '*/2 * * * *');
  const broken = write('broken.yaml', 'targets:\n  - name: a\n   startUrls: [x\n');
  const err = configError(() => loadConfig(broken, {}));
  assert.ok(err.message.includes(broken));
  assert.match(err.message, /not valid YAML/);
});

test('redactConfig hides secrets; secrets never appear in validation errors', () => {
  const c = parseConfig({ ...minimal, alerts: {
    email: { smtp: 'smtp://user:s3cretpass@mail:587', to: ['a@example.org'] },
    pagerduty: { routingKey: 'R0UT1NGKEY' },
    heartbeat: { url: 'https://hc-ping.com/0b1c2d3e-secret-uuid' },
  } }, 'x', {});
  const shown = JSON.stringify(redactConfig(c)) + describeConfig(c);
  for (const secret of ['s3cretpass', 'R0UT1NGKEY', 'secret-uuid']) assert.ok(!shown.includes(secret), secret);
  const err = configError(() => parseConfig({ ...minimal, alerts: { email: { smtp: 'http://user:s3cretpass@mail', to: ['a@example.org'] } } }, 'x', {}));
  assert.ok(!err.message.includes('s3cretpass'));
});

test('`leakwatch config check <file>`: exit 0 on a good file, 2 naming the key path on a bad one', () => {
  const run = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'cli', 'main.ts'), 'config', 'check', file], {
    cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LEAKWATCH_LOG_LEVEL: 'silent' }, timeout: 60_000,
  });
  const good = run(join(repoRoot, 'config', 'leakwatch.example.yaml'));
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, /OK/);
  const bad = run(write('check-bad.yaml', 'targets: [{name: x, startUrls: [http://127.0.0.1/]}]\nschedule: {hot: "*/61 * * * *"}\n'));
  assert.equal(bad.status, 2, bad.stdout + bad.stderr);
  assert.match(bad.stderr, /schedule\.hot: "\*\/61 \* \* \* \*" is not a valid cron expression/);
});
