/**
 * The map pages' layout (#/, #/town/<code>, unknown pages), its own chunk loaded on first need with
 * the panels it draws (views/map-panels.ts): the map, created on first need (MapLibre loads then), its control box, the side panel and the list under the map, drawn from the state,
 * the cache and the page's row. What the map already shows is remembered, so each request is
 * carried out once.
 */
import type { CountyLayers } from '../api/operations.ts'
import type { RegionFigures } from '../api/types.ts'
import { t } from '../lib/i18n.ts'
import type { Route } from '../lib/url-state.ts'
import { needsFigures } from '../map/metrics.ts'
import type { Cache } from '../state/cache.ts'
import { hrefOf, selectedCode, type Action, type LngLat, type State } from '../state/state.ts'
import type { ViewContext } from '../ui/context.ts'
import { fill, h } from '../ui/dom.ts'
import { isPending, renderMapControls } from '../ui/map-controls.ts'
import { popupContent } from '../ui/popup.ts'
import { renderUnlocated } from '../ui/unlocated.ts'
import type { BasemapOption } from '../map/basemap.ts'
import { currentUser, onSessionChange, type SessionUser } from '../api/session.ts'
import { KEYS, loadCounty, loadFigures, reloadCounty, type CountyData } from './county-data.ts'
import type { MapView } from './map-view.ts'
import { MAP_PANELS } from './map-panels.ts'
import { Memo } from './memo.ts'
import type { PageContext, PageRow } from './pages.ts'

/** The elements of the map layout (see web/index.html). */
export interface MapPageElements {
  layout: HTMLElement
  page: HTMLElement
  mapContainer: HTMLElement
  schematicNote: HTMLElement
  controls: HTMLElement
  underMap: HTMLElement
  panel: HTMLElement
}

/** What the map layout needs from the app. */
export interface MapPageDeps {
  cache: Cache
  dispatch(action: Action): void
  refresh: () => void
  showPoint: (id: string) => void
  onPlaceClick: (lngLat: LngLat) => void
  onUseLocation(): void
  basemap(state: State): BasemapOption | null
}

