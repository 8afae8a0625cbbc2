import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import { ENTITIES, SEVERITIES, SEVERITY_RANK, type Entity, type Severity } from '../core/types.js';
import { describeError, StorageError } from '../core/errors.js';
import { silentLogger, type Logger } from '../core/logger.js';
import { INCIDENT_STATUSES, type IncidentRow, type IncidentStatus, type LeakwatchStore } from '../storage/index.js';
import { CHECKLIST_STATES, DashboardQueries, UserStore, roleAtLeast, type ChecklistState, type Role, type SessionInfo } from '../storage/users.js';
import { verifyPassword } from './passwords.js';
import { html, type SafeHtml } from './html.js';
import { page, type NavKey } from './layout.js';
import { buildBreachReport, incidentTimeline, MANUAL_CHECKLIST_KEYS } from './report.js';
import { PdfPrinter } from './pdf.js';
import { loginView } from './views/login.js';
import { incidentsView, type IncidentFilterForm } from './views/incidents.js';
import { incidentView, type RevealedEvidence } from './views/incident.js';
import { runsView } from './views/runs.js';
import { auditView } from './views/audit.js';
import { reportBody, standaloneReport } from './views/report.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in dashboard user, set by the session hook; null when anonymous. */
    lwSession: SessionInfo | null;
  }
}

export interface DashboardOptions {
  /** Absolute session lifetime (default 8 hours: one shift). */
  sessionTtlMs?: number;
  /** Per client address, on POST /login (default 20 per 15 minutes). */
  loginRateLimit?: { max: number; timeWindowMs: number };
  /** Per account: refuse sign-in after this many failures in the window (default 5 in 15 minutes). */
  lockout?: { failures: number; windowMs: number };
  chromiumPath?: string;
  now?: () => Date;
}

export interface DashboardDeps {
  store: LeakwatchStore;
  logger: Logger;
  config: {
    dashboard: { port: number; publicUrl?: string; secureCookies?: boolean };
    targets?: Array<{ name: string }>;
  };
  /** Starts an on-demand sweep (the service's triggerSweep). Without it the button is hidden. */
  triggerSweep?: (target: string) => Promise<unknown>;
  options?: DashboardOptions;
}

