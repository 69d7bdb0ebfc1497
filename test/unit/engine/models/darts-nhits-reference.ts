// A slow, literal float64 NHiTS forward pass as Darts computes it (MODELS.md §3.2–3.4), the
// oracle for the graph: MaxPool with ceil mode, the MLP, a full backcast and a full forecast head,
// PyTorch's linear interpolation written out, the raw (H·D, Q) reinterpretation of the (Q, H·D)
// forecast rows, and channel 0 at the end. Dropout is off (predict).

import type { NhitsShape } from '../../../../src-main/engine/models/nhits-layout'
import { nhitsLayout } from '../../../../src-main/engine/models/nhits-layout'

type Params = ReadonlyMap<string, ArrayLike<number>>

/** F.interpolate(x, size=nOut, mode='linear', align_corners=False) of one row. */
export function torchInterpolate(x: ArrayLike<number>, nOut: number): Float64Array {
  const nIn = x.length
  const out = new Float64Array(nOut)
  for (let j = 0; j < nOut; j++) {
    const src = Math.max(((j + 0.5) * nIn) / nOut - 0.5, 0)
    const i0 = Math.min(Math.floor(src), nIn - 1)
    const i1 = Math.min(i0 + 1, nIn - 1)
    const lambda = src - i0
    out[j] = (1 - lambda) * x[i0] + lambda * x[i1]
  }
  return out
}

/** y = x·W + b with W stored [in, out] (PyTorch's weight transposed). */
function dense(x: ArrayLike<number>, p: Params, name: string, out: number): Float64Array {
  const w = p.get(`${name}.weight`)!
  const b = p.get(`${name}.bias`)!
  const y = new Float64Array(out)
  for (let o = 0; o < out; o++) {
    let s = b[o]
    for (let i = 0; i < x.length; i++) s += x[i] * w[i * out + o]
    y[o] = s
  }
  return y
}

/** x [B, L, D] row-major → quantiles [B, H, Q]. */
export function dartsNhitsForward(x: ArrayLike<number>, batch: number, s: NhitsShape, p: Params) {
  const { inputLength: L, horizon: H, channels: D, quantiles: Q } = s
  const LD = L * D
  const HD = H * D
  const out = new Float64Array(batch * H * Q)
  for (let b = 0; b < batch; b++) {
    const z = Float64Array.from({ length: LD }, (_, i) => x[b * LD + i])
    const y = new Float64Array(HD * Q) // Darts' (H·D, Q) memory
    for (const block of nhitsLayout(s)) {
      const name = `stack${block.stack}.block${block.block}`
      let h: Float64Array = new Float64Array(block.nIn)
      for (let j = 0; j < block.nIn; j++) {
        let m = -Infinity
        for (let i = j * block.kernel; i < Math.min((j + 1) * block.kernel, LD); i++)
          m = Math.max(m, z[i])
        h[j] = m
      }
      for (let l = 0; l < s.numLayers; l++)
        h = dense(h, p, `${name}.mlp${l}`, s.width).map((v) => Math.max(v, 0))
      const thetaB = dense(h, p, `${name}.theta_b`, block.nBack)
      const xb = torchInterpolate(thetaB, LD)
      for (let i = 0; i < LD; i++) z[i] -= xb[i]
      const thetaF = dense(h, p, `${name}.theta_f`, Q * block.nFore)
      // (Q, n_f) rows interpolated to (Q, H·D), then the same memory read as (H·D, Q).
      for (let q = 0; q < Q; q++) {
        const row = torchInterpolate(thetaF.subarray(q * block.nFore, (q + 1) * block.nFore), HD)
        for (let pos = 0; pos < HD; pos++) y[q * HD + pos] += row[pos]
      }
    }
    for (let t = 0; t < H; t++)
      for (let q = 0; q < Q; q++) out[(b * H + t) * Q + q] = y[(t * D + 0) * Q + q]
  }
  return out
}
