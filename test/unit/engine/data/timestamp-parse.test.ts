import { describe, expect, it } from 'vitest'
import { parseTimestampText } from '../../../../src-main/engine/data/timestamp-parse'
import { seeded } from './helpers'

const at = (iso: string) => Date.parse(iso)

describe('timestamp parsing', () => {
  it.each([
    ['2024-01-31T13:00:00Z', 'iso-offset', '2024-01-31T13:00:00Z'],
    ['2024-01-31T13:00:00z', 'iso-offset', '2024-01-31T13:00:00Z'],
    ['2024-01-31T13:00:00+01:00', 'iso-offset', '2024-01-31T12:00:00Z'],
    ['2024-01-31T13:00:00-05:30', 'iso-offset', '2024-01-31T18:30:00Z'],
    ['2024-01-31T13:00:00+0100', 'iso-offset', '2024-01-31T12:00:00Z'],
    ['2024-01-31 13:00:00+01', 'iso-offset', '2024-01-31T12:00:00Z'],
    ['2024-01-31 13:00:00 +01:00', 'iso-offset', '2024-01-31T12:00:00Z'],
    ['2024-01-31 13:00 UTC', 'iso-offset', '2024-01-31T13:00:00Z'],
    ['2024-01-31T13:00Z', 'iso-offset', '2024-01-31T13:00:00Z'],
    ['2024-01-31T13:00:00.250Z', 'iso-offset', '2024-01-31T13:00:00.250Z'],
    ['2024-01-31T13:00:00.123456+00:00', 'iso-offset', '2024-01-31T13:00:00.123Z'],
    ['2024-01-31 13:00', 'iso-local', '2024-01-31T13:00:00Z'],
    ['2024-01-31 13:00:59', 'iso-local', '2024-01-31T13:00:59Z'],
    ['2024-01-31T13:00:00', 'iso-local', '2024-01-31T13:00:00Z'],
    ['2024-01-31 13:00:00.5', 'iso-local', '2024-01-31T13:00:00.500Z'],
    ['2024-02-29', 'date', '2024-02-29T00:00:00Z'],
    ['1706706000', 'epoch-s', '2024-01-31T13:00:00Z'],
    ['1706706000000', 'epoch-ms', '2024-01-31T13:00:00Z'],
    ['  2024-01-31 13:00  ', 'iso-local', '2024-01-31T13:00:00Z'],
  ])('%s is %s', (text, format, instant) => {
    const result = parseTimestampText(text)
    expect(result.format).toBe(format)
    expect(result.value).toBe(at(instant))
  })

  it.each([
    '',
    'yesterday',
    '2024-13-01',
    '2024-02-30',
    '2023-02-29',
    '2024-01-01 24:00',
    '2024-01-01 12:60',
    '2024-01-01 12:00:60',
    '2024/01/01',
    '01.02.2024',
    '01/02/2024 13:00',
    '2024-1-1',
    '2024-01-01T13',
    '2024-01-01T13:00:00+25:00',
    '2024-01-01T13:00:00+01:0',
    '2024-01-01T13:00:00 CET',
    '170670600',
    '17067060000',
    '1706706000.5',
  ])('%s is not a timestamp', (text) => {
    const result = parseTimestampText(text)
    expect(result.format).toBeNull()
    expect(result.value).toBeNaN()
  })

  it('matches Date.parse on random instants and offsets', () => {
    const rand = seeded(7)
    for (let i = 0; i < 20_000; i++) {
      const t = Math.floor(Date.UTC(1971, 0, 1) + rand() * 2e12)
      const offsetMinutes = Math.round((rand() * 26 - 12) * 4) * 15
      const local = new Date(t + offsetMinutes * 60_000).toISOString().slice(0, 23)
      const sign = offsetMinutes < 0 ? '-' : '+'
      const abs = Math.abs(offsetMinutes)
      const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
      expect(parseTimestampText(local + offset).value).toBe(t)
      expect(parseTimestampText(local).value).toBe(t + offsetMinutes * 60_000)
      const seconds = Math.floor(t / 1000)
      if (seconds >= 1e9) expect(parseTimestampText(String(seconds)).value).toBe(seconds * 1000)
      if (t >= 1e12) expect(parseTimestampText(String(t)).value).toBe(t)
    }
  })
})
