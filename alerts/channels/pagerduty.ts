import type { Logger } from '../../core/logger.js';
import type { Severity } from '../../core/types.js';
import { isPageable } from '../../core/types.js';
import type { AlertChannel, AlertPayload } from '../types.js';
import { postJson } from './common.js';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

const PD_SEVERITY: Record<Severity, 'critical' | 'error' | 'warning' | 'info'> = { critical: 'critical', high: 'error', medium: 'warning', low: 'info' };

/**
 * PagerDuty Events API v2. dedup_key = incident id, so a resend after a crash hits the same
 * alert and a later resolve closes it. Masked values stay out: PagerDuty's own guidance is to
 * keep personal data out of summary and custom_details, so it gets ids, categories, counts, URLs and a link.
 */
export function pagerDutyEvent(alert: AlertPayload, routingKey: string): Record<string, unknown> {
  const dedupKey = alert.incidentId ?? alert.alertId;
  const resolve = alert.kind === 'incident.resolved' || alert.kind === 'monitor.recovered';
  if (resolve) return { routing_key: routingKey, event_action: 'resolve', dedup_key: dedupKey };
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: dedupKey,
    payload: {
      summary: alert.title.slice(0, 1024),
      source: alert.target.slice(0, 255),
      severity: PD_SEVERITY[alert.severity],
      timestamp: alert.detectedAt,
      component: alert.kind.startsWith('monitor.') ? 'monitor' : 'crawler',
      group: alert.target.slice(0, 255),
      class: alert.kind.startsWith('monitor.') ? 'monitor-health' : 'pii-exposure',
      custom_details: {
        incident_id: alert.incidentId,
        alert_kind: alert.kind,
        categories: alert.entities,
        findings: alert.counts.findings,
        records: alert.counts.records,
        data_subjects: alert.counts.dataSubjects,
        urls: alert.urls.slice(0, 10),
        first_seen: alert.firstSeen,
        detected_at: alert.detectedAt,
      },
    },
    ...(alert.dashboardUrl ? { links: [{ href: alert.dashboardUrl, text: 'Review in Leakwatch' }], client: 'Leakwatch', client_url: alert.dashboardUrl } : { client: 'Leakwatch' }),
  };
}

export class PagerDutyChannel implements AlertChannel {
  readonly name = 'pagerduty';
  private readonly log: Logger;

  constructor(private readonly cfg: { routingKey: string; url?: string }, logger: Logger) {
    this.log = logger.child({ channel: this.name });
  }

  accepts(alert: AlertPayload): boolean {
    switch (alert.kind) {
      case 'incident.new':
      case 'incident.reopened':
        return isPageable(alert.severity);
      case 'incident.resolved':
        return isPageable(alert.severity); // only pageable incidents were ever triggered
      case 'digest.medium':
        return false;
      default:
        return true; // monitor alerts and their recovery
    }
  }

  async send(alert: AlertPayload): Promise<string> {
    const event = pagerDutyEvent(alert, this.cfg.routingKey);
    const res = await postJson(this.name, this.cfg.url ?? PAGERDUTY_EVENTS_URL, JSON.stringify(event));
    this.log.info({ action: event.event_action, dedupKey: event.dedup_key, status: res.status }, 'PagerDuty event accepted');
    return `pagerduty ${String(event.event_action)} dedup_key=${String(event.dedup_key)}`;
  }
}
