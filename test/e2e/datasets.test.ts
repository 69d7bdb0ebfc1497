// The Datasets view end to end, in browser mode: `frontier serve` on a free port with a fresh
// data folder, Debian's Chromium driven by playwright-core (see serve-session.ts).
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetRecord, DatasetSummary } from '../../src-main/engine/data/types'
import { apiRequest, artifacts, openServeSession, root, type ServeSession } from './serve-session'

const heatCsv = join(root, 'resources/datasets/heat.csv')
const pandasSeriesCsv = join(root, 'test/fixtures/csv-pandas/district_heat.csv')

async function currentRecord(url: string): Promise<DatasetRecord> {
  const list = await apiRequest<DatasetSummary[]>(url, 'datasets:list', {})
  expect(list).toHaveLength(1)
  return apiRequest<DatasetRecord>(url, 'datasets:get', { id: list[0].id })
}

const resolvedTrain = (page: Page) =>
  page.locator('[data-testid=resolved-train]').innerText({ timeout: 10_000 })

describe('Datasets view in the browser', () => {
  let session: ServeSession
  let url = ''
  let page: Page

  beforeAll(async () => {
    session = await openServeSession({ viewportHeight: 1100 })
    url = session.url
    page = session.page
  })

  afterAll(async () => {
    await session?.close()
  })

  it('imports heat.csv, profiles it, draws it, and takes a new split', async () => {
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))

    await page.goto(url)
    // The token leaves the address bar once the page has it.
    await expect.poll(() => page.url()).not.toContain('token=')

    // A fresh data folder: both list views say how to begin.
    await page.getByRole('heading', { name: 'No dataset selected' }).waitFor({ timeout: 20_000 })
    expect(await page.locator('section[aria-labelledby=datasets-title]').innerText()).toContain(
      'No datasets yet. Import a CSV or load a demo.',
    )
    await page.getByRole('button', { name: 'Studies', exact: true }).click()
    await page.getByRole('heading', { name: 'No study yet' }).waitFor({ timeout: 20_000 })
    expect(await page.locator('section[aria-labelledby=studies-title]').innerText()).toContain(
      'No studies in the data folder yet.',
    )
    await page.getByRole('button', { name: 'Datasets', exact: true }).click()

    await page.setInputFiles('[data-testid=file-input]', heatCsv)
    // Either the profile arrives or the import fails; a failure is reported with its message.
    await page.waitForSelector('[data-testid=frequency], [data-testid=error]', { timeout: 60_000 })
    const importError = page.locator('[data-testid=error]')
    if ((await importError.count()) > 0) {
      throw new Error(`The import failed: ${await importError.first().innerText()}`)
    }
    expect(await page.locator('[data-testid=frequency]').textContent()).toBe('1h')

    // The chart asked for buckets and drew the line.
    const line = page.locator('[data-testid=series-chart] svg path.line')
    await expect
      .poll(async () => ((await line.getAttribute('d')) ?? '').length, { timeout: 20_000 })
      .toBeGreaterThan(100)

    // The gap count is the profile's missing-value runs of the target column.
    const record = await currentRecord(url)
    const expectedGaps = record.profile.gaps.filter((g) => g.column === record.roles.target).length
    expect(expectedGaps).toBeGreaterThan(0)
    expect(Number(await page.locator('[data-testid=gap-count]').textContent())).toBe(expectedGaps)
    expect(record.profile.absentRuns.length).toBeGreaterThan(0)
    // Absent rows are shaded on the chart too.
    expect(await page.locator('[data-testid=series-chart] rect.absent').count()).toBeGreaterThan(0)

    // A 60/25/15 split through the share inputs.
    const before = await resolvedTrain(page)
    await page.getByLabel('Shares').check()
    await page.fill('[data-testid=split-train]', '60')
    await page.fill('[data-testid=split-val]', '25')
    await page.fill('[data-testid=split-test]', '15')
    await page.click('[data-testid=split-apply]')
    await expect.poll(() => resolvedTrain(page), { timeout: 20_000 }).not.toBe(before)

    const after = await currentRecord(url)
    expect(after.split).toEqual({ kind: 'fractions', train: 0.6, val: 0.25, test: 0.15 })
    const trainHours = (after.resolvedSplit.trainEnd * after.profile.frequencyMs) / 3_600_000
    expect(await resolvedTrain(page)).toContain(`${trainHours.toLocaleString('en-US')} h`)

    await mkdir(artifacts, { recursive: true })
    await page.screenshot({ path: join(artifacts, 'datasets.png') })
    expect(pageErrors).toEqual([])
  })

  it('imports a pandas series (",0"), names its columns, and renames one for good', async () => {
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    const names = page.locator('[data-testid=stats-table] [data-testid=column-name]')
    const statsTable = page.locator('[data-testid=stats-table]')

    await page.setInputFiles('[data-testid=file-input]', pandasSeriesCsv)
    await expect.poll(() => names.allInnerTexts(), { timeout: 60_000 }).toEqual(['district_heat'])
    // The header said "0"; the timestamps had no name at all.
    expect(await statsTable.locator('[data-testid=column-header]').innerText()).toBe(
      'in the file: “0”',
    )
    const panel = page.locator('section[aria-labelledby=stats-title]')
    expect(await panel.innerText()).toContain('Timestamps from column time (no name in the file)')
    expect(await page.locator('[data-testid=warnings]').innerText()).toContain(
      'the column headed "0" is called "district_heat", after the file',
    )
    await mkdir(artifacts, { recursive: true })
    await page.screenshot({ path: join(artifacts, 'pandas-series-imported.png') })

    // A calendar covariate's name is refused, with the reason.
    await page.click('[data-testid=column-rename]')
    await page.fill('[data-testid=column-name-input]', 'hour')
    await page.keyboard.press('Enter')
    const error = statsTable.locator('[data-testid=error]')
    await expect.poll(() => error.innerText(), { timeout: 10_000 }).toContain('INVALID_COLUMN_NAME')
    expect(await error.innerText()).toContain('calendar covariate')
    await panel.screenshot({ path: join(artifacts, 'pandas-series-rename-refused.png') })

    await page.fill('[data-testid=column-name-input]', 'heat')
    await page.keyboard.press('Enter')
    await expect.poll(() => names.allInnerTexts(), { timeout: 20_000 }).toEqual(['heat'])
    expect(await statsTable.locator('[data-testid=column-header]').innerText()).toBe(
      'in the file: “0”',
    )

    // After a reload, the name is still there, and the target went with it.
    await page.reload()
    // The dataset list's entry (the sidebar lists it too).
    await page
      .locator('[data-testid=dataset-list]')
      .getByRole('button', { name: /^district_heat/ })
      .click()
    await expect.poll(() => names.allInnerTexts(), { timeout: 20_000 }).toEqual(['heat'])
    const list = await apiRequest<DatasetSummary[]>(url, 'datasets:list', {})
    const summary = list.find((d) => d.fileName === 'district_heat.csv')
    const record = await apiRequest<DatasetRecord>(url, 'datasets:get', { id: summary?.id })
    expect(record.roles.target).toBe('heat')
    expect(record.profile.numericColumns).toEqual(['heat'])
    expect(record.profile.stats.find((s) => s.name === 'heat')?.missing).toBe(5)
    // The chart draws the renamed column.
    const line = page.locator('[data-testid=series-chart] svg path.line')
    await expect
      .poll(async () => ((await line.getAttribute('d')) ?? '').length, { timeout: 20_000 })
      .toBeGreaterThan(100)
    await page.screenshot({ path: join(artifacts, 'pandas-series-renamed.png'), fullPage: true })
    expect(pageErrors).toEqual([])
  })
  it('renames a dataset in the list and removes one only after the confirmation', async () => {
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    const list = page.locator('[data-testid=dataset-list]')
    const panel = page.locator('section[aria-labelledby=datasets-title]')
    const names = () => list.locator('.name').allInnerTexts()
    expect(await names()).toEqual(['heat', 'district_heat'])

    const pandasRow = list.locator('li', { hasText: 'district_heat' })
    await pandasRow.getByRole('button', { name: 'Rename' }).click()
    const input = pandasRow.getByLabel('New name for district_heat')
    expect(await input.inputValue()).toBe('district_heat')
    await panel.screenshot({ path: join(artifacts, 'dataset-list-rename.png') })
    await input.fill('district heat (pandas)')
    await input.press('Enter')
    await expect.poll(names, { timeout: 20_000 }).toEqual(['heat', 'district heat (pandas)'])
    const renamed = await apiRequest<DatasetSummary[]>(url, 'datasets:list', {})
    expect(renamed.map((d) => d.name)).toEqual(['heat', 'district heat (pandas)'])

    const heatRow = list.locator('li', { hasText: /^heat/ })
    await heatRow.getByRole('button', { name: 'Remove' }).click()
    const confirm = heatRow.getByRole('group', { name: 'Confirm removal' })
    expect(await confirm.innerText()).toContain('Remove “heat” from Frontier?')
    await panel.screenshot({ path: join(artifacts, 'dataset-list-remove.png') })
    // Keep is the safe choice: nothing is removed.
    await confirm.getByRole('button', { name: 'Keep' }).click()
    expect(await confirm.count()).toBe(0)
    expect(await names()).toEqual(['heat', 'district heat (pandas)'])

    await heatRow.getByRole('button', { name: 'Remove' }).click()
    await confirm.getByRole('button', { name: 'Remove' }).click()
    await expect.poll(names, { timeout: 20_000 }).toEqual(['district heat (pandas)'])
    const left = await apiRequest<DatasetSummary[]>(url, 'datasets:list', {})
    expect(left.map((d) => d.name)).toEqual(['district heat (pandas)'])
    expect(pageErrors).toEqual([])
  })
})
