// The timestamp column's verdict, gathered while parsing: which format it is written in, and the
// cells that do not read or do not match the rest. A column must use one format throughout;
// plain dates may mix with local date-times (some exports drop "00:00" at midnight).

import type { TimestampFormat } from './types'
import { DataError } from './data-error'
import { SUPPORTED_TIMESTAMPS } from './timestamp-parse'
import { plural, quoteCell } from './format'

const DESCRIPTION: Record<TimestampFormat, string> = {
  'iso-offset': 'a date-time with a UTC offset',
  'iso-local': 'a date-time without a UTC offset',
  date: 'a date without a time',
  'epoch-s': 'Unix epoch seconds',
  'epoch-ms': 'Unix epoch milliseconds',
}

function family(format: TimestampFormat): string {
  return format === 'date' ? 'iso-local' : format
}

interface Cell {
  line: number
  text: string
  format: TimestampFormat | null
  problem: string
}

export class TimestampTally {
  readonly column: string
  /** The format of the first readable cell, and whether any local date-time (not a bare date) was seen. */
  format: TimestampFormat | null = null
  private firstCell: Cell | null = null
  private sawLocalTime = false
  private unreadable = 0
  private unreadableCells: Cell[] = []
  private mismatched = 0
  private firstMismatch: Cell | null = null

  constructor(column: string) {
    this.column = column
  }

  /**
   * A cell in a format other than the last accepted one. True when it fits the column (the
   * caller then takes it as the new accepted format), false when it is a mismatch.
   */
  changed(format: TimestampFormat, line: number, text: string): boolean {
    if (this.format === null) {
      this.format = format
      this.firstCell = { line, text, format, problem: '' }
    }
    if (format === 'iso-local') this.sawLocalTime = true
    if (family(format) === family(this.format)) return true
    if (this.mismatched++ === 0) this.firstMismatch = { line, text, format, problem: '' }
    return false
  }

  unreadableCell(line: number, text: string, problem: string): void {
    if (this.unreadable++ < 3) this.unreadableCells.push({ line, text, format: null, problem })
  }

  /** Throws for unreadable or mixed cells; otherwise the column's format. */
  verdict(): TimestampFormat {
    const where = `column "${this.column}"`
    if (this.unreadable > 0) {
      const first = this.unreadableCells[0]
      const examples = this.unreadableCells
        .map(
          (c) =>
            `line ${c.line}: ${c.text.trim() === '' ? 'empty' : quoteCell(c.text)}${c.problem ? ` (${c.problem})` : ''}`,
        )
        .join('; ')
      throw new DataError(
        'UNPARSEABLE_TIMESTAMPS',
        `${plural(this.unreadable, 'timestamp')} in ${where} cannot be read (${examples}). ` +
          `Write every timestamp as ${SUPPORTED_TIMESTAMPS}.`,
        first.line,
      )
    }
    const first = this.firstCell
    if (first === null || first.format === null) {
      throw new DataError('UNPARSEABLE_TIMESTAMPS', `No cell in ${where} holds a timestamp.`)
    }
    const odd = this.firstMismatch
    if (odd !== null && odd.format !== null) {
      const pair = [family(first.format), family(odd.format)].sort().join('+')
      const detail =
        `Line ${first.line} has ${quoteCell(first.text)} (${DESCRIPTION[first.format]}) but line ` +
        `${odd.line} has ${quoteCell(odd.text)} (${DESCRIPTION[odd.format]})` +
        (this.mismatched > 1
          ? `, and ${plural(this.mismatched - 1, 'more row')} ${this.mismatched === 2 ? 'differs' : 'differ'} like it`
          : '')
      if (pair === 'iso-local+iso-offset') {
        throw new DataError(
          'MIXED_OFFSETS',
          `${detail} in ${where}. A time without an offset is a wall-clock reading, one with an ` +
            'offset is an exact instant; the two cannot be put on one time line. Write all ' +
            'timestamps with an offset (or Z for UTC), or all without.',
          odd.line,
        )
      }
      throw new DataError(
        'MIXED_TIMESTAMP_FORMATS',
        `${detail} in ${where}. Write every timestamp in the same format.`,
        odd.line,
      )
    }
    if (first.format === 'date' && this.sawLocalTime) return 'iso-local'
    return first.format
  }
}
