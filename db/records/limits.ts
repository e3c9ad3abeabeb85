/**
 * Limits on every field a record may carry, and on geometries: declared once here, beside the
 * resources, and enforced by the one write path (`apply.ts`) for the package load, the importer
 * and the editing API alike. A test checks that every field of every resource has one.
 */
import type { FieldSchema } from '../dataset/package.ts'
import type { Cell } from './values.ts'

export interface FieldLimit {
  /** Characters (code points) in the cell; for a list, in the whole cell. */
  maxLength: number
  /** A list field (`a|b|c`): at most this many items… */
  maxItems?: number
  /** …of at most this many characters each. */
  maxItemLength?: number
}

const CODE: FieldLimit = { maxLength: 64 }
const NAME: FieldLimit = { maxLength: 200 }
const ADDRESS: FieldLimit = { maxLength: 300 }
const SOURCE: FieldLimit = { maxLength: 1000 }
const NOTE: FieldLimit = { maxLength: 2000 }
const LIST: FieldLimit = { maxLength: 50 * 101, maxItems: 50, maxItemLength: 100 }

/** Text fields by name (a name means the same in every resource that has it). */
export const TEXT_LIMITS: Record<string, FieldLimit> = {
  id: CODE,
  code: CODE,
  parent_code: CODE,
  administered_by_code: CODE,
  region_code: CODE,
  indicator_code: CODE,
  related_code: CODE,
  gi_code: CODE,
  member_of: CODE,
  task_code: CODE,
  department_code: CODE,
  level: CODE,
  kind: CODE,
  status: CODE,
  category: CODE,
  nature: CODE,
  accumulation: CODE,
  comparator: CODE,
  location_quality: CODE,
  population_kind: CODE,
  boundary_quality: CODE,
  origin_area_quality: CODE,
  name_zh: NAME,
  name_en: NAME,
  administered_by_zh: NAME,
  administered_by_en: NAME,
  category_zh: NAME,
  category_en: NAME,
  unit: NAME,
  display_unit: NAME,
  part: NAME,
  section_label: NAME,
  section_title: NAME,
  title: NAME,
  as_written: NAME,
  address: ADDRESS,
  source: SOURCE,
  source_zh: SOURCE,
  population_source: SOURCE,
  population_source_zh: SOURCE,
  boundary_source: SOURCE,
  note: NOTE,
  note_zh: NOTE,
  population_note: NOTE,
  population_note_zh: NOTE,
  responsibility_as_written: NOTE,
  /** A task status's progress note: short, a line or two. */
  progress_note: { maxLength: 500 },
  evidence_url: { maxLength: 2000 },
  /** A station's opening hours and its public telephone or e-mail: a line each. */
  opening_hours: { maxLength: 200 },
  contact: { maxLength: 200 },
  /** A task's text, as the plan writes it. */
  text: { maxLength: 10_000 },
  services: LIST,
  aliases: LIST,
}

/** Non-text fields: long enough for any valid value of the type. */
const TYPE_LIMITS: Record<Exclude<FieldSchema['type'], 'string'>, FieldLimit> = {
  integer: { maxLength: 20 },
  number: { maxLength: 40 },
  boolean: { maxLength: 5 },
  date: { maxLength: 10 },
}

/** The limit of a field, or undefined for a text field nobody declared one for (a test makes sure there is none). */
export function limitOf(field: Pick<FieldSchema, 'name' | 'type'>): FieldLimit | undefined {
  return field.type === 'string' ? TEXT_LIMITS[field.name] : TYPE_LIMITS[field.type]
}

/** A text field without a declared limit still has this one. */
const FALLBACK: FieldLimit = NOTE

const length = (s: string) => [...s].length

/** Why a cell breaks its field's limit (in Chinese and English, naming the field and the limit), or undefined. */
export function limitProblem(field: Pick<FieldSchema, 'name' | 'type'>, cell: Cell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined
  const limit = limitOf(field) ?? FALLBACK
  if (limit.maxItems !== undefined) {
    const items = cell.split('|')
    if (items.length > limit.maxItems) return `${field.name} 条目过多 / too many items: ${items.length} (at most ${limit.maxItems})`
    const long = items.findIndex((item) => length(item) > limit.maxItemLength!)
    if (long >= 0)
      return `${field.name} 第 ${long + 1} 项过长 / item ${long + 1} is too long: ${length(items[long])} characters (at most ${limit.maxItemLength})`
  }
  const n = cell.length > limit.maxLength ? length(cell) : 0
  if (n > limit.maxLength) return `${field.name} 过长 / too long: ${n} characters (at most ${limit.maxLength})`
  return undefined
}

/** Origin regions a GI product may list (an input list, not a field: `upsertGIProduct(originRegions)`). */
export const MAX_ORIGIN_REGIONS = 50

/** How deep a geometry's `coordinates` may nest: a MultiPolygon's polygons → rings → positions → numbers. */
export const MAX_COORDINATE_DEPTH = 4
/** Positions (vertices) in one geometry. */
export const MAX_VERTICES = 100_000

/**
 * Why a geometry's coordinates are too deep or too many (checked without recursion), or undefined.
 * Positions are arrays that start with a number.
 */
export function geometrySizeProblem(geometry: unknown): string | undefined {
  const coordinates = (geometry as { coordinates?: unknown } | null)?.coordinates
  if (!Array.isArray(coordinates)) return undefined
  let vertices = 0
  const stack: [unknown[], number][] = [[coordinates, 1]]
  while (stack.length) {
    const [array, depth] = stack.pop()!
    if (depth > MAX_COORDINATE_DEPTH) return `坐标嵌套过深 / the coordinates are nested more than ${MAX_COORDINATE_DEPTH} arrays deep`
    if (typeof array[0] === 'number') {
      if (++vertices > MAX_VERTICES) return `顶点过多 / the geometry has more than ${MAX_VERTICES} vertices`
      continue
    }
    for (const item of array) if (Array.isArray(item)) stack.push([item, depth + 1])
  }
  return undefined
}
