// The standard normal CDF, enough for truncation constants (absolute error below 1.5e-7,
// Abramowitz & Stegun 7.1.26 on erf).

export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * z)
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-z * z)
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf)
}

export const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI)
