// The pieces under the op table: symbolic shapes, the builder's checks, seeded initialisation,
// the protobuf writer, emission (only what is needed) and autodiff's pruning.

import { describe, expect, it } from 'vitest'
import { grad } from '../../../../src-main/engine/graph/autodiff'
import { emitGraph, topoOrder } from '../../../../src-main/engine/graph/emit'
import { GraphError } from '../../../../src-main/engine/graph/errors'
import { GraphBuilder } from '../../../../src-main/engine/graph/graph'
import { init, initialize } from '../../../../src-main/engine/graph/init'
import { ProtoWriter } from '../../../../src-main/engine/graph/onnx/protobuf'
import { add, mul } from '../../../../src-main/engine/graph/ops/binary'
import { reshape } from '../../../../src-main/engine/graph/ops/layout'
import { matmul } from '../../../../src-main/engine/graph/ops/matmul'
import { reduceSum } from '../../../../src-main/engine/graph/ops/reduce'
import { exp, relu } from '../../../../src-main/engine/graph/ops/unary'
import {
  broadcastShapes,
  canonicalDim,
  divideDim,
  dimProduct,
  resolveShape,
} from '../../../../src-main/engine/graph/shape'

describe('symbolic shapes', () => {
  it('multiplies, divides and resolves monomial dims in one spelling', () => {
    expect(dimProduct(['batch', 4, 3])).toBe('12*batch')
    expect(canonicalDim('batch*12')).toBe('12*batch')
    expect(divideDim('12*batch', 4)).toBe('3*batch')
    expect(divideDim('12*batch', 'batch')).toBe(12)
    expect(divideDim(12, 'batch')).toBeUndefined()
    expect(resolveShape(['batch', '3*batch', 2], { batch: 5 })).toEqual([5, 15, 2])
  })

  it('broadcasts a symbol only against 1 or itself', () => {
    expect(broadcastShapes(['batch', 1, 4], [3, 1])).toEqual(['batch', 3, 4])
    expect(() => broadcastShapes(['batch', 4], [7, 4])).toThrow(GraphError)
  })

  it('reshape infers -1 through symbols and rejects mismatched sizes', () => {
    const g = new GraphBuilder()
    const x = g.input('x', ['batch', 6, 4])
    expect(reshape(x, [-1, 4]).shape).toEqual(['6*batch', 4])
    expect(reshape(reshape(x, [-1, 4]), ['batch', 24]).shape).toEqual(['batch', 24])
    expect(() => reshape(x, ['batch', 5])).toThrow(GraphError)
  })
})

describe('GraphBuilder', () => {
  it('refuses duplicate names, shape mismatches and mixed dtypes with typed errors', () => {
    const g = new GraphBuilder()
    const x = g.input('x', ['batch', 3])
    expect(() => g.input('x', [1])).toThrow(expect.objectContaining({ code: 'DUPLICATE_NAME' }))
    const w = g.param('w', [4, 2], init.zeros())
    expect(() => matmul(x, w)).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH' }))
    const i = g.input('i', [3], 'int64')
    expect(() => add(x, i)).toThrow(expect.objectContaining({ code: 'DTYPE_MISMATCH' }))
    expect(() => add(x, new GraphBuilder().input('y', [3]))).toThrow(GraphError)
  })

  it('scopes prefix parameter and dropout-mask names', () => {
    const g = new GraphBuilder({ training: true })
    g.scope('block0', () => {
      g.param('w', [2], init.ones())
      g.scope('mlp', () => g.dropoutMask('d', [2], 0.5))
    })
    expect(g.params.map((p) => p.name)).toEqual(['block0.w'])
    expect(g.inputs.map((p) => p.name)).toEqual(['dropout.block0.mlp.d'])
  })
})

describe('seeded initialisation', () => {
  it('torchDefault is U(±1/√fan_in), reproducible per (seed, name) and independent of order', () => {
    const a = initialize(init.torchDefault(16), 4000, 42, 'fc1.weight')
    const b = initialize(init.torchDefault(16), 4000, 42, 'fc1.weight')
    const c = initialize(init.torchDefault(16), 4000, 43, 'fc1.weight')
    expect(Array.from(a)).toEqual(Array.from(b))
    expect(Array.from(a)).not.toEqual(Array.from(c))
    expect(Math.max(...a)).toBeLessThanOrEqual(0.25)
    expect(Math.min(...a)).toBeGreaterThanOrEqual(-0.25)
    expect(Math.max(...a)).toBeGreaterThan(0.24)
    const mean = a.reduce((p, q) => p + q, 0) / a.length
    expect(Math.abs(mean)).toBeLessThan(0.01)
  })

  it('kaimingUniform(a=√5) equals torchDefault; normal inits have the asked spread', () => {
    expect(init.kaimingUniform(9)).toEqual(init.torchDefault(9))
    const n = initialize(init.kaimingNormal(50), 20000, 1, 'k')
    const sd = Math.sqrt(n.reduce((p, q) => p + q * q, 0) / n.length)
    expect(sd).toBeCloseTo(Math.sqrt(2 / 50), 2)
  })
})

describe('protobuf writer', () => {
  it('encodes varints, negative int64 as ten bytes, and nested lengths', () => {
    const w = new ProtoWriter().varint(1, 300).varint(2, -1)
    expect(Array.from(w.finish())).toEqual([8, 0xac, 2, 16, ...new Array(9).fill(0xff), 1])
    const nested = new ProtoWriter().message(3, (m) => m.string(1, 'ab')).finish()
    expect(Array.from(nested)).toEqual([26, 4, 10, 2, 97, 98])
  })
})

describe('emission and autodiff', () => {
  it('emits only what the outputs need', () => {
    const g = new GraphBuilder()
    const x = g.input('x', [3])
    const used = relu(x)
    exp(x) // dead: never emitted
    const graph = emitGraph('g', [{ name: 'y', tensor: used }])
    expect(graph.nodes.map((n) => n.opType)).toEqual(['Relu'])
    expect(graph.inputs.map((i) => i.name)).toEqual(['x'])
    expect(graph.outputs[0]).toEqual({ name: 'y', dtype: 'float32', shape: [3] })
  })

  it('builds no gradient for data inputs or branches that do not reach the parameters', () => {
    const g = new GraphBuilder()
    const x = g.input('x', ['batch', 3])
    const w = g.param('w', [3, 2], init.ones())
    const side = exp(mul(x, 2)) // depends on data only
    const loss = reduceSum(add(matmul(x, w), reduceSum(side)))
    const [gw] = grad(loss, [w])
    const forward = new Set(topoOrder([loss]))
    const backward = topoOrder([gw])
      .filter((t) => !forward.has(t))
      .map((t) => t.node.def.name)
    // d loss/dw = xᵀ·1: one MatMul; nothing for exp(2x) (no Exp or Mul gradient), nothing for x.
    expect(backward.filter((n) => n === 'MatMul')).toHaveLength(1)
    expect(backward).not.toContain('Mul')
    expect(backward).not.toContain('Exp')
  })

  it('refuses a non-scalar loss and gives zeros for an unreachable parameter', () => {
    const g = new GraphBuilder()
    const x = g.input('x', [2])
    const w = g.param('w', [2], init.ones())
    const u = g.param('u', [2], init.ones())
    expect(() => grad(mul(x, w), [w])).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }))
    const [, gu] = grad(reduceSum(mul(x, w)), [w, u])
    expect(gu.node.def.name).toBe('Expand')
  })
})
