// Limited-memory BFGS with a backtracking (Armijo) line search, for the GP's handful of log
// hyperparameters. Each evaluation costs a Cholesky factorisation, so the budget is counted in
// evaluations, not iterations. Box bounds are kept by projecting every trial point.

export interface Evaluation {
  value: number
  grad: Float64Array
}

export interface LbfgsOptions {
  maxEvaluations: number
  /** Pairs of past steps kept for the curvature estimate. */
  memory?: number
  lower: Float64Array
  upper: Float64Array
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i] * b[i]
  return s
}

/** Minimises f from x0; returns the best point seen. */
export function minimise(
  f: (x: Float64Array) => Evaluation,
  x0: Float64Array,
  o: LbfgsOptions,
): Float64Array {
  const n = x0.length
  const memory = o.memory ?? 6
  const project = (x: Float64Array) => {
    for (let i = 0; i < n; i++) x[i] = Math.min(o.upper[i], Math.max(o.lower[i], x[i]))
    return x
  }
  let x = project(new Float64Array(x0))
  let current = f(x)
  let evaluations = 1
  const s: Float64Array[] = []
  const y: Float64Array[] = []
  while (evaluations < o.maxEvaluations) {
    // Two-loop recursion: direction = −H ∇f.
    const q = new Float64Array(current.grad)
    const alphas: number[] = []
    for (let k = s.length - 1; k >= 0; k--) {
      const a = dot(s[k], q) / dot(y[k], s[k])
      alphas.push(a)
      for (let i = 0; i < n; i++) q[i] -= a * y[k][i]
    }
    let gamma = 1
    if (s.length > 0)
      gamma = dot(s[s.length - 1], y[y.length - 1]) / dot(y[y.length - 1], y[y.length - 1])
    for (let i = 0; i < n; i++) q[i] *= gamma
    for (let k = 0; k < s.length; k++) {
      const b = dot(y[k], q) / dot(y[k], s[k])
      const a = alphas[s.length - 1 - k]
      for (let i = 0; i < n; i++) q[i] += (a - b) * s[k][i]
    }
    const direction = q.map((v) => -v)
    let slope = dot(direction, current.grad)
    if (!(slope < 0)) {
      // Not a descent direction: restart from steepest descent.
      s.length = 0
      y.length = 0
      for (let i = 0; i < n; i++) direction[i] = -current.grad[i]
      slope = -dot(current.grad, current.grad)
      if (!(slope < 0)) break
    }
    // The first step of a fresh memory is at most 1 in the largest coordinate.
    let step = 1
    if (s.length === 0) {
      let largest = 0
      for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(direction[i]))
      step = Math.min(1, 1 / Math.max(largest, 1e-12))
    }
    let accepted: { x: Float64Array; e: Evaluation } | null = null
    while (evaluations < o.maxEvaluations) {
      const trial = project(x.map((v, i) => v + step * direction[i]))
      const e = f(trial)
      evaluations++
      if (Number.isFinite(e.value) && e.value <= current.value + 1e-4 * step * slope) {
        accepted = { x: trial, e }
        break
      }
      step *= 0.3
      if (step < 1e-8) break
    }
    if (!accepted) break
    const sk = accepted.x.map((v, i) => v - x[i])
    const yk = accepted.e.grad.map((v, i) => v - current.grad[i])
    if (dot(sk, yk) > 1e-10) {
      s.push(sk)
      y.push(yk)
      if (s.length > memory) {
        s.shift()
        y.shift()
      }
    }
    const improvement = current.value - accepted.e.value
    x = accepted.x
    current = accepted.e
    if (improvement < 1e-7 * Math.max(1, Math.abs(current.value))) break
  }
  return x
}
