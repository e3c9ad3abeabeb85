/**
 * The app's shell: holds the one State (web/src/state/state.ts), changes it only through `update`,
 * writes the address from it and draws it: the header, the settings, and the page of the route
 * from the page registry (views/pages.ts), with the map (map-page.ts, its own chunk, loaded on the first
 * map page with MapLibre and the county's data, all three asked at once) or without it.
 */
import { fetchNearest } from '../api/operations.ts'
import { currentUser, onSessionChange, signOut } from '../api/session.ts'
import { initialLang, kindName, lang, levelName, setLang, t } from '../lib/i18n.ts'
import type { SearchTarget } from '../lib/search-index.ts'
import { toHash } from '../lib/url-state.ts'
import type { ClientConfig } from '../map/basemap.ts'
import { Cache } from '../state/cache.ts'
import { initialState, pageOf as pagePath, update, type Action, type LngLat, type State } from '../state/state.ts'
import { fill, h } from '../ui/dom.ts'
import { KEYS, loadConfig, loadCounty, type CountyData } from './county-data.ts'
import type { MapPageElements } from './map-page.ts'
import { Memo } from './memo.ts'
import { giDescription } from '../ui/search.ts'
import { pageOf, type PageContext, type PageRow, type PageView } from './pages.ts'
import { renderHeader, renderSettingsDialog } from './shell.ts'

const BASEMAP_KEY = 'ipmap.basemap'

/** The page's fixed elements (see web/index.html): the header and the settings dialog, and the map layout's. */
export interface AppElements extends MapPageElements {
  header: HTMLElement
  settings: HTMLDialogElement
}

