// Turning the split editor's inputs into a SplitSpec, with the reason when they do not make one.
// Main validates again (and knows the length requirements); this catches typos before a request.
import type { SplitSpec } from '@shared/dataset-types'
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

/**
 * `split` with the training-part settings (training start, constant-run exclusion) of the split
 * it replaces, so re-entering shares or dragging a boundary keeps them.
 */
export function withTrainingPart(split: SplitSpec, from: SplitSpec): SplitSpec {
  const { trainStart, excludeConstantHours } = from
  return {
    ...split,
    ...(trainStart !== undefined ? { trainStart } : {}),
    ...(excludeConstantHours !== undefined ? { excludeConstantHours } : {}),
  }
}

/** `split` training from `trainStart`, or from the first row when it is null. */
export function withTrainStart(split: SplitSpec, trainStart: number | null): SplitSpec {
  const rest = { ...split }
  delete rest.trainStart
  return trainStart === null ? rest : { ...rest, trainStart }
}

/** The training-start input: empty means the first row. */
export function trainStartFromInput(
  text: string,
): { ok: true; trainStart: number | null } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, trainStart: null }
  const t = fromDateTimeInput(text)
  if (t === null) return { ok: false, message: 'Enter the training start as a date and time.' }
  return { ok: true, trainStart: t }
}

function round(v: number): string {
  return String(Math.round(v * 100) / 100)
}
