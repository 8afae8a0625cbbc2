import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { configSchema, type AllowListEntry, type LeakwatchConfig, type LeakwatchConfigInput } from './schema.js';

export { configSchema };
export type { LeakwatchConfig, LeakwatchConfigInput, TargetConfig, AlertsConfig, AllowListEntry } from './schema.js';
export { cronProblem, cronHasSeconds, timezoneProblem } from './cron.js';

/** The replica's Hertfordshire force, served by `leakwatch replica` on its default port. */
export const DEFAULT_TARGET = {
  name: 'replica',
  startUrls: ['http://127.0.0.1:8080/pu/your-area/hertfordshire-constabulary/'],
};

type Env = Record<string, string | undefined>;
type DeepPartial<T> = T extends readonly (infer U)[] ? U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
type PlainObject = Record<string, unknown>;
type KeyPath = (string | number)[];

const isPlainObject = (v: unknown): v is PlainObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `targets[0].startUrls[1]`, `alerts.email.smtp`: the way an operator reads a YAML path. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

// ---------------------------------------------------------------------------
// Secrets from the environment.

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** Replaces `${NAME}` / `${NAME:-default}` in every string; a missing variable is an error at its key path. */
function interpolateEnv(value: unknown, env: Env, path: KeyPath, problems: string[]): unknown {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (whole, name: string, fallback: string | undefined) => {
      const found = env[name];
      if (found !== undefined && found !== '') return found;
      if (fallback !== undefined) return fallback;
      problems.push(`${formatKeyPath(path)}: environment variable ${name} is not set (referenced as ${whole})`);
      return whole;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolateEnv(v, env, [...path, i], problems));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateEnv(v, env, [...path, k], problems)]));
  }
  return value;
}

const splitList = (v: string): string[] => v.split(',').map((s) => s.trim()).filter(Boolean);

/**
 * LEAKWATCH_* variables win over the file, so a container can keep secrets out of the mounted config.
 * Each entry: variable → key path → how to turn the text into the value.
 */
export const ENV_OVERRIDES: { env: string; path: string[]; parse?: (v: string) => unknown }[] = [
  { env: 'LEAKWATCH_SMTP_URL', path: ['alerts', 'email', 'smtp'] },
  { env: 'LEAKWATCH_SMTP_FROM', path: ['alerts', 'email', 'from'] },
  { env: 'LEAKWATCH_SMTP_TO', path: ['alerts', 'email', 'to'], parse: splitList },
  { env: 'LEAKWATCH_PAGERDUTY_ROUTING_KEY', path: ['alerts', 'pagerduty', 'routingKey'] },
  { env: 'LEAKWATCH_PAGERDUTY_URL', path: ['alerts', 'pagerduty', 'url'] },
  { env: 'LEAKWATCH_TEAMS_URL', path: ['alerts', 'teams', 'url'] },
  { env: 'LEAKWATCH_WEBHOOK_URL', path: ['alerts', 'webhook', 'url'] },
  { env: 'LEAKWATCH_WEBHOOK_SECRET', path: ['alerts', 'webhook', 'secret'] },
  { env: 'LEAKWATCH_HEARTBEAT_URL', path: ['alerts', 'heartbeat', 'url'] },
  { env: 'LEAKWATCH_OUTBOX_DIR', path: ['alerts', 'outboxDir'] },
  { env: 'LEAKWATCH_DB', path: ['storage', 'path'] },
  { env: 'LEAKWATCH_DASHBOARD_PORT', path: ['dashboard', 'port'], parse: Number },
  { env: 'LEAKWATCH_DASHBOARD_HOST', path: ['dashboard', 'host'] },
  { env: 'LEAKWATCH_PUBLIC_URL', path: ['dashboard', 'publicUrl'] },
  { env: 'LEAKWATCH_CHROMIUM', path: ['crawl', 'chromiumPath'] },
  { env: 'LEAKWATCH_HMAC_SECRET', path: ['security', 'fingerprintSecret'] },
  { env: 'LEAKWATCH_ENCRYPTION_KEY', path: ['security', 'encryptionKey'] },
];

