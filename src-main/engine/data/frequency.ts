// The sampling step of a series: the most common positive step between consecutive instants.
// Gaps are fine (a step of three hours in hourly data is three steps); steps that are not whole
// multiples of it mean the rows do not sit on one grid, which a forecaster cannot use.

import { DataError } from './data-error'
import { durationLabel, formatInstant, formatCount } from './format'

/** Share of steps that must be whole multiples of the modal step. */
export const MIN_REGULAR_SHARE = 0.9

export interface Frequency {
  stepMs: number
  label: string
}

/**
 * `times` sorted ascending without repeats; `lines` gives each row's file line for messages.
 * Throws IRREGULAR_SAMPLING when the rows do not sit on one regular grid.
 */
export function inferFrequency(times: Float64Array, lines: ArrayLike<number>): Frequency {
  const n = times.length
  if (n < 2) {
    throw new DataError(
      'TOO_FEW_ROWS',
      'The file has fewer than two distinct timestamps, so there is no time step to find. ' +
        'Choose the full export.',
    )
  }
  const tally = new Map<number, number>()
  let last = NaN
  let lastCount = 0
  for (let i = 1; i < n; i++) {
    const step = times[i] - times[i - 1]
    // Most steps equal the one before; count runs before touching the map.
    if (step === last) {
      lastCount++
      continue
    }
    if (lastCount > 0) tally.set(last, (tally.get(last) ?? 0) + lastCount)
    last = step
    lastCount = 1
  }
  if (lastCount > 0) tally.set(last, (tally.get(last) ?? 0) + lastCount)
  let mode = 0
  let most = 0
  for (const [step, count] of tally) {
    if (count > most || (count === most && step < mode)) {
      mode = step
      most = count
    }
  }
  let multiples = 0
  let firstOdd = -1
  for (const [step, count] of tally) {
    if (step % mode === 0) multiples += count
  }
  const steps = n - 1
  const label = durationLabel(mode)
  if (multiples < MIN_REGULAR_SHARE * steps) {
    for (let i = 1; i < n && firstOdd < 0; i++)
      if ((times[i] - times[i - 1]) % mode !== 0) firstOdd = i
    const share = Math.floor((100 * multiples) / steps)
    throw new DataError(
      'IRREGULAR_SAMPLING',
      `The rows are not evenly spaced in time: the most common step is ${label}, but only ` +
        `${share} % of the steps are whole multiples of it (at least ${MIN_REGULAR_SHARE * 100} % ` +
        `must be). For example, line ${lines[firstOdd]} (${formatInstant(times[firstOdd])}) comes ` +
        `${durationLabel(times[firstOdd] - times[firstOdd - 1])} after the row before. Resample ` +
        'the data to a fixed step (e.g. hourly means) before importing it.',
      lines[firstOdd],
    )
  }
  // A few odd steps pass the share test but would put rows between grid instants.
  let offGrid = 0
  let firstOff = -1
  for (let i = 1; i < n; i++) {
    if ((times[i] - times[0]) % mode !== 0 && offGrid++ === 0) firstOff = i
  }
  if (offGrid > 0) {
    throw new DataError(
      'IRREGULAR_SAMPLING',
      `${formatCount(offGrid)} ${offGrid === 1 ? 'row lies' : 'rows lie'} between the ${label} ` +
        `time steps that start at ${formatInstant(times[0])}; the first is line ${lines[firstOff]} ` +
        `(${formatInstant(times[firstOff])}). Every row must fall on the same ${label} grid: ` +
        'resample the data to a fixed step, or remove the odd rows. (Daily data written in local ' +
        'time shifts by an hour at daylight saving changes; import it with the time zone UTC.)',
      lines[firstOff],
    )
  }
  return { stepMs: mode, label }
}
