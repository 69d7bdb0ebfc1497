// Linear interpolation along the last axis as a MatMul with a constant matrix: exact, static,
// differentiable for free, and what NHITS (align_corners=false) and TFT's ResampleNorm
// (align_corners=true) need.

import { matmul } from '../ops/matmul'
import type { Tensor } from '../tensor'
import { check } from '../errors'

/**
 * M [nIn, nOut] such that y = x·M is PyTorch's F.interpolate(mode='linear') from nIn to nOut
 * points. align_corners=false: src = max((j + ½)·nIn/nOut − ½, 0); true: src = j·(nIn−1)/(nOut−1).
 */
export function interpolationMatrix(nIn: number, nOut: number, alignCorners = false): Float64Array {
  const m = new Float64Array(nIn * nOut)
  for (let j = 0; j < nOut; j++) {
    let src: number
    if (alignCorners) src = nOut === 1 ? 0 : (j * (nIn - 1)) / (nOut - 1)
    else src = Math.max(((j + 0.5) * nIn) / nOut - 0.5, 0)
    const i0 = Math.min(Math.floor(src), nIn - 1)
    const i1 = Math.min(i0 + 1, nIn - 1)
    const lambda = src - i0
    m[i0 * nOut + j] += 1 - lambda
    m[i1 * nOut + j] += lambda
  }
  return m
}

/** Resamples the last axis of x from its length to `nOut` points. */
export function interpolateLinear(x: Tensor, nOut: number, alignCorners = false): Tensor {
  const nIn = x.shape[x.rank - 1]
  check(
    typeof nIn === 'number',
    'SHAPE_MISMATCH',
    () => `interpolate over symbolic axis of [${x.shape}]`,
  )
  if (nIn === nOut) return x
  const m = x.graph.constant(interpolationMatrix(nIn as number, nOut, alignCorners), [
    nIn as number,
    nOut,
  ])
  return matmul(x, m)
}
