// The little dense linear algebra a Gaussian process of a few hundred points needs: a Cholesky
// factorisation with growing jitter, triangular solves and the inverse from the factor. Matrices
// are row-major Float64Arrays of n × n.

/**
 * Lower Cholesky factor of the symmetric matrix a (left untouched), adding jitter to the diagonal
 * — 1e-10, then ten times more, up to 1e-2 of the mean diagonal — until it is positive definite.
 */
export function cholesky(a: Float64Array, n: number): Float64Array {
  let meanDiagonal = 0
  for (let i = 0; i < n; i++) meanDiagonal += a[i * n + i] / n
  const l = new Float64Array(n * n)
  for (let jitter = 0; ; jitter = jitter === 0 ? 1e-10 : jitter * 10) {
    if (factorInto(a, n, jitter * Math.max(meanDiagonal, 1e-300), l)) return l
    if (jitter > 1e-2)
      throw new Error('cholesky: the kernel matrix is not positive definite even with jitter')
  }
}

function factorInto(a: Float64Array, n: number, jitter: number, l: Float64Array): boolean {
  l.fill(0)
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j] + jitter
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k]
    if (!(d > 0)) return false
    const diag = Math.sqrt(d)
    l[j * n + j] = diag
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k]
      l[i * n + j] = s / diag
    }
  }
  return true
}

/** Solves L x = b (L lower triangular) into out. */
export function solveLower(
  l: Float64Array,
  n: number,
  b: ArrayLike<number>,
  out: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    let s = b[i]
    for (let k = 0; k < i; k++) s -= l[i * n + k] * out[k]
    out[i] = s / l[i * n + i]
  }
}

/** Solves Lᵀ x = b (L lower triangular) into out. */
export function solveUpper(
  l: Float64Array,
  n: number,
  b: ArrayLike<number>,
  out: Float64Array,
): void {
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * out[k]
    out[i] = s / l[i * n + i]
  }
}

/** (L Lᵀ)⁻¹ from the Cholesky factor L. */
export function inverseFromCholesky(l: Float64Array, n: number): Float64Array {
  // L⁻¹ column by column, then (L⁻¹)ᵀ L⁻¹.
  const inv = new Float64Array(n * n)
  const e = new Float64Array(n)
  const col = new Float64Array(n)
  for (let j = 0; j < n; j++) {
    e.fill(0)
    e[j] = 1
    solveLower(l, n, e, col)
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i]
  }
  const out = new Float64Array(n * n)
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      let s = 0
      // L⁻¹ is lower triangular: row k has entries up to column k.
      for (let k = Math.max(i, j); k < n; k++) s += inv[k * n + i] * inv[k * n + j]
      out[i * n + j] = s
      out[j * n + i] = s
    }
  return out
}
