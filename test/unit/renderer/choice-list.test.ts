import { describe, expect, it } from 'vitest'
import { formatChoices, parseChoices } from '../../../src-renderer/src/lib/choice-list'

describe('parseChoices', () => {
  it('tells numbers, booleans and strings apart', () => {
    expect(parseChoices('64, 128', 'w')).toEqual({ ok: true, value: [64, 128] })
    expect(parseChoices('true,false', 'b')).toEqual({ ok: true, value: [true, false] })
    expect(parseChoices('relu, gelu', 'a')).toEqual({ ok: true, value: ['relu', 'gelu'] })
    expect(parseChoices('1e-3, 0.5', 'x')).toEqual({ ok: true, value: [0.001, 0.5] })
  })

  it('keeps quoted text a string, commas and all', () => {
    expect(parseChoices('"64", \'a,b\', "say \\"hi\\""', 'x')).toEqual({
      ok: true,
      value: ['64', 'a,b', 'say "hi"'],
    })
    expect(parseChoices('"true"', 'x')).toEqual({ ok: true, value: ['true'] })
  })

  it('reads empty text as no choices', () => {
    expect(parseChoices('  ', 'x')).toEqual({ ok: true, value: [] })
  })

  it('names a stray comma or an open quote', () => {
    expect(parseChoices('64,,128', 'layer_widths: choices')).toEqual({
      ok: false,
      message: 'layer_widths: choices: choice 2 is empty; remove the extra comma.',
    })
    expect(parseChoices('64,', 'w').ok).toBe(false)
    expect(parseChoices('"abc', 'w')).toEqual({
      ok: false,
      message: 'w: the quote " at character 1 is not closed.',
    })
    expect(parseChoices('"a" b', 'w')).toEqual({ ok: false, message: 'w: put a comma after "a".' })
  })
})

describe('formatChoices', () => {
  it('quotes only the strings that would read as something else', () => {
    expect(formatChoices([64, 128])).toBe('64, 128')
    expect(formatChoices([true, false])).toBe('true, false')
    expect(formatChoices(['relu', '64', 'true', 'a,b', ' x', ''])).toBe(
      'relu, "64", "true", "a,b", " x", ""',
    )
  })

  it('parses back to the same values', () => {
    const values = [64, 0.001, true, 'relu', '64', 'a,b', 'say "hi"', "it's", '']
    expect(parseChoices(formatChoices(values), 'x')).toEqual({ ok: true, value: values })
  })
})
