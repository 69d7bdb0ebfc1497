import { describe, expect, it } from 'vitest'
import { defaultSearchSpace, PARAM_SCHEMAS } from '../../../../src-main/engine/hpo/default-spaces'
import { schemaIssues } from '../../../../src-main/engine/hpo/param-schema'
import { searchSpaceIssues } from '../../../../src-main/engine/hpo/search-space'
import { MODEL_NAMES } from '../../../../src-main/engine/hpo/types'

describe('default search spaces', () => {
  it('are valid and fit their model schemas', () => {
    for (const model of MODEL_NAMES) {
      const space = defaultSearchSpace(model)
      expect(searchSpaceIssues(space)).toEqual([])
      expect(schemaIssues(space, PARAM_SCHEMAS[model])).toEqual([])
    }
  })

  it('use the names the benchmarker reads', () => {
    expect(Object.keys(defaultSearchSpace('NHITS_Q'))).toEqual([
      'num_stacks',
      'num_blocks',
      'num_layers',
      'layer_widths',
      'lr',
      'dropout',
      'weight_decay',
    ])
    expect(Object.keys(defaultSearchSpace('TFT_Q')).sort()).toEqual(
      ['dropout', 'hidden_size', 'lr', 'lstm_layers', 'num_attention_heads'].sort(),
    )
    expect(Object.keys(defaultSearchSpace('TIMESNET_Q')).sort()).toEqual(
      ['conv_hidden_size', 'dropout', 'hidden_size', 'lr', 'top_k'].sort(),
    )
  })

  it('match the thesis ranges for NHITS', () => {
    expect(defaultSearchSpace('NHITS_Q')).toEqual({
      num_stacks: { kind: 'int', low: 2, high: 5 },
      num_blocks: { kind: 'int', low: 1, high: 3 },
      num_layers: { kind: 'int', low: 2, high: 4 },
      layer_widths: { kind: 'categorical', choices: [256, 512, 1024] },
      lr: { kind: 'float', low: 1e-5, high: 1e-2, log: true },
      dropout: { kind: 'float', low: 0.05, high: 0.4 },
      weight_decay: { kind: 'float', low: 1e-7, high: 1e-3, log: true },
    })
  })

  it('are copies the caller may edit', () => {
    const space = defaultSearchSpace('NHITS_Q')
    delete space.lr
    expect(defaultSearchSpace('NHITS_Q').lr).toBeDefined()
  })
})

describe('schema check', () => {
  const schema = PARAM_SCHEMAS.NHITS_Q
  const codes = (edit: (s: ReturnType<typeof defaultSearchSpace>) => void) => {
    const space = defaultSearchSpace('NHITS_Q')
    edit(space)
    return schemaIssues(space, schema).map((i) => `${i.code}:${i.param}`)
  }

  it('refuses unknown, mistyped, out-of-range and missing parameters', () => {
    expect(codes((s) => (s.hidden = { kind: 'int', low: 1, high: 2 }))).toEqual([
      'UNKNOWN_PARAM:hidden',
    ])
    expect(codes((s) => (s.num_stacks = { kind: 'float', low: 2, high: 5 }))).toEqual([
      'OUTSIDE_SCHEMA:num_stacks',
    ])
    expect(codes((s) => (s.dropout = { kind: 'float', low: 0.1, high: 1.5 }))).toEqual([
      'OUTSIDE_SCHEMA:dropout',
    ])
    expect(codes((s) => (s.layer_widths = { kind: 'categorical', choices: [256, 300.5] }))).toEqual(
      ['OUTSIDE_SCHEMA:layer_widths'],
    )
    expect(codes((s) => delete s.weight_decay)).toEqual(['MISSING_PARAM:weight_decay'])
  })

  it('accepts a one-choice categorical as a fixed value', () => {
    expect(codes((s) => (s.weight_decay = { kind: 'categorical', choices: [0] }))).toEqual([])
  })
})
