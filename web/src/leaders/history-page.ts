/** #/history?entity=…&id=…: a record's changes from the public audit log, newest first, with what each changed. */
import { h } from '../ui/dom.ts'
import type { AuditEntry, HistoryPage } from './api.ts'
import { changedFields, formatValue } from './audit-diff.ts'
import { timeEl } from './common.ts'
import { lang, t, tf, type StringKey } from '../lib/i18n.ts'

/** What the page shows: the entries loaded so far (pages appended by "more"). */
export interface HistoryState {
  entity: string
  id: string
  entries: AuditEntry[]
  totalCount: number
  hasNextPage: boolean
  /** Where the next page starts (auditLog's `after`). */
  endCursor: string | null
  subject: HistoryPage['subject']
  loadingMore: boolean
  /** Why the last "more" failed, if it did. */
  moreError: string | null
}

const ACTIONS: Record<string, StringKey> = {
  INSERT: 'history.action.INSERT',
  UPDATE: 'history.action.UPDATE',
  DELETE: 'history.action.DELETE',
  IMPORT: 'history.action.IMPORT',
}

const ENTITIES: Record<string, StringKey> = {
  service_point: 'history.entity.service_point',
  region: 'history.entity.region',
}

function entryItem(e: AuditEntry, index: number): HTMLElement {
  const changes = changedFields(e.before, e.after)
  const empty = t('history.empty')
  const positions = (n: number) => tf('history.positions', { n })
  const action = ACTIONS[e.action]
  return h(
    'li',
    { class: 'history-entry', 'data-action': e.action, 'data-entry': e.id, id: `entry-${index}`, tabindex: '-1' },
    h(
      'p',
      { class: 'entry-head' },
      timeEl(e.at, true),
      ' · ',
      h('strong', { class: 'actor' }, e.actor),
      ' · ',
      h('span', { class: 'action' }, action ? t(action) : e.action),
    ),
    changes.length === 0
      ? h('p', { class: 'note' }, t('history.noFieldChanged'))
      : h(
          'ul',
          { class: 'changes' },
          changes.map((c) =>
            h(
              'li',
              { 'data-field': c.field },
              h('code', {}, c.field),
              ': ',
              e.before ? h('span', { class: 'before' }, formatValue(c.before, empty, positions)) : null,
              e.before && e.after ? ' → ' : null,
              e.after ? h('span', { class: 'after' }, formatValue(c.after, empty, positions)) : null,
            ),
          ),
        ),
  )
}

/** The page's content; `backHref` leads to the record's page on the map, `onMore` loads the next entries. */
export function renderHistoryPage(state: HistoryState, backHref: string, onMore: () => void): HTMLElement {
  const kind = ENTITIES[state.entity]
  const name = state.subject ? (lang() === 'zh' ? state.subject.nameZh : state.subject.nameEn) : state.id
  return h(
    'div',
    { class: 'leaders history-page' },
    h('p', {}, h('a', { href: backHref, id: 'history-back' }, '← ', backHref.startsWith('#/town/') ? t('history.backToTheTownship') : t('backToCounty'))),
    h('h2', { id: 'page-title', tabindex: '-1' }, tf('history.title', { name })),
    h('p', { class: 'meta' }, kind ? t(kind) : h('code', {}, state.entity), ' · ', h('code', {}, state.id)),
    state.entity === 'region' ? h('p', { class: 'note' }, t('history.regionNote')) : null,
    h('p', { role: 'status', id: 'history-count' }, state.totalCount === 0 ? t('history.noChangesRecordedYet') : tf('history.count', { n: state.totalCount })),
    state.entries.length ? h('ol', { class: 'history' }, state.entries.map(entryItem)) : null,
    state.hasNextPage
      ? h('button', { type: 'button', id: 'history-more', onclick: onMore, disabled: state.loadingMore }, state.loadingMore ? t('loading') : t('history.more'))
      : null,
    state.moreError ? h('p', { role: 'alert' }, state.moreError) : null,
    h('p', { class: 'note' }, t('history.publicNote')),
  )
}
