// The run monitor end to end, in browser mode: a tiny study created through `studies:create`
// on a fresh data folder, started from the Studies view; its trials appear and complete without
// a reload; pause lets the running trials finish and starts no new one; resume goes on; one
// running trial is cancelled and its row says CANCELLED; the resources panel says there is no
// GPU; then `frontier serve` is stopped mid-run and started again, the study reopened and
// resumed: no completed trial is lost and the run finishes; last, it is deleted after a
// confirmation. No console errors throughout.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportResult } from '@shared/contract'
import type { StudyListEntry, TrialsPage } from '@shared/study-views'
import { TINY_SPLIT, tinyDraft } from '../helpers/tiny-draft'
import { apiRequest, artifacts, openServeSession, type ServeSession } from './serve-session'

const BUDGET = 8

describe('run monitor in the browser', () => {
  let session: ServeSession
  let url = ''
  let page: Page
  let studyId = ''
  const errors: string[] = []

  beforeAll(async () => {
    session = await openServeSession({ viewportHeight: 1500 })
    url = session.url
    page = session.page
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    const { dataset } = await apiRequest<ImportResult>(url, 'datasets:importDemo', { demo: 'heat' })
    // Two months of training, as the tiny study of the CLI tests: trials take seconds.
    await apiRequest(url, 'datasets:setSplit', {
      id: dataset.id,
      split: TINY_SPLIT,
    })
    const entry = await apiRequest<StudyListEntry>(url, 'studies:create', {
      draft: tinyDraft(dataset.id, { name: 'monitor e2e', trials: BUDGET, epochs: 4 }),
    })
    studyId = entry.id
    await mkdir(artifacts, { recursive: true })
  })

  afterAll(async () => {
    await session?.close()
  })

  const rows = () => page.locator('[data-testid=trial-row]')
  const inState = (state: string) => page.locator(`[data-testid=trial-row][data-state=${state}]`)
  const status = () => page.locator('[data-testid=study-status]').innerText()

  async function openStudy(): Promise<void> {
    await page.getByRole('button', { name: 'Studies', exact: true }).click()
    await page
      .locator('[data-testid=study-list]')
      .getByRole('button', { name: /monitor e2e/ })
      .click()
    await page.locator('[data-testid=run-header]').waitFor()
  }

  it('runs, pauses, resumes and cancels one trial, live', async () => {
    await page.goto(url)
    await openStudy()
    expect(await status()).toBe('new')
    await page.locator('[data-testid=study-start]').click()

    // Rows appear and complete by events alone: the page is never reloaded.
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBeGreaterThan(0)
    await expect.poll(status).toBe('running')
    const running = page.locator('[data-testid=running-trial]')
    await expect.poll(() => running.count(), { timeout: 30_000 }).toBeGreaterThan(0)
    await expect
      .poll(() => running.first().locator('[role=progressbar]').getAttribute('aria-valuenow'), {
        timeout: 60_000,
      })
      .not.toBe('0')
    await expect
      .poll(() => running.first().locator('path.curve-train').count(), { timeout: 30_000 })
      .toBe(1)
    await expect(page.locator('[data-testid=gpu-note]').innerText()).resolves.toMatch(
      /No GPU .*trials run on the CPU/,
    )
    await expect
      .poll(() => page.locator('[data-testid=resource-cpu] path.line').getAttribute('d'), {
        timeout: 20_000,
      })
      .toMatch(/^M/)
    await page.screenshot({ path: join(artifacts, 'run-monitor-running.png'), fullPage: true })
    // A running study cannot be deleted.
    expect(await page.locator('[data-testid=study-delete]').isDisabled()).toBe(true)
    await expect.poll(() => inState('complete').count(), { timeout: 90_000 }).toBeGreaterThan(0)
    expect(await page.locator('[data-testid=time-left]').innerText()).toMatch(/left/)

    // Pause: the running trials finish, no new one starts.
    await page.locator('[data-testid=study-pause]').click()
    await expect.poll(status).toBe('paused')
    await expect.poll(() => inState('running').count(), { timeout: 90_000 }).toBe(0)
    const pausedAt = await rows().count()
    await page.waitForTimeout(3000)
    expect(await rows().count()).toBe(pausedAt)
    expect(await status()).toBe('paused')

    // Resume: new trials start.
    await page.locator('[data-testid=study-resume]').click()
    await expect.poll(status).toBe('running')
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBeGreaterThan(pausedAt)

    // Cancel one running trial: it fails with CANCELLED and says so; the study goes on.
    const card = running.first()
    await card.waitFor({ timeout: 30_000 })
    const trial = Number(await card.getAttribute('data-trial'))
    await card.locator('[data-testid=cancel-trial]').click()
    const row = page.locator(`[data-testid=trial-row][data-trial="${trial}"]`)
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('failed')
    expect(await row.innerText()).toContain('CANCELLED')
    await row.getByRole('button', { name: `Open trial ${trial}` }).click()
    await expect
      .poll(() => page.locator('[data-testid=trial-error]').innerText(), { timeout: 10_000 })
      .toContain('CANCELLED')
    await page.getByRole('heading', { name: 'Parameters' }).waitFor({ timeout: 20_000 })
    expect(await status()).toBe('running')
    await page.screenshot({ path: join(artifacts, 'run-monitor-cancelled.png'), fullPage: true })
    // Half a minute in, the sparklines have a history to show.
    await page
      .locator('[data-testid=resources]')
      .screenshot({ path: join(artifacts, 'run-monitor-resources.png') })
    expect(errors).toEqual([])
  })

  it('resumes after serve restarted without losing a completed trial, and finishes', async () => {
    const complete = await inState('complete').count()
    // Leave the page before the server goes, so that its reconnect attempts log nothing.
    await page.goto('about:blank')
    url = await session.restart()
    const before = await apiRequest<TrialsPage>(url, 'studies:trials', {
      id: studyId,
      offset: 0,
      limit: 100,
    })
    const done = before.rows.filter((r) => r.state === 'complete').map((r) => r.number)
    expect(done.length).toBeGreaterThanOrEqual(complete)

    await page.goto(url)
    await openStudy()
    await expect.poll(status).toMatch(/^(stopped|interrupted)$/)
    await page.screenshot({ path: join(artifacts, 'run-monitor-reopened.png'), fullPage: true })
    const resume = page.locator('[data-testid=study-start]')
    expect(await resume.innerText()).toBe('Resume')
    await resume.click()
    await expect.poll(status, { timeout: 180_000, interval: 1000 }).toBe('finished')
    for (const n of done)
      expect(
        await page.locator(`[data-testid=trial-row][data-trial="${n}"]`).getAttribute('data-state'),
      ).toBe('complete')
    const ended = await page.locator('[data-testid=trial-row]:not([data-state=running])').count()
    expect(ended).toBeGreaterThanOrEqual(BUDGET)
    // A complete trial's detail: its metrics and its learning curve, read from the study.
    await page.getByRole('button', { name: `Open trial ${done[0]}` }).click()
    const detail = page.locator('[data-testid=trial-detail]')
    await detail.locator('[data-testid=trial-metrics]').waitFor({ timeout: 20_000 })
    expect(await detail.locator('[data-testid=trial-metrics]').innerText()).toMatch(/mae/)
    await expect.poll(() => detail.locator('path.curve-train').getAttribute('d')).toMatch(/^M.*L/)
    await page.screenshot({ path: join(artifacts, 'run-monitor-finished.png'), fullPage: true })

    // Deleting asks first; then the study is gone from the list and the folder.
    await page.locator('[data-testid=study-delete]').click()
    await page.locator('[data-testid=delete-confirm]').waitFor()
    await page.locator('[data-testid=delete-yes]').click()
    await page.getByText('No studies in the data folder yet.').waitFor({ timeout: 20_000 })
    await page.getByRole('heading', { name: 'No study yet' }).waitFor()
    await page.screenshot({ path: join(artifacts, 'run-monitor-deleted.png') })
    const left = await apiRequest<StudyListEntry[]>(url, 'studies:list', {})
    expect(left.map((s) => s.id)).not.toContain(studyId)
    expect(errors).toEqual([])
  }, 240_000)
})
