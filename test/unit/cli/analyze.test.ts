import { spawnSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPersistentStudy } from '../../../src-main/engine/store/persistent-study'
import { writeRunSpec } from '../../../src-main/services/run-spec'
import { tempDir } from '../../helpers/temp-dir'
import { tinyConfig, tinySpec } from '../worker/trial-fixture'

function frontier(...args: string[]) {
  const r = spawnSync(process.execPath, [join('bin', 'frontier.js'), ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

let dir: Awaited<ReturnType<typeof tempDir>>

/** A study with the given [MAE, |PICP − 80|] per complete trial, plus one failed trial. */
async function study(path: string, name: string, values: [number, number][], jobId?: string) {
  const { study: s, store } = await createPersistentStudy(path, {
    ...tinyConfig({ budget: { trials: 10, seconds: null } }),
    name,
  })
  if (jobId) await writeRunSpec(path, { ...tinySpec(), jobId })
  for (const v of values) {
    const { trialId } = await s.ask()
    await s.tell(trialId, { state: 'complete', values: v, metrics: { mae: v[0], picp: 80 - v[1] } })
  }
  const { trialId } = await s.ask()
  await s.tell(trialId, { state: 'failed', reason: 'boom', code: 'TRIAL_ERROR' })
  await store.close()
}

beforeAll(async () => {
  dir = await tempDir('analyze')
  await study(
    join(dir.path, 'NHITS_Q_heat', 'study_a.json'),
    'a',
    [
      [5, 3],
      [4, 6],
      [6, 1],
      [7, 7],
    ],
    '1234',
  )
  await study(join(dir.path, 'nested', 'deeper', 'study_b.json'), 'b', [])
  // Not studies: an export-like JSON, and a broken study file.
  await writeFile(join(dir.path, 'best_params_NHITS.json'), '{"lr":0.001}')
  await mkdir(join(dir.path, 'bad'))
  await writeFile(join(dir.path, 'bad', 'study.json'), '{"schemaVersion":1,"trials":"no"}')
})
afterAll(() => dir.remove())

describe('frontier analyze', () => {
  it('summarises every study under a folder as JSON', () => {
    const r = frontier('analyze', dir.path, '--json')
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout) as {
      studies: Record<string, unknown>[]
      problems: { problem: string }[]
    }
    expect(out.studies).toHaveLength(2)
    const [a, b] = out.studies
    expect(a).toMatchObject({
      model: 'NHITS_Q',
      dataset: 'heat',
      job: '1234',
      trials: 5,
      budget: 10,
      complete: 4,
      failed: 1,
      paretoSize: 3,
      bestMae: { trial: 1, mae: 4, picp: 74, picpGap: 6 },
      bestPicp: { trial: 2, mae: 6, picp: 79, picpGap: 1 },
      balanced: { trial: 0, mae: 5 },
    })
    // No run spec: the study's name stands in for the job; no complete trial: no picks.
    expect(b).toMatchObject({ job: 'b', complete: 0, paretoSize: 0, bestMae: null, balanced: null })
    expect(out.problems.map((p) => p.problem)).toEqual([
      expect.stringMatching(/^bad\/study\.json: not a valid study file/),
    ])
  })

  it('prints one table as text, and exits 1 when there is no study', async () => {
    const r = frontier('analyze', dir.path)
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines[0]).toMatch(
      /^model\s+dataset\s+job\s+trials\s+complete\s+front\s+best MAE\s+best PICP\s+balanced$/,
    )
    expect(lines[1]).toMatch(
      /^NHITS_Q\s+heat\s+1234\s+5\/10\s+4\s+3\s+4\.000 \(#1\)\s+79\.0 % \(#2\)\s+#0: MAE 5\.000, 77\.0 %$/,
    )
    expect(lines[2]).toMatch(/^NHITS_Q\s+heat\s+b\s+1\/10\s+0\s+0\s+—\s+—\s+—$/)
    expect(r.stderr).toMatch(/warning: bad\/study\.json: not a valid study file/)
    const empty = await tempDir('analyze-empty')
    const none = frontier('analyze', empty.path)
    await empty.remove()
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/No study files under/)
    expect(frontier('analyze', join(dir.path, 'missing')).code).toBe(2)
  })
})
