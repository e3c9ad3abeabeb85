/** #/indicators: every indicator of the plan, baseline → milestones → target, latest actual, on track or behind. */
import { h } from '../ui/dom.ts'
import { lang } from '../lib/i18n.ts'
import { enumLabel } from '../lib/enum-labels.ts'
import type { Accumulation } from '../api/types.ts'
import { CATEGORIES, type Category, type PlanIndicator, type PlanValue } from './api.ts'
import { L, s } from './common.ts'
import { comparatorWords, formatTarget, formatValue, formatWan, type UnitInfo } from './format.ts'

/** A category's names, [Chinese, English]. */
const categoryNames = (c: Category): [string, string] => [enumLabel('IndicatorCategory', c, 'zh'), enumLabel('IndicatorCategory', c, 'en')]

const YEARS = [2023, 2024, 2025, 2026]

/** A value in the plan's way; for 亿 amounts also in 万 (0.575亿元 = 5750万元). */
function planValue(v: number | null | undefined, u: UnitInfo): string {
  const text = formatValue(v, u, lang())
  if (lang() === 'zh' && v !== null && v !== undefined) {
    const wan = formatWan(v, u)
    if (wan) return `${text}（${wan}）`
  }
  return text
}

/** The page's content. */
export function renderIndicatorsPage(indicators: PlanIndicator[]): HTMLElement {
  const byCategory = CATEGORIES.map((c) => [c, indicators.filter((i) => i.category === c)] as const)
  return h(
    'div',
    { class: 'leaders indicators-page' },
    h('h2', { id: 'page-title', tabindex: '-1' }, L('规划指标', 'Plan indicators')),
    h(
      'p',
      { class: 'hint' },
      L(
        '新郑市国家知识产权强县建设试点工作方案的全部量化指标：2023 年基数、附件2 年度节点（2024–2026）、2026 年目标与最新实际值。附件2 没有第 6 行，本页保留其原编号。',
        'Every quantitative goal of Xinzheng’s IP strong-county pilot plan: the 2023 baseline, the annex-2 milestones (2024–2026), the 2026 target and the latest actual value. Annex 2 has no row 6; its own numbering is kept here.',
      ),
    ),
    h(
      'nav',
      { 'aria-label': L('指标类别', 'Indicator categories'), class: 'category-nav' },
      h('ul', {}, byCategory.filter(([, list]) => list.length).map(([c, list]) => h('li', {}, h('a', { href: `#/indicators`, 'data-target': `cat-${c}`, onclick: jump }, `${enumLabel('IndicatorCategory', c, lang())} (${list.length})`)))),
    ),
    byCategory.map(([c, list]) =>
      h(
        'section',
        { class: 'category', id: `cat-${c}`, 'aria-labelledby': `cat-${c}-title` },
        h('h3', { id: `cat-${c}-title` }, lang() === 'zh' ? `${categoryNames(c)[0]}（${c}）` : `${categoryNames(c)[1]} (${categoryNames(c)[0]})`),
        list.length ? list.map(renderIndicator) : h('p', { class: 'hint' }, L('方案未给出本类量化指标。', 'The plan sets no quantitative goal in this area.')),
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

function statusBadge(i: PlanIndicator): HTMLElement {
  if (i.onTrack === true) return h('span', { class: 'badge on-track' }, '✓ ', L('按计划推进', 'On track'))
  if (i.onTrack === false) return h('span', { class: 'badge behind' }, '! ', L('落后于节点', 'Behind'))
  return h('span', { class: 'badge no-data' }, '? ', L('无数据', 'No data'))
}

function renderIndicator(i: PlanIndicator): HTMLElement {
  const u: UnitInfo = i, id = `ind-${i.code}`
  const milestone = (year: number) => i.milestones.find((m) => m.year === year)
  const rows: string[] = []
  if (i.planTableRow) rows.push(L(`指标表第 ${i.planTableRow} 行`, `indicator table row ${i.planTableRow}`))
  if (i.planAnnexRow) rows.push(L(`附件2 第 ${i.planAnnexRow} 行`, `annex 2 row ${i.planAnnexRow}`))
  const notes = [i.note, ...[i.baseline, i.target, ...i.milestones].map((v) => v?.note)].filter((n): n is string => !!n)
  const latest = i.latestActual
  return h(
    'article',
    { class: 'indicator', id, 'aria-labelledby': `${id}-title` },
    h('h4', { id: `${id}-title` }, lang() === 'zh' ? i.nameZh : i.nameEn, ' ', statusBadge(i)),
    h(
      'p',
      { class: 'meta' },
      L('单位：', 'Unit: '),
      lang() === 'zh' ? i.displayUnit : unitLabel(i),
      i.nature ? ` · ${enumLabel('IndicatorNature', i.nature, lang())}` : '',
      i.accumulation ? ` · ${accumulationName(i.accumulation)}` : '',
      rows.length ? ` · ${rows.join('；')}` : '',
    ),
    h(
      'div',
      { class: 'indicator-body' },
      h(
        'table',
        { class: 'figures', id: `${id}-table` },
        h('caption', { class: 'visually-hidden' }, L(`${i.nameZh}：基数、节点、目标与实际值`, `${i.nameEn}: baseline, milestones, target and actuals`)),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, L('年份', 'Year')), h('th', { scope: 'col' }, L('方案', 'Plan')), h('th', { scope: 'col' }, L('实际', 'Actual')))),
        h(
          'tbody',
          {},
          YEARS.map((year) => {
            const plan: string[] = []
            if (year === 2023 && i.baseline) plan.push(`${L('基数', 'baseline')} ${planValue(i.baseline.value, u)}`)
            const m = milestone(year)
            if (m) plan.push(`${L('节点', 'milestone')} ${planValue(m.value, u)}`)
            if (year === 2026 && i.target) plan.push(`${L('目标', 'target')} ${formatTarget(i.target.value, i.target.valueMax, i.comparator, u, lang())}${i.comparator === 'EXACT' ? ` (${comparatorWords('EXACT', lang())})` : ''}${lang() === 'zh' && formatWan(i.target.value, u) ? `（${formatWan(i.target.value, u)}）` : ''}`)
            const actual = i.actuals.filter((a) => a.year === year).at(-1)
            return h('tr', {}, h('th', { scope: 'row' }, String(year)), h('td', {}, plan.length ? plan.join('；') : '—'), h('td', {}, actual ? planValue(actual.value, u) : '—'))
          }),
        ),
      ),
      h('figure', { class: 'mini' }, chart(i, id), h('figcaption', { 'aria-hidden': 'true' }, L('- - ○ 方案　— ■ 实际', '- - ○ plan   — ■ actual'))),
    ),
    h(
      'p',
      { class: 'latest' },
      L('最新实际值：', 'Latest actual: '),
      latest ? `${planValue(latest.value, u)}（${latest.year}）`.replace(/（(\d+)）$/, lang() === 'zh' ? '（$1年）' : ' ($1)') : L('无数据', 'no data'),
    ),
    progressBar(i),
    h('p', { class: 'source' }, L('来源：', 'Source: '), i.source),
    notes.length ? h('div', { class: 'data-note', role: 'note' }, h('strong', {}, L('数据说明：', 'Data note: ')), notes.map((n) => h('p', {}, n))) : null,
  )
}

function unitLabel(i: PlanIndicator): string {
  return formatValue(1, i, 'en').replace(/^1\s?/, '') || i.unit
}

function accumulationName(a: Accumulation): string {
  return enumLabel('Accumulation', a, lang())
}

function progressBar(i: PlanIndicator): HTMLElement {
  if (i.progress === null) return h('p', { class: 'progress none' }, L('进度：无数据', 'Progress: no data'))
  const pct = Math.round(i.progress * 100)
  return h(
    'p',
    { class: 'progress' },
    h('label', { for: `progress-${i.code}` }, L('进度（基数→目标）：', 'Progress (baseline → target): ')),
    h('progress', { id: `progress-${i.code}`, max: 100, value: Math.max(0, Math.min(100, pct)) }),
    ` ${pct}%`,
  )
}

/** Milestones (dashed line, hollow circles) vs actuals (solid line, filled squares) over 2023–2026; the table beside it holds the same figures. */
function chart(i: PlanIndicator, id: string): SVGSVGElement {
  const W = 300, H = 130, left = 44, right = 20, top = 12, bottom = 22
  const plan: PlanValue[] = [...(i.baseline ? [i.baseline] : []), ...i.milestones]
  if (i.target && !i.milestones.some((m) => m.year === i.target!.year)) plan.push(i.target)
  const values = [...plan.flatMap((p) => [p.value, p.valueMax ?? p.value]), ...i.actuals.map((a) => a.value)]
  const lo0 = Math.min(...values), hi0 = Math.max(...values)
  const pad = (hi0 - lo0) * 0.15 || Math.abs(hi0) * 0.1 || 1
  const lo = Math.max(0, lo0 - pad), hi = hi0 + pad
  const x = (year: number) => left + ((year - 2023) / 3) * (W - left - right)
  const y = (v: number) => top + (1 - (v - lo) / (hi - lo)) * (H - top - bottom)
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'mini-chart', role: 'img', 'aria-labelledby': `${id}-chart-title`, 'aria-describedby': `${id}-table` })
  svg.append(s('title', { id: `${id}-chart-title` }, L('方案节点（虚线、空心圆）与实际值（实线、实心方块），数据见左表', 'Plan milestones (dashed, hollow circles) and actuals (solid, filled squares); figures in the table')))
  svg.append(s('line', { x1: left, x2: W - right, y1: H - bottom, y2: H - bottom, stroke: '#6b7280' }))
  svg.append(s('line', { x1: left, x2: left, y1: top, y2: H - bottom, stroke: '#6b7280' }))
  const short = (v: number) => new Intl.NumberFormat(lang() === 'zh' ? 'zh-CN' : 'en', { notation: 'compact', maximumFractionDigits: 2 }).format(v / (lang() === 'zh' ? i.displayFactor : 1))
  if (values.length) {
    svg.append(s('text', { x: left - 4, y: y(hi0) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#374151' }, short(hi0)))
    if (hi0 !== lo0) svg.append(s('text', { x: left - 4, y: y(lo0) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#374151' }, short(lo0)))
  }
  for (const year of YEARS) svg.append(s('text', { x: x(year), y: H - 6, 'text-anchor': 'middle', 'font-size': 10, fill: '#374151' }, String(year)))
  if (plan.length > 1) svg.append(s('polyline', { points: plan.map((p) => `${x(p.year)},${y(p.value)}`).join(' '), fill: 'none', stroke: '#1d4ed8', 'stroke-width': 2, 'stroke-dasharray': '5 3' }))
  for (const p of plan) {
    svg.append(s('circle', { cx: x(p.year), cy: y(p.value), r: 4, fill: '#fff', stroke: '#1d4ed8', 'stroke-width': 2 }))
    if (p.valueMax != null) svg.append(s('line', { x1: x(p.year), x2: x(p.year), y1: y(p.value), y2: y(p.valueMax), stroke: '#1d4ed8', 'stroke-width': 3 }))
  }
  const actuals = [...i.actuals].sort((a, b) => a.year - b.year)
  if (actuals.length > 1) svg.append(s('polyline', { points: actuals.map((a) => `${x(a.year)},${y(a.value)}`).join(' '), fill: 'none', stroke: '#b45309', 'stroke-width': 2 }))
  for (const a of actuals) svg.append(s('rect', { x: x(a.year) - 4, y: y(a.value) - 4, width: 8, height: 8, fill: '#b45309' }))
  return svg
}
