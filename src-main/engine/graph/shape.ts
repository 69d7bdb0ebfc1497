// Static shapes with symbolic dimensions. A dim is a number or a symbol ("batch"); products of
// symbols appear after reshapes ("4*batch") and are kept in one canonical spelling so that two
// dims compare equal exactly when they are the same monomial.

import { GraphError, check } from './errors'

export type Dim = number | string
export type Shape = readonly Dim[]

interface Monomial {
  coef: number
  syms: string[]
}

function toMonomial(d: Dim): Monomial {
  if (typeof d === 'number') return { coef: d, syms: [] }
  let coef = 1
  const syms: string[] = []
  for (const part of d.split('*')) {
    const n = Number(part)
    if (part !== '' && Number.isInteger(n)) coef *= n
    else syms.push(part)
  }
  return { coef, syms: syms.sort() }
}

function fromMonomial(m: Monomial): Dim {
  if (m.syms.length === 0) return m.coef
  return (m.coef === 1 ? [] : [String(m.coef)]).concat(m.syms).join('*')
}

/** The canonical spelling of a dim (so "batch*4" and "4*batch" are one dim). */
export function canonicalDim(d: Dim): Dim {
  return fromMonomial(toMonomial(d))
}

export function sameDim(a: Dim, b: Dim): boolean {
  return canonicalDim(a) === canonicalDim(b)
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => sameDim(d, b[i]))
}

export function dimProduct(dims: Shape): Dim {
  const m: Monomial = { coef: 1, syms: [] }
  for (const d of dims) {
    const x = toMonomial(d)
    m.coef *= x.coef
    m.syms.push(...x.syms)
  }
  m.syms.sort()
  return fromMonomial(m)
}

/** a / b as monomials, or undefined when b does not divide a. */
export function divideDim(a: Dim, b: Dim): Dim | undefined {
  const ma = toMonomial(a)
  const mb = toMonomial(b)
  if (mb.coef === 0 || ma.coef % mb.coef !== 0) return undefined
  const rest = [...ma.syms]
  for (const s of mb.syms) {
    const i = rest.indexOf(s)
    if (i < 0) return undefined
    rest.splice(i, 1)
  }
  return fromMonomial({ coef: ma.coef / mb.coef, syms: rest })
}

export function isStatic(shape: Shape): shape is readonly number[] {
  return shape.every((d) => typeof d === 'number')
}

export function numel(shape: Shape): number {
  check(isStatic(shape), 'UNSUPPORTED', () => `shape [${shape}] has symbolic dims`)
  return (shape as readonly number[]).reduce((a, b) => a * b, 1)
}

/** The concrete shape for given symbol values, e.g. {batch: 32}. */
export function resolveShape(shape: Shape, symbols: Readonly<Record<string, number>>): number[] {
  return shape.map((d) => {
    if (typeof d === 'number') return d
    const m = toMonomial(d)
    return m.syms.reduce((acc, s) => {
      const v = symbols[s]
      if (v === undefined) throw new GraphError('MISSING_FEED', `no value for dim symbol "${s}"`)
      return acc * v
    }, m.coef)
  })
}

export function normAxis(axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis
  check(a >= 0 && a < rank, 'BAD_ARGUMENT', () => `axis ${axis} out of range for rank ${rank}`)
  return a
}

/** NumPy broadcasting; a symbolic dim broadcasts only against 1 or itself. */
export function broadcastShapes(a: Shape, b: Shape): Dim[] {
  const rank = Math.max(a.length, b.length)
  const out: Dim[] = []
  for (let i = 0; i < rank; i++) {
    const da = i - (rank - a.length) >= 0 ? a[i - (rank - a.length)] : 1
    const db = i - (rank - b.length) >= 0 ? b[i - (rank - b.length)] : 1
    if (da === 1) out.push(db)
    else if (db === 1 || sameDim(da, db)) out.push(da)
    else throw new GraphError('SHAPE_MISMATCH', `cannot broadcast [${a}] with [${b}]`)
  }
  return out
}

/** Axes of `full` that were broadcast from `small` (leading extra axes and 1-dims). */
export function broadcastAxes(small: Shape, full: Shape): number[] {
  const lead = full.length - small.length
  const axes: number[] = []
  for (let i = 0; i < full.length; i++) {
    if (i < lead) axes.push(i)
    else if (small[i - lead] === 1 && full[i] !== 1) axes.push(i)
  }
  return axes
}

export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`
}
