import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GraphBuilder } from '../../../../src-main/engine/graph/graph'
import { initialize } from '../../../../src-main/engine/graph/init'
import { interpolationMatrix } from '../../../../src-main/engine/graph/nn/interpolate'
import { buildPredict } from '../../../../src-main/engine/graph/programs/predict'
import { Predictor } from '../../../../src-main/engine/graph/runtime/predictor'
import { Runtime } from '../../../../src-main/engine/graph/runtime/runtime'
import { evaluate } from '../../../../src-main/engine/graph/reference/evaluate'
import { Rng } from '../../../../src-main/engine/rng'
import { ModelError } from '../../../../src-main/engine/models/model-error'
import type { ModelDims } from '../../../../src-main/engine/models/model-spec'
import { nhits } from '../../../../src-main/engine/models/nhits'
import {
  autoSchedule,
  nhitsLayout,
  nhitsParameterCount,
  type NhitsShape,
} from '../../../../src-main/engine/models/nhits-layout'
import { upsampleLinear } from '../../../../src-main/engine/models/nhits-upsample'
import { modelSpec } from '../../../../src-main/engine/models/registry'
import { resolveParams } from '../../../../src-main/engine/models/resolve-params'
import { dartsNhitsForward } from './darts-nhits-reference'

const QUANTILES = [0.1, 0.5, 0.9]
/** The thesis: 14 past + 9 future covariates stacked, D = 24. */
const THESIS: ModelDims = { inputLength: 168, horizon: 24, covariates: 23, quantiles: QUANTILES }

const config = (stacks: number, blocks: number, layers: number, width: number) =>
  resolveParams(nhits, {
    num_stacks: stacks,
    num_blocks: blocks,
    num_layers: layers,
    layer_widths: width,
  })

/** Parameters the built graph really declares (the training graph, dropout on). */
function graphParameters(params: ReturnType<typeof config>, dims: ModelDims) {
  const g = new GraphBuilder({ training: true })
  nhits.build(params, dims).forward(g)
  const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1)
  return {
    total: g.params.reduce((n, p) => n + size(p.shape), 0),
    trainable: g.trainableParams.reduce((n, p) => n + size(p.shape), 0),
  }
}

describe('NHITS_Q layout (MODELS.md §3.1)', () => {
  it('derives Darts’ automatic pooling and downsampling schedules', () => {
    const table: Record<number, [number[], number[]]> = {
      1: [[84], [12]],
      2: [
        [84, 1],
        [12, 1],
      ],
      3: [
        [84, 9, 1],
        [12, 3, 1],
      ],
      4: [
        [84, 19, 4, 1],
        [12, 5, 2, 1],
      ],
      5: [
        [84, 27, 9, 3, 1],
        [12, 6, 3, 1, 1],
      ],
    }
    for (const [stacks, [kernels, factors]] of Object.entries(table)) {
      expect(autoSchedule(168, Number(stacks))).toEqual(kernels)
      expect(autoSchedule(24, Number(stacks))).toEqual(factors)
    }
  })

  it('has the block sizes of the §3.5 shape table (3 stacks, 1 block, D = 24)', () => {
    const shape: NhitsShape = {
      inputLength: 168,
      horizon: 24,
      channels: 24,
      quantiles: 3,
      numStacks: 3,
      numBlocks: 1,
      numLayers: 2,
      width: 512,
    }
    const rows = nhitsLayout(shape).map((b) => [b.kernel, b.factor, b.nIn, b.nBack, b.nFore])
    expect(rows).toEqual([
      [84, 12, 48, 336, 48],
      [9, 3, 448, 1344, 192],
      [1, 1, 4032, 4032, 576],
    ])
    const g = new GraphBuilder({ training: false })
    const out = nhits.build(config(3, 1, 2, 512), THESIS).forward(g)
    expect(out.quantiles.shape).toEqual(['batch', 24, 3])
    expect(g.inputs.map((i) => [i.name, i.shape])).toEqual([['x', ['batch', 168, 24]]])
    const shapes = new Map(g.params.map((p) => [p.name, p.shape]))
    for (const [s, [nIn, nBack, nFore]] of [
      [48, 336, 48],
      [448, 1344, 192],
      [4032, 4032, 576],
    ].entries()) {
      expect(shapes.get(`stack${s}.block0.mlp0.weight`)).toEqual([nIn, 512])
      expect(shapes.get(`stack${s}.block0.mlp1.weight`)).toEqual([512, 512])
      expect(shapes.get(`stack${s}.block0.theta_b.weight`)).toEqual([512, nBack])
      expect(shapes.get(`stack${s}.block0.theta_f.weight`)).toEqual([512, 3 * nFore])
    }
  })
})

