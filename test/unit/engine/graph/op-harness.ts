// Test harness for op rows: for every case it checks, all in float64 unless stated,
//   1. the gradient rule against 4-point finite differences of the reference evaluator,
//   2. the ONNX forward and backward (one onnxruntime session for the whole batch of cases)
//      against the reference evaluator,
//   3. the ONNX gradient against finite differences where onnxruntime has float64 kernels.
// The loss is Σ out ⊙ W with a fixed random W, so every output element carries a distinct weight.

import * as ort from 'onnxruntime-node'
import { beforeAll, describe, expect, it } from 'vitest'
import { grad } from '../../../../src-main/engine/graph/autodiff'
import { emitGraph } from '../../../../src-main/engine/graph/emit'
import { GraphBuilder } from '../../../../src-main/engine/graph/graph'
import { encodeModel } from '../../../../src-main/engine/graph/onnx/model'
import { mul } from '../../../../src-main/engine/graph/ops/binary'
import { reduceSum } from '../../../../src-main/engine/graph/ops/reduce'
import { evaluate } from '../../../../src-main/engine/graph/reference/evaluate'
import { type NDArray, nd } from '../../../../src-main/engine/graph/reference/ndarray'
import { Rng } from '../../../../src-main/engine/rng'
import type { Dim } from '../../../../src-main/engine/graph/shape'
import type { FloatDType, Tensor } from '../../../../src-main/engine/graph/tensor'

export interface CaseInput {
  shape: number[]
  /** Declared shape, e.g. ['batch', 3], when testing symbolic dims. */
  declared?: Dim[]
  /** Value generator (default U(-1, 1)); use one that keeps away from kinks for non-smooth ops. */
  gen?: (rng: Rng, i: number) => number
  int64?: boolean
  /** Differentiate with respect to this input (default: every float input). */
  wrt?: boolean
}

export interface OpCase {
  name: string
  inputs: CaseInput[]
  build: (...xs: Tensor[]) => Tensor
  /** The op runs in float32 inside onnxruntime even in float64 graphs (Cast wrapped). */
  ortFloat32?: boolean
}

export interface CaseResult {
  name: string
  /** max over inputs of ‖g_rule − g_fd‖ / ‖g_fd‖, reference evaluator, float64. */
  gradError: number
  /** max relative error of ONNX forward and backward vs the reference. */
  ortError: number
  /** ONNX gradient vs finite differences (NaN when onnxruntime computes in float32). */
  ortGradError: number
  checkedGrads: number
}

export const uniform = (lo: number, hi: number) => (rng: Rng) => lo + (hi - lo) * rng.uniform()
/** Values at least `gap` away from 0: keeps Relu/Abs/Sign away from their kink. */
export const awayFromZero =
  (gap = 0.1) =>
  (rng: Rng) => {
    const v = gap + (1 - gap) * rng.uniform()
    return rng.uniform() < 0.5 ? -v : v
  }
/** Distinct values on a grid of step 0.01 in random order: no ties within FD steps. */
export const distinct = (n: number, seed: number) => {
  const vals = new Rng(seed).shuffle([...Array(n).keys()].map((i) => (i - n / 2) * 0.013))
  return (_rng: Rng, i: number) => vals[i]
}

function relError(a: Float64Array | Float32Array, b: Float64Array): number {
  let num = 0
  let den = 0
  for (let i = 0; i < b.length; i++) {
    num += (a[i] - b[i]) ** 2
    den += b[i] ** 2
  }
  return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-12)
}

interface Built {
  c: OpCase
  inputs: Tensor[]
  names: string[]
  values: NDArray[]
  out: Tensor
  loss: Tensor
  grads: Tensor[]
  wrt: number[]
}