/** Paths that answer without a session (issue 7). Everything else, including unknown paths, needs one. */
export const OPEN_PATHS = new Set(['/healthz', '/metrics', '/login']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const FLASH: Record<string, { kind: 'ok' | 'error'; text: string }> = {
  'status-acknowledged': { kind: 'ok', text: 'Incident acknowledged.' },
  'status-resolved': { kind: 'ok', text: 'Incident resolved.' },
  'status-false-positive': { kind: 'ok', text: 'Incident marked as a false positive.' },
  'status-accepted-risk': { kind: 'ok', text: 'Risk accepted and recorded.' },
  'allow-added': { kind: 'ok', text: 'Allow-list entry added.' },
  'sweep-started': { kind: 'ok', text: 'Sweep started. Refresh this page to follow it.' },
  'sweep-running': { kind: 'error', text: 'A sweep of that target is already running.' },
  'checklist-saved': { kind: 'ok', text: 'Checklist updated.' },
  'signed-out': { kind: 'ok', text: 'You have signed out.' },
};

const ACTIONS: Record<string, IncidentStatus> = {
  acknowledge: 'acknowledged',
  resolve: 'resolved',
  'false-positive': 'false-positive',
  'accepted-risk': 'accepted-risk',
};

type Body = Record<string, string | string[] | undefined>;
const str = (v: unknown): string => (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined => (allowed as readonly string[]).includes(str(v)) ? (str(v) as T) : undefined;

/** Only same-site relative paths, so the login form cannot be used as an open redirect. */
function safeNext(next: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/login') ? next : '/incidents';
}

export async function registerDashboard(app: FastifyInstance, deps: DashboardDeps): Promise<void> {
  const log = deps.logger.child({ component: 'dashboard' });
  const { store } = deps;
  const users = new UserStore(store.db);
  const queries = new DashboardQueries(store.db);
  const now = deps.options?.now ?? (() => new Date());
  const ttl = deps.options?.sessionTtlMs ?? 8 * 3_600_000;
  const lockout = deps.options?.lockout ?? { failures: 5, windowMs: 15 * 60_000 };
  const loginLimit = deps.options?.loginRateLimit ?? { max: 20, timeWindowMs: 15 * 60_000 };
  const secure = deps.config.dashboard.secureCookies ?? deps.config.dashboard.publicUrl?.startsWith('https://') ?? false;
  // __Host- cookies must be Secure, path=/ and host-only: the browser then refuses any other site's overwrite.
  const sessionCookie = secure ? '__Host-lw_session' : 'lw_session';
  const csrfCookie = secure ? '__Host-lw_csrf' : 'lw_csrf';
  const printer = new PdfPrinter({ logger: log, chromiumPath: deps.options?.chromiumPath });
  const sweepsRunning = new Set<string>();
  const sweepTargets = deps.triggerSweep ? (deps.config.targets ?? []).map((t) => t.name) : [];

  if (!app.hasDecorator('parseCookie')) await app.register(cookie);
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    hsts: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: csrfCookie,
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure },
    getUserInfo: (req: FastifyRequest) => req.lwSession?.id ?? 'anonymous',
    csrfOpts: { hmacKey: users.secret('csrf-hmac') },
  });
  await app.register(rateLimit, { global: false });

  app.decorateRequest('lwSession', null);

  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[sessionCookie];
    const session = token ? users.getSession(token, now()) : undefined;
    req.lwSession = session ?? null;
    const path = req.url.split('?')[0];
    if (OPEN_PATHS.has(path)) return;
    if (!session) {
      if (token) reply.clearCookie(sessionCookie, { path: '/' });
      const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
      if (wantsHtml) return reply.code(303).header('location', `/login?next=${encodeURIComponent(req.url)}`).header('cache-control', 'no-store').send();
      return reply.code(401).header('cache-control', 'no-store').send({ error: 'sign-in required', login: '/login' });
    }
    users.touchSession(session.id, now());
  });

  // Every state-changing request carries a CSRF token bound to the session (or to "anonymous" for the login form).
  app.addHook('preHandler', (req, reply, done) => {
    if (SAFE_METHODS.has(req.method)) return done();
    app.csrfProtection(req, reply, done);
  });

  app.addHook('onClose', async () => {
    await printer.close();
  });

  const csrfFor = (req: FastifyRequest, reply: FastifyReply): string => reply.generateCsrf({ userInfo: req.lwSession?.id ?? 'anonymous' });

  type Flash = { kind: 'ok' | 'error'; text: string };
  const render = (req: FastifyRequest, reply: FastifyReply, nav: NavKey, title: string, body: SafeHtml | ((csrf: string) => SafeHtml), code = 200, flash?: Flash) => {
    const token = csrfFor(req, reply);
    const flashKey = str((req.query as Record<string, unknown> | undefined)?.msg);
    const markup = page(
      { title, session: req.lwSession, csrf: token, nonce: reply.cspNonce, nav, flash: flash ?? FLASH[flashKey] ?? null },
      typeof body === 'function' ? body(token) : body,
    );
    return reply.code(code).type('text/html; charset=utf-8').send(markup.value);
  };

  const refuse = (req: FastifyRequest, reply: FastifyReply, needed: Role, what: string, subject = 'dashboard') => {
    const s = req.lwSession!;
    store.audit(s.username, 'access.refused', subject, `${what}: needs ${needed}, has ${s.role}`);
    log.warn({ user: s.username, role: s.role, needed, what }, 'refused: role too low');
    return render(req, reply, 'none', 'Not allowed', html`<h1>Not allowed</h1>
<p role="alert">Your role (<strong>${s.role}</strong>) cannot ${what}. It needs the <strong>${needed}</strong> role. This attempt was recorded.</p>
<p><a href="/incidents">Back to incidents</a></p>`, 403);
  };

  const allows = (req: FastifyRequest, needed: Role) => roleAtLeast(req.lwSession!.role, needed);

  await app.register(async (child) => {
    child.addHook('onSend', async (_req, reply, payload) => {
      // Pages hold personal data: never cache them anywhere.
      reply.header('cache-control', 'no-store');
      return payload;
    });

    child.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
      const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
      if (err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET') {
        log.warn({ path: req.url.split('?')[0], user: req.lwSession?.username }, 'refused: missing or invalid CSRF token');
        return render(req, reply, 'none', 'Form expired', html`<h1>Form expired or not from this site</h1>
<p role="alert">The request was refused because its security token is missing or invalid. Go back, reload the page and try again.</p>`, 403);
      }
      if (status === 429) {
        return render(req, reply, 'none', 'Too many attempts', html`<h1>Too many sign-in attempts</h1><p role="alert">Wait a few minutes and try again.</p>`, 429);
      }
      if (status >= 500) log.error({ err: describeError(err), path: req.url.split('?')[0] }, 'dashboard request failed');
      const message = err instanceof StorageError ? err.message : status >= 500 ? 'Something went wrong; the error was logged.' : err.message;
      return render(req, reply, 'none', 'Error', html`<h1>Sorry</h1><p role="alert">${message}</p>`, status);
    });

    child.setNotFoundHandler((req, reply) => render(req, reply, 'none', 'Not found', html`<h1>Not found</h1><p>There is nothing at this address. <a href="/incidents">Incidents</a></p>`, 404));

    child.get('/', async (_req, reply) => reply.redirect('/incidents', 303));

    // -- sign-in ------------------------------------------------------------------

    child.get('/login', async (req, reply) => {
      const q = req.query as Record<string, unknown>;
      if (req.lwSession) return reply.redirect(safeNext(str(q.next)), 303);
      return render(req, reply, 'none', 'Sign in', (csrfToken) => loginView({ csrf: csrfToken, next: safeNext(str(q.next)) }));
    });

    child.post('/login', { config: { rateLimit: { max: loginLimit.max, timeWindow: loginLimit.timeWindowMs } } }, async (req, reply) => {
      const body = (req.body ?? {}) as Body;
      const username = str(body.username).trim().slice(0, 128);
      const password = str(body.password);
      const next = safeNext(str(body.next));
      const at = now();
      const fail = (message: string, code: number) =>
        render(req, reply, 'none', 'Sign in', (csrfToken) => loginView({ csrf: csrfToken, next, error: message, username }), code);
      if (!username || !password) return fail('Enter your user name and password.', 400);
      if (users.recentFailures(username, new Date(at.getTime() - lockout.windowMs)) >= lockout.failures) {
        users.recordLoginAttempt(username, req.ip, false, at);
        store.audit(username, 'login.locked', 'dashboard', `from ${req.ip}`);
        log.warn({ ip: req.ip }, 'sign-in refused: account temporarily locked');
        return fail(`Too many failed attempts for this account. Try again in ${Math.ceil(lockout.windowMs / 60_000)} minutes.`, 429);
      }
      const user = users.getUser(username);
      const ok = await verifyPassword(user?.passwordHash, password);
      users.recordLoginAttempt(username, req.ip, ok, at);
      if (!ok || !user) {
        store.audit(username, 'login.failed', 'dashboard', `from ${req.ip}`);
        return fail('The user name or password is wrong.', 401);
      }
      const old = req.cookies[sessionCookie];
      if (old) users.deleteSession(old); // a fresh token at every sign-in: no session fixation
      const { token } = users.createSession(user.username, ttl, req.ip, at);
      reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: Math.floor(ttl / 1000) });
      store.audit(user.username, 'login', 'dashboard', `from ${req.ip}`);
      log.info({ user: user.username, role: user.role }, 'signed in');
      return reply.redirect(next, 303);
    });

    child.post('/logout', async (req, reply) => {
      const token = req.cookies[sessionCookie];
      if (token) users.deleteSession(token);
      store.audit(req.lwSession!.username, 'logout', 'dashboard');
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.redirect('/login?msg=signed-out', 303);
    });

    // -- incidents -------------------------------------------------------------------

    child.get('/incidents', async (req, reply) => {
      const q = req.query as Record<string, unknown>;
      const filter: IncidentFilterForm = {
        severity: oneOf<Severity>(q.severity, SEVERITIES),
        status: oneOf<IncidentStatus | 'open'>(q.status, [...INCIDENT_STATUSES, 'open']),
        target: str(q.target) || undefined,
        entity: oneOf<Entity>(q.entity, ENTITIES),
        sort: oneOf<'newest' | 'severity'>(q.sort, ['newest', 'severity']),
      };
      const all = store.listIncidents({ limit: 100_000 });
      const open = all.filter((r) => r.status === 'new' || r.status === 'acknowledged');
      const openBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, open.filter((r) => r.severity === s).length])) as Record<Severity, number>;
      let rows: IncidentRow[] = store.listIncidents({
        limit: 100_000,
        target: filter.target,
        severity: filter.severity,
        ...(filter.status === 'open' ? { open: true } : filter.status ? { status: filter.status } : {}),
      });
      if (filter.entity) rows = rows.filter((r) => r.entities.includes(filter.entity!));
      const newest = (a: IncidentRow, b: IncidentRow) => (a.detectedAt === b.detectedAt ? (a.firstSeen < b.firstSeen ? 1 : a.firstSeen > b.firstSeen ? -1 : 0) : a.detectedAt < b.detectedAt ? 1 : -1);
      rows.sort(filter.sort === 'severity' ? (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || newest(a, b) : newest);
      const targets = [...new Set([...all.map((r) => r.target), ...(deps.config.targets ?? []).map((t) => t.name)])].sort();
      return render(req, reply, 'incidents', 'Incidents', incidentsView({
        filter, rows, targets, totals: { all: all.length, open: open.length, openBySeverity, closed: all.length - open.length },
      }));
    });

    const incidentPage = (req: FastifyRequest, reply: FastifyReply, id: string, revealed?: { values: string[]; display: string; evidence: Map<number, RevealedEvidence> }, code = 200, flash?: Flash) => {
      const incident = store.getIncident(id);
      if (!incident) return render(req, reply, 'incidents', 'Not found', html`<h1>No such incident</h1><p><a href="/incidents">All incidents</a></p>`, 404);
      return render(req, reply, 'incidents', `Incident ${incident.maskedValue}`, (csrfToken) => incidentView({
        incident, timeline: incidentTimeline(incident), canReview: allows(req, 'reviewer'), csrf: csrfToken,
        allowEntries: users.listAllowEntries({ incidentId: id, today: now().toISOString().slice(0, 10) }), revealed, today: now().toISOString().slice(0, 10),
      }), code, flash);
    };

    child.get('/incidents/:id', async (req, reply) => incidentPage(req, reply, (req.params as { id: string }).id));

    child.post('/incidents/:id/reveal', async (req, reply) => {
      const { id } = req.params as { id: string };
      if (!allows(req, 'reviewer')) return refuse(req, reply, 'reviewer', 'reveal raw values', id);
      const incident = store.getIncident(id);
      if (!incident) return incidentPage(req, reply, id);
      const actor = req.lwSession!.username;
      let display: string;
      try {
        display = store.revealValue(id, actor); // audit-logged by the store
      } catch (err) {
        if (!(err instanceof StorageError)) throw err;
        return incidentPage(req, reply, id, undefined, 410, { kind: 'error', text: err.message.split('\n')[0] });
      }
      const values = incident.kind === 'record' ? display.split('\n').map((l) => l.replace(/^[A-Z_]+: /, '')) : [display];
      const evidence = new Map<number, RevealedEvidence>();
      for (const o of incident.occurrenceList) {
        if (o.purgedAt || (!o.hasEvidence && !o.hasScreenshot)) continue;
        const ev = store.revealEvidence(o.id, actor); // audit-logged by the store
        evidence.set(o.id, { text: ev.text, hasScreenshot: Boolean(ev.screenshot) });
      }
      log.info({ user: actor, incident: id }, 'value revealed');
      return incidentPage(req, reply, id, { values, display, evidence });
    });

    child.get('/incidents/:id/evidence/:file', async (req, reply) => {
      const { id, file } = req.params as { id: string; file: string };
      if (!allows(req, 'reviewer')) return refuse(req, reply, 'reviewer', 'view evidence screenshots', id);
      const occurrenceId = Number(/^(\d+)\.png$/.exec(file)?.[1]);
      const incident = store.getIncident(id);
      if (!incident || !incident.occurrenceList.some((o) => o.id === occurrenceId)) return reply.code(404).send({ error: 'no such evidence' });
      const ev = store.revealEvidence(occurrenceId, req.lwSession!.username);
      if (!ev.screenshot) return reply.code(404).send({ error: 'no screenshot stored (or purged)' });
      return reply.type('image/png').header('content-disposition', 'inline').send(ev.screenshot);
    });

    child.post('/incidents/:id/status', async (req, reply) => {
      const { id } = req.params as { id: string };
      const body = (req.body ?? {}) as Body;
      const status = ACTIONS[str(body.action)];
      if (!allows(req, 'reviewer')) return refuse(req, reply, 'reviewer', 'change an incident\'s status', id);
      if (!status) return reply.code(400).send({ error: `unknown action; use one of ${Object.keys(ACTIONS).join(', ')}` });
      const reason = str(body.reason).trim().slice(0, 2000);
      if ((status === 'false-positive' || status === 'accepted-risk') && reason.length < 3) {
        reply.code(400);
        return render(req, reply, 'incidents', 'Reason required', html`<h1>A reason is required</h1>
<p role="alert">Marking an incident as ${status.replace('-', ' ')} needs a reason, so the decision can be reviewed later.</p><p><a href="/incidents/${id}">Back to the incident</a></p>`, 400);
      }
      store.setIncidentStatus(id, status, req.lwSession!.username, reason || undefined); // audit-logged by the store
      log.info({ user: req.lwSession!.username, incident: id, status }, 'incident status changed');
      return reply.redirect(`/incidents/${encodeURIComponent(id)}?msg=status-${status}`, 303);
    });

    child.post('/incidents/:id/allow', async (req, reply) => {
      const { id } = req.params as { id: string };
      if (!allows(req, 'reviewer')) return refuse(req, reply, 'reviewer', 'add allow-list entries', id);
      const body = (req.body ?? {}) as Body;
      const reason = str(body.reason).trim().slice(0, 2000);
      const expires = str(body.expires).trim();
      const urlPrefix = str(body.urlPrefix).trim() || null;
      const today = now().toISOString().slice(0, 10);
      const problems: string[] = [];
      if (reason.length < 3) problems.push('Give a reason (at least 3 characters).');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(Date.parse(expires)) || expires < today) problems.push('Give an expiry date, today or later.');
      if (urlPrefix && !/^https?:\/\/\S+$/i.test(urlPrefix)) problems.push('The URL prefix must start with http:// or https://.');
      const incident = store.getIncident(id);
      if (!incident) return incidentPage(req, reply, id);
      if (problems.length) {
        return render(req, reply, 'incidents', 'Allow-list entry not added', html`<h1>Allow-list entry not added</h1><ul role="alert">${problems.map((p) => html`<li>${p}</li>`)}</ul><p><a href="/incidents/${id}">Back to the incident</a></p>`, 400);
      }
      const actor = req.lwSession!.username;
      users.addAllowEntry({ incidentId: id, entity: incident.entity, maskedValue: incident.maskedValue, fingerprint: queries.incidentFingerprint(id), urlPrefix, reason, expires, createdBy: actor }, now());
      store.audit(actor, 'allowlist.add', id, JSON.stringify({ expires, urlPrefix, reason }));
      if (incident.status === 'new' || incident.status === 'acknowledged') {
        store.setIncidentStatus(id, 'false-positive', actor, `allow-listed until ${expires}: ${reason}`);
      }
      return reply.redirect(`/incidents/${encodeURIComponent(id)}?msg=allow-added`, 303);
    });

    // -- runs & health -------------------------------------------------------------------

    child.get('/runs', async (req, reply) => {
      const runs = store.listRuns(undefined, 60);
      const findings = queries.findingsPerRun(runs.map((r) => r.id));
      const targetNames = [...new Set([...runs.map((r) => r.target), ...(deps.config.targets ?? []).map((t) => t.name)])].sort();
      const targets = targetNames.map((t) => {
        const s = store.monitorState(t);
        return {
          target: t, lastCycleAt: s?.lastCycleAt ?? null, lastSuccessfulCycleAt: s?.lastSuccessfulCycleAt ?? null, consecutiveFailures: s?.consecutiveFailures ?? 0,
          openAlerts: store.openMonitorAlerts(t),
        };
      });
      return render(req, reply, 'runs', 'Runs & health', (csrfToken) => runsView({
        runs, findings, outbox: store.outboxStats(), deadLetters: store.listAlerts({ status: 'dead', limit: 50 }), targets,
        sweepTargets, canSweep: allows(req, 'reviewer'), sweepsRunning: [...sweepsRunning], csrf: csrfToken,
      }));
    });

    child.post('/runs/sweep', async (req, reply) => {
      if (!allows(req, 'reviewer')) return refuse(req, reply, 'reviewer', 'start a sweep');
      const target = str((req.body as Body | undefined)?.target);
      if (!deps.triggerSweep || !sweepTargets.includes(target)) return reply.code(400).send({ error: `no such target; use one of ${sweepTargets.join(', ') || '(none configured)'}` });
      if (sweepsRunning.has(target)) return reply.redirect('/runs?msg=sweep-running', 303);
      const actor = req.lwSession!.username;
      store.audit(actor, 'sweep.requested', target);
      sweepsRunning.add(target);
      log.info({ user: actor, target }, 'on-demand sweep requested');
      // The sweep takes minutes; the page answers at once and the runs table shows progress.
      void deps.triggerSweep(target)
        .catch((err) => log.error({ target, reason: describeError(err) }, 'on-demand sweep failed'))
        .finally(() => sweepsRunning.delete(target));
      return reply.redirect('/runs?msg=sweep-started', 303);
    });

    // -- audit -------------------------------------------------------------------------------

    child.get('/audit', async (req, reply) => {
      if (!allows(req, 'reviewer')) return refuse(req, reply, 'reviewer', 'read the audit log');
      return render(req, reply, 'audit', 'Audit log', auditView(store.auditLog(undefined, 300)));
    });

    // -- breach report ---------------------------------------------------------------------------

    const reportIds = (req: FastifyRequest): string[] => {
      const q = req.query as Record<string, unknown>;
      if (str(q.all) === '1') {
        return store.listIncidents({ limit: 100_000, target: str(q.target) || undefined, severity: ['critical', 'high'] })
          .filter((i) => i.status !== 'false-positive')
          .map((i) => i.id);
      }
      return list(q.ids).slice(0, 1000);
    };

    const buildReport = (req: FastifyRequest, format: string) => {
      const ids = reportIds(req);
      const report = buildBreachReport({ store, queries, users }, ids, req.lwSession!.username, now());
      for (const id of report.incidentIds) store.audit(req.lwSession!.username, 'report.generated', id, format);
      return report;
    };

    const noSelection = html`<h1>Breach report</h1><p>Select one or more incidents on the <a href="/incidents">incidents page</a>, then choose <em>Breach report for selected</em>.</p>`;

    child.get('/report', async (req, reply) => {
      const report = buildReport(req, 'html-view');
      if (!report.incidents.length) return render(req, reply, 'report', 'Breach report', noSelection);
      return render(req, reply, 'report', 'Breach report', (csrfToken) => reportBody(report, { interactive: true, canReview: allows(req, 'reviewer'), csrf: csrfToken, now: now() }));
    });

    child.get('/report.html', async (req, reply) => {
      const report = buildReport(req, 'html');
      if (!report.incidents.length) return render(req, reply, 'report', 'Breach report', noSelection, 400);
      return reply.type('text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="leakwatch-breach-report-${report.generatedAt.slice(0, 10)}.html"`)
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .send(standaloneReport(report, now()));
    });

    child.get('/report.pdf', async (req, reply) => {
      const report = buildReport(req, 'pdf');
      if (!report.incidents.length) return render(req, reply, 'report', 'Breach report', noSelection, 400);
      const pdf = await printer.print(standaloneReport(report, now()), { title: `Leakwatch breach report · ${report.targets.join(', ')} · ${report.generatedAt.slice(0, 16)}Z` });
      return reply.type('application/pdf')
        .header('content-disposition', `attachment; filename="leakwatch-breach-report-${report.generatedAt.slice(0, 10)}.pdf"`)
        .send(pdf);
    });

    child.post('/report/checklist', async (req, reply) => {
      if (!allows(req, 'reviewer')) return refuse(req, reply, 'reviewer', 'update the containment checklist');
      const body = (req.body ?? {}) as Body;
      const item = oneOf(body.item, MANUAL_CHECKLIST_KEYS);
      const state = oneOf<ChecklistState>(body.state, CHECKLIST_STATES);
      const ids = list(body.ids).filter((id) => store.getIncident(id));
      if (!item || !state || !ids.length) return reply.code(400).send({ error: 'needs item, state and at least one incident id' });
      const note = str(body.note).trim().slice(0, 500) || null;
      const actor = req.lwSession!.username;
      for (const id of ids) {
        users.setChecklist({ incidentId: id, item, state, note, actor }, now());
        store.audit(actor, `checklist.${item}`, id, note ? `${state}: ${note}` : state);
      }
      return reply.redirect(`/report?${ids.map((id) => `ids=${encodeURIComponent(id)}`).join('&')}&msg=checklist-saved`, 303);
    });
  });

  log.debug({ secureCookies: secure }, 'dashboard routes registered');
}

export interface DashboardServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** A standalone server (tests, or a dashboard without the monitor): the dashboard plus a trivial /healthz. */
export async function startDashboardServer(opts: {
  store: LeakwatchStore;
  logger?: Logger;
  host?: string;
  port?: number;
  config?: DashboardDeps['config'];
  triggerSweep?: DashboardDeps['triggerSweep'];
  options?: DashboardOptions;
}): Promise<DashboardServer> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.get('/healthz', async () => ({ status: 'ok' }));
  await registerDashboard(app, {
    store: opts.store,
    logger: opts.logger ?? silentLogger,
    config: opts.config ?? { dashboard: { port: opts.port ?? 0 } },
    triggerSweep: opts.triggerSweep,
    options: opts.options,
  });
  await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port ?? 0;
  return { app, url: `http://${opts.host ?? '127.0.0.1'}:${port}`, close: () => app.close() };
}
