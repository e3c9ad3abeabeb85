/** What an audit entry changed: the fields whose value differs between `before` and `after`, written compactly and in words. */
import { ENUM_LABELS, type EnumLabel } from '../lib/enum-labels.ts'
import { BOOLEAN_WORDS, FIELD_ENUMS, FIELD_LABELS } from '../lib/locale/fields.ts'

/** One changed field; `before` is undefined for an insert, `after` for a delete. */
export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === ''

function same(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The fields that differ, in the record's field order (after's, then fields only before has).
 * An insert lists the fields it set, a delete those it removed; empty values are left out there.
 */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])]
  return fields
    .filter((f) => !same(before?.[f], after?.[f]))
    .map((field) => ({ field, before: before ? before[field] : undefined, after: after ? after[field] : undefined }))
}

const MAX_TEXT = 120

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text
}

function countPositions(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0
  if (typeof coordinates[0] === 'number') return 1
  return coordinates.reduce((n: number, c) => n + countPositions(c), 0)
}

/**
 * A value in a few words: text clipped to 120 characters, a GeoJSON point as its coordinates,
 * another geometry as its type and number of positions; null/undefined as `empty`.
 */
export function formatValue(value: unknown, empty: string, positions: (n: number) => string): string {
  if (isEmpty(value)) return empty
  if (typeof value === 'string') return clip(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return clip(value.map((v) => formatValue(v, empty, positions)).join(' | '))
  const geometry = value as { type?: unknown; coordinates?: unknown }
  if (typeof geometry.type === 'string' && 'coordinates' in geometry) {
    if (geometry.type === 'Point' && Array.isArray(geometry.coordinates)) return `Point (${geometry.coordinates.join(', ')})`
    return `${geometry.type} (${positions(countPositions(geometry.coordinates))})`
  }
  return clip(JSON.stringify(value))
}

/** What the history calls a field of a table, in a language; the field's own name when it has no label. */
export function fieldName(entity: string, field: string, lang: 'zh' | 'en'): string {
  return FIELD_LABELS[entity]?.[field]?.[lang] ?? field
}

/**
 * A value in words: an enum field's value by its label (位置精度：近似 / Location quality: approximate),
 * true/false as 是/否 (yes/no), anything else as {@link formatValue} writes it.
 */
export function valueWords(entity: string, field: string, value: unknown, lang: 'zh' | 'en', empty: string, positions: (n: number) => string): string {
  const e = FIELD_ENUMS[entity]?.[field]
  if (e && typeof value === 'string') {
    const label = (ENUM_LABELS[e] as Record<string, EnumLabel | undefined>)[value]
    if (label) return label[lang]
  }
  if (typeof value === 'boolean') return BOOLEAN_WORDS[String(value) as 'true' | 'false'][lang]
  return formatValue(value, empty, positions)
}
