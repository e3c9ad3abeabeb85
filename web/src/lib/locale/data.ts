/** The words of the open-data page (#/data): downloads, licence, sources and examples, by key, in Chinese (first) and English (loaded with the modules that use them: web/src/lib/i18n.ts addStrings). */

export const DATA_STRINGS = {
  // #/data
  'data.download': { zh: '下载', en: 'Download' },
  'data.graphqlQuery': { zh: 'GraphQL 查询', en: 'GraphQL query' },
  'data.openInTheExplorer': { zh: '在查询浏览器中打开', en: 'Open in the explorer' },
  'data.county': { zh: '区域', en: 'County' },
  'data.published': { zh: '发布', en: 'Published' },
  'data.lastUpdated': { zh: '最后更新', en: 'Last updated' },
  'data.licences': { zh: '许可', en: 'Licences' },
  'data.appliesTo': { zh: '适用于', en: 'applies to' },
  'data.sources': { zh: '来源', en: 'Sources' },
  'data.descriptorNote': {
    zh: '（Frictionless 数据包描述：字段、单位、行数、校验值）',
    en: '(Frictionless Data Package descriptor: fields, units, rows, hashes)',
  },
  'data.tablesAndFiles': { zh: '数据表与文件', en: 'Tables and files' },
  'data.data': { zh: '数据', en: 'Data' },
  'data.rows': { zh: '记录数', en: 'Rows' },
  'data.licence': { zh: '许可', en: 'Licence' },
  'data.graphqlExplorerWithExample': { zh: 'GraphQL 查询浏览器（含示例查询）', en: 'GraphQL explorer (with example queries)' },
  'data.graphqlEndpoint': { zh: 'GraphQL 接口', en: 'GraphQL endpoint' },
  'data.noPackage': { zh: '尚未加载数据包。', en: 'No data package is loaded.' },
  // #/data (with placeholders)
  'data.downloadedAs': { zh: '随 {name}.geojson 下载（各乡镇的边界）', en: 'Downloaded as {name}.geojson (each region’s boundary)' },
  'data.intro': {
    zh: '平台的全部数据可下载为 CSV（UTF-8，可用 Excel 打开）和 GeoJSON（空间数据），每次下载都由实时数据库生成；同样的数据也可以通过 GraphQL 接口查询。下载的文件可编辑后再导入。',
    en: 'All of the platform’s data can be downloaded as CSV (UTF-8, opens in spreadsheet programs) and GeoJSON (the spatial tables), generated from the live database on each download; the same data can be queried through the GraphQL API. Downloaded files import back after editing.',
  },
} satisfies Record<string, { zh: string; en: string }>
