/** Pure formatting for the leaders' views: indicator values with the plan's display units, comparators, CSV. */
import type { Comparator, Lang } from '../api/types.ts'
import { enumLabel } from '../lib/enum-labels.ts'
import { tIn } from '../lib/i18n.ts'

export type { Comparator }

/** How an indicator's values are written. */
export interface UnitInfo {
  /** Base unit of stored values (元, 件, …). */
  unit: string
  /** Unit the plan writes (亿元, 万元, 件 …). */
  displayUnit: string
  /** Base units per display unit. */
  displayFactor: number
}

const EN_UNITS: Record<string, string> = {
  件: 'items',
  家: 'enterprises',
  个: 'units',
  元: 'yuan',
  '%': '%',
  人次: 'attendances',
  次: 'sessions',
  场次: 'events',
}

/** A unit's English name (the Chinese one when not known). */
export function unitEn(unit: string): string {
  return EN_UNITS[unit] ?? unit
}

/** Rounds away floating-point noise (0.575000000001 → 0.575). */
function clean(n: number): number {
  return Number.parseFloat(n.toPrecision(12))
}

/**
 * A value in the plan's way: Chinese with the display unit (5750万元 when the plan writes 万, or 0.575亿元),
 * English in the base unit with thousands separators (57,500,000 yuan).
 * `scale` picks the display unit for Chinese: the indicator's own, or 万 when the value is a whole number of 万.
 */
export function formatValue(value: number | null | undefined, u: UnitInfo, lang: Lang): string {
  if (value === null || value === undefined) return tIn(lang, 'noDataValue')
  if (lang === 'en') {
    const n = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(clean(value))
    const unit = unitEn(u.unit)
    return unit === '%' ? `${n}%` : `${n} ${unit}`
  }
  const shown = clean(value / u.displayFactor)
  return `${shown}${u.displayUnit}`
}

/** A value in Chinese in 万 of the base unit where the display unit is 亿 (5750万元 beside 0.575亿元); null otherwise. */
export function formatWan(value: number, u: UnitInfo): string | null {
  if (u.displayFactor !== 100000000 || value % 10000 !== 0) return null
  return `${clean(value / 10000)}万${u.unit}`
}

/** A target with its comparator: ≥ 95%, > 20 家, = 2000件 (达到), 10–15 场次. */
export function formatTarget(value: number, valueMax: number | null | undefined, comparator: Comparator | null | undefined, u: UnitInfo, lang: Lang): string {
  if (comparator === 'RANGE' && valueMax !== null && valueMax !== undefined) {
    const low = formatValue(value, u, lang)
    const high = formatValue(valueMax, u, lang)
    // 10–15场次 / 10–15 events: the unit once, after the range.
    const unitPart = lang === 'zh' ? u.displayUnit : ` ${unitEn(u.unit)}`
    return `${low.slice(0, low.length - unitPart.length)}–${high}`
  }
  return `${comparatorSymbol(comparator)}${formatValue(value, u, lang)}`
}

/** The sign before a target ('' when the plan states none). */
export function comparatorSymbol(comparator: Comparator | null | undefined): string {
  switch (comparator) {
    case 'AT_LEAST':
      return '≥ '
    case 'MORE_THAN':
      return '> '
    case 'EXACT':
      return '= '
    default:
      return ''
  }
}

/** The comparator in words, as the plan phrases it. */
export function comparatorWords(comparator: Comparator | null | undefined, lang: Lang): string {
  return comparator ? enumLabel('Comparator', comparator, lang) : ''
}

/** A number with grouping in English and none in Chinese; null → '—'. */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits, minimumFractionDigits: 0, useGrouping: lang === 'en' }).format(
    value,
  )
}

/** A share 0–1 as a percentage with one decimal; null → '—'. */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  return `${(value * 100).toFixed(1)}%`
}

/** One CSV cell: quoted when it holds a comma, quote or line break. */
function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A CSV document: UTF-8 byte-order mark (so spreadsheets read Chinese), CRLF line ends. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}

/** Mean of the known values (null when none is known). */
export function average(values: (number | null | undefined)[]): number | null {
  const known = values.filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v))
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null
}
