/**
 * The "相关序列 / Related series" line of an indicator's card on #/indicators: each other series of the plan
 * that measures the same thing on a different basis, linked to its card, with the note on how the two differ
 * (Chinese in the Chinese UI, English in the English one) and its source.
 */
import { enumLabel } from '../lib/enum-labels.ts'
import { addStrings, lang, t, tf } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'
import type { PlanIndicator } from './api.ts'
import { sourceIn } from '../lib/source-language.ts'
import { RELATED_STRINGS } from '../lib/locale/related.ts'
import { INDICATORS_STRINGS } from '../lib/locale/indicators.ts'

addStrings(RELATED_STRINGS)
addStrings(INDICATORS_STRINGS)

type Related = PlanIndicator['related'][number]

/** `指标表第 5 行 · 附件2 第 8 行`: where the related series is in the plan. */
function planRows(r: Related['indicator']): string {
  const rows: string[] = []
  if (r.planTableRow) rows.push(tf('indicators.tableRow', { n: r.planTableRow }))
  if (r.planAnnexRow) rows.push(tf('indicators.annexRow', { n: r.planAnnexRow }))
  return rows.length ? tf('related.rows', { rows: rows.join(t('indicators.separator')) }) : ''
}

/** Scrolls to the related series' card and moves the focus there (the hash stays #/indicators: it is the page's route). */
function goTo(event: Event): void {
  event.preventDefault()
  const card = document.getElementById((event.currentTarget as HTMLElement).dataset.target ?? '')
  const title = card?.querySelector<HTMLElement>('h4')
  card?.scrollIntoView()
  title?.setAttribute('tabindex', '-1')
  title?.focus()
}

/** The block, or null for an indicator without a related series. */
export function renderRelatedSeries(i: PlanIndicator): HTMLElement | null {
  if (!i.related.length) return null
  const zh = lang() === 'zh'
  return h(
    'div',
    { class: 'related-series', id: `ind-${i.code}-related`, role: 'note' },
    i.related.map((r) =>
      h(
        'p',
        { 'data-related': r.indicator.code },
        h('strong', {}, t('related.title')),
        h('a', { href: '#/indicators', 'data-target': `ind-${r.indicator.code}`, onclick: goTo }, zh ? r.indicator.nameZh : r.indicator.nameEn),
        planRows(r.indicator),
        t('related.colon'),
        enumLabel('IndicatorRelationKind', r.kind, lang()),
        t('related.stop'),
        h('span', { class: 'related-note' }, zh ? r.noteZh : r.note),
        ' ',
        h('span', { class: 'source' }, t('related.source'), sourceIn(r.source, r.sourceZh, lang())),
      ),
    ),
  )
}
