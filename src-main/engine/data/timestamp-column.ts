// Which column holds the timestamps: the one the user named, or else the first whose cells read
// as timestamps in the first rows. A column that is named like a time but whose cells do not
// read is still taken, so the user hears "these dates cannot be read" rather than "no dates".

import { DataError } from './data-error'
import { SUPPORTED_TIMESTAMPS, parseTimestampText } from './timestamp-parse'
import { quoteCell } from './format'

/** Share of a sample's non-empty cells that must read as timestamps. */
const MIN_SHARE = 0.8
const TIME_NAME = /time|date|zeit|datum|stamp|^ts$|^dt$/i

export function findTimestampColumn(
  names: string[],
  sample: string[][],
  requested: string | undefined,
): number {
  if (requested !== undefined) {
    const index = names.indexOf(requested)
    if (index >= 0) return index
    throw new DataError(
      'TIMESTAMP_COLUMN_NOT_FOUND',
      `There is no column named "${requested}". The columns are: ${listNames(names)}. ` +
        'Pick one of these as the timestamp column.',
    )
  }
  for (let k = 0; k < names.length; k++) {
    let filled = 0
    let read = 0
    for (const row of sample) {
      const cell = (row[k] ?? '').trim()
      if (cell === '') continue
      filled++
      if (parseTimestampText(cell).format !== null) read++
    }
    if (read > 0 && read >= MIN_SHARE * filled) return k
  }
  const named = names.findIndex((name) => TIME_NAME.test(name))
  if (named >= 0) return named
  const firstRow = sample[0] ?? []
  const examples = firstRow.slice(0, 4).map(quoteCell).join(', ')
  throw new DataError(
    'NO_TIMESTAMP_COLUMN',
    `No column holds timestamps. The columns are ${listNames(names)}` +
      (examples ? `, and the first row reads ${examples}` : '') +
      `. Add a column with the time of each row, written as ${SUPPORTED_TIMESTAMPS}.`,
  )
}

function listNames(names: string[]): string {
  const shown = names.slice(0, 12).map((n) => `"${n}"`)
  return names.length > 12 ? `${shown.join(', ')} and ${names.length - 12} more` : shown.join(', ')
}
