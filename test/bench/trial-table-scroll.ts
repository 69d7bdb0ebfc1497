// How smoothly the run monitor's trial table scrolls through a study of 10,000 trials: writes
// such a study (through the engine's Study and the store, a simulated clock giving each trial
// its own duration) into a fresh data folder, starts `frontier serve` on it, opens the study in
// Chromium, scrolls the table one step per animation frame from top to bottom, and prints the
// median and 95th percentile of the frame times and how many rows the DOM held. Asserts nothing
// (STYLE.md); the screenshot goes to test-results/trial-table-10k.png.
//
//   npx electron-vite build && npx tsx test/bench/trial-table-scroll.ts [--trials 10000]

import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { FORECAST_OBJECTIVES, type StudyConfig } from '../../src-main/engine/hpo/study-config'
import { defaultSearchSpace } from '../../src-main/engine/hpo/default-spaces'
import { Study } from '../../src-main/engine/hpo/study'
import { StudyStore } from '../../src-main/engine/store/study-store'
import { artifacts, openServeSession } from '../e2e/serve-session'
import { seeded } from '../helpers/seeded-random'
import { argument, median } from './bench-cli'

const TRIALS = Number(argument('trials') ?? 10_000)
const STEPS = 400

function config(trials: number): StudyConfig {
  return {
    name: `scroll_${trials}`,
    model: 'NHITS_Q',
    dataset: {
      hash: '00',
      name: 'bench',
      columns: ['t', 'y'],
      target: 'y',
      split: { kind: 'fractions', train: 0.7, val: 0.2, test: 0.1 },
    },
    space: defaultSearchSpace('NHITS_Q'),
    objectives: FORECAST_OBJECTIVES,
    sampler: { name: 'random' },
    pruner: { name: 'none' },
    seed: 7,
    budget: { trials, seconds: null },
  }
}

/** A finished study of `trials` trials: mostly complete, some pruned and failed. */
async function writeStudy(path: string, trials: number): Promise<void> {
  const random = seeded(11)
  let clock = Date.UTC(2026, 0, 1)
  const study = Study.create(config(trials), { now: () => clock })
  while (study.canAsk()) {
    const { trialId, params } = await study.ask()
    study.report(trialId, 0, { loss: 1 + random() })
    clock += 5_000 + Math.round(random() * 60_000)
    const r = random()
    if (r < 0.08) await study.tell(trialId, { state: 'pruned', provider: 'cpu' })
    else if (r < 0.11)
      await study.tell(trialId, {
        state: 'failed',
        code: 'DIVERGED',
        reason: 'The loss went NaN at epoch 3.',
      })
    else
      await study.tell(trialId, {
        state: 'complete',
        values: [3 + (params.lr as number) * 500 + random(), random() * 20],
        provider: 'cpu',
      })
  }
  const store = await StudyStore.create(path, study.data)
  await store.close()
}

interface ScrollResult {
  frames: number[]
  maxRows: number
  scrollHeight: number
  bottom: string | null
}

// Runs in the page (this file is typed for Node, without the DOM): one scroll step per
// animation frame from top to bottom, each frame's interval, the most rows the DOM held.
const SCROLL_IN_PAGE = `async (steps) => {
  const el = document.querySelector('[data-testid=trial-table-scroll]')
  if (!el) throw new Error('no trial table')
  const stride = (el.scrollHeight - el.clientHeight) / steps
  const frames = []
  let maxRows = 0
  await new Promise((done) => {
    let last = performance.now()
    let i = 0
    const step = (t) => {
      frames.push(t - last)
      last = t
      maxRows = Math.max(maxRows, el.querySelectorAll('[data-testid=trial-row]').length)
      if (++i > steps) return done()
      el.scrollTop = Math.round(i * stride)
      requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })
  const rows = el.querySelectorAll('[data-testid=trial-row]')
  const bottom = rows.length > 0 ? rows[rows.length - 1].getAttribute('data-trial') : null
  return { frames: frames.slice(1), maxRows, scrollHeight: el.scrollHeight, bottom }
}`

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]
}

const started = Date.now()
const session = await openServeSession({
  viewportHeight: 1000,
  prepare: (dir) => writeStudy(join(dir, 'studies', 'bench', `scroll_${TRIALS}.json`), TRIALS),
})
try {
  console.log(
    `study of ${TRIALS} trials written and served in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  const { page } = session
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(session.url)
  await page.getByRole('button', { name: 'Studies', exact: true }).click()
  const opened = Date.now()
  await page.locator('[data-testid=trial-row]').first().waitFor({ timeout: 60_000 })
  console.log(`table shown ${((Date.now() - opened) / 1000).toFixed(2)} s after opening the view`)
  const result = (await page.evaluate(`(${SCROLL_IN_PAGE})(${STEPS})`)) as ScrollResult
  await mkdir(artifacts, { recursive: true })
  await page.screenshot({ path: join(artifacts, 'trial-table-10k.png') })
  console.log(
    `scrolled ${STEPS} frames over ${result.scrollHeight} px: median ${median(result.frames).toFixed(1)} ms, ` +
      `p95 ${percentile(result.frames, 0.95).toFixed(1)} ms, max ${Math.max(...result.frames).toFixed(1)} ms per frame; ` +
      `at most ${result.maxRows} rows in the DOM; last row shown at the bottom: trial ${result.bottom}`,
  )
  if (errors.length > 0) console.log(`page errors:\n${errors.join('\n')}`)
} finally {
  await session.close()
}
