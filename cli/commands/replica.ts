import type { Logger } from '../../core/logger.js';
import { startReplica } from '../../replica/index.js';

export async function replicaCommand(flags: { port: number; host: string; scenario: string }, logger: Logger): Promise<number> {
  const replica = await startReplica({ port: flags.port, host: flags.host, scenario: flags.scenario });
  process.stdout.write(`police.uk replica (scenario ${replica.scenario()}) at ${replica.startUrl}\n` +
    `switch scenario: curl -X POST -H 'content-type: application/json' -d '{"scenario":"herts-2014"}' ${replica.origin}/__admin/scenario\n`);
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await replica.close();
  logger.info('replica stopped');
  return 0;
}
