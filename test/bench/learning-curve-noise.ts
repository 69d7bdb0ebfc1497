// How much a real study's objectives wobble from epoch to epoch: the yardstick for the noise of
// the pruning bench's synthetic curves (test/bench/pruning-curves.ts), and the reason its goal is
// hard — a trial's told final is one more such wobble, which no pruner can foresee.
//
//   npx tsx test/bench/learning-curve-noise.ts <study.json> [--from 8]
//
// For every complete trial with at least `from` + 3 epochs, a straight line is fitted to each
// objective over the epochs from `from` on (late training, where the trend is slow and nearly
// straight), and the residual standard deviation is printed: in logs (a relative wobble) for an
// objective whose late values are all positive within a factor 10, such as MAE; otherwise in its
// own units (|PICP − target|, in points).

import { readFile } from 'node:fs/promises'
import { logScales } from '../../src-main/engine/hpo/pruners/final-forecast'
import { migrateStudyDocument, studyFileSchema } from '../../src-main/engine/store'
import { argument, median } from './bench-cli'

/** Residual sd of a least-squares line through (index, y). */
function residualSd(ys: number[]): number {
  const n = ys.length
  const mx = (n - 1) / 2
  const my = ys.reduce((a, b) => a + b, 0) / n
  let sxy = 0
  let sxx = 0
  ys.forEach((y, x) => {
    sxy += (x - mx) * (y - my)
    sxx += (x - mx) ** 2
  })
  const slope = sxy / sxx
  const squares = ys.reduce((a, y, x) => a + (y - my - slope * (x - mx)) ** 2, 0)
  return Math.sqrt(squares / (n - 2))
}

async function main(): Promise<void> {
  const path = process.argv[2]
  if (!path || path.startsWith('--')) {
    console.error('usage: npx tsx test/bench/learning-curve-noise.ts <study.json> [--from 8]')
    process.exit(2)
  }
  const from = Number(argument('from') ?? 8)
  const study = studyFileSchema.parse(
    migrateStudyDocument(JSON.parse(await readFile(path, 'utf8'))),
  )
  const names = study.config.objectives.map((o) => o.name)
  const trials = study.trials
    .map((trial) => ({ trial, late: trial.intermediate.filter((r) => r.step >= from) }))
    .filter(({ trial, late }) => trial.state === 'complete' && late.length >= 3)
    .map(({ trial, late }) => ({
      trial,
      series: names.map((_, k) => late.map((r) => r.objectives?.[k] ?? NaN)),
    }))
    .filter(({ series }) => series.every((ys) => ys.every(Number.isFinite)))
  if (!trials.length) {
    console.log(`No complete trial reported three epochs or more from step ${from} on.`)
    return
  }
  // In logs when every late value of the objective is positive and within a factor 10 (MAE), the
  // pruner's forecast's rule.
  const relative = logScales(
    trials.flatMap(({ series }) => series[0].map((_, t) => series.map((ys) => ys[t]))),
  )
  const perObjective: number[][] = names.map(() => [])
  for (const { trial, series } of trials) {
    const sds = series.map((ys, k) => {
      const sd = residualSd(relative[k] ? ys.map(Math.log) : ys)
      perObjective[k].push(sd)
      return relative[k] ? `${(100 * sd).toFixed(1)} %` : sd.toFixed(2)
    })
    const params = Object.entries(trial.params)
      .map(([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toPrecision(3)) : v}`)
      .join(' ')
    console.log(
      `trial ${trial.number}: ${names.map((n, k) => `${n} ${sds[k]}`).join(', ')}  (${params})`,
    )
  }
  console.log(
    `median over ${perObjective[0].length} trials: ${names.map((n, k) => `${n} ${relative[k] ? `${(100 * median(perObjective[k])).toFixed(1)} %` : median(perObjective[k]).toFixed(2)}`).join(', ')}`,
  )
}

await main()
