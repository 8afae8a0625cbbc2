import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { ChannelError, ConfigError, describeError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { messageIdFor, renderHtml, renderText, subjectFor } from '../render.js';
import type { AlertPayload } from '../types.js';
import { humanChannelAccepts, type BatchingAlertChannel } from './common.js';

export interface EmailChannelConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered; add ?requireTLS=true to insist) or smtps://…:465 (implicit TLS). */
  smtp: string;
  from: string;
  to: string[];
  /** Recipients of the medium digest; defaults to `to`. */
  digestTo?: string[];
}

/** Parses an SMTP URL into nodemailer options (SMTPTransport.Options: `auth` lives there in v10's types). */
export function smtpOptionsFromUrl(smtp: string): SMTPTransport.Options {
  let url: URL;
  try {
    url = new URL(smtp);
  } catch {
    throw new ConfigError('The SMTP URL is not a valid URL', 'Use smtp://user:pass@host:587 or smtps://user:pass@host:465.');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError(`The SMTP URL must start with smtp:// or smtps:// (got ${url.protocol})`, 'Use smtp://host:587 or smtps://host:465.');
  const secure = url.protocol === 'smtps:';
  const q = url.searchParams;
  const flag = (k: string) => (q.has(k) ? q.get(k) === 'true' || q.get(k) === '1' : undefined);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: flag('requireTLS') ?? false,
    ignoreTLS: flag('ignoreTLS') ?? false,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    ...(flag('rejectUnauthorized') === false ? { tls: { rejectUnauthorized: false } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

/** 4xx SMTP replies and network errors are transient; 5xx replies (bad recipient, auth refused) are not. */
function classify(err: unknown): boolean {
  const e = err as { responseCode?: number; code?: string };
  if (typeof e.responseCode === 'number') return e.responseCode < 500;
  return true;
}

export class EmailChannel implements BatchingAlertChannel {
  readonly name = 'email';
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;
  private readonly log: Logger;

  constructor(private readonly cfg: EmailChannelConfig, logger: Logger) {
    this.transport = nodemailer.createTransport(smtpOptionsFromUrl(cfg.smtp));
    this.log = logger.child({ channel: this.name });
  }

  accepts(alert: AlertPayload): boolean {
    return humanChannelAccepts(alert);
  }

  private recipients(alert: AlertPayload): string[] {
    return alert.kind === 'digest.medium' ? (this.cfg.digestTo?.length ? this.cfg.digestTo : this.cfg.to) : this.cfg.to;
  }

  batchKey(alert: AlertPayload): string {
    return `${alert.target}|${alert.kind === 'digest.medium' ? 'digest' : alert.kind.startsWith('monitor.') ? `monitor:${alert.alertId}` : 'incident'}`;
  }

  send(alert: AlertPayload): Promise<string> {
    return this.sendBatch([alert]);
  }

  async sendBatch(alerts: AlertPayload[]): Promise<string> {
    const to = this.recipients(alerts[0]);
    const messageId = messageIdFor(alerts, this.name);
    try {
      const info = await this.transport.sendMail({
        from: this.cfg.from,
        to,
        subject: subjectFor(alerts),
        text: renderText(alerts),
        html: renderHtml(alerts),
        messageId,
        headers: { 'X-Leakwatch-Alert-Ids': alerts.map((a) => a.alertId).join(' '), 'Auto-Submitted': 'auto-generated' },
      });
      this.log.info({ messageId: info.messageId, recipients: to.length, alerts: alerts.length }, 'alert e-mail sent');
      return `e-mailed ${to.length} recipient(s), ${alerts.length} alert(s), ${info.messageId}`;
    } catch (err) {
      throw new ChannelError(this.name, `SMTP send failed: ${describeError(err)}`, classify(err), 'Check the SMTP server and credentials; the alert stays in the outbox.', { cause: err });
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
