/** The map's interaction (hover highlight, clicks on clusters, points and areas, moves), its schematic note and its controls' words. */
import type { LngLatLike, Map as MapLibreMap, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl'
import { t } from '../lib/i18n.ts'
import { CLUSTER_MAX_ZOOM, INTERACTIVE_LAYERS, LAYERS } from '../map/layer-ids.ts'

/** The feature under the pointer (highlighted with the `hover` feature-state). */
export interface HoverState {
  current: { source: string; sourceLayer?: string; id: string | number } | undefined
}

/** What the interaction asks of the map view. */
export interface MapEventHandlers {
  openPopup(lngLat: LngLatLike, features: MapGeoJSONFeature[]): void
  closePopup(): void
  onPlaceClick(lngLat: { lng: number; lat: number }): void
  onViewChange(view: { lng: number; lat: number; zoom: number }): void
  onIdle: () => void
}

/** Takes map clicks before the popups and "nearest to here" (station editing); returns true when it took the click. */
let clickInterceptor: ((lngLat: { lng: number; lat: number }) => boolean) | null = null

/** Sets (or, with null, removes) the handler that may take map clicks first. */
export function interceptMapClicks(handler: typeof clickInterceptor): void {
  clickInterceptor = handler
}

/** Wires hover, click and move handling to a map. */
export function wireMapEvents(map: MapLibreMap, hover: HoverState, events: MapEventHandlers): void {
  const pointLayers: string[] = INTERACTIVE_LAYERS.points
  const clusterLayers: string[] = INTERACTIVE_LAYERS.clusters
  const interactive: string[] = [...INTERACTIVE_LAYERS.clusters, ...INTERACTIVE_LAYERS.points, ...INTERACTIVE_LAYERS.gi, ...INTERACTIVE_LAYERS.regions]
  const visibleInteractive = () => interactive.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none')
  map.on('mousemove', (e: MapMouseEvent) => {
    const [top] = map.queryRenderedFeatures(e.point, { layers: visibleInteractive() })
    const next = top && top.id !== undefined ? { source: top.source, sourceLayer: top.sourceLayer, id: top.id } : undefined
    if (next?.source !== hover.current?.source || next?.id !== hover.current?.id) {
      if (hover.current) map.setFeatureState(hover.current, { hover: false })
      if (next) map.setFeatureState(next, { hover: true })
      hover.current = next
    }
    map.getCanvas().style.cursor = top ? 'pointer' : ''
  })
  map.getCanvas().addEventListener('mouseleave', () => {
    if (hover.current) map.setFeatureState(hover.current, { hover: false })
    hover.current = undefined
  })
  map.on('click', (e: MapMouseEvent) => {
    if (clickInterceptor?.(e.lngLat)) return
    const layers = visibleInteractive()
    const box: [[number, number], [number, number]] = [
      [e.point.x - 4, e.point.y - 4],
      [e.point.x + 4, e.point.y + 4],
    ]
    const [cluster] = map.queryRenderedFeatures(box, { layers: layers.filter((l) => clusterLayers.includes(l)) })
    if (cluster) {
      // A cluster opens up: zoom in towards it, at most to where the points stand alone.
      const [lng, lat] = (cluster.geometry as unknown as { coordinates: [number, number] }).coordinates
      map.easeTo({ center: [lng, lat], zoom: Math.min(map.getZoom() + 2, CLUSTER_MAX_ZOOM + 1) }, { userView: true })
      return
    }
    const points = map.queryRenderedFeatures(box, { layers: layers.filter((l) => pointLayers.includes(l)) })
    if (points.length > 0) {
      const unique = [...new Map(points.map((f) => [f.id, f])).values()]
      const first = unique[0].geometry as unknown as { coordinates: [number, number] }
      events.openPopup(first.coordinates, unique)
      return
    }
    const areas = map.queryRenderedFeatures(e.point, { layers: layers.filter((l) => !pointLayers.includes(l)) })
    const unique = [...new Map(areas.map((f) => [`${f.source}:${f.id}`, f])).values()]
    if (unique.length > 0) events.openPopup(e.lngLat, unique)
    else events.closePopup()
    events.onPlaceClick(e.lngLat)
  })
  map.on('moveend', (e) => {
    // Record moves the user made (drag, zoom, keys) or asked for (search, "show on the map"),
    // not fits to a page's area or resizes.
    const data = e as unknown as { originalEvent?: Event; userView?: boolean }
    if (!data.originalEvent && !data.userView) return
    const c = map.getCenter()
    events.onViewChange({ lng: c.lng, lat: c.lat, zoom: map.getZoom() })
  })
  map.on('idle', events.onIdle)
  map.on('error', (e) => {
    // Map problems arrive here; a failed basemap tile is not worth a console error.
    const message = e.error?.message ?? 'map error'
    if (!/tile|basemap/i.test(message)) console.warn('map:', message)
  })
}

/** Whether approximate geometry (regions or GI areas) is on screen (the schematic note then shows). */
export function approximateOnScreen(map: MapLibreMap): boolean {
  const layers = [LAYERS.regionsFill, LAYERS.regionsNoData, LAYERS.regionsOutside, LAYERS.giFill].filter(
    (id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none',
  )
  return (
    layers.length > 0 &&
    map.queryRenderedFeatures({ layers }).some((f) => f.properties.boundaryQuality === 'APPROXIMATE' || f.properties.originAreaQuality === 'APPROXIMATE')
  )
}

/** Writes MapLibre's control tooltips in the page's language (the locale table's MapLibre keys). */
export function localizeControls(root: HTMLElement): void {
  const titles: Record<string, string> = {
    '.maplibregl-ctrl-zoom-in': t('NavigationControl.ZoomIn'),
    '.maplibregl-ctrl-zoom-out': t('NavigationControl.ZoomOut'),
    '.maplibregl-ctrl-fullscreen': t('FullscreenControl.Enter'),
    '.maplibregl-ctrl-shrink': t('FullscreenControl.Exit'),
    '.maplibregl-ctrl-attrib-button': t('AttributionControl.ToggleAttribution'),
    '.maplibregl-popup-close-button': t('close'),
  }
  for (const [selector, title] of Object.entries(titles)) {
    for (const el of root.querySelectorAll(selector)) {
      el.setAttribute('title', title)
      el.setAttribute('aria-label', title)
    }
  }
  root.querySelector('.maplibregl-canvas')?.setAttribute('aria-label', t('mapLabel'))
}
