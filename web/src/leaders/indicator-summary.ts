/**
 * The progress engine on #/indicators: the summary at the top of the page (indicators per status, what is
 * reported per year, which need to speed up, what is overdue; "nothing reported yet" said in so many words)
 * and each card's status badge with its reason in a sentence. Statuses are shapes and words, never colour alone.
 * The verdicts are the server's (`Indicator.assessment`, `reportingStatus`); this module only words them.
 */
import { AssessmentStatus, valuesOf } from '../../../schema/enum-values.ts'
import { request } from '../api/client.ts'
import { LeaderReportingDocument, type AssessmentFieldsFragment, type LeaderReportingQuery } from '../api/generated-leaders.ts'
import { addStrings, lang, t, tf, type StringKey } from '../lib/i18n.ts'
import { PROGRESS_STRINGS } from '../lib/locale/progress.ts'
import { h } from '../ui/dom.ts'
import type { PlanIndicator } from './api.ts'
import { formatTarget, formatValue, type UnitInfo } from './format.ts'
import './indicator-summary.css'

// The progress engine's words load with it (#/indicators, #/plan, the brief), not in the shared first load.
addStrings(PROGRESS_STRINGS)

/** What the county has reported (the `reportingStatus` query), and what each town has (`reportingMatrix`). */
export type Reporting = LeaderReportingQuery['reportingStatus'] & { matrix: LeaderReportingQuery['reportingMatrix'] }
export type { AssessmentStatus }

/** The summary's data from the answer of the reporting document. */
export const reportingOf = (data: LeaderReportingQuery): Reporting => ({ ...data.reportingStatus, matrix: data.reportingMatrix })

/** The county's reporting status and the towns' matrix, for the summary. */
export async function fetchReporting(): Promise<Reporting> {
  return reportingOf(await request(LeaderReportingDocument))
}

/** Each status's shape (beside its word: the badge never relies on colour) and CSS class. */
const MARKS: Record<AssessmentStatus, { mark: string; cls: string }> = {
  ACHIEVED: { mark: '★', cls: 'achieved' },
  ON_TRACK: { mark: '✓', cls: 'on-track' },
  ACCELERATION_NEEDED: { mark: '▲', cls: 'acceleration' },
  LIMITED_PROGRESS: { mark: '◆', cls: 'limited' },
  DETERIORATION: { mark: '▼', cls: 'deterioration' },
  // `no-data` as the cards' badges have always been classed.
  NO_DATA: { mark: '?', cls: 'no-data' },
  NOT_ASSESSABLE: { mark: '–', cls: 'not-assessable' },
}

/** The statuses that call for action, in order of concern. */
const BEHIND: AssessmentStatus[] = ['DETERIORATION', 'LIMITED_PROGRESS', 'ACCELERATION_NEEDED']

const statusWord = (status: AssessmentStatus): string => t(`progress.status.${status}` as StringKey)
const nameOf = (i: PlanIndicator) => (lang() === 'zh' ? i.nameZh : i.nameEn)

/** A status in a shape and a word; `badge` for the card's heading, `mark` inside the summary. */
export function statusMark(status: AssessmentStatus, kind: 'badge' | 'mark' = 'mark'): HTMLElement {
  const { mark, cls } = MARKS[status]
  return h(
    'span',
    { class: `${kind === 'badge' ? 'badge' : 'status-mark'} ${cls}`, 'data-status': status },
    h('span', { 'aria-hidden': 'true' }, `${mark} `),
    statusWord(status),
  )
}

/** The card heading's badge: the assessment's status. */
export function assessmentBadge(i: PlanIndicator): HTMLElement {
  return statusMark(i.assessment.status, 'badge')
}

/** A rate in words: a percentage a year for compound growth, base units a year for linear change. */
function rateText(rate: number, a: AssessmentFieldsFragment, u: UnitInfo): string {
  if (a.method === 'COMPOUND_GROWTH') return `${(rate * 100).toFixed(2)}%`
  return formatValue(rate, u, lang())
}

