/**
 * #/gi/<code>: one GI product in full. It gives the status as the plan states it, in the plan's own words,
 * its origin towns (or 产地未知), the plan's actions for it, its source and a link to its history.
 * The page has no map: its facts are text, and a product without a known origin (新郑芗草) has no area to draw;
 * the origin area stays on the county map, which the page links to.
 */
import { request } from '../api/client.ts'
import { GiProductsDocument, type GiProductsQuery } from '../api/generated-leaders.ts'
import { nameIn } from '../api/operations.ts'
import { addStrings, giStatusName, lang, t, tf } from '../lib/i18n.ts'
import { GI_AMBIGUOUS_WORDINGS } from '../lib/locale/gi.ts'
import { fromHash, historyRoute, type Route } from '../lib/url-state.ts'
import { hrefOf } from '../state/state.ts'
import { h, swatch } from '../ui/dom.ts'
import { dataNote } from '../ui/data-note.ts'
import type { PageView } from '../views/pages.ts'
import { GI_STRINGS } from '../lib/locale/gi.ts'

addStrings(GI_STRINGS)
import './leaders.css'
import './leaders-stewards.css'

/** A GI product as the page shows it. */
export type GiProduct = GiProductsQuery['giProducts'][number]
/** A task of the plan, as the page quotes it. */
export type GiTask = GiProductsQuery['tasks'][number]

/** What the page loads once for every product: the county's GI products and the plan's tasks. */
export interface GiPageData {
  products: GiProduct[]
  tasks: GiTask[]
}

/** The county's GI products (ordered by code) and the plan's tasks, in one request. */
export function fetchGiPageData(): Promise<GiPageData> {
  return request(GiProductsDocument).then((data) => ({ products: data.giProducts, tasks: data.tasks }))
}

/**
 * A product's source split into the plan's section (`四、重点工作（二）4`) and the words it quotes from it
 * (the part in brackets); `quote` is null when the source quotes nothing.
 */
export function splitSource(source: string): { section: string; quote: string | null } {
  const m = source.match(/^(.*?)\s*\((.+)\)\s*$/)
  return m ? { section: m[1].trim(), quote: m[2].trim() } : { section: source.trim(), quote: null }
}

/** The plan's sentences that name the product: from the tasks whose source is the product's section, each sentence holding the quote or the name. */
export function actionsFor(product: GiProduct, tasks: GiTask[]): { task: GiTask; sentences: string[] }[] {
  const { section, quote } = splitSource(product.source)
  return tasks
    .filter((task) => task.source === section || task.text.includes(product.nameZh))
    .map((task) => ({
      task,
      sentences: (task.text.match(/[^。；]+[。；]?/g) ?? []).filter((s) => s.includes(product.nameZh) || (quote !== null && s.includes(quote))),
    }))
    .filter((a) => a.sentences.length > 0)
}

const link = (route: Route, ...children: (Node | string)[]) => h('a', { href: hrefOf(fromHash(''), route) }, ...children)

function facts(rows: [string, (Node | string | null)[] | Node | string][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, ...(Array.isArray(value) ? value : [value]))]),
  )
}

