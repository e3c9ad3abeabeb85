/** Every user-visible word, in Chinese (first) and English; the choice is kept in localStorage. */
import type { GIStatus, Lang, LocationQuality, RegionLevel, ServicePointKind, ServicePointStatus } from '../api/types.ts'
import type { MetricId } from '../map/metrics.ts'

type Text = { zh: string; en: string }

/** The interface's words by key. */
export const STRINGS = {
  appTitle: { zh: '新郑市知识产权开放数据平台', en: 'Xinzheng IP open data platform' },
  appSubtitle: { zh: '国家知识产权强县建设试点', en: 'National IP strong-county pilot' },
  navMap: { zh: '县域地图', en: 'County map' },
  navApi: { zh: '数据接口', en: 'API' },
  navCompare: { zh: '乡镇对比', en: 'Compare towns' },
  navIndicators: { zh: '规划指标', en: 'Indicators' },
  navPlan: { zh: '重点工作', en: 'Key tasks' },
  navData: { zh: '数据', en: 'Open data' },
  navMain: { zh: '主导航', en: 'Main' },
  pageCompare: { zh: '乡镇对比', en: 'Compare towns' },
  pageIndicators: { zh: '规划指标', en: 'Plan indicators' },
  pagePlan: { zh: '重点工作', en: 'Key tasks' },
  pageData: { zh: '开放数据', en: 'Open data' },
  historyNoSubject: { zh: '地址中缺少 entity 或 id', en: 'the address names no entity or id' },
  history: { zh: '修改记录', en: 'History' },
  skipToPanel: { zh: '跳到信息面板', en: 'Skip to the side panel' },
  skipToContent: { zh: '跳到正文', en: 'Skip to the content' },
  switchLang: { zh: 'EN', en: '中文' },
  switchLangLabel: { zh: 'Switch to English', en: '切换为中文' },
  mapLabel: { zh: '新郑市知识产权服务地图', en: 'Map of IP services in Xinzheng' },
  loading: { zh: '加载中…', en: 'Loading…' },
  loadFailed: { zh: '无法加载数据', en: 'Could not load the data' },
  retry: { zh: '重试', en: 'Retry' },
  unknown: { zh: '未知', en: 'unknown' },
  searchLabel: { zh: '搜索乡镇或站点', en: 'Find a township or a station' },
  searchPlaceholder: { zh: '名称、拼音或英文', en: 'Name, pinyin or English' },
  searchNone: { zh: '没有找到', en: 'Nothing found' },
  settings: { zh: '设置', en: 'Settings' },
  close: { zh: '关闭', en: 'Close' },
  basemap: { zh: '底图', en: 'Basemap' },
  basemapNone: { zh: '无底图（离线，不请求任何外部资源）', en: 'None (offline: nothing is requested from other servers)' },
  'basemap.tianditu-vec': { zh: '天地图 矢量', en: 'Tianditu vector' },
  'basemap.tianditu-img': { zh: '天地图 影像', en: 'Tianditu imagery' },
  'basemap.custom-style': { zh: '自定义样式底图', en: 'Custom style basemap' },
  'basemap.custom-xyz': { zh: '自定义瓦片底图', en: 'Custom tile basemap' },
  basemapNoneConfigured: {
    zh: '服务器未配置底图（TIANDITU_TOKEN、BASEMAP_STYLE_URL 或 BASEMAP_TILES）。',
    en: 'The server configures no basemap (TIANDITU_TOKEN, BASEMAP_STYLE_URL or BASEMAP_TILES).',
  },
  basemapNote: {
    zh: '底图瓦片来自外部服务器，需要联网；其来源标注显示在地图右下角。',
    en: 'Basemap tiles come from another server and need the internet; their attribution shows at the bottom right of the map.',
  },
  metric: { zh: '填色指标', en: 'Colour towns by' },
  layers: { zh: '图层', en: 'Layers' },
  'layer.regions': { zh: '乡镇（街道）', en: 'Townships' },
  'layer.points': { zh: '服务站点', en: 'Service points' },
  'layer.gi': { zh: '地理标志产品产地', en: 'GI product origin areas' },
  legend: { zh: '图例', en: 'Legend' },
  noData: { zh: '无数据（人口未知等）', en: 'No data (e.g. population unknown)' },
  pendingFigures: { zh: '数据加载中', en: 'Figures loading' },
  outside: { zh: '郑州航空港区代管，不计入本市统计', en: 'Administered by Zhengzhou Airport Economy Zone, outside the city’s statistics' },
  active: { zh: '运行中（实心）', en: 'Active (solid)' },
  planned: { zh: '规划中（空心）', en: 'Planned (hollow)' },
  stacked: { zh: '×3：同一位置有 3 个站点', en: '×3: three places at the same spot' },
  clustered: { zh: '带数字的圆：地图缩小时合并显示的站点数（点击或放大即展开）', en: 'Numbered circle: service points merged when zoomed out (click or zoom in to open)' },
  giArea: { zh: '地理标志产品产地（半透明紫色、虚线边框，近似）', en: 'GI product origin area (translucent purple, dashed edge; approximate)' },
  giSymbol: { zh: '地理标志产品', en: 'GI product' },
  hereSymbol: { zh: '您点击的位置', en: 'The place you clicked' },
  schematic: { zh: '示意图：乡镇边界为近似，非法定边界', en: 'Schematic: township boundaries are approximate, not legal boundaries' },
  schematicShort: { zh: '示意图 · 边界为近似', en: 'Schematic · boundaries approximate' },
  populationYears: { zh: '人口数据年份不一（见乡镇表）。', en: 'Population figures are of different years (see the table).' },
  coverageNote: {
    zh: '覆盖率：乡镇面积中距运行中或规划中站点 5 公里以内的比例（按示意边界计算）。',
    en: 'Coverage: share of a town’s area within 5 km of an active or planned station (on the schematic boundaries).',
  },
  unlocatedTitle: { zh: '位置未知的站点', en: 'Places without a known location' },
  unlocatedSummary: { zh: '{n} 个站点位置未知（列于此处，未上图）', en: '{n} places without a known location (listed here, not mapped)' },
  countyHeading: { zh: '服务站点与地理标志产品分布', en: 'Service points and GI products across the townships' },
  countyIntro: {
    zh: '地图按所选指标为各乡镇（街道）填色；点击站点查看详情，点击其他位置查看最近的站点。',
    en: 'Townships are coloured by the chosen figure; click a station for its details, or anywhere else for the nearest stations.',
  },
  notFoundTown: { zh: '没有代码为 {code} 的乡镇（街道）。', en: 'There is no township with the code {code}.' },
  notFoundPage: { zh: '没有这个页面：{path}', en: 'There is no such page: {path}' },
  townCount: { zh: '{n} 个', en: '{n}' },
  nearestTitle: { zh: '离此处最近的站点', en: 'Nearest stations to here' },
  nearestHint: { zh: '点击地图任意位置，或使用您的位置，查看最近的站点。', en: 'Click anywhere on the map, or use your location, to list the nearest stations.' },
  useMyLocation: { zh: '使用我的位置', en: 'Use my location' },
  locating: { zh: '正在定位…', en: 'Locating…' },
  locationDenied: { zh: '无法获取您的位置（未允许或不可用）。', en: 'Your location is not available (not allowed or not supported).' },
  nearestNone: { zh: '附近没有已定位的站点。', en: 'No located station nearby.' },
  showOnMap: { zh: '在地图上显示', en: 'Show on the map' },
  townsTitle: { zh: '各乡镇（街道）数据', en: 'Figures by township' },
  townsCaption: { zh: '地图的表格版：点击名称打开乡镇页面。', en: 'The map as a table: a name opens its township page.' },
  colName: { zh: '名称', en: 'Name' },
  colLevel: { zh: '类型', en: 'Level' },
  colPopulation: { zh: '人口（年份）', en: 'Population (year)' },
  colArea: { zh: '面积 km²（近似）', en: 'Area km² (approx.)' },
  kind: { zh: '类型', en: 'Kind' },
  status: { zh: '状态', en: 'Status' },
  address: { zh: '地址', en: 'Address' },
  services: { zh: '服务内容', en: 'Services' },
  township: { zh: '所在乡镇', en: 'Township' },
  source: { zh: '来源', en: 'Source' },
  location: { zh: '位置', en: 'Location' },
  openTownPage: { zh: '打开乡镇页面', en: 'Open the township page' },
  originArea: { zh: '产地', en: 'Origin' },
  category: { zh: '类别', en: 'Category' },
  approximateArea: { zh: '产地范围为近似（由示意乡镇边界合成）', en: 'Approximate origin area (made of schematic township cells)' },
  distance: { zh: '距离', en: 'Distance' },
  backToCounty: { zh: '返回县域地图', en: 'Back to the county map' },
  notFoundTitle: { zh: '未找到', en: 'Not found' },
  level: { zh: '类型', en: 'Level' },
  population: { zh: '人口', en: 'Population' },
  area: { zh: '面积', en: 'Area' },
  areaApprox: { zh: '按示意边界计算，仅供参考', en: 'computed from the schematic boundary; indicative only' },
  servicePointsTitle: { zh: '服务站点', en: 'Service points' },
  noServicePoints: { zh: '本乡镇没有记录的服务站点。', en: 'No service point is recorded in this township.' },
  giProductsTitle: { zh: '地理标志产品', en: 'GI products' },
  noGiProducts: { zh: '没有以本乡镇为产地的地理标志产品。', en: 'No GI product comes from this township.' },
  indicatorsTitle: { zh: '指标数值', en: 'Indicator values' },
  noIndicatorValues: { zh: '尚无本乡镇的指标记录（工作方案的指标按全市记录）。', en: 'No indicator value is recorded for this township (the plan’s figures are for the whole city).' },
  neighboursTitle: { zh: '相邻乡镇', en: 'Neighbouring townships' },
  neighboursNote: { zh: '按示意边界判断相邻。', en: 'Neighbours by the schematic boundaries.' },
  formerNames: { zh: '曾用名', en: 'Former names' },
  administeredBy: { zh: '代管单位', en: 'Administered by' },
  mapUnavailable: { zh: '地图无法显示（浏览器不支持 WebGL）。下方表格包含全部数据。', en: 'The map cannot be shown (no WebGL in this browser). The tables below hold all the data.' },
} satisfies Record<string, Text>

