/**
 * The one i18n mechanism: every user-visible word by key, in Chinese (first) and English (the tables
 * are in web/src/lib/locale/), read with `t`/`tf` in the current language; the choice is kept in localStorage.
 */
import type { GIStatus, Lang, LocationQuality, RegionLevel, ServicePointKind, ServicePointStatus } from '../api/types.ts'
import type { MetricId } from '../map/metrics.ts'
import { enumLabel } from './enum-labels.ts'
import { APP_STRINGS } from './locale/app.ts'
import { PAGE_STRINGS } from './locale/pages.ts'
import { FEEDBACK_STRINGS } from './locale/feedback.ts'
// Type only: the table loads with its pages (web/src/leaders/indicator-summary.ts adds it with addStrings).
import type { PROGRESS_STRINGS } from './locale/progress.ts'
// Type only: the stewards' value and upload words load with their pages (each module that uses them adds them).
import type { VALUES_STRINGS } from './locale/values.ts'
import { ACCOUNT_STRINGS } from './locale/accounts.ts'
import { STATION_STRINGS } from './locale/stations.ts'
import { COMPARE_STRINGS } from './locale/compare.ts'
import { GI_STRINGS } from './locale/gi.ts'
import { TOWN_CONTEXT_STRINGS } from './locale/town-context.ts'
import { BRIEF_STRINGS } from './locale/brief.ts'
import { NOTE_STRINGS } from './locale/notes.ts'
import { PLAN_LINK_STRINGS } from './locale/plan-links.ts'
import { RELATED_STRINGS } from './locale/related.ts'
import { DOWNLOAD_STRINGS } from './locale/downloads.ts'

type Text = { zh: string; en: string }

/** The interface's words by key: the tables of web/src/lib/locale/ (a new table is one import and one entry here). */
export const STRINGS = {
  ...APP_STRINGS,
  ...PAGE_STRINGS,
  ...FEEDBACK_STRINGS,
  ...ACCOUNT_STRINGS,
  ...STATION_STRINGS,
  ...COMPARE_STRINGS,
  ...GI_STRINGS,
  ...TOWN_CONTEXT_STRINGS,
  ...BRIEF_STRINGS,
  ...NOTE_STRINGS,
  ...PLAN_LINK_STRINGS,
  ...RELATED_STRINGS,
  ...DOWNLOAD_STRINGS,
} satisfies Record<string, Text>

/** The tables that load with the pages that use them (not in the shared first load), added by those pages' modules. */
type LateStrings = typeof PROGRESS_STRINGS & typeof VALUES_STRINGS

/** A key of STRINGS or of a table that loads with its pages. */
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
