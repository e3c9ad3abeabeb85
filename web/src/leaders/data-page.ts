/** #/data: the open dataset's files with row counts, licences and sources, and the GraphQL query for each. */
import { lang } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'
import type { DatasetInfo } from './api.ts'
import { L, timeEl } from './common.ts'
import { downloadsOf, explorerHref, licensesFor, RESOURCE_NAMES_ZH, resourceQuery, SERVED_AS } from './open-data.ts'

const FORMAT_NAMES = { csv: 'CSV', geojson: 'GeoJSON' }

const link = (text: string, path: string | null, rel?: string) => (path && /^https?:\/\//.test(path) ? h('a', { href: path, rel }, text) : text)

function resourceRow(dataset: DatasetInfo, r: DatasetInfo['resources'][number], county: string | undefined): HTMLElement {
  const sameAs = SERVED_AS[r.name]
  const downloads = downloadsOf(r.name, r.format, county)
  const query = resourceQuery(r.name, dataset.county.code)
  const zhName = RESOURCE_NAMES_ZH[r.name]
  const formats = [...new Set(downloads.map((d) => d.format))]
  return h(
    'tr',
    { 'data-resource': r.name, 'data-rows': r.rowCount ?? undefined },
    h(
      'th',
      { scope: 'row' },
      h('span', { class: 'resource-name' }, lang() === 'zh' && zhName ? zhName : (r.title ?? r.name)),
      ' ',
      h('code', {}, r.name),
      lang() === 'zh' && r.title ? h('span', { class: 'resource-title', lang: 'en' }, r.title) : null,
    ),
    h('td', { class: 'num' }, r.rowCount === null ? '—' : r.rowCount.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en')),
    h('td', {}, formats.map((f) => h('div', {}, formats.length > 1 ? `${FORMAT_NAMES[f]}: ` : '', licensesFor(f, dataset.licenses).map((l) => l.name).join(', ')))),
    h(
      'td',
      { class: 'downloads' },
      downloads.map((d) =>
        h(
          'a',
          { class: 'button', href: d.href, download: '', 'data-resource': sameAs ? null : d.resource, 'data-format': d.format, 'aria-label': `${L('下载', 'Download')} ${r.name} ${FORMAT_NAMES[d.format]}` },
          '⬇ ',
          FORMAT_NAMES[d.format],
        ),
      ),
      sameAs ? h('p', { class: 'note' }, L(`随 ${sameAs}.geojson 下载（各乡镇的边界）`, `Downloaded as ${sameAs}.geojson (each region’s boundary)`)) : null,
    ),
    h(
      'td',
      { class: 'graphql' },
      query
        ? h(
            'details',
            {},
            h('summary', {}, L('GraphQL 查询', 'GraphQL query'), h('span', { class: 'visually-hidden' }, `: ${r.name}`)),
            h('pre', { tabindex: '0', 'aria-label': `GraphQL ${r.name}` }, h('code', {}, query)),
            h('a', { href: explorerHref(query) }, L('在查询浏览器中打开', 'Open in the explorer'), h('span', { class: 'visually-hidden' }, ` (${r.name})`)),
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
    dataset.description ? h('p', {}, dataset.description) : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, L('区域', 'County')),
      h('dd', {}, lang() === 'zh' ? dataset.county.nameZh : dataset.county.nameEn, ` (${dataset.county.code})`),
      h('dt', {}, L('发布', 'Published')),
      h('dd', {}, timeEl(dataset.created)),
      h('dt', {}, L('最后更新', 'Last updated')),
      h('dd', { id: `${id}-updated` }, timeEl(dataset.updated)),
      h('dt', {}, L('许可', 'Licences')),
      h('dd', {}, h('ul', { class: 'licenses' }, dataset.licenses.map((l) => h('li', {}, h('strong', {}, link(l.name, l.path, 'license')), l.title ? `: ${l.title}` : '', l.scope ? h('span', { class: 'note' }, ` (${L('适用于', 'applies to')} ${l.scope})`) : null)))),
      h('dt', {}, L('来源', 'Sources')),
      h('dd', {}, h('ul', { class: 'sources' }, dataset.sources.map((s) => h('li', {}, link(s.title, s.path), s.description ? h('span', { class: 'note' }, ` — ${s.description}`) : null)))),
    ),
    h(
      'p',
      { class: 'package-links' },
      h('a', { class: 'button', href: `/data/datapackage.json${q}`, id: index === 0 ? 'datapackage-link' : undefined }, '⬇ datapackage.json'),
      ' ',
      h('span', { class: 'note' }, L('（Frictionless 数据包描述：字段、单位、行数、校验值）', '(Frictionless Data Package descriptor: fields, units, rows, hashes)')),
    ),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data-table resources' },
        h('caption', {}, L('数据表与文件', 'Tables and files')),
        h(
          'thead',
          {},
          h('tr', {}, [L('数据', 'Data'), L('记录数', 'Rows'), L('许可', 'Licence'), L('下载', 'Download'), 'GraphQL'].map((c) => h('th', { scope: 'col' }, c))),
        ),
        h('tbody', {}, dataset.resources.map((r) => resourceRow(dataset, r, county))),
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
    h('h2', { id: 'page-title', tabindex: '-1' }, L('开放数据', 'Open data')),
    h(
      'p',
      { class: 'hint' },
      L(
        '平台的全部数据可下载为 CSV（UTF-8，可用 Excel 打开）和 GeoJSON（空间数据），每次下载都由实时数据库生成；同样的数据也可以通过 GraphQL 接口查询。下载的文件可编辑后再导入。',
        'All of the platform’s data can be downloaded as CSV (UTF-8, opens in spreadsheet programs) and GeoJSON (the spatial tables), generated from the live database on each download; the same data can be queried through the GraphQL API. Downloaded files import back after editing.',
      ),
    ),
    h(
      'p',
      { class: 'api-links' },
      h('a', { href: '/graphiql/' }, L('GraphQL 查询浏览器（含示例查询）', 'GraphQL explorer (with example queries)')),
      ' · ',
      h('a', { href: '/graphql' }, L('GraphQL 接口', 'GraphQL endpoint'), ' /graphql'),
    ),
    datasets.length === 0 ? h('p', { role: 'status' }, L('尚未加载数据包。', 'No data package is loaded.')) : datasets.map((d, i) => datasetSection(d, several ? d.county.code : undefined, i)),
  )
}
