import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { LeakwatchStore } from '../../storage/index.js';
import { PLANTED, caseRecordBlock, finding, resource, singleBlock, withIndex } from '../storage/helpers.js';

export const TARGET = 'http://127.0.0.1/pu/your-area/test-force/';
export const PRIORITIES = `${TARGET}priorities/`;
export const RAW_NEEDLES = [PLANTED.name, PLANTED.address, PLANTED.ni, PLANTED.phone, 'Quaggleton', 'Thistlewhistle', 'QQ 12 34 56', 'QQ123456C', '900123'];

/** Every raw planted value that must never leave the store unencrypted. */
export function assertNoRaw(text: string, where: string): void {
  for (const n of RAW_NEEDLES) {
    if (text.toLowerCase().includes(n.toLowerCase())) throw new Error(`raw value "${n.slice(0, 3)}…" found in ${where}`);
  }
}

export function leakPage(url = PRIORITIES) {
  const parts = [
    caseRecordBlock(PLANTED.name, PLANTED.address, 'rec-1'),
    singleBlock(`Call ${PLANTED.phone} about NI ${PLANTED.ni}`, [finding('NI_NUMBER', PLANTED.ni, 'critical'), finding('PHONE', PLANTED.phone, 'high')], 'li.priority:nth-child(2)'),
  ];
  return { res: resource(url, parts.map((p) => p.block)), results: withIndex(parts.map((p) => p.result)) };
}

export function cleanPage(url = PRIORITIES) {
  const parts = [singleBlock('We will patrol the park on Fridays.', [])];
  return { res: resource(url, parts.map((p) => p.block)), results: withIndex(parts.map((p) => p.result)) };
}

/** One sweep through the store's API, the way sweep/index.ts drives it. */
export function sweep(store: LeakwatchStore, pages: Array<ReturnType<typeof leakPage>>, failed: string[] = [], dashboardUrl = 'http://127.0.0.1:8080'): { runId: number; newIncidents: number; resolved: number } {
  const run = store.startRun({ target: TARGET, mode: 'full', startUrls: [TARGET] });
  const ok = new Set<string>();
  let newIncidents = 0;
  for (const p of pages) {
    store.recordResource(run.id, { url: p.res.url, kind: 'page', status: 200, contentHash: p.res.contentHash, fetchedAt: p.res.fetchedAt });
    ok.add(p.res.url);
    newIncidents += store.recordDetections({ runId: run.id, target: TARGET, resource: p.res, results: p.results, dashboardUrl }).newIncidents;
  }
  for (const url of failed) store.recordResource(run.id, { url, kind: 'page', status: 0, contentHash: '', fetchedAt: new Date().toISOString(), error: 'timeout' });
  const resolved = store.autoResolve(run.id, TARGET, ok);
  store.finishRun(run.id, { pages: pages.length, documents: 0, errors: failed.length, status: 'completed' });
  return { runId: run.id, newIncidents, resolved };
}

/** A debug-level pino logger whose every line is kept, to prove no raw value reaches a log. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

export interface Received { method: string; path: string; headers: IncomingHttpHeaders; body: string; json: any }

/** A local HTTP receiver (PagerDuty, Teams, webhook, heartbeat) that records requests and answers with scripted statuses. */
export async function startReceiver(check?: (r: Received) => number | undefined): Promise<{ url: string; requests: Received[]; statuses: number[]; close(): Promise<void> }> {
  const requests: Received[] = [];
  const statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let parsed: unknown;
      try { parsed = body ? JSON.parse(body) : undefined; } catch { parsed = undefined; }
      const r: Received = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json: parsed };
      requests.push(r);
      const status = statuses.shift() ?? check?.(r) ?? 202;
      res.writeHead(status, { 'content-type': 'application/json' }).end(status < 300 ? '{"status":"success"}' : '{"status":"invalid event"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, requests, statuses, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

export interface Smtp { url: string; port: number; messages: Array<{ raw: string; parsed: ParsedMail; user?: string; tls: boolean }>; close(): Promise<void> }

/** A real SMTP server on loopback with AUTH (user "duty", password "s3cret-pass"). */
export async function startSmtp(port = 0, opts: { starttls?: boolean } = {}): Promise<Smtp> {
  const messages: Smtp['messages'] = [];
  const server = new SMTPServer({
    logger: false,
    // With starttls, smtp-server offers STARTTLS with its built-in self-signed certificate and refuses AUTH before it.
    disabledCommands: opts.starttls ? [] : ['STARTTLS'],
    allowInsecureAuth: !opts.starttls,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, cb) {
      if (auth.username === 'duty' && auth.password === 's3cret-pass') cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({ raw, parsed: await simpleParser(raw), user: session.user as string | undefined, tls: Boolean(session.secure) });
        cb();
      });
    },
  });
  await new Promise<void>((r, j) => { server.once('error', j); server.listen(port, '127.0.0.1', () => r()); });
  const actual = (server.server.address() as { port: number }).port;
  return { url: `smtp://duty:s3cret-pass@127.0.0.1:${actual}`, port: actual, messages, close: () => new Promise<void>((r) => server.close(() => r())) };
}
