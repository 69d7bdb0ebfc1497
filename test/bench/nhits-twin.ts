// Frontier's NHITS_Q against its PyTorch twin (issue 12 §3): the same trial — the same scaled
// columns, the same training windows in the same batch order, the same walk-forward origins and
// validation windows — trained by Frontier (runTrial, in this process) and by PyTorch with
// Darts' computation (nhits-twin-torch.py, in a child process at the same time), for several
// seeds. Prints every epoch's validation MAE of both side by side, then per covariate set the
// median and the seed-to-seed sd of the final MAE, and the ratios the goal is stated in
// (Frontier's sd ≤ 1.5× the twin's, its median ≤ 5 % above the twin's).
//
// "kept" is what each side scores a trial with: Frontier's trial value (the best epoch by
// validation loss, as runTrial keeps it) and, for the twin, the epoch with the lowest
// validation loss too (the same rule applied to its per-epoch records), so both are compared
// as the product uses them. The last epoch of both is printed beside, and the ratios against
// the twin's last epoch, which is what Darts itself keeps.
//
// --same-init starts the twin from Frontier's initial weights, so only dropout masks and
// rounding differ: the cleanest view of where the two part.
//
//   npx tsx test/bench/nhits-twin.ts [--data heat,water] [--seeds 1,2,3,4,5] [--epochs 4]
//     [--covariates target,all] [--params '{"weight_decay":1e-6}'] [--same-init] [--no-torch]
//
// Covariate sets: target (the target alone, the default roles), all (every numeric column and
// hour, weekday, month, weekend: the old default), past (the numeric covariates, no calendar),
// calendar (the target and those four calendar columns), cyclic (the target and hour and weekday
// as sine/cosine pairs). Prints, asserts nothing.

import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { calendarCovariates } from '../../src-main/engine/data/calendar'
import { readDataset } from '../../src-main/engine/data/read-dataset'
import { defaultRoles } from '../../src-main/engine/data/roles'
import type { Profile, Roles, Series } from '../../src-main/engine/data/types'
import { BatchSampler, inputWindow } from '../../src-main/engine/data/windows'
import { initialize } from '../../src-main/engine/graph/init'
import { buildTrainStep } from '../../src-main/engine/graph/programs/train'
import { QUANTILE_LEVELS } from '../../src-main/engine/metrics/types'
import { nhits } from '../../src-main/engine/models/nhits'
import { resolveParams } from '../../src-main/engine/models/resolve-params'
import { runTrial } from '../../src-main/engine/train/run-trial'
import { prepareTrialData } from '../../src-main/engine/train/trial-data'
import { argument, median } from './bench-cli'

const here = dirname(fileURLToPath(import.meta.url))
const DATA = (argument('data') ?? 'heat,water').split(',')
const SEEDS = (argument('seeds') ?? '1,2,3,4,5').split(',').map(Number)
const EPOCHS = Number(argument('epochs') ?? '4')
const COVARIATES = (argument('covariates') ?? 'target,all').split(',')
// The reference configuration: 3 × 1 × 2, width 512, lr 1e-3, dropout 0.1, wd 1e-6.
const PARAMS = resolveParams(nhits, {
  weight_decay: 1e-6,
  ...(JSON.parse(argument('params') ?? '{}') as Record<string, unknown>),
})
const SAME_INIT = process.argv.includes('--same-init')
const TORCH = !process.argv.includes('--no-torch')
const WINDOW = { inputLength: 168, horizon: 24, origins: 10 }
const B = 32

interface EpochScore {
  mae: number
  /** |PICP − 80|. */
  gap: number
  valLoss: number
  trainLoss: number
}

/** Per-step losses of the first epoch's first steps compared, with --same-init. */
const FIRST_STEPS = 8

interface Run {
  frontier: EpochScore[]
  frontierFinal: number
  twin: EpochScore[] | null
}

