/**
 * Fits every customer-base model on a CDNOW-layout transaction file and evaluates the
 * churn ranking and holdout forecast of each.
 *
 *   npm run eval:models -- [--json] [--calibration-end YYYY-MM-DD] [--holdout-end YYYY-MM-DD] [FILE]
 *
 * FILE defaults to ../shared/data/cdnow/CDNOW_sample.txt (relative to the workspace
 * root). The calibration period ends on the last day of the 39th week after the first
 * transaction unless --calibration-end is given; the holdout runs from the next day to
 * the last transaction (or --holdout-end). Time unit: weeks.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { compareModels, detectCdnowLayout, parseCdnowTransactions, toDayNumber } from '../src/index';
import { cdnowDataDir, findWorkspaceRoot } from '../src/node';

interface Args {
  json: boolean;
  calibrationEnd?: string;
  holdoutEnd?: string;
  file: string;
}

function usage(): never {
  process.stderr.write(
    'usage: eval-models [--json] [--calibration-end YYYY-MM-DD] [--holdout-end YYYY-MM-DD] [FILE]\n',
  );
  process.exit(2);
}

function parseArgs(argv: readonly string[], workspaceRoot: string): Args {
  const out: Partial<Args> & { json: boolean } = { json: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const date = (v: string | undefined): string => {
      if (v === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(v)) usage();
      toDayNumber(v); // throws on impossible dates such as 1997-02-30
      return v;
    };
    if (a === '--json') out.json = true;
    else if (a === '--calibration-end') out.calibrationEnd = date(argv[++i]);
    else if (a.startsWith('--calibration-end=')) out.calibrationEnd = date(a.split('=')[1]);
    else if (a === '--holdout-end') out.holdoutEnd = date(argv[++i]);
    else if (a.startsWith('--holdout-end=')) out.holdoutEnd = date(a.split('=')[1]);
    else if (a === '--help' || a === '-h') usage();
    else if (a.startsWith('--')) usage();
    else files.push(a);
  }
  if (files.length > 1) usage();
  return {
    ...out,
    // npm runs scripts from the workspace root; resolve relative paths against the caller's directory
    file: files[0] ? resolve(process.env['INIT_CWD'] ?? process.cwd(), files[0]) : resolve(cdnowDataDir(workspaceRoot), 'CDNOW_sample.txt'),
  };
}

/** Step-wise progress on stderr: a bar on a terminal, plain lines otherwise. */
function createProgress(total: number): { step(label: string): void; detail(text: string): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { stream: process.stderr, format: ' {bar} {value}/{total} {step} {detail}', hideCursor: true, clearOnComplete: true },
      Presets.shades_classic,
    );
    bar.start(total, 0, { step: '', detail: '' });
    let started = false;
    return {
      step(label) {
        if (started) bar.increment(1, { step: label, detail: '' });
        else bar.update(0, { step: label, detail: '' });
        started = true;
      },
      detail(text) {
        bar.update({ detail: text });
      },
      stop() {
        bar.update(total, { step: 'done', detail: '' });
        bar.stop();
      },
    };
  }
  return {
    step(label) {
      process.stderr.write(`[eval-models] ${label}\n`);
    },
    detail() {
      /* only shown on a terminal */
    },
    stop() {
      /* nothing to clean up */
    },
  };
}

const fmt = (v: number, digits = 4): string => (Number.isFinite(v) ? v.toFixed(digits) : String(v));

