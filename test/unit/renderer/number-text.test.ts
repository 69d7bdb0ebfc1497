import { describe, expect, it } from 'vitest'
import {
  formatDuration,
  parseDuration,
  durationText,
} from '../../../src-renderer/src/lib/duration-text'
import { numberText, parseNumberText } from '../../../src-renderer/src/lib/number-text'

describe('parseNumberText', () => {
  it('reads the ways a number is typed', () => {
    expect(parseNumberText('1e-4', 'lr')).toEqual({ ok: true, value: 1e-4 })
    expect(parseNumberText(' 0.001 ', 'lr')).toEqual({ ok: true, value: 0.001 })
    expect(parseNumberText('-3', 'x')).toEqual({ ok: true, value: -3 })
    expect(parseNumberText('.5', 'x')).toEqual({ ok: true, value: 0.5 })
    expect(parseNumberText('2E3', 'x')).toEqual({ ok: true, value: 2000 })
  })

  it('names what is wrong, with the field first', () => {
    expect(parseNumberText('', 'Origins')).toEqual({
      ok: false,
      message: 'Origins: enter a number.',
    })
    expect(parseNumberText('abc', 'lr: low')).toEqual({
      ok: false,
      message: 'lr: low: "abc" is not a number.',
    })
    expect(parseNumberText('1e-', 'lr: low').ok).toBe(false)
    expect(parseNumberText('0x10', 'x').ok).toBe(false)
    expect(parseNumberText('Infinity', 'x').ok).toBe(false)
    expect(parseNumberText('1e999', 'x')).toEqual({ ok: false, message: 'x: 1e999 is too large.' })
    expect(parseNumberText('0,5', 'x')).toEqual({
      ok: false,
      message: 'x: "0,5" uses a decimal comma; write 0.5.',
    })
    expect(parseNumberText('2.5', 'Epochs', { integer: true })).toEqual({
      ok: false,
      message: 'Epochs: 2.5 is not a whole number.',
    })
  })

  it('reads empty text as null when the field is optional', () => {
    expect(parseNumberText('  ', 'Workers', { optional: true })).toEqual({ ok: true, value: null })
  })

  it('writes numbers back as they read', () => {
    for (const v of [1e-7, 0.001, 512, -2.5]) expect(Number(numberText(v))).toBe(v)
    expect(numberText(null)).toBe('')
  })
})

describe('durations', () => {
  it('reads units, a bare number as minutes, and empty as none', () => {
    expect(parseDuration('90', 'T')).toEqual({ ok: true, value: 5400 })
    expect(parseDuration('2h', 'T')).toEqual({ ok: true, value: 7200 })
    expect(parseDuration('1.5 d', 'T')).toEqual({ ok: true, value: 129_600 })
    expect(parseDuration('45 s', 'T')).toEqual({ ok: true, value: 45 })
    expect(parseDuration('30 min', 'T')).toEqual({ ok: true, value: 1800 })
    expect(parseDuration('', 'T')).toEqual({ ok: true, value: null })
  })

  it('refuses what is not a duration', () => {
    expect(parseDuration('2 weeks', 'Time budget')).toEqual({
      ok: false,
      message: 'Time budget: "2 weeks" is not a duration; write e.g. 90 min, 2 h or 1 d.',
    })
    expect(parseDuration('0', 'T').ok).toBe(false)
  })

  it('shows the two largest units', () => {
    expect(formatDuration(0.2)).toBe('1 s')
    expect(formatDuration(42)).toBe('42 s')
    expect(formatDuration(59.6)).toBe('1 min')
    expect(formatDuration(5400)).toBe('1 h 30 min')
    expect(formatDuration(7200)).toBe('2 h')
    expect(formatDuration(86_400 * 2 + 3 * 3600)).toBe('2 d 3 h')
  })

  it('writes a stored duration back in whole units', () => {
    expect(durationText(null)).toBe('')
    expect(durationText(7200)).toBe('2 h')
    expect(durationText(5400)).toBe('90 min')
    expect(durationText(86_400)).toBe('1 d')
    expect(durationText(45)).toBe('45 s')
    for (const s of [7200, 5400, 86_400, 45])
      expect(parseDuration(durationText(s), 'T')).toEqual({ ok: true, value: s })
  })
})
