/** #/indicators: every indicator of the plan, baseline → milestones → target, latest actual, on track or behind. */
import { renderIndicatorTasks } from './plan-links.ts'
import { h } from '../ui/dom.ts'
import { dataNote } from '../ui/data-note.ts'
import { addStrings, lang, t, tf } from '../lib/i18n.ts'
import { enumLabel } from '../lib/enum-labels.ts'
import type { Accumulation } from '../api/types.ts'
import { CATEGORIES, type Category, type PlanIndicator, type PlanValue } from './api.ts'
import { s } from './common.ts'
import { feedbackButton, publishedFeedback } from '../ui/feedback-form.ts'
import { comparatorWords, formatTarget, formatValue, formatWan, type UnitInfo } from './format.ts'
import type { ValueStatus } from '../../../schema/enum-values.ts'
import { assessmentBadge, renderAssessment, renderIndicatorSummary, type Reporting } from './indicator-summary.ts'
import { renderReportingMatrix } from './reporting-matrix.ts'
import { renderRelatedSeries } from './related-series.ts'
import { sourceIn } from '../lib/source-language.ts'
import { INDICATORS_STRINGS } from '../lib/locale/indicators.ts'

addStrings(INDICATORS_STRINGS)

// The stewards' words (values, task status, upload) load with the pages that use them.

/** `（暂定）` / ` (provisional)` after a value whose status is stated; nothing when it is not. */
function statusSuffix(status: ValueStatus | null | undefined): string {
  if (!status) return ''
  const label = enumLabel('ValueStatus', status, lang())
  return tf('indicators.statusSuffix', { status: lang() === 'zh' ? label : label.toLowerCase() })
}

/** A category's names, [Chinese, English]. */
const categoryNames = (c: Category): [string, string] => [enumLabel('IndicatorCategory', c, 'zh'), enumLabel('IndicatorCategory', c, 'en')]

const YEARS = [2023, 2024, 2025, 2026]

/** A value in the plan's way; for 亿 amounts also in 万 (0.575亿元 = 5750万元). */
function planValue(v: number | null | undefined, u: UnitInfo): string {
  const text = formatValue(v, u, lang())
  if (lang() === 'zh' && v !== null && v !== undefined) {
    const wan = formatWan(v, u)
    if (wan) return tf('indicators.withWan', { value: text, wan })
  }
  return text
}

/** What a signed-in steward gets on each card: "录入数值" opening the form (web/src/leaders/value-form.ts) in `mount`, and the last save's notice. */
export interface ValueEntryHooks {
  open(indicator: PlanIndicator, mount: HTMLElement, button: HTMLButtonElement): void
  notice: { code: string; text: string } | null
}

/** The page's heading, what it shows and the county brief's link: drawn at once while the data loads, and the same on the page. */
export function indicatorsIntro(): HTMLElement[] {
  return [
    h('h2', { id: 'page-title', tabindex: '-1' }, t('pageIndicators')),
    h('p', { class: 'hint' }, t('indicators.intro')),
    h('p', { class: 'brief-link' }, h('a', { id: 'indicators-brief', href: '#/brief' }, t('brief.linkCounty'))),
  ]
}

/** While the indicators load: the page's introduction and "loading". */
export function renderIndicatorsLoading(): HTMLElement {
  return h('div', { class: 'leaders indicators-page' }, ...indicatorsIntro(), h('p', { class: 'hint', role: 'status' }, t('loading')))
}

/** The page's content; `entry` (signed-in stewards only) adds the value entry button to each card. */
export function renderIndicatorsPage(indicators: PlanIndicator[], reporting?: Reporting, entry: ValueEntryHooks | null = null): HTMLElement {
  const byCategory = CATEGORIES.map((c) => [c, indicators.filter((i) => i.category === c)] as const)
  return h(
    'div',
    { class: 'leaders indicators-page' },
    ...indicatorsIntro(),
    reporting ? renderIndicatorSummary(indicators, reporting) : null,
    reporting?.matrix ? renderReportingMatrix(reporting.matrix) : null,
    h(
      'nav',
      { 'aria-label': t('indicators.indicatorCategories'), class: 'category-nav' },
      h(
        'ul',
        {},
        byCategory
          .filter(([, list]) => list.length)
          .map(([c, list]) =>
            h(
              'li',
              {},
              h('a', { href: `#/indicators`, 'data-target': `cat-${c}`, onclick: jump }, `${enumLabel('IndicatorCategory', c, lang())} (${list.length})`),
            ),
          ),
      ),
    ),
    byCategory.map(([c, list]) =>
      h(
        'section',
        { class: 'category', id: `cat-${c}`, 'aria-labelledby': `cat-${c}-title` },
        h(
          'h3',
          { id: `cat-${c}-title` },
          tf('indicators.categoryHeading', { name: categoryNames(c)[lang() === 'zh' ? 0 : 1], other: lang() === 'zh' ? c : categoryNames(c)[0] }),
        ),
        list.length ? list.map((i) => renderIndicator(i, entry)) : h('p', { class: 'hint' }, t('indicators.noGoal')),
      ),
    ),
  )
}

