// What the cells of each value column turned out to be, counted while parsing, and the verdict
// at the end: a numeric column, a column to leave out (with the reason), or an error the user
// must fix. A column that is mostly numbers with a few odd cells is an error rather than a
// dropped column, because the odd cells are almost always typos in data the user wants.

import { DataError } from './data-error'
import { CellKind } from './number-parse'
import { plural, quoteCell } from './format'

export interface FirstCell {
  line: number
  text: string
}

export class ColumnTally {
  readonly name: string
  /** 1-based position of the column in the file, for messages. */
  readonly position: number
  readonly counts = [0, 0, 0, 0, 0]
  readonly first: (FirstCell | null)[] = [null, null, null, null, null]

  constructor(name: string, position: number) {
    this.name = name
    this.position = position
  }

  /** Whether the first cell of this kind is still to be recorded (its text costs a decode). */
  wants(kind: CellKind): boolean {
    return this.first[kind] === null
  }

  note(kind: CellKind, line: number, text: string): void {
    this.first[kind] = { line, text }
  }

  /** Fills in the count of numbers once all rows are seen (only odd cells are counted inline). */
  finish(rows: number): void {
    const c = this.counts
    c[CellKind.number] =
      rows - c[CellKind.missing] - c[CellKind.text] - c[CellKind.infinite] - c[CellKind.thousands]
  }

  /** Null for a usable numeric column, the reason for leaving it out, or throws. */
  verdict(): string | null {
    const c = this.counts
    const numbers = c[CellKind.number]
    const text = c[CellKind.text]
    const numberLike = numbers + c[CellKind.infinite] + c[CellKind.thousands]
    if (numberLike + text === 0) return 'it has no values'
    if (text > 0 && text >= numberLike) {
      const example = this.first[CellKind.text] as FirstCell
      return `it holds text, not numbers (e.g. ${quoteCell(example.text)} on line ${example.line})`
    }
    if (c[CellKind.thousands] > 0) this.fail('THOUSANDS_SEPARATOR', CellKind.thousands)
    if (c[CellKind.infinite] > 0) this.fail('INFINITE_VALUE', CellKind.infinite)
    if (text > 0) this.fail('TEXT_IN_NUMERIC_COLUMN', CellKind.text)
    return null
  }

  private fail(
    code: 'THOUSANDS_SEPARATOR' | 'INFINITE_VALUE' | 'TEXT_IN_NUMERIC_COLUMN',
    kind: CellKind,
  ): never {
    const cell = this.first[kind] as FirstCell
    const count = this.counts[kind]
    const where = `Line ${cell.line}, column "${this.name}" (column ${this.position})`
    const more = count > 1 ? `; ${plural(count, 'cell')} in this column are like it` : ''
    const messages = {
      THOUSANDS_SEPARATOR:
        `${where}: ${quoteCell(cell.text)} uses a thousands separator${more}. Save the numbers ` +
        'without digit grouping (1234.5, not 1,234.5), or set the decimal mark to match the file.',
      INFINITE_VALUE:
        `${where}: ${quoteCell(cell.text)} is infinite${more}. A forecaster cannot learn from ` +
        'infinite values: replace them with the real value, or leave the cell empty to mark it missing.',
      TEXT_IN_NUMERIC_COLUMN:
        `${where}: ${quoteCell(cell.text)} is not a number, but the rest of the column is${more}. ` +
        'Correct the cell, or leave it empty (or write NA) to mark the value as missing.',
    }
    throw new DataError(code, messages[code], cell.line)
  }
}
