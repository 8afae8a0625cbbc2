import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/tmp.js';

/** The CLI as a user runs it: a real process, real exit codes, stdout/stderr kept apart. */
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { encoding: 'utf8', input, env: { ...process.env, LEAKWATCH_LOG_LEVEL: 'silent' } });

test('usage errors exit 2 and name the problem', () => {
  const bad = run(['sweep', 'not a url']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /not a URL/);
  const badFlag = run(['sweep', 'http://127.0.0.1:9/', '--max-pages', 'lots']);
  assert.equal(badFlag.status, 2);
  assert.match(badFlag.stderr, /--max-pages/);
  const unknown = run(['frobnicate']);
  assert.equal(unknown.status, 2);
  const badPort = run(['replica', '--port', '70000']);
  assert.equal(badPort.status, 2);
  assert.match(badPort.stderr, /--port must be a port number from 0/);
});

test('replica --port 0 listens on a free loopback port and prints the URL it serves', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'replica', '--port', '0', '--scenario', 'clean'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = / at (http:\/\/127\.0\.0\.1:(\d+)\/\S+)/.exec(out);
        if (m) ok(m[1]);
      });
      child.once('exit', (code) => fail(new Error(`replica exited ${code}`)));
    });
    assert.notEqual(new URL(url).port, '0');
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Hertfordshire/);
  } finally {
    child.kill('SIGTERM');
  }
});

test('config check names the key path of each error', () => {
  const tmp = tempDir();
  try {
    const file = join(tmp.dir, 'bad.yaml');
    writeFileSync(file, 'targets:\n  - name: herts\n    startUrls: ["ftp://example.org/"]\nschedule:\n  hot: "*/61 * * * *"\n');
    const r = run(['config', 'check', file]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /targets\[0\]\.startUrls\[0\]|targets\.0\.startUrls\.0/);
    assert.match(r.stderr, /schedule\.hot/);
    const missing = run(['config', 'check', join(tmp.dir, 'nope.yaml')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.yaml/);
  } finally {
    tmp.cleanup();
  }
});

test('scan - reads stdin; --json follows the contract; values masked unless --reveal', () => {
  const text = 'Victim: Mrs Adaeze Okafor, 14 Ringlet Road, Hemel Hempstead HP2 7QX. Perpetrator: Darren Kowalski of 16 Ringlet Road. Nature: repeated noise nuisance.';
  const r = run(['scan', '--json', '-'], text);
  assert.equal(r.status, 1, 'a case record is critical → exit 1');
  const out = JSON.parse(r.stdout) as { findings: Array<Record<string, unknown>> };
  assert.ok(out.findings.length > 0);
  for (const f of out.findings) {
    assert.deepEqual(Object.keys(f).sort(), ['end', 'entity', 'file', 'recordId', 'score', 'severity', 'start', 'value'].sort());
    assert.equal(f.file, '-');
  }
  assert.ok(!r.stdout.includes('Okafor') && !r.stdout.includes('Ringlet'), 'masked by default');
  const person = out.findings.find((f) => f.entity === 'PERSON' && f.severity === 'critical');
  assert.ok(person, 'the victim is a critical PERSON finding');

  const revealed = JSON.parse(run(['scan', '--json', '--reveal', '-'], text).stdout) as { findings: Array<{ value: string; start: number; end: number }> };
  for (const f of revealed.findings) assert.equal(text.slice(f.start, f.end), f.value, 'offsets point into the input');

  const clean = run(['scan', '-'], 'Reduce anti-social behaviour in Pheasant Close and Dorset Close. Call 101.');
  assert.equal(clean.status, 0);
});