describe('NHITS_Q parameter count (MODELS.md §3.6)', () => {
  // [stacks, blocks, layers, width] → [total, trainable] as MODELS.md works them out.
  const worked: [number[], number, number][] = [
    [[3, 1, 2, 512], 7_293_920, 5_225_504],
    [[4, 1, 3, 256], 4_524_063, 3_487_839],
    [[5, 2, 4, 1024], 74_335_296, 70_202_496],
    [[3, 2, 3, 512], 16_163_776, 14_095_360],
    [[2, 2, 3, 512], 12_683_456, 10_615_040],
  ]

  it('the formula reproduces the worked numbers', () => {
    for (const [[s, b, l, w], total, trainable] of worked)
      expect(nhitsParameterCount(shapeFor(s, b, l, w))).toEqual({ total, trainable })
  })

  it('the built graph declares exactly the formula’s parameters, up to the largest of the space', () => {
    const configs = [
      ...worked.map(([c]) => c),
      [5, 3, 4, 1024], // the largest of the default search space
      [2, 1, 2, 256], // the smallest
    ]
    for (const [s, b, l, w] of configs) {
      const params = config(s, b, l, w)
      const counted = graphParameters(params, THESIS)
      expect(counted).toEqual(nhitsParameterCount(shapeFor(s, b, l, w)))
      expect(nhits.parameterCount(params, THESIS)).toEqual(counted)
    }
    // and with the heat demo's 6 channels (heat, temperature, 4 calendar columns)
    const heat = { ...THESIS, covariates: 5 }
    expect(graphParameters(config(2, 1, 2, 256), heat)).toEqual(
      nhits.parameterCount(config(2, 1, 2, 256), heat),
    )
  })
})

function shapeFor(stacks: number, blocks: number, layers: number, width: number): NhitsShape {
  return {
    inputLength: 168,
    horizon: 24,
    channels: 24,
    quantiles: 3,
    numStacks: stacks,
    numBlocks: blocks,
    numLayers: layers,
    width,
  }
}

