// Adam and AdamW as graph fragments, following torch.optim.Adam/AdamW (single-tensor path)
// operation for operation, so a float64 graph matches PyTorch to rounding:
//
//   g ← g + λ·p                       (Adam: coupled L2 weight decay, as Darts uses)
//   p ← p·(1 − lr·λ)                  (AdamW: decoupled decay)
//   m ← β1·m + (1 − β1)·g
//   v ← β2·v + (1 − β2)·g²
//   p ← p − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε)
//
// lr and the step t (1-based) are graph inputs, so schedules and resumption need no new graph.
//
// The update is memory-bound (each elementwise op streams parameter-sized tensors), so it is
// emitted in 10 passes per parameter instead of 13, with the same values up to rounding:
// the state holds the moments scaled as m̃ = m/(1−β1) and ṽ = v/(1−β2), so m̃ ← β1·m̃ + g and
// ṽ ← β2·ṽ + g² need no scaling of g, and the last line becomes p − m̃ / (√ṽ·a + b) with scalars
// a, b folding the step size, both bias corrections and the moment scales. `toTorchMoments`
// converts the state for a PyTorch checkpoint.

import { add, div, mul, pow, sub } from '../ops/binary'
import { sqrt } from '../ops/unary'
import type { Tensor } from '../tensor'
import { clipGlobalNorm } from './clip'

export interface AdamConfig {
  /** 'adam' (default): weight decay is an L2 term added to the gradient; 'adamw': decoupled. */
  kind?: 'adam' | 'adamw'
  beta1?: number
  beta2?: number
  eps?: number
  /** λ; default 0 for Adam, 0.01 for AdamW (the PyTorch defaults). */
  weightDecay?: number
  /** Global-norm gradient clipping (torch.nn.utils.clip_grad_norm_) before the update. */
  clipNorm?: number
}

export interface AdamSlot {
  param: Tensor
  grad: Tensor
  /** Moment estimates, scaled by 1/(1−β1) and 1/(1−β2) (inputs of the train graph). */
  m: Tensor
  v: Tensor
}

export interface AdamUpdate {
  param: Tensor
  m: Tensor
  v: Tensor
}

export interface AdamResult {
  updates: AdamUpdate[]
  /** The global gradient norm before clipping, when clipping is on. */
  gradNorm?: Tensor
}

export function adam(
  slots: readonly AdamSlot[],
  lr: Tensor,
  step: Tensor,
  cfg: AdamConfig = {},
): AdamResult {
  const kind = cfg.kind ?? 'adam'
  const b1 = cfg.beta1 ?? 0.9
  const b2 = cfg.beta2 ?? 0.999
  const eps = cfg.eps ?? 1e-8
  const wd = cfg.weightDecay ?? (kind === 'adamw' ? 0.01 : 0)

  let grads = slots.map((s) => s.grad)
  let gradNorm: Tensor | undefined
  if (cfg.clipNorm !== undefined) ({ grads, norm: gradNorm } = clipGlobalNorm(grads, cfg.clipNorm))

  // Scalars shared by every parameter. With s = lr/(1−β1^t) (PyTorch's step size) and
  // m = (1−β1)·m̃, v = (1−β2)·ṽ: s·m/(√v/√(1−β2^t) + ε) = m̃ / (√ṽ·a + b) where
  // a = √(1−β2) / (√(1−β2^t)·s·(1−β1)) and b = ε / (s·(1−β1)).
  const scaledStep = mul(div(lr, sub(1, pow(b1, step))), 1 - b1)
  const a = div(Math.sqrt(1 - b2), mul(sqrt(sub(1, pow(b2, step))), scaledStep))
  const b = div(eps, scaledStep)
  const decay = kind === 'adamw' && wd !== 0 ? sub(1, mul(lr, wd)) : undefined

  const updates = slots.map((s, i) => {
    let g = grads[i]
    if (kind === 'adam' && wd !== 0) g = add(g, mul(s.param, wd))
    const p = decay ? mul(s.param, decay) : s.param
    const m = add(mul(s.m, b1), g)
    const v = add(mul(s.v, b2), mul(g, g))
    return { param: sub(p, div(m, add(mul(sqrt(v), a), b))), m, v }
  })
  return { updates, gradNorm }
}

/** PyTorch's exp_avg / exp_avg_sq from the scaled moments the graph carries. */
export function toTorchMoments(m: ArrayLike<number>, v: ArrayLike<number>, cfg: AdamConfig = {}) {
  const b1 = cfg.beta1 ?? 0.9
  const b2 = cfg.beta2 ?? 0.999
  return {
    expAvg: Float64Array.from(m, (x) => x * (1 - b1)),
    expAvgSq: Float64Array.from(v, (x) => x * (1 - b2)),
  }
}