function jump(event: Event): void {
  event.preventDefault()
  const target = document.getElementById((event.currentTarget as HTMLElement).dataset.target ?? '')
  target?.scrollIntoView()
  target?.querySelector<HTMLElement>('h3')?.setAttribute('tabindex', '-1')
  target?.querySelector<HTMLElement>('h3')?.focus()
}

/** The steward's button, the notice of their last save on this card, and where the form opens. */
function entryBlock(i: PlanIndicator, entry: ValueEntryHooks): HTMLElement {
  const mount = h('div', { class: 'value-entry', id: `ind-${i.code}-entry`, 'data-keep-open': '' })
  const button: HTMLButtonElement = h(
    'button',
    { type: 'button', class: 'enter-value', 'aria-expanded': 'false', 'aria-controls': mount.id, onclick: () => entry.open(i, mount, button) },
    t('values.enter'),
  )
  const notice = entry.notice?.code === i.code ? entry.notice.text : ''
  return h('div', { class: 'steward' }, h('p', {}, button), h('p', { role: 'status', class: 'saved-notice', id: `ind-${i.code}-saved` }, notice), mount)
}

function renderIndicator(i: PlanIndicator, entry: ValueEntryHooks | null): HTMLElement {
  const u: UnitInfo = i,
    id = `ind-${i.code}`
  const milestone = (year: number) => i.milestones.find((m) => m.year === year)
  const rows: string[] = []
  if (i.planTableRow) rows.push(tf('indicators.tableRow', { n: i.planTableRow }))
  if (i.planAnnexRow) rows.push(tf('indicators.annexRow', { n: i.planAnnexRow }))
  const notes = [i, ...[i.baseline, i.target, ...i.milestones]].map((v) => v && dataNote(v.note, v.noteZh, 'note-text')).filter((n) => n !== null)
  const latest = i.latestActual
  return h(
    'article',
    { class: 'indicator', id, 'aria-labelledby': `${id}-title` },
    h('h4', { id: `${id}-title` }, lang() === 'zh' ? i.nameZh : i.nameEn, ' ', assessmentBadge(i)),
    h(
      'p',
      { class: 'meta' },
      t('indicators.unit'),
      lang() === 'zh' ? i.displayUnit : unitLabel(i),
      i.nature ? ` · ${enumLabel('IndicatorNature', i.nature, lang())}` : '',
      i.accumulation ? ` · ${accumulationName(i.accumulation)}` : '',
      rows.length ? ` · ${rows.join(t('indicators.separator'))}` : '',
    ),
    h(
      'div',
      { class: 'indicator-body' },
      h(
        'table',
        { class: 'figures', id: `${id}-table` },
        h('caption', { class: 'visually-hidden' }, tf('indicators.figuresCaption', { name: lang() === 'zh' ? i.nameZh : i.nameEn })),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('indicators.year')),
            h('th', { scope: 'col' }, t('indicators.plan')),
            h('th', { scope: 'col' }, t('indicators.actual')),
          ),
        ),
        h(
          'tbody',
          {},
          YEARS.map((year) => {
            const plan: string[] = []
            if (year === 2023 && i.baseline) plan.push(`${t('indicators.baseline')} ${planValue(i.baseline.value, u)}`)
            const m = milestone(year)
            if (m) plan.push(`${t('indicators.milestone')} ${planValue(m.value, u)}`)
            if (year === 2026 && i.target)
              plan.push(
                `${t('indicators.target')} ${formatTarget(i.target.value, i.target.valueMax, i.comparator, u, lang())}${i.comparator === 'EXACT' ? ` (${comparatorWords('EXACT', lang())})` : ''}${lang() === 'zh' && formatWan(i.target.value, u) ? tf('indicators.withWan', { value: '', wan: formatWan(i.target.value, u)! }) : ''}`,
              )
            const actual = i.actuals.filter((a) => a.year === year).at(-1)
            return h(
              'tr',
              {},
              h('th', { scope: 'row' }, String(year)),
              h('td', {}, plan.length ? plan.join(t('indicators.separator')) : '—'),
              h('td', {}, actual ? `${planValue(actual.value, u)}${statusSuffix(actual.status)}` : '—'),
            )
          }),
        ),
      ),
      h('figure', { class: 'mini' }, chart(i, id), h('figcaption', { 'aria-hidden': 'true' }, t('indicators.planActual'))),
    ),
    h(
      'p',
      { class: 'latest' },
      t('indicators.latestActual'),
      latest
        ? `${tf('indicators.latestValue', { value: planValue(latest.value, u), year: latest.year })}${statusSuffix(latest.status)}`
        : t('indicators.noDataLower'),
    ),
    renderAssessment(i),
    renderIndicatorTasks(i),
    h('p', { class: 'feedback-link' }, feedbackButton({ type: 'INDICATOR', id: i.code, name: lang() === 'zh' ? i.nameZh : i.nameEn })),
    entry ? entryBlock(i, entry) : null,
    publishedFeedback({ type: 'INDICATOR', id: i.code }, 'h5'),
    progressBar(i),
    renderRelatedSeries(i),
    h('p', { class: 'source' }, t('indicators.source'), sourceIn(i.source, i.sourceZh, lang())),
    notes.length
      ? h(
          'div',
          { class: 'data-note', role: 'note' },
          h('strong', {}, t('indicators.dataNote')),
          notes.map((n) => h('p', {}, n)),
        )
      : null,
  )
}

