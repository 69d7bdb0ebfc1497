// Runtime: provider resolution (this CI machine has no GPU adapter: 'auto' must fall back to
// the CPU with one message, an explicit 'webgpu' must fail with a typed error), session caching
// and release, and the export → fresh session round trip.

import * as ort from 'onnxruntime-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GraphError } from '../../../../src-main/engine/graph/errors'
import {
  buildExport,
  buildPredict,
  IO_METADATA_KEY,
} from '../../../../src-main/engine/graph/programs/predict'
import { buildTrainStep } from '../../../../src-main/engine/graph/programs/train'
import { Predictor } from '../../../../src-main/engine/graph/runtime/predictor'
import { probeProvider } from '../../../../src-main/engine/graph/runtime/provider'
import { Runtime } from '../../../../src-main/engine/graph/runtime/runtime'
import { Trainer } from '../../../../src-main/engine/graph/runtime/trainer'
import { mlp, regressionData } from './fixtures'

describe('execution providers', () => {
  it("'auto' uses WebGPU when an adapter exists, else the CPU with one clear notice", async () => {
    const notices: string[] = []
    const rt = await Runtime.create({ provider: 'auto', onNotice: (m) => notices.push(m) })
    const webgpu = (await probeProvider('webgpu')) === undefined
    expect(rt.provider).toBe(webgpu ? 'webgpu' : 'cpu')
    if (!webgpu) {
      expect(notices).toHaveLength(1)
      expect(notices[0]).toMatch(/No WebGPU adapter is available .*training runs on the CPU/)
      expect(rt.notice).toBe(notices[0])
    }
    await rt.dispose()
  })

  it("an explicit 'webgpu' or 'cuda' that cannot run says so with a typed error", async () => {
    for (const provider of ['webgpu', 'cuda'] as const) {
      if ((await probeProvider(provider)) === undefined) continue
      const err = await Runtime.create({ provider }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(GraphError)
      expect((err as GraphError).code).toBe('PROVIDER_UNAVAILABLE')
      expect((err as GraphError).message).toMatch(
        new RegExp(`${provider} execution provider is unavailable`),
      )
    }
  })
})

describe('sessions', () => {
  it('are cached per key and released on dispose', async () => {
    const rt = await Runtime.create({ threads: 2 })
    const graph = buildPredict(mlp({ sizes: [3, 4, 1] }))
    const a = await rt.session('p', graph.model)
    let built = 0
    const b = await rt.session('p', () => (built++, graph.model))
    expect(b).toBe(a)
    expect(built).toBe(0)
    await rt.release('p')
    expect(rt.has('p')).toBe(false)
    await rt.session('p', graph.model)
    await rt.dispose()
    expect(() => rt.session('q', graph.model)).toThrow(GraphError)
  })

  it('a malformed model gives SESSION_FAILED, a missing input MISSING_FEED', async () => {
    const rt = await Runtime.create()
    await expect(rt.session('bad', new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
      code: 'SESSION_FAILED',
    })
    const p = await Predictor.create(rt, buildPredict(mlp({ sizes: [3, 4, 1] })))
    await expect(p.predict({ x: new Float32Array(6) }, new Map())).rejects.toMatchObject({
      code: 'MISSING_FEED',
    })
    await expect(p.predict({}, new Map())).rejects.toMatchObject({ code: 'MISSING_FEED' })
    await rt.dispose()
  })
})

/** Reads metadata_props (field 14: key 1, value 2) from ModelProto bytes. */
function readMetadata(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {}
  const dec = new TextDecoder()
  const varint = (b: Uint8Array, at: { i: number }) => {
    let v = 0
    let shift = 1
    for (;;) {
      const byte = b[at.i++]
      v += (byte & 0x7f) * shift
      shift *= 128
      if (byte < 0x80) return v
    }
  }
  const fields = (b: Uint8Array) => {
    const list: [number, Uint8Array | number][] = []
    const at = { i: 0 }
    while (at.i < b.length) {
      const tag = varint(b, at)
      const wire = tag % 8
      if (wire === 0) list.push([tag >> 3, varint(b, at)])
      else if (wire === 2) {
        const n = varint(b, at)
        list.push([tag >> 3, b.subarray(at.i, at.i + n)])
        at.i += n
      } else if (wire === 5) at.i += 4
      else throw new Error(`wire type ${wire}`)
    }
    return list
  }
  for (const [f, v] of fields(bytes)) {
    if (f !== 14 || typeof v === 'number') continue
    const entry = Object.fromEntries(fields(v).map(([k, s]) => [k, dec.decode(s as Uint8Array)]))
    out[entry[1]] = entry[2]
  }
  return out
}

describe('export', () => {
  let rt: Runtime
  beforeAll(async () => {
    rt = await Runtime.create()
  })
  afterAll(async () => rt.dispose())

  it('a trained model exported with baked parameters reproduces the predict graph exactly', async () => {
    const net = mlp({ sizes: [5, 16, 16, 3], dropout: 0.2 })
    const { x, y } = regressionData(64, 5, 3, 21)
    const trainer = await Trainer.create(rt, buildTrainStep(net), { seed: 3, key: 'exp-train' })
    for (let s = 0; s < 5; s++)
      await trainer.step(
        { x: x.subarray(s * 40, s * 40 + 40), y: y.subarray(s * 24, s * 24 + 24) },
        1e-2,
      )

    const predictor = await Predictor.create(rt, buildPredict(net), 'exp-predict')
    const params = trainer.parameters()
    const expected = await predictor.predict({ x }, params)

    const bytes = buildExport(net, params, { metadata: { model: 'MLP_TEST', quantiles: '[]' } })
    const fresh = await ort.InferenceSession.create(bytes)
    expect(fresh.inputNames).toEqual(['x'])
    expect(fresh.outputNames).toEqual(['y'])
    const got = await fresh.run({ x: new ort.Tensor(x, [64, 5]) })
    expect(Array.from(got.y.data as Float32Array)).toEqual(
      Array.from(expected.y.data as Float32Array),
    )
    expect(got.y.dims).toEqual([64, 3])
    await fresh.release()

    const meta = readMetadata(bytes)
    expect(meta.model).toBe('MLP_TEST')
    expect(JSON.parse(meta[IO_METADATA_KEY])).toEqual({
      inputs: [{ name: 'x', dtype: 'float32', shape: ['batch', 5] }],
      outputs: [{ name: 'y', dtype: 'float32', shape: ['batch', 3] }],
    })
  })
})
