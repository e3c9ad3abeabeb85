/**
 * The one i18n mechanism: every user-visible word by key, in Chinese (first) and English (the tables
 * are in web/src/lib/locale/), read with `t`/`tf` in the current language; the choice is kept in localStorage.
 * The shell's table (./locale/app.ts) is always there; every other table loads with the modules that use
 * its words, each adding it with `addStrings` at its top (web/src/lib/i18n.test.ts checks that they do).
 */
import type { GIStatus, Lang, LocationQuality, RegionLevel, ServicePointKind, ServicePointStatus } from '../api/types.ts'
import type { MetricId } from '../map/metrics.ts'
import { enumLabel } from './enum-labels.ts'
import { APP_STRINGS } from './locale/app.ts'
// Type only: every other table loads with the modules that use its words (each adds it with addStrings).
import type { LateStrings } from './locale/late.ts'

type Text = { zh: string; en: string }

/** The shell's words by key (the header, search, settings and the pages' names), in every page's first load. */
export const STRINGS = APP_STRINGS satisfies Record<string, Text>

/** A key of STRINGS or of a table that loads with the modules that use it (web/src/lib/locale/late.ts). */
export type StringKey = keyof typeof STRINGS | keyof LateStrings

const LATE: Partial<Record<StringKey, Text>> = {}

/** Adds a table that loads with its pages (call it at the top of the module that uses its words). */
export function addStrings(table: Partial<Record<StringKey, Text>>): void {
  Object.assign(LATE, table)
}

/** The words of a key; a key whose table has not loaded yet shows as itself (a bug to see, not a blank). */
const textOf = (key: StringKey): Text => (STRINGS as Partial<Record<StringKey, Text>>)[key] ?? LATE[key] ?? { zh: key, en: key }

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
export const t = (key: StringKey): string => textOf(key)[current]
/** A string with `{name}` placeholders filled in. */
export const tf = (key: StringKey, values: Record<string, string | number>): string => tIn(current, key, values)
/** A string in a given language (for text drawn in both, e.g. the map's labels), placeholders filled in. */
export const tIn = (language: Lang, key: StringKey, values: Record<string, string | number> = {}): string =>
  textOf(key)[language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
/** Names of the API's enums in the current language (the labels are in ./enum-labels.ts). */
export const kindName = (kind: ServicePointKind): string => enumLabel('ServicePointKind', kind, current)
export const statusName = (status: ServicePointStatus): string => enumLabel('ServicePointStatus', status, current)
export const locationQualityName = (q: LocationQuality): string => enumLabel('LocationQuality', q, current)
export const levelName = (level: RegionLevel): string => enumLabel('RegionLevel', level, current)
export const giStatusName = (status: GIStatus): string => enumLabel('GIStatus', status, current)
export const metricName = (metric: MetricId): string => METRIC_NAMES[metric][current]

/** A whole number with thousands separators, or "—" (unknown) for null. */
export function formatCount(value: number | null | undefined): string {
  return value == null ? '—' : value.toLocaleString(current === 'zh' ? 'zh-CN' : 'en-US')
}

/** A distance in metres as "850 m" or "3.2 km". */
export function formatDistance(meters: number): string {
  return meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(meters < 10_000 ? 1 : 0)} km`
}
