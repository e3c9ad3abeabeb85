/** Wires the page together: address state, data from the API, the map and the panels. */
import { ApiError, fetchClientConfig } from '../api/client.ts'
import { fetchCountyLayers, fetchNearest, fetchRegionFigures, fetchTown, type CountyLayers, type TownDetail } from '../api/operations.ts'
import type { Lang } from '../api/types.ts'
import { initialLang, kindName, lang, levelName, setLang, t, tf } from '../lib/i18n.ts'
import { buildSearchIndex, type SearchIndex, type SearchTarget } from '../lib/search-index.ts'
import { formatHash, isLeaderRoute, parseHash, type Route, type UrlState } from '../lib/url-state.ts'
import { DEFAULT_POINT_TILE_THRESHOLD, type BasemapOption, type ClientConfig } from '../map/basemap.ts'
import { touchingNeighbours } from '../map/geometry.ts'
import type { LayerGroup } from '../map/layers.ts'
import { needsFigures, type MetricId } from '../map/metrics.ts'
import { renderCountyPanel, renderNearest, type NearestState } from '../ui/county-panel.ts'
import { buildLookup, type Lookup, type ViewContext } from '../ui/context.ts'
import { fill, h } from '../ui/dom.ts'
import { isPending, renderMapControls } from '../ui/map-controls.ts'
import { popupContent } from '../ui/popup.ts'
import { renderSearchBox } from '../ui/search.ts'
import { renderSettings } from '../ui/settings.ts'
import { renderNotFound, renderTownPanel } from '../ui/town-panel.ts'
import { renderUnlocated } from '../ui/unlocated.ts'
import { MapView } from './map-view.ts'

const BASEMAP_KEY = 'ipmap.basemap'
const NAV_LABELS = { compare: 'navCompare', indicators: 'navIndicators', plan: 'navPlan', data: 'navData' } as const

/** The page's fixed elements (see web/index.html). */
export interface AppElements {
  header: HTMLElement
  /** The map page (map, controls and side panel). */
  layout: HTMLElement
  /** Where the pages without a map (#/compare, #/indicators, #/plan, #/data, #/history) draw. */
  page: HTMLElement
  mapContainer: HTMLElement
  schematicNote: HTMLElement
  controls: HTMLElement
  underMap: HTMLElement
  panel: HTMLElement
  settings: HTMLDialogElement
}

type TownState = { code: string; phase: 'loading' } | { code: string; phase: 'done'; detail: TownDetail | undefined } | { code: string; phase: 'error'; message: string }

