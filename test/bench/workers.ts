// Trials per hour with 2 worker processes against 1, on this machine's cores (issue 6: goal
// ≥ 1.6× on 2 cores). One study runs through the real Scheduler and child-process workers, one
// onnxruntime thread per worker and spinning off (the Runtime's default), on the full heat demo.
// By default every trial trains the same mid-sized NHITS_Q (2 stacks, width 32), so both runs do
// identical work and no long last trial leaves a worker idle at the end; --space demo samples the
// demo's space instead (random sampler, fixed seed: the same parameter sets in both runs). Rounds
// alternate 1, 2, 1, 2 … so both see the same background load; the sums are compared. Worker
// start-up (about 0.7 s a trial, loading TypeScript and onnxruntime) is part of every trial.
// Prints, asserts nothing.
//
//   npx tsx test/bench/workers.ts [--trials 8] [--epochs 2] [--rounds 2] [--space fixed|demo]

import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { DEMO_SPACE } from '../../src-main/cli/demo-command'
import type { SearchSpace } from '../../src-main/engine/hpo/search-space'
import { Study } from '../../src-main/engine/hpo/study'
import { FORECAST_OBJECTIVES } from '../../src-main/engine/hpo/study-config'
import { trialJob, type RunSpec } from '../../src-main/services/run-spec'
import { Scheduler } from '../../src-main/services/scheduler'
import { NodeWorkerHost } from '../../src-main/worker/node-worker-host'
import { join } from 'node:path'
import { projectRoot } from '../../src-main/paths'

const { values: args } = parseArgs({
  options: {
    trials: { type: 'string', default: '8' },
    epochs: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '2' },
    space: { type: 'string', default: 'fixed' },
  },
})
const TRIALS = Number(args.trials)
const ROUNDS = Number(args.rounds)
const one = (v: number) => ({ kind: 'categorical' as const, choices: [v] })
const FIXED: SearchSpace = {
  num_stacks: one(2),
  num_blocks: one(1),
  num_layers: one(2),
  layer_widths: one(32),
  lr: one(1e-3),
  dropout: one(0.1),
  weight_decay: one(0),
}
const SPACE = args.space === 'demo' ? DEMO_SPACE : FIXED

const spec: RunSpec = {
  version: 1,
  model: 'NHITS_Q',
  jobId: 'bench',
  data: {
    path: join(projectRoot(), 'resources', 'datasets', 'heat.csv'),
    label: 'heat',
    hash: 'bench',
    parse: {},
    roles: null,
  },
  settings: { provider: 'cpu', threads: 1, epochs: Number(args.epochs) },
}

async function round(workers: number): Promise<{ seconds: number; trainSeconds: number }> {
  const study = Study.create({
    name: 'bench',
    model: 'NHITS_Q',
    dataset: {
      hash: 'bench',
      name: 'heat',
      columns: [],
      target: 'heat_mw',
      split: { kind: 'fractions', train: 0.7, val: 0.2, test: 0.1 },
    },
    space: SPACE,
    objectives: FORECAST_OBJECTIVES,
    sampler: { name: 'random' },
    pruner: { name: 'none' },
    seed: 1,
    budget: { trials: TRIALS, seconds: null },
  })
  const scheduler = new Scheduler({
    study,
    host: new NodeWorkerHost(),
    job: (t) => trialJob(spec, t),
    workers,
  })
  const t0 = performance.now()
  await scheduler.run()
  const seconds = (performance.now() - t0) / 1000
  const failed = study.trials.filter((t) => t.state !== 'complete')
  if (failed.length > 0)
    throw new Error(`trials failed: ${JSON.stringify(failed.map((t) => t.error))}`)
  const trainSeconds = study.trials.reduce((s, t) => s + (t.timings?.total ?? 0), 0)
  return { seconds, trainSeconds }
}

const load = () => loadavg()[0].toFixed(2)
const totals = new Map<number, number>([
  [1, 0],
  [2, 0],
])
console.log(
  `${TRIALS} trials × ${args.epochs} epochs (${args.space} space, full heat data), 1 onnxruntime thread per worker, spinning off`,
)
for (let r = 1; r <= ROUNDS; r++) {
  for (const workers of [1, 2]) {
    const before = load()
    const { seconds, trainSeconds } = await round(workers)
    totals.set(workers, (totals.get(workers) ?? 0) + seconds)
    console.log(
      `round ${r}, ${workers} worker${workers === 1 ? ' ' : 's'}: ${seconds.toFixed(1)} s wall, ` +
        `${((TRIALS / seconds) * 3600).toFixed(0)} trials/h (trial time in workers ${trainSeconds.toFixed(1)} s; ` +
        `load ${before} → ${load()})`,
    )
  }
}
const perHour = (w: number) => ((TRIALS * ROUNDS) / (totals.get(w) as number)) * 3600
console.log(
  `1 worker: ${perHour(1).toFixed(0)} trials/h; 2 workers: ${perHour(2).toFixed(0)} trials/h; ` +
    `ratio ${(perHour(2) / perHour(1)).toFixed(2)} (goal ≥ 1.6 on 2 idle cores)`,
)
