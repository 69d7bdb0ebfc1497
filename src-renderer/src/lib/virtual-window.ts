// Which rows of a long fixed-height list are in the DOM: those in the viewport plus a margin
// above and below, and the padding that stands in for the rest so the scrollbar stays true.

export interface VirtualWindow {
  /** First row index rendered (inclusive) and the end (exclusive). */
  start: number
  end: number
  /** Pixels above the first rendered row and below the last. */
  padTop: number
  padBottom: number
}

export function virtualWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 8,
): VirtualWindow {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 }
  // A scroll position left over from a longer list (before a filter) still shows its last rows.
  const first = Math.min(Math.floor(Math.max(0, scrollTop) / rowHeight), total - 1)
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1
  const start = Math.min(total, Math.max(0, first - overscan))
  const end = Math.min(total, first + visible + overscan)
  return { start, end, padTop: start * rowHeight, padBottom: (total - end) * rowHeight }
}
