/**
 * What #/data shows for each resource of a data package: its downloads under /data/ (the routes of
 * server/src/data/download.ts) and a GraphQL query returning the same records.
 */

/** The tables also served as GeoJSON (`/data/<name>.geojson`, resource `<name>-geojson` in datapackage.json). */
export const SPATIAL = ['regions', 'service-points', 'gi-products']

/** The package's resource whose content is downloaded as another resource's file (its own file is not served). */
export const SERVED_AS: Record<string, string> = { boundaries: 'regions' }

/** One file to download. */
export interface DownloadLink {
  /** The resource's name in /data/datapackage.json: `service-points`, `service-points-geojson`. */
  resource: string
  format: 'csv' | 'geojson'
  href: string
  /** `zh`: the same CSV with Chinese headers and enum values in words (`?lang=zh`, for reading; the importer reads the other). */
  lang?: 'zh'
}

/** The files a resource of the loaded package is downloaded as (a CSV also with Chinese headers); `county` is added to the address when given. */
export function downloadsOf(name: string, format: string, county?: string): DownloadLink[] {
  const query = county ? `?county=${encodeURIComponent(county)}` : ''
  const base = SERVED_AS[name] ?? name
  const links: DownloadLink[] = []
  if (format === 'csv') {
    links.push({ resource: name, format: 'csv', href: `/data/${name}.csv${query}` })
    links.push({ resource: name, format: 'csv', href: `/data/${name}.csv${query ? `${query}&` : '?'}lang=zh`, lang: 'zh' })
  }
  if (SPATIAL.includes(base)) links.push({ resource: `${base}-geojson`, format: 'geojson', href: `/data/${base}.geojson${query}` })
  return links
}

/** Chinese names of the bundled package's resources (the package's own titles are in English). */
export const RESOURCE_NAMES_ZH: Record<string, string> = {
  regions: '行政区域',
  'region-names': '区域名称沿革',
  seats: '乡镇（街道）驻地',
  indicators: '规划指标',
  'indicator-values': '指标值（基期、节点、目标、实际）',
  'indicator-relations': '相关序列（口径不同的同类指标）',
  'gi-products': '地理标志产品',
  'gi-product-regions': '地理标志产品产地',
  'service-points': '知识产权服务站点',
  departments: '责任单位',
  tasks: '重点工作任务',
  'task-departments': '任务与责任单位',
  'task-indicators': '任务与所服务的指标',
  boundaries: '县域轮廓与乡镇边界（示意）',
}

const REGION_FIELDS = `code parent { code } level nameZh nameEn inCountyStatistics administeredBy { code nameZh nameEn }
    population populationYear populationKind populationSource populationNote source note`

/** A GraphQL query returning the records of a resource (fields named as the API names them); undefined for an unknown resource. */
export function resourceQuery(name: string, county: string): string | undefined {
  const c = JSON.stringify(county)
  const regions = (fields: string) =>
    `  county: region(code: ${c}) {\n    ${fields}\n  }\n  regions(county: ${c}, includeAdministeredElsewhere: true) {\n    ${fields}\n  }`
  const body: Record<string, string> = {
    regions: `${regions(`${REGION_FIELDS}\n    boundary boundaryQuality boundarySource areaKm2`)}`,
    'region-names': regions('code names { nameZh nameEn level validFrom validTo source }'),
    seats: regions('code nameZh seat seatQuality seatSource'),
    boundaries: regions('code boundary boundaryQuality boundarySource areaKm2'),
    indicators: `  indicators(county: ${c}) {
    code nameZh nameEn unit displayUnit displayFactor category nature accumulation comparator
    planTableRow planAnnexRow source note
  }`,
    'indicator-values': `  indicators(county: ${c}) {
    code
    values { region { code } year kind value valueMax source note }
  }`,
    'indicator-relations': `  indicators(county: ${c}) {
    code
    related { indicator { code } kind note noteZh source }
  }`,
    'gi-products': `  giProducts(county: ${c}) {
    code nameZh nameEn categoryZh categoryEn status source note originArea originAreaQuality
  }`,
    'gi-product-regions': `  giProducts(county: ${c}) {
    code
    originRegions { code nameZh }
  }`,
    'service-points': `  servicePoints(county: ${c}, first: 500) {
    totalCount
    edges { node { id nameZh nameEn kind status region { code } address location locationQuality services source note } }
    pageInfo { hasNextPage endCursor }
  }`,
    departments: `  departments(county: ${c}) {
    code nameZh nameEn kind memberOf { code } aliases source note
  }`,
    tasks: `  tasks(county: ${c}) {
    code part sectionLabel sectionTitle number title text responsibilityAsWritten source
  }`,
    'task-departments': `  tasks(county: ${c}) {
    code
    responsibilities { department { code } asWritten }
  }`,
    'task-indicators': `  tasks(county: ${c}) {
    code
    indicatorLinks { indicator { code } source }
  }`,
  }
  if (!body[name]) return undefined
  const operation = name.replace(/(^|-)(\w)/g, (_m, _dash, ch: string) => ch.toUpperCase())
  return `query ${operation} {\n${body[name]}\n}\n`
}

/** The explorer (GraphiQL at /graphiql/) opened on a query. */
export function explorerHref(query: string): string {
  return `/graphiql/?${new URLSearchParams({ query })}`
}

/** The licences that apply to a format: GeoJSON files carry every licence (as datapackage.json says); CSV files those not scoped to a GeoJSON file. */
export function licensesFor<T extends { scope: string | null }>(format: 'csv' | 'geojson', licenses: T[]): T[] {
  return format === 'geojson' ? licenses : licenses.filter((l) => !l.scope || !/\.geojson\b/i.test(l.scope))
}