function main(): void {
  const workspaceRoot = findWorkspaceRoot(__dirname);
  const args = parseArgs(process.argv.slice(2), workspaceRoot);
  const progress = createProgress(6);

  progress.step(`reading ${basename(args.file)}`);
  const text = readFileSync(args.file, 'utf8');
  const layout = detectCdnowLayout(text);
  const transactions = parseCdnowTransactions(text, layout);

  const comparison = compareModels(transactions, {
    ...(args.calibrationEnd ? { calibrationEnd: args.calibrationEnd } : {}),
    ...(args.holdoutEnd ? { holdoutEnd: args.holdoutEnd } : {}),
    timeUnit: 'week',
    onStep: (label) => progress.step(label),
    onFitProgress: (_model, iteration, logLikelihood) =>
      progress.detail(`iteration ${iteration}, log-likelihood ${logLikelihood.toFixed(2)}`),
  });
  progress.stop();
  // drop the raw objects from the printed result
  const { summary: _summary, fits: _fits, gammaGammaFit: _gg, evaluation: _evaluation, ...rest } = comparison;
  const result = { file: args.file, layout, transactions: transactions.length, ...rest };

  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`file            ${result.file} (${layout} layout)`);
  console.log(`data            ${result.transactions} transactions, ${result.customers} customers in the calibration cohort`);
  console.log(`calibration     ${result.calibration.start} … ${result.calibration.end}`);
  console.log(
    `holdout         … ${result.holdout.end} (${fmt(result.holdout.length, 2)} weeks); churn rate ${
      result.churnRate === null ? 'n/a' : `${(result.churnRate * 100).toFixed(1)} %`
    }`,
  );
  console.log('');
  const header = [
    'model',
    'parameters',
    'log-lik',
    'conv',
    'iter',
    'fit ms',
    'AUC(1-P(alive))',
    'AUC(P(none in τ))',
    'AUC(E[Y])',
    'MAE',
    'pred/actual',
    'agg err',
  ];
  const rows = result.models.map((m) => [
    m.model,
    Object.entries(m.params)
      .map(([k, v]) => `${k}=${fmt(v)}`)
      .join(' '),
    fmt(m.logLikelihood, 2),
    m.converged ? 'yes' : 'NO',
    String(m.iterations),
    fmt(m.fitMs, 1),
    m.auc === null ? 'n/a' : fmt(m.auc),
    m.aucNoPurchase === null ? 'n/a' : fmt(m.aucNoPurchase),
    m.aucExpectedPurchases === null ? 'n/a' : fmt(m.aucExpectedPurchases),
    m.holdout ? fmt(m.holdout.mae) : 'n/a',
    m.holdout ? `${fmt(m.holdout.predicted, 1)}/${m.holdout.actual}` : 'n/a',
    m.holdout ? `${(m.holdout.aggregateRelativeError * 100).toFixed(2)} %` : 'n/a',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
  console.log('');
  console.log(
    `naive baseline  AUC ${result.naiveBaseline.auc === null ? 'n/a' : fmt(result.naiveBaseline.auc)} (${result.naiveBaseline.definition})`,
  );
  const g = result.gammaGamma;
  console.log(
    `gamma-gamma     ${Object.entries(g.params)
      .map(([k, v]) => `${k}=${fmt(v)}`)
      .join(' ')}  log-lik ${fmt(g.logLikelihood, 2)}  n=${g.n}${g.excluded ? ` (${g.excluded} zero-spend excluded)` : ''}  conv ${
      g.converged ? 'yes' : 'NO'
    }  ${fmt(g.fitMs, 1)} ms  population mean spend ${fmt(g.populationMeanSpend, 2)}`,
  );
  const c = result.churnRisk;
  console.log(
    `churn risk      ${
      c === null
        ? 'n/a'
        : `${c.model}: ${c.description.replace('τ', c.horizon === null ? 'τ' : `${fmt(c.horizon, 0)} weeks`)}, AUC ${fmt(c.auc)} ${
            c.beatsNaive ? 'above' : 'NOT above'
          } the naive baseline ${fmt(c.naiveAuc)}`
    }`,
  );
  console.log(
    'AUCs rank customers against "no purchase in the holdout": AUC(1-P(alive)) by 1 − P(alive), AUC(P(none in τ)) by the',
  );
  console.log(
    "model's probability of no purchase in the next τ = holdout length (the churn risk), AUC(E[Y]) by fewer expected purchases.",
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`eval-models: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
