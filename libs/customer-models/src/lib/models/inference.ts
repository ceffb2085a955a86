/**
 * Asymptotic standard errors from the observed information, using an analytic gradient:
 * the Hessian in log-parameters is the central difference of φ ↦ θ ⊙ ∇LL(θ) (θ = e^φ),
 * symmetrised and inverted; the delta method maps back (SE(θ) = θ·SE(ln θ)).
 * Needs 2k gradient evaluations.
 */
export function standardErrorsFromGradient(
  gradient: (values: readonly number[]) => number[],
  values: readonly number[],
  step = 1e-4,
): number[] {
  const k = values.length;
  const phi = values.map(Math.log);
  const logGrad = (p: readonly number[]): number[] => {
    const v = p.map(Math.exp);
    const g = gradient(v);
    return g.map((gi, i) => gi * (v[i] as number));
  };
  const columns: number[][] = [];
  for (let j = 0; j < k; j++) {
    const up = phi.slice();
    const dn = phi.slice();
    up[j] = (up[j] as number) + step;
    dn[j] = (dn[j] as number) - step;
    const gu = logGrad(up);
    const gd = logGrad(dn);
    columns.push(gu.map((v, i) => (v - (gd[i] as number)) / (2 * step)));
  }
  const info = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => -0.5 * (((columns[j] as number[])[i] as number) + ((columns[i] as number[])[j] as number))),
  );
  const cov = invert(info);
  return values.map((v, i) => v * Math.sqrt(Math.max(0, (cov[i] as number[])[i] as number)));
}

/** Gauss–Jordan inverse with partial pivoting. */
export function invert(m: readonly (readonly number[])[]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs((a[r] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number)) pivot = r;
    }
    const pr = a[pivot] as number[];
    a[pivot] = a[col] as number[];
    a[col] = pr;
    const p = pr[col] as number;
    if (p === 0) throw new RangeError('singular matrix');
    for (let j = 0; j < 2 * n; j++) pr[j] = (pr[j] as number) / p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = a[r] as number[];
      const factor = row[col] as number;
      if (factor === 0) continue;
      for (let j = 0; j < 2 * n; j++) row[j] = (row[j] as number) - factor * (pr[j] as number);
    }
  }
  return a.map((row) => row.slice(n));
}