/** The assessment's reason in sentences, in the current language. */
export function assessmentReason(i: PlanIndicator): string {
  const a = i.assessment
  const u: UnitInfo = i
  const value = (v: number) => formatValue(v, u, lang())
  const latest = a.latestActual
  if (a.status === 'NO_DATA' || !latest) return t('progress.reason.noData')
  const at = { year: latest.year, value: value(latest.value) }
  const target = a.target ? formatTarget(a.target.value, a.target.valueMax, i.comparator, u, lang()) : ''
  const parts: string[] = []
  if (a.method === 'RANGE_PER_YEAR' && a.target) {
    parts.push(
      tf('progress.reason.range', {
        ...at,
        range: target,
        inOut: t(a.milestoneMet ? 'progress.reason.inside' : 'progress.reason.outside'),
        targetYear: a.target.year,
      }),
    )
    return sentences(parts)
  }
  if (a.status === 'ACHIEVED') parts.push(tf('progress.reason.achieved', { ...at, target }))
  else if (a.method === 'NONE') {
    parts.push(
      a.baseline && a.target && latest.year <= a.baseline.year
        ? tf('progress.reason.tooEarly', { ...at, baseYear: a.baseline.year })
        : tf('progress.reason.noBasis', at),
    )
  }
  if (a.baseline?.kind === 'MILESTONE' && a.target?.kind === 'MILESTONE')
    parts.push(tf('progress.reason.baselineFromMilestone', { baseYear: a.baseline.year, targetYear: a.target.year }))
  if (a.method !== 'NONE' && a.baseline && a.target && a.observedAnnualRate !== null && a.requiredAnnualRate !== null && a.status !== 'ACHIEVED') {
    const words = a.method === 'COMPOUND_GROWTH' ? 'progress.reason.growth' : 'progress.reason.change'
    parts.push(
      tf('progress.reason.rates', {
        ...at,
        base: value(a.baseline.value),
        baseYear: a.baseline.year,
        target: value(a.target.value),
        targetYear: a.target.year,
        observed: tf(words, { rate: rateText(a.observedAnnualRate, a, u) }),
        required: tf(words, { rate: rateText(a.requiredAnnualRate, a, u) }),
        ratio: a.rateRatio === null ? '—' : a.rateRatio.toFixed(2),
      }),
    )
    if (a.remainingAnnualRate !== null) {
      parts.push(
        tf('progress.reason.remaining', {
          left: a.target.year - latest.year,
          rate: tf(words, { rate: rateText(a.remainingAnnualRate, a, u) }),
        }),
      )
    }
    parts.push(a.projectedYear !== null ? tf('progress.reason.projected', { year: a.projectedYear }) : t('progress.reason.never'))
  }
  const milestone = i.milestones.find((m) => m.year === latest.year)
  if (a.milestoneMet !== null && milestone) {
    parts.push(
      tf(a.milestoneMet ? 'progress.reason.milestoneMet' : 'progress.reason.milestoneMissed', { year: latest.year, milestone: value(milestone.value) }),
    )
  }
  return sentences(parts)
}

/** Sentences one after another: no space between Chinese ones. */
const sentences = (parts: string[]): string => parts.join(lang() === 'zh' ? '' : ' ')

/** The card's status line: the status in words and its reason. */
export function renderAssessment(i: PlanIndicator): HTMLElement {
  return h(
    'p',
    { class: 'assessment', 'data-status': i.assessment.status },
    h('strong', {}, tf('progress.cardStatus', { status: statusWord(i.assessment.status) })),
    lang() === 'zh' ? '' : ' ',
    assessmentReason(i),
  )
}

/** A link that scrolls to an indicator's card and focuses its heading (the address keeps #/indicators). */
function cardLink(i: PlanIndicator, text: string): HTMLElement {
  return h(
    'a',
    {
      href: '#/indicators',
      'data-target': `ind-${i.code}`,
      onclick: (event: Event) => {
        event.preventDefault()
        const heading = document.getElementById(`ind-${i.code}-title`)
        heading?.setAttribute('tabindex', '-1')
        heading?.scrollIntoView()
        heading?.focus()
      },
    },
    text,
  )
}