function applyEnvOverrides(raw: PlainObject, env: Env): PlainObject {
  const out = structuredClone(raw);
  for (const { env: name, path, parse } of ENV_OVERRIDES) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    let node: PlainObject = out;
    for (const key of path.slice(0, -1)) {
      if (!isPlainObject(node[key])) node[key] = {};
      node = node[key] as PlainObject;
    }
    node[path[path.length - 1]] = parse ? parse(text) : text;
  }
  // SMTP given only through the environment (the demo, `leakwatch sweep`): a recipient must still be
  // named, so default it to a local mailbox rather than make the operator write a file just for that.
  const fileHadEmail = isPlainObject((raw.alerts as PlainObject | undefined)?.email);
  const emailCfg = (out.alerts as PlainObject | undefined)?.email as PlainObject | undefined;
  if (!fileHadEmail && emailCfg && emailCfg.to === undefined) emailCfg.to = ['duty-officer@localhost'];
  return out;
}

// ---------------------------------------------------------------------------
// Validation.

function valueAt(obj: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = obj;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => `${formatKeyPath([...issue.path, k])}: unknown key (check the spelling; see config/leakwatch.example.yaml)`);
  }
  const at = formatKeyPath(issue.path);
  if (issue.code === 'invalid_type') {
    const got = valueAt(input, issue.path);
    if (got === undefined) return [`${at}: is required (expected ${issue.expected})`];
    const secret = /secret|key|smtp/i.test(at);
    const shown = secret ? typeof got : (JSON.stringify(got) ?? String(got)).slice(0, 60);
    return [`${at}: expected ${issue.expected}, got ${shown}`];
  }
  return [`${at}: ${issue.message}`];
}

/** Validates an already-parsed object; `sourceName` (a file path or "defaults") goes into the error. */
export function parseConfig(obj: unknown, sourceName: string, env: Env = process.env): LeakwatchConfig {
  if (!isPlainObject(obj)) {
    throw new ConfigError(`${sourceName}: the configuration must be a mapping of keys (targets, schedule, storage, alerts, dashboard)`,
      'See config/leakwatch.example.yaml');
  }
  const problems: string[] = [];
  const interpolated = interpolateEnv(obj, env, [], problems) as PlainObject;
  const withOverrides = applyEnvOverrides(interpolated, env);
  const result = configSchema.safeParse(withOverrides);
  if (!result.success) problems.push(...result.error.issues.flatMap((issue) => describeIssue(issue, withOverrides)));
  if (problems.length > 0 || !result.success) {
    const unique = [...new Set(problems)];
    throw new ConfigError(
      `${sourceName}: ${unique.length} problem${unique.length === 1 ? '' : 's'} in the configuration:\n  - ${unique.join('\n  - ')}`,
      'Fix the keys named above (see config/leakwatch.example.yaml), then run `leakwatch config check <file>`',
    );
  }
  return result.data;
}

/** Reads a YAML or JSON file (by extension; YAML also reads JSON) and validates it. */
export function loadConfig(path: string, env: Env = process.env): LeakwatchConfig {
  const full = resolve(path);
  if (!existsSync(full)) {
    throw new ConfigError(`Config file not found: ${full}`, 'Pass an existing file with --config, or copy config/leakwatch.example.yaml');
  }
  if (!statSync(full).isFile()) throw new ConfigError(`Config path is not a file: ${full}`, 'Pass the path of a .yaml or .json file');
  const text = readFileSync(full, 'utf8');
  let obj: unknown;
  if (extname(full).toLowerCase() === '.json') {
    try {
      obj = JSON.parse(text);
    } catch (err) {
      throw new ConfigError(`${full}: not valid JSON (${(err as Error).message})`, 'Fix the syntax, or use YAML');
    }
  } else {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      const lines = doc.errors.map((e) => e.message.split('\n')[0]);
      throw new ConfigError(`${full}: not valid YAML:\n  - ${lines.join('\n  - ')}`, 'Fix the YAML syntax at the line shown');
    }
    obj = doc.toJS();
  }
  return parseConfig(obj ?? {}, full, env);
}

