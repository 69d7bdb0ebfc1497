// The app shell end to end, in browser mode: empty states that say what to do, the sidebar's
// recent datasets and studies, shortcuts (and not while typing), the theme toggle remembered over
// a reload, a refused request shown as a toast with the service's code and message, and a study
// started and stopped by its shortcuts while its status dot follows.
// Screenshots of every view in both themes go to test-results/shell-*.png.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetSummary } from '@shared/dataset-types'
import type { StudyListEntry } from '@shared/study-views'
import { TINY_SPLIT, tinyDraft } from '../helpers/tiny-draft'
import { runTinyStudy } from '../helpers/tiny-study'
import { apiRequest, artifacts, openServeSession, root, type ServeSession } from './serve-session'

// In-page code runs from strings: this file is typed for Node, without the DOM.
const theme = (page: Page) => page.locator('html').getAttribute('data-theme')
const computed = (page: Page, selector: string, property: string) =>
  page.evaluate(
    `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`,
  ) as Promise<string>
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(artifacts, `shell-${name}.png`) })

describe('App shell in the browser', () => {
  let session: ServeSession
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    // A finished study of three one-epoch trials, so the sidebar has a study with its status.
    session = await openServeSession({
      viewportHeight: 900,
      prepare: (dir) => {
        runTinyStudy('demo:heat', join(dir, 'studies'), 'shell')
      },
    })
    page = session.page
    page.on('pageerror', (error) => pageErrors.push(error.message))
    // The system's theme is light, so the first look is the light theme.
    await page.emulateMedia({ colorScheme: 'light' })
    await mkdir(artifacts, { recursive: true })
  })

  afterAll(async () => {
    await session?.close()
  })

  it('says what to do with no dataset, and lists the study with its status', async () => {
    await page.goto(session.url)
    const empty = page.locator('[data-testid=empty-state]')
    await empty.waitFor({ timeout: 20_000 })
    expect(await empty.innerText()).toContain('No dataset selected')
    expect(await empty.getByRole('button', { name: 'Import a CSV…' }).isEnabled()).toBe(true)
    const recentDatasets = page.locator('[data-testid=recent-datasets]')
    expect(await recentDatasets.innerText()).toContain('None yet: import a CSV or a demo.')
    const recentStudies = page.locator('[data-testid=recent-studies]')
    await expect
      .poll(() => recentStudies.innerText(), { timeout: 20_000 })
      .toContain('NHITS_Q_heat_shell')
    expect(await recentStudies.locator('[data-status]').getAttribute('data-status')).toBe(
      'finished',
    )
    expect(await theme(page)).toBe('light')
    await shot(page, 'empty-light')
  })

  it('imports the demo by its shortcut and lists it in the sidebar', async () => {
    await page.keyboard.press('Shift+D')
    const recent = page.locator('[data-testid=recent-datasets]')
    await expect
      .poll(() => recent.innerText(), { timeout: 60_000 })
      .toContain('Demo: district heat')
    const line = page.locator('[data-testid=series-chart] svg path.line')
    await expect
      .poll(async () => ((await line.getAttribute('d')) ?? '').length, { timeout: 20_000 })
      .toBeGreaterThan(100)
    await shot(page, 'datasets-light')
  })

  it('navigates by shortcut, but not while typing in a field', async () => {
    await page.keyboard.press('2')
    await page.locator('[data-testid=study-list]').waitFor({ timeout: 10_000 })
    expect(
      await page.getByRole('button', { name: 'Studies', exact: true }).getAttribute('aria-current'),
    ).toBe('page')
    await shot(page, 'studies-light')
    await page.keyboard.press('1')
    await page.locator('[data-testid=dataset-list]').waitFor({ timeout: 10_000 })

    // Typing a 2 into the rename field stays in the field.
    await page.locator('[data-testid=dataset-list]').getByRole('button', { name: 'Rename' }).click()
    const field = page.getByLabel('New name for Demo: district heat')
    await field.press('End')
    await field.pressSequentially(' 2')
    expect(await field.inputValue()).toBe('Demo: district heat 2')
    expect(
      await page
        .getByRole('button', { name: 'Datasets', exact: true })
        .getAttribute('aria-current'),
    ).toBe('page')
    await field.press('Escape')

    // The overlay lists the shortcuts; Escape closes it.
    await page.keyboard.press('?')
    const overlay = page.locator('[data-testid=shortcuts]')
    await overlay.waitFor()
    expect(await overlay.innerText()).toContain('Import a CSV…')
    await page.keyboard.press('Escape')
    await overlay.waitFor({ state: 'detached' })
  })

  it('opens a dataset and a study from the sidebar', async () => {
    await page
      .locator('[data-testid=recent-studies]')
      .getByRole('button', { name: /NHITS_Q_heat_shell/ })
      .click()
    await expect
      .poll(() => page.locator('main h1').first().innerText(), { timeout: 20_000 })
      .toContain('NHITS_Q_heat_shell')
    await page
      .locator('[data-testid=recent-datasets]')
      .getByRole('button', { name: /Demo: district heat/ })
      .click()
    await expect
      .poll(() => page.locator('main h1').first().innerText(), { timeout: 20_000 })
      .toBe('Demo: district heat')
  })

  it('shows a refused request as a toast with the service’s code and message', async () => {
    // Ctrl+O opens the shell's file picker from wherever the focus is (not a field).
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 })
    await page.keyboard.press('Control+O')
    await (await chooser).setFiles(join(root, 'resources/datasets/water.csv'))
    const list = page.locator('[data-testid=dataset-list]')
    await expect.poll(() => list.innerText(), { timeout: 60_000 }).toContain('water')
    await list.getByRole('button', { name: 'Rename' }).last().click()
    const field = page.getByLabel('New name for water', { exact: true })
    await field.fill('demo: DISTRICT heat')
    await field.press('Enter')
    const toast = page.locator('[data-testid=toast][data-kind=error]')
    await toast.waitFor({ timeout: 10_000 })
    const text = await toast.innerText()
    expect(text).toContain('NAME_TAKEN')
    expect(text).toContain('Another dataset is already called “Demo: district heat”')
    expect(await page.locator('[data-testid=toasts]').getAttribute('aria-live')).toBe('polite')
    expect(await toast.getAttribute('role')).toBe('alert')
    await shot(page, 'toast-light')
    // Errors stay until dismissed.
    await page.waitForTimeout(5500)
    expect(await toast.count()).toBe(1)
    await toast.getByRole('button', { name: 'Dismiss' }).click()
    expect(await page.locator('[data-testid=toast]').count()).toBe(0)
    await field.press('Escape')
  })

  it('switches to the dark theme and keeps it over a reload', async () => {
    await page
      .locator('[data-testid=recent-datasets]')
      .getByRole('button', { name: /Demo: district heat/ })
      .click()
    await page.locator('[data-testid=theme-toggle]').click()
    expect(await theme(page)).toBe('dark')
    const background = () => computed(page, 'html', 'backgroundColor')
    expect(await background()).toBe('rgb(22, 25, 29)')
    await page.reload()
    await page.locator('[data-testid=dataset-list]').waitFor({ timeout: 20_000 })
    expect(await theme(page)).toBe('dark')
    // The chart's marks read the theme's variables.
    const line = page.locator('[data-testid=series-chart] svg path.line')
    await expect
      .poll(async () => ((await line.getAttribute('d')) ?? '').length, { timeout: 20_000 })
      .toBeGreaterThan(100)
    expect(await computed(page, '[data-testid=series-chart] svg path.line', 'stroke')).toBe(
      'rgb(106, 168, 236)',
    )
    await shot(page, 'datasets-dark')
    await page.keyboard.press('2')
    await page
      .locator('[data-testid=study-list]')
      .getByRole('button', { name: /NHITS_Q_heat_shell/ })
      .click()
    await page.waitForTimeout(1500)
    await shot(page, 'studies-dark')
    // Back by the shortcut; the choice is stored, so it outlasts a reload too.
    await page.keyboard.press('Shift+T')
    expect(await theme(page)).toBe('light')
    await page.reload()
    await page
      .locator('[data-testid=study-list], [data-testid=dataset-list]')
      .first()
      .waitFor({ timeout: 20_000 })
    expect(await theme(page)).toBe('light')
    expect(pageErrors).toEqual([])
  })
  it('starts, follows and stops a study by its shortcuts, its sidebar dot following', async () => {
    const datasets = await apiRequest<DatasetSummary[]>(session.url, 'datasets:list', {})
    const heat = datasets.find((d) => d.name === 'Demo: district heat')
    if (!heat) throw new Error('The heat demo is not in the registry.')
    await apiRequest(session.url, 'datasets:setSplit', { id: heat.id, split: TINY_SPLIT })
    await apiRequest<StudyListEntry>(session.url, 'studies:create', {
      draft: tinyDraft(heat.id, { name: 'shell live', trials: 6, epochs: 4 }),
    })
    const recent = page.locator('[data-testid=recent-studies]')
    const entry = recent.getByRole('button', { name: /shell live/ })
    await entry.waitFor({ timeout: 20_000 })
    const dot = entry.locator('[data-status]')
    expect(await dot.getAttribute('data-status')).toBe('new')
    await entry.click()
    await page.locator('[data-testid=run-header]').waitFor({ timeout: 20_000 })

    await page.keyboard.press('r')
    await expect.poll(() => dot.getAttribute('data-status'), { timeout: 30_000 }).toBe('running')
    await expect
      .poll(() => page.locator('[data-testid=trial-row]').count(), { timeout: 60_000 })
      .toBeGreaterThan(0)
    await shot(page, 'monitor-light')
    await page.keyboard.press('Shift+T')
    await page.waitForTimeout(3000)
    await shot(page, 'monitor-dark')
    await page.keyboard.press('Shift+T')

    await page.keyboard.press('Shift+S')
    await expect.poll(() => dot.getAttribute('data-status'), { timeout: 60_000 }).toBe('stopped')
    expect(pageErrors).toEqual([])
  })
})
