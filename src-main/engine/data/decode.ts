// The first look at the bytes: is this a text file at all? A CSV must be UTF-8 (ASCII included);
// NUL bytes or invalid UTF-8 mean a spreadsheet, archive or UTF-16 export was dropped instead.

import { DataError } from './data-error'

/** Larger files would not fit the column arrays comfortably; nobody needs one for hourly data. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024

export interface Encoding {
  /** Offset of the first byte after the byte order mark. */
  start: number
  bom: boolean
}

export function checkEncoding(bytes: Uint8Array): Encoding {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new DataError(
      'FILE_TOO_LARGE',
      `The file is ${Math.round(bytes.length / 2 ** 20)} MiB; files up to 1,024 MiB can be read. ` +
        'Cut it to the period you need, or save fewer columns.',
    )
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const start = bom ? 3 : 0
  if (isUtf16(bytes)) {
    throw new DataError(
      'BINARY_FILE',
      'The file is saved as UTF-16 text. Save it again as "CSV UTF-8" (comma-separated) and import that.',
    )
  }
  const bad = findInvalidByte(bytes, start)
  if (bad >= 0) {
    const line = lineOf(bytes, bad)
    const what = bytes[bad] === 0 ? 'a NUL byte' : 'bytes that are not valid UTF-8 text'
    throw new DataError(
      'BINARY_FILE',
      `This does not look like a CSV text file: line ${line} contains ${what}. ` +
        'If it is a spreadsheet (.xlsx, .ods), export it as "CSV UTF-8" first; if it is text in ' +
        'another encoding (Latin-1, UTF-16), save it again as UTF-8.',
      line,
    )
  }
  let only = start
  while (only < bytes.length && isBlank(bytes[only])) only++
  if (only === bytes.length) {
    throw new DataError(
      'EMPTY_FILE',
      'The file is empty. Choose a CSV with a header line (e.g. "time,value") and one row per time step.',
    )
  }
  return { start, bom }
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
}

function isUtf16(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))
}

/**
 * Index of the first NUL or invalid UTF-8 byte, or -1. Data files are nearly all ASCII, so four
 * bytes at a time are tested, and only words with a non-ASCII or zero byte are looked at byte by
 * byte.
 */
function findInvalidByte(b: Uint8Array, from: number): number {
  const n = b.length
  const offset = b.byteOffset
  const wordBase = (offset + from + 3) & ~3
  const wordCount = Math.max(0, Math.floor((offset + n - wordBase) / 4))
  const words = wordCount > 0 ? new Uint32Array(b.buffer, wordBase, wordCount) : new Uint32Array(0)
  let i = from
  while (i < n) {
    if (((offset + i) & 3) === 0) {
      // A tight run over whole words until one has a high bit or a zero byte (the classic
      // has-zero-byte test), then the bytes of that word are looked at one by one.
      let j = (offset + i - wordBase) >> 2
      while (j < wordCount) {
        const w = words[j]
        if ((w & 0x80808080) !== 0 || ((w - 0x01010101) & ~w & 0x80808080) !== 0) break
        j++
      }
      i = wordBase - offset + j * 4
      if (i >= n) break
    }
    const c = b[i]
    if (c < 0x80) {
      if (c === 0) return i
      i++
      continue
    }
    const length = sequenceLength(b, i, n)
    if (length === 0) return i
    i += length
  }
  return -1
}

/** Length of the valid UTF-8 sequence starting with a non-ASCII byte at i, or 0 if invalid. */
function sequenceLength(b: Uint8Array, i: number, n: number): number {
  const c = b[i]
  let need: number
  let min = 0x80
  let max = 0xbf
  if (c >= 0xc2 && c <= 0xdf) {
    need = 1
  } else if (c >= 0xe0 && c <= 0xef) {
    need = 2
    // No overlong forms (E0 needs A0+) and no UTF-16 surrogates (ED stops at 9F).
    if (c === 0xe0) min = 0xa0
    if (c === 0xed) max = 0x9f
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3
    if (c === 0xf0) min = 0x90
    if (c === 0xf4) max = 0x8f
  } else {
    return 0
  }
  // A sequence cut off by the end of the file is invalid too.
  if (i + need >= n) return 0
  const second = b[i + 1]
  if (second < min || second > max) return 0
  for (let k = 2; k <= need; k++) {
    const next = b[i + k]
    if (next < 0x80 || next > 0xbf) return 0
  }
  return need + 1
}

function lineOf(b: Uint8Array, index: number): number {
  let line = 1
  for (let i = 0; i < index; i++) {
    if (b[i] === 0x0a || (b[i] === 0x0d && b[i + 1] !== 0x0a)) line++
  }
  return line
}
