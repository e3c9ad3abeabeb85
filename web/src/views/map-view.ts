/**
 * The one MapLibre map of the app: created once, restyled as the state changes (metric, layers,
 * language, selected town, basemap), with hover highlight, click popups and the schematic note.
 */
import 'maplibre-gl/dist/maplibre-gl.css'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import {
  AttributionControl,
  FullscreenControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type LngLatLike,
  type MapGeoJSONFeature,
} from 'maplibre-gl'
import type { GIProductCollection, RegionCollection, RegionFigures, ServicePointCollection } from '../api/types.ts'
import { BASEMAP_PREFIX, basemapParts, type BasemapOption } from '../map/basemap.ts'
import { bboxOf, type Bbox } from '../map/geometry.ts'
import { buildStyle, dataLayers, dataSources, FONT_STACK, GROUP_LAYERS, IMAGES, LAYERS, SOURCES, type StyleOptions } from '../map/layers.ts'
import { classify, needsFigures, type MetricClass } from '../map/metrics.ts'
import { GI_COLOR } from '../map/palette.ts'
import { diamondIcon, hatchPattern } from '../map/patterns.ts'
import { asClickedPoints, MapPopup } from '../map/popup-placement.ts'
import { drawnRegions, stackCoincident, valueProperty } from '../map/region-features.ts'
import { focusNearestWhenDrawn } from '../ui/county-panel.ts'
import { approximateOnScreen, localizeControls, wireMapEvents, type HoverState } from './map-events.ts'

/** Where the side panel goes under the map (web/src/styles.css): a tap then leads down to the nearest list. */
const PANEL_BELOW = '(max-width: 820px)'

// MapLibre 6 finds its worker beside its own module, which a bundler moves: point it at the copy Vite emits.
setWorkerUrl(workerUrl)

/** The three map layers as the API serves them. */
export interface MapData {
  regions: RegionCollection
  servicePoints: ServicePointCollection
  giProducts: GIProductCollection
  /** The county has more points than the GeoJSON threshold: draw them from vector tiles (servicePoints is then empty). */
  pointTiles: boolean
}

/** What the map tells the app. */
export interface MapViewEvents {
  /** A click on the map that hit no service point (for "nearest to here"). */
  onPlaceClick(lngLat: { lng: number; lat: number }): void
  /** Builds a popup's content for the features under a click (points, or GI areas and regions). */
  popupContent(features: MapGeoJSONFeature[]): HTMLElement | null
  /** The user moved the map (not a fit to a page's area). */
  onViewChange(view: { lng: number; lat: number; zoom: number }): void
}

type StyleState = Omit<StyleOptions, 'classes'>

/** Owns the MapLibre map: style state, data, interaction and the schematic note. The map is also `window.map` (for tests). */
export class MapView {
  readonly map: MapLibreMap
  private state: StyleState
  private data: MapData | undefined
  private figures: Map<string, RegionFigures> | undefined
  private classes: MetricClass[] = []
  private readonly hover: HoverState = { current: undefined }
  private readonly popup: MapPopup
  private loaded: Promise<void>
  /** Whether the style's layers exist (false until 'load', and while a new style loads). */
  private styleReady = false
  private noteEl: HTMLElement