/** The map layout: `draw` shows it for a state, `leave` hides it for a page without the map. */
export function createMapPage(els: MapPageElements, deps: MapPageDeps) {
  const { cache } = deps
  let mapView: MapView | undefined
  let mapAsked = false
  let mapGone = false
  let view: ViewContext | undefined
  let drawn = false
  const applied = { data: false, figures: false, camera: -1, point: 0, visit: -1, lang: '', here: null as LngLat | null, focused: 0 }
  const memo = { panel: new Memo(), controls: new Memo(), under: new Memo() }

  /** Creates the map on first need: MapLibre's code loads then. */
  function ensureMap(state: State): void {
    if (mapAsked) return
    mapAsked = true
    void import('./map-view.ts').then(({ MapView }) => {
      try {
        mapView = new MapView(
          els.mapContainer,
          els.schematicNote,
          { lang: state.lang, metric: state.metric, visible: state.layers, selectedCode: null, basemap: null },
          {
            onPlaceClick: deps.onPlaceClick,
            popupContent: (features) => (view ? popupContent(view, features) : null),
            onViewChange: (v) => deps.dispatch({ type: 'moved', view: v }),
          },
          () => (getComputedStyle(els.controls).position === 'absolute' ? els.controls.offsetLeft + els.controls.offsetWidth : 0),
        )
      } catch (error) {
        // No WebGL: the tables still carry every figure.
        mapGone = true
        fill(els.mapContainer, h('p', { class: 'map-unavailable', role: 'alert' }, t('mapUnavailable'), ` (${(error as Error).message})`))
      }
      deps.refresh()
      if (mapView) void followSession()
    })
  }

  /** Station editing (its own chunk) for whoever is signed in, started and stopped as they sign in and out. */
  let editing: { stop(): void } | undefined
  async function followSession(): Promise<void> {
    let asked = 0
    const use = async (user: SessionUser | null) => {
      const n = ++asked
      editing?.stop()
      editing = undefined
      if (!user || !mapView) return
      const { startStationEditing } = await import('../map/station-editing.ts')
      if (n !== asked) return
      const map = mapView
      editing = startStationEditing({
        map: map.map,
        panel: els.panel,
        user,
        regions: () => cache.value<CountyData>(KEYS.county)?.layers.regions,
        reload: reloadData,
        showPoint: deps.showPoint,
        closePopup: () => map.closePopup(),
      })
    }
    onSessionChange((user) => void use(user))
    await use(await currentUser())
  }

  /** Loads the county's data again after an edit and redraws the map, the figures and the town pages with it. */
  async function reloadData(): Promise<void> {
    await reloadCounty(cache)
    cache.forget(KEYS.figures)
    cache.forgetPrefix('town:')
    applied.data = false
    applied.figures = false
    deps.refresh()
  }

  function showLayout(): void {
    if (!els.layout.hidden) return
    els.page.hidden = true
    fill(els.page)
    delete document.documentElement.dataset.page
    els.layout.hidden = false
    mapView?.resize()
  }

  function drawPanel(state: State, row: PageRow, ctx: PageContext, county: CountyData | undefined, countyError: unknown): boolean {
    if (countyError !== undefined) {
      delete els.controls.dataset.pending // no controls are coming: give their place back
      const message = (countyError as Error).message
      fill(
        els.panel,
        h('h2', { id: 'panel-title' }, t('loadFailed')),
        h('p', { role: 'alert' }, message),
        h('button', { type: 'button', onclick: () => location.reload() }, t('retry')),
      )
      return true
    }
    if (!county || !view) {
      fill(els.panel, h('p', { class: 'hint' }, t('loading')))
      return false
    }
    const key = row.key?.(state)
    const entry = key ? cache.peek(key) : { status: 'done' as const, value: null }
    if (key && !entry) void cache.get(key, () => row.load!(state, { cache, visit: state.visit })).catch(() => undefined)
    if (!entry || entry.status === 'loading') {
      fill(els.panel, h('p', { class: 'hint' }, t('loading')))
      return false
    }
    if (entry.status === 'error') {
      fill(els.panel, h('p', { role: 'alert' }, `${t('loadFailed')}: ${(entry.error as Error).message}`))
      cache.forget(key!)
      return true
    }
    const page = row.render(state, entry.value, { ...ctx, view, county, mapPanels: MAP_PANELS })
    fill(els.panel, ...page.content)
    document.title = page.title ? `${page.title} · ${t('appTitle')}` : t('appTitle')
    return true
  }

  function drawControls(state: State, county: CountyData | undefined, figures: Map<string, RegionFigures> | undefined): void {
    if (!county) return fill(els.controls)
    const classes = mapView?.currentClasses() ?? []
    if (!memo.controls.changed(state.lang, state.metric, [...state.layers].join(), county, figures, classes)) return
    const regions = county.layers.regions.features.map((f) => f.properties).filter((r) => r.inCountyStatistics)
    const hasNoData =
      state.metric === 'per10k'
        ? regions.some((r) => figures?.get(r.code)?.servicePointsPer10k == null)
        : state.metric === 'coverage'
          ? regions.some((r) => figures?.get(r.code)?.coverageShare == null)
          : false
    const located = county.layers.servicePoints.features
    fill(
      els.controls,
      renderMapControls({
        metric: state.metric,
        layers: state.layers,
        classes,
        hasNoData,
        pending: isPending(state.metric, figures !== undefined),
        kinds: [...new Set(located.map((f) => f.properties.kind))],
        hasStacks: new Set(located.map((f) => f.geometry.coordinates.join())).size < located.length,
        onMetric: (metric) => deps.dispatch({ type: 'metric', metric }),
        onLayer: (group, on) => deps.dispatch({ type: 'layer', group, on }),
      }),
    )
    delete els.controls.dataset.pending // the place kept for them on a phone (index.html) is theirs now
  }

  function drawUnderMap(state: State, layers: CountyLayers | undefined): void {
    if (!memo.under.changed(state.lang, layers, view?.lookup.figures)) return
    const el = layers && view ? renderUnlocated(view, layers.allServicePoints, state.unlocatedOpen) : null
    el?.addEventListener('toggle', () => deps.dispatch({ type: 'unlocated', open: (el as HTMLDetailsElement).open }))
    fill(els.underMap, el)
  }

  /** Brings the map to the state: style, data, and the requests not yet carried out. */
  function syncMap(state: State, county: CountyData | undefined, figures: Map<string, RegionFigures> | undefined): void {
    if (!mapView) return
    const code = selectedCode(state)
    const known = code !== null && county?.lookup.regions.has(code) === true
    if (applied.visit !== state.visit || applied.lang !== state.lang) mapView.closePopup()
    mapView.update({ lang: state.lang, metric: state.metric, visible: state.layers, selectedCode: known ? code : null, basemap: deps.basemap(state) })
    if (applied.lang !== state.lang) mapView.localizeControls()
    if (county && !applied.data) {
      applied.data = true
      void mapView.setData(county.layers).then(() => ((drawn = true), deps.refresh()))
    }
    if (figures && !applied.figures) {
      applied.figures = true
      void mapView.setFigures(figures).then(deps.refresh)
    }
    if (applied.data && applied.camera !== state.camera.n) {
      applied.camera = state.camera.n
      const camera = state.camera
      if (camera.kind === 'jump') mapView.jumpTo(camera.view)
      else if (camera.kind === 'fly') mapView.flyTo(camera.center, camera.zoom)
      else mapView.fitRegion(known ? code : null, camera.animate)
    }
    const point = state.selectedPoint
    if (applied.data && point && point.n !== applied.point) {
      applied.point = point.n
      mapView.openPointPopup(point.id, county?.lookup.items.get(point.id)?.location)
    }
    if (applied.here !== state.here) {
      applied.here = state.here
      mapView.showHere(state.here)
    }
    applied.visit = state.visit
    applied.lang = state.lang
  }

  return {
    /** Shows the map layout for a state whose page needs the map. */
    draw(state: State, row: PageRow, ctx: PageContext): void {
      showLayout()
      ensureMap(state)
      els.schematicNote.textContent = t('schematicShort')
      els.schematicNote.title = t('schematic')
      void loadCounty(cache).catch(() => undefined)
      const countyEntry = cache.peek<CountyData>(KEYS.county)
      const county = countyEntry?.status === 'done' ? countyEntry.value : undefined
      if (county) {
        void loadFigures(cache, county).catch((error: Error) => {
          // The figures stay "…" (loading) on the map; the error shows where they are needed.
          if (needsFigures(state.metric)) console.warn('compareRegions failed:', error.message)
        })
      }
      const figuresEntry = cache.peek<Map<string, RegionFigures>>(KEYS.figures)
      const figures = figuresEntry?.status === 'done' ? figuresEntry.value : undefined
      view = county
        ? { lookup: { ...county.lookup, figures }, metric: state.metric, href: (route: Route) => hrefOf(state, route), showPoint: deps.showPoint }
        : undefined
      let shown = false
      if (memo.panel.changed(state.route, state.lang, state.metric, state.nearest, cache.version, view === undefined)) {
        shown = drawPanel(state, row, ctx, county, countyEntry?.status === 'error' ? countyEntry.error : undefined)
        // After a navigation, the focus moves to the new page's heading once it is drawn.
        if (shown && state.visit > applied.focused) {
          applied.focused = state.visit
          document.getElementById('panel-title')?.focus({ preventScroll: true })
        }
      }
      drawControls(state, county, figures)
      drawUnderMap(state, county?.layers)
      syncMap(state, county, figures)
      const pageKey = row.key?.(state)
      const settled = (key: string) => ['done', 'error'].includes(cache.peek(key)?.status ?? '')
      if ((drawn || mapGone) && settled(KEYS.figures) && (!pageKey || settled(pageKey))) document.documentElement.dataset.ready = 'true'
    },
    /** Hides the map layout (for a page without the map); the map keeps its state for the way back. */
    leave(): void {
      mapView?.closePopup()
      els.layout.hidden = true
    },
  }
}
