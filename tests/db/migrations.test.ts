import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateDown, migrateToEmpty, migrateToLatest } from '../../db/migrate.ts'
import { migrations } from '../../db/migrations/index.ts'
import { openTestDatabase, type TestDatabase } from '../setup/database.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await openTestDatabase('empty')
})
afterAll(() => t.close())

const tables = async () =>
  (
    await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by 1`.execute(t.db)
  ).rows.map((r) => r.t)

describe('migrations', () => {
  it('migrate an empty database up: PostGIS, every table, geometry columns in EPSG:4326 with GiST indexes', async () => {
    const ran = await migrateToLatest(t.db)
    expect(ran).toEqual(Object.keys(migrations).map((name) => `Up ${name}`))
    expect(await tables()).toEqual([
      'api_token',
      'app_user',
      'app_user_region',
      'audit_log',
      'dataset',
      'department',
      'feedback',
      'feedback_answer',
      'gi_product',
      'gi_product_region',
      'indicator',
      'indicator_relation',
      'indicator_value',
      'region',
      'region_name',
      'service_point',
      'spatial_ref_sys',
      'task',
      'task_department',
      'task_indicator',
      'task_status',
      'user_session',
    ])
    const { rows: columns } = await sql<{ c: string; type: string; srid: number }>`
      select f_table_name || '.' || f_geometry_column as c, type, srid from geometry_columns order by 1`.execute(t.db)
    expect(columns).toEqual([
      { c: 'gi_product.origin_area', type: 'MULTIPOLYGON', srid: 4326 },
      { c: 'region.boundary', type: 'MULTIPOLYGON', srid: 4326 },
      { c: 'region.seat', type: 'POINT', srid: 4326 },
      { c: 'service_point.location', type: 'POINT', srid: 4326 },
    ])
    const { rows: indexes } = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexdef ilike '%using gist%' order by 1`.execute(t.db)
    // Expression indexes (e.g. on location::geography for nearestServicePoints) have no plain column: skip them.
    expect(
      indexes.flatMap(
        (i) =>
          i.indexdef
            .match(/ON public\.(\w+) USING gist \((\w+)\)/)
            ?.slice(1)
            .join('.') ?? [],
      ),
    ).toEqual(expect.arrayContaining(['gi_product.origin_area', 'region.boundary', 'region.seat', 'service_point.location']))
  })

  it('is idempotent: migrating again runs nothing', async () => {
    expect(await migrateToLatest(t.db)).toEqual([])
  })

  it('enforces enums, ranges and foreign keys with check constraints', async () => {
    await sql`insert into dataset (id, county_code, title, descriptor, content_hash, loaded_from) values ('t', '990100', 't', '{}', 'h', 'test')`.execute(t.db)
    const region = (level: string, code = '990100') =>
      sql`insert into region (code, county_code, level, name_zh, name_en, in_county_statistics, boundary_quality, source)
          values (${code}, '990100', ${level}, '测', 'T', true, 'NONE', 'test')`.execute(t.db)
    await expect(region('CITY')).rejects.toThrow(/check constraint/)
    await region('COUNTY')
    await expect(
      sql`insert into service_point (id, county_code, name_zh, name_en, kind, status, location_quality, source)
          values ('x', '990100', 'x', 'x', 'IP_SERVICE_STATION', 'ACTIVE', 'APPROXIMATE', 's')`.execute(t.db),
    ).rejects.toThrow(/check constraint/) // APPROXIMATE needs a location
    await expect(
      sql`insert into region (code, county_code, level, name_zh, name_en, in_county_statistics, population, population_source, population_kind, boundary_quality, source)
          values ('990100001', '990100', 'TOWN', '测', 'T', true, -5, 's', 'RESIDENT', 'NONE', 'test')`.execute(t.db),
    ).rejects.toThrow(/check constraint/)
    await expect(
      sql`insert into indicator_value (county_code, indicator_code, region_code, year, kind, value, source)
          values ('990100', 'nope', '990100', 2024, 'ACTUAL', 1, 's')`.execute(t.db),
    ).rejects.toThrow(/foreign key/)
  })

  it('migrate down step by step to nothing, then up again', async () => {
    await sql`delete from region; delete from dataset`.execute(t.db)
    expect(await migrateDown(t.db)).toEqual(['Down 2026_12_02_1200_source_zh'])
    const sourceColumns = await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'indicator_value'`.execute(
      t.db,
    )
    expect(sourceColumns.rows.map((c) => c.name)).not.toContain('source_zh')
    expect(sourceColumns.rows.map((c) => c.name)).toContain('source')
    expect(await migrateDown(t.db)).toEqual(['Down 2026_12_02_1120_task_indicator'])
    expect(await tables()).not.toContain('task_indicator')
    expect(await migrateDown(t.db)).toEqual(['Down 2026_12_02_1110_indicator_related'])
    expect(await tables()).not.toContain('indicator_relation')
    expect(await migrateDown(t.db)).toEqual(['Down 2026_12_02_1100_note_zh'])
    const regionColumns = await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'region'`.execute(t.db)
    expect(regionColumns.rows.map((c) => c.name)).not.toContain('population_note_zh')
    expect(regionColumns.rows.map((c) => c.name)).toContain('population_note')
    expect(await migrateDown(t.db)).toEqual(['Down 2026_12_02_1000_service_point_opening'])
    const pointColumns = await sql<{ name: string; nullable: string }>`
      select column_name as name, is_nullable as nullable from information_schema.columns where table_name = 'service_point'`.execute(t.db)
    expect(pointColumns.rows.map((c) => c.name)).not.toContain('opened_on')
    expect(pointColumns.rows.find((c) => c.name === 'name_en')?.nullable).toBe('NO')
    expect(await migrateDown(t.db)).toEqual(['Down 2026_12_02_0900_user_account'])
    expect(await tables()).not.toContain('app_user')
    expect(await tables()).not.toContain('user_session')
    expect(await migrateDown(t.db)).toEqual(['Down 2026_12_02_0900_feedback'])
    expect(await tables()).not.toContain('feedback')
    const auditColumns = await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'audit_log'`.execute(t.db)
    expect(auditColumns.rows.map((c) => c.name)).not.toContain('reverts_id')
    expect(await migrateDown(t.db)).toEqual(['Down 2026_12_02_0010_task_status'])
    expect(await tables()).not.toContain('task_status')
    expect(await migrateDown(t.db)).toEqual(['Down 2026_12_02_0000_indicator_value_status'])
    const valueColumns = await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'indicator_value'`.execute(
      t.db,
    )
    expect(valueColumns.rows.map((c) => c.name)).not.toContain('status')
    expect(await migrateDown(t.db)).toEqual(['Down 2026_12_01_2000_api_token_purpose'])
    const tokenColumns = await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'api_token'`.execute(t.db)
    expect(tokenColumns.rows.map((c) => c.name)).not.toContain('purpose')
    expect(await migrateDown(t.db)).toEqual(['Down 2026_11_27_0900_api_token'])
    expect(await tables()).not.toContain('api_token')
    expect(await migrateDown(t.db)).toEqual(['Down 2026_11_26_0910_region_area_column'])
    expect(await migrateDown(t.db)).toEqual(['Down 2026_11_26_0900_notify_data_changed'])
    expect(await migrateDown(t.db)).toEqual(['Down 2026_11_26_0800_geography_knn_index'])
    expect(await migrateDown(t.db)).toEqual(['Down 2026_11_26_0710_open_data_model'])
    expect(await tables()).toEqual(['spatial_ref_sys'])
    await migrateToEmpty(t.db)
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_extension where extname = 'postgis'`.execute(t.db)
    expect(rows[0].n).toBe(0)
    await migrateToLatest(t.db)
    expect(await tables()).toContain('region')
  })
})
