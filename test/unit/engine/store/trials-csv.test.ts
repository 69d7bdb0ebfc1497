import { describe, expect, it } from 'vitest'
import { Study } from '../../../../src-main/engine/hpo/study'
import { trialsCsv } from '../../../../src-main/engine/store/trials-csv'
import { fakeObjectives, nhitsConfig } from '../hpo/study-fixtures'

describe('trials CSV', () => {
  it('has one row per trial, objective, parameter and metric columns, and quotes what needs it', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z')
    const study = Study.create(nhitsConfig({ pruner: { name: 'median' } }), { now: () => now })
    const a = await study.ask()
    now += 2500
    await study.tell(a.trialId, {
      state: 'complete',
      values: fakeObjectives(a.params),
      metrics: { picp: 81.5 },
      provider: 'cpu',
    })
    const b = await study.ask()
    study.report(b.trialId, 0, { loss: 1 })
    await study.tell(b.trialId, { state: 'pruned' })
    const c = await study.ask()
    await study.tell(c.trialId, { state: 'failed', reason: 'CUDA said "no", then quit,\nbadly' })
    const lines = trialsCsv(study.data).split('\r\n')
    expect(lines[0]).toBe(
      'number,state,values_mae,values_picp_gap,params_num_stacks,params_num_blocks,params_num_layers,params_layer_widths,params_lr,params_dropout,params_weight_decay,metrics_picp,pruned_at_step,pruned_reason,started_at,finished_at,duration_s,provider,error_code,error_message',
    )
    const first = lines[1].split(',')
    expect(first.slice(0, 2)).toEqual(['0', 'complete'])
    expect(Number(first[2])).toBe(fakeObjectives(a.params)[0])
    expect(first[11]).toBe('81.5')
    expect(first[16]).toBe('2.5')
    expect(first[17]).toBe('cpu')
    expect(lines[2]).toMatch(/^1,pruned,,,/)
    expect(lines[3]).toContain('TRIAL_FAILED,"CUDA said ""no"", then quit,\nbadly"')
    expect(lines.at(-1)).toBe('')
  })
})
