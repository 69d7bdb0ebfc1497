import { describe, expect, it } from 'vitest'
import type { ModelOption } from '@shared/study-views'
import {
  defaultForm,
  defaultStudyName,
  draftFromForm,
  formFromSettings,
  type StudyForm,
} from '../../../src-renderer/src/lib/study-form'
import { DATASET, studySettings } from './study-setup-fixtures'

const model: ModelOption = {
  name: 'NHITS_Q',
  space: {
    num_stacks: { kind: 'int', low: 2, high: 5 },
    layer_widths: { kind: 'categorical', choices: [256, 512] },
    lr: { kind: 'float', low: 1e-5, high: 1e-2, log: true },
  },
  params: [],
  defaults: { epochs: 15, batchSize: 256, inputLength: 168, horizon: 24, origins: 10 },
}

const form = (edit: Partial<StudyForm> = {}): StudyForm => ({
  ...defaultForm(model, DATASET, 'heat run'),
  ...edit,
})

describe('draftFromForm', () => {
  it('turns the default form into the draft main checks', () => {
    const r = draftFromForm(form(), 'tpe')
    expect(r).toEqual({
      ok: true,
      draft: {
        name: 'heat run',
        datasetId: DATASET,
        model: 'NHITS_Q',
        space: model.space,
        picpTarget: 80,
        origins: 10,
        horizon: 24,
        inputLength: 168,
        budget: { trials: 50, seconds: null },
        epochs: 15,
        batchSize: 256,
        sampler: 'tpe',
        pruner: 'none',
        workers: null,
        provider: 'auto',
        seed: 42,
        timeoutS: null,
      },
    })
  })

  it('sends the sampler the user picked, else the one the budget suggests', () => {
    const picked = draftFromForm(form({ sampler: 'random' }), 'tpe')
    expect(picked.ok && picked.draft.sampler).toBe('random')
  })

  it('reads optional fields left empty as absent or null', () => {
    const r = draftFromForm(
      form({
        inputLength: '',
        epochs: '',
        batchSize: '',
        trials: '',
        duration: '2 h',
        timeout: '10 min',
      }),
      'tpe',
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.draft).not.toHaveProperty('inputLength')
    expect(r.draft).not.toHaveProperty('epochs')
    expect(r.draft.budget).toEqual({ trials: null, seconds: 7200 })
    expect(r.draft.timeoutS).toBe(600)
  })

  it('gives each field that does not read its own message, keyed as main keys them', () => {
    const bad = form({ origins: 'ten', horizon: '24.5', trials: '', duration: '', epochs: '1e' })
    bad.space = bad.space.map((row) => (row.name === 'lr' ? { ...row, low: '1e-' } : row))
    expect(draftFromForm(bad, 'tpe')).toEqual({
      ok: false,
      problems: [
        { field: 'origins', message: 'Origins: "ten" is not a number.' },
        { field: 'horizon', message: 'Horizon: 24.5 is not a whole number.' },
        { field: 'epochs', message: 'Epochs: "1e" is not a number.' },
        { field: 'budget', message: 'Budget: give a number of trials, a time, or both.' },
        { field: 'lr', message: 'lr: low: "1e-" is not a number.' },
      ],
    })
  })

  it('names schema problems at their field in the form’s words', () => {
    const r = draftFromForm(form({ name: 'a/b', origins: '900', picpTarget: '100' }), 'tpe')
    expect(r).toEqual({
      ok: false,
      problems: [
        { field: 'name', message: 'Name: a study name uses letters, digits, spaces, _ . and -.' },
        { field: 'picpTarget', message: 'PICP target: must be below 100.' },
        { field: 'origins', message: 'Origins: at most 500.' },
      ],
    })
    expect(draftFromForm(form({ name: '  ' }), 'tpe')).toEqual({
      ok: false,
      problems: [{ field: 'name', message: 'Name: give the study a name.' }],
    })
    expect(draftFromForm(form({ datasetId: '' }), 'tpe')).toEqual({
      ok: false,
      problems: [{ field: 'datasetId', message: 'Dataset: choose one.' }],
    })
  })

  it('names the trials when the trial budget does not read', () => {
    expect(draftFromForm(form({ trials: '1e' }), 'tpe')).toEqual({
      ok: false,
      problems: [{ field: 'budget', message: 'Trials: "1e" is not a number.' }],
    })
  })

  it('reads pruner options, leaving empty ones to the pruner', () => {
    const r = draftFromForm(
      form({ pruner: 'dominance', prunerOptions: { maxChance: '0.4', window: '' } }),
      'tpe',
    )
    expect(r.ok && r.draft.prunerOptions).toEqual({ maxChance: 0.4 })
  })
})

describe('formFromSettings', () => {
  const settings = studySettings({
    space: model.space,
    sampler: 'gp',
    pruner: 'median',
    prunerOptions: { warmupSteps: 2 },
    seed: 7,
    budget: { trials: 20, seconds: 3600 },
    picpTarget: 85,
    epochs: 3,
    batchSize: 128,
    origins: 5,
  })

  it('prefills every setting of the study and makes the same draft', () => {
    const f = formFromSettings(settings, 'b'.repeat(64), 'copy')
    expect(f.sampler).toBe('gp')
    expect(f.duration).toBe('1 h')
    const r = draftFromForm(f, 'tpe')
    expect(r).toEqual({
      ok: true,
      draft: {
        name: 'copy',
        datasetId: DATASET,
        model: 'NHITS_Q',
        space: model.space,
        picpTarget: 85,
        origins: 5,
        horizon: 24,
        inputLength: 168,
        budget: { trials: 20, seconds: 3600 },
        epochs: 3,
        batchSize: 128,
        sampler: 'gp',
        pruner: 'median',
        prunerOptions: { warmupSteps: 2 },
        workers: 2,
        provider: 'cpu',
        seed: 7,
        timeoutS: null,
      },
    })
  })

  it('uses the chosen dataset when the study names none, and auto for an unknown provider', () => {
    const f = formFromSettings(
      { ...settings, datasetId: null, provider: 'rocm' },
      'b'.repeat(64),
      'x',
    )
    expect(f.datasetId).toBe('b'.repeat(64))
    expect(f.provider).toBe('auto')
  })
})

describe('defaultStudyName', () => {
  it('is the UTC minute, in characters a study name and its files accept', () => {
    expect(defaultStudyName(Date.UTC(2026, 11, 4, 4, 7))).toBe('study-20261204-0407')
  })
})
