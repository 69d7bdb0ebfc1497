// Constant runs and level shifts in the Datasets view, in browser mode: the gap-filled meter
// fixture's 744-hour run is listed with its length and value, shaded on the chart, and excluded
// from training until the user turns that off; the level-shift fixture's tenfold drop is listed,
// marked on the chart, and "Train from here" moves the split's training start onto it.
import { writeFile } from 'node:fs/promises'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetRecord, DatasetSummary } from '../../src-main/engine/data/types'
import { SHIFT_AT, makeLevelShift } from '../fixtures/level-shift/make-level-shift'
import { apiRequest, artifacts, openServeSession, root, type ServeSession } from './serve-session'

const meterCsv = join(root, 'test/fixtures/csv-real/meter-gap-filled.csv')

async function recordOf(url: string, fileName: string): Promise<DatasetRecord> {
  const list = await apiRequest<DatasetSummary[]>(url, 'datasets:list', {})
  const summary = list.find((d) => d.fileName === fileName)
  if (!summary) throw new Error(`${fileName} is not in the registry`)
  return apiRequest<DatasetRecord>(url, 'datasets:get', { id: summary.id })
}

/** Imports a file through the page and waits until its profile is shown (or the import fails). */
async function importFile(page: Page, path: string, name: string): Promise<void> {
  await page.setInputFiles('[data-testid=file-input]', path)
  const shown = page.locator('h1', { hasText: name })
  const error = page.locator('[data-testid=error]')
  await shown.or(error).first().waitFor({ timeout: 60_000 })
  if ((await error.count()) > 0) {
    throw new Error(`The import failed: ${await error.first().innerText()}`)
  }
  await page.waitForSelector('[data-testid=frequency]', { timeout: 20_000 })
}

describe('constant runs and level shifts in the Datasets view', () => {
  let session: ServeSession
  const pageErrors: string[] = []

  beforeAll(async () => {
    session = await openServeSession()
    session.page.on('pageerror', (error) => pageErrors.push(error.message))
    await mkdir(artifacts, { recursive: true })
  })

  afterAll(async () => {
    await session?.close()
  })

  it('lists the gap-filled run with its length and value, shades it, and toggles its exclusion', async () => {
    const { page, url } = session
    await page.goto(url)
    await importFile(page, meterCsv, 'meter-gap-filled')

    const runs = page.locator('[data-testid=warnings] button.run', { hasText: '744 steps' })
    await runs.first().waitFor({ timeout: 20_000 })
    const text = await runs.first().innerText()
    expect(text).toContain('flow_m3h')
    expect(text).toContain('1.192')
    expect(text).toContain('744 h')
    expect(text).toContain('2023-03-01 00:00')

    // Drawn: one shaded span over the plot and its band on the axis.
    const chart = page.locator('[data-testid=series-chart] svg')
    await expect
      .poll(() => chart.locator('rect.constant-shade').count(), { timeout: 20_000 })
      .toBe(1)
    expect(await chart.locator('rect.constant').count()).toBe(1)
    const shade = chart.locator('rect.constant-shade')
    expect(Number(await shade.getAttribute('width'))).toBeGreaterThan(50)

    // Excluded by default (24 h), and the view says so.
    const toggle = page.locator('[data-testid=exclude-constant]')
    expect(await toggle.isChecked()).toBe(true)
    expect(await page.locator('[data-testid=exclude-constant-hours]').inputValue()).toBe('24')
    expect(await page.locator('[data-testid=exclusion-state]').innerText()).toContain(
      '1 listed run qualifies',
    )
    expect((await recordOf(url, 'meter-gap-filled.csv')).split.excludeConstantHours).toBeUndefined()
    await page.screenshot({ path: join(artifacts, 'constant-run.png'), fullPage: true })

    await toggle.uncheck()
    await expect
      .poll(async () => (await recordOf(url, 'meter-gap-filled.csv')).split.excludeConstantHours)
      .toBe(0)
    await expect
      .poll(() => page.locator('[data-testid=exclusion-state]').innerText())
      .toContain('Off')
    await toggle.check()
    await expect
      .poll(async () => (await recordOf(url, 'meter-gap-filled.csv')).split.excludeConstantHours)
      .toBe(24)
  })

  it('marks the level shift and trains from it in one click', async () => {
    const { page, url, dataDir } = session
    const csv = join(dataDir, 'water-level-shift.csv')
    await writeFile(csv, makeLevelShift())
    await importFile(page, csv, 'water-level-shift')

    const shift = page.locator('[data-testid=level-shift]')
    await shift.first().waitFor({ timeout: 30_000 })
    expect(await shift.count()).toBe(1)
    expect(await shift.innerText()).toContain('2021-01-11 10:00')
    expect(await shift.innerText()).toContain('drops 10×')

    const chart = page.locator('[data-testid=series-chart] svg')
    await expect.poll(() => chart.locator('g.shift').count(), { timeout: 20_000 }).toBe(1)
    expect(await chart.locator('g.shift text').textContent()).toBe('÷10')
    const before = await page.locator('[data-testid=resolved-train]').innerText()
    expect(before).toContain('2019-01-01 00:00')

    await page.locator('[data-testid=level-shifts]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(artifacts, 'level-shift-before.png'), fullPage: true })
    await page.click('[data-testid=train-from-here]')
    await expect
      .poll(async () => (await recordOf(url, 'water-level-shift.csv')).split.trainStart, {
        timeout: 20_000,
      })
      .toBe(SHIFT_AT)
    const record = await recordOf(url, 'water-level-shift.csv')
    // Still the 70/20/10 shares: validation and test did not move.
    expect(record.split).toMatchObject({ kind: 'fractions', train: 0.7, val: 0.2, test: 0.1 })
    await expect
      .poll(() => page.locator('[data-testid=resolved-train]').innerText())
      .toContain('2021-01-11 10:00')
    await page.locator('[data-testid=train-start-here]').waitFor()
    expect(await page.locator('[data-testid=split-train-start]').inputValue()).toBe(
      '2021-01-11T10:00',
    )
    // The chart's third handle sits on the shift marker, and the old regime is greyed.
    const handle = chart.locator('g.split-trainStart')
    await expect
      .poll(() => handle.getAttribute('transform'))
      .toBe(await chart.locator('g.shift').getAttribute('transform'))
    expect(await chart.locator('rect.region-before').count()).toBe(1)
    await page.screenshot({ path: join(artifacts, 'level-shift.png'), fullPage: true })
    expect(pageErrors).toEqual([])
  })
})
