import type { Logger } from '../../core/logger.js';
import { kindLabel } from '../render.js';
import type { AlertChannel, AlertPayload } from '../types.js';
import { humanChannelAccepts, postJson } from './common.js';

const COLOUR = { critical: 'Attention', high: 'Warning', medium: 'Accent', low: 'Default' } as const;

/** Microsoft Teams Workflows webhook ("When a Teams webhook request is received"): Adaptive Cards only. */
export function teamsCard(alert: AlertPayload): Record<string, unknown> {
  const facts = [
    { title: 'Severity', value: alert.severity.toUpperCase() },
    { title: 'Target', value: alert.target },
    ...(alert.incidentId ? [{ title: 'Incident', value: alert.incidentId }] : []),
    ...(alert.entities.length ? [{ title: 'Categories', value: alert.entities.join(', ') }] : []),
    ...(alert.maskedValues.length ? [{ title: 'Values (masked)', value: alert.maskedValues.slice(0, 10).join('; ') }] : []),
    ...(alert.kind.startsWith('incident') || alert.kind === 'digest.medium'
      ? [{ title: 'Counts', value: `${alert.counts.findings} finding(s), ${alert.counts.records} record(s), ${alert.counts.dataSubjects} data subject(s), ${alert.counts.urls} URL(s)` }]
      : []),
    ...(alert.firstSeen ? [{ title: 'First seen', value: alert.firstSeen }] : []),
    { title: 'Detected at', value: alert.detectedAt },
  ];
  const body: unknown[] = [
    { type: 'TextBlock', text: kindLabel(alert.kind), weight: 'Bolder', size: 'Medium', color: COLOUR[alert.severity], wrap: true },
    { type: 'TextBlock', text: alert.title, wrap: true },
    { type: 'FactSet', facts },
    ...alert.urls.slice(0, 5).map((u) => ({ type: 'TextBlock', text: u, wrap: true, size: 'Small' })),
  ];
  return {
    type: 'message',
    attachments: [{
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.4',
        body,
        ...(alert.dashboardUrl ? { actions: [{ type: 'Action.OpenUrl', title: 'Review in Leakwatch', url: alert.dashboardUrl }] } : {}),
      },
    }],
  };
}

export class TeamsChannel implements AlertChannel {
  readonly name = 'teams';
  private readonly log: Logger;

  constructor(private readonly cfg: { url: string }, logger: Logger) {
    this.log = logger.child({ channel: this.name });
  }

  accepts(alert: AlertPayload): boolean {
    return humanChannelAccepts(alert);
  }

  async send(alert: AlertPayload): Promise<string> {
    const res = await postJson(this.name, this.cfg.url, JSON.stringify(teamsCard(alert)));
    this.log.info({ status: res.status, kind: alert.kind }, 'Teams card posted');
    return `teams card posted (HTTP ${res.status})`;
  }
}
