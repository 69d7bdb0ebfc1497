// The acceptance test of one study service: `frontier run` (through bin/frontier.js, one worker)
// and the app's service (the same CSV imported as a dataset, the same seed, space, split and
// settings) produce the same study — trial by trial the same parameters and the same values.

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { frontier } from '../../helpers/tiny-study'
import { useStudyFixture, TINY_SPACE, type Fixture } from './study-service-fixture'

const fixture = useStudyFixture()
let fx: Fixture
beforeEach(() => {
  fx = fixture()
})

describe('frontier run and the StudyService', () => {
  it('produce the same trials from the same data, seed, space and settings', async () => {
    const studyDir = join(fx.dir.path, 'cli')
    const cli = frontier(
      'run',
      ...['--data', join('resources', 'datasets', 'heat.csv')],
      ...['--train-end', '2021-03-01', '--val-end', '2021-03-25', '--origins', '2'],
      ...['--ep', 'cpu', '--workers', '1', '--sampler', 'tpe', '--seed', '7'],
      ...['--space', JSON.stringify(TINY_SPACE), '--trials', '4', '--epochs', '1'],
      ...['--study-dir', studyDir, '--job-id', 'same', '--json'],
    )
    expect(cli.code, cli.stderr).toBe(0)
    const cliStudy = JSON.parse(
      await readFile((JSON.parse(cli.stdout) as { study: string }).study, 'utf8'),
    ) as {
      trials: { params: unknown; values: number[] | null; state: string }[]
    }

    const studies = fx.host.services.studies
    const draft = fx.draft('same', {
      workers: 1,
      sampler: 'tpe',
      seed: 7,
      budget: { trials: 4, seconds: null },
    })
    const { id } = await studies.create(draft)
    const finished = fx.next('studies:state', (e) => e.id === id && e.status === 'finished')
    await studies.start(id)
    await finished
    const page = await studies.trials(id, 0, 10)

    expect(cliStudy.trials.map((t) => t.state)).toEqual([
      'complete',
      'complete',
      'complete',
      'complete',
    ])
    expect(page.rows.map((r) => ({ params: r.params, values: r.values }))).toEqual(
      cliStudy.trials.map((t) => ({ params: t.params, values: t.values })),
    )
  }, 180_000)
})
