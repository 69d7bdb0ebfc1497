// Scaled dot-product attention with an optional mask, and the causal mask TFT's decoder uses.

import { mul } from '../ops/binary'
import { where } from '../ops/compare'
import { matmul } from '../ops/matmul'
import { softmax } from '../ops/normalize'
import type { Tensor } from '../tensor'

/**
 * Boolean [nQ, nK], true = blocked. Query i may see keys j < offset + i + 1 … with Darts' TFT
 * convention blocked(i, j) = j ≥ offset + i: decoder step i sees the `offset` encoder steps and
 * the decoder steps strictly before it (and so step 0 sees only the encoder).
 */
export function causalMask(nQ: number, nK: number, offset: number, strict = true): Float64Array {
  const m = new Float64Array(nQ * nK)
  for (let i = 0; i < nQ; i++) {
    for (let j = 0; j < nK; j++) m[i * nK + j] = (strict ? j >= offset + i : j > offset + i) ? 1 : 0
  }
  return m
}

export interface AttentionOptions {
  /** Boolean tensor broadcastable to [..., nQ, nK]; true = blocked (filled with −1e9). */
  mask?: Tensor
  /** Defaults to 1/√d. */
  scale?: number
}

/**
 * softmax(q·kᵀ·scale, masked) · v for q [..., nQ, d], k [..., nK, d], v [..., nK, dv].
 * Returns the output [..., nQ, dv] and the attention weights [..., nQ, nK].
 */
export function attention(q: Tensor, k: Tensor, v: Tensor, o: AttentionOptions = {}) {
  const d = q.shape[q.rank - 1] as number
  let scores = mul(matmul(q, k, { transB: true }), o.scale ?? 1 / Math.sqrt(d))
  // Where, not an additive −1e9: the blocked scores get no gradient at all, as in PyTorch's masked_fill.
  if (o.mask) scores = where(o.mask, -1e9, scores)
  const weights = softmax(scores, -1)
  return { out: matmul(weights, v), weights }
}
