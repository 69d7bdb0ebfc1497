import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SPACE } from '../../../src-main/cli/demo-command'
import { benchmarkerExportIssues } from '../../../src-main/engine/store/benchmarker-export'
import { tempDir } from '../../helpers/temp-dir'

let dir: Awaited<ReturnType<typeof tempDir>>
beforeAll(async () => {
  dir = await tempDir('demo')
})
afterAll(() => dir.remove())

describe('frontier demo', () => {
  // The real demo runs 16 trials × 3 epochs (about a minute here); two one-epoch trials exercise
  // the same path — full heat data, narrowed space, TPE, export — in seconds.
  it('runs a short study on the heat demo whose export validates against the schema', () => {
    const r = spawnSync(
      process.execPath,
      [
        join('bin', 'frontier.js'),
        'demo',
        '--trials',
        '2',
        '--epochs',
        '1',
        '--study-dir',
        dir.path,
        '--json',
      ],
      { encoding: 'utf8', timeout: 90_000 },
    )
    expect(r.status, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout) as {
      study: string
      trials: { complete: number }
      front: { params: Record<string, number> }[]
      exports: { benchmarker: string }
    }
    expect(out.trials.complete).toBe(2)
    expect(out.study).toMatch(/NHITS_Q_heat\/study_NHITS_Q_heat_demo-\d{8}T\d{6}\.json$/)
    const widths = (DEMO_SPACE.layer_widths as { choices: number[] }).choices
    for (const t of out.front) expect(widths).toContain(t.params.layer_widths)
    const doc = JSON.parse(readFileSync(out.exports.benchmarker, 'utf8')) as Record<string, unknown>
    expect(benchmarkerExportIssues(doc)).toEqual([])
    expect(doc).toMatchObject({ model: 'NHITS_Q', dataset: 'heat', n_trials: 2, n_completed: 2 })
  }, 90_000)
})
