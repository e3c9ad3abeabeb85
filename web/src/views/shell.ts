/** The parts around every page: the header (title, navigation, search, settings, language) and the settings dialog. */
import type { Lang } from '../api/types.ts'
import { lang, t, type StringKey } from '../lib/i18n.ts'
import type { SearchIndex, SearchTarget } from '../lib/search-index.ts'
import type { BasemapOption } from '../map/basemap.ts'
import { hrefOf, type State } from '../state/state.ts'
import { fill, h } from '../ui/dom.ts'
import { renderSearchBox } from '../ui/search.ts'
import { renderSettings } from '../ui/settings.ts'

/** The header's links to the pages without a map, in order. */
const NAV: { page: 'compare' | 'indicators' | 'plan' | 'data'; label: StringKey }[] = [
  { page: 'compare', label: 'navCompare' },
  { page: 'indicators', label: 'navIndicators' },
  { page: 'plan', label: 'navPlan' },
  { page: 'data', label: 'navData' },
]

/** What the header needs besides the state. */
export interface HeaderProps {
  /** Whether the page has the map (the skip link then leads to the side panel). */
  hasMap: boolean
  panel: HTMLElement
  settings: HTMLDialogElement
  /** The search index, undefined until the county's data is in; `prepare` asks for it (on a page without the map). */
  index: () => SearchIndex | undefined
  prepare: () => Promise<unknown>
  describe: (target: SearchTarget) => string
  onChoose: (target: SearchTarget) => void
  onLang(lang: Lang): void
}

/** Draws the header. */
export function renderHeader(el: HTMLElement, state: State, props: HeaderProps): void {
  const other: Lang = lang() === 'zh' ? 'en' : 'zh'
  const home = hrefOf(state, { name: 'county' })
  fill(
    el,
    props.hasMap
      ? h('a', { class: 'skip', href: '#panel', onclick: (e: Event) => (e.preventDefault(), props.panel.focus()) }, t('skipToPanel'))
      : h(
          'a',
          { class: 'skip', href: '#page-title', onclick: (e: Event) => (e.preventDefault(), document.getElementById('page-title')?.focus()) },
          t('skipToContent'),
        ),
    h('div', { class: 'brand' }, h('h1', {}, h('a', { href: home }, t('appTitle'))), h('span', { class: 'subtitle' }, t('appSubtitle'))),
    h(
      'nav',
      { 'aria-label': t('navMain') },
      h(
        'ul',
        {},
        h('li', {}, h('a', { href: home, 'aria-current': state.route.name === 'county' ? 'page' : null }, t('navMap'))),
        NAV.map(({ page, label }) => h('li', {}, h('a', { href: `#/${page}`, 'aria-current': state.route.name === page ? 'page' : null }, t(label)))),
        h('li', {}, h('a', { href: '/graphql' }, t('navApi'))),
      ),
    ),
    renderSearchBox({ index: props.index, prepare: props.prepare, describe: props.describe, onChoose: props.onChoose }),
    h('button', { type: 'button', id: 'settings-button', onclick: () => props.settings.showModal() }, '⚙ ', t('settings')),
    h(
      'button',
      { type: 'button', id: 'lang-button', lang: other === 'en' ? 'en' : 'zh-CN', 'aria-label': t('switchLangLabel'), onclick: () => props.onLang(other) },
      t('switchLang'),
    ),
  )
}

/** Draws the settings dialog: the basemaps /config.json offers and the one chosen. */
export function renderSettingsDialog(dialog: HTMLDialogElement, basemaps: BasemapOption[], chosen: string | null, onChoose: (id: string | null) => void): void {
  renderSettings(dialog, { options: basemaps, chosen, onChoose })
}
