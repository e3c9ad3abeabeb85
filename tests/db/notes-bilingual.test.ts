/**
 * The bundled package's notes in both languages (a package lint), and a package without the Chinese
 * columns (the synthetic county's) loading with them null.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDataPackage } from '../../db/dataset/load.ts'
import { openTestDatabase, type TestDatabase } from '../setup/database.ts'
import { ROOT, XINZHENG } from '../setup/templates.ts'

const descriptor = JSON.parse(readFileSync(path.join(XINZHENG, 'datapackage.json'), 'utf8'))
const csvResources: { name: string; path: string; title: string; schema: { fields: { name: string; description?: string }[] } }[] = descriptor.resources.filter(
  (r: any) => r.format === 'csv',
)
const HAN = /[\u4e00-\u9fff]/

describe("the bundled package's notes", () => {
  it('has a Chinese column beside every note column, and both languages for every note written', () => {
    const missing: string[] = []
    for (const r of csvResources) {
      const rows = parse<Record<string, string>>(readFileSync(path.join(XINZHENG, r.path), 'utf8'), { columns: true, bom: true })
      for (const column of r.schema.fields.map((f) => f.name).filter((n) => n === 'note' || n === 'population_note')) {
        expect(Object.keys(rows[0]), `${r.path}: ${column}_zh`).toContain(`${column}_zh`)
        rows.forEach((row, i) => {
          const en = row[column]?.trim(),
            zh = row[`${column}_zh`]?.trim()
          if (!!en !== !!zh) missing.push(`${r.path} row ${i + 2}: ${column}${en ? '_zh' : ''} is empty`)
          if (zh && !HAN.test(zh)) missing.push(`${r.path} row ${i + 2}: ${column}_zh has no Chinese`)
        })
      }
    }
    expect(missing).toEqual([])
  })

  it('gives every resource title and field description as "中文 · English"', () => {
    const monolingual: string[] = []
    for (const r of descriptor.resources) {
      if (!/^[^·]*\p{Script=Han}[^·]* · [^·]*[A-Za-z]/u.test(r.title)) monolingual.push(`${r.name}: title`)
      for (const f of r.schema?.fields ?? []) if (!/\p{Script=Han}.* · .*[A-Za-z]/u.test(f.description ?? '')) monolingual.push(`${r.name}.${f.name}`)
    }
    expect(monolingual).toEqual([])
  })
})

describe('a package without the Chinese note columns', () => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await openTestDatabase('seeded')
  })
  afterAll(() => t.close())

  it('loads, its Chinese notes null and its English notes kept', async () => {
    const dir = path.join(ROOT, 'tests/fixtures/synthetic-county')
    expect(readFileSync(path.join(dir, 'service-points.csv'), 'utf8')).not.toContain('note_zh')
    await expect(loadDataPackage(t.db, dir)).resolves.toMatchObject({ loaded: true })
    const points = await t.db.selectFrom('service_point').select(['note', 'note_zh']).where('county_code', '=', '990100').execute()
    expect(points.length).toBeGreaterThan(0)
    expect(points.every((p) => p.note_zh === null)).toBe(true)
    const regions = await t.db.selectFrom('region').select(['population_note_zh', 'note_zh', 'seat_note_zh']).where('county_code', '=', '990100').execute()
    expect(regions.every((r) => r.population_note_zh === null && r.note_zh === null && r.seat_note_zh === null)).toBe(true)
  })
})
