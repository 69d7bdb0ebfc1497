// The backcast's linear interpolation (PyTorch F.interpolate, mode='linear', align_corners=False)
// from n coefficients to n·r points without the dense [n, n·r] MatMul. For an integer factor r
// the source of output i·r + p is i + c_p with c_p = (p + ½)/r − ½ ∈ (−½, ½), so every output
// mixes at most two neighbours, x[i−1] and x[i] (c_p < 0) or x[i] and x[i+1] (c_p ≥ 0), with
// weights that depend on p only. PyTorch's clamping at both ends equals reading the input
// edge-replicated. So: pad by one at each end, take the three shifted views [B, n, 3], multiply
// by a constant [3, r], reshape to [B, n·r]. The dense matrix costs n·n·r multiply-adds per
// window (half a hidden layer at D = 24); this costs 3·n·r. Other ratios fall back to it.

import { interpolateLinear } from '../graph/nn/interpolate'
import { matmul } from '../graph/ops/matmul'
import { reshape, unsqueeze } from '../graph/ops/layout'
import { concat, slice } from '../graph/ops/slicing'
import type { Tensor } from '../graph/tensor'

/** Weights [3, r] of (x[i−1], x[i], x[i+1]) for output offset p = 0 … r−1. */
export function neighbourWeights(r: number): Float64Array {
  const w = new Float64Array(3 * r)
  for (let p = 0; p < r; p++) {
    const c = (p + 0.5) / r - 0.5
    if (c < 0) {
      w[0 * r + p] = -c
      w[1 * r + p] = 1 + c
    } else {
      w[1 * r + p] = 1 - c
      w[2 * r + p] = c
    }
  }
  return w
}

/** x [batch, n] → [batch, nOut], linear interpolation with align_corners=False. */
export function upsampleLinear(x: Tensor, nOut: number): Tensor {
  const n = x.shape[x.rank - 1] as number
  if (n === nOut || nOut % n !== 0 || x.rank !== 2) return interpolateLinear(x, nOut)
  const r = nOut / n
  const padded = concat([slice(x, 1, 0, 1), x, slice(x, 1, n - 1, n)], 1)
  const views = [0, 1, 2].map((s) => unsqueeze(slice(padded, 1, s, s + n), 2))
  const mixed = matmul(concat(views, 2), x.graph.constant(neighbourWeights(r), [3, r]))
  return reshape(mixed, [x.shape[0], nOut])
}
