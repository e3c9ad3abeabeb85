/**
 * The one write path (`db/records/apply.ts`): a package loaded through it leaves exactly the rows
 * the old loader left (a fixture captured from it, `tests/setup/capture-load.ts`), and every field's
 * limit is refused with its name, by the package load and the importer alike, writing nothing.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDataPackage } from '../../db/dataset/load.ts'
import { DatasetError } from '../../db/dataset/package.ts'
import { ImportError, importFile } from '../../db/import/import.ts'
import { geometryToWgs84 } from '../../db/records/crs.ts'
import { geometrySizeProblem, limitOf } from '../../db/records/limits.ts'
import { RESOURCES } from '../../db/records/resources.ts'
import { openTestDatabase, type TestDatabase } from '../setup/database.ts'
import { dumpTables, type TableDump } from '../setup/table-dump.ts'
import { ROOT, XINZHENG } from '../setup/templates.ts'

const SYNTHETIC = path.join(ROOT, 'tests/fixtures/synthetic-county')
const fixture = (file: string): TableDump => JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures', file), 'utf8'))
const root = ROOT.replace(/\/$/, '')

/**
 * The one intended difference from the old loader: it wrote every seat as APPROXIMATE, while the
 * seats file (and the importer) read status F (found) as GEOCODED. 龙湖镇's seat is the one with F.
 */
function withSeatStatuses(dump: TableDump): TableDump {
  const seats = readFileSync(path.join(XINZHENG, 'seats.csv'), 'utf8')
    .split('\n')
    .filter((l) => /^[0-9]+,[^,]*,[^,]*,[^,]*,F,/.test(l))
    .map((l) => l.split(',')[0])
  expect(seats).toEqual(['410184109'])
  for (const r of dump.region) if (seats.includes(r.code as string)) r.seat_quality = 'GEOCODED'
  // A later column (2026_12_02_0000_indicator_value_status): the package's values state no status.
  for (const r of dump.indicator_value) r.status = null
  // Later columns (2026_12_02_1000_service_point_opening): the package states no opening hours, contact or date.
  for (const r of dump.service_point) Object.assign(r, { opening_hours: null, contact: null, opened_on: null })
  return dump
}

let t: TestDatabase
const TABLES = [
  'dataset',
  'region',
  'region_name',
  'indicator',
  'indicator_value',
  'gi_product',
  'gi_product_region',
  'service_point',
  'department',
  'task',
  'task_department',
  'audit_log',
]
/** Every data table emptied, identities restarted, as in a fresh database. */
const emptyTables = () => sql`truncate ${sql.join(TABLES.map((table) => sql.table(table)))} restart identity cascade`.execute(t.db)
beforeAll(async () => {
  // The seeded template, emptied: migrating an empty one takes longer.
  t = await openTestDatabase('seeded')
  await emptyTables()
})
afterAll(() => t.close())

const count = async (table: string) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db)).rows[0].n

/** A copy of a package with one file edited. */
function editedCopy(dir: string, file: string, edit: (text: string) => string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'pkg-'))
  cpSync(dir, copy, { recursive: true })
  writeFileSync(path.join(copy, file), edit(readFileSync(path.join(copy, file), 'utf8')))
  return copy
}

describe('a package loaded through the one write path', () => {
  it('leaves the rows the old loader left, table by table (Xinzheng, then a second county beside it)', async () => {
    await loadDataPackage(t.db, XINZHENG)
    expect(await dumpTables(t.db, root)).toEqual(withSeatStatuses(fixture('xinzheng-load.json')))
    await loadDataPackage(t.db, SYNTHETIC)
    expect(await dumpTables(t.db, root)).toEqual(withSeatStatuses(fixture('two-counties-load.json')))
  })

  it('audits the load once for the dataset, not once per record', async () => {
    const entries = await t.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id']).orderBy('id').execute()
    expect(entries).toEqual([
      { action: 'IMPORT', entity: 'dataset', entity_id: 'xinzheng-ip' },
      { action: 'IMPORT', entity: 'dataset', entity_id: 'synthetic-county' },
    ])
  })
})

