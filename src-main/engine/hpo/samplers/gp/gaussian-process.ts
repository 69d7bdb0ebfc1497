// A Gaussian process with a Matérn-5/2 kernel, one length scale per input (ARD), a signal
// variance and a noise variance, fitted by maximising the log marginal likelihood plus log priors
// (MAP) with L-BFGS on the log hyperparameters (lbfgs.ts). Inputs live in [0, 1]^D; targets are
// standardised before fitting.
//
// Priors: log ℓ ~ N(√2 + ½ ln D, 3) — the dimension-scaled length-scale prior of Hvarfner et al.
// (2024, "Vanilla Bayesian optimization performs great in high dimensions"), which keeps a fit to
// a handful of points smooth instead of interpolating noise; log σ²_signal ~ N(0, 1);
// log σ²_noise ~ N(−8, 4), floored at 1e-6, so noiseless objectives are fitted closely and noisy
// ones can still claim noise. The fit starts from length scales e ≈ 2.7 times shorter than the
// prior's centre, where a handful of points still shape the first steps.

import { minimise, type Evaluation } from './lbfgs'
import { cholesky, inverseFromCholesky, solveLower, solveUpper } from './linear-algebra'

const SQRT5 = Math.sqrt(5)
const LOG_2PI = Math.log(2 * Math.PI)

export interface GpHyper {
  logLengthscales: Float64Array
  logSignal: number
  logNoise: number
}

const BOUNDS = {
  lengthscale: [Math.log(1e-2), Math.log(1e2)],
  signal: [Math.log(5e-2), Math.log(2e1)],
  noise: [Math.log(1e-6), Math.log(1)],
} as const

const NOISE_PRIOR_MEAN = -8

export function priorHyper(dims: number): GpHyper {
  return {
    logLengthscales: new Float64Array(dims).fill(lengthscalePriorMean(dims) - 1),
    logSignal: 0,
    logNoise: NOISE_PRIOR_MEAN,
  }
}

function lengthscalePriorMean(dims: number): number {
  return Math.SQRT2 + 0.5 * Math.log(Math.max(1, dims))
}

/** Matérn 5/2 of the scaled distance r, without the signal variance. */
function matern(r: number): number {
  return (1 + SQRT5 * r + (5 / 3) * r * r) * Math.exp(-SQRT5 * r)
}

export class GaussianProcess {
  readonly n: number
  readonly dims: number
  private readonly x: Float64Array[]
  private readonly invLengthscales: Float64Array
  private readonly signal: number
  private readonly chol: Float64Array
  private readonly alpha: Float64Array
  private readonly z: Float64Array
  private readonly yMean: number
  private readonly yScale: number
  private readonly scratchK: Float64Array
  private readonly scratchV: Float64Array

  /** Conditions on (x, y) with the given hyperparameters (targets standardised internally). */
  constructor(
    x: Float64Array[],
    y: ArrayLike<number>,
    readonly hyper: GpHyper,
  ) {
    const n = x.length
    this.n = n
    this.dims = hyper.logLengthscales.length
    this.x = x
    const { mean, scale, z } = standardise(y)
    this.z = z
    this.yMean = mean
    this.yScale = scale
    this.invLengthscales = hyper.logLengthscales.map((l) => Math.exp(-l))
    this.signal = Math.exp(hyper.logSignal)
    const k = this.kernelMatrix(Math.exp(hyper.logNoise))
    this.chol = cholesky(k, n)
    const tmp = new Float64Array(n)
    this.alpha = new Float64Array(n)
    solveLower(this.chol, n, z, tmp)
    solveUpper(this.chol, n, tmp, this.alpha)
    this.scratchK = new Float64Array(n)
    this.scratchV = new Float64Array(n)
  }

  private kernelMatrix(noise: number): Float64Array {
    const { n, x } = this
    const k = new Float64Array(n * n)
    for (let i = 0; i < n; i++) {
      k[i * n + i] = this.signal + noise
      for (let j = 0; j < i; j++) {
        const v = this.signal * matern(this.distance(x[i], x[j]))
        k[i * n + j] = v
        k[j * n + i] = v
      }
    }
    return k
  }

