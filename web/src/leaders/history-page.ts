/** #/history?entity=…&id=…: a record's changes from the public audit log, newest first, with what each changed. */
import { h } from '../ui/dom.ts'
import type { AuditEntry, HistoryPage } from './api.ts'
import { changedFields, formatValue } from './audit-diff.ts'
import { L, timeEl } from './common.ts'
import { lang } from '../lib/i18n.ts'

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

const ACTIONS: Record<string, [string, string]> = {
  INSERT: ['新增', 'Added'],
  UPDATE: ['修改', 'Changed'],
  DELETE: ['删除', 'Deleted'],
  IMPORT: ['导入', 'Imported'],
}

const ENTITIES: Record<string, [string, string]> = {
  service_point: ['服务站点', 'Service point'],
  region: ['乡镇（街道）', 'Township'],
}

function entryItem(e: AuditEntry, index: number): HTMLElement {
  const changes = changedFields(e.before, e.after)
  const empty = L('（空）', '(empty)')
  const positions = (n: number) => L(`${n} 个坐标点`, `${n} positions`)
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
      h('span', { class: 'action' }, action ? L(action[0], action[1]) : e.action),
    ),
    changes.length === 0
      ? h('p', { class: 'note' }, L('没有字段变化。', 'No field changed.'))
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
    h('p', {}, h('a', { href: backHref, id: 'history-back' }, '← ', backHref.startsWith('#/town/') ? L('返回乡镇页面', 'Back to the township page') : L('返回县域地图', 'Back to the county map'))),
    h('h2', { id: 'page-title', tabindex: '-1' }, L(`修改记录：${name}`, `History: ${name}`)),
    h('p', { class: 'meta' }, kind ? L(kind[0], kind[1]) : h('code', {}, state.entity), ' · ', h('code', {}, state.id)),
    state.entity === 'region'
      ? h(
          'p',
          { class: 'note' },
          L(
            '包括该乡镇（街道）的属性、驻地和边界的修改。为该乡镇记录的指标值和名称沿革以其自身记录保存，不在此列。',
            'Changes to the township’s attributes, seat and boundary. Indicator values recorded for it and its former names are records of their own, not listed here.',
          ),
        )
      : null,
    h('p', { role: 'status', id: 'history-count' }, state.totalCount === 0 ? L('暂无修改记录', 'No changes recorded yet') : L(`共 ${state.totalCount} 条修改记录，最新的在前`, `${state.totalCount} changes, newest first`)),
    state.entries.length ? h('ol', { class: 'history' }, state.entries.map(entryItem)) : null,
    state.hasNextPage
      ? h('button', { type: 'button', id: 'history-more', onclick: onMore, disabled: state.loadingMore }, state.loadingMore ? L('加载中…', 'Loading…') : L('加载更多', 'More'))
      : null,
    state.moreError ? h('p', { role: 'alert' }, state.moreError) : null,
    h('p', { class: 'note' }, L('修改记录公开，可通过 GraphQL 的 auditLog 查询。', 'The record of changes is public: GraphQL auditLog.')),
  )
}
