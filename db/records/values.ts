/**
 * Records in the shape of the open-data files: one canonical text cell per field (or null).
 * Downloads write these cells, the importer reads them back, and two records are equal when
 * their cells are, so a download imported unchanged is recognised as unchanged.
 */
import { convert, type FieldSchema } from '../dataset/package.ts'

export type Cell = string | null
/** Field name → cell, for the fields a record has. */
export type Values = Record<string, Cell>

/** Text fields holding a list, items separated by `|` (as in the bundled package). */
export const LIST_FIELDS = new Set(['services', 'aliases'])
/** Coordinates are kept to 6 decimals (about 0.1 m), as everywhere in the API. */
export const COORDINATE_FIELDS = new Set(['lng', 'lat'])

/** A coordinate rounded to 6 decimals. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

/** `0017.50` → `17.5`, `-0.0` → `0`: the decimal as a number, without padding. */
export function canonicalDecimal(text: string): string {
  const m = /^([-+]?)([0-9]*)(?:\.([0-9]*))?$/.exec(text)
  if (!m || (m[2] === '' && !m[3])) return text
  const whole = m[2].replace(/^0+(?=[0-9])/, '') || '0'
  const fraction = (m[3] ?? '').replace(/0+$/, '')
  const body = fraction ? `${whole}.${fraction}` : whole
  return body === '0' || m[1] !== '-' ? body : `-${body}`
}

/** A JavaScript number as a plain decimal (no exponent), for numeric columns. */
export function decimalOf(value: number): string {
  const shortest = String(value)
  if (!/e/i.test(shortest)) return canonicalDecimal(shortest)
  return canonicalDecimal(value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }))
}

/** The canonical cell for a value already known to be valid for its field (e.g. read from the database). */
export function canonicalCell(field: FieldSchema, value: unknown): Cell {
  if (value === null || value === undefined) return null
  if (Array.isArray(value)) return value.length ? value.map(String).join('|') : null
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a database value or a checked cell: text, a number or a boolean, never a plain object
  const text = String(value).trim()
  if (text === '') return null
  switch (field.type) {
    case 'integer':
      return String(Number(text))
    case 'number':
      return COORDINATE_FIELDS.has(field.name) ? String(roundCoordinate(Number(text))) : canonicalDecimal(text)
    case 'boolean':
      return text.toLowerCase() === 'true' ? 'true' : 'false'
    default:
      if (LIST_FIELDS.has(field.name)) {
        const items = text
          .split('|')
          .map((s) => s.trim())
          .filter(Boolean)
        return items.length ? items.join('|') : null
      }
      return text
  }
}

/**
 * A cell as written in a file (CSV text, or a GeoJSON property of any JSON type), checked against
 * its field (type, enum, required) and made canonical; each problem goes to `report`.
 */
export function parseCell(field: FieldSchema, raw: unknown, report: (problem: string) => void): Cell {
  let text: string
  if (raw === null || raw === undefined) text = ''
  else if (Array.isArray(raw)) text = raw.map(String).join('|')
  else if (typeof raw === 'object') {
    report('must be a single value, not an object')
    return null
  } else {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- raw is a primitive here: objects and arrays are handled above
    text = typeof raw === 'number' ? decimalOf(raw) : String(raw)
  }
  let ok = true
  const value = convert(text, field, (problem) => {
    ok = false
    report(problem)
  })
  return ok ? canonicalCell(field, value) : null
}

/** Typed JSON of a record for the audit log: numbers as numbers, booleans as booleans, the rest as text. */
export function valuesToJson(fields: FieldSchema[], values: Values): Record<string, unknown> {
  const json: Record<string, unknown> = {}
  for (const field of fields) {
    if (!(field.name in values)) continue
    const cell = values[field.name]
    json[field.name] =
      cell === null ? null : field.type === 'integer' || field.type === 'number' ? Number(cell) : field.type === 'boolean' ? cell === 'true' : cell
  }
  return json
}
