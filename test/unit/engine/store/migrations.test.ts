import { describe, expect, it } from 'vitest'
import { MIGRATIONS, migrateStudyDocument } from '../../../../src-main/engine/store/migrations'
import { Study } from '../../../../src-main/engine/hpo/study'
import {
  CURRENT_SCHEMA_VERSION,
  studyFileSchema,
} from '../../../../src-main/engine/store/study-file'
import { nhitsConfig } from '../hpo/study-fixtures'

describe('study file migrations', () => {
  it('has a step for every version below the current one', () => {
    for (let v = 1; v < CURRENT_SCHEMA_VERSION; v++) expect(MIGRATIONS[v]).toBeTypeOf('function')
  })

  it('leaves a current document as it is', () => {
    const doc = { schemaVersion: CURRENT_SCHEMA_VERSION, trials: [] }
    expect(migrateStudyDocument(doc)).toEqual(doc)
  })

  it('applies steps in order up to the target version', () => {
    const steps = {
      1: (d: Record<string, unknown>) => ({ ...d, userPick: null }),
      2: (d: Record<string, unknown>) => ({ ...d, queue: [], note: `${String(d.note)}+2` }),
    }
    expect(migrateStudyDocument({ schemaVersion: 1, note: 'v1' }, steps, 3)).toEqual({
      schemaVersion: 3,
      note: 'v1+2',
      userPick: null,
      queue: [],
    })
  })

  it('brings a version-1 study file forward: its trials get no pruning reason', async () => {
    const study = Study.create(nhitsConfig())
    const { trialId } = await study.ask()
    await study.tell(trialId, { state: 'pruned' })
    const current = { ...structuredClone(study.data), schemaVersion: CURRENT_SCHEMA_VERSION }
    const v1Trial: Record<string, unknown> = { ...current.trials[0] }
    delete v1Trial.prunedReason
    const v1 = { ...current, schemaVersion: 1, trials: [v1Trial] }
    expect(studyFileSchema.safeParse(v1).success).toBe(false)
    const migrated = migrateStudyDocument(JSON.parse(JSON.stringify(v1)))
    const parsed = studyFileSchema.parse(migrated)
    expect(parsed.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(parsed.trials[0]).toMatchObject({ state: 'pruned', prunedReason: null })
  })

  it('brings a version-2 study file forward: it has no confirmations yet', async () => {
    const study = Study.create(nhitsConfig())
    const { trialId } = await study.ask()
    await study.tell(trialId, { state: 'complete', values: [1, 2], metrics: { mae: 1, picp: 78 } })
    const v2 = { ...structuredClone(study.data), schemaVersion: 2 }
    expect(studyFileSchema.safeParse(v2).success).toBe(false)
    const parsed = studyFileSchema.parse(migrateStudyDocument(JSON.parse(JSON.stringify(v2))))
    expect(parsed.schemaVersion).toBe(3)
    expect(parsed.confirmations).toEqual([])
    expect(parsed.trials).toEqual(JSON.parse(JSON.stringify(study.data.trials)))
  })

  it('refuses newer versions, unknown gaps and documents without a version', () => {
    expect(() => migrateStudyDocument({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 })).toThrow(
      /Update Frontier/,
    )
    expect(() => migrateStudyDocument({ schemaVersion: 1 }, {}, 2)).toThrow(/No migration/)
    expect(() => migrateStudyDocument([])).toThrow(/not a Frontier study file/)
  })
})
