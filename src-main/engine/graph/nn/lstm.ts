// An LSTM from primitives (PyTorch gate order i, f, g, o; two biases), unrolled over static
// time. The input projections of all steps are one MatMul; only h·W_hh runs per step.

import { add, mul } from '../ops/binary'
import { concat, slice } from '../ops/slicing'
import { squeeze, unsqueeze } from '../ops/layout'
import { matmul } from '../ops/matmul'
import { sigmoid, tanh } from '../ops/unary'
import { init } from '../init'
import type { GraphBuilder } from '../graph'
import type { Tensor } from '../tensor'
import { check } from '../errors'

export interface LstmParams {
  hidden: number
  /** [in, 4H] (PyTorch weight_ih_l0 transposed). */
  wIh: Tensor
  /** [H, 4H]. */
  wHh: Tensor
  bIh: Tensor
  bHh: Tensor
}

/** Parameters `<name>.w_ih`, `.w_hh`, `.b_ih`, `.b_hh`, PyTorch init U(±1/√H). */
export function lstmParams(
  g: GraphBuilder,
  name: string,
  inSize: number,
  hidden: number,
): LstmParams {
  const u = init.torchDefault(hidden)
  return {
    hidden,
    wIh: g.param(`${name}.w_ih`, [inSize, 4 * hidden], u),
    wHh: g.param(`${name}.w_hh`, [hidden, 4 * hidden], u),
    bIh: g.param(`${name}.b_ih`, [4 * hidden], u),
    bHh: g.param(`${name}.b_hh`, [4 * hidden], u),
  }
}

/** One step from precomputed x·W_ih + b_ih + b_hh ([B, 4H]) and the state ([B, H] each). */
export function lstmCell(
  xProj: Tensor,
  h: Tensor,
  c: Tensor,
  p: LstmParams,
): { h: Tensor; c: Tensor } {
  const H = p.hidden
  const gates = add(xProj, matmul(h, p.wHh))
  const i = sigmoid(slice(gates, -1, 0, H))
  const f = sigmoid(slice(gates, -1, H, 2 * H))
  const gc = tanh(slice(gates, -1, 2 * H, 3 * H))
  const o = sigmoid(slice(gates, -1, 3 * H, 4 * H))
  const cNext = add(mul(f, c), mul(i, gc))
  return { h: mul(o, tanh(cNext)), c: cNext }
}

/** Runs the cell over x [B, T, in] from (h0, c0); returns outputs [B, T, H] and the last state. */
export function lstm(x: Tensor, h0: Tensor, c0: Tensor, p: LstmParams) {
  check(
    x.rank === 3 && typeof x.shape[1] === 'number',
    'SHAPE_MISMATCH',
    () => `lstm input [${x.shape}]`,
  )
  const T = x.shape[1] as number
  const proj = add(matmul(x, p.wIh), add(p.bIh, p.bHh))
  let h = h0
  let c = c0
  const outs: Tensor[] = []
  for (let t = 0; t < T; t++) {
    ;({ h, c } = lstmCell(squeeze(slice(proj, 1, t, t + 1), 1), h, c, p))
    outs.push(unsqueeze(h, 1))
  }
  return { outputs: concat(outs, 1), h, c }
}
