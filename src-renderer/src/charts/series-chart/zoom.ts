// x-only zoom and pan with d3-zoom. d3-zoom owns the transform (it must, to zoom about the
// pointer); this controller reports it as a visible time range and ignores its y part. Moves
// made here (reset, resize) are flagged so the caller can tell them from the user's.
import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3'
import type { Domain } from './types'
import { domainFromTransform, maxZoom, transformForDomain } from './view-domain'

export interface ZoomGeometry {
  extent: Domain
  stepMs: number
  /** Pixel range of the plot along x. */
  range: Domain
  height: number
}

export interface ZoomController {
  configure(geometry: ZoomGeometry): void
  show(view: Domain): void
  destroy(): void
}

export function attachZoom(
  svg: SVGSVGElement,
  onView: (view: Domain, byUser: boolean) => void,
): ZoomController {
  let geometry: ZoomGeometry | null = null
  const behavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    // Split handles have their own drag; the zoom must not pan under them.
    .filter((event: Event) => {
      const target = event.target instanceof Element ? event.target : null
      if (target?.closest('.split-handle')) return false
      const mouse = event as MouseEvent
      return (!mouse.ctrlKey || event.type === 'wheel') && !mouse.button
    })
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      if (!geometry) return
      onView(
        domainFromTransform(event.transform, geometry.extent, geometry.range),
        !!event.sourceEvent,
      )
    })
  const root = select(svg)
  root.call(behavior)

  return {
    configure(next) {
      geometry = next
      const [left, right] = next.range
      behavior
        .scaleExtent([1, maxZoom(next.extent, next.stepMs)])
        .extent([
          [left, 0],
          [right, next.height],
        ])
        .translateExtent([
          [left, 0],
          [right, next.height],
        ])
    },
    show(view) {
      if (!geometry) return
      const t = transformForDomain(view, geometry.extent, geometry.range)
      behavior.transform(root, zoomIdentity.translate(t.x, 0).scale(t.k))
    },
    destroy() {
      root.on('.zoom', null)
    },
  }
}