/** A key of STRINGS. */
export type StringKey = keyof typeof STRINGS

const KIND_NAMES: Record<ServicePointKind, Text> = {
  HIGH_VALUE_PATENT_CENTER: { zh: '高价值专利培育中心', en: 'High-value patent cultivation centre' },
  IP_SERVICE_STATION: { zh: '知识产权综合服务工作站', en: 'IP comprehensive service station' },
  PATENT_NAVIGATION_BASE: { zh: '专利导航服务基地', en: 'Patent navigation service base' },
  RESEARCH_CENTER: { zh: '工程（技术）研究中心', en: 'Engineering (technology) research centre' },
  RIGHTS_PROTECTION_STATION: { zh: '维权援助工作站', en: 'Rights-protection assistance station' },
  TRADEMARK_BRAND_STATION: { zh: '商标品牌培育指导站', en: 'Trademark brand guidance station' },
  UNIVERSITY: { zh: '高等院校', en: 'University' },
}
const STATUS_NAMES: Record<ServicePointStatus, Text> = {
  ACTIVE: { zh: '运行中', en: 'Active' },
  PLANNED: { zh: '规划中', en: 'Planned' },
}
const LOCATION_QUALITY: Record<LocationQuality, Text> = {
  SURVEYED: { zh: '实地测量', en: 'Surveyed' },
  GEOCODED: { zh: '按地址编码', en: 'Geocoded from the address' },
  APPROXIMATE: { zh: '近似位置：置于乡镇驻地，实际位置在乡镇内别处', en: 'Approximate: placed at the township seat; the real place is elsewhere in the township' },
  UNKNOWN: { zh: '位置未知，未上图', en: 'Location unknown: listed, not mapped' },
}
const LEVEL_NAMES: Record<RegionLevel, Text> = {
  COUNTY: { zh: '县级市', en: 'County-level city' },
  SUBDISTRICT: { zh: '街道', en: 'Subdistrict' },
  TOWN: { zh: '镇', en: 'Town' },
  TOWNSHIP: { zh: '乡', en: 'Township' },
  ZONE: { zh: '管委会区域', en: 'Management-committee area' },
}
const GI_STATUS: Record<GIStatus, Text> = {
  PROTECTED_PRODUCT: { zh: '地理标志保护产品', en: 'Protected GI product' },
  TRADEMARK_REGISTERED: { zh: '已注册地理标志商标', en: 'Registered GI trademark' },
  APPLYING: { zh: '申报中', en: 'Application filed' },
  CULTIVATING: { zh: '培育中（推动申报）', en: 'Being cultivated (application encouraged)' },
}
const METRIC_NAMES: Record<MetricId, Text> = {
  servicePoints: { zh: '服务站点数', en: 'Service points' },
  per10k: { zh: '每万人服务站点数', en: 'Service points per 10,000 people' },
  coverage: { zh: '5 公里服务覆盖率', en: 'Share within 5 km of a station' },
  giProducts: { zh: '地理标志产品数', en: 'GI products' },
}