function rolesFor(kind: string, profile: Profile): Roles {
  // The default roles: the target alone.
  const d = defaultRoles(profile)
  const others = profile.numericColumns.filter((c) => c !== d.target)
  const fourCalendar = { hour: true, weekday: true, month: true, weekend: true, holidays: null }
  switch (kind) {
    case 'target':
      return d
    case 'all':
      return { ...d, pastCovariates: others, calendar: fourCalendar }
    case 'past':
      return { ...d, pastCovariates: others }
    case 'calendar':
      return { ...d, calendar: fourCalendar }
    case 'cyclic':
      return { ...d, futureCovariates: CYCLIC }
    default:
      throw new Error(`unknown covariate set "${kind}": target, all, past, calendar or cyclic`)
  }
}

const CYCLIC = ['hour_sin', 'hour_cos', 'weekday_sin', 'weekday_cos']

/**
 * The series with hour and weekday as sine/cosine pairs (the thesis's hour_sin, hour_cos and the
 * same for the weekday) added as columns: the `cyclic` covariate set, which tells whether the
 * raw 0–23 / 0–6 encoding is what hurts.
 */
function withCyclicCalendar(series: Series, timezone: string): Series {
  const all = { hour: true, weekday: true, month: false, weekend: false, holidays: null }
  const [hour, weekday] = calendarCovariates(series.timestamps, timezone, all)
  const wave = (name: string, c: Float64Array, period: number, f: (x: number) => number) => ({
    name,
    values: c.map((v) => f((2 * Math.PI * v) / period)),
  })
  return {
    ...series,
    columns: [
      ...series.columns,
      wave('hour_sin', hour.values, 24, Math.sin),
      wave('hour_cos', hour.values, 24, Math.cos),
      wave('weekday_sin', weekday.values, 7, Math.sin),
      wave('weekday_cos', weekday.values, 7, Math.cos),
    ],
  }
}

