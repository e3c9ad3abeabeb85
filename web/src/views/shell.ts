/** The parts around every page: the header (title, navigation, search, settings, language) and the settings dialog. */
import type { SessionUser } from '../api/session.ts'
import type { Lang } from '../api/types.ts'
import { lang, t, tf, type StringKey } from '../lib/i18n.ts'
import type { SearchIndex, SearchTarget } from '../lib/search-index.ts'
import { signInHash } from '../lib/url-state.ts'
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
  onSignOut(): void
}

/** A role's name in the current language. */
export const roleName = (role: SessionUser['role']): string => t(`accounts.role.${role}`)

/**
 * The header's user entry: "登录" (back to this address afterwards) when nobody is signed in; else a
 * menu under the display name and role with 账户, 用户管理 (admins) and 退出. Nothing until the server has said.
 */
function userEntry(user: SessionUser | null | undefined, routeName: string, onSignOut: () => void): HTMLElement | null {
  if (user === undefined) return null
  if (user === null) {
    // The address to come back to is read on click: the header is not redrawn for every move of the map.
    const go = (e: Event) => {
      e.preventDefault()
      location.hash = routeName === 'sign-in' ? location.hash : signInHash(location.hash)
    }
    return h(
      'a',
      { id: 'sign-in-link', class: 'user-entry', href: '#/sign-in', onclick: go, 'aria-current': routeName === 'sign-in' ? 'page' : null },
      t('accounts.signIn'),
    )
  }
  const role = roleName(user.role)
  const menu = h(
    'details',
    { id: 'user-menu', class: 'user-entry user-menu' },
    h(
      'summary',
      { 'aria-label': tf('accounts.menuLabel', { name: user.displayName, role }) },
      h('span', { class: 'user-name' }, user.displayName),
      h('span', { class: 'user-role' }, role),
    ),
    h(
      'ul',
      {},
      h('li', {}, h('a', { href: '#/account', id: 'account-link', 'aria-current': routeName === 'account' ? 'page' : null }, t('accounts.account'))),
      // Every steward: the feedback queue and the bulk upload (the server limits a township editor to their towns).
      h('li', {}, h('a', { href: '#/feedback', id: 'feedback-link', 'aria-current': routeName === 'feedback' ? 'page' : null }, t('pageFeedback'))),
      h('li', {}, h('a', { href: '#/upload', id: 'upload-link', 'aria-current': routeName === 'upload' ? 'page' : null }, t('pageUpload'))),
      user.role === 'admin'
        ? h('li', {}, h('a', { href: '#/users', id: 'users-link', 'aria-current': routeName === 'users' ? 'page' : null }, t('accounts.users')))
        : null,
      h('li', {}, h('button', { type: 'button', id: 'sign-out-button', onclick: onSignOut }, t('accounts.signOut'))),
    ),
  )
  // The menu closes once a link in it is followed, and with Escape (the focus back on its summary).
  menu.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('a')) menu.open = false
  })
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menu.open) {
      menu.open = false
      menu.querySelector('summary')?.focus()
    }
  })
  return menu
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
    // The gear alone (its name for screen readers and as a tooltip): the header keeps one row at 1280 px in English too.
    h(
      'button',
      { type: 'button', id: 'settings-button', title: t('settings'), onclick: () => props.settings.showModal() },
      h('span', { 'aria-hidden': 'true' }, '⚙'),
      h('span', { class: 'visually-hidden' }, t('settings')),
    ),
    userEntry(state.user, state.route.name, () => props.onSignOut()),
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
