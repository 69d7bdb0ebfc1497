// Which commands the monitor offers in each status: start a new study, resume a stopped or
// interrupted one through studies:start, pause and stop a running one, delete only when idle.
import { describe, expect, it } from 'vitest'
import type { StudyStatus } from '@shared/study-views'
import { STATUS_TEXT, studyCommands } from '../../../src-renderer/src/lib/study-status'

describe('studyCommands', () => {
  it('offers Start for a new study and Resume for a stopped or interrupted one', () => {
    expect(studyCommands('new', true).start).toBe('Start')
    expect(studyCommands('stopped', true).start).toBe('Resume')
    expect(studyCommands('interrupted', true).start).toBe('Resume')
    expect(studyCommands('finished', true).start).toBeNull()
    expect(studyCommands('new', false).start).toBeNull()
  })

  it('pauses and stops a running study, resumes a paused one, cancels trials in both', () => {
    expect(studyCommands('running', true)).toMatchObject({
      start: null,
      pause: true,
      resume: false,
      cancel: true,
      cancelTrial: true,
      remove: false,
    })
    expect(studyCommands('paused', true)).toMatchObject({
      pause: false,
      resume: true,
      cancel: true,
    })
    expect(studyCommands('stopping', true)).toMatchObject({
      pause: false,
      resume: false,
      cancel: false,
      cancelTrial: false,
      remove: false,
    })
  })

  it('allows deleting only a study that does not run, and has words for every status', () => {
    const all: StudyStatus[] = [
      'new',
      'running',
      'paused',
      'stopping',
      'stopped',
      'interrupted',
      'finished',
    ]
    expect(all.filter((s) => studyCommands(s, true).remove)).toEqual([
      'new',
      'stopped',
      'interrupted',
      'finished',
    ])
    for (const s of all) expect(STATUS_TEXT[s].label).toBe(s)
  })
})
