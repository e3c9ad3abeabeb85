/** #/history?entity=…&id=…: a record's changes from the public audit log, newest first, with what each changed. */
import { h } from '../ui/dom.ts'
import type { AuditEntry, HistoryPage } from './api.ts'
import { changedFields, fieldName, valueWords } from './audit-diff.ts'
import { timeEl } from './common.ts'
import { addStrings, lang, t, tf, type StringKey } from '../lib/i18n.ts'
import { FEEDBACK_STRINGS } from '../lib/locale/feedback.ts'
import { GI_STRINGS } from '../lib/locale/gi.ts'
import { STATION_STRINGS } from '../lib/locale/stations.ts'
import { HISTORY_STRINGS } from '../lib/locale/history.ts'

addStrings(FEEDBACK_STRINGS)
addStrings(GI_STRINGS)
addStrings(STATION_STRINGS)
addStrings(HISTORY_STRINGS)

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
  /** The outcome of the last revert, announced. */
  notice?: string | null
}

/** Undoes an entry with a reason; resolves to the new entry's id, rejects with the server's message. */
export type OnRevert = (entryId: string, reason: string) => Promise<string>

const ACTIONS: Record<string, StringKey> = {
  INSERT: 'history.action.INSERT',
  UPDATE: 'history.action.UPDATE',
  DELETE: 'history.action.DELETE',
  IMPORT: 'history.action.IMPORT',
  ANSWER: 'history.action.ANSWER',
  CLOSE: 'history.action.CLOSE',
}

const REVERTIBLE = new Set(['INSERT', 'UPDATE', 'DELETE'])

/** The revert button of an entry and the small form it opens (a reason is required); errors are read out. */
function revertControl(e: AuditEntry, onRevert: OnRevert): HTMLElement {
  const key = `revert-${e.id}`
  const box = h('div', { class: 'revert', id: key })
  const open = h(
    'button',
    { type: 'button', class: 'revert-button', 'aria-expanded': 'false', 'aria-controls': `${key}-form` },
    t('history.revert'),
    h('span', { class: 'visually-hidden' }, ` #${e.id}`),
  )
  const reason = h('input', { id: `${key}-reason`, type: 'text', maxlength: 500, 'aria-describedby': `${key}-error` })
  const error = h('p', { id: `${key}-error`, class: 'field-error' })
  const submit = h('button', { type: 'submit', class: 'primary' }, t('history.revertConfirm'))
  const form = h('form', { id: `${key}-form`, hidden: true }, h('label', { for: `${key}-reason` }, t('history.revertReason')), ' ', reason, ' ', submit, error)
  const fail = (message: string) => {
    error.textContent = message
    error.setAttribute('role', 'alert')
    reason.setAttribute('aria-invalid', 'true')
    reason.focus()
  }
  open.addEventListener('click', () => {
    form.hidden = !form.hidden
    open.setAttribute('aria-expanded', String(!form.hidden))
    if (!form.hidden) reason.focus()
  })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (!reason.value.trim()) return fail(t('history.reasonRequired'))
    submit.disabled = true
    onRevert(e.id, reason.value).catch((err: Error) => {
      submit.disabled = false
      fail(tf('history.revertFailed', { message: err.message }))
    })
  })
  box.append(open, form)
  return box
}

const ENTITIES: Record<string, StringKey> = {
  service_point: 'history.entity.service_point',
  region: 'history.entity.region',
  gi_product: 'history.entity.gi_product',
}

function entryItem(e: AuditEntry, index: number, onRevert: OnRevert | null): HTMLElement {
  const changes = changedFields(e.before, e.after)
  const language = lang()
  const words = (field: string, value: unknown) => valueWords(e.entity, field, value, language, empty, positions)
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
    e.reverts
      ? h('p', { class: 'reverts' }, tf('history.revertsEntry', { id: e.reverts }), e.reason ? h('span', { class: 'reason' }, ` · ${e.reason}`) : null)
      : e.reason
        ? h('p', { class: 'reason' }, tf('stations.reasonGiven', { reason: e.reason }))
        : null,
    changes.length === 0
      ? h('p', { class: 'note' }, t('history.noFieldChanged'))
      : h(
          'ul',
          { class: 'changes' },
          changes.map((c) =>
            h(
              'li',
              { 'data-field': c.field },
              h('span', { class: 'field' }, tf('history.fieldValue', { field: fieldName(e.entity, c.field, language) })),
              e.before ? h('span', { class: 'before' }, words(c.field, c.before)) : null,
              e.before && e.after ? ' → ' : null,
              e.after ? h('span', { class: 'after' }, words(c.field, c.after)) : null,
            ),
          ),
        ),
    onRevert && REVERTIBLE.has(e.action) ? revertControl(e, onRevert) : null,
  )
}

/**
 * The page's content; `backHref` leads to the record's page on the map, `onMore` loads the next entries; `onRevert`
 * is given to stewards (signed in, or a token in this tab), and the server checks their role.
 */
export function renderHistoryPage(state: HistoryState, backHref: string, onMore: () => void, onRevert: OnRevert | null = null): HTMLElement {
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
    h('p', { role: 'status', id: 'history-notice', tabindex: '-1' }, state.notice ?? ''),
    state.entries.length
      ? h(
          'ol',
          { class: 'history' },
          state.entries.map((e, i) => entryItem(e, i, onRevert)),
        )
      : null,
    state.hasNextPage
      ? h('button', { type: 'button', id: 'history-more', onclick: onMore, disabled: state.loadingMore }, state.loadingMore ? t('loading') : t('history.more'))
      : null,
    state.moreError ? h('p', { role: 'alert' }, state.moreError) : null,
    h('p', { class: 'note' }, t('history.publicNote')),
  )
}
