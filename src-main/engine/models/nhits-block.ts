// One NHiTS block as graph ops (MODELS.md §3.3): MaxPool (ceil mode) over the flattened residual,
// an MLP with ReLU and dropout, a backcast head interpolated back to L·D, and a forecast head.
//
// The forecast head is built for what the model finally reads. Darts interpolates Q rows of
// n_f coefficients to H·D positions, reinterprets that memory as (H·D, Q) without transposing,
// reshapes to (H, D, Q) and keeps channel 0. Each of the H·Q outputs is therefore one fixed
// position of the interpolated rows, a linear function of the head's outputs. So the head's
// outputs go through one constant matrix S [Q·n_f, H·Q] (interpolation and the raw reshape in
// one), and when there is no interpolation (r = 1) S only selects columns, so the head's weight
// columns are gathered instead and the H·D·Q − H·Q outputs nobody reads are never computed.
// The values are Darts' exactly; every parameter still exists (the parameter count is Darts').

import type { GraphBuilder } from '../graph/graph'
import { init } from '../graph/init'
import { interpolationMatrix } from '../graph/nn/interpolate'
import { dropout, linear } from '../graph/nn/linear'
import { add } from '../graph/ops/binary'
import { reshape, unsqueeze } from '../graph/ops/layout'
import { matmul } from '../graph/ops/matmul'
import { maxPool } from '../graph/ops/pool'
import { gather } from '../graph/ops/slicing'
import { relu } from '../graph/ops/unary'
import type { Tensor } from '../graph/tensor'
import type { BlockLayout, NhitsShape } from './nhits-layout'
import { upsampleLinear } from './nhits-upsample'

export interface BlockOutput {
  /** Backcast [batch, L·D] to subtract from the residual; null for the last block. */
  backcast: Tensor | null
  /** This block's contribution to the model output [batch, H·Q] (hour-major, then quantile). */
  forecast: Tensor
}

export function nhitsBlock(
  g: GraphBuilder,
  z: Tensor,
  b: BlockLayout,
  s: NhitsShape,
  dropoutRate: number,
): BlockOutput {
  const LD = s.inputLength * s.channels
  let h =
    b.kernel === 1
      ? z
      : reshape(maxPool(unsqueeze(z, 1), { kernel: b.kernel, ceilMode: true }), ['batch', b.nIn])
  for (let i = 0; i < s.numLayers; i++) {
    h = relu(linear(h, s.width, `mlp${i}`))
    if (dropoutRate > 0) h = dropout(h, dropoutRate, `mlp${i}`)
  }
  let backcast: Tensor | null = null
  if (b.last) {
    // Darts freezes this head (requires_grad=False): its output is never used. It is declared
    // so the model holds Darts' parameters, and not computed.
    const bound = init.torchDefault(s.width)
    g.param('theta_b.weight', [s.width, b.nBack], bound, { trainable: false })
    g.param('theta_b.bias', [b.nBack], bound, { trainable: false })
  } else {
    backcast = upsampleLinear(linear(h, b.nBack, 'theta_b'), LD)
  }
  return { backcast, forecast: forecastHead(g, h, b, s) }
}

function forecastHead(g: GraphBuilder, h: Tensor, b: BlockLayout, s: NhitsShape): Tensor {
  const Q = s.quantiles
  const bound = init.torchDefault(s.width)
  const weight = g.param('theta_f.weight', [s.width, Q * b.nFore], bound)
  const bias = g.param('theta_f.bias', [Q * b.nFore], bound)
  const HD = s.horizon * s.channels
  if (b.nFore === HD) {
    const cols = g.constant(readColumns(s, b.nFore), [s.horizon * Q], 'int64')
    return add(matmul(h, gather(weight, cols, 1)), gather(bias, cols, 0))
  }
  const S = g.constant(readMatrix(s, b.nFore), [Q * b.nFore, s.horizon * Q])
  return matmul(add(matmul(h, weight), bias), S)
}

/**
 * Where output (hour t, slot q) comes from in Darts' layout: flat index (t·D)·Q + q of the
 * (H·D, Q) reinterpretation, i.e. row ⌊idx / (H·D)⌋, position idx mod H·D of the (Q, H·D) rows.
 */
function source(s: NhitsShape, t: number, q: number): { row: number; pos: number } {
  const HD = s.horizon * s.channels
  const idx = t * s.channels * s.quantiles + q
  return { row: Math.floor(idx / HD), pos: idx % HD }
}

/** r = 1: output (t, q) is head column row·n_f + pos. */
function readColumns(s: NhitsShape, nFore: number): number[] {
  const cols: number[] = []
  for (let t = 0; t < s.horizon; t++) {
    for (let q = 0; q < s.quantiles; q++) {
      const { row, pos } = source(s, t, q)
      cols.push(row * nFore + pos)
    }
  }
  return cols
}

/** S [Q·n_f, H·Q]: interpolation of row `row` to position `pos`, for every output (t, q). */
function readMatrix(s: NhitsShape, nFore: number): Float64Array {
  const HD = s.horizon * s.channels
  const Q = s.quantiles
  const M = interpolationMatrix(nFore, HD)
  const out = new Float64Array(Q * nFore * s.horizon * Q)
  const width = s.horizon * Q
  for (let t = 0; t < s.horizon; t++) {
    for (let q = 0; q < Q; q++) {
      const { row, pos } = source(s, t, q)
      for (let i = 0; i < nFore; i++) out[(row * nFore + i) * width + t * Q + q] = M[i * HD + pos]
    }
  }
  return out
}
