import { describe, expect, it } from 'vitest'
import {
  assertValidSpace,
  paramsIssues,
  searchSpaceIssues,
  valueIssue,
  type SearchSpace,
} from '../../../../src-main/engine/hpo/search-space'
import { SpaceCodec } from '../../../../src-main/engine/hpo/space-codec'
import { HpoError } from '../../../../src-main/engine/hpo/hpo-error'

const codes = (space: SearchSpace) => searchSpaceIssues(space).map((i) => i.code)

describe('search space validation', () => {
  it('accepts every kind of parameter', () => {
    expect(
      searchSpaceIssues({
        lr: { kind: 'float', low: 1e-5, high: 1e-2, log: true },
        dropout: { kind: 'float', low: 0, high: 0.5, step: 0.1 },
        n: { kind: 'int', low: 1, high: 3 },
        batch: { kind: 'int', low: 16, high: 256, log: true },
        act: { kind: 'categorical', choices: ['relu', 'gelu'] },
      }),
    ).toEqual([])
  })

  it('names what is wrong and how to fix it', () => {
    expect(codes({ a: { kind: 'float', low: 1, high: 1 } })).toEqual(['LOW_NOT_BELOW_HIGH'])
    expect(codes({ a: { kind: 'float', low: 2, high: 1 } })).toEqual(['LOW_NOT_BELOW_HIGH'])
    expect(codes({ a: { kind: 'float', low: 0, high: 1, log: true } })).toEqual([
      'LOG_NON_POSITIVE',
    ])
    expect(codes({ a: { kind: 'int', low: -1, high: 4, log: true } })).toEqual(['LOG_NON_POSITIVE'])
    expect(codes({ a: { kind: 'categorical', choices: [] } })).toEqual(['EMPTY_CHOICES'])
    expect(codes({ a: { kind: 'categorical', choices: [1, 1] } })).toEqual(['DUPLICATE_CHOICE'])
    expect(codes({ a: { kind: 'int', low: 0.5, high: 3 } })).toEqual(['NOT_INTEGER'])
    expect(codes({ a: { kind: 'float', low: 0, high: 1, step: 0 } })).toEqual(['STEP_NOT_POSITIVE'])
    expect(codes({ a: { kind: 'float', low: 1, high: 10, step: 1, log: true } })).toEqual([
      'STEP_WITH_LOG',
    ])
    expect(codes({ a: { kind: 'float', low: 0, high: 1, step: 0.3 } })).toEqual([
      'STEP_DOES_NOT_DIVIDE',
    ])
    expect(codes({ a: { kind: 'float', low: 0, high: Infinity } })).toEqual(['NOT_FINITE'])
    expect(codes({ '1x': { kind: 'int', low: 0, high: 1 } })).toEqual(['BAD_NAME'])
    expect(codes({})).toEqual(['EMPTY_SPACE'])
    const [issue] = searchSpaceIssues({ a: { kind: 'float', low: 0, high: 1, step: 0.3 } })
    expect(issue.message).toContain('set high to 0.9')
  })

  it('throws every problem at once', () => {
    try {
      assertValidSpace({
        a: { kind: 'float', low: 1, high: 0 },
        b: { kind: 'categorical', choices: [] },
      })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(HpoError)
      expect((error as HpoError).code).toBe('INVALID_SEARCH_SPACE')
      expect((error as HpoError).message.split('\n')).toHaveLength(2)
    }
  })

  it('checks values against a distribution', () => {
    const step = { kind: 'float', low: 0.05, high: 0.4, step: 0.05 } as const
    expect(valueIssue('d', step, 0.15)).toBeNull()
    expect(valueIssue('d', step, 0.17)).toMatch(/grid/)
    expect(valueIssue('d', step, 0.5)).toMatch(/outside/)
    expect(valueIssue('n', { kind: 'int', low: 1, high: 3 }, 2.5)).toMatch(/integer/)
    expect(valueIssue('c', { kind: 'categorical', choices: [256, 512] }, '256')).toMatch(
      /not one of/,
    )
    expect(paramsIssues({ a: { kind: 'int', low: 0, high: 2 } }, { a: 1, b: 2 })).toEqual([
      'b is not in the search space.',
    ])
    expect(paramsIssues({ a: { kind: 'int', low: 0, high: 2 } }, {})).toEqual(['a is missing.'])
    expect(paramsIssues({ a: { kind: 'int', low: 0, high: 2 } }, {}, true)).toEqual([])
  })
})

describe('unit-space codec', () => {
  const space: SearchSpace = {
    lr: { kind: 'float', low: 1e-5, high: 1e-2, log: true },
    dropout: { kind: 'float', low: 0.05, high: 0.4, step: 0.05 },
    tiny: { kind: 'float', low: 1e-7, high: 5e-7, step: 1e-7 },
    n: { kind: 'int', low: 2, high: 5 },
    batch: { kind: 'int', low: 16, high: 256, log: true },
    width: { kind: 'int', low: 32, high: 96, step: 16 },
    act: { kind: 'categorical', choices: ['relu', 'gelu', 'tanh'] },
  }
  const codec = new SpaceCodec(space)

  it('decodes any coordinate to an allowed value, and round-trips allowed values', () => {
    for (let i = 0; i <= 1000; i++) {
      const u = i / 1000
      const params = codec.decode(
        codec.numeric.map(() => u),
        codec.categorical.map((d) => Math.min(d.size - 1, Math.floor(u * d.size))),
      )
      expect(paramsIssues(space, params)).toEqual([])
      expect(codec.decode(codec.encode(params).num, codec.encode(params).cat)).toEqual(params)
    }
  })

  it('gives stepped floats clean decimals and every int value an equal share', () => {
    const dropout = codec.numeric.find((d) => d.name === 'dropout')!
    const values = new Set(
      Array.from({ length: 800 }, (_, i) => codec.fromUnit(dropout, (i + 0.5) / 800)),
    )
    expect([...values].sort((a, b) => a - b)).toEqual([0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4])
    const tiny = codec.numeric.find((d) => d.name === 'tiny')!
    expect(codec.fromUnit(tiny, 0.5)).toBe(3e-7)
    const n = codec.numeric.find((d) => d.name === 'n')!
    const counts = new Map<number, number>()
    for (let i = 0; i < 400; i++) {
      const v = codec.fromUnit(n, (i + 0.5) / 400)
      counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    expect([...counts.values()]).toEqual([100, 100, 100, 100])
  })

  it('maps log scales so that equal unit steps are equal ratios', () => {
    const lr = codec.numeric.find((d) => d.name === 'lr')!
    expect(codec.fromUnit(lr, 0)).toBeCloseTo(1e-5, 15)
    expect(codec.fromUnit(lr, 1)).toBeCloseTo(1e-2, 12)
    expect(codec.fromUnit(lr, 1 / 3)).toBeCloseTo(1e-4, 12)
    const batch = codec.numeric.find((d) => d.name === 'batch')!
    expect(codec.fromUnit(batch, 0)).toBe(16)
    expect(codec.fromUnit(batch, 1)).toBe(256)
    expect(codec.toUnit(batch, 64)).toBeCloseTo(
      (Math.log(64) - Math.log(15.5)) / (Math.log(256.5) - Math.log(15.5)),
      12,
    )
  })
})
