import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatProfile } from '../../../src-main/cli/format-profile'
import { readDataset } from '../../../src-main/engine/data/read-dataset'
import { makeLevelShift } from '../../fixtures/level-shift/make-level-shift'

describe('frontier inspect text', () => {
  it('lists the gap-filled run with its value, instants and length', () => {
    const path = join(__dirname, '../../fixtures/csv-real/meter-gap-filled.csv')
    const { profile } = readDataset(new Uint8Array(readFileSync(path)), {})
    const text = formatProfile('meter-gap-filled.csv', profile)
    expect(text).toContain(
      'Constant     1 suspicious constant runs (values within 1e-9 of the first)',
    )
    expect(text).toMatch(
      /flow_m3h = 1\.19220430107\d*: 2023-03-01T00:00:00Z → 2023-03-31T23:00:00Z \(744 steps\)/,
    )
    expect(text).toContain('Level shifts 0')
  })

  it('lists a level shift with its instant, levels and factor', () => {
    const { profile } = readDataset(new TextEncoder().encode(makeLevelShift()), {})
    const text = formatProfile('water-level-shift.csv', profile)
    expect(text).toContain('Level shifts 1')
    expect(text).toMatch(/demand_m3s at 2021-01-11T10:00:00Z: 0\.268 → 0\.026 \(× 0\.099\)/)
    expect(text).toContain('LEVEL_SHIFT:')
  })
})
