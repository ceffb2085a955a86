// Imports orders into the intelligence database, then refits the models.
//
//   npm run import:orders -- --format shopify|cdnow FILE [--batch-size N] [--no-refit]
//
// Reads the same settings as `npm start` (.env, then the environment): INTELLIGENCE_DATABASE_URL,
// or the embedded database under DATA_DIR (stop the running API first: the embedded database
// serves one process). Rows that cannot be imported are listed with their line numbers; the
// others are imported. Exit status: 0 all rows imported (or already there), 2 some rows
// refused, 1 the import could not run.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Logger } from '@nestjs/common';
import { Presets, SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';

import { resolveDatabase } from '@quimbi/server-kit';

import { loadIntelligenceConfig } from '../src/config/app-config';
import { INTELLIGENCE_MIGRATIONS } from '../src/database/migrations';
import { ModelsRepository } from '../src/models/models.repository';
import { ModelsService } from '../src/models/models.service';
import { IMPORT_FORMATS, importOrders, type ImportFormat } from '../src/orders/import/import-orders';
import { OrdersRepository } from '../src/orders/orders.repository';
import { OrdersService } from '../src/orders/orders.service';
import { ProfileCache } from '../src/profiles/profile-cache';
import { ProfilesRepository } from '../src/profiles/profiles.repository';
import { ProfilesService } from '../src/profiles/profiles.service';
import { SegmentsRepository } from '../src/segments/segments.repository';
import { SegmentsService } from '../src/segments/segments.service';

const USAGE = 'usage: npm run import:orders -- --format shopify|cdnow FILE [--batch-size N] [--no-refit]';
const MAX_LISTED_ERRORS = 50;

interface Args {
  format: ImportFormat;
  file: string;
  batchSize: number;
  refit: boolean;
}

function parseArgs(argv: string[]): Args {
  let format: string | undefined;
  let file: string | undefined;
  let batchSize = 1000;
  let refit = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--format') format = argv[++i];
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '--batch-size') batchSize = Number(argv[++i]);
    else if (a === '--no-refit') refit = false;
    else if (a === '--help' || a === '-h') throw new Error(USAGE);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else if (!file) file = a;
    else throw new Error(`one file at a time\n${USAGE}`);
  }
  if (!format || !(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`--format must be one of: ${IMPORT_FORMATS.join(', ')}\n${USAGE}`);
  }
  if (!file) throw new Error(`no FILE given\n${USAGE}`);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
    throw new Error('--batch-size must be a whole number from 1 to 1000');
  }
  return { format: format as ImportFormat, file, batchSize, refit };
}

/** The workspace `.env`, as `npm start` reads it (the environment wins). */
function loadDotEnv(): void {
  const path = resolve(process.cwd(), '.env');
  if (!existsSync(path)) return;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && process.env[m[1] as string] === undefined) {
      process.env[m[1] as string] = (m[2] as string).replace(/^(['"])(.*)\1$/, '$2');
    }
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const path = resolve(args.file);
  if (!existsSync(path)) throw new Error(`${args.file}: no such file`);
  const text = readFileSync(path, 'utf8');

  loadDotEnv();
  Logger.overrideLogger(['error', 'warn']);
  const config = loadIntelligenceConfig();
  const database = await resolveDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'intelligence-db'),
    maxConnections: 4,
  });
  const ds = new DataSource({
    type: 'postgres',
    url: database.url,
    migrations: INTELLIGENCE_MIGRATIONS,
    extra: { max: database.embedded ? 2 : 4 },
  });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const segments = new SegmentsService(new SegmentsRepository(ds));
    const cache = new ProfileCache(config);
    const profilesRepo = new ProfilesRepository(ds);
    const profiles = new ProfilesService(ds, profilesRepo, segments, cache);
    const models = new ModelsService(ds, config, new ModelsRepository(ds), profilesRepo, profiles, segments, cache);
    const orders = new OrdersService(new OrdersRepository(ds), profiles, models, cache);

    const bar = new SingleBar(
      {
        stream: process.stderr,
        format: `importing ${args.format} |{bar}| {value}/{total} orders | {percentage}% | ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 20,
      },
      Presets.shades_classic,
    );
    let started = false;
    const summary = await importOrders(text, args.format, orders, {
      batchSize: args.batchSize,
      onProgress: (done, total) => {
        if (!started) {
          bar.start(total, done);
          started = true;
        } else bar.update(done);
      },
    });
    if (started) bar.stop();

    const out = process.stdout;
    for (const e of summary.errors.slice(0, MAX_LISTED_ERRORS)) {
      process.stderr.write(`line ${e.line}${e.order ? ` (${e.order})` : ''}: ${e.message}\n`);
    }
    if (summary.errors.length > MAX_LISTED_ERRORS) {
      process.stderr.write(`… and ${summary.errors.length - MAX_LISTED_ERRORS} more problem(s)\n`);
    }
    out.write(
      `\n${args.file} (${args.format}): ${summary.rows} rows → ${summary.orders} orders in ${(summary.ms / 1000).toFixed(1)} s\n` +
        `  accepted    ${summary.accepted}\n` +
        `  duplicates  ${summary.duplicates} (already stored)\n` +
        `  refused     ${summary.rejected} by validation, ${summary.errors.length - summary.rejected} unreadable\n` +
        `  customers   ${summary.customers} with new orders\n`,
    );

    if (args.refit && summary.accepted > 0) {
      process.stderr.write('refitting the models and rescoring every customer…\n');
      const refit = await models.refit({ trigger: 'import' });
      const converged = refit.fits.filter((f) => f.converged).map((f) => f.model);
      out.write(
        `  refit       ${refit.customers} customers to ${refit.observation_end}; converged: ${converged.join(', ') || 'none'}; ` +
          `churn model ${refit.churn_model.model ?? 'none'} (${refit.churn_model.selected_by}); ` +
          `${refit.profiles.scored} profiles in ${(refit.duration_ms / 1000).toFixed(1)} s\n`,
      );
    } else if (!args.refit) {
      out.write('  refit       skipped (--no-refit): POST /api/models/refit when ready\n');
    }
    return summary.errors.length > 0 ? 2 : 0;
  } finally {
    await ds.destroy();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`import-orders: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