/** The summary block at the top of #/indicators. */
export function renderIndicatorSummary(indicators: PlanIndicator[], reporting: Reporting): HTMLElement {
  const count = (status: AssessmentStatus) => reporting.statusCounts.find((s) => s.status === status)?.count ?? 0
  const none = count('NO_DATA')
  const reported = reporting.indicatorCount - none
  const behind = indicators
    .filter((i) => BEHIND.includes(i.assessment.status))
    .sort((a, b) => BEHIND.indexOf(a.assessment.status) - BEHIND.indexOf(b.assessment.status))
  const byCode = new Map(indicators.map((i) => [i.code, i]))
  const overdue = new Map<string, number[]>()
  for (const o of reporting.overdue) overdue.set(o.indicatorCode, [...(overdue.get(o.indicatorCode) ?? []), o.year])
  return h(
    'section',
    { class: 'indicator-summary', 'aria-labelledby': 'indicator-summary-title' },
    h('h3', { id: 'indicator-summary-title' }, t('progress.summaryTitle')),
    h(
      'p',
      { class: 'summary-lead', 'data-reported': String(reported) },
      reported === 0
        ? tf('progress.nothingReported', { n: reporting.indicatorCount })
        : tf('progress.someReported', { n: reporting.indicatorCount, reported, none }),
    ),
    h(
      'div',
      { class: 'summary-tables' },
      h(
        'table',
        { class: 'summary-status' },
        h('caption', {}, t('progress.statusCaption')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('progress.statusColumn')), h('th', { scope: 'col' }, t('progress.countColumn')))),
        h(
          'tbody',
          {},
          valuesOf(AssessmentStatus).map((status) =>
            h('tr', { 'data-status': status }, h('th', { scope: 'row' }, statusMark(status)), h('td', {}, String(count(status)))),
          ),
        ),
      ),
      h(
        'table',
        { class: 'summary-years' },
        h('caption', {}, t('progress.yearsCaption')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('progress.yearColumn')),
            h('th', { scope: 'col' }, t('progress.reportedColumn')),
            h('th', { scope: 'col' }, t('progress.expectedColumn')),
          ),
        ),
        h(
          'tbody',
          {},
          reporting.years.map((y) =>
            h(
              'tr',
              { 'data-year': String(y.year) },
              h('th', { scope: 'row' }, String(y.year)),
              h('td', {}, String(y.reported)),
              h('td', {}, String(y.expected)),
            ),
          ),
        ),
      ),
    ),
    h('h4', {}, t('progress.needAcceleration')),
    behind.length
      ? h(
          'ul',
          { class: 'summary-behind' },
          behind.map((i) => h('li', { 'data-code': i.code }, statusMark(i.assessment.status), ' ', cardLink(i, nameOf(i)))),
        )
      : h('p', { class: 'hint summary-behind-none' }, t(reported === 0 ? 'progress.nothingToJudge' : 'progress.noneNeedAcceleration')),
    h('h4', {}, t('progress.overdueTitle')),
    overdue.size
      ? h(
          'div',
          { class: 'summary-overdue' },
          h('p', {}, tf('progress.overdueCount', { n: overdue.size, years: reporting.overdue.length })),
          h(
            'ul',
            {},
            [...overdue].map(([code, years]) => {
              const i = byCode.get(code)
              const text = tf('progress.overdueItem', { name: i ? nameOf(i) : code, years: years.join(t('progress.yearsJoin')) })
              return h('li', { 'data-code': code }, i ? cardLink(i, text) : text)
            }),
          ),
        )
      : h('p', { class: 'hint' }, t('progress.noneOverdue')),
    h('p', { class: 'hint summary-method' }, t('progress.method')),
  )
}