function unitLabel(i: PlanIndicator): string {
  return formatValue(1, i, 'en').replace(/^1\s?/, '') || i.unit
}

function accumulationName(a: Accumulation): string {
  return enumLabel('Accumulation', a, lang())
}

function progressBar(i: PlanIndicator): HTMLElement {
  if (i.progress === null) return h('p', { class: 'progress none' }, t('indicators.progressNoData'))
  const pct = Math.round(i.progress * 100)
  return h(
    'p',
    { class: 'progress' },
    h('label', { for: `progress-${i.code}` }, t('indicators.progressBaselineTarget')),
    h('progress', { id: `progress-${i.code}`, max: 100, value: Math.max(0, Math.min(100, pct)) }),
    ` ${pct}%`,
  )
}

/** Milestones (dashed line, hollow circles) vs actuals (solid line, filled squares) over 2023–2026; the table beside it holds the same figures. */
function chart(i: PlanIndicator, id: string): SVGSVGElement {
  const W = 300,
    H = 130,
    left = 44,
    right = 20,
    top = 12,
    bottom = 22
  const plan: PlanValue[] = [...(i.baseline ? [i.baseline] : []), ...i.milestones]
  if (i.target && !i.milestones.some((m) => m.year === i.target!.year)) plan.push(i.target)
  const values = [...plan.flatMap((p) => [p.value, p.valueMax ?? p.value]), ...i.actuals.map((a) => a.value)]
  const lo0 = Math.min(...values),
    hi0 = Math.max(...values)
  const pad = (hi0 - lo0) * 0.15 || Math.abs(hi0) * 0.1 || 1
  const lo = Math.max(0, lo0 - pad),
    hi = hi0 + pad
  const x = (year: number) => left + ((year - 2023) / 3) * (W - left - right)
  const y = (v: number) => top + (1 - (v - lo) / (hi - lo)) * (H - top - bottom)
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    class: 'mini-chart',
    role: 'img',
    'aria-labelledby': `${id}-chart-title`,
    'aria-describedby': `${id}-table`,
  })
  svg.append(s('title', { id: `${id}-chart-title` }, t('indicators.chartTitle')))
  svg.append(s('line', { x1: left, x2: W - right, y1: H - bottom, y2: H - bottom, stroke: '#6b7280' }))
  svg.append(s('line', { x1: left, x2: left, y1: top, y2: H - bottom, stroke: '#6b7280' }))
  const short = (v: number) =>
    new Intl.NumberFormat(lang() === 'zh' ? 'zh-CN' : 'en', { notation: 'compact', maximumFractionDigits: 2 }).format(
      v / (lang() === 'zh' ? i.displayFactor : 1),
    )
  if (values.length) {
    svg.append(s('text', { x: left - 4, y: y(hi0) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#374151' }, short(hi0)))
    if (hi0 !== lo0) svg.append(s('text', { x: left - 4, y: y(lo0) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#374151' }, short(lo0)))
  }
  for (const year of YEARS) svg.append(s('text', { x: x(year), y: H - 6, 'text-anchor': 'middle', 'font-size': 10, fill: '#374151' }, String(year)))
  if (plan.length > 1)
    svg.append(
      s('polyline', {
        points: plan.map((p) => `${x(p.year)},${y(p.value)}`).join(' '),
        fill: 'none',
        stroke: '#1d4ed8',
        'stroke-width': 2,
        'stroke-dasharray': '5 3',
      }),
    )
  for (const p of plan) {
    svg.append(s('circle', { cx: x(p.year), cy: y(p.value), r: 4, fill: '#fff', stroke: '#1d4ed8', 'stroke-width': 2 }))
    if (p.valueMax != null) svg.append(s('line', { x1: x(p.year), x2: x(p.year), y1: y(p.value), y2: y(p.valueMax), stroke: '#1d4ed8', 'stroke-width': 3 }))
  }
  const actuals = [...i.actuals].sort((a, b) => a.year - b.year)
  if (actuals.length > 1)
    svg.append(s('polyline', { points: actuals.map((a) => `${x(a.year)},${y(a.value)}`).join(' '), fill: 'none', stroke: '#b45309', 'stroke-width': 2 }))
  for (const a of actuals) svg.append(s('rect', { x: x(a.year) - 4, y: y(a.value) - 4, width: 8, height: 8, fill: '#b45309' }))
  return svg
}