/** Writes the twin's inputs (see nhits-twin-torch.py) and returns the META.json path. */
function writeTwinInputs(dir: string, series: Series, roles: Roles, timezone: string): string {
  const prepared = prepareTrialData({ series, roles, timezone }, WINDOW)
  const { source } = prepared
  const D = 1 + source.covariates.length
  const rows = source.target.length
  const columns = new Float32Array(rows * D)
  for (let i = 0; i < rows; i++) {
    columns[i * D] = source.target[i]
    for (let c = 1; c < D; c++) columns[i * D + c] = source.covariates[c - 1][i]
  }
  const origins = prepared.plan.origins.filter((o) => inputWindow(source, o, WINDOW) !== null)
  const file = (name: string, data: ArrayBufferView) => {
    const path = join(dir, name)
    writeFileSync(path, new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    return path
  }
  const net = nhits.build(PARAMS, {
    ...WINDOW,
    covariates: source.covariates.length,
    quantiles: QUANTILE_LEVELS,
  })
  const params = buildTrainStep(net, { kind: 'adam' }).params
  const initialLayout = params.map((p) => ({
    layer: p.name.slice(0, p.name.lastIndexOf('.')),
    kind: p.name.slice(p.name.lastIndexOf('.') + 1),
    shape: p.shape,
  }))
  const seeds: Record<string, { orders: string; initial?: string }> = {}
  for (const seed of SEEDS) {
    const sampler = new BatchSampler(prepared.train, B, seed)
    const n = prepared.train.starts.length
    const orders = new Int32Array(EPOCHS * n)
    for (let e = 0; e < EPOCHS; e++) orders.set(sampler.order(e), e * n)
    const entry: { orders: string; initial?: string } = {
      orders: file(`orders-${seed}.i32`, orders),
    }
    if (SAME_INIT) {
      const parts = params.map((p) =>
        initialize(
          p.init,
          p.shape.reduce((a, b) => a * b, 1),
          seed,
          p.name,
        ),
      )
      const flat = new Float32Array(parts.reduce((n, a) => n + a.length, 0))
      let at = 0
      for (const part of parts) {
        flat.set(part, at)
        at += part.length
      }
      entry.initial = file(`initial-${seed}.f32`, flat)
    }
    seeds[String(seed)] = entry
  }
  const meta = {
    inputLength: WINDOW.inputLength,
    horizon: WINDOW.horizon,
    channels: D,
    quantiles: QUANTILE_LEVELS,
    batchSize: B,
    epochs: EPOCHS,
    params: PARAMS,
    columns: file('columns.f32', columns),
    trainStarts: file('train.i32', prepared.train.starts),
    valStarts: file('val.i32', prepared.validation?.starts ?? new Int32Array(0)),
    origins: file('origins.i32', Int32Array.from(origins)),
    target: file('target.f64', prepared.target),
    targetMin: prepared.scaler.min[0],
    targetRange: prepared.scaler.range[0],
    initialLayout,
    seeds,
  }
  const path = join(dir, 'meta.json')
  writeFileSync(path, JSON.stringify(meta))
  return path
}

/** The twin's per-epoch scores, or null when no python3 with torch is found. */
async function twin(
  meta: string,
  seed: number,
  firstLosses: number[],
): Promise<EpochScore[] | null> {
  const env = {
    ...process.env,
    OPENBLAS_NUM_THREADS: '1',
    OMP_NUM_THREADS: '1',
    MKL_NUM_THREADS: '1',
    OMP_WAIT_POLICY: 'PASSIVE',
  }
  for (const python of [process.env.FRONTIER_PYTHON, '/usr/bin/python3', 'python3']) {
    if (!python) continue
    const proc = spawn(python, [join(here, 'nhits-twin-torch.py'), '1', meta, String(seed)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const scores: EpochScore[] = []
    const failed = new Promise<boolean>((resolve) => {
      proc.on('error', () => resolve(true))
      proc.on('close', (code) => resolve(code !== 0))
    })
    for await (const line of createInterface({ input: proc.stdout })) {
      const r = JSON.parse(line) as {
        mae: number
        picp: number
        val_loss: number
        train_loss: number
        first_losses: number[]
      }
      if (r.first_losses && firstLosses.length === 0) firstLosses.push(...r.first_losses)
      scores.push({
        mae: r.mae,
        gap: Math.abs(r.picp - 80),
        valLoss: r.val_loss,
        trainLoss: r.train_loss,
      })
    }
    if (!(await failed)) return scores
    if (/No module named 'torch'|ENOENT/.test(stderr) || stderr === '') continue
    throw new Error(`the PyTorch twin failed:\n${stderr}`)
  }
  return null
}

/** The score at the epoch with the lowest validation loss (the first of equals). */
function bestByValLoss(scores: EpochScore[]): number {
  let best = scores[0]
  for (const s of scores) if (s.valLoss < best.valLoss) best = s
  return best.mae
}

const sd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, xs.length - 1))
}
const f = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '—')

