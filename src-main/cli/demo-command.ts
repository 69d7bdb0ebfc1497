// `frontier demo` (`npm run demo`): a real, short study on the bundled heat demo — TPE over a
// narrowed NHITS_Q space (small networks: 16–64 wide, 1–3 stacks; the default space's 256–1024
// wide networks train ten times slower), three epochs per trial, sixteen trials — that finishes
// in a few minutes on two cores and prints the front and the export paths. Each run is a new
// study (job id demo-<time>), so it can be run again and again.

import { join } from 'node:path'
import type { SearchSpace } from '../engine/hpo/search-space'
import { defaultDataDir } from '../paths'
import type { Command } from './main'
import { parseCliArgs } from './parse-cli-args'
import { runRequest } from './run-request'
import { runStudySession } from './run-session'

/** The demo's space: the default one with the network kept small. */
export const DEMO_SPACE: SearchSpace = {
  num_stacks: { kind: 'int', low: 1, high: 3 },
  num_blocks: { kind: 'int', low: 1, high: 2 },
  num_layers: { kind: 'int', low: 1, high: 2 },
  layer_widths: { kind: 'categorical', choices: [16, 32, 64] },
  lr: { kind: 'float', low: 1e-4, high: 1e-2, log: true },
  dropout: { kind: 'float', low: 0, high: 0.2 },
  weight_decay: { kind: 'float', low: 1e-7, high: 1e-3, log: true },
}

export const DEMO_TRIALS = 16
export const DEMO_EPOCHS = 3

const usage = `Usage: frontier demo [options]

A short real study on the bundled heat demo: ${DEMO_TRIALS} TPE trials of NHITS_Q over a narrowed
space (small networks), ${DEMO_EPOCHS} epochs each, on the CPU. Prints the Pareto front and the
export paths. Each run is a new study with job id demo-<time>.

Options:
  --study-dir <dir>     where it goes (default ${join(defaultDataDir(), 'demo')})
  --trials <n>          trial budget (default ${DEMO_TRIALS})
  --epochs <n>          epochs per trial (default ${DEMO_EPOCHS})
  --workers <n>         trials at a time (default one per core)
  --json                print the summary as JSON
  -h, --help            show this help`

function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '')
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'a short real study on the bundled heat demo (about a minute on two cores)',
  usage,
  async run(argv) {
    const { values } = parseCliArgs(
      argv,
      {
        'study-dir': { type: 'string' },
        trials: { type: 'string' },
        epochs: { type: 'string' },
        workers: { type: 'string' },
        json: { type: 'boolean' },
      },
      0,
    )
    const request = runRequest({
      ...values,
      data: 'demo:heat',
      model: 'NHITS_Q',
      trials: values.trials ?? String(DEMO_TRIALS),
      epochs: values.epochs ?? String(DEMO_EPOCHS),
      sampler: 'tpe',
      pruner: 'none',
      ep: 'cpu',
      'job-id': `demo-${stamp(new Date())}`,
      'study-dir': values['study-dir'] ?? join(defaultDataDir(), 'demo'),
      space: JSON.stringify(DEMO_SPACE),
    })
    return runStudySession(request)
  },
}
