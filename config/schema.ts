import { z } from 'zod';
import { ENTITIES } from '../core/types.js';
import { RENDER_POLICIES } from '../crawler/types.js';
import { DEFAULT_DETECTION_POOL } from '../detectors/pool-options.js';
import { cronProblem, timezoneProblem } from './cron.js';

/**
 * The serve-config contract (issue 6). The top-level keys `targets`, `schedule`, `storage`, `alerts`
 * and `dashboard` are fixed so other tools can write the file; the rest have defaults.
 * Objects are strict, so a misspelt key is reported instead of silently ignored.
 */

const cronExpr = z.string().superRefine((value, ctx) => {
  const problem = cronProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `"${value}" is not a valid cron expression (${problem})` });
});

const httpUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a URL` });
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    ctx.addIssue({ code: 'custom', message: `"${value}" must be an http:// or https:// URL` });
  }
});

/** Redacts the credentials of an SMTP URL so the error message itself leaks no secret. */
const safeUrlText = (value: string): string => value.replace(/\/\/[^@/]*@/, '//***@');

const smtpUrl = z.string().superRefine((value, ctx) => {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    /* reported below */
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    ctx.addIssue({ code: 'custom', message: `"${safeUrlText(value)}" must look like smtp://host:port (or smtps://user:pass@host:465)` });
  }
});

const email = z.string().regex(/^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/, 'must be an e-mail address (or "Name <address>")');

