import { describe, expect, it } from 'vitest'
import { RunDisplay, trialLine } from '../../../src-main/cli/run-display'
import { Study } from '../../../src-main/engine/hpo/study'
import type { TrialEnd } from '../../../src-main/worker/trial-process'
import { tinyConfig } from '../worker/trial-fixture'

function sink(isTTY: boolean) {
  const out = { text: '', isTTY, columns: 80, write: (t: string) => ((out.text += t), true) }
  return out
}

const end: TrialEnd = { state: 'pruned', epoch: 1, seconds: 2.5, peakRssBytes: 0 }

describe('trialLine', () => {
  it("gives a pruned trial the pruner's reason on a second line", async () => {
    const study = Study.create(
      tinyConfig({ pruner: { name: 'median', options: { warmupSteps: 0, minCompleted: 1 } } }),
    )
    const a = await study.ask()
    study.report(a.trialId, 1, { loss: 0.5 })
    await study.tell(a.trialId, { state: 'complete', values: [1, 1] })
    const b = await study.ask()
    study.report(b.trialId, 1, { loss: 2 })
    const record = await study.tell(b.trialId, { state: 'pruned' })
    expect(trialLine(record, 3).split('\n')).toEqual([
      'trial   1 pruned   at epoch 1  (3.0 s)',
      `      why: ${record.prunedReason}`,
    ])
    expect(record.prunedReason).toMatch(/above the median/)
  })
})

describe('RunDisplay', () => {
  it('on a terminal, redraws a block with the bar, the running trials and the best values', async () => {
    const study = Study.create(tinyConfig())
    const terminal = sink(true)
    const lines = sink(false)
    const display = new RunDisplay(study, terminal, lines)
    const { trialId, params } = await study.ask()
    display.event({ type: 'trial-started', trialId, params, pid: 1 })
    display.event({
      type: 'trial-progress',
      trialId,
      progress: {
        type: 'progress',
        trialId,
        phase: 'train',
        epoch: 2,
        epochs: 3,
        step: 5,
        totalSteps: 9,
        loss: 0.25,
      },
    })
    // Progress redraws are throttled; a state change forces one.
    display.event({ type: 'notice', message: 'hello' })
    expect(terminal.text).toMatch(/trials \[\.{24}\] 0\/4 {2}complete 0/)
    expect(terminal.text).toMatch(/ {2}#0 {2}epoch 2\/3 {2}step 5\/9 {2}loss 0\.2500/)
    expect(terminal.text).toMatch(/best so far: —/)
    const record = await study.tell(trialId, {
      state: 'complete',
      values: [5.5, 1.25],
      metrics: { picp: 78.75 },
    })
    display.event({ type: 'trial-finished', trialId, record, end })
    expect(lines.text).toBe(`note: hello\n${trialLine(record, 2.5)}\n`)
    // The block was erased (cursor up its height, clear to the end) before the line was written.
    expect(terminal.text).toContain('\x1b[3F\x1b[J')
    expect(terminal.text).toMatch(
      /best MAE 5\.500 \(#0\) {2}· {2}best \|PICP−target\| 1\.25 \(#0\)/,
    )
    display.done()
    expect(terminal.text.endsWith('\x1b[J')).toBe(true)
  })

  it('elsewhere, writes only the permanent lines, each notice once', async () => {
    const study = Study.create(tinyConfig())
    const lines = sink(false)
    const display = new RunDisplay(study, null, lines)
    display.event({ type: 'notice', message: 'No WebGPU adapter' })
    display.event({ type: 'notice', message: 'No WebGPU adapter' })
    const { trialId } = await study.ask()
    const record = await study.tell(trialId, {
      state: 'failed',
      code: 'DIVERGED',
      reason: 'NaN\nmore',
    })
    display.event({ type: 'trial-finished', trialId, record, end })
    expect(lines.text).toBe('note: No WebGPU adapter\ntrial   0 failed   DIVERGED: NaN\n')
  })
})
