// Reverse-mode differentiation on the symbolic graph. The backward pass is built from ordinary
// ops (each op's grad rule), so it is emitted, optimised and run like the forward pass.
//
// Only nodes on a path from a requested parameter to the loss get gradients (dead-branch
// pruning: no gradient is built for data inputs, constants, or branches that do not reach the
// loss). A tensor used several times gets the sum of its contributions (fan-out accumulation).

import { GraphError, check } from './errors'
import { topoOrder } from './emit'
import { add } from './ops/binary'
import { expand } from './ops/layout'
import type { Tensor } from './tensor'
import { isFloat } from './tensor'

/**
 * d loss / d wrt for each tensor in `wrt` (usually parameters). `loss` must be a scalar unless
 * `seed` (the gradient of some outer scalar with respect to loss) is given. A tensor the loss
 * does not depend on gets zeros.
 */
export function grad(loss: Tensor, wrt: readonly Tensor[], seed?: Tensor): Tensor[] {
  return gradients(loss, wrt, seed).map((g, i) => g ?? zerosLike(wrt[i]))
}

/** As `grad`, but null where the loss does not depend on the tensor (PyTorch's `grad is None`). */
export function gradients(loss: Tensor, wrt: readonly Tensor[], seed?: Tensor): (Tensor | null)[] {
  check(
    seed !== undefined || loss.rank === 0,
    'BAD_ARGUMENT',
    () => `grad: loss ${loss} is not a scalar`,
  )
  check(isFloat(loss.dtype), 'NOT_DIFFERENTIABLE', () => `grad: loss is ${loss.dtype}`)
  const order = topoOrder([loss])
  const targets = new Set(wrt)

  // Forward reachability from the targets: which tensors depend on something we differentiate.
  const live = new Set<Tensor>()
  for (const t of order) {
    if (targets.has(t) || t.node.inputs.some((i) => live.has(i))) live.add(t)
  }

  const pending = new Map<Tensor, Tensor[]>()
  pending.set(loss, [seed ?? loss.graph.scalar(1, loss.dtype)])
  const total = new Map<Tensor, Tensor>()

  for (let k = order.length - 1; k >= 0; k--) {
    const t = order[k]
    const parts = pending.get(t)
    if (!parts || !live.has(t)) continue
    pending.delete(t)
    const gy = parts.reduce((a, b) => add(a, b))
    total.set(t, gy)
    if (t.node.inputs.length === 0) continue
    const wanted = t.node.inputs.map((i) => live.has(i) && isFloat(i.dtype))
    if (!wanted.some(Boolean)) continue
    const rule = t.node.def.grad
    if (!rule) throw new GraphError('NOT_DIFFERENTIABLE', `${t.node.def.name} has no gradient rule`)
    const grads = rule(gy, t.node, t, wanted)
    t.node.inputs.forEach((input, i) => {
      const g = grads[i]
      if (!wanted[i] || !g) return
      check(
        g.rank === input.rank,
        'SHAPE_MISMATCH',
        () => `${t.node.def.name} grad for input ${i}: [${g.shape}] vs [${input.shape}]`,
      )
      const list = pending.get(input)
      if (list) list.push(g)
      else pending.set(input, [g])
    })
  }

  return wrt.map((w) => total.get(w) ?? null)
}

function zerosLike(t: Tensor): Tensor {
  return expand(t.graph.scalar(0, t.dtype), t.shape)
}
