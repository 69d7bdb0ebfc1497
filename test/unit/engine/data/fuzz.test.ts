// Whatever bytes arrive, reading them either succeeds or throws a DataError: never a TypeError,
// a RangeError or a hang. Mutations of a valid file hit the interesting paths far more often
// than random bytes do.

import { describe, expect, it } from 'vitest'
import { readDataset } from '../../../../src-main/engine/data/read-dataset'
import { DataError } from '../../../../src-main/engine/data/data-error'
import { bytesOf, hourlyCsv, seeded } from './helpers'

const PIECES = [
  ',',
  ';',
  '\t',
  '"',
  '""',
  '\n',
  '\r',
  '\r\n',
  'NA',
  'inf',
  '1,234.5',
  '-',
  ' ',
  'x',
  '0',
  '9',
  ':',
  'T',
  'Z',
  '+01:00',
  '2024-13-01',
  '\u00e4',
  '\ufeff',
  '\u0000',
]

function mutate(text: string, rand: () => number): string {
  let out = text
  const edits = 1 + Math.floor(rand() * 4)
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * (out.length + 1))
    const r = rand()
    if (r < 0.4) out = out.slice(0, at) + PIECES[Math.floor(rand() * PIECES.length)] + out.slice(at)
    else if (r < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rand() * 20))
    else {
      const lines = out.split('\n')
      const i = Math.floor(rand() * lines.length)
      const j = Math.floor(rand() * lines.length)
      ;[lines[i], lines[j]] = [lines[j], lines[i]]
      out = lines.join('\n')
    }
  }
  return out
}

describe('fuzzing readDataset', () => {
  it('throws only DataError for mutated files', () => {
    const rand = seeded(99)
    const base = hourlyCsv(
      'time,load,temp,note',
      Array.from({ length: 40 }, (_, i) => [
        String(i * 1.5),
        i % 7 === 0 ? 'NA' : String(-i),
        `"n ${i}"`,
      ]),
    )
    const zones = [
      {},
      { timezone: 'Europe/Berlin' },
      { delimiter: ';' as const },
      { decimal: ',' as const },
    ]
    let failures = 0
    for (let i = 0; i < 3000; i++) {
      const text = mutate(base, rand)
      try {
        readDataset(bytesOf(text), zones[i % zones.length])
      } catch (error) {
        if (!(error instanceof DataError)) {
          failures++
          expect.soft(error, JSON.stringify(text)).toBeInstanceOf(DataError)
        }
      }
    }
    expect(failures).toBe(0)
  })

  it('throws only DataError for random bytes', () => {
    const rand = seeded(100)
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(rand() * 200) }, () =>
        rand() < 0.7 ? 0x20 + Math.floor(rand() * 95) : Math.floor(rand() * 256),
      )
      try {
        readDataset(bytes, {})
      } catch (error) {
        expect(error).toBeInstanceOf(DataError)
      }
    }
  })
})
