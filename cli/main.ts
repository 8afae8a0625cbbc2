#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { createLogger } from '../core/logger.js';
import { LeakwatchError, describeError } from '../core/errors.js';
import { portNumber, positiveInt, positiveNumber } from './options.js';
import { SCAN_TYPES } from '../scan/index.js';

/**
 * Exit codes (README): 0 nothing new at high/critical · 1 new high/critical finding
 * (sweep) or any high/critical finding (scan) · 2 usage or configuration error · 3 runtime failure.
 */
const program = new Command('leakwatch')
  .description('Finds personal data leaked on a police force\'s police.uk pages and linked documents, and alerts within minutes.')
  .option('--log-level <level>', 'pino log level (trace|debug|info|warn|error|silent)', process.env.LEAKWATCH_LOG_LEVEL ?? 'info')
  .exitOverride()
  .showHelpAfterError();

const logger = () => createLogger({ level: program.opts().logLevel });

let exitCode = 0;

program.command('sweep')
  .description('crawl the pages under each start URL (or the configured target), detect, store, alert')
  .argument('[start-urls...]', 'start URLs; the path prefix of each sets the scope')
  .option('-c, --config <file>', 'YAML or JSON config (targets, storage, alerts)')
  .option('--target <name>', 'which configured target to sweep')
  .addOption(new Option('--mode <mode>', 'full re-render, or hot (priorities, news, events, recently changed)').choices(['full', 'hot']).default('full'))
  .option('--json', 'print one JSON object on stdout (progress goes to stderr)')
  .option('--reveal', 'show raw values in the output (they are always stored encrypted)')
  .option('--db <file>', 'SQLite database (default from config, else ./data/leakwatch.db)')
  .option('--no-alerts', 'store alerts in the outbox without sending them now')
  .option('--max-pages <n>', 'page cap for this sweep', positiveInt('--max-pages'))
  .option('--concurrency <n>', 'pages rendered at once', positiveInt('--concurrency'))
  .option('--rate <req/s>', 'requests per second per host', positiveNumber('--rate'))
  .option('--chromium <path>', 'Chromium binary (else LEAKWATCH_CHROMIUM, then found automatically)')
  .action(async (urls: string[], flags) => {
    const { sweepCommand } = await import('./commands/sweep.js');
    exitCode = await sweepCommand(urls, flags, logger());
  });

program.command('scan')
  .description('check local files (or stdin, plain text) before publication')
  .argument('<files...>', 'files to scan; - reads plain text from stdin')
  .addOption(new Option('--type <type>', 'document type, when the file name does not say').choices([...SCAN_TYPES]))
  .option('--json', 'print {"findings":[…]} on stdout')
  .option('--reveal', 'show raw values')
  .action(async (files: string[], flags) => {
    const { scanCommand } = await import('./commands/scan.js');
    exitCode = await scanCommand(files, flags);
  });

program.command('replica')
  .description('serve the bundled police.uk replica (there is no police.uk to reach from a test machine)')
  .option('--port <n>', 'port (0: any free port; the URL is printed)', portNumber('--port'), 8080)
  .option('--host <addr>', 'address to listen on', '127.0.0.1')
  .option('--scenario <name>', 'clean, herts-2014, … (combine with +)', 'clean')
  .action(async (flags) => {
    const { replicaCommand } = await import('./commands/replica.js');
    exitCode = await replicaCommand(flags, logger());
  });

program.command('demo')
  .description('replay the 2014 Hertfordshire leak on the replica: sweep it and show the findings and the alert')
  .option('--db <file>', 'database for the demo (recreated each time)', './data/demo.db')
  .option('--reveal', 'show raw values')
  .option('--concurrency <n>', 'pages rendered at once', positiveInt('--concurrency'))
  .action(async (flags) => {
    const { demoCommand } = await import('./commands/demo.js');
    exitCode = await demoCommand(flags, logger());
  });

program.command('serve')
  .description('run the always-on monitor: schedules, alerts, /healthz, /metrics and the dashboard')
  .requiredOption('-c, --config <file>', 'YAML or JSON config')
  .action(async (flags) => {
    const { serveCommand } = await import('./commands/serve.js');
    exitCode = await serveCommand(flags, logger());
  });

program.command('users')
  .description('manage dashboard accounts (password from LEAKWATCH_PASSWORD or a prompt that does not echo)')
  .argument('<action>', 'add | remove | passwd | list')
  .argument('[username]')
  .option('-c, --config <file>', 'config file naming the database')
  .option('--db <file>', 'SQLite database')
  .addOption(new Option('--role <role>', 'role for add').choices(['viewer', 'reviewer', 'admin']))
  .action(async (action: string, username: string | undefined, flags) => {
    const { usersCommand } = await import('./commands/users.js');
    exitCode = await usersCommand(action, username, flags);
  });

const configCmd = program.command('config').description('configuration tools');
configCmd.command('check')
  .description('validate a config file; errors name the key path')
  .argument('<file>')
  .action(async (file: string) => {
    const { loadConfig } = await import('../config/index.js');
    const cfg = loadConfig(file);
    process.stdout.write(`${file}: OK (${cfg.targets.length} target(s): ${cfg.targets.map((t) => t.name).join(', ')})\n`);
  });

try {
  await program.parseAsync(process.argv);
  process.exitCode = exitCode;
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof LeakwatchError) {
    process.stderr.write(`leakwatch: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`leakwatch: unexpected failure: ${describeError(err)}\n`);
    if (process.env.LEAKWATCH_DEBUG) console.error(err);
    process.exitCode = 3;
  }
}