  private distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
    let s = 0
    for (let d = 0; d < this.dims; d++) {
      const t = (a[d] - b[d]) * this.invLengthscales[d]
      s += t * t
    }
    return Math.sqrt(s)
  }

  /** Log marginal likelihood of the standardised targets (tests check the fit raises it). */
  logEvidence(): number {
    const { n } = this
    let fit = 0
    for (let i = 0; i < n; i++) fit += this.z[i] * this.alpha[i]
    let halfLogDet = 0
    for (let i = 0; i < n; i++) halfLogDet += Math.log(this.chol[i * n + i])
    return -0.5 * fit - halfLogDet - 0.5 * n * LOG_2PI
  }

  /**
   * How far the model's own spread understates its leave-one-out errors: the root mean square of
   * each target's leave-one-out residual over its leave-one-out predictive standard deviation
   * (closed form: α_i / √[K⁻¹]_ii; Rasmussen & Williams 2006, §5.4.2). About 1 when calibrated.
   */
  leaveOneOutScale(): number {
    const { n } = this
    const kinv = inverseFromCholesky(this.chol, n)
    let sum = 0
    for (let i = 0; i < n; i++) sum += (this.alpha[i] * this.alpha[i]) / kinv[i * n + i]
    return Math.sqrt(sum / n)
  }

  /** Standard deviation of the observation noise, in the targets' own units. */
  get noiseSd(): number {
    return this.yScale * Math.sqrt(Math.exp(this.hyper.logNoise))
  }

  /** Posterior mean and standard deviation at x, in the targets' own units. */
  predict(x: ArrayLike<number>): { mean: number; sd: number } {
    const { n, scratchK: k, scratchV: v } = this
    let mean = 0
    for (let i = 0; i < n; i++) {
      k[i] = this.signal * matern(this.distance(x, this.x[i]))
      mean += k[i] * this.alpha[i]
    }
    solveLower(this.chol, n, k, v)
    let variance = this.signal
    for (let i = 0; i < n; i++) variance -= v[i] * v[i]
    return {
      mean: this.yMean + this.yScale * mean,
      sd: this.yScale * Math.sqrt(Math.max(variance, 1e-12)),
    }
  }
}

function standardise(y: ArrayLike<number>): { mean: number; scale: number; z: Float64Array } {
  const n = y.length
  let mean = 0
  for (let i = 0; i < n; i++) mean += y[i] / n
  let variance = 0
  for (let i = 0; i < n; i++) variance += (y[i] - mean) ** 2 / n
  const scale = variance > 1e-24 ? Math.sqrt(variance) : 1
  const z = new Float64Array(n)
  for (let i = 0; i < n; i++) z[i] = (y[i] - mean) / scale
  return { mean, scale, z }
}

/**
 * The negative log posterior of the log hyperparameters [log ℓ₁ … log ℓ_D, log σ²_signal,
 * log σ²_noise] given (x, y), and its gradient; each evaluation is O(n³ + n² D).
 */
