// The CSV tokenizer: one record at a time, straight over the bytes (RFC 4180 quoting, LF, CRLF
// or CR line ends). It records where each cell's content lies instead of cutting strings, so
// numbers and timestamps can be read in place. Delimiters and quotes are ASCII, so scanning
// UTF-8 bytes for them is safe.

import { DataError } from './data-error'

export const MAX_RECORD_BYTES = 1024 * 1024

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const TAB = 0x09

export class CsvScanner {
  readonly bytes: Uint8Array
  private readonly delimiter: number
  /** 1 for bytes that end an unquoted cell: the delimiter, LF and CR. */
  private readonly stops = new Uint8Array(256)
  pos: number
  /** 1-based line of the file at `pos`. */
  line = 1
  /** Line on which the last record began. */
  recordLine = 1
  /** Cells in the last record, and where each one's content lies (quotes excluded). */
  count = 0
  starts = new Int32Array(64)
  ends = new Int32Array(64)
  /** 1 where the cell was quoted (its content may hold doubled quotes). */
  quoted = new Uint8Array(64)

  constructor(bytes: Uint8Array, start: number, delimiter: string) {
    this.bytes = bytes
    this.pos = start
    this.delimiter = delimiter.charCodeAt(0)
    this.stops[this.delimiter] = 1
    this.stops[LF] = 1
    this.stops[CR] = 1
  }

  /** Moves back (or on) to a known record start, e.g. to read the first rows a second time. */
  seek(pos: number, line: number): void {
    this.pos = pos
    this.line = line
  }

  /** Reads the next record; false at the end of the file. */
  next(): boolean {
    const b = this.bytes
    const n = b.length
    const stops = this.stops
    const delimiter = this.delimiter
    let pos = this.pos
    if (pos >= n) return false
    const recordStart = pos
    this.recordLine = this.line
    let count = 0
    for (;;) {
      if (count === this.starts.length) this.grow()
      if (b[pos] === QUOTE) {
        pos = this.quotedCell(pos, count)
      } else {
        const start = pos
        while (pos < n && stops[b[pos]] === 0) pos++
        this.starts[count] = start
        this.ends[count] = pos
        this.quoted[count] = 0
      }
      count++
      if (pos >= n) break
      const c = b[pos]
      pos++
      if (c === delimiter) continue
      if (c === CR && b[pos] === LF) pos++
      this.line++
      break
    }
    if (pos - recordStart > MAX_RECORD_BYTES) {
      throw new DataError(
        'LINE_TOO_LONG',
        `Line ${this.recordLine} is ${Math.round((pos - recordStart) / 2 ** 20)} MiB long; ` +
          'lines up to 1 MiB can be read. This is usually a file whose line ends were lost, or ' +
          'an opening quote that is never closed. Check that each time step is on its own line.',
        this.recordLine,
      )
    }
    this.pos = pos
    this.count = count
    return true
  }

  /** Scans a quoted cell opening at `pos`; returns the position just after it. */
  private quotedCell(pos: number, index: number): number {
    const b = this.bytes
    const n = b.length
    const openLine = this.line
    pos++
    const start = pos
    for (;;) {
      if (pos >= n) {
        throw new DataError(
          'UNTERMINATED_QUOTE',
          `Line ${openLine}, column ${index + 1}: a quote (") opens a cell but is never closed, so ` +
            'the rest of the file would be read as one cell. Close the quote, or write a quote ' +
            'inside a quoted cell as two quotes ("").',
          openLine,
        )
      }
      const c = b[pos]
      if (c === QUOTE) {
        if (b[pos + 1] !== QUOTE) break
        pos += 2
        continue
      }
      if (c === LF || (c === CR && b[pos + 1] !== LF)) this.line++
      pos++
    }
    this.starts[index] = start
    this.ends[index] = pos
    this.quoted[index] = 1
    pos++
    while (pos < n && (b[pos] === SPACE || (b[pos] === TAB && this.delimiter !== TAB))) pos++
    if (pos < n && this.stops[b[pos]] === 0) {
      throw new DataError(
        'MALFORMED_QUOTE',
        `Line ${this.line}, column ${index + 1}: text follows the closing quote of a quoted cell. ` +
          'Put the whole cell in quotes and write any quote inside it as two quotes ("").',
        this.line,
      )
    }
    return pos
  }

  private grow(): void {
    const size = this.starts.length * 2
    const starts = new Int32Array(size)
    const ends = new Int32Array(size)
    const quoted = new Uint8Array(size)
    starts.set(this.starts)
    ends.set(this.ends)
    quoted.set(this.quoted)
    this.starts = starts
    this.ends = ends
    this.quoted = quoted
  }
}
