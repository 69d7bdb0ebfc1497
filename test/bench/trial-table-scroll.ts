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
import { Study } from '../../src-main/engine/hpo/study'
import { StudyStore } from '../../src-main/engine/store/study-store'
import { artifacts, openServeSession } from '../e2e/serve-session'
import { seeded } from '../helpers/seeded-random'
import { nhitsConfig } from '../unit/engine/hpo/study-fixtures'
import { argument, median } from './bench-cli'

const TRIALS = Number(argument('trials') ?? 10_000)
const STEPS = 400

/** A finished study of `trials` trials: mostly complete, some pruned and failed. */
async function writeStudy(path: string, trials: number): Promise<void> {
  const random = seeded(11)
  let clock = Date.UTC(2026, 0, 1)
  const config = nhitsConfig({
    name: `scroll_${trials}`,
    sampler: { name: 'random' },
    budget: { trials, seconds: null },
  })
  const study = Study.create(config, { now: () => clock })
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
  /** ms of script and layout per scroll step */
  work: number[]
  maxRows: number
  scrollHeight: number
  bottom: string | null
}

// Runs in the page (this file is typed for Node, without the DOM): one scroll step per
// animation frame from top to bottom, each frame's interval, the most rows the DOM held.
const SCROLL_IN_PAGE = `async ({ steps, stride: fixed }) => {
  const el = document.querySelector('[data-testid=trial-table-scroll]')
  if (!el) throw new Error('no trial table')
  // stride 0: stand still (the baseline); null: top to bottom in the given steps.
  const stride = fixed ?? (el.scrollHeight - el.clientHeight) / steps
  const frames = []
  const work = []
  let maxRows = 0
  // The work one scroll step costs, apart from when the machine lets the frame run: from the
  // scroll event (the table's own listener runs first) through Svelte's update, flushed in a
  // microtask, to a forced layout of the new rows.
  const onScroll = () => {
    const t0 = performance.now()
    queueMicrotask(() =>
      queueMicrotask(() => {
        void el.offsetHeight
        work.push(performance.now() - t0)
      }),
    )
  }
  el.addEventListener('scroll', onScroll)
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
  el.removeEventListener('scroll', onScroll)
  const rows = el.querySelectorAll('[data-testid=trial-row]')
  const bottom = rows.length > 0 ? rows[rows.length - 1].getAttribute('data-trial') : null
  return { frames: frames.slice(1), work, maxRows, scrollHeight: el.scrollHeight, bottom }
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
  const scroll = async (stride: number | null) =>
    (await page.evaluate(
      `(${SCROLL_IN_PAGE})(${JSON.stringify({ steps: STEPS, stride })})`,
    )) as ScrollResult
  const summary = (r: ScrollResult) =>
    `median ${median(r.frames).toFixed(1)} ms, p95 ${percentile(r.frames, 0.95).toFixed(1)} ms, ` +
    `max ${Math.max(...r.frames).toFixed(1)} ms per frame` +
    (r.work.length > 0
      ? `; update and layout per step median ${median(r.work).toFixed(2)} ms, p95 ${percentile(r.work, 0.95).toFixed(2)} ms`
      : '') +
    `; at most ${r.maxRows} rows in the DOM`
  // The page standing still gives the frame rate this machine manages anyway.
  const still = await scroll(0)
  console.log(`standing still, ${STEPS} frames: ${summary(still)}`)
  // Three rows a frame is a brisk wheel; the whole list in STEPS frames jumps ~25 rows a frame.
  await page.evaluate(`document.querySelector('[data-testid=trial-table-scroll]').scrollTop = 0`)
  const wheel = await scroll(72)
  console.log(`scrolling 72 px a frame: ${summary(wheel)}`)
  await page.evaluate(`document.querySelector('[data-testid=trial-table-scroll]').scrollTop = 0`)
  const result = await scroll(null)
  await mkdir(artifacts, { recursive: true })
  await page.screenshot({ path: join(artifacts, 'trial-table-10k.png') })
  console.log(
    `top to bottom (${result.scrollHeight} px) in ${STEPS} frames: ${summary(result)}; ` +
      `last row at the bottom: trial ${result.bottom}`,
  )
  console.log(
    `median frame time against standing still: ${(median(wheel.frames) / median(still.frames)).toFixed(2)} (72 px a frame), ` +
      `${(median(result.frames) / median(still.frames)).toFixed(2)} (top to bottom)`,
  )
  if (errors.length > 0) console.log(`page errors:\n${errors.join('\n')}`)
} finally {
  await session.close()
}
