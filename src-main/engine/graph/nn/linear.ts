// Linear layers and dropout: the two building blocks every model uses.

import { GraphError, check } from '../errors'
import type { Init } from '../init'
import { init } from '../init'
import { add, mul } from '../ops/binary'
import { matmul } from '../ops/matmul'
import type { Tensor } from '../tensor'

export interface LinearOptions {
  bias?: boolean
  weightInit?: Init
  biasInit?: Init
}

/**
 * x [..., in] → [..., out] with parameters `<name>.weight` [in, out] and `<name>.bias` [out].
 * The weight is stored as PyTorch's [out, in] transposed, so the forward is a plain MatMul.
 * Default init is PyTorch's nn.Linear: U(±1/√in) for both weight and bias.
 */
export function linear(x: Tensor, out: number, name: string, o: LinearOptions = {}): Tensor {
  const inF = x.shape[x.rank - 1]
  check(
    typeof inF === 'number',
    'SHAPE_MISMATCH',
    () => `linear "${name}": input [${x.shape}] has symbolic features`,
  )
  const g = x.graph
  const fanIn = inF as number
  const w = g.param(`${name}.weight`, [fanIn, out], o.weightInit ?? init.torchDefault(fanIn))
  const y = matmul(x, w)
  if (o.bias === false) return y
  return add(y, g.param(`${name}.bias`, [out], o.biasInit ?? init.torchDefault(fanIn)))
}

/**
 * Inverted dropout: in training graphs x ⊙ mask, where the runtime feeds a mask of 0 and
 * 1/(1−p) drawn from its seeded generator (onnxruntime has no CPU RandomUniformLike at recent
 * opsets, and a fed mask keeps steps reproducible). The identity in predict graphs.
 */
export function dropout(x: Tensor, p: number, name: string): Tensor {
  if (p < 0 || p >= 1) throw new GraphError('BAD_ARGUMENT', `dropout "${name}": p = ${p}`)
  if (!x.graph.training || p === 0) return x
  return mul(x, x.graph.dropoutMask(name, x.shape, p))
}