/** Starts the app: reads the address, fetches the data, creates the map and renders the panels. */
export function startApp(els: AppElements): void {
  setLang(initialLang())
  let url: UrlState = parseHash(location.hash)
  let config: ClientConfig = { basemaps: [], pointTileThreshold: DEFAULT_POINT_TILE_THRESHOLD }
  let basemapId = readStorage(BASEMAP_KEY)
  let lookup: Lookup | undefined
  let searchIndex: SearchIndex | undefined
  let neighbours = new Map<string, string[]>()
  let nearest: NearestState = { phase: 'idle' }
  let town: TownState | undefined
  let loadError: string | undefined
  let unlocatedOpen = false
  let leaderStarted = false

  const configPromise = fetchClientConfig<ClientConfig>(config)
  // The threshold for drawing points from tiles comes from the server's configuration.
  const layersPromise = configPromise.then((c) => fetchCountyLayers(c.pointTileThreshold))

  const href = (route: Route): string => formatHash({ ...url, route, view: null })
  const ctx = (): ViewContext => ({ lookup: lookup!, metric: url.metric, href, showPoint })

  let mapView: MapView | undefined
  try {
    mapView = new MapView(
      els.mapContainer,
      els.schematicNote,
      { lang: lang(), metric: url.metric, visible: url.layers, selectedCode: selectedCode(), basemap: null },
      {
        onPlaceClick: (lngLat) => void runNearest(lngLat),
        popupContent: (features) => (lookup ? popupContent(ctx(), features) : null),
        onViewChange: (view) => {
          url = { ...url, view }
          writeUrl()
        },
      },
      () => (getComputedStyle(els.controls).position === 'absolute' ? els.controls.offsetLeft + els.controls.offsetWidth : 0),
    )
  } catch (error) {
    // No WebGL: the tables still carry every figure.
    fill(els.mapContainer, h('p', { class: 'map-unavailable', role: 'alert' }, t('mapUnavailable'), ` (${(error as Error).message})`))
  }

  function selectedCode(): string | null {
    return url.route.name === 'town' ? url.route.code : null
  }

  function writeUrl(): void {
    const next = formatHash(url)
    if (next !== location.hash) history.replaceState(history.state, '', next)
  }

  function showPoint(id: string): void {
    if (!mapView?.openPointPopup(id, lookup?.items.get(id)?.location)) return
    if (!url.layers.has('points')) setLayer('points', true)
  }

  async function runNearest(lngLat: { lng: number; lat: number }): Promise<void> {
    mapView?.showHere(lngLat)
    nearest = { phase: 'loading' }
    renderPanel()
    try {
      nearest = { phase: 'done', results: await fetchNearest(lngLat.lng, lngLat.lat, 5) }
    } catch (error) {
      nearest = { phase: 'error', message: `${t('loadFailed')}: ${(error as Error).message}` }
    }
    renderPanel()
  }

  function useMyLocation(): void {
    if (!navigator.geolocation) {
      nearest = { phase: 'error', message: t('locationDenied') }
      return renderPanel()
    }
    nearest = { phase: 'loading' }
    renderPanel()
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const lngLat = { lng: position.coords.longitude, lat: position.coords.latitude }
        mapView?.flyTo([lngLat.lng, lngLat.lat], 12)
        void runNearest(lngLat)
      },
      () => {
        nearest = { phase: 'error', message: t('locationDenied') }
        renderPanel()
      },
      { timeout: 10_000, maximumAge: 60_000 },
    )
  }

  function setMetric(metric: MetricId): void {
    url = { ...url, metric }
    writeUrl()
    mapView?.update({ metric })
    renderControls()
    renderPanel()
  }

  function setLayer(group: LayerGroup, on: boolean): void {
    const layers = new Set(url.layers)
    if (on) layers.add(group)
    else layers.delete(group)
    url = { ...url, layers }
    writeUrl()
    mapView?.update({ visible: layers })
    renderControls()
  }

  function setLanguage(next: Lang): void {
    setLang(next)
    mapView?.closePopup()
    mapView?.update({ lang: next })
    renderAll()
  }

  function chooseBasemap(id: string | null): void {
    basemapId = id
    writeStorage(BASEMAP_KEY, id)
    void mapView?.setBasemap(currentBasemap())
    renderSettingsDialog()
  }

  function currentBasemap(): BasemapOption | null {
    return config.basemaps.find((b) => b.id === basemapId) ?? null
  }

  // ——— rendering ———

  function renderAll(): void {
    document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en'
    renderHeader()
    renderControls()
    renderPanel()
    renderUnderMap()
    renderSettingsDialog()
    if (isLeaderRoute(url.route)) void showLeaderPage(false)
    els.schematicNote.textContent = t('schematicShort')
    els.schematicNote.title = t('schematic')
    mapView?.localizeControls()
  }

  function renderHeader(): void {
    const other: Lang = lang() === 'zh' ? 'en' : 'zh'
    fill(
      els.header,
      isLeaderRoute(url.route)
        ? h('a', { class: 'skip', href: '#page-title', onclick: (e: Event) => (e.preventDefault(), document.getElementById('page-title')?.focus()) }, t('skipToContent'))
        : h('a', { class: 'skip', href: '#panel', onclick: (e: Event) => (e.preventDefault(), els.panel.focus()) }, t('skipToPanel')),
      h('div', { class: 'brand' }, h('h1', {}, h('a', { href: href({ name: 'county' }) }, t('appTitle'))), h('span', { class: 'subtitle' }, t('appSubtitle'))),
      h(
        'nav',
        { 'aria-label': lang() === 'zh' ? '主导航' : 'Main' },
        h(
          'ul',
          {},
          h('li', {}, h('a', { href: href({ name: 'county' }), 'aria-current': url.route.name === 'county' ? 'page' : null }, t('navMap'))),
          (['compare', 'indicators', 'plan', 'data'] as const).map((name) =>
            h('li', {}, h('a', { href: `#/${name}`, 'aria-current': url.route.name === name ? 'page' : null }, t(NAV_LABELS[name]))),
          ),
          h('li', {}, h('a', { href: '/graphql' }, t('navApi'))),
        ),
      ),
      renderSearchBox({ index: () => searchIndex, describe, onChoose: chooseSearchResult }),
      h('button', { type: 'button', id: 'settings-button', onclick: () => els.settings.showModal() }, '⚙ ', t('settings')),
      h('button', { type: 'button', id: 'lang-button', lang: other === 'en' ? 'en' : 'zh-CN', 'aria-label': t('switchLangLabel'), onclick: () => setLanguage(other) }, t('switchLang')),
    )
  }

  function describe(target: SearchTarget): string {
    if (target.kind === 'region') {
      const r = lookup?.regions.get(target.id)
      return r ? levelName(r.level) : ''
    }
    const p = lookup?.items.get(target.id)
    return p ? kindName(p.kind) + (p.location ? '' : ` · ${t('unknown')}`) : ''
  }

  function chooseSearchResult(target: SearchTarget): void {
    if (target.kind === 'region') {
      location.hash = href({ name: 'town', code: target.id })
      return
    }
    const item = lookup?.items.get(target.id)
    if (item?.location) return showPoint(item.id)
    unlocatedOpen = true
    renderUnderMap()
    const el = document.getElementById(`unlocated-${target.id}`)
    el?.querySelector('details')?.setAttribute('open', '')
    el?.scrollIntoView({ block: 'center' })
    el?.querySelector('summary')?.focus()
  }

  function renderControls(): void {
    if (!lookup) return fill(els.controls)
    const classes = mapView?.currentClasses() ?? []
    const pending = isPending(url.metric, lookup.figures !== undefined)
    const regions = lookup.layers.regions.features.map((f) => f.properties).filter((r) => r.inCountyStatistics)
    const hasNoData =
      url.metric === 'per10k' ? regions.some((r) => lookup!.figures?.get(r.code)?.servicePointsPer10k == null) : url.metric === 'coverage' ? regions.some((r) => lookup!.figures?.get(r.code)?.coverageShare == null) : false
    const located = lookup.layers.servicePoints.features
    fill(
      els.controls,
      renderMapControls({
        metric: url.metric,
        layers: url.layers,
        classes,
        hasNoData,
        pending,
        kinds: [...new Set(located.map((f) => f.properties.kind))],
        hasStacks: new Set(located.map((f) => f.geometry.coordinates.join())).size < located.length,
        onMetric: setMetric,
        onLayer: setLayer,
      }),
    )
  }

  function renderPanel(): void {
    if (loadError) {
      return fill(els.panel, h('h2', { id: 'panel-title' }, t('loadFailed')), h('p', { role: 'alert' }, loadError), h('button', { type: 'button', onclick: () => location.reload() }, t('retry')))
    }
    if (!lookup) return fill(els.panel, h('p', { class: 'hint' }, t('loading')))
    const route = url.route
    if (isLeaderRoute(route)) return
    const nearestProps = { nearest, onUseLocation: useMyLocation }
    let title = t('appTitle')
    if (route.name === 'county') {
      fill(els.panel, renderCountyPanel(ctx(), nearestProps))
    } else if (route.name === 'town') {
      if (!town || town.code !== route.code || town.phase === 'loading') fill(els.panel, h('p', { class: 'hint' }, t('loading')))
      else if (town.phase === 'error') fill(els.panel, renderNotFound(ctx(), `${t('loadFailed')}: ${town.message}`))
      else if (!town.detail || !lookup.regions.has(route.code)) fill(els.panel, renderNotFound(ctx(), tf('notFoundTown', { code: route.code })))
      else {
        fill(els.panel, renderTownPanel(ctx(), town.detail, neighbours.get(route.code) ?? []), renderNearest(ctx(), nearestProps))
        title = `${lang() === 'zh' ? town.detail.nameZh : town.detail.nameEn} · ${title}`
      }
    } else {
      fill(els.panel, renderNotFound(ctx(), tf('notFoundPage', { path: route.path })))
    }
    document.title = title
  }

  function renderUnderMap(): void {
    const el = lookup ? renderUnlocated(ctx(), lookup.layers.allServicePoints, unlocatedOpen) : null
    el?.addEventListener('toggle', () => (unlocatedOpen = (el as HTMLDetailsElement).open))
    fill(els.underMap, el)
  }

  function renderSettingsDialog(): void {
    renderSettings(els.settings, { options: config.basemaps, chosen: currentBasemap()?.id ?? null, onChoose: chooseBasemap })
  }

  // ——— routes ———

  /** Places the map for the page: the view in the address on a first load, else the page's area. */
  function applyCamera(first: boolean): void {
    const code = selectedCode()
    const known = code !== null && lookup?.regions.has(code)
    mapView?.update({ selectedCode: known ? code : null })
    if (url.view && first) mapView?.jumpTo(url.view)
    else mapView?.fitRegion(known ? code : null, !first)
  }

  /** Shows a leader's page instead of the map (its code loads on first use). */
  async function showLeaderPage(focusTitle: boolean): Promise<void> {
    const route = url.route
    if (!isLeaderRoute(route)) return
    els.layout.hidden = true
    els.page.hidden = false
    document.documentElement.dataset.pageReady = 'false'
    const { renderLeaderPage } = await import('../leaders/pages.ts')
    await renderLeaderPage(els.page, route.name, route.query, { setQuery: (query) => setLeaderQuery(query) }, focusTitle)
  }

  function setLeaderQuery(query: string): void {
    if (!isLeaderRoute(url.route)) return
    url = { ...url, route: { ...url.route, query } }
    writeUrl()
  }

  function showMapPage(): void {
    if (!els.layout.hidden) return
    els.page.hidden = true
    fill(els.page)
    delete document.documentElement.dataset.page
    els.layout.hidden = false
    mapView?.resize()
  }

  async function applyRoute(first: boolean): Promise<void> {
    const route = url.route
    if (isLeaderRoute(route)) {
      if (first && leaderStarted) return
      leaderStarted = true
      renderHeader()
      return showLeaderPage(!first)
    }
    showMapPage()
    if (!first) applyCamera(false)
    if (route.name === 'town' && (!town || town.code !== route.code)) {
      town = { code: route.code, phase: 'loading' }
      renderPanel()
      try {
        const detail = await fetchTown(route.code)
        if (town.code === route.code) town = { code: route.code, phase: 'done', detail }
      } catch (error) {
        if (town.code === route.code) town = { code: route.code, phase: 'error', message: error instanceof ApiError ? error.message : String(error) }
      }
    }
    renderHeader()
    renderPanel()
    if (!first) (document.getElementById('panel-title') as HTMLElement | null)?.focus({ preventScroll: true })
  }

  window.addEventListener('hashchange', () => {
    const previous = url
    url = parseHash(location.hash)
    if (isLeaderRoute(url.route)) {
      mapView?.closePopup()
      if (formatHash(url) !== formatHash(previous)) void applyRoute(false)
      return
    }
    if (isLeaderRoute(previous.route)) {
      void applyRoute(false)
      return
    }
    if (url.metric !== previous.metric) mapView?.update({ metric: url.metric })
    if ([...url.layers].join() !== [...previous.layers].join()) mapView?.update({ visible: url.layers })
    if (formatHash({ ...url, view: null }) !== formatHash({ ...previous, view: null }) || !url.view) {
      mapView?.closePopup()
      void applyRoute(false)
    } else if (url.view) mapView?.jumpTo(url.view)
    renderControls()
  })

  // ——— start ———

  renderAll()
  if (isLeaderRoute(url.route)) void applyRoute(true)
  layersPromise.then(
    async (layers: CountyLayers) => {
      lookup = buildLookup(layers)
      searchIndex = buildSearchIndex([
        ...layers.regions.features.map((f) => ({ kind: 'region' as const, id: f.properties.code, nameZh: f.properties.nameZh, nameEn: f.properties.nameEn })),
        ...layers.allServicePoints.map((p) => ({ kind: 'point' as const, id: p.id, nameZh: p.nameZh, nameEn: p.nameEn })),
      ])
      const drawn = mapView?.setData(layers)
      renderAll() // first: the camera keeps clear of the control box it draws
      applyCamera(true)
      await drawn
      neighbours = touchingNeighbours(layers.regions.features.map((f) => ({ id: f.properties.code, geometry: f.geometry })))
      await applyRoute(true)
      const codes = layers.regions.features.filter((f) => f.properties.inCountyStatistics).map((f) => f.properties.code)
      try {
        const figures = await fetchRegionFigures(codes)
        lookup = { ...lookup, figures }
        await mapView?.setFigures(figures)
      } catch (error) {
        // The figures stay "…" (loading) on the map; the error shows where they are needed.
        if (needsFigures(url.metric)) console.warn('compareRegions failed:', (error as Error).message)
      }
      renderControls()
      renderPanel()
      document.documentElement.dataset.ready = 'true'
    },
    (error: Error) => {
      loadError = error.message
      renderPanel()
    },
  )
  configPromise.then((c) => {
    config = c
    renderSettingsDialog()
    if (currentBasemap()) void mapView?.setBasemap(currentBasemap())
  })
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key)
    else localStorage.setItem(key, value)
  } catch {
    // private mode: the choice lasts for this page only
  }
}
