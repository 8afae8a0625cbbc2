import Fastify, { type FastifyInstance } from 'fastify';
import type { HealthReport } from './health.js';
import type { ServiceMetrics } from './metrics.js';

/**
 * The service's HTTP server on dashboard.port. It serves /healthz and /metrics itself; the
 * dashboard (and anything else) registers its routes on the same instance through a plugin
 * before the server listens.
 */
export function buildHttpServer(deps: { health: () => HealthReport; metrics: ServiceMetrics }): FastifyInstance {
  const app = Fastify({ logger: false, forceCloseConnections: true });

  // Open without a session (issue 7): the checks carry no personal data, only times and counts.
  app.get('/healthz', async (_req, reply) => {
    const report = deps.health();
    reply.header('cache-control', 'no-store');
    return reply.code(report.status === 'ok' ? 200 : 503).send(report);
  });

  app.get('/metrics', async (_req, reply) => {
    const body = await deps.metrics.metrics();
    return reply.header('content-type', deps.metrics.contentType).header('cache-control', 'no-store').send(body);
  });

  return app;
}
