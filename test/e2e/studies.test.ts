// The Studies view end to end, in browser mode: a small real study made by `frontier run` into a
// fresh data folder's studies/, `frontier serve` on it, Chromium opens the study, clicks
// "Confirm on test" and sees test metrics beside validation; reopening shows the stored result.
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StudyFile } from '../../src-main/engine/store/study-file'
import { runTinyStudy } from '../helpers/tiny-study'
import { artifacts, openServeSession, type ServeSession } from './serve-session'

const STUDY = 'NHITS_Q_heat/study_NHITS_Q_heat_e2e.json'

describe('Studies view in the browser', () => {
  let session: ServeSession
  let dataDir = ''
  let url = ''
  let page: Page

  beforeAll(async () => {
    // A study of three one-epoch trials of 8–16 wide networks, two origins: seconds, not minutes.
    session = await openServeSession({
      viewportHeight: 900,
      prepare: (dir) => {
        runTinyStudy('demo:heat', join(dir, 'studies'), 'e2e')
      },
    })
    dataDir = session.dataDir
    url = session.url
    page = session.page
  })

  afterAll(async () => {
    await session?.close()
  })

  it('opens a study, confirms its front on the test split and shows test beside validation', async () => {
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(url)
    await page.getByRole('button', { name: 'Studies', exact: true }).click()

    const list = page.locator('[data-testid=study-list]')
    await expect.poll(() => list.innerText(), { timeout: 20_000 }).toContain('NHITS_Q_heat_e2e')
    expect(await list.innerText()).toMatch(/NHITS_Q · heat · 3 trials/)
    await list.getByRole('button', { name: /NHITS_Q_heat_e2e/ }).click()

    const rows = page.locator('[data-testid=front-row]')
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(0)
    const study = JSON.parse(await readFile(join(dataDir, 'studies', STUDY), 'utf8')) as StudyFile
    const count = await rows.count()
    // Validation MAE per front row, as the study file holds it; no test column yet.
    for (let i = 0; i < count; i++) {
      const trial = Number(await rows.nth(i).getAttribute('data-trial'))
      const mae = study.trials[trial].values?.[0] ?? NaN
      expect(await rows.nth(i).locator('[data-testid=val-mae]').innerText()).toBe(mae.toFixed(3))
    }
    expect(await page.locator('[data-testid=test-mae]').count()).toBe(0)
    await mkdir(artifacts, { recursive: true })
    await page.screenshot({ path: join(artifacts, 'studies-before-confirm.png') })

    const button = page.locator('[data-testid=confirm-test]')
    expect(await button.innerText()).toBe('Confirm on test')
    await button.click()
    await expect
      .poll(() => page.locator('[data-testid=test-mae]').count(), { timeout: 60_000 })
      .toBe(count)
    const error = page.locator('[data-testid=error]')
    expect(await error.count(), await error.allInnerTexts().then((t) => t.join('\n'))).toBe(0)

    // Test beside validation, as stored in the study file, the change coloured.
    const confirmed = JSON.parse(
      await readFile(join(dataDir, 'studies', STUDY), 'utf8'),
    ) as StudyFile
    expect(confirmed.confirmations).toHaveLength(count)
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i)
      const trial = Number(await row.getAttribute('data-trial'))
      const c = confirmed.confirmations.find((x) => x.trial === trial)
      expect(await row.locator('[data-testid=test-mae]').innerText()).toBe(
        c?.metrics.mae.toFixed(3),
      )
      expect(await row.locator('[data-testid=test-picp]').innerText()).toBe(
        c?.metrics.picp.toFixed(1),
      )
      const change = row.locator('[data-testid=change-mae]')
      const worse = (c?.values[0] ?? 0) > (confirmed.trials[trial].values?.[0] ?? 0)
      expect(await change.getAttribute('class')).toContain(worse ? 'worse' : 'better')
      expect(await change.innerText()).toMatch(worse ? /^\+\d+\.\d %$/ : /^−\d+\.\d %$/)
    }
    expect(await page.locator('[data-testid=confirmed-at]').innerText()).toMatch(
      /Confirmed on the test split \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: 2 origins × 24 steps, 2021-03-22 to 2021-03-23/,
    )
    expect(await button.innerText()).toBe('Confirm on test again')
    await page.screenshot({ path: join(artifacts, 'studies-confirmed.png'), fullPage: true })

    // A fresh page shows the stored confirmation at once, without confirming again.
    await page.reload()
    await page.getByRole('button', { name: 'Studies', exact: true }).click()
    await expect
      .poll(() => page.locator('[data-testid=test-mae]').count(), { timeout: 20_000 })
      .toBe(count)
    expect(await page.locator('[data-testid=study-list]').innerText()).toMatch(
      /confirmed on test \d{4}-\d{2}-\d{2}/,
    )
    expect(pageErrors).toEqual([])
  })
})
