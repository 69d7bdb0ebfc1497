// Dragging a split line: the wrapper keeps only the handle and its pixel position; this is the
// one function that turns that pixel into instants. It snaps to the data's grid and keeps the
// order training start < validation < test with at least one step each, so what is drawn while dragging
// is a split main could accept (main still checks the length requirements and may refuse).
import type { ScaleTime } from 'd3'
import type { Domain, SplitHandle, SplitTimes } from './types'

export interface DragState {
  handle: SplitHandle
  /** Pointer x in SVG pixels. */
  px: number
}

export function splitFromDrag(
  scale: Pick<ScaleTime<number, number>, 'invert'>,
  extent: Domain,
  stepMs: number,
  current: SplitTimes,
  drag: DragState,
): SplitTimes {
  const raw = scale.invert(drag.px).getTime()
  const t = snapToGrid(raw, extent[0], stepMs)
  // Boundaries are first instants of a part: the earliest is the second grid instant, the
  // latest the last one, and the two must differ by a step.
  // The training start may sit on the first row and must stay a step before the training end.
  const start = current.trainStart ?? extent[0]
  const first = start + stepMs
  const last = extent[1]
  if (drag.handle === 'trainStart') {
    return { ...current, trainStart: clamp(t, extent[0], current.trainEnd - stepMs) }
  }
  if (drag.handle === 'trainEnd') {
    return { ...current, trainEnd: clamp(t, first, current.valEnd - stepMs) }
  }
  return { ...current, valEnd: clamp(t, current.trainEnd + stepMs, last) }
}

export function snapToGrid(t: number, origin: number, stepMs: number): number {
  return origin + Math.round((t - origin) / stepMs) * stepMs
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi)
}
