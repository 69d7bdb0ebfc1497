// Numbers straight from the file's bytes. Building a string per cell and calling Number() would
// dominate the parse of a large file; digits are accumulated instead, which is exact whenever the
// significand fits in 15 digits and the power of ten in 10^±22 (Clinger's fast path: both
// operands are exact doubles, so one multiply or divide rounds correctly). Anything else goes to
// Number() on the text, which is rare in measured data.

import { decodeText } from './text'

/** What a cell turned out to be. */
export const CellKind = {
  number: 0,
  missing: 1,
  text: 2,
  infinite: 3,
  thousands: 4,
} as const
export type CellKind = (typeof CellKind)[keyof typeof CellKind]

/** Cells that mean "no value" (compared lower-cased and trimmed). */
const MISSING_MARKERS = new Set(['', 'na', 'n/a', 'nan', 'null', '-', '#n/a', 'none'])
const INFINITE = /^[+-]?(inf|infinity|∞)$/i
// Digit groups of three after one to three leading digits, then the decimal part. Space-like and
// apostrophe groupings (French, Swiss) are thousands separators whatever the decimal mark.
const GROUPED_DOT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/
const GROUPED_COMMA = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/
const GROUPED_SPACE = /^[+-]?\d{1,3}([ '\u00a0\u202f]\d{3})+([.,]\d+)?$/

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
]

const SPACE = 0x20
const TAB = 0x09
const PLUS = 0x2b
const MINUS = 0x2d
const ZERO = 0x30
const NINE = 0x39

/** Reads numeric cells; after each read, `kind` says what the cell was. */
export class NumberReader {
  kind: CellKind = CellKind.number
  private readonly decimalCode: number

  constructor(decimal: '.' | ',') {
    this.decimalCode = decimal.charCodeAt(0)
  }

  /** The cell's value: a finite number when kind is `number`, NaN otherwise. */
  read(b: Uint8Array, start: number, end: number): number {
    while (start < end && (b[start] === SPACE || b[start] === TAB)) start++
    while (end > start && (b[end - 1] === SPACE || b[end - 1] === TAB)) end--
    if (start === end) {
      this.kind = CellKind.missing
      return NaN
    }
    let i = start
    let negative = false
    const first = b[i]
    if (first === MINUS || first === PLUS) {
      negative = first === MINUS
      i++
    }
    let mantissa = 0
    let significant = 0
    let digits = 0
    let exponent = 0
    let c: number
    for (; i < end; i++) {
      c = b[i]
      if (c < ZERO || c > NINE) break
      digits++
      if (significant > 0 || c !== ZERO) {
        mantissa = mantissa * 10 + (c - ZERO)
        significant++
      }
    }
    if (i < end && b[i] === this.decimalCode) {
      for (i++; i < end; i++) {
        c = b[i]
        if (c < ZERO || c > NINE) break
        digits++
        if (significant > 0 || c !== ZERO) {
          mantissa = mantissa * 10 + (c - ZERO)
          significant++
        }
        exponent--
      }
    }
    if (digits > 0 && i < end && (b[i] === 0x65 || b[i] === 0x45)) {
      i++
      let expNegative = false
      if (i < end && (b[i] === MINUS || b[i] === PLUS)) {
        expNegative = b[i] === MINUS
        i++
      }
      let exp = 0
      let expDigits = 0
      for (; i < end; i++) {
        c = b[i]
        if (c < ZERO || c > NINE) break
        if (exp < 100_000) exp = exp * 10 + (c - ZERO)
        expDigits++
      }
      if (expDigits === 0) return this.classify(b, start, end)
      exponent += expNegative ? -exp : exp
    }
    if (i !== end || digits === 0) return this.classify(b, start, end)
    if (significant > 15 || exponent > 22 || exponent < -22) return this.slowNumber(b, start, end)
    this.kind = CellKind.number
    const magnitude = exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent]
    return negative ? -magnitude : magnitude
  }

  /** A well-formed number outside the fast path: let Number() round it. */
  private slowNumber(b: Uint8Array, start: number, end: number): number {
    let text = asciiSlice(b, start, end)
    if (this.decimalCode !== 0x2e) text = text.replace(',', '.')
    const value = Number(text)
    if (Number.isFinite(value)) {
      this.kind = CellKind.number
      return value
    }
    // 1e999 and the like overflow to Infinity: as unusable as a written "inf".
    this.kind = CellKind.infinite
    return NaN
  }

  /** Not a plain number: a missing marker, an infinity, a grouped number or text. */
  private classify(b: Uint8Array, start: number, end: number): number {
    this.kind = classifyText(decodeText(b, start, end).trim(), this.decimalCode === 0x2c)
    return NaN
  }
}

/** The kind of a non-numeric cell's text. Exported for the sniffer and tests. */
export function classifyText(text: string, decimalComma: boolean): CellKind {
  if (MISSING_MARKERS.has(text.toLowerCase())) return CellKind.missing
  if (INFINITE.test(text)) return CellKind.infinite
  if ((decimalComma ? GROUPED_COMMA : GROUPED_DOT).test(text)) return CellKind.thousands
  if (GROUPED_SPACE.test(text)) return CellKind.thousands
  return CellKind.text
}

function asciiSlice(b: Uint8Array, start: number, end: number): string {
  let text = ''
  for (let i = start; i < end; i++) text += String.fromCharCode(b[i])
  return text
}
