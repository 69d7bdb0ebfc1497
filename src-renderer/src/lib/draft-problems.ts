// Where each problem of a draft is shown: at the field it names (a form field, or a search-space
// row by its parameter), or at the top when it names none or a field the form does not show —
// so no problem main reports is ever hidden.
import type { DraftProblem } from '@shared/study-views'

export interface PlacedProblems {
  at: Map<string, string[]>
  top: string[]
}

export function placeProblems(
  problems: readonly DraftProblem[],
  shownFields: readonly string[],
): PlacedProblems {
  const shown = new Set(shownFields)
  const at = new Map<string, string[]>()
  const top: string[] = []
  for (const { field, message } of problems) {
    if (field === null || !shown.has(field)) {
      top.push(message)
      continue
    }
    const list = at.get(field)
    if (list) {
      if (!list.includes(message)) list.push(message)
    } else at.set(field, [message])
  }
  return { at, top }
}