  constructor(
    container: HTMLElement,
    noteEl: HTMLElement,
    state: StyleState,
    private readonly events: MapViewEvents,
    /** Width in pixels of what covers the map's left edge (the control box), 0 when nothing does. */
    private readonly leftInset: () => number = () => 0,
  ) {
    this.state = state
    this.noteEl = noteEl
    this.map = new MapLibreMap({
      container,
      style: buildStyle({ ...state, basemap: state.basemap?.kind === 'style' ? null : state.basemap, classes: [] }),
      center: [0, 0],
      zoom: 1,
      attributionControl: false,
      // Labels are drawn from local fonts (the style has no glyphs URL).
      localIdeographFontFamily: FONT_STACK.join(', '),
      fadeDuration: 150,
      maxPitch: 0,
    })
    ;(window as unknown as { map: MapLibreMap }).map = this.map
    this.map.addControl(new NavigationControl({ visualizePitch: false, showCompass: false }), 'top-right')
    this.map.addControl(new FullscreenControl({ container: container.parentElement ?? undefined }), 'top-right')
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left')
    this.map.addControl(new AttributionControl({ compact: true }), 'bottom-right')
    this.map.dragRotate.disable()
    this.map.touchZoomRotate.disableRotation()
    this.popup = new MapPopup(this.map, noteEl, leftInset)
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()))
    void this.loaded.then(() => {
      this.styleReady = true
      this.addImages()
      this.restyle()
    })
    this.wireEvents()
    if (state.basemap?.kind === 'style') void this.setBasemap(state.basemap)
  }

  private addImages(): void {
    const add = (id: string, image: ReturnType<typeof hatchPattern>) => {
      if (!this.map.hasImage(id)) this.map.addImage(id, image, { pixelRatio: 1 })
    }
    add(IMAGES.hatch, hatchPattern('#6b7280', { alpha: 0.7 }))
    add(IMAGES.giIcon, diamondIcon(GI_COLOR))
  }

  /** Draws the county's layers (after the style and its images are ready). */
  async setData(data: MapData): Promise<void> {
    this.data = data
    await this.loaded
    this.refreshRegions()
    this.usePointTiles(data.pointTiles)
    if (!data.pointTiles) void this.source(SOURCES.points).setData(stackCoincident(data.servicePoints))
    void this.source(SOURCES.gi).setData(data.giProducts)
  }

  /** Replaces the points' source (GeoJSON or vector tiles) and re-adds their layers in place. */
  private usePointTiles(tiles: boolean): void {
    if (Boolean(this.state.pointTiles) === tiles) return
    this.state = { ...this.state, pointTiles: tiles }
    if (!this.styleReady) return
    const pointLayers = new Set(GROUP_LAYERS.points)
    const order = this.map.getStyle().layers.map((l) => l.id)
    const last = Math.max(...order.map((id, i) => (pointLayers.has(id) ? i : -1)))
    const before = order.slice(last + 1).find((id) => !pointLayers.has(id))
    if (this.hover.current?.source === SOURCES.points) this.hover.current = undefined
    for (const id of order) if (pointLayers.has(id)) this.map.removeLayer(id)
    this.map.removeSource(SOURCES.points)
    this.map.addSource(SOURCES.points, dataSources(this.state)[SOURCES.points])
    for (const layer of dataLayers({ ...this.state, classes: this.classes })) if (pointLayers.has(layer.id)) this.map.addLayer(layer, before)
  }

  /** Adds the figures from compareRegions (per 10k, coverage); redraws only when the metric shows them. */
  async setFigures(figures: Map<string, RegionFigures>): Promise<void> {
    this.figures = figures
    await this.loaded
    if (needsFigures(this.state.metric)) this.refreshRegions()
  }

  private source(id: string): GeoJSONSource {
    return this.map.getSource(id) as GeoJSONSource
  }

  private refreshRegions(): void {
    if (!this.data) return
    const drawn = drawnRegions(this.data.regions, this.figures)
    const values = drawn.features
      .filter((f) => f.properties.inCountyStatistics)
      .map((f) => f.properties[valueProperty(this.state.metric)] as number | undefined)
    this.classes = classify(this.state.metric, values, this.state.lang)
    void this.source(SOURCES.regions).setData(drawn)
    this.restyle()
  }

  /** The classes the regions are coloured with now (for the legend). */
  currentClasses(): MetricClass[] {
    return this.classes
  }

  /** Applies a new state: only the layers' properties change, the sources keep their data. */
  update(next: Partial<StyleState>): void {
    const same = (Object.keys(next) as (keyof StyleState)[]).every((key) =>
      key === 'visible'
        ? [...(next.visible ?? [])].join() === [...this.state.visible].join()
        : key === 'basemap'
          ? next.basemap?.id === this.state.basemap?.id
          : next[key] === this.state[key],
    )
    if (same) return
    const metricChanged = next.metric !== undefined && next.metric !== this.state.metric
    const langChanged = next.lang !== undefined && next.lang !== this.state.lang
    const basemapChanged = next.basemap !== undefined && next.basemap?.id !== this.state.basemap?.id
    this.state = { ...this.state, ...next }
    if (basemapChanged || (langChanged && this.state.basemap?.kind === 'tianditu')) void this.setBasemap(this.state.basemap)
    if (metricChanged || langChanged) this.refreshRegions()
    else this.restyle()
  }

  private restyle(): void {
    // Before the style has loaded, the layers are built with the current state anyway (see `loaded`).
    if (!this.styleReady) return
    const layers = dataLayers({ ...this.state, classes: this.classes })
    for (const layer of layers) {
      if (!this.map.getLayer(layer.id)) continue
      // The keys come from the layer's own spec, so they fit its type.
      const setPaint = this.map.setPaintProperty.bind(this.map) as (id: string, key: string, value: unknown) => void
      const setLayout = this.map.setLayoutProperty.bind(this.map) as (id: string, key: string, value: unknown) => void
      for (const [key, value] of Object.entries(layer.paint ?? {})) setPaint(layer.id, key, value)
      for (const [key, value] of Object.entries(layer.layout ?? {})) setLayout(layer.id, key, value)
      if ('filter' in layer && layer.filter) this.map.setFilter(layer.id, layer.filter)
    }
    this.updateNote()
  }

  /**
   * Replaces the basemap (null: none). A raster basemap goes under our layers; a style basemap
   * (BASEMAP_STYLE_URL) becomes the style, with our sources and layers added on top.
   */
  async setBasemap(option: BasemapOption | null): Promise<void> {
    this.state = { ...this.state, basemap: option }
    await this.loaded
    const onStyleBase = !this.map.getLayer(LAYERS.background)
    if (option?.kind === 'style' || onStyleBase) {
      const ours = { ...this.state, basemap: null, classes: this.classes }
      this.styleReady = false
      if (option?.kind === 'style') {
        this.map.setStyle(option.url, {
          transformStyle: (_previous, next) => ({
            ...next,
            sources: { ...next.sources, ...dataSources(ours) },
            layers: [...next.layers, ...dataLayers(ours)],
          }),
        })
      } else {
        this.map.setStyle(buildStyle(ours), { diff: false, transformStyle: (_previous, next) => next })
      }
      await new Promise<void>((resolve) => this.map.once('style.load', () => resolve()))
      this.styleReady = true
      this.addImages()
      if (option && option.kind !== 'style') return this.setBasemap(option)
      if (this.data) await this.setData(this.data)
      return
    }
    const style = this.map.getStyle()
    for (const layer of style.layers) if (layer.id.startsWith(BASEMAP_PREFIX)) this.map.removeLayer(layer.id)
    for (const id of Object.keys(style.sources)) if (id.startsWith(BASEMAP_PREFIX)) this.map.removeSource(id)
    if (option) {
      const parts = basemapParts(option, this.state.lang)
      for (const [id, source] of Object.entries(parts.sources)) this.map.addSource(id, source)
      const firstDataLayer = this.map.getStyle().layers.find((l) => l.id !== LAYERS.background)?.id
      for (const layer of parts.layers) this.map.addLayer(layer, firstDataLayer)
    }
    this.restyle()
  }

  /** Shows (or clears) the place clicked for "nearest to here". */
  showHere(lngLat: { lng: number; lat: number } | null): void {
    void this.source(SOURCES.here)?.setData({
      type: 'FeatureCollection',
      features: lngLat ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lngLat.lng, lngLat.lat] } }] : [],
    })
  }

  /**
   * Fits the map to a region (or to all regions with null); such fits are not recorded in the
   * address. Works before the style has loaded: placing the camera before the data is drawn
   * spares the worker a round of tiles at the wrong zoom.
   */
  fitRegion(code: string | null, animate: boolean): void {
    const features = this.data?.regions.features ?? []
    const chosen = code ? features.filter((f) => f.id === code) : features
    const box = bboxOf(chosen.map((f) => f.geometry))
    if (box) this.fitBbox(box, animate)
  }

  private fitBbox(box: Bbox, animate: boolean): void {
    const width = this.map.getContainer().clientWidth
    const base = width < 500 ? 16 : 36
    // Keep the area clear of the control box when it floats over the map's left side.
    const inset = this.leftInset()
    const left = inset > 0 && width - inset > 360 ? inset + 12 : base
    this.map.fitBounds(
      [
        [box[0], box[1]],
        [box[2], box[3]],
      ],
      { padding: { top: base + 24, bottom: base, left, right: base + 40 }, maxZoom: 13.5, animate, duration: animate ? 600 : 0 },
    )
  }

  /** Fits the canvas to its container again (after the map page was hidden). */
  resize(): void {
    this.map.resize()
  }

  jumpTo(view: { lng: number; lat: number; zoom: number }): void {
    this.map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom })
  }

  flyTo(center: LngLatLike, zoom?: number): void {
    this.map.flyTo({ center, zoom: Math.max(zoom ?? 12.5, this.map.getZoom()), duration: 700 }, { userView: true })
  }

  /** Opens the popup for given features at a place, then pans the map so the popup lies in the free part of the map. */
  openPopup(lngLat: LngLatLike, features: MapGeoJSONFeature[]): void {
    this.popup.open(lngLat, this.events.popupContent(features))
  }

  /** Opens a service point's popup by id (from a list or a search); `at` places it when the points come from tiles. */
  openPointPopup(id: string, at?: [number, number] | null): boolean {
    const feature = this.data?.servicePoints.features.find((f) => f.id === id)
    if (!feature) {
      if (!at) return false
      this.flyTo(at, 13)
      this.openPopup(at, [{ layer: { id: LAYERS.pointsActive }, source: SOURCES.points, properties: {}, id } as unknown as MapGeoJSONFeature])
      return true
    }
    const coords = feature.geometry.coordinates
    this.flyTo(coords, 13)
    this.openPopup(coords, asClickedPoints(feature, this.data!.servicePoints))
    return true
  }

  closePopup(): void {
    this.popup.close()
  }

  private wireEvents(): void {
    wireMapEvents(this.map, this.hover, {
      openPopup: (lngLat, features) => this.openPopup(lngLat, features),
      closePopup: () => this.popup.close(),
      onPlaceClick: (lngLat) => {
        // On a phone the nearest list lies below the map: bring it into view with the focus on its heading.
        if (matchMedia(PANEL_BELOW).matches) focusNearestWhenDrawn(true)
        this.events.onPlaceClick(lngLat)
      },
      onViewChange: (view) => this.events.onViewChange(view),
      onIdle: () => this.updateNote(),
    })
  }

  /** Shows the schematic note while approximate geometry (regions or GI areas) is on screen. */
  private updateNote(): void {
    if (this.styleReady) this.noteEl.hidden = !approximateOnScreen(this.map)
  }

  /** Writes MapLibre's control tooltips in the page's language. */
  localizeControls(): void {
    localizeControls(this.map.getContainer())
  }
}
