import { resolve } from 'node:path';
import type { Logger } from '../core/logger.js';
import { EmailChannel, type EmailChannelConfig } from './channels/email.js';
import { OutboxFileChannel } from './channels/outbox-file.js';
import { PagerDutyChannel } from './channels/pagerduty.js';
import { TeamsChannel } from './channels/teams.js';
import { WebhookChannel } from './channels/webhook.js';
import type { AlertChannel } from './types.js';

export type { AlertChannel, AlertKind, AlertPayload } from './types.js';
export { AlertDispatcher, backoffMs, type DispatcherOptions, type DrainResult } from './dispatcher.js';
export { pingHeartbeat } from './heartbeat.js';
export { buildAlertPayload, maskForAlert, fromMaskedColumn, monitorIncidentId, idempotencyKey, type AlertPayloadInput, type MaskedValue } from './payload.js';
export { EmailChannel, smtpOptionsFromUrl, type EmailChannelConfig } from './channels/email.js';
export { OutboxFileChannel } from './channels/outbox-file.js';
export { PagerDutyChannel, pagerDutyEvent, PAGERDUTY_EVENTS_URL } from './channels/pagerduty.js';
export { TeamsChannel, teamsCard } from './channels/teams.js';
export { WebhookChannel, signBody, SIGNATURE_HEADER, IDEMPOTENCY_HEADER } from './channels/webhook.js';
export { isBatching, type BatchingAlertChannel } from './channels/common.js';
export { renderText, renderHtml, subjectFor } from './render.js';

export const DEFAULT_OUTBOX_DIR = './data/outbox';

export interface ChannelsConfig {
  email?: EmailChannelConfig;
  pagerduty?: { routingKey: string; url?: string };
  teams?: { url: string };
  webhook?: { url: string; secret?: string };
  /** Where .eml files go when no SMTP is configured. */
  outboxDir?: string;
  /** Accepted and ignored here (the service pings it): lets callers pass the whole alerts config. */
  heartbeat?: { url: string };
}

/** The channels the configuration asks for. With no e-mail configured, alerts still land somewhere: .eml files. */
export function buildChannels(config: ChannelsConfig, logger: Logger): AlertChannel[] {
  const log = logger.child({ component: 'alerts' });
  const channels: AlertChannel[] = [];
  if (config.email) channels.push(new EmailChannel(config.email, logger));
  else {
    const dir = resolve(config.outboxDir ?? DEFAULT_OUTBOX_DIR);
    channels.push(new OutboxFileChannel(dir, logger));
    log.info({ outboxDir: dir }, `no SMTP configured: alert e-mails will be written as .eml files to ${dir}`);
  }
  if (config.pagerduty) channels.push(new PagerDutyChannel(config.pagerduty, logger));
  if (config.teams) channels.push(new TeamsChannel(config.teams, logger));
  if (config.webhook) channels.push(new WebhookChannel(config.webhook, logger));
  log.debug({ channels: channels.map((c) => c.name) }, 'alert channels ready');
  return channels;
}
