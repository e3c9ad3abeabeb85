/**
 * #/indicators, below the summary: what each town has reported (the `reportingMatrix` query), indicators ×
 * towns, each reported year a small mark whose status is a shape and a word (never colour alone), "未报送"
 * where a town has reported nothing. The wide table scrolls sideways in its own box, its first column sticky.
 * Which indicators are listed (counts and amounts, and any a town reported) is said above it.
 */
import type { ValueStatus } from '../../../schema/enum-values.ts'
import type { LeaderReportingQuery } from '../api/generated-leaders.ts'
import { enumLabel } from '../lib/enum-labels.ts'
import { addStrings, lang, t, tf } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'
import { PROGRESS_STRINGS } from '../lib/locale/progress.ts'
import { TOWN_CONTEXT_STRINGS } from '../lib/locale/town-context.ts'

addStrings(PROGRESS_STRINGS)
addStrings(TOWN_CONTEXT_STRINGS)
import './reporting-matrix.css'

export type Matrix = LeaderReportingQuery['reportingMatrix']

/** Each status's shape; the word comes beside it. */
const SHAPES: Record<ValueStatus, string> = { FINAL: '●', PROVISIONAL: '◐', REVISED: '◆' }

const nameOf = (x: { nameZh: string; nameEn: string }) => (lang() === 'zh' ? x.nameZh : x.nameEn)

function mark(year: number, status: ValueStatus | null): HTMLElement {
  const word = status ? enumLabel('ValueStatus', status, lang()) : t('matrix.notStated')
  return h(
    'li',
    { class: `report-mark ${status ? status.toLowerCase() : 'unstated'}`, 'data-year': year, 'data-status': status ?? '' },
    `${year} `,
    h('span', { 'aria-hidden': 'true' }, status ? SHAPES[status] : '○'),
    ' ',
    word,
  )
}

/** The matrix section. */
export function renderReportingMatrix(matrix: Matrix): HTMLElement {
  const cells = matrix.rows.reduce((n, r) => n + r.cells.filter((c) => c.reports.length).length, 0)
  const left = matrix.leftOut.map(nameOf).join(t('progress.yearsJoin'))
  return h(
    'section',
    { class: 'reporting-matrix', 'aria-labelledby': 'reporting-matrix-title' },
    h('h3', { id: 'reporting-matrix-title' }, t('matrix.title')),
    h('p', { id: 'matrix-rule' }, tf('matrix.rule', { n: matrix.leftOut.length, names: left || '—' })),
    h('p', { id: 'matrix-count' }, tf('matrix.reportedCount', { rows: matrix.rows.length, towns: matrix.regions.length, cells })),
    h(
      'p',
      { class: 'hint', id: 'matrix-legend' },
      t('matrix.legend'),
      ' ',
      tf('matrix.years', { years: matrix.years.length ? `${matrix.years[0]}–${matrix.years.at(-1)}` : '—' }),
    ),
    h(
      'div',
      { class: 'table-scroll matrix-scroll', tabindex: '0', role: 'region', 'aria-label': t('matrix.caption') },
      h(
        'table',
        { id: 'reporting-matrix', class: 'data-table matrix-table' },
        h('caption', {}, t('matrix.caption')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col', class: 'sticky-col' }, t('matrix.indicator')),
            matrix.regions.map((r) => h('th', { scope: 'col', 'data-code': r.code }, nameOf(r))),
          ),
        ),
        h(
          'tbody',
          {},
          matrix.rows.map((row) =>
            h(
              'tr',
              { 'data-indicator': row.indicator.code },
              h('th', { scope: 'row', class: 'sticky-col' }, nameOf(row.indicator), row.additive ? null : h('small', {}, t('matrix.notAdditive'))),
              row.cells.map((c) =>
                h(
                  'td',
                  { 'data-code': c.regionCode, 'data-reported': c.reports.length ? 'true' : 'false' },
                  c.reports.length
                    ? h(
                        'ul',
                        { class: 'report-marks' },
                        c.reports.map((r) => mark(r.year, r.status)),
                      )
                    : h('span', { class: 'not-reported' }, t('matrix.notReported')),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  )
}
