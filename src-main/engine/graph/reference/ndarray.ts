// Float64 arrays for the reference evaluator. Deliberately plain: index arithmetic spelled out,
// no views, no cleverness; speed does not matter here, obviousness does.

export interface NDArray {
  shape: readonly number[]
  data: Float64Array
}

export function nd(shape: readonly number[], data?: ArrayLike<number>): NDArray {
  const n = shape.reduce((a, b) => a * b, 1)
  const out = new Float64Array(n)
  if (data) {
    if (data.length !== n) throw new Error(`nd: ${data.length} values for shape [${shape}]`)
    out.set(data)
  }
  return { shape: [...shape], data: out }
}

export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length)
  let acc = 1
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc
    acc *= shape[i]
  }
  return s
}

/** The multi-index of flat position `flat` in `shape`. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length)
  for (let i = shape.length - 1; i >= 0; i--) {
    idx[i] = flat % shape[i]
    flat = Math.floor(flat / shape[i])
  }
  return idx
}

export function ravel(idx: readonly number[], shape: readonly number[]): number {
  let flat = 0
  for (let i = 0; i < shape.length; i++) flat = flat * shape[i] + idx[i]
  return flat
}

export function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length)
  const out: number[] = []
  for (let i = 0; i < rank; i++) {
    const da = a[i - (rank - a.length)] ?? 1
    const db = b[i - (rank - b.length)] ?? 1
    if (da !== db && da !== 1 && db !== 1) throw new Error(`broadcast [${a}] vs [${b}]`)
    out.push(da === 1 ? db : da)
  }
  return out
}

/** Reads `x` at a multi-index of a shape it broadcasts to. */
export function readBroadcast(x: NDArray, idx: readonly number[]): number {
  const lead = idx.length - x.shape.length
  let flat = 0
  for (let i = 0; i < x.shape.length; i++) {
    const d = x.shape[i]
    flat = flat * d + (d === 1 ? 0 : idx[i + lead])
  }
  return x.data[flat]
}

/** Elementwise map over any number of broadcast inputs. */
export function mapN(inputs: readonly NDArray[], f: (...v: number[]) => number): NDArray {
  const shape = inputs.map((x) => x.shape).reduce(broadcastShape, [] as number[])
  const out = nd(shape)
  const vals = new Array<number>(inputs.length)
  for (let i = 0; i < out.data.length; i++) {
    const idx = unravel(i, shape)
    for (let k = 0; k < inputs.length; k++) vals[k] = readBroadcast(inputs[k], idx)
    out.data[i] = f(...vals)
  }
  return out
}

/** Reduces over `axes` with (init, combine, finish); keepdims keeps the reduced axes as 1. */
export function reduceAxes(
  x: NDArray,
  axes: readonly number[],
  keepdims: boolean,
  init: number,
  combine: (acc: number, v: number) => number,
  finish: (acc: number, count: number) => number = (a) => a,
): NDArray {
  const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d))
  const out = nd(kept).data.fill(init)
  let count = 1
  for (const a of axes) count *= x.shape[a]
  for (let i = 0; i < x.data.length; i++) {
    const idx = unravel(i, x.shape)
    for (const a of axes) idx[a] = 0
    const o = ravel(idx, kept)
    out[o] = combine(out[o], x.data[i])
  }
  for (let i = 0; i < out.length; i++) out[i] = finish(out[i], count)
  const shape = keepdims ? kept : x.shape.filter((_, i) => !axes.includes(i))
  return { shape, data: out }
}

export function transposeND(x: NDArray, perm: readonly number[]): NDArray {
  const shape = perm.map((p) => x.shape[p])
  const out = nd(shape)
  for (let i = 0; i < out.data.length; i++) {
    const idx = unravel(i, shape)
    const src = new Array<number>(idx.length)
    perm.forEach((p, k) => (src[p] = idx[k]))
    out.data[i] = x.data[ravel(src, x.shape)]
  }
  return out
}

/** erf to about 1e-15: Taylor series near 0, a continued fraction for erfc in the tails. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN
  const ax = Math.abs(x)
  if (ax < 2.5) {
    let term = ax
    let sum = ax
    for (let n = 1; n < 200; n++) {
      term *= (-ax * ax) / n
      const t = term / (2 * n + 1)
      sum += t
      if (Math.abs(t) < 1e-17 * Math.abs(sum)) break
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum
  }
  if (ax > 27) return Math.sign(x)
  // erfc(x) = exp(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated bottom-up.
  let f = ax
  for (let n = 120; n >= 1; n--) f = ax + n / 2 / f
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f
  return Math.sign(x) * (1 - erfc)
}