function deepMerge(base: PlainObject, over: PlainObject): PlainObject {
  const out: PlainObject = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k] as PlainObject, v) : v;
  }
  return out;
}

/**
 * The configuration used when no file is given: the replica target, ./data/leakwatch.db, and e-mail
 * to ./data/outbox/*.eml unless LEAKWATCH_SMTP_URL is set. `overrides` are merged in (arrays replace).
 */
export function defaultConfig(overrides: DeepPartial<LeakwatchConfigInput> = {}, env: Env = process.env): LeakwatchConfig {
  const base: PlainObject = { targets: [DEFAULT_TARGET] };
  return parseConfig(deepMerge(base, overrides as PlainObject), 'built-in defaults', env);
}

/** The allow-list entries in the shape detectors/AllowList takes (`new AllowList(allowEntriesFromConfig(config))`). */
export function allowEntriesFromConfig(config: LeakwatchConfig): { entity: AllowListEntry['entity']; value: string; reason: string; source: 'config'; expiresAt: string }[] {
  return config.allowList.map((e) => ({
    entity: e.entity,
    value: e.value,
    reason: e.owner ? `${e.reason} (owner: ${e.owner})` : e.reason,
    source: 'config' as const,
    expiresAt: e.expires,
  }));
}

/** Secrets must not be printed by `config check`; this returns a copy safe to show. */
export function redactConfig(config: LeakwatchConfig): LeakwatchConfig {
  const copy = structuredClone(config);
  const a = copy.alerts;
  if (a.email) a.email.smtp = a.email.smtp.replace(/\/\/[^@/]*@/, '//***@');
  if (a.pagerduty) a.pagerduty.routingKey = '***';
  if (a.teams) a.teams.url = redactUrl(a.teams.url);
  if (a.webhook) {
    a.webhook.url = redactUrl(a.webhook.url);
    if (a.webhook.secret) a.webhook.secret = '***';
  }
  if (a.heartbeat) a.heartbeat.url = redactUrl(a.heartbeat.url);
  if (copy.security.fingerprintSecret) copy.security.fingerprintSecret = '***';
  if (copy.security.encryptionKey) copy.security.encryptionKey = '***';
  return copy;
}

/** Webhook URLs carry their secret in the path or query: keep only the origin. */
function redactUrl(url: string): string {
  try {
    return `${new URL(url).origin}/***`;
  } catch {
    return '***';
  }
}

/** A few lines for `leakwatch config check`: what will run, when, and where alerts go. */
export function describeConfig(config: LeakwatchConfig): string {
  const a = config.alerts;
  const channels = [
    a.email ? `email → ${a.email.to.length} recipient(s) via ${a.email.smtp.replace(/\/\/[^@/]*@/, '//***@')}` : `email → ${a.outboxDir}/*.eml (no SMTP configured)`,
    a.pagerduty && 'pagerduty',
    a.teams && 'teams',
    a.webhook && 'webhook',
    a.heartbeat && 'heartbeat',
  ].filter(Boolean);
  const lines = [
    `targets: ${config.targets.map((t) => `${t.name} (${t.startUrls.length} start URL${t.startUrls.length === 1 ? '' : 's'})`).join(', ')}`,
    `schedule: full "${config.schedule.full}", hot "${config.schedule.hot}" (${config.schedule.timezone}, jitter ≤${config.schedule.jitterSeconds}s)`,
    ...config.targets.filter((t) => t.schedule).map((t) => `  ${t.name}: full "${t.schedule?.full ?? config.schedule.full}", hot "${t.schedule?.hot ?? config.schedule.hot}"`),
    `storage: ${config.storage.path} (evidence kept ${config.storage.retentionDays} days after resolution)`,
    `alerts: ${channels.join('; ')}`,
    `dashboard: http://${config.dashboard.host}:${config.dashboard.port}/ (healthz, metrics)`,
    `allow-list: ${config.allowList.length} entr${config.allowList.length === 1 ? 'y' : 'ies'}${config.allowList.some((e) => Date.parse(e.expires) < Date.now()) ? ' (some expired: they no longer apply)' : ''}`,
  ];
  return lines.join('\n');
}
