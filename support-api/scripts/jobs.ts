// Runs one support-api job once, in this process, and prints its run as JSON: for cron-driven
// setups and by-hand runs. Usage:
//   npm run jobs -- --list
//   npm run jobs -- sla:check
//   npm run jobs -- ticket:rescore --data '{"ticketId":"...","reason":"ticket_changed"}'
// Exit code 0 when the job completed, 1 when it failed or the command was wrong.
// Boots the same application context as the worker, but with RUN_WORKERS=false: no queue
// processors and no in-process timers. The job is dispatched straight to its handler (not
// enqueued), so it runs even when no worker is up. Logs go to stderr, the result to stdout.
import { join } from 'node:path';

import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import type { JobName, JobPayloads } from '@quimbi/contracts';
import { resolveDatabase } from '@quimbi/server-kit';

import { AppModule } from '../src/app.module';
import { exitOnConfigError, loadAppConfig } from '../src/config/load-config';
import { JobRegistry, SUPPORT_JOBS } from '../src/jobs/job-registry';

process.env['RUN_WORKERS'] = 'false';
process.env['SEED_DEMO_DATA'] = 'false';

const USAGE = `Usage: npm run jobs -- <job> [--data '<json payload>'] [--verbose]
       npm run jobs -- --list
Jobs: ${SUPPORT_JOBS.join(', ')}`;

/** Nest's console logger, on stderr, so stdout carries only the JSON result. */
class StderrLogger extends ConsoleLogger {
  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    _stream?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack);
  }
}

interface Args {
  job?: string;
  data: Record<string, unknown>;
  list: boolean;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { data: {}, list: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--list') args.list = true;
    else if (arg === '--verbose') args.verbose = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--data') {
      const raw = argv[++i];
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw ?? '');
      } catch {
        fail(`--data must be a JSON object`);
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        fail(`--data must be a JSON object`);
      args.data = parsed as Record<string, unknown>;
    } else if (arg.startsWith('-')) fail(`Unknown option ${arg}`);
    else if (args.job) fail(`One job at a time (got ${args.job} and ${arg})`);
    else args.job = arg;
  }
  return args;
}

function fail(message: string): never {
  console.error(`jobs: ${message}\n${USAGE}`);
  process.exit(1);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.list) {
    for (const name of SUPPORT_JOBS) console.log(name);
    return 0;
  }
  if (!args.job) fail('Name a job to run');
  if (!SUPPORT_JOBS.includes(args.job as JobName)) fail(`Unknown job ${args.job}`);
  const name = args.job as JobName;

  let config;
  try {
    config = { ...loadAppConfig(), runWorkers: false, seedDemoData: false };
  } catch (err) {
    exitOnConfigError(err);
  }
  const database = await resolveDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'support-db'),
    maxConnections: 2,
  });
  const levels: LogLevel[] = args.verbose ? ['error', 'warn', 'log'] : ['error', 'warn'];
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database), {
    logger: new StderrLogger('jobs', { logLevels: levels }),
  });
  const started = Date.now();
  let code = 0;
  let output: Record<string, unknown>;
  try {
    const result = await app.get(JobRegistry).dispatch(name, args.data as JobPayloads[typeof name]);
    output = { job: name, state: 'completed', result: result ?? null, error: null };
  } catch (err) {
    code = 1;
    output = {
      job: name,
      state: 'failed',
      result: null,
      error: err instanceof Error ? err.message : String(err),
    };
  }
  const finished = Date.now();
  console.log(
    JSON.stringify(
      {
        ...output,
        started_at: new Date(started).toISOString(),
        finished_at: new Date(finished).toISOString(),
        duration_ms: finished - started,
        backend: config.redisUrl ? 'bullmq' : 'in_process',
      },
      null,
      2,
    ),
  );
  await app.close();
  await database.stop();
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`jobs: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