/** The page of the product `code`; a clear "not found" (with the products there are) when there is none. */
export function renderGiPage(code: string, data: GiPageData): PageView {
  const product = data.products.find((p) => p.code === code)
  const others = data.products.filter((p) => p.code !== code)
  const otherList = others.length
    ? h(
        'section',
        { 'aria-labelledby': 'gi-others' },
        h('h3', { id: 'gi-others' }, t('gi.othersTitle')),
        h(
          'ul',
          { class: 'gi-list' },
          others.map((p) => h('li', {}, link({ name: 'gi', code: p.code }, nameIn(p, lang())), ` · ${giStatusName(p.status)}`)),
        ),
      )
    : null
  const back = h('p', {}, link({ name: 'county' }, '← ', t('backToCounty')))
  if (!product)
    return {
      title: null,
      content: [
        h(
          'div',
          { class: 'leaders gi-page' },
          back,
          h('h2', { id: 'page-title', tabindex: '-1' }, t('notFoundTitle')),
          h('p', { role: 'alert' }, tf('gi.notFound', { code })),
          otherList,
        ),
      ],
    }
  const zh = lang() === 'zh'
  const name = nameIn(product, lang())
  const { section, quote } = splitSource(product.source)
  const ambiguous = quote !== null && GI_AMBIGUOUS_WORDINGS.some((w) => quote.includes(w))
  const actions = actionsFor(product, data.tasks)
  const origin = product.originRegions.length
    ? product.originRegions.flatMap((r, i) => [i ? t('gi.townSeparator') : '', link({ name: 'town', code: r.code }, nameIn(r, lang()))].filter(Boolean))
    : [h('span', { class: 'unknown', id: 'gi-origin-unknown' }, t('gi.originUnknown')), h('span', { class: 'note' }, ' ', t('gi.originUnknownNote'))]
  return {
    title: name,
    content: [
      h(
        'div',
        { class: 'leaders gi-page', 'data-gi-code': product.code },
        back,
        h('p', { class: 'kicker' }, swatch('diamond', '#762a83'), ' ', t('gi.kind')),
        h('h2', { id: 'page-title', tabindex: '-1' }, name),
        h('p', { class: 'other-name', lang: zh ? 'en' : 'zh-CN' }, zh ? product.nameEn : product.nameZh),
        h(
          'section',
          { class: 'gi-status', 'aria-labelledby': 'gi-status-title' },
          h('h3', { id: 'gi-status-title' }, t('gi.statusTitle')),
          h('p', {}, h('strong', { 'data-status': product.status }, giStatusName(product.status))),
          quote ? h('p', { class: 'wording' }, t('gi.planWording'), h('q', { lang: 'zh-CN' }, quote), ` (${section})`) : null,
          h('p', { class: 'note' }, t(`gi.statusNote.${product.status}`)),
          ambiguous ? h('p', { class: 'flag', id: 'gi-ambiguous' }, '⚠ ', tf('gi.ambiguous', { phrase: quote, name: product.nameZh })) : null,
        ),
        facts([
          [t('category'), zh ? product.categoryZh : product.categoryEn],
          [t('gi.origin'), origin],
          [t('source'), h('span', { class: 'source' }, product.source)],
          ...(product.note || product.noteZh ? [[t('gi.noteEn'), dataNote(product.note, product.noteZh) ?? ''] as [string, string | Node]] : []),
        ]),
        product.originAreaQuality === 'APPROXIMATE' ? h('p', { class: 'flag' }, '⚠ ', t('approximateArea')) : null,
        product.originRegions.length ? h('p', {}, link({ name: 'county' }, t('gi.onMap'))) : null,
        h(
          'section',
          { class: 'gi-actions', 'aria-labelledby': 'gi-actions-title' },
          h('h3', { id: 'gi-actions-title' }, t('gi.actionsTitle')),
          actions.length === 0
            ? h('p', { class: 'hint' }, t('gi.actionsNone'))
            : h(
                'ul',
                {},
                actions.map(({ task, sentences }) =>
                  h(
                    'li',
                    { 'data-task': task.code },
                    h('strong', {}, tf('gi.actionTask', { section: `${task.part}${task.sectionLabel ?? ''}`, number: task.number ?? '—', title: task.title })),
                    h('p', {}, t('gi.actionSentence'), h('q', { lang: 'zh-CN' }, sentences.join(''))),
                    h('p', {}, link({ name: 'plan', query: '' }, t('gi.seePlan'))),
                  ),
                ),
              ),
        ),
        h(
          'p',
          { class: 'history-link' },
          h(
            'a',
            { id: 'gi-history', href: hrefOf(fromHash(''), historyRoute('gi_product', product.code)) },
            t('history'),
            h('span', { class: 'visually-hidden' }, `: ${name}`),
          ),
        ),
        otherList,
      ),
    ],
  }
}
