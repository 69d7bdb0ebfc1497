// Turning the split editor's inputs into a SplitSpec, with the reason when they do not make one.
// Main validates again (and knows the length requirements); this catches typos before a request.
import type { SplitSpec } from '../../../src-main/engine/data/types'
import { fromDateTimeInput } from './format'
import type { Percents } from './dataset-facts'

export type FormResult = { ok: true; split: SplitSpec } | { ok: false; message: string }

export function splitFromPercents(p: Percents): FormResult {
  for (const [name, v] of Object.entries(p)) {
    if (!Number.isFinite(v) || v <= 0 || v >= 100) {
      return { ok: false, message: `The ${name} share must be between 0 and 100 %.` }
    }
  }
  const sum = p.train + p.val + p.test
  if (Math.abs(sum - 100) > 0.01) {
    return { ok: false, message: `The shares add up to ${round(sum)} %, not 100 %.` }
  }
  return {
    ok: true,
    split: { kind: 'fractions', train: p.train / 100, val: p.val / 100, test: p.test / 100 },
  }
}

export function splitFromDates(trainEnd: string, valEnd: string): FormResult {
  const a = fromDateTimeInput(trainEnd)
  const b = fromDateTimeInput(valEnd)
  if (a === null) return { ok: false, message: 'Enter the end of training as a date and time.' }
  if (b === null) return { ok: false, message: 'Enter the end of validation as a date and time.' }
  if (b <= a) return { ok: false, message: 'Validation must end after training ends.' }
  return { ok: true, split: { kind: 'dates', trainEnd: a, valEnd: b } }
}

function round(v: number): string {
  return String(Math.round(v * 100) / 100)
}