const timezone = z.string().superRefine((value, ctx) => {
  const problem = timezoneProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const isoDate = z.string().superRefine((value, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a date (use YYYY-MM-DD)` });
  }
});

const targetSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'must be a short name of letters, digits, ".", "_" or "-"'),
  startUrls: z.array(httpUrl).min(1, 'needs at least one start URL'),
  /** Per-target override of the global schedule. */
  schedule: z.strictObject({ full: cronExpr.optional(), hot: cronExpr.optional() }).optional(),
});

const scheduleSchema = z.strictObject({
  full: cronExpr.default('0 2 * * *'),
  hot: cronExpr.default('*/5 * * * *'),
  timezone: timezone.default('Europe/London'),
  /** Random delay added to each scheduled start so several monitors do not hit the site in step. */
  jitterSeconds: z.number().int().min(0).max(3600).default(20),
});

const alertsSchema = z.strictObject({
  email: z
    .strictObject({
      smtp: smtpUrl,
      from: email.default('Leakwatch <leakwatch@localhost>'),
      to: z.array(email).min(1, 'needs at least one recipient'),
      /** Recipients of the medium-severity digest; defaults to `to`. */
      digestTo: z.array(email).optional(),
    })
    .optional(),
  pagerduty: z
    .strictObject({
      routingKey: z.string().min(1, 'is empty'),
      url: httpUrl.default('https://events.pagerduty.com/v2/enqueue'),
    })
    .optional(),
  teams: z.strictObject({ url: httpUrl }).optional(),
  webhook: z.strictObject({ url: httpUrl, secret: z.string().min(16, 'must be at least 16 characters').optional() }).optional(),
  heartbeat: z.strictObject({ url: httpUrl }).optional(),
  /** With no SMTP configured, e-mails are written here as .eml files. */
  outboxDir: z.string().min(1).default('./data/outbox'),
});

const crawlSchema = z.strictObject({
  concurrency: z.number().int().min(1).max(32).default(4),
  ratePerSecond: z.number().positive().max(100).default(4),
  maxPages: z.number().int().min(1).default(2000),
  /** Goes into the User-Agent so the site owner can reach whoever runs the monitor. */
  userAgentContact: z.string().min(3).default('information-governance@example.police.uk'),
  pageTimeoutMs: z.number().int().min(1000).default(30_000),
  sweepTimeoutMs: z.number().int().min(10_000).default(30 * 60_000),
  chromiumPath: z.string().min(1).optional(),
  /**
   * learn: render a page's scripts until they are seen to add nothing, then read such pages from
   * markup with spot checks (fast); scripted: render every page with script; always: render all.
   */
  render: z.enum(RENDER_POLICIES).default('learn'),
  /** Pages rendered at once (capped by concurrency); each costs ~150–200 MB of Chromium. */
  renderConcurrency: z.number().int().min(1).max(16).default(2),
});

/** A configured public-role value (a published office number, a venue): reported as low, until it expires. */
const allowEntrySchema = z.strictObject({
  entity: z.enum(ENTITIES),
  /** The exact value to allow (compared after the detectors' normalisation). */
  value: z.string().min(1),
  reason: z.string().min(3, 'must say why the value is allowed'),
  owner: z.string().min(1).optional(),
  expires: isoDate,
});

export const configSchema = z
  .strictObject({
    targets: z.array(targetSchema).min(1, 'needs at least one target'),
    schedule: scheduleSchema.prefault({}),
    storage: z
      .strictObject({
        path: z.string().min(1).default('./data/leakwatch.db'),
        /** Evidence of resolved incidents is purged after this many days. */
        retentionDays: z.number().int().min(1).default(90),
      })
      .prefault({}),
    alerts: alertsSchema.prefault({}),
    dashboard: z
      .strictObject({
        port: z.number().int().min(0).max(65535).default(8787),
        /** Loopback by default: the dashboard shows personal data. */
        host: z.string().min(1).default('127.0.0.1'),
        /** The URL reviewers open; put into alerts as the dashboard link. */
        publicUrl: httpUrl.optional(),
        /** Secure (__Host-) session cookies; defaults to true when publicUrl is https. */
        secureCookies: z.boolean().optional(),
      })
      .prefault({}),
    crawl: crawlSchema.prefault({}),
    /** Each page is detected in a worker thread with a deadline, so one page a detector runs away on cannot stall a sweep. */
    detection: z
      .strictObject({
        /** Deadline for a page of no text; deadlinePerMegabyteMs is added per megabyte of its text. */
        deadlineMs: z.number().int().min(100).default(DEFAULT_DETECTION_POOL.deadlineMs),
        deadlinePerMegabyteMs: z.number().int().min(0).default(DEFAULT_DETECTION_POOL.deadlinePerMegabyteMs),
        /** Pages detected at once, each in its own worker thread. */
        threads: z.number().int().min(1).max(16).default(DEFAULT_DETECTION_POOL.threads),
      })
      .prefault({}),
    allowList: z.array(allowEntrySchema).default([]),
    monitor: z
      .strictObject({
        /** Raise monitor.unreachable after this many failed cycles in a row. */
        unreachableAfterCycles: z.number().int().min(1).default(3),
        /** /healthz turns non-200 when a target's last completed cycle is older than this. */
        staleAfterMinutes: z.number().positive().default(30),
        /** After each successful cycle, crawl and detect a built-in synthetic leak; alert if it is missed. */
        canary: z.boolean().default(true),
      })
      .prefault({}),
    security: z
      .strictObject({
        /** HMAC key for incident fingerprints; generated on first run when absent. */
        fingerprintSecret: z.string().min(16, 'must be at least 16 characters').optional(),
        /** AES-256-GCM key for raw values and evidence at rest (64 hex chars or base64 of 32 bytes). */
        encryptionKey: z.string().min(32, 'must be 32 bytes as hex or base64').optional(),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    config.targets.forEach((t, i) => {
      if (seen.has(t.name)) {
        ctx.addIssue({ code: 'custom', path: ['targets', i, 'name'], message: `"${t.name}" is already used by targets[${seen.get(t.name)}]` });
      } else seen.set(t.name, i);
    });
  });

export type LeakwatchConfig = z.output<typeof configSchema>;
export type LeakwatchConfigInput = z.input<typeof configSchema>;
export type TargetConfig = LeakwatchConfig['targets'][number];
export type AlertsConfig = LeakwatchConfig['alerts'];
export type AllowListEntry = LeakwatchConfig['allowList'][number];