const STORAGE_KEY = 'ipmap.lang'
let current: Lang = 'zh'

/** The language chosen before (localStorage), Chinese otherwise. */
export function initialLang(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Lang {
  try {
    return storage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'
  } catch {
    return 'zh'
  }
}

/** Switches the language and remembers it (localStorage). */
export function setLang(lang: Lang): void {
  current = lang
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang)
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** The current language. */
export const lang = (): Lang => current

/** A word or sentence in the current language. */
export const t = (key: StringKey): string => STRINGS[key][current]
/** A string with `{name}` placeholders filled in. */
export const tf = (key: StringKey, values: Record<string, string | number>): string =>
  t(key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
/** Names of the API's enums in the current language. */
export const kindName = (kind: ServicePointKind): string => KIND_NAMES[kind][current]
export const statusName = (status: ServicePointStatus): string => STATUS_NAMES[status][current]
export const locationQualityName = (q: LocationQuality): string => LOCATION_QUALITY[q][current]
export const levelName = (level: RegionLevel): string => LEVEL_NAMES[level][current]
export const giStatusName = (status: GIStatus): string => GI_STATUS[status][current]
export const metricName = (metric: MetricId): string => METRIC_NAMES[metric][current]

/** A whole number with thousands separators, or "—" (unknown) for null. */
export function formatCount(value: number | null | undefined): string {
  return value == null ? '—' : value.toLocaleString(current === 'zh' ? 'zh-CN' : 'en-US')
}

/** A distance in metres as "850 m" or "3.2 km". */
export function formatDistance(meters: number): string {
  return meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(meters < 10_000 ? 1 : 0)} km`
}
