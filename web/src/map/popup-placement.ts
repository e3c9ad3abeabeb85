/**
 * The map's one popup and where it lies: opened at a place with the content the app builds, then
 * the map pans (after the frame it opened in, or after a flight) until the popup lies in the part of
 * the map no control covers (the control box, the 示意图 note, the zoom buttons, the scale bar, the attribution);
 * and the features a service point's popup opens with from a list or a search, as a click would give them.
 */
import { Popup, type LngLatLike, type MapGeoJSONFeature, type Map as MapLibreMap } from 'maplibre-gl'
import type { ServicePointCollection } from '../api/types.ts'
import { localizeControls } from '../views/map-events.ts'
import { LAYERS, SOURCES } from './layer-ids.ts'

/** Pixels kept between a popup and the map's edge or what lies over the map. */
const POPUP_MARGIN = 8

/** A rectangle in page coordinates. */
interface Area {
  left: number
  top: number
  right: number
  bottom: number
}

/** A service point and the others at its spot (itself first) as a click on the points layer gives them, for its popup. */
export function asClickedPoints(feature: ServicePointCollection['features'][number], all: ServicePointCollection): MapGeoJSONFeature[] {
  const coords = feature.geometry.coordinates
  const sameSpot = all.features.filter((f) => f.geometry.coordinates.join() === coords.join())
  return [feature, ...sameSpot.filter((f) => f !== feature)].map(
    (f) =>
      ({
        layer: { id: LAYERS.pointsActive },
        source: SOURCES.points,
        properties: f.properties,
        id: f.id,
        geometry: f.geometry,
      }) as unknown as MapGeoJSONFeature,
  )
}

/** Owns the map's popup: at most one is open, and a new one replaces it. */
export class MapPopup {
  private popup: Popup | undefined

  constructor(
    private readonly map: MapLibreMap,
    /** The schematic note over the map (its top). */
    private readonly noteEl: HTMLElement,
    /** Width in pixels of what covers the map's left edge (the control box), 0 when nothing does. */
    private readonly leftInset: () => number,
  ) {}

  /** Opens a popup with the content at a place (closing the one open; null content only closes it), then pans it into the free area. */
  open(lngLat: LngLatLike, content: HTMLElement | null): void {
    this.popup?.remove()
    if (!content) return
    const width = this.map.getContainer().clientWidth
    const popup = new Popup({ maxWidth: `${Math.min(340, width - 2 * POPUP_MARGIN)}px`, focusAfterOpen: true, closeButton: true, offset: 10 })
      .setLngLat(lngLat)
      .setDOMContent(content)
      .addTo(this.map)
    this.popup = popup
    localizeControls(this.map.getContainer())
    // After a flight (search, 在地图上显示) the popup is fitted where the flight ends; the content may grow (a fetched point).
    const fit = () => this.fit(popup, 2)
    if (this.map.isMoving()) this.map.once('moveend', fit)
    else requestAnimationFrame(fit)
  }

  close(): void {
    this.popup?.remove()
  }

  /**
   * The part of the map no control covers, in page coordinates: right of the control box (when it
   * floats over the map), below the 示意图 note and the zoom buttons, above the scale bar and the attribution.
   */
  private freeArea(): Area {
    const container = this.map.getContainer()
    const box = container.getBoundingClientRect()
    // Only the part of the map in the window (a phone scrolls the map partly out of view).
    const free = {
      left: Math.max(box.left, 0) + POPUP_MARGIN,
      top: Math.max(box.top, 0) + POPUP_MARGIN,
      right: Math.min(box.right, window.innerWidth) - POPUP_MARGIN,
      bottom: Math.min(box.bottom, window.innerHeight) - POPUP_MARGIN,
    }
    const shown = (el: Element | null | undefined): DOMRect | null => {
      if (!(el instanceof HTMLElement) || el.hidden || el.offsetParent === null || el.childElementCount + (el.textContent?.length ?? 0) === 0) return null
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && r.bottom > box.top && r.top < box.bottom ? r : null
    }
    const controls = this.leftInset() > 0 ? shown(container.parentElement?.querySelector('.map-controls-slot')) : null
    if (controls) free.left = Math.max(free.left, controls.right + POPUP_MARGIN)
    for (const r of [shown(this.noteEl), shown(container.querySelector('.maplibregl-ctrl-top-right'))])
      if (r) free.top = Math.max(free.top, r.bottom + POPUP_MARGIN)
    for (const r of [shown(container.querySelector('.maplibregl-ctrl-bottom-left')), shown(container.querySelector('.maplibregl-ctrl-bottom-right'))])
      if (r) free.bottom = Math.min(free.bottom, r.top - POPUP_MARGIN)
    return free
  }

  /** Pans the map (once more after each pan, `tries` in all) until the popup lies in the free area; a popup taller than it keeps its top in view. */
  private fit(popup: Popup, tries: number): void {
    if (popup !== this.popup || !popup.isOpen() || tries <= 0) return
    const el = popup.getElement()
    if (!el) return
    const r = el.getBoundingClientRect()
    const free = this.freeArea()
    const dx = r.left < free.left ? r.left - free.left : r.right > free.right ? Math.min(r.right - free.right, r.left - free.left) : 0
    const dy = r.top < free.top ? r.top - free.top : r.bottom > free.bottom ? Math.min(r.bottom - free.bottom, r.top - free.top) : 0
    if (Math.abs(dx) < 1 && Math.abs(dy) < 1) return
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches
    this.map.once('moveend', () => requestAnimationFrame(() => this.fit(popup, tries - 1)))
    this.map.panBy([Math.round(dx), Math.round(dy)], { duration: reduce ? 0 : 300 })
  }
}
