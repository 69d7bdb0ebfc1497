// Matrix product over the last two axes, batch axes broadcast, with optional transposes of
// either operand (so gradients need no explicit Transpose: 2-D cases become one Gemm).

import { check } from '../errors'
import type { OpDef } from '../op'
import { A } from '../onnx/model'
import { nd, ravel, unravel } from '../reference/ndarray'
import { type Dim, broadcastShapes, sameDim } from '../shape'
import type { Tensor } from '../tensor'
import { reshape } from './layout'
import { unbroadcast } from './reduce'
import { floatOnly, sameDtype } from './util'

export interface MatMulAttrs {
  transA: boolean
  transB: boolean
}

function lastTwo(shape: readonly Dim[], trans: boolean): [Dim, Dim] {
  const r = shape.length
  return trans ? [shape[r - 1], shape[r - 2]] : [shape[r - 2], shape[r - 1]]
}

export const MatMul: OpDef<MatMulAttrs> = {
  name: 'MatMul',
  infer([a, b], attrs) {
    sameDtype('MatMul', [a, b])
    floatOnly('MatMul', a)
    check(
      a.shape.length >= 2 && b.shape.length >= 2,
      'SHAPE_MISMATCH',
      () => 'matmul needs rank >= 2',
    )
    const [m, k1] = lastTwo(a.shape, attrs.transA)
    const [k2, n] = lastTwo(b.shape, attrs.transB)
    check(sameDim(k1, k2), 'SHAPE_MISMATCH', () => `matmul [${a.shape}] x [${b.shape}]`)
    const batch = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2))
    return { dtype: a.dtype, shape: [...batch, m, n] }
  },
  emit(ctx, [a, b], out, node) {
    const { transA, transB } = node.attrs
    const [ta, tb] = node.inputs
    if (ta.rank === 2 && tb.rank === 2) {
      if (!transA && !transB) return void ctx.node('MatMul', [a, b], {}, [out])
      ctx.node('Gemm', [a, b], { transA: A.int(transA ? 1 : 0), transB: A.int(transB ? 1 : 0) }, [
        out,
      ])
      return
    }
    const swap = (name: string, rank: number) => {
      const perm = [...Array(rank).keys()]
      ;[perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]]
      return ctx.node('Transpose', [name], { perm: A.ints(perm) })[0]
    }
    ctx.node('MatMul', [transA ? swap(a, ta.rank) : a, transB ? swap(b, tb.rank) : b], {}, [out])
  },
  grad(gy, node, _y, wanted) {
    const [a, b] = node.inputs
    const { transA, transB } = node.attrs
    let ga: Tensor | null = null
    let gb: Tensor | null = null
    if (wanted[0]) {
      ga = transA
        ? matmul(b, gy, { transA: transB, transB: true })
        : matmul(gy, b, { transB: !transB })
      ga = unbroadcast(ga, a.shape)
    }
    if (wanted[1]) {
      if (b.rank === 2 && a.rank > 2 && !transA) {
        // A weight shared over batch and time: one [K, rows] x [rows, N] product instead of a
        // batched product followed by a sum.
        const a2 = reshape(a, [-1, a.shape[a.rank - 1]])
        const g2 = reshape(gy, [-1, gy.shape[gy.rank - 1]])
        gb = transB ? matmul(g2, a2, { transA: true }) : matmul(a2, g2, { transA: true })
      } else {
        gb = transB
          ? matmul(gy, a, { transA: true, transB: transA })
          : matmul(a, gy, { transA: !transA })
        gb = unbroadcast(gb, b.shape)
      }
    }
    return [ga, gb]
  },
  ref([a, b], attrs, y) {
    const shape = y.shape as number[]
    const out = nd(shape)
    const r = shape.length
    const [, k] = lastTwo(a.shape, attrs.transA) as [number, number]
    const at = (x: typeof a, trans: boolean, idx: number[], i: number, j: number) => {
      const full = [...idx.slice(0, -2), trans ? j : i, trans ? i : j]
      const lead = full.length - x.shape.length
      const own = full.slice(lead).map((v, d) => (x.shape[d] === 1 ? 0 : v))
      return x.data[ravel(own, x.shape)]
    }
    for (let f = 0; f < out.data.length; f++) {
      const idx = unravel(f, shape)
      const i = idx[r - 2]
      const j = idx[r - 1]
      let s = 0
      for (let p = 0; p < k; p++)
        s += at(a, attrs.transA, idx, i, p) * at(b, attrs.transB, idx, p, j)
      out.data[f] = s
    }
    return out
  },
}

/** a @ b over the last two axes; `transA`/`transB` transpose those axes first. */
export function matmul(a: Tensor, b: Tensor, t: Partial<MatMulAttrs> = {}): Tensor {
  return a.graph.apply(MatMul, [a, b], { transA: t.transA ?? false, transB: t.transB ?? false })
}
