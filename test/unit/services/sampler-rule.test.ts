// The default sampler follows the trial budget, in the app's setup and in `frontier run` alike.

import { describe, expect, it } from 'vitest'
import { runRequest } from '../../../src-main/cli/run-request'
import { defaultSearchSpace } from '../../../src-main/engine/hpo/default-spaces'
import { GP_MAX_TRIALS, suggestSampler } from '../../../src-main/services/sampler-rule'

describe('the sampler rule', () => {
  const space = defaultSearchSpace('NHITS_Q')

  it('suggests gp up to 200 trials, tpe beyond and for a time budget alone', () => {
    expect(suggestSampler(1, space)).toBe('gp')
    expect(suggestSampler(GP_MAX_TRIALS, space)).toBe('gp')
    expect(suggestSampler(GP_MAX_TRIALS + 1, space)).toBe('tpe')
    expect(suggestSampler(null, space)).toBe('tpe')
  })

  it('is what frontier run takes without --sampler', () => {
    expect(runRequest({ data: 'demo:heat' }).sampler).toBe('gp')
    expect(runRequest({ data: 'demo:heat', trials: '500' }).sampler).toBe('tpe')
    expect(runRequest({ data: 'demo:heat', sampler: 'random' }).sampler).toBe('random')
  })
})
