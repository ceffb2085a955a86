import { betaln, gammaln } from './special';
import { integrate, integrateToInfinity } from './quadrature';

describe('tanh–sinh quadrature', () => {
  it.each([
    ['x² on [0, 3]', (x: number) => x * x, 0, 3, 9],
    ['1/√x on [0, 1] (end-point singularity)', (x: number) => 1 / Math.sqrt(x), 0, 1, 2],
    ['x^(−0.9) on [0, 1] (strong singularity)', (x: number) => Math.pow(x, -0.9), 0, 1, 10],
    ['Beta(0.3, 2.4) kernel', (x: number) => Math.pow(x, -0.7) * Math.pow(1 - x, 1.4), 0, 1, Math.exp(betaln(0.3, 2.4))],
    ['ln x on [0, 1]', (x: number) => Math.log(x), 0, 1, -1],
    ['reversed limits', (x: number) => x, 1, 0, -0.5],
  ])('%s', (_name, f, a, b, expected) => {
    expect(Math.abs(integrate(f, a, b) - expected)).toBeLessThan(1e-9 * Math.max(1, Math.abs(expected)));
  });

  it.each([
    ['e^(−x)', (x: number) => Math.exp(-x), 1],
    ['Gamma(0.243) kernel', (x: number) => Math.pow(x, 0.243 - 1) * Math.exp(-x), Math.exp(gammaln(0.243))],
    ['1/(1+x)²', (x: number) => 1 / (1 + x) ** 2, 1],
  ])('∫_0^∞ %s', (_name, f, expected) => {
    expect(Math.abs(integrateToInfinity(f, 0) - expected)).toBeLessThan(1e-9 * expected);
  });
});
