import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { ChannelError, describeError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { messageIdFor, renderHtml, renderText, subjectFor } from '../render.js';
import type { AlertPayload } from '../types.js';
import { humanChannelAccepts, type BatchingAlertChannel } from './common.js';

/**
 * With no SMTP configured, the e-mail that would have gone out is written as an RFC 822 .eml
 * file. The file name derives from the alert ids, so a resend after a crash overwrites the same
 * file instead of adding a second one.
 */
export class OutboxFileChannel implements BatchingAlertChannel {
  readonly name = 'outbox-file';
  readonly dir: string;
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  private readonly log: Logger;

  constructor(dir: string, logger: Logger, private readonly addresses: { from?: string; to?: string[]; digestTo?: string[] } = {}) {
    this.dir = resolve(dir);
    this.log = logger.child({ channel: this.name });
  }

  accepts(alert: AlertPayload): boolean {
    return humanChannelAccepts(alert);
  }

  batchKey(alert: AlertPayload): string {
    return `${alert.target}|${alert.kind === 'digest.medium' ? 'digest' : alert.kind.startsWith('monitor.') ? `monitor:${alert.alertId}` : 'incident'}`;
  }

  send(alert: AlertPayload): Promise<string> {
    return this.sendBatch([alert]);
  }

  fileNameFor(alerts: AlertPayload[]): string {
    const stamp = alerts[0].detectedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const key = createHash('sha256').update(alerts.map((a) => a.alertId).sort().join(',')).digest('hex').slice(0, 12);
    return `${stamp}-${alerts[0].kind.replace('.', '-')}-${key}.eml`;
  }

  async sendBatch(alerts: AlertPayload[]): Promise<string> {
    const digest = alerts[0].kind === 'digest.medium';
    const to = (digest && this.addresses.digestTo?.length ? this.addresses.digestTo : this.addresses.to) ?? ['duty-officer@localhost'];
    try {
      const info = await this.composer.sendMail({
        from: this.addresses.from ?? 'Leakwatch <leakwatch@localhost>',
        to,
        subject: subjectFor(alerts),
        text: renderText(alerts),
        html: renderHtml(alerts),
        messageId: messageIdFor(alerts, 'email'),
        date: new Date(alerts[0].detectedAt),
        headers: { 'X-Leakwatch-Alert-Ids': alerts.map((a) => a.alertId).join(' '), 'Auto-Submitted': 'auto-generated' },
      });
      mkdirSync(this.dir, { recursive: true });
      const path = join(this.dir, this.fileNameFor(alerts));
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, info.message as Buffer, { mode: 0o640 });
      renameSync(tmp, path);
      this.log.info({ path, alerts: alerts.length }, 'no SMTP configured: alert e-mail written to the outbox folder');
      return `written to ${path}`;
    } catch (err) {
      throw new ChannelError(this.name, `cannot write the .eml file: ${describeError(err)}`, true, `Make ${this.dir} writable or configure SMTP.`, { cause: err });
    }
  }
}
