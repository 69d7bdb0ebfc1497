// The study setup end to end, in browser mode: the empty state, the heat demo imported from the
// Datasets view, "New study" on it, a tiny study typed in (one range narrowed, the space made
// small), a field that does not read and an invalid range each shown at their row with Start
// disabled, Enter in the name field starting nothing, then Create and start: the study exists
// with the edited space, the route moves to the Studies view, and its trials run.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetSummary } from '@shared/dataset-types'
import type { StudyDetailView, StudyListEntry } from '@shared/study-views'
import { apiRequest, artifacts, openServeSession, type ServeSession } from './serve-session'

const NAME = 'e2e-setup'

describe('Study setup in the browser', () => {
  let session: ServeSession
  let url = ''
  let page: Page

  beforeAll(async () => {
    session = await openServeSession({ viewportHeight: 1400 })
    url = session.url
    page = session.page
  })

  afterAll(async () => {
    await session?.close()
  })

  const row = (name: string) => page.getByTestId(`space-row-${name}`)
  const rowProblems = (name: string) => page.getByTestId(`space-problems-${name}`)
  const start = () => page.getByTestId('start-study')
  const field = (name: string) => page.getByTestId(`field-${name}`)

  it('creates and starts a study with an edited space', async () => {
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await mkdir(artifacts, { recursive: true })

    await page.goto(url)
    await page.getByRole('button', { name: 'New study', exact: true }).click()
    await page.getByTestId('setup-empty').waitFor({ timeout: 20_000 })
    await page.screenshot({ path: join(artifacts, 'setup-empty.png') })

    await page.getByRole('button', { name: 'Open Datasets' }).click()
    await page.getByRole('button', { name: 'Load demo: district heat' }).click()
    await page.getByTestId('new-study').waitFor({ timeout: 60_000 })
    // Two months of training and 19 days of validation, as the tiny CLI study uses: seconds a trial.
    const [dataset] = await apiRequest<DatasetSummary[]>(url, 'datasets:list', {})
    await apiRequest(url, 'datasets:setSplit', {
      id: dataset.id,
      split: { kind: 'dates', trainEnd: Date.UTC(2021, 2, 1), valEnd: Date.UTC(2021, 2, 20) },
    })
    await page.getByTestId('new-study').click()
    await page.getByTestId('study-setup').waitFor({ timeout: 20_000 })
    expect(await field('datasetId').inputValue()).toBe(dataset.id)

    await field('name').fill(NAME)
    await field('origins').fill('2')
    await field('trials').fill('3')
    await field('epochs').fill('1')
    await field('workers').fill('2')
    await field('provider').selectOption('cpu')
    // One range narrowed, and the network made tiny.
    await row('num_stacks').getByLabel('num_stacks high').fill('3')
    for (const name of ['num_blocks', 'num_layers']) {
      await row(name).getByLabel(`${name} kind`).selectOption('categorical')
      await row(name).getByLabel(`${name} choices`).fill('1')
    }
    await row('layer_widths').getByLabel('layer_widths choices').fill('8, 16')
    await expect.poll(() => start().isEnabled(), { timeout: 20_000 }).toBe(true)
    expect(await page.getByTestId('configurations').innerText()).toBe('continuous')
    // The origins are drawn over the validation part.
    expect(await page.locator('[data-testid=series-chart] g.origin').count()).toBe(2)
    expect(await page.getByTestId('plan-summary').innerText()).toMatch(/^2 origins from 2021-03-/)

    // A bound that is not a number is named at its row before main is asked.
    const low = row('num_stacks').getByLabel('num_stacks low')
    await low.fill('two')
    expect((await rowProblems('num_stacks').innerText()).trim()).toBe(
      'num_stacks: low: "two" is not a number.',
    )
    expect(await start().isDisabled()).toBe(true)

    // Low above high: the engine's own message, at the row; Start says why it is disabled.
    await low.fill('4')
    await expect
      .poll(() => rowProblems('num_stacks').innerText(), { timeout: 20_000 })
      .toContain('num_stacks: low (4) must be below high (3)')
    expect(await start().isDisabled()).toBe(true)
    expect(await page.locator('#start-reason').innerText()).toBe('Fix the problem marked above.')
    expect(await low.getAttribute('aria-invalid')).toBe('true')
    await row('num_stacks').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(artifacts, 'setup-invalid.png'), fullPage: true })

    await low.fill('2')
    await expect.poll(() => start().isEnabled(), { timeout: 20_000 }).toBe(true)
    expect(await rowProblems('num_stacks').count()).toBe(0)
    await page.screenshot({ path: join(artifacts, 'setup-filled.png'), fullPage: true })

    // Enter in the name field ends the name; it does not start a study.
    await field('name').press('Enter')
    await page.waitForTimeout(500)
    expect(await apiRequest<StudyListEntry[]>(url, 'studies:list', {})).toEqual([])

    // Start by keyboard: Enter on the focused button submits the form.
    await start().focus()
    await page.keyboard.press('Enter')
    const studiesNav = page.getByRole('button', { name: 'Studies', exact: true })
    await expect
      .poll(() => studiesNav.getAttribute('aria-current'), { timeout: 30_000 })
      .toBe('page')
    const [entry] = await apiRequest<StudyListEntry[]>(url, 'studies:list', {})
    expect(entry.name).toContain(NAME)
    const study = await apiRequest<StudyDetailView>(url, 'studies:get', { id: entry.id })
    expect(study.settings?.space).toMatchObject({
      num_stacks: { kind: 'int', low: 2, high: 3 },
      num_blocks: { kind: 'categorical', choices: [1] },
      num_layers: { kind: 'categorical', choices: [1] },
      layer_widths: { kind: 'categorical', choices: [8, 16] },
      lr: { kind: 'float', low: 1e-5, high: 1e-2, log: true },
    })
    expect(study.settings).toMatchObject({
      budget: { trials: 3, seconds: null },
      epochs: 1,
      origins: 2,
      workers: 2,
      provider: 'cpu',
    })
    // It runs: the three trials end.
    await expect
      .poll(
        async () => {
          const [s] = await apiRequest<StudyListEntry[]>(url, 'studies:list', {})
          return s.complete + s.failed + s.pruned
        },
        { timeout: 90_000, interval: 1000 },
      )
      .toBe(3)
    const [done] = await apiRequest<StudyListEntry[]>(url, 'studies:list', {})
    expect(done.failed).toBe(0)

    // With trials of the model on this machine, a new setup estimates the time per trial.
    await page.getByRole('button', { name: 'New study', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('estimate').innerText(), { timeout: 20_000 })
      .toMatch(/^≈ \d+ (s|min)[^\n]* per trial/)
    expect(await page.getByTestId('estimate').innerText()).toMatch(/for 50 trials/)
    await page.screenshot({ path: join(artifacts, 'setup-estimate.png') })
    expect(pageErrors).toEqual([])
  })
})
