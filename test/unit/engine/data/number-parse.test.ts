import { describe, expect, it } from 'vitest'
import { CellKind, NumberReader } from '../../../../src-main/engine/data/number-parse'
import { bytesOf, seeded } from './helpers'

function read(text: string, decimal: '.' | ',' = '.'): { value: number; kind: CellKind } {
  const reader = new NumberReader(decimal)
  const b = bytesOf(text)
  const value = reader.read(b, 0, b.length)
  return { value, kind: reader.kind }
}

describe('NumberReader', () => {
  it('reads numbers exactly as Number() does', () => {
    const rand = seeded(1)
    const reader = new NumberReader('.')
    const wrong: string[] = []
    for (let i = 0; i < 30_000; i++) {
      const magnitude = 10 ** Math.floor(rand() * 16 - 8)
      const x = (rand() - 0.5) * magnitude
      const texts = [
        x.toFixed(Math.floor(rand() * 8)),
        String(x),
        x.toPrecision(1 + Math.floor(rand() * 17)),
        x.toExponential(Math.floor(rand() * 10)),
        String(Math.round(x * 1000)),
      ]
      for (const text of texts) {
        const b = bytesOf(text)
        const value = reader.read(b, 0, b.length)
        if (reader.kind !== CellKind.number || !Object.is(value, Number(text))) wrong.push(text)
      }
    }
    expect(wrong).toEqual([])
  })

  it('accepts signs, bare points, exponents and surrounding spaces', () => {
    expect(read('+7').value).toBe(7)
    expect(read('.5').value).toBe(0.5)
    expect(read('5.').value).toBe(5)
    expect(read('-.25e2').value).toBe(-25)
    expect(read('  12.5 ').value).toBe(12.5)
    expect(read('1E3').value).toBe(1000)
    expect(read('12345678901234567890').value).toBe(Number('12345678901234567890'))
    expect(read('1e-30').value).toBe(1e-30)
    expect(read('0.000000000000000000000001').value).toBe(1e-24)
  })

  it('reads a decimal comma when told to', () => {
    expect(read('12,5', ',').value).toBe(12.5)
    expect(read('-0,125', ',').value).toBe(-0.125)
    expect(read('1,5e2', ',').value).toBe(150)
    expect(read('12,5', '.').kind).toBe(CellKind.text)
  })

  it('treats the usual markers as missing', () => {
    for (const marker of [
      '',
      ' ',
      'NA',
      'na',
      'N/A',
      'NaN',
      'nan',
      'null',
      'NULL',
      '-',
      '#N/A',
      'None',
    ]) {
      const { value, kind } = read(marker)
      expect(kind, marker).toBe(CellKind.missing)
      expect(value).toBeNaN()
    }
  })

  it('flags infinities, including overflow', () => {
    for (const text of ['inf', '-inf', '+Inf', 'Infinity', '-INFINITY', '∞', '1e999', '-2e400']) {
      expect(read(text).kind, text).toBe(CellKind.infinite)
    }
  })

  it('flags digit grouping', () => {
    expect(read('1,234').kind).toBe(CellKind.thousands)
    expect(read('1,234.5').kind).toBe(CellKind.thousands)
    expect(read('-12,345,678.25').kind).toBe(CellKind.thousands)
    expect(read('1.234,5', ',').kind).toBe(CellKind.thousands)
    expect(read('1.234', ',').kind).toBe(CellKind.thousands)
    expect(read('1 234,5', ',').kind).toBe(CellKind.thousands)
    expect(read("1'234.5").kind).toBe(CellKind.thousands)
    // Not groups of three: just text.
    expect(read('1,23').kind).toBe(CellKind.text)
  })

  it('calls anything else text', () => {
    for (const text of [
      'abc',
      '12a',
      '1e',
      '1.2.3',
      '--1',
      '+',
      '.',
      '12%',
      '$5',
      '0x10',
      '1_000',
    ]) {
      expect(read(text).kind, text).toBe(CellKind.text)
    }
  })
})
