// A weighted mixture of product kernels over the codec's unit space, one kernel per observation
// plus a uniform prior component: the l(x) and g(x) of TPE. Numeric coordinates get Gaussians
// truncated to [0, 1]; categorical ones a kernel that keeps the observed choice with probability
// 1 − β(K − 1)/K. The density is multivariate (a product per component, then the mixture), so
// dependencies between parameters that good trials share carry over to the suggestions.
//
// Bandwidth per numeric dimension: the weighted spread of the observations in that dimension,
// shrunk towards the uniform's spread by one pseudo-observation, times Scott's factor
// n_eff^(−1/(d+4)) and a scale; never below a floor, and never below half a grid cell, so a
// discrete parameter can still move to its neighbours.

import type { Rng } from '../../../rng'
import type { EncodedPoint, SpaceCodec } from '../../space-codec'
import { LOG_SQRT_2PI, normalCdf } from './normal'

export interface ParzenOptions {
  bandwidthScale: number
  minBandwidth: number
  /** Weight of the uniform prior, relative to an average observation (which weighs 1). */
  priorWeight: number
}

const UNIFORM_VARIANCE = 1 / 12

export class ParzenEstimator {
  private readonly n: number
  private readonly dn: number
  private readonly dc: number
  private readonly mu: Float64Array
  private readonly invSigma: Float64Array
  private readonly sigma: Float64Array
  /** Per (component, dimension): log of the truncated Gaussian's normalising constant. */
  private readonly logNorm: Float64Array
  private readonly cat: Int32Array
  private readonly catSize: Int32Array
  private readonly catBeta: Float64Array
  private readonly catLogOwn: Float64Array
  private readonly catLogOther: Float64Array
  private readonly weights: Float64Array
  private readonly logWeights: Float64Array
  private readonly priorLogPdf: number
  private readonly terms: Float64Array

  constructor(
    points: readonly EncodedPoint[],
    rawWeights: ArrayLike<number>,
    codec: SpaceCodec,
    options: ParzenOptions,
  ) {
    const n = points.length
    const dn = codec.numeric.length
    const dc = codec.categorical.length
    this.n = n
    this.dn = dn
    this.dc = dc
    let sum = 0
    let sumSq = 0
    for (let i = 0; i < n; i++) {
      sum += rawWeights[i]
      sumSq += rawWeights[i] ** 2
    }
    const nEff = n === 0 ? 0 : (sum * sum) / sumSq
    // Observations weigh n in total (1 on average); the prior comes on top.
    this.weights = new Float64Array(n + 1)
    for (let i = 0; i < n; i++) this.weights[i] = (rawWeights[i] / sum) * n
    this.weights[n] = options.priorWeight
    const total = n + options.priorWeight
    this.logWeights = this.weights.map((w) => Math.log(w / total))

    const scott = Math.max(nEff, 1) ** (-1 / (dn + dc + 4))
    this.sigma = new Float64Array(dn)
    this.invSigma = new Float64Array(dn)
    this.mu = new Float64Array(n * dn)
    this.logNorm = new Float64Array(n * dn)
    for (let j = 0; j < dn; j++) {
      let mean = 0
      for (let i = 0; i < n; i++) mean += (rawWeights[i] / sum) * points[i].num[j]
      let variance = 0
      for (let i = 0; i < n; i++) variance += (rawWeights[i] / sum) * (points[i].num[j] - mean) ** 2
      const shrunk = (nEff * variance + UNIFORM_VARIANCE) / (nEff + 1)
      const floor = Math.max(options.minBandwidth, codec.halfCell(codec.numeric[j]))
      const sigma = Math.max(floor, options.bandwidthScale * scott * Math.sqrt(shrunk))
      this.sigma[j] = sigma
      this.invSigma[j] = 1 / sigma
      for (let i = 0; i < n; i++) {
        const m = points[i].num[j]
        this.mu[i * dn + j] = m
        const mass = normalCdf((1 - m) / sigma) - normalCdf(-m / sigma)
        this.logNorm[i * dn + j] = -Math.log(sigma) - LOG_SQRT_2PI - Math.log(mass)
      }
    }
    this.cat = new Int32Array(n * dc)
    this.catSize = new Int32Array(dc)
    this.catBeta = new Float64Array(dc)
    this.catLogOwn = new Float64Array(dc)
    this.catLogOther = new Float64Array(dc)
    let priorLogPdf = 0
    for (let c = 0; c < dc; c++) {
      const k = codec.categorical[c].size
      this.catSize[c] = k
      const beta = Math.min(1, Math.max(0.05, 2 / (nEff + 2)))
      this.catBeta[c] = beta
      this.catLogOwn[c] = Math.log(1 - beta + beta / k)
      this.catLogOther[c] = Math.log(beta / k)
      priorLogPdf -= Math.log(k)
      for (let i = 0; i < n; i++) this.cat[i * dc + c] = points[i].cat[c]
    }
    this.priorLogPdf = priorLogPdf
    this.terms = new Float64Array(n + 1)
  }