/** Runs every check for a batch of cases; one onnxruntime session for all of them. */
export async function checkCases(
  cases: readonly OpCase[],
  dtype: FloatDType = 'float64',
): Promise<CaseResult[]> {
  const g = new GraphBuilder({ dtype })
  const rng = new Rng(1234)
  const built: Built[] = cases.map((c, k) => {
    const names = c.inputs.map((_, i) => `c${k}_x${i}`)
    const values = c.inputs.map((spec) => {
      const n = spec.shape.reduce((p, d) => p * d, 1)
      const gen = spec.gen ?? uniform(-1, 1)
      return nd(
        spec.shape,
        [...Array(n).keys()].map((i) => gen(rng, i)),
      )
    })
    const inputs = c.inputs.map((spec, i) =>
      g.input(names[i], spec.declared ?? spec.shape, spec.int64 ? 'int64' : dtype),
    )
    const out = c.build(...inputs)
    const outShape = evaluate([out], feedsOf(names, values))[0].shape
    const weights = nd(
      outShape,
      [...Array(outShape.reduce((p, d) => p * d, 1))].map(() => rng.uniform() - 0.5),
    )
    const w = g.input(`c${k}_w`, out.shape)
    names.push(`c${k}_w`)
    values.push(weights)
    const loss = reduceSum(mul(out, w))
    const wrt = c.inputs.flatMap((spec, i) => (!spec.int64 && spec.wrt !== false ? [i] : []))
    const grads = grad(
      loss,
      wrt.map((i) => inputs[i]),
    )
    return { c, inputs, names, values, out, loss, grads, wrt }
  })

  const outputs = built.flatMap((b, k) => [
    { name: `c${k}_out`, tensor: b.out },
    ...b.grads.map((t, j) => ({ name: `c${k}_g${j}`, tensor: t })),
  ])
  const model = encodeModel({ graph: emitGraph('cases', outputs) })
  const session = await ort.InferenceSession.create(model, { logSeverityLevel: 3 })
  const feeds: Record<string, ort.Tensor> = {}
  for (const b of built) {
    b.names.forEach((name, i) => {
      const v = b.values[i]
      const data = b.c.inputs[i]?.int64
        ? BigInt64Array.from(v.data, (x) => BigInt(x))
        : dtype === 'float64'
          ? Float64Array.from(v.data)
          : Float32Array.from(v.data)
      feeds[name] = new ort.Tensor(data, [...v.shape])
    })
  }
  const fetched = await session.run(feeds)
  await session.release()

  return built.map((b, k) => {
    const feedsK = feedsOf(b.names, b.values)
    const [out, ...ruleGrads] = evaluate([b.out, ...b.grads], feedsK)
    const lossAt = (vals: NDArray[]) => evaluate([b.loss], feedsOf(b.names, vals))[0].data[0]
    let gradError = 0
    let ortError = relError(fetched[`c${k}_out`].data as Float64Array, out.data)
    let ortGradError = 0
    b.wrt.forEach((inputIndex, j) => {
      const fd = finiteDifference(lossAt, b.values, inputIndex)
      gradError = Math.max(gradError, relError(ruleGrads[j].data, fd))
      const ortGrad = fetched[`c${k}_g${j}`].data as Float64Array
      ortError = Math.max(ortError, relError(ortGrad, ruleGrads[j].data))
      ortGradError = Math.max(ortGradError, relError(ortGrad, fd))
    })
    return {
      name: b.c.name,
      gradError,
      ortError,
      ortGradError: b.c.ortFloat32 || dtype === 'float32' ? NaN : ortGradError,
      checkedGrads: b.wrt.length,
    }
  })
}

function feedsOf(names: readonly string[], values: readonly NDArray[]): Record<string, NDArray> {
  return Object.fromEntries(names.map((n, i) => [n, values[i]]))
}

/** (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / 12h per element: O(h⁴) truncation. */
function finiteDifference(
  f: (vals: NDArray[]) => number,
  values: NDArray[],
  which: number,
): Float64Array {
  const x = values[which]
  const out = new Float64Array(x.data.length)
  const h = 1e-3
  for (let i = 0; i < x.data.length; i++) {
    const at = (delta: number) => {
      const copy = nd(x.shape, x.data)
      copy.data[i] += delta
      return f(values.map((v, j) => (j === which ? copy : v)))
    }
    out[i] = (-at(2 * h) + 8 * at(h) - 8 * at(-h) + at(-2 * h)) / (12 * h)
  }
  return out
}

/**
 * Registers the checks for a table of cases: float64 (gradient rule vs finite differences,
 * onnxruntime vs reference, onnxruntime gradient vs finite differences) and float32 (the
 * float32 emission paths against the reference, at float32 tolerance).
 */
export function opTable(title: string, cases: readonly OpCase[]): void {
  describe(`${title} (float64)`, () => {
    let results: CaseResult[]
    beforeAll(async () => {
      results = await checkCases(cases, 'float64')
    })
    it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
      const r = results[i]
      expect(r.gradError).toBeLessThan(1e-6)
      expect(r.ortError).toBeLessThan(cases[i].ortFloat32 ? 1e-5 : 1e-10)
      if (!cases[i].ortFloat32) expect(r.ortGradError).toBeLessThan(1e-6)
    })
  })
  describe(`${title} (float32 emission)`, () => {
    let results: CaseResult[]
    beforeAll(async () => {
      results = await checkCases(cases, 'float32')
    })
    it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
      expect(results[i].ortError).toBeLessThan(1e-4)
    })
  })
}