export function negativeLogPosterior(
  x: Float64Array[],
  y: ArrayLike<number>,
  dims: number,
  noisePriorMean = NOISE_PRIOR_MEAN,
): (params: Float64Array) => Evaluation {
  const n = x.length
  const { z } = standardise(y)
  // Squared coordinate differences of every pair, reused by every evaluation.
  const pairs = (n * (n - 1)) / 2
  const diff2 = new Float64Array(pairs * dims)
  for (let i = 0, p = 0; i < n; i++)
    for (let j = 0; j < i; j++, p++)
      for (let d = 0; d < dims; d++) diff2[p * dims + d] = (x[i][d] - x[j][d]) ** 2
  const k = new Float64Array(n * n)
  const dk = new Float64Array(pairs) // ∂k/∂r-derived factor per pair, without Δ²/ℓ²
  const inv2 = new Float64Array(dims)
  const muL = lengthscalePriorMean(dims)
  return (params: Float64Array) => {
    for (let d = 0; d < dims; d++) inv2[d] = Math.exp(-2 * params[d])
    const signal = Math.exp(params[dims])
    const noise = Math.exp(params[dims + 1])
    for (let i = 0, p = 0; i < n; i++) {
      k[i * n + i] = signal + noise
      for (let j = 0; j < i; j++, p++) {
        let r2 = 0
        for (let d = 0; d < dims; d++) r2 += diff2[p * dims + d] * inv2[d]
        const r = Math.sqrt(r2)
        const e = Math.exp(-SQRT5 * r)
        const value = signal * (1 + SQRT5 * r + (5 / 3) * r2) * e
        k[i * n + j] = value
        k[j * n + i] = value
        dk[p] = signal * (5 / 3) * (1 + SQRT5 * r) * e
      }
    }
    const l = cholesky(k, n)
    const tmp = new Float64Array(n)
    const alpha = new Float64Array(n)
    solveLower(l, n, z, tmp)
    solveUpper(l, n, tmp, alpha)
    let value = 0
    for (let i = 0; i < n; i++) value += 0.5 * z[i] * alpha[i] + Math.log(l[i * n + i])
    const kinv = inverseFromCholesky(l, n)
    const grad = new Float64Array(dims + 2)
    // d(log evidence)/dθ = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ); off-diagonal pairs count twice.
    let diagW = 0
    let signalTerm = 0
    for (let i = 0, p = 0; i < n; i++) {
      const wii = alpha[i] * alpha[i] - kinv[i * n + i]
      diagW += wii
      signalTerm += 0.5 * wii * signal
      for (let j = 0; j < i; j++, p++) {
        const w = alpha[i] * alpha[j] - kinv[i * n + j]
        signalTerm += w * k[i * n + j]
        const f = w * dk[p]
        for (let d = 0; d < dims; d++) grad[d] += f * diff2[p * dims + d] * inv2[d]
      }
    }
    grad[dims] = signalTerm
    grad[dims + 1] = 0.5 * noise * diagW
    // Log priors (Gaussian in the log hyperparameters).
    for (let d = 0; d < dims; d++) {
      value += (params[d] - muL) ** 2 / 6
      grad[d] -= (params[d] - muL) / 3
    }
    value += params[dims] ** 2 / 2
    grad[dims] -= params[dims]
    value += (params[dims + 1] - noisePriorMean) ** 2 / 8
    grad[dims + 1] -= (params[dims + 1] - noisePriorMean) / 4
    // Minimised: negate the ascent gradient.
    for (let q = 0; q < dims + 2; q++) grad[q] = -grad[q]
    return { value, grad }
  }
}

/**
 * MAP hyperparameters for (x, y) by L-BFGS from `start`, within `evaluations` evaluations of the
 * log posterior.
 */
export function fitHyper(
  x: Float64Array[],
  y: ArrayLike<number>,
  start: GpHyper,
  evaluations: number,
  noisePriorMean = NOISE_PRIOR_MEAN,
): GpHyper {
  const dims = start.logLengthscales.length
  const objective = negativeLogPosterior(x, y, dims, noisePriorMean)
  const x0 = new Float64Array(dims + 2)
  x0.set(start.logLengthscales)
  x0[dims] = start.logSignal
  x0[dims + 1] = start.logNoise
  const lower = new Float64Array(dims + 2).fill(BOUNDS.lengthscale[0])
  const upper = new Float64Array(dims + 2).fill(BOUNDS.lengthscale[1])
  lower[dims] = BOUNDS.signal[0]
  upper[dims] = BOUNDS.signal[1]
  lower[dims + 1] = BOUNDS.noise[0]
  upper[dims + 1] = BOUNDS.noise[1]
  const params = minimise(objective, x0, { maxEvaluations: evaluations, lower, upper })
  return {
    logLengthscales: params.slice(0, dims),
    logSignal: params[dims],
    logNoise: params[dims + 1],
  }
}
