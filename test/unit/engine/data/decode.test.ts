import { describe, expect, it } from 'vitest'
import { checkEncoding } from '../../../../src-main/engine/data/decode'
import { DataError } from '../../../../src-main/engine/data/data-error'
import { bytesOf, dataError, seeded } from './helpers'

const strict = new TextDecoder('utf-8', { fatal: true })

function isValidText(b: Uint8Array): boolean {
  if (b.includes(0)) return false
  try {
    strict.decode(b)
    return true
  } catch {
    return false
  }
}

describe('checkEncoding', () => {
  it('agrees with a strict TextDecoder on random, mostly-ASCII bytes', () => {
    const rand = seeded(11)
    const backing = new Uint8Array(512)
    for (let i = 0; i < 20_000; i++) {
      // Random lengths and offsets, so the word-at-a-time path meets every alignment.
      const offset = Math.floor(rand() * 8)
      const length = 1 + Math.floor(rand() * 40)
      const b = backing.subarray(offset, offset + length)
      for (let k = 0; k < length; k++) {
        const r = rand()
        b[k] =
          r < 0.8 ? 0x41 + Math.floor(rand() * 26) : r < 0.98 ? 0x80 + Math.floor(rand() * 128) : 0
      }
      b[0] = 0x41 // never blank, never a BOM
      let ok = true
      try {
        checkEncoding(b)
      } catch (error) {
        expect(error).toBeInstanceOf(DataError)
        ok = false
      }
      expect(ok, Array.from(b, (x) => x.toString(16)).join(' ')).toBe(isValidText(b))
    }
  })

  it('accepts UTF-8 text of every sequence length', () => {
    expect(() => checkEncoding(bytesOf('Zeit;Wärme €;𝄞\n'))).not.toThrow()
  })

  it('reports a byte order mark', () => {
    expect(checkEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ start: 3, bom: true })
    expect(checkEncoding(bytesOf('a'))).toEqual({ start: 0, bom: false })
  })

  it('names the line of the first bad byte', () => {
    const b = new Uint8Array([...bytesOf('time,v\r\n2024,1\n'), 0xfc, 0x0a])
    expect(dataError(() => checkEncoding(b), 'BINARY_FILE').line).toBe(3)
  })

  it('refuses empty, blank and UTF-16 files', () => {
    dataError(() => checkEncoding(new Uint8Array(0)), 'EMPTY_FILE')
    dataError(() => checkEncoding(new Uint8Array([0xef, 0xbb, 0xbf])), 'EMPTY_FILE')
    dataError(() => checkEncoding(bytesOf(' \r\n\t\n')), 'EMPTY_FILE')
    dataError(() => checkEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0])), 'BINARY_FILE')
  })
})
