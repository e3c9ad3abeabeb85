/** The search box: a combobox over townships and service points (Chinese, pinyin or English). */
import { nameIn, type GIProductItem } from '../api/operations.ts'
import { giStatusName, lang, t } from '../lib/i18n.ts'
import { search, type SearchIndex, type SearchTarget } from '../lib/search-index.ts'
import { h } from './dom.ts'

/** A GI product's description in the results: "GI product · its status", plus "origin unknown" when it is. */
export function giDescription(g: GIProductItem | undefined): string {
  if (!g) return t('gi.kind')
  return `${t('gi.kind')} · ${giStatusName(g.status)}${g.originRegionCodes.length ? '' : ` · ${t('gi.originUnknown')}`}`
}

/** The search index (undefined until the data is in), a description per result and what to do on a choice. */
export interface SearchBoxProps {
  index(): SearchIndex | undefined
  /** Asks for the index when it is not there yet (on a page without the map); the results follow when it is. */
  prepare?(): Promise<unknown>
  /** A short description under each name (level or kind). */
  describe(target: SearchTarget): string
  onChoose(target: SearchTarget): void
}

/** A labelled combobox: arrows move, Enter chooses, Escape closes. */
export function renderSearchBox(props: SearchBoxProps): HTMLElement {
  const listId = 'search-results'
  let results: SearchTarget[] = []
  let active = -1
  const input = h('input', {
    id: 'search-input',
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    placeholder: t('searchPlaceholder'),
  })
  const list = h('ul', { id: listId, role: 'listbox', class: 'search-results', hidden: true, 'aria-label': t('searchLabel') })

  const close = () => {
    list.hidden = true
    input.setAttribute('aria-expanded', 'false')
    input.removeAttribute('aria-activedescendant')
    active = -1
  }
  const choose = (target: SearchTarget) => {
    close()
    input.value = nameIn(target, lang())
    props.onChoose(target)
  }
  const highlight = (i: number) => {
    active = i
    list.querySelectorAll('[role=option]').forEach((el, j) => el.setAttribute('aria-selected', String(j === i)))
    if (i >= 0) input.setAttribute('aria-activedescendant', `search-option-${i}`)
  }
  const update = () => {
    const index = props.index()
    if (!index && props.prepare)
      void props.prepare().then(
        () => props.index() && update(),
        () => undefined,
      )
    results = index ? search(index, input.value) : []
    list.replaceChildren(
      ...(results.length === 0 && input.value.trim()
        ? [h('li', { class: 'none', role: 'option', 'aria-disabled': 'true' }, t('searchNone'))]
        : results.map((r, i) =>
            h(
              'li',
              { id: `search-option-${i}`, role: 'option', 'aria-selected': 'false', onmousedown: (e: Event) => (e.preventDefault(), choose(r)) },
              h('span', { class: 'name' }, nameIn(r, lang())),
              h('span', { class: 'hint' }, props.describe(r)),
            ),
          )),
    )
    const open = input.value.trim() !== ''
    list.hidden = !open
    input.setAttribute('aria-expanded', String(open))
    highlight(results.length ? 0 : -1)
  }
  input.addEventListener('input', update)
  input.addEventListener('focus', () => input.value.trim() && update())
  input.addEventListener('blur', () => setTimeout(close, 100))
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && results.length) highlight((active + 1) % results.length)
    else if (e.key === 'ArrowUp' && results.length) highlight((active - 1 + results.length) % results.length)
    else if (e.key === 'Enter' && active >= 0 && results[active]) choose(results[active])
    else if (e.key === 'Escape') close()
    else return
    e.preventDefault()
  })
  return h('div', { class: 'search', role: 'search' }, h('label', { for: 'search-input', class: 'visually-hidden' }, t('searchLabel')), input, list)
}