describe('limits', () => {
  it('are declared for every field of every resource', () => {
    const missing = RESOURCES.flatMap((r) => r.fields.filter((f) => !limitOf(f)).map((f) => `${r.name}.${f.name}`))
    expect(missing).toEqual([])
  })

  it('refuse, in the importer, a list over its size and an id over its length, naming line and column; nothing is written', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'limits-')), 'service-points.csv')
    const services = Array.from({ length: 51 }, (_, i) => `服务${i}`).join('|')
    writeFileSync(
      file,
      [
        'id,name_zh,name_en,kind,status,location_quality,services,source',
        `test-many-services,多,Many,UNIVERSITY,ACTIVE,UNKNOWN,${services},s`,
        `${'a'.repeat(65)},长,Long,UNIVERSITY,ACTIVE,UNKNOWN,,s`,
      ].join('\n'),
    )
    const before = await count('audit_log')
    const error = (await importFile(t.db, { resource: 'service-points', file, county: '990100' }).catch((e) => e)) as ImportError
    expect(error).toBeInstanceOf(ImportError)
    expect(error.problems).toEqual([
      'service-points.csv line 2, column services: services 条目过多 / too many items: 51 (at most 50)',
      'service-points.csv line 3, column id: id 过长 / too long: 65 characters (at most 64)',
    ])
    expect(await count('audit_log')).toBe(before)
  })

  it('refuse, in the importer, a boundary with more than 100 000 vertices or nested too deep, naming the feature', async () => {
    const ring = Array.from({ length: 100_001 }, (_, i) => [100.5 + Math.cos(i / 16000) / 10, 30.5 + Math.sin(i / 16000) / 10])
    ring[100_000] = ring[0]
    // Written as text: JSON.stringify itself recurses, and 5000 levels overflow a test worker's stack.
    const deep = `${'['.repeat(5000)}[100.5,30.5]${']'.repeat(5000)}`
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'limits-')), 'boundaries.geojson')
    const features = [
      JSON.stringify({ type: 'Feature', properties: { code: '990100001' }, geometry: { type: 'Polygon', coordinates: [ring] } }),
      `{"type":"Feature","properties":{"code":"990100101"},"geometry":{"type":"MultiPolygon","coordinates":${deep}}}`,
    ]
    writeFileSync(file, `{"type":"FeatureCollection","features":[${features.join(',')}]}`)
    const error = (await importFile(t.db, { resource: 'region-boundaries', file, county: '990100' }).catch((e) => e)) as ImportError
    expect(error.problems).toEqual([
      'boundaries.geojson feature 1, geometry: 顶点过多 / the geometry has more than 100000 vertices',
      'boundaries.geojson feature 2, geometry: 坐标嵌套过深 / the coordinates are nested more than 4 arrays deep',
    ])
  })

  it('keep the coordinate parser from recursing without bound', () => {
    let deep: unknown = [113.7, 34.4]
    for (let i = 0; i < 100_000; i++) deep = [deep]
    const geometry = { type: 'MultiPolygon', coordinates: deep }
    expect(() => geometryToWgs84(geometry, 'gcj02')).not.toThrow()
    expect(geometrySizeProblem(geometry)).toMatch(/nested more than 4 arrays deep/)
    expect(
      geometrySizeProblem({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        ],
      }),
    ).toBeUndefined()
  })

  it('refuse, in a package load, a name over its limit, naming file, row, column and limit; nothing is written', async () => {
    // Last, on an emptied database: a refused load still advances sequences, which the comparison above must not see.
    await emptyTables()
    const broken = editedCopy(SYNTHETIC, 'service-points.csv', (s) => s.replace('东站', '东'.repeat(201)))
    const error = await loadDataPackage(t.db, broken).catch((e) => e)
    expect(error).toBeInstanceOf(DatasetError)
    expect(error.problems).toEqual(['service-points.csv row 2, column name_zh: name_zh 过长 / too long: 201 characters (at most 200)'])
    expect(await Promise.all(['dataset', 'region', 'service_point', 'audit_log'].map(count))).toEqual([0, 0, 0, 0])
  })
})
