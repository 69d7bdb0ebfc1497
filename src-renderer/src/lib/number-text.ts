// Numbers as the setup form takes them: typed as text ("1e-4", "0.001", "-3", or empty), so a
// half-typed value stays on screen and gets its own message instead of turning into 0 or NaN.
// Number() alone would read "" as 0, "0x10" as 16 and "Infinity" as a number, hence the pattern.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

export interface NumberTextOptions {
  /** Only whole numbers. */
  integer?: boolean
  /** Empty text is null instead of a problem. */
  optional?: boolean
}

/** Reads `text` as a number; `label` starts the message ("Origins: …"). */
export function parseNumberText(
  text: string,
  label: string,
  options: NumberTextOptions = {},
): Parsed<number | null> {
  const t = text.trim()
  if (t === '')
    return options.optional
      ? { ok: true, value: null }
      : { ok: false, message: `${label}: enter a number.` }
  if (/^[+-]?\d+,\d+$/.test(t))
    return {
      ok: false,
      message: `${label}: "${t}" uses a decimal comma; write ${t.replace(',', '.')}.`,
    }
  if (!NUMBER.test(t)) return { ok: false, message: `${label}: "${t}" is not a number.` }
  const value = Number(t)
  if (!Number.isFinite(value)) return { ok: false, message: `${label}: ${t} is too large.` }
  if (options.integer && !Number.isInteger(value))
    return { ok: false, message: `${label}: ${t} is not a whole number.` }
  return { ok: true, value }
}

/** True when `text` reads as a number (the choice lists use it to tell 64 from "64"). */
export function isNumberText(text: string): boolean {
  return NUMBER.test(text.trim())
}

/** A number as the form shows it: as short as JavaScript writes it (1e-7, 0.001, 512). */
export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value)
}
