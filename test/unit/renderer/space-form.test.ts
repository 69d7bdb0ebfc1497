import { describe, expect, it } from 'vitest'
import {
  distributionFromRow,
  rowFromDistribution,
  rowMatches,
  rowsFromSpace,
  withKind,
} from '../../../src-renderer/src/lib/space-form'

const space = {
  num_stacks: { kind: 'int', low: 2, high: 5 },
  layer_widths: { kind: 'categorical', choices: [256, 512, 1024] },
  lr: { kind: 'float', low: 1e-5, high: 1e-2, log: true },
  dropout: { kind: 'float', low: 0.05, high: 0.4, step: 0.05 },
}

describe('search-space rows', () => {
  it('round-trips every kind of distribution', () => {
    const rows = rowsFromSpace(space)
    expect(rows.map((r) => r.name)).toEqual(['num_stacks', 'layer_widths', 'lr', 'dropout'])
    expect(rows[2]).toEqual({
      name: 'lr',
      kind: 'float',
      low: '0.00001',
      high: '0.01',
      log: true,
      step: '',
      choices: '',
    })
    expect(rows[1].choices).toBe('256, 512, 1024')
    for (const row of rows) {
      const d = distributionFromRow(row)
      expect(d).toEqual({ ok: true, dist: space[row.name as keyof typeof space] })
      expect(rowMatches(row, space[row.name as keyof typeof space])).toBe(true)
    }
  })

  it('reads a narrowed range typed as text', () => {
    const row = { ...rowFromDistribution('lr', space.lr), low: '1e-4', high: '0.001' }
    expect(distributionFromRow(row)).toEqual({
      ok: true,
      dist: { kind: 'float', low: 1e-4, high: 1e-3, log: true },
    })
    expect(rowMatches(row, space.lr)).toBe(false)
  })

  it('names every field that does not read, before any request', () => {
    const row = { ...rowFromDistribution('num_stacks', space.num_stacks), low: 'two', high: '4.5' }
    expect(distributionFromRow(row)).toEqual({
      ok: false,
      problems: [
        'num_stacks: low: "two" is not a number.',
        'num_stacks: high: 4.5 is not a whole number.',
      ],
    })
    const choices = {
      ...rowFromDistribution('layer_widths', space.layer_widths),
      choices: '64,,128',
    }
    expect(distributionFromRow(choices)).toEqual({
      ok: false,
      problems: ['layer_widths: choices: choice 2 is empty; remove the extra comma.'],
    })
  })

  it('leaves low above high to the engine: it reads, and main says why it cannot run', () => {
    const row = { ...rowFromDistribution('dropout', space.dropout), low: '0.5', high: '0.1' }
    expect(distributionFromRow(row).ok).toBe(true)
  })

  it('fills what a new kind needs from what the row has', () => {
    const int = rowFromDistribution('num_stacks', space.num_stacks)
    expect(withKind(int, 'categorical').choices).toBe('2, 3, 4, 5')
    const cat = { ...rowFromDistribution('layer_widths', space.layer_widths) }
    const asInt = withKind(cat, 'int')
    expect([asInt.low, asInt.high]).toEqual(['256', '1024'])
    // Typed bounds are never overwritten.
    const typed = withKind({ ...cat, low: '8', high: '16' }, 'int')
    expect([typed.low, typed.high]).toEqual(['8', '16'])
    // A wide range is not spelled out as choices.
    expect(withKind({ ...int, high: '100' }, 'categorical').choices).toBe('')
  })

  it('reads an unknown stored shape as an empty float row rather than failing', () => {
    expect(rowFromDistribution('x', null)).toEqual({
      name: 'x',
      kind: 'float',
      low: '',
      high: '',
      log: false,
      step: '',
      choices: '',
    })
  })
})