/** Starts the app: reads the address and draws its page; the data each page needs is loaded on first need. */
export function startApp(els: AppElements): void {
  let state: State = initialState(location.hash, initialLang(), readStorage(BASEMAP_KEY))
  const cache = new Cache(() => render())
  const memo = { header: new Memo(), settings: new Memo(), page: new Memo() }
  let focusedVisit = 0

  /** Changes the state, writes the address (a new page is a history entry) and draws. */
  function dispatch(action: Action): void {
    const previous = state
    state = update(state, action)
    if (state === previous) return
    // The address is the source on a navigation; otherwise it follows the state.
    const hash = toHash(state)
    if (action.type !== 'navigate' && hash !== location.hash) {
      if (pagePath(previous) !== pagePath(state)) history.pushState(null, '', hash)
      else history.replaceState(history.state, '', hash)
    }
    if (state.basemapId !== previous.basemapId) writeStorage(BASEMAP_KEY, state.basemapId)
    render()
  }

  const county = () => cache.value<CountyData>(KEYS.county)
  const config = () => cache.value<ClientConfig>(KEYS.config)
  const basemap = (s: State) => config()?.basemaps.find((b) => b.id === s.basemapId) ?? null

  /** Shows a located service point on the map (the county map when the page has none). */
  function showPoint(id: string): void {
    if (!pageOf(state.route).needsMap) dispatch({ type: 'go', route: { name: 'county' } })
    dispatch({ type: 'showPoint', id })
  }

  async function runNearest(at: LngLat, action: 'nearestAsked' | 'located'): Promise<void> {
    dispatch({ type: action, at })
    try {
      dispatch({ type: 'nearestAnswered', results: await fetchNearest(at.lng, at.lat, 5) })
    } catch (error) {
      dispatch({ type: 'nearestFailed', message: `${t('loadFailed')}: ${(error as Error).message}` })
    }
  }

  function useMyLocation(): void {
    if (!navigator.geolocation) return dispatch({ type: 'nearestFailed', message: t('locationDenied') })
    dispatch({ type: 'nearestAsked', at: null })
    navigator.geolocation.getCurrentPosition(
      (position) => void runNearest({ lng: position.coords.longitude, lat: position.coords.latitude }, 'located'),
      () => dispatch({ type: 'nearestFailed', message: t('locationDenied') }),
      { timeout: 10_000, maximumAge: 60_000 },
    )
  }

  type MapPage = ReturnType<typeof import('./map-page.ts').createMapPage>
  let mapPage: MapPage | undefined
  let mapPageAsked = false
  /** The map layout, once its chunk is in (undefined before): asked on the first map page, with the county's data and MapLibre. */
  function mapLayout(): MapPage | undefined {
    if (mapPageAsked) return mapPage
    mapPageAsked = true
    void loadCounty(cache).catch(() => undefined)
    // MapLibre's chunk too, so that it comes in parallel with the layout's rather than after it.
    void import('./map-view.ts').catch(() => undefined)
    import('./map-page.ts').then(
      ({ createMapPage }) => {
        mapPage = createMapPage(els, {
          cache,
          dispatch,
          refresh: () => render(),
          showPoint,
          onPlaceClick: (at) => void runNearest(at, 'nearestAsked'),
          onUseLocation: useMyLocation,
          basemap,
        })
        render()
      },
      (error: Error) => {
        mapPageAsked = false // the next draw asks again
        delete els.controls.dataset.pending
        fill(
          els.panel,
          h('h2', { id: 'panel-title' }, t('loadFailed')),
          h('p', { role: 'alert' }, error.message),
          h('button', { type: 'button', onclick: () => location.reload() }, t('retry')),
        )
      },
    )
    return undefined
  }

  function describe(target: SearchTarget): string {
    const lookup = county()?.lookup
    if (target.kind === 'region') {
      const r = lookup?.regions.get(target.id)
      return r ? levelName(r.level) : ''
    }
    if (target.kind === 'gi') return giDescription(lookup?.layers.allGiProducts.find((g) => g.code === target.id))
    const p = lookup?.items.get(target.id)
    return p ? kindName(p.kind) + (p.location ? '' : ` · ${t('unknown')}`) : ''
  }

  function chooseSearchResult(target: SearchTarget): void {
    if (target.kind === 'region') return dispatch({ type: 'go', route: { name: 'town', code: target.id } })
    if (target.kind === 'gi') return dispatch({ type: 'go', route: { name: 'gi', code: target.id } })
    const item = county()?.lookup.items.get(target.id)
    if (item?.location) return showPoint(item.id)
    if (!pageOf(state.route).needsMap) dispatch({ type: 'go', route: { name: 'county' } })
    dispatch({ type: 'unlocated', open: true })
    const list = document.getElementById('unlocated')
    list?.setAttribute('open', '')
    const el = document.getElementById(`unlocated-${target.id}`)
    el?.querySelector('details')?.setAttribute('open', '')
    el?.scrollIntoView({ block: 'center' })
    el?.querySelector('summary')?.focus()
  }

  /** Draws a page without the map in #page, keeping the focus on the element (by id) that had it. */
  function drawPage(row: PageRow, ctx: PageContext): void {
    mapPage?.leave()
    els.layout.hidden = true
    els.page.hidden = false
    const key = row.key?.(state) ?? row.route
    if (!cache.peek(key)) void cache.get(key, () => row.load?.(state, { cache, visit: state.visit }) ?? Promise.resolve(null)).catch(() => undefined)
    // A page is drawn again when someone signs in or out (not when only their password state changes).
    if (!memo.page.changed(state.route, state.lang, state.visit, cache.version, state.user && `${state.user.username}:${state.user.role}`)) return
    const entry = cache.peek(key)!
    const title = t(row.title ?? 'appTitle')
    const heading = (...rest: HTMLElement[]) => ({
      title,
      content: [h('div', { class: 'leaders' }, h('h2', { id: 'page-title', tabindex: '-1' }, title), ...rest)],
    })
    let page: PageView
    if (entry.status === 'done') page = row.render(state, entry.value, ctx)
    else if (entry.status === 'loading')
      page = { ...(row.loading?.(state, ctx) ?? heading(h('p', { class: 'hint', role: 'status' }, t('loading')))), busy: true }
    else {
      page = heading(h('p', { role: 'alert' }, `${t('loadFailed')}: ${(entry.error as Error).message}`))
      cache.forget(key) // the next draw asks again
    }
    const active = document.activeElement as HTMLElement | null
    const focusedId = active && els.page.contains(active) ? active.id || active.dataset.sort : undefined
    // A steward's open form (what they are typing) outlives a redraw of the same page in the same language: it
    // moves into the new page's mount of the same id (`data-keep-open`), its button saying it is open.
    const sameView = els.page.dataset.drawn === `${state.route.name}:${state.lang}`
    const open = sameView ? [...els.page.querySelectorAll<HTMLElement>('[data-keep-open][id]')].filter((m) => m.firstElementChild) : []
    fill(els.page, ...page.content)
    els.page.dataset.drawn = `${state.route.name}:${state.lang}`
    for (const old of open) {
      const mount = document.getElementById(old.id)
      if (!mount || mount === old || !mount.hasAttribute('data-keep-open')) continue
      mount.replaceChildren(...old.childNodes)
      document.querySelector(`button[aria-controls="${old.id}"]`)?.setAttribute('aria-expanded', 'true')
    }
    if (state.visit > focusedVisit) {
      focusedVisit = state.visit
      document.getElementById('page-title')?.focus({ preventScroll: false })
    } else if (focusedId) (document.getElementById(focusedId) ?? els.page.querySelector<HTMLElement>(`[data-sort="${focusedId}"]`))?.focus()
    document.title = `${title} · ${t('appTitle')}`
    if (page.busy) document.documentElement.dataset.pageReady = 'false'
    else {
      document.documentElement.dataset.page = state.route.name
      document.documentElement.dataset.pageReady = 'true'
    }
  }

  /** Draws the state. */
  function render(): void {
    if (lang() !== state.lang) setLang(state.lang)
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en'
    const row = pageOf(state.route)
    if (memo.header.changed(state.lang, state.route.name, toHash({ ...state, route: { name: 'county' }, view: null }), state.user)) {
      renderHeader(els.header, state, {
        hasMap: row.needsMap,
        panel: els.panel,
        settings: els.settings,
        index: () => county()?.searchIndex,
        prepare: () => loadCounty(cache),
        describe,
        onChoose: chooseSearchResult,
        onLang: (next) => dispatch({ type: 'lang', lang: next }),
        onSignOut: () => void signOut().catch(() => undefined),
      })
    }
    if (memo.settings.changed(state.lang, state.basemapId, config())) {
      renderSettingsDialog(els.settings, config()?.basemaps ?? [], basemap(state)?.id ?? null, (id) => dispatch({ type: 'basemap', id }))
    }
    const ctx: PageContext = { cache, dispatch, refresh: () => render(), onUseLocation: useMyLocation }
    if (!row.needsMap) return drawPage(row, ctx)
    const layout = mapLayout()
    if (layout) layout.draw(state, row, ctx)
    else {
      // Until the layout's chunk is in: the layout's place, saying so (as index.html's panel does).
      els.page.hidden = true
      fill(els.page)
      delete document.documentElement.dataset.page
      els.layout.hidden = false
      fill(els.panel, h('p', { class: 'hint' }, t('loading')))
    }
  }

  window.addEventListener('hashchange', () => dispatch({ type: 'navigate', hash: location.hash }))
  // Who is signed in: asked once (GET /auth/me), then told by sign-in, sign-out and password changes.
  onSessionChange((user) => dispatch({ type: 'session', user }))
  void currentUser().then((user) => dispatch({ type: 'session', user }))
  // The settings dialog offers the basemaps of the server's configuration.
  void loadConfig(cache)
  render()
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