describe('NHITS_Q forward pass', () => {
  let runtime: Runtime
  beforeAll(async () => {
    runtime = await Runtime.create({ provider: 'cpu' })
  })
  afterAll(async () => runtime.dispose())

  it('equals a literal Darts forward (ceil pooling, interpolation, raw reshape quirk)', async () => {
    // L·D = 33 and H·D = 15: pooling windows 5 and 2 leave partial last windows (ceil mode),
    // n_b = 6 → 33 and n_f = 7 → 15 are non-integer interpolations, 2 blocks per stack.
    const dims: ModelDims = { inputLength: 11, horizon: 5, covariates: 2, quantiles: QUANTILES }
    const params = resolveParams(nhits, {
      num_stacks: 3,
      num_blocks: 2,
      num_layers: 2,
      layer_widths: 8,
    })
    const net = nhits.build(params, dims)
    const graph = buildPredict(net)
    const values = new Map(
      graph.params.map((p) => {
        const size = p.shape.reduce((a, b) => a * b, 1)
        return [p.name, Float32Array.from(initialize(p.init, size, 7, p.name))]
      }),
    )
    const B = 4
    const rng = new Rng(5)
    const x = Float32Array.from({ length: B * 11 * 3 }, () => rng.normal())
    const out = await (
      await Predictor.create(runtime, graph)
    ).predict({ x: { data: x, shape: [B, 11, 3] } }, values)
    const shape: NhitsShape = {
      inputLength: 11,
      horizon: 5,
      channels: 3,
      quantiles: 3,
      numStacks: 3,
      numBlocks: 2,
      numLayers: 2,
      width: 8,
    }
    expect(nhitsLayout(shape).map((b) => [b.kernel, b.factor, b.nIn, b.nBack, b.nFore])).toEqual([
      [5, 2, 7, 16, 7],
      [5, 2, 7, 16, 7],
      [2, 1, 17, 33, 15],
      [2, 1, 17, 33, 15],
      [1, 1, 33, 33, 15],
      [1, 1, 33, 33, 15],
    ])
    const expected = dartsNhitsForward(x, B, shape, values)
    expect(out.quantiles.shape).toEqual([B, 5, 3])
    const got = out.quantiles.data as Float32Array
    for (let i = 0; i < expected.length; i++) expect(got[i]).toBeCloseTo(expected[i], 4)
  })

  it('upsamples the backcast like F.interpolate for integer factors', () => {
    for (const [n, r] of [
      [14, 12],
      [56, 3],
      [5, 2],
      [1, 7],
      [3, 1],
    ]) {
      const g = new GraphBuilder({ dtype: 'float64' })
      const x = g.input('x', ['batch', n])
      const y = upsampleLinear(x, n * r)
      const data = Float64Array.from({ length: 2 * n }, (_, i) => Math.sin(i * 1.7) + i * 0.1)
      const [got] = evaluate([y], { x: { shape: [2, n], data } })
      const M = interpolationMatrix(n, n * r)
      for (let b = 0; b < 2; b++) {
        for (let j = 0; j < n * r; j++) {
          let want = 0
          for (let i = 0; i < n; i++) want += data[b * n + i] * M[i * n * r + j]
          expect(got.data[b * n * r + j]).toBeCloseTo(want, 12)
        }
      }
    }
  })
})

describe('NHITS_Q parameters', () => {
  it('fills defaults (Darts’) and keeps the search space of the thesis', () => {
    expect(resolveParams(nhits, {})).toEqual({
      num_stacks: 3,
      num_blocks: 1,
      num_layers: 2,
      layer_widths: 512,
      lr: 1e-3,
      dropout: 0.1,
      weight_decay: 0,
    })
    expect(nhits.params.layer_widths.search).toEqual({
      kind: 'categorical',
      choices: [256, 512, 1024],
    })
    expect(nhits.params.lr.search).toEqual({ kind: 'float', low: 1e-5, high: 1e-2, log: true })
    expect(nhits.optimizer(resolveParams(nhits, { weight_decay: 1e-5, lr: 3e-4 }))).toEqual({
      lr: 3e-4,
      adam: { kind: 'adam', weightDecay: 1e-5 },
    })
    expect(modelSpec('NHITS_Q')).toBe(nhits)
  })

  it('refuses unknown names, wrong types and out-of-range values, naming the parameter', () => {
    const refused = (given: Record<string, unknown>, code: string, param: string) => {
      try {
        resolveParams(nhits, given)
      } catch (e) {
        expect(e).toBeInstanceOf(ModelError)
        expect((e as ModelError).code).toBe(code)
        expect((e as ModelError).param).toBe(param)
        return
      }
      throw new Error('not refused')
    }
    refused({ num_stack: 3 }, 'UNKNOWN_PARAM', 'num_stack')
    refused({ num_stacks: 2.5 }, 'BAD_PARAM', 'num_stacks')
    refused({ layer_widths: '512' }, 'BAD_PARAM', 'layer_widths')
    refused({ dropout: 0.95 }, 'OUT_OF_RANGE', 'dropout')
    refused({ lr: 0 }, 'OUT_OF_RANGE', 'lr')
    expect(() => modelSpec('TFT_Q')).toThrow(/not implemented yet/)
    expect(() => modelSpec('ARIMA')).toThrow(/not a model/)
  })
})