  /** Draws a point (not snapped to the grid) into num and cat. */
  sample(rng: Rng, num: Float64Array, cat: Int32Array): void {
    const i = rng.weighted(this.weights)
    if (i === this.n) {
      for (let j = 0; j < this.dn; j++) num[j] = rng.uniform()
      for (let c = 0; c < this.dc; c++) cat[c] = rng.int(this.catSize[c])
      return
    }
    for (let j = 0; j < this.dn; j++) {
      const m = this.mu[i * this.dn + j]
      let x = -1
      // Rejection is cheap here: a kernel centred inside [0, 1] keeps at least ~half its mass.
      for (let tries = 0; tries < 64 && (x < 0 || x > 1); tries++)
        x = m + this.sigma[j] * rng.normal()
      num[j] = x < 0 ? 0 : x > 1 ? 1 : x
    }
    for (let c = 0; c < this.dc; c++)
      cat[c] =
        rng.uniform() < this.catBeta[c] ? rng.int(this.catSize[c]) : this.cat[i * this.dc + c]
  }

  /** Draws numeric coordinate j from its marginal (a 1-D mixture), for independent sampling. */
  sampleNumeric(j: number, rng: Rng, scale = 1): number {
    const i = rng.weighted(this.weights)
    if (i === this.n) return rng.uniform()
    const m = this.mu[i * this.dn + j]
    let x = -1
    for (let tries = 0; tries < 64 && (x < 0 || x > 1); tries++)
      x = m + scale * this.sigma[j] * rng.normal()
    return x < 0 ? 0 : x > 1 ? 1 : x
  }

  sampleCategorical(c: number, rng: Rng): number {
    const i = rng.weighted(this.weights)
    if (i === this.n || rng.uniform() < this.catBeta[c]) return rng.int(this.catSize[c])
    return this.cat[i * this.dc + c]
  }

  /** Log marginal density of numeric coordinate j at u. */
  logPdfNumeric(j: number, u: number): number {
    const { n, dn, terms } = this
    let max = -Infinity
    for (let i = 0; i < n; i++) {
      const z = (u - this.mu[i * dn + j]) * this.invSigma[j]
      const lp = this.logWeights[i] + this.logNorm[i * dn + j] - 0.5 * z * z
      terms[i] = lp
      if (lp > max) max = lp
    }
    terms[n] = this.logWeights[n]
    if (terms[n] > max) max = terms[n]
    let sum = 0
    for (let i = 0; i <= n; i++) sum += Math.exp(terms[i] - max)
    return max + Math.log(sum)
  }

  /** Log marginal probability of choice k in categorical coordinate c. */
  logPdfCategorical(c: number, k: number): number {
    const { n, dc, terms } = this
    let max = -Infinity
    for (let i = 0; i < n; i++) {
      const lp =
        this.logWeights[i] + (this.cat[i * dc + c] === k ? this.catLogOwn[c] : this.catLogOther[c])
      terms[i] = lp
      if (lp > max) max = lp
    }
    terms[n] = this.logWeights[n] - Math.log(this.catSize[c])
    if (terms[n] > max) max = terms[n]
    let sum = 0
    for (let i = 0; i <= n; i++) sum += Math.exp(terms[i] - max)
    return max + Math.log(sum)
  }

  logPdf(num: ArrayLike<number>, cat: ArrayLike<number>): number {
    const { n, dn, dc, terms } = this
    let max = -Infinity
    for (let i = 0; i < n; i++) {
      let lp = this.logWeights[i]
      const base = i * dn
      for (let j = 0; j < dn; j++) {
        const z = (num[j] - this.mu[base + j]) * this.invSigma[j]
        lp += this.logNorm[base + j] - 0.5 * z * z
      }
      const cbase = i * dc
      for (let c = 0; c < dc; c++)
        lp += cat[c] === this.cat[cbase + c] ? this.catLogOwn[c] : this.catLogOther[c]
      terms[i] = lp
      if (lp > max) max = lp
    }
    const prior = this.logWeights[n] + this.priorLogPdf
    terms[n] = prior
    if (prior > max) max = prior
    let sum = 0
    for (let i = 0; i <= n; i++) sum += Math.exp(terms[i] - max)
    return max + Math.log(sum)
  }
}
