import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { inCountyKeys, type CountyKey } from '../../../db/keys.ts'
import type { IndicatorCategory, ValueKind, ValueStatus } from '../../../schema/enums.ts'
import type { Indicator, IndicatorValue, RelatedIndicator } from '../../../schema/indicator.type.ts'
import { camelRow } from '../rows.ts'

function selectIndicators(db: Kysely<Database>) {
  return db
    .selectFrom('indicator')
    .select([
      'county_code',
      'code',
      'name_zh',
      'name_en',
      'unit',
      'display_unit',
      'category',
      'nature',
      'accumulation',
      'comparator',
      'plan_table_row',
      'plan_annex_row',
      'source',
      'source_zh',
      'note',
      'note_zh',
    ])
    .select(sql<number>`display_factor::float8`.as('display_factor'))
}

type IndicatorRow = Awaited<ReturnType<ReturnType<typeof selectIndicators>['execute']>>[number]

function toIndicator(r: IndicatorRow): Indicator {
  return camelRow(r)
}

interface ValueRow {
  county_code: string
  indicator_code: string
  region_code: string
  year: number
  kind: ValueKind
  value: number
  value_max: number | null
  source: string
  source_zh: string | null
  note: string | null
  note_zh: string | null
  status: ValueStatus | null
}

function toIndicatorValue(r: ValueRow): IndicatorValue {
  return camelRow(r)
}

/** A county's indicators in the plan's order. */
export async function listIndicators(db: Kysely<Database>, filter: { county: string; category?: IndicatorCategory | null }): Promise<Indicator[]> {
  let q = selectIndicators(db).where('county_code', '=', filter.county)
  if (filter.category) q = q.where('category', '=', filter.category)
  return (await q.orderBy('position').execute()).map(toIndicator)
}

/** One indicator, or undefined. */
export async function findIndicator(db: Kysely<Database>, county: string, code: string): Promise<Indicator | undefined> {
  const row = await selectIndicators(db).where('county_code', '=', county).where('code', '=', code).executeTakeFirst()
  return row && toIndicator(row)
}

/** Every value of the given indicators, ordered by year, then kind, then region. */
export async function listValuesOfIndicators(db: Kysely<Database>, keys: readonly CountyKey[]): Promise<IndicatorValue[]> {
  if (!keys.length) return []
  const rows = await db
    .selectFrom('indicator_value')
    .select(['county_code', 'indicator_code', 'region_code', 'year', 'kind', 'source', 'source_zh', 'note', 'note_zh', 'status'])
    .select([sql<number>`value::float8`.as('value'), sql<number | null>`value_max::float8`.as('value_max')])
    .where(inCountyKeys('county_code', 'indicator_code', keys))
    .orderBy('year')
    .orderBy('kind')
    .orderBy('region_code')
    .execute()
  return rows.map(toIndicatorValue)
}

/** Values recorded for the given regions (any indicator), ordered by indicator position, year and kind. */
export async function listValuesOfRegions(db: Kysely<Database>, regionCodes: readonly string[]): Promise<IndicatorValue[]> {
  if (!regionCodes.length) return []
  const rows = await db
    .selectFrom('indicator_value as v')
    .innerJoin('indicator as i', (j) => j.onRef('i.county_code', '=', 'v.county_code').onRef('i.code', '=', 'v.indicator_code'))
    .select(['v.county_code', 'v.indicator_code', 'v.region_code', 'v.year', 'v.kind', 'v.source', 'v.source_zh', 'v.note', 'v.note_zh', 'v.status'])
    .select([sql<number>`v.value::float8`.as('value'), sql<number | null>`v.value_max::float8`.as('value_max')])
    .where('v.region_code', 'in', [...regionCodes])
    .orderBy('i.position')
    .orderBy('v.year')
    .orderBy('v.kind')
    .execute()
  return rows.map(toIndicatorValue)
}

/** The plan's period: the first and last year of the county's own figures (baselines to targets); null without any. */
export async function findPlanPeriod(db: Kysely<Database>, county: string): Promise<{ from: number; to: number } | null> {
  const row = await db
    .selectFrom('indicator_value')
    .select([sql<number | null>`min(year)::int`.as('from'), sql<number | null>`max(year)::int`.as('to')])
    .where('county_code', '=', county)
    .where('kind', '!=', 'ACTUAL')
    .executeTakeFirst()
  return row?.from != null && row.to != null ? { from: row.from, to: row.to } : null
}

/**
 * The related series of the given indicators, in both directions (a relation is stored once, the smaller
 * code first): one row per indicator and related series, with the related indicator, ordered by its position.
 */
export async function listRelatedOfIndicators(db: Kysely<Database>, keys: readonly CountyKey[]): Promise<RelatedIndicator[]> {
  if (!keys.length) return []
  const columns = ['county_code', 'kind', 'note', 'note_zh', 'source', 'source_zh'] as const
  const both = db
    .selectFrom('indicator_relation')
    .select([...columns, 'indicator_code as from_code', 'related_code as to_code'])
    .unionAll(db.selectFrom('indicator_relation').select([...columns, 'related_code as from_code', 'indicator_code as to_code']))
  const rows = await db
    .selectFrom(both.as('r'))
    .innerJoin('indicator as i', (j) => j.onRef('i.county_code', '=', 'r.county_code').onRef('i.code', '=', 'r.to_code'))
    .select([
      'r.from_code',
      'r.kind',
      'r.note as relation_note',
      'r.note_zh as relation_note_zh',
      'r.source as relation_source',
      'r.source_zh as relation_source_zh',
    ])
    .select(['i.county_code', 'i.code', 'i.name_zh', 'i.name_en', 'i.unit', 'i.display_unit', 'i.category', 'i.nature', 'i.accumulation'])
    .select(['i.comparator', 'i.plan_table_row', 'i.plan_annex_row', 'i.source', 'i.source_zh', 'i.note', 'i.note_zh'])
    .select(sql<number>`i.display_factor::float8`.as('display_factor'))
    .where(inCountyKeys('r.county_code', 'r.from_code', keys))
    .orderBy('i.position')
    .execute()
  return rows.map(({ from_code, kind, relation_note, relation_note_zh, relation_source, relation_source_zh, ...indicator }) => ({
    fromCode: from_code,
    countyCode: indicator.county_code,
    kind,
    note: relation_note,
    noteZh: relation_note_zh,
    source: relation_source,
    sourceZh: relation_source_zh,
    indicator: toIndicator(indicator),
  }))
}