async function main() {
  console.log(
    `NHITS_Q twin bench: params ${JSON.stringify(PARAMS)}, ${EPOCHS} epochs, seeds ` +
      `${SEEDS.join(',')}, batch ${B}${SAME_INIT ? ', twin from Frontier initial weights' : ''}`,
  )
  const summary: string[] = []
  for (const name of DATA) {
    const bytes = new Uint8Array(
      readFileSync(join(here, '../../resources/datasets', `${name}.csv`)),
    )
    const read = readDataset(bytes, {})
    const profile = read.profile
    for (const kind of COVARIATES) {
      const roles = rolesFor(kind, profile)
      const series =
        kind === 'cyclic' ? withCyclicCalendar(read.series, profile.timezone) : read.series
      const dir = mkdtempSync(join(tmpdir(), 'frontier-twin-'))
      try {
        const meta = writeTwinInputs(dir, series, roles, profile.timezone)
        console.log(`\n== demo:${name}, covariates ${kind} ==`)
        const runs: Run[] = []
        for (const seed of SEEDS) {
          // With --same-init, one step per graph run for the first steps, so that each step's
          // loss can be read from the running mean (K changes speed, not results).
          const frontierFirst: number[] = []
          const twinFirst: number[] = []
          let sumBefore = 0
          const [trial, twinScores] = await Promise.all([
            runTrial({ series, roles, timezone: profile.timezone }, nhits, PARAMS, {
              epochs: EPOCHS,
              seed,
              provider: 'cpu',
              ...WINDOW,
              ...(SAME_INIT
                ? {
                    stepsPerRun: 1,
                    onProgress: (p) => {
                      if (p.phase !== 'train' || p.step > FIRST_STEPS) return
                      // p.loss is the epoch's running mean over equal batches so far
                      frontierFirst.push(p.loss * p.step - sumBefore)
                      sumBefore = p.loss * p.step
                    },
                  }
                : {}),
            }),
            TORCH ? twin(meta, seed, twinFirst) : Promise.resolve(null),
          ])
          if (SAME_INIT) {
            const pairs = frontierFirst.map((l, i) => `${l.toFixed(6)}|${twinFirst[i]?.toFixed(6)}`)
            const worst = Math.max(
              ...frontierFirst.map((l, i) => Math.abs(l - twinFirst[i]) / twinFirst[i]),
            )
            console.log(
              `seed ${seed}: first ${FIRST_STEPS} step losses (Frontier|twin) ${pairs.join(' ')}; ` +
                `largest relative difference ${worst.toExponential(1)}`,
            )
          }
          const frontier = trial.intermediate.map((r) => ({
            mae: r.objectives?.[0] ?? NaN,
            gap: r.objectives?.[1] ?? NaN,
            valLoss: r.valLoss ?? NaN,
            trainLoss: r.trainLoss,
          }))
          runs.push({ frontier, frontierFinal: trial.values[0], twin: twinScores })
          const cells = frontier.map(
            (s, e) => `${f(s.mae)}|${twinScores ? f(twinScores[e]?.mae ?? NaN) : '—'}`,
          )
          const trainLoss = (e: number) =>
            `${trial.intermediate[e].trainLoss.toFixed(5)}|` +
            (twinScores ? (twinScores[e]?.trainLoss.toFixed(5) ?? '—') : '—')
          console.log(
            `seed ${seed}: train loss epoch 1 (Frontier|twin) ${trainLoss(0)}, last ` +
              `${trainLoss(EPOCHS - 1)}; kept epoch ${trial.keptEpoch}`,
          )
          console.log(
            `seed ${seed}: MAE per epoch (Frontier|twin) ${cells.join('  ')}  ` +
              `kept: Frontier ${f(trial.values[0])} (|ΔPICP| ${f(trial.values[1], 1)}), ` +
              `twin ${twinScores ? f(bestByValLoss(twinScores)) : '—'}  ` +
              `[${trial.columns.length} columns, ${trial.parameterCount.total} params]`,
          )
        }
        const fk = runs.map((r) => r.frontierFinal)
        const fl = runs.map((r) => r.frontier[r.frontier.length - 1].mae)
        const line = [`demo:${name} ${kind}: Frontier kept median ${f(median(fk))} sd ${f(sd(fk))}`]
        line.push(`(last epoch ${f(median(fl))} sd ${f(sd(fl))})`)
        if (runs.every((r) => r.twin !== null)) {
          const tk = runs.map((r) => bestByValLoss(r.twin as EpochScore[]))
          const tl = runs.map((r) => {
            const t = r.twin as EpochScore[]
            return t[t.length - 1].mae
          })
          line.push(`| twin kept median ${f(median(tk))} sd ${f(sd(tk))}`)
          line.push(`(last epoch ${f(median(tl))} sd ${f(sd(tl))})`)
          line.push(
            `| sd ratio ${f(sd(fk) / sd(tk), 2)} (goal ≤ 1.5), median ratio ` +
              `${f(median(fk) / median(tk), 3)} (goal ≤ 1.05); against the twin's last ` +
              `epoch (Darts' choice): ${f(sd(fk) / sd(tl), 2)} and ${f(median(fk) / median(tl), 3)}`,
          )
        }
        summary.push(line.join(' '))
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
  console.log(`\nSummary (MAE in the series' units, ${SEEDS.length} seeds):`)
  for (const line of summary) console.log(line)
}

await main()
