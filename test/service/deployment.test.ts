import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../config/index.js';

/** Docker cannot run here, so the deployment files are checked against the code they depend on. */
const root = join(import.meta.dirname, '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

test('Dockerfile: Playwright base image matches the installed playwright-core; non-root; /healthz healthcheck; serve CMD', () => {
  const dockerfile = read('Dockerfile');
  const lock = JSON.parse(read('package-lock.json'));
  const pw = lock.packages['node_modules/playwright-core'].version as string;
  const tag = /mcr\.microsoft\.com\/playwright:v([\d.]+)-noble/.exec(dockerfile)?.[1];
  assert.equal(tag, pw, 'the image browser build must be the one playwright-core expects');
  const users = [...dockerfile.matchAll(/^USER (\S+)/gm)].map((m) => m[1]);
  assert.ok(users.length > 0 && users.at(-1) !== 'root', 'runs as a non-root user');
  assert.match(dockerfile, /^HEALTHCHECK[\s\S]*\/healthz/m);
  assert.match(dockerfile, /npm ci/);
  assert.match(dockerfile, /npm run build/);
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]) as string[];
  assert.deepEqual(cmd.slice(0, 3), ['node', 'dist/cli/main.js', 'serve']);
  const configInImage = cmd[cmd.indexOf('--config') + 1].replace(/^\/app\//, '');
  assert.ok(existsSync(join(root, configInImage)), `${configInImage} exists`);
  const scripts = JSON.parse(read('package.json')).scripts;
  assert.ok(scripts.build, 'npm run build exists');
});

test('docker-compose: leakwatch, replica (clean), Mailpit with web UI, a data volume; the target points at the replica', () => {
  const compose = parse(read('docker-compose.yml'));
  const { leakwatch, replica, mailpit } = compose.services;
  assert.ok(leakwatch && replica && mailpit);
  assert.deepEqual(replica.command, ['node', 'dist/cli/main.js', 'replica', '--port', '8080', '--host', '0.0.0.0', '--scenario', 'clean']);
  assert.match(mailpit.image, /^axllent\/mailpit:/);
  assert.ok(mailpit.ports.some((p: string) => p.endsWith(':8025')), 'Mailpit web UI published');
  assert.ok(leakwatch.volumes.some((v: string) => v.startsWith('leakwatch-data:/data')));
  assert.ok('leakwatch-data' in compose.volumes);
  for (const svc of [leakwatch, replica, mailpit]) {
    for (const p of svc.ports ?? []) assert.match(p, /^127\.0\.0\.1:/, 'published on the host loopback only');
  }
  const configPath = leakwatch.command[leakwatch.command.indexOf('--config') + 1].replace(/^\/app\//, '');
  // As compose interpolates them with nothing set in the shell: ${VAR:-default} → default.
  const composeEnv = Object.fromEntries(Object.entries(leakwatch.environment as Record<string, string>)
    .map(([k, v]) => [k, v.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]));
  const env = { ...composeEnv, LEAKWATCH_DB: '/data/leakwatch.db', LEAKWATCH_DASHBOARD_HOST: '0.0.0.0' };
  const config = loadConfig(join(root, configPath), env);
  assert.equal(config.alerts.email?.smtp, 'smtp://mailpit:1025');
  assert.equal(config.storage.path, '/data/leakwatch.db');
  const replicaIp = replica.networks.demo.ipv4_address;
  assert.equal(new URL(config.targets[0].startUrls[0]).hostname, replicaIp, 'the target is the replica container');
  assert.equal(new URL(config.targets[0].startUrls[0]).port, '8080');
});

test('.dockerignore keeps databases, secrets and node_modules out of the image', () => {
  const ignore = read('.dockerignore').split('\n').map((l) => l.trim());
  for (const entry of ['node_modules', 'data', '*.db', '.leakwatch-secret*', '.git']) assert.ok(ignore.includes(entry), entry);
});
