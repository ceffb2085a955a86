/**
 * Fit-time benchmark.
 *
 *   TS_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register -r tsconfig-paths/register \
 *     libs/customer-models/bench/fit.bench.ts [--json] [--repeats N] [--customers N]
 *
 * Data sets: the CDNOW sample (2,357 customers), the CDNOW master file (23,570), a
 * synthetic CDNOW-like cohort of 100,000 customers generated as dated transactions
 * (day resolution, like real data) and the same population in continuous time (every
 * customer distinct, so no row grouping is possible: the worst case for the likelihood).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildRfmSummary,
  COUNT_MODELS,
  createRng,
  fitCountModel,
  fitGammaGamma,
  simulateRfm,
  simulateSpend,
  simulateTransactions,
  compileRfm,
  type CountModel,
  type GammaGammaParams,
  type RfmObservation,
  type SpendObservation,
} from '../src/index';
import { cdnowDataDir, findWorkspaceRoot, readCdnowTransactions } from '../src/node';

interface Row {
  dataset: string;
  customers: number;
  groups: number;
  model: string;
  method: string;
  fitMs: number;
  iterations: number;
  evaluations: number;
  logLikelihood: number;
  converged: boolean;
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const argValue = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const repeats = argValue('--repeats', 3);
const nSynthetic = argValue('--customers', 100_000);

const TRUE_BG: CountModel = { model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
const TRUE_GG: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function bench(
  dataset: string,
  rfm: readonly RfmObservation[],
  spend: readonly SpendObservation[],
  rows: Row[],
  skip: ReadonlySet<string> = new Set(),
): void {
  const groups = compileRfm(rfm).groups;
  const runs: Array<[string, string, () => { fitMs: number; iterations: number; functionEvaluations: number; logLikelihood: number; converged: boolean }]> = [
    ...COUNT_MODELS.map(
      (m) => [m, 'bfgs', () => fitCountModel(m, rfm)] as [string, string, () => ReturnType<typeof fitCountModel>],
    ),
    ...COUNT_MODELS.map(
      (m) =>
        [m, 'nelder-mead', () => fitCountModel(m, rfm, { method: 'nelder-mead' })] as [
          string,
          string,
          () => ReturnType<typeof fitCountModel>,
        ],
    ),
    ['gamma-gamma', 'bfgs', () => fitGammaGamma(spend)],
  ];
  for (const [model, method, run] of runs) {
    if (skip.has(`${model}/${method}`)) continue;
    process.stderr.write(`  ${dataset}: ${model} (${method})…\n`);
    const results = Array.from({ length: repeats }, run);
    const last = results[results.length - 1] as ReturnType<typeof run>;
    rows.push({
      dataset,
      customers: rfm.length,
      groups: model === 'gamma-gamma' ? spend.filter((s) => s.x > 0).length : groups,
      model,
      method,
      fitMs: median(results.map((r) => r.fitMs)),
      iterations: last.iterations,
      evaluations: last.functionEvaluations,
      logLikelihood: last.logLikelihood,
      converged: last.converged,
    });
  }
}

function main(): void {
  const rows: Row[] = [];
  const dir = cdnowDataDir(findWorkspaceRoot(__dirname));
  for (const [name, file] of [
    ['CDNOW sample', 'CDNOW_sample.txt'],
    ['CDNOW master', 'CDNOW_master.txt'],
  ] as const) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      process.stderr.write(`skipping ${name}: ${path} not found\n`);
      continue;
    }
    const summary = buildRfmSummary(readCdnowTransactions(path), { calibrationEnd: '1997-09-30', timeUnit: 'week' });
    bench(name, summary.customers, summary.customers, rows);
  }

  const rng = createRng(20240601);
  process.stderr.write(`simulating ${nSynthetic} customers (dated transactions)…\n`);
  const tx = simulateTransactions(
    TRUE_BG,
    { customers: nSynthetic, startDate: '2024-01-01', acquisitionDays: 84, endDate: '2024-09-29', timeUnit: 'week', spend: TRUE_GG },
    rng,
  );
  const daily = buildRfmSummary(tx, { calibrationEnd: '2024-09-29', timeUnit: 'week' });
  bench(`synthetic ${nSynthetic} (days)`, daily.customers, daily.customers, rows);

  process.stderr.write(`simulating ${nSynthetic} customers (continuous time)…\n`);
  const ages = Array.from({ length: nSynthetic }, () => 27 + 12 * rng.next());
  const cont = simulateRfm(TRUE_BG, ages, rng);
  const spend = simulateSpend(
    TRUE_GG,
    cont.map((c) => c.x),
    rng,
  );
  // Nelder–Mead on Pareto/NBD without any row grouping needs ~600 evaluations of ~10^5
  // hypergeometric terms each (far above the floor; BFGS, the default, is measured instead).
  bench(`synthetic ${nSynthetic} (continuous)`, cont, spend, rows, new Set(['pareto-nbd/nelder-mead']));

  if (json) {
    console.log(JSON.stringify({ repeats, rows }, null, 2));
    return;
  }
  const header = ['dataset', 'customers', 'groups', 'model', 'method', 'fit ms', 'iter', 'evals', 'log-lik', 'conv'];
  const table = rows.map((r) => [
    r.dataset,
    String(r.customers),
    String(r.groups),
    r.model,
    r.method,
    r.fitMs.toFixed(1),
    String(r.iterations),
    String(r.evaluations),
    r.logLikelihood.toFixed(2),
    r.converged ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => (t[i] as string).length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => (i >= 1 && i !== 3 && i !== 4 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ');
  console.log(`median of ${repeats} fits per row; node ${process.version}`);
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const t of table) console.log(fmt(t));
  const slow = rows.filter((r) => r.fitMs > 5000);
  if (slow.length > 0) console.log(`\nabove the 5 s floor: ${slow.map((r) => `${r.dataset}/${r.model}/${r.method}`).join(', ')}`);
}

main();
