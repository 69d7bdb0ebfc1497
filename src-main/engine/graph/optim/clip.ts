// Global-norm gradient clipping as torch.nn.utils.clip_grad_norm_ does it: one norm over all
// gradients, scale = min(1, max_norm / (norm + 1e-6)).

import { add, div, minimum, mul } from '../ops/binary'
import { reduceSum } from '../ops/reduce'
import { sqrt } from '../ops/unary'
import type { Tensor } from '../tensor'
import { GraphError } from '../errors'

export function clipGlobalNorm(
  grads: readonly Tensor[],
  maxNorm: number,
): { grads: Tensor[]; norm: Tensor } {
  if (grads.length === 0) throw new GraphError('BAD_ARGUMENT', 'clipGlobalNorm of no gradients')
  if (!(maxNorm > 0)) throw new GraphError('BAD_ARGUMENT', `clip norm must be > 0, got ${maxNorm}`)
  const squares = grads.map((g) => reduceSum(mul(g, g)))
  const norm = sqrt(squares.reduce((a, b) => add(a, b)))
  const scale = minimum(div(maxNorm, add(norm, 1e-6)), 1)
  return { grads: grads.map((g) => mul(g, scale)), norm }
}
