/**
 * The one i18n mechanism: every user-visible word by key, in Chinese (first) and English (the tables
 * are in web/src/lib/locale/), read with `t`/`tf` in the current language; the choice is kept in localStorage.
 */
import type { GIStatus, Lang, LocationQuality, RegionLevel, ServicePointKind, ServicePointStatus } from '../api/types.ts'
import type { MetricId } from '../map/metrics.ts'
import { APP_STRINGS } from './locale/app.ts'
import { PAGE_STRINGS } from './locale/pages.ts'

type Text = { zh: string; en: string }

/** The interface's words by key: the map app's and the pages' tables (web/src/lib/locale/). */
export const STRINGS: Record<keyof typeof APP_STRINGS | keyof typeof PAGE_STRINGS, Text> = { ...APP_STRINGS, ...PAGE_STRINGS }

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
export const tf = (key: StringKey, values: Record<string, string | number>): string => tIn(current, key, values)
/** A string in a given language (for text drawn in both, e.g. the map's labels), placeholders filled in. */
export const tIn = (language: Lang, key: StringKey, values: Record<string, string | number> = {}): string =>
  STRINGS[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
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
