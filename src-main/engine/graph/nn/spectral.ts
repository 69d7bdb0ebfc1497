// Spectra as constant MatMuls: the real DFT over the time axis restricted to chosen bins
// (TimesNet's rfft amplitudes), static and portable where ONNX DFT is not.

import { add, mul } from '../ops/binary'
import { transpose } from '../ops/layout'
import { matmul } from '../ops/matmul'
import { neg, sqrt } from '../ops/unary'
import type { Tensor } from '../tensor'
import { check } from '../errors'

/** cos and sin bases [T, bins.length]: Cos[t, f] = cos(2π·f·t/T). */
export function dftBasis(
  T: number,
  bins: readonly number[],
): { cos: Float64Array; sin: Float64Array } {
  const nb = bins.length
  const cos = new Float64Array(T * nb)
  const sin = new Float64Array(T * nb)
  for (let t = 0; t < T; t++) {
    bins.forEach((f, j) => {
      const angle = (2 * Math.PI * f * t) / T
      cos[t * nb + j] = Math.cos(angle)
      sin[t * nb + j] = Math.sin(angle)
    })
  }
  return { cos, sin }
}

/**
 * Unnormalised rfft of x [B, T, C] along time at `bins`: re, im [B, C, bins] with
 * re = Σ_t x·cos, im = −Σ_t x·sin (numpy/torch sign convention).
 */
export function rfftBins(x: Tensor, bins: readonly number[]): { re: Tensor; im: Tensor } {
  check(x.rank === 3, 'SHAPE_MISMATCH', () => `rfftBins wants [B, T, C], got [${x.shape}]`)
  const T = x.shape[1] as number
  const { cos, sin } = dftBasis(T, bins)
  const xt = transpose(x, [0, 2, 1])
  const g = x.graph
  return {
    re: matmul(xt, g.constant(cos, [T, bins.length])),
    im: neg(matmul(xt, g.constant(sin, [T, bins.length]))),
  }
}

/**
 * |rfft| at `bins`: [B, C, bins]. `eps` keeps the gradient finite at an exactly zero bin
 * (torch defines |z|' = 0 there); at amplitudes of O(1) and above it is far below rounding.
 */
export function rfftAmplitude(x: Tensor, bins: readonly number[], eps = 1e-12): Tensor {
  const { re, im } = rfftBins(x, bins)
  return sqrt(add(add(mul(re, re), mul(im, im)), eps))
}
