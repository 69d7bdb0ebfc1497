// Commands on the study open in the Studies view, offered as its status allows (the same rules
// as the monitor's buttons, study-status.ts). Only while that view shows the study, so that a
// refusal appears beside the controls it concerns.
import { APP_ACTIONS } from '@shared/app-actions'
import type { StudyDetailView } from '@shared/study-views'
import { studyCommands, type StudyCommands } from '../study-status'
import type { ActionApp, AppAction } from './action-app'

interface OpenStudy {
  study: StudyDetailView
  commands: StudyCommands
}

/** The study on screen and what its status allows, or null; nothing while a command runs. */
function openStudy(app: ActionApp): OpenStudy | null {
  const study = app.studies.selected
  if (app.navigation.route.view !== 'studies' || !study || app.run.busy !== null) return null
  const live = app.run.studyId === study.id ? app.run.status : null
  return { study, commands: studyCommands(live ?? study.status, study.settings !== null) }
}

export const startStudy: AppAction = {
  id: 'study.start',
  ...APP_ACTIONS['study.start'],
  group: 'Study',
  enabled: (app) => {
    const open = openStudy(app)
    return open !== null && (open.commands.start !== null || open.commands.resume)
  },
  run: (app) => {
    const open = openStudy(app)
    if (!open) return
    // A paused study resumes; a new, stopped or interrupted one starts (again).
    if (open.commands.resume) return app.run.resume(open.study.id)
    if (open.commands.start) return app.run.start(open.study.id)
  },
}

export const pauseStudy: AppAction = {
  id: 'study.pause',
  ...APP_ACTIONS['study.pause'],
  group: 'Study',
  enabled: (app) => openStudy(app)?.commands.pause === true,
  run: (app) => {
    const open = openStudy(app)
    if (open) return app.run.pause(open.study.id)
  },
}

export const stopStudy: AppAction = {
  id: 'study.stop',
  ...APP_ACTIONS['study.stop'],
  group: 'Study',
  enabled: (app) => openStudy(app)?.commands.cancel === true,
  run: (app) => {
    const open = openStudy(app)
    if (open) return app.run.cancel(open.study.id)
  },
}
