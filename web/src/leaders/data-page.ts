/** #/data: the open dataset's files with row counts, licences and sources, and the GraphQL query for each. */
import { addStrings, lang, t, tf } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'
import type { DatasetInfo } from './api.ts'
import { timeEl } from './common.ts'
import { inLanguage } from '../lib/note-language.ts'
import { downloadsOf, explorerHref, licensesFor, RESOURCE_NAMES_ZH, resourceQuery, SERVED_AS } from './open-data.ts'
import { DOWNLOAD_STRINGS } from '../lib/locale/downloads.ts'
import { DATA_STRINGS } from '../lib/locale/data.ts'

addStrings(DOWNLOAD_STRINGS)
addStrings(DATA_STRINGS)

const FORMAT_NAMES = { csv: 'CSV', geojson: 'GeoJSON' }

const link = (text: string, path: string | null, rel?: string) => (path && /^https?:\/\//.test(path) ? h('a', { href: path, rel }, text) : text)

function resourceRow(dataset: DatasetInfo, r: DatasetInfo['resources'][number], county: string | undefined): HTMLElement {
  const sameAs = SERVED_AS[r.name]
  const downloads = downloadsOf(r.name, r.format, county)
  const query = resourceQuery(r.name, dataset.county.code)
  const zhName = RESOURCE_NAMES_ZH[r.name]
  // The package's titles are "中文 · English": the page shows the half in its language.
  const title = r.title ? inLanguage(r.title, lang()) : null
  const formats = [...new Set(downloads.map((d) => d.format))]
  return h(
    'tr',
    { 'data-resource': r.name, 'data-rows': r.rowCount ?? undefined },
    h(
      'th',
      { scope: 'row' },
      h('span', { class: 'resource-name' }, lang() === 'zh' && zhName ? zhName : (title ?? r.name)),
      ' ',
      h('code', {}, r.name),
      lang() === 'zh' && title && title !== zhName ? h('span', { class: 'resource-title', lang: /[\u4e00-\u9fff]/.test(title) ? 'zh-CN' : 'en' }, title) : null,
    ),
    h('td', { class: 'num', 'data-label': t('data.rows') }, r.rowCount === null ? '—' : r.rowCount.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en')),
    h(
      'td',
      { 'data-label': t('data.licence') },
      formats.map((f) =>
        h(
          'div',
          {},
          formats.length > 1 ? `${FORMAT_NAMES[f]}: ` : '',
          licensesFor(f, dataset.licenses)
            .map((l) => l.name)
            .join(', '),
        ),
      ),
    ),
    h(
      'td',
      { class: 'downloads', 'data-label': t('data.download') },
      downloads.map((d) =>
        h(
          'a',
          {
            class: 'button',
            href: d.href,
            download: '',
            'data-resource': sameAs || d.lang ? null : d.resource,
            'data-resource-zh': d.lang && !sameAs ? d.resource : null,
            'data-format': d.format,
            'aria-label': `${t('data.download')} ${r.name} ${d.lang ? t('downloads.csvZh') : FORMAT_NAMES[d.format]}`,
          },
          '⬇ ',
          d.lang ? t('downloads.csvZh') : FORMAT_NAMES[d.format],
        ),
      ),
      sameAs ? h('p', { class: 'note' }, tf('data.downloadedAs', { name: sameAs })) : null,
      downloads.some((d) => d.lang) ? h('p', { class: 'note' }, t('downloads.csvZhNote')) : null,
    ),
    h(
      'td',
      { class: 'graphql', 'data-label': 'GraphQL' },
      query
        ? h(
            'details',
            {},
            h('summary', {}, t('data.graphqlQuery'), h('span', { class: 'visually-hidden' }, `: ${r.name}`)),
            h('pre', { tabindex: '0', 'aria-label': `GraphQL ${r.name}` }, h('code', {}, query)),
            h('a', { href: explorerHref(query) }, t('data.openInTheExplorer'), h('span', { class: 'visually-hidden' }, ` (${r.name})`)),
          )
        : '—',
    ),
  )
}

function datasetSection(dataset: DatasetInfo, county: string | undefined, index: number): HTMLElement {
  const id = `dataset-${index}`
  const q = county ? `?county=${encodeURIComponent(county)}` : ''
  return h(
    'section',
    { class: 'dataset', 'aria-labelledby': id, 'data-dataset': dataset.id },
    h('h3', { id }, dataset.title),
    dataset.description ? h('p', { class: 'dataset-description' }, inLanguage(dataset.description, lang())) : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('data.county')),
      h('dd', {}, lang() === 'zh' ? dataset.county.nameZh : dataset.county.nameEn, ` (${dataset.county.code})`),
      h('dt', {}, t('data.published')),
      h('dd', {}, timeEl(dataset.created)),
      h('dt', {}, t('data.lastUpdated')),
      h('dd', { id: `${id}-updated` }, timeEl(dataset.updated)),
      h('dt', {}, t('data.licences')),
      h(
        'dd',
        {},
        h(
          'ul',
          { class: 'licenses' },
          dataset.licenses.map((l) =>
            h(
              'li',
              {},
              h('strong', {}, link(l.name, l.path, 'license')),
              l.title ? `: ${inLanguage(l.title, lang())}` : '',
              l.scope ? h('span', { class: 'note' }, ` (${t('data.appliesTo')} ${inLanguage(l.scope, lang())})`) : null,
            ),
          ),
        ),
      ),
      h('dt', {}, t('data.sources')),
      h(
        'dd',
        {},
        h(
          'ul',
          { class: 'sources' },
          dataset.sources.map((s) =>
            h(
              'li',
              {},
              link(inLanguage(s.title, lang()), s.path),
              s.description ? h('span', { class: 'note' }, ` — ${inLanguage(s.description, lang())}`) : null,
            ),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'package-links' },
      h('a', { class: 'button', href: `/data/datapackage.json${q}`, id: index === 0 ? 'datapackage-link' : undefined }, '⬇ datapackage.json'),
      ' ',
      h('span', { class: 'note' }, t('data.descriptorNote')),
    ),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('data.tablesAndFiles') },
      h(
        'table',
        { class: 'data-table resources' },
        h('caption', {}, t('data.tablesAndFiles')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [t('data.data'), t('data.rows'), t('data.licence'), t('data.download'), 'GraphQL'].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          dataset.resources.map((r) => resourceRow(dataset, r, county)),
        ),
      ),
    ),
  )
}

/** The page's content: every dataset (one per county) with its files. */
export function renderDataPage(datasets: DatasetInfo[]): HTMLElement {
  // With several counties loaded, every link names its county (?county=): the default is a server setting.
  const several = datasets.length > 1
  return h(
    'div',
    { class: 'leaders data-page' },
    h('h2', { id: 'page-title', tabindex: '-1' }, t('pageData')),
    h('p', { class: 'hint' }, t('data.intro')),
    h(
      'p',
      { class: 'api-links' },
      h('a', { href: '/graphiql/' }, t('data.graphqlExplorerWithExample')),
      ' · ',
      h('a', { href: '/graphql' }, t('data.graphqlEndpoint'), ' /graphql'),
    ),
    datasets.length === 0 ? h('p', { role: 'status' }, t('data.noPackage')) : datasets.map((d, i) => datasetSection(d, several ? d.county.code : undefined, i)),
  )
}
