/**
 * The importer: a download imported back changes nothing; a bad row among good ones is named
 * and nothing is written; coordinates in GCJ-02 land where they should; official boundaries
 * replace schematic ones; the embedded database is not opened behind a running server's back.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCK_FILE } from '../../db/data-dir-lock.ts'
import { ImportError, importFile } from '../../db/import/import.ts'
import { DOWNLOADS } from '../../server/src/data/export.ts'
import { openTestDatabase, type TestDatabase } from '../setup/database.ts'
import { ROOT } from '../setup/templates.ts'

const COUNTY = '410184'
const REFERENCE_COUNTY = path.join(ROOT, '../shared/reference/xinzheng-county.source.geojson')

let t: TestDatabase
const dir = mkdtempSync(path.join(tmpdir(), 'import-'))
beforeAll(async () => {
  t = await openTestDatabase('seeded')
})
afterAll(() => t.close())

/** The download of that file name (`service-points.csv`) written to a temp file, optionally edited. */
async function downloaded(file: string, edit: (text: string) => string = (s) => s): Promise<string> {
  const download = DOWNLOADS.find((d) => d.path === file)!
  const target = path.join(dir, file)
  writeFileSync(target, edit((await download.build(t.db, COUNTY)).body))
  return target
}

const auditCount = async () => (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.db)).rows[0].n
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (e) => e as ImportError,
  )

describe('a download imported back unchanged', () => {
  it('reports 0 changes for every CSV table and every GeoJSON file, and writes nothing', async () => {
    const before = await auditCount()
    const updated = (await t.db.selectFrom('dataset').select('updated_at').executeTakeFirstOrThrow()).updated_at
    for (const download of DOWNLOADS) {
      const resource = download.path === 'regions.geojson' ? 'region-boundaries' : download.path.replace(/\.(csv|geojson)$/, '')
      const report = await importFile(t.db, { resource, file: await downloaded(download.path), county: COUNTY })
      expect({ file: download.path, inserted: report.inserted, updated: report.updated, changes: report.changes }).toEqual({
        file: download.path,
        inserted: 0,
        updated: 0,
        changes: [],
      })
      expect(report.unchanged).toBeGreaterThan(0)
    }
    expect(await auditCount()).toBe(before)
    expect((await t.db.selectFrom('dataset').select('updated_at').executeTakeFirstOrThrow()).updated_at).toEqual(updated)
  })
})

describe('a file with problems', () => {
  it('names the bad row (line and column) among good ones and writes nothing', async () => {
    const file = await downloaded('service-points.csv', (s) => {
      const lines = s.split('\r\n')
      lines[1] = lines[1].replace(',UNIVERSITY,', ',SPACEPORT,') // line 2 (henan-university-of-engineering): a bad kind
      lines[3] = lines[3].replace('Xinzheng', 'Xinzheng (edited)') // line 4: a good edit
      return lines.join('\r\n')
    })
    const before = await auditCount()
    const error = await errorOf(importFile(t.db, { resource: 'service-points', file, county: COUNTY }))
    expect(error).toBeInstanceOf(ImportError)
    expect(error.problems).toEqual([expect.stringMatching(/^service-points\.csv line 2, column kind: "SPACEPORT" is not one of RIGHTS_PROTECTION_STATION/)])
    expect(await auditCount()).toBe(before)
    const names = await t.db.selectFrom('service_point').select('name_en').where('name_en', 'like', '%(edited)%').execute()
    expect(names).toEqual([])
  })

  it('reports every problem together: types, ranges, references, coordinates, duplicates, unknown columns', async () => {
    const values = path.join(dir, 'values.csv')
    writeFileSync(
      values,
      [
        'indicator_code,region_code,year,kind,value,value_max,source,note',
        'invention-patents-in-force,410184,2025,ACTUAL,1900,,统计公报 2025,',
        'no-such-indicator,410184,2025,ACTUAL,1,,s,',
        'invention-patents-in-force,999999,2025,ACTUAL,1,,s,',
        'invention-patents-in-force,410184,1800,ACTUAL,abc,,s,',
        'invention-patents-in-force,410184,2025,ACTUAL,1901,,统计公报 2025,',
        '',
      ].join('\n'),
    )
    const error = await errorOf(importFile(t.db, { resource: 'indicator-values', file: values, county: COUNTY }))
    expect(error.problems).toEqual([
      'values.csv line 3, column indicator_code: no indicator "no-such-indicator" in this county',
      'values.csv line 4, column region_code: no region "999999" in this county',
      'values.csv line 5, column value: "abc" is not a number',
      'values.csv line 6: invention-patents-in-force/410184/2025/ACTUAL appears twice (also on line 2)',
    ])

    const points = await downloaded('service-points.csv', (s) => s.replace('\r\n', ',colour\r\n'))
    expect((await errorOf(importFile(t.db, { resource: 'service-points', file: points, county: COUNTY }))).problems[0]).toMatch(
      /^service-points\.csv line 1, column colour: not a column of service-points/,
    )

    const far = await downloaded('service-points.csv', (s) => s.replace(/,113\.\d+,34\.\d+,/, ',116.4,39.9,').replace(/,113\.\d+,34\.\d+,/, ',34.4,113.7,'))
    expect((await errorOf(importFile(t.db, { resource: 'service-points', file: far, county: COUNTY }))).problems).toEqual([
      expect.stringMatching(
        /^service-points\.csv line \d+, column lng: 116\.4, 39\.9 is not near the county \(lng [\d.]+\.\.[\d.]+, lat [\d.]+\.\.[\d.]+; swapped/,
      ),
      expect.stringMatching(/^service-points\.csv line \d+, column lat: latitude 113\.7 is outside -90\.\.90$/),
    ])
  })

  it('refuses an invalid or misplaced boundary, naming the feature', async () => {
    const file = path.join(dir, 'bad-boundaries.geojson')
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [113.7, 34.4],
          [113.72, 34.42],
          [113.72, 34.4],
          [113.7, 34.42],
          [113.7, 34.4],
        ],
      ],
    }
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: '410184101' }, geometry: bowtie },
          { type: 'Feature', properties: { code: '410184102' }, geometry: { type: 'Point', coordinates: [113.7, 34.4] } },
          { type: 'Feature', properties: { code: '110101001' }, geometry: square(116.4, 39.9, 0.01) },
        ],
      }),
    )
    const error = await errorOf(importFile(t.db, { resource: 'region-boundaries', file, county: COUNTY }))
    expect(error.problems).toEqual([
      expect.stringMatching(/^bad-boundaries\.geojson feature 1, geometry: the geometry is not valid: Self-intersection/),
      'bad-boundaries.geojson feature 2, geometry: the geometry must be a Polygon or MultiPolygon, not Point',
      'bad-boundaries.geojson feature 3, property code: no region "110101001" in this county',
    ])
  })
})

function square(lng: number, lat: number, half: number) {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lng - half, lat - half],
        [lng + half, lat - half],
        [lng + half, lat + half],
        [lng - half, lat + half],
        [lng - half, lat - half],
      ],
    ],
  }
}

const areaOf = async (code: string) =>
  (
    await sql<{
      km2: number
      quality: string
    }>`select st_area(boundary::geography) / 1e6 as km2, boundary_quality as quality from region where code = ${code}`.execute(t.db)
  ).rows[0]

describe('importing', () => {
  it('applies a clean file in one transaction with a summary and an audit entry per change', async () => {
    const file = await downloaded('indicator-values.csv', (s) => s + 'invention-patents-in-force,410184,2025,ACTUAL,1901,,2025年统计公报,,,,\r\n')
    const dry = await importFile(t.db, { resource: 'indicator-values', file, county: COUNTY, dryRun: true })
    expect(dry).toMatchObject({ inserted: 1, updated: 0, dryRun: true })
    expect(await t.db.selectFrom('indicator_value').select('id').where('kind', '=', 'ACTUAL').execute()).toEqual([])

    const report = await importFile(t.db, { resource: 'indicator-values', file, county: COUNTY })
    expect(report).toMatchObject({ inserted: 1, updated: 0, unchanged: 50 })
    const entries = await t.db.selectFrom('audit_log').selectAll().where('actor', '=', 'import:indicator-values.csv').orderBy('id').execute()
    expect(entries.map((e) => [e.action, e.entity, e.entity_id])).toEqual([
      ['INSERT', 'indicator_value', 'invention-patents-in-force/410184/2025/ACTUAL'],
      ['IMPORT', 'dataset', 'xinzheng-ip'],
    ])
    expect(entries[0].after).toMatchObject({ value: 1901, year: 2025, kind: 'ACTUAL', source: '2025年统计公报' })
  })

  it('converts GCJ-02 coordinates: a point lands about 0.5 km west and a little north of the raw ones', async () => {
    const [rawLng, rawLat] = [113.74, 34.4]
    // Only the header and that one row: the coordinate system applies to the whole file.
    const file = await downloaded('service-points.csv', (s) => {
      const row = s.split('\r\n').find((l) => l.startsWith('rights-protection-xinzheng,'))!
      return `${s.split('\r\n')[0]}\r\n${row.replace(/^((?:[^,]*,){7}),,UNKNOWN,/, `$1${rawLng},${rawLat},GEOCODED,`)}\r\n`
    })
    const report = await importFile(t.db, { resource: 'service-points', file, county: COUNTY, crs: 'gcj02' })
    expect(report).toMatchObject({ updated: 1, changes: [{ key: 'rights-protection-xinzheng', fields: ['region_code', 'lng', 'lat', 'location_quality'] }] })
    const { rows } = await sql<{ lng: number; lat: number; metres: number; region: string }>`
      select st_x(location) as lng, st_y(location) as lat, region_code as region,
             st_distance(location::geography, st_setsrid(st_makepoint(${rawLng}, ${rawLat}), 4326)::geography) as metres
        from service_point where id = 'rights-protection-xinzheng'`.execute(t.db)
    expect(rows[0].lng - rawLng).toBeCloseTo(-0.0061, 3)
    expect(rows[0].lat - rawLat).toBeCloseTo(0.0013, 3)
    expect(rows[0].metres).toBeGreaterThan(400)
    expect(rows[0].metres).toBeLessThan(700)
    expect(rows[0].region).toMatch(/^410184/) // the region follows from the location
  })

  it("replaces a township's schematic cell with an official boundary: OFFICIAL, a new area, GI origin areas follow", async () => {
    const before = await areaOf('410184107')
    expect(before.quality).toBe('APPROXIMATE')
    const file = path.join(dir, 'mengzhuang.geojson')
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { code: '410184107', boundary_source: '测试 official boundary' }, geometry: square(113.85, 34.5, 0.03) }],
      }),
    )
    const report = await importFile(t.db, { resource: 'region-boundaries', file, county: COUNTY })
    expect(report).toMatchObject({ updated: 1, unchanged: 0 })
    const after = await areaOf('410184107')
    expect(after.quality).toBe('OFFICIAL')
    expect(after.km2).not.toBeCloseTo(before.km2, 0)
    expect(after.km2).toBeCloseTo(6.6 * 5.5, -1)
    // 新郑红枣's approximate origin area is 孟庄镇's boundary: it follows.
    const { rows } = await sql<{ same: boolean }>`
      select st_equals(g.origin_area, r.boundary) as same from gi_product g, region r where g.code = 'xinzheng-jujube' and r.code = '410184107'`.execute(t.db)
    expect(rows[0].same).toBe(true)
    expect(
      await t.db.selectFrom('audit_log').select('entity_id').where('actor', '=', 'import:mengzhuang.geojson').where('entity', '=', 'gi_product').execute(),
    ).toEqual([{ entity_id: 'xinzheng-jujube' }])
  })

  it.runIf(existsSync(REFERENCE_COUNTY))('imports the real county outline in GCJ-02: OFFICIAL, shifted to WGS84, a new area', async () => {
    const before = await areaOf(COUNTY)
    const report = await importFile(t.db, { resource: 'region-boundaries', file: REFERENCE_COUNTY, county: COUNTY, crs: 'gcj02' })
    expect(report).toMatchObject({ updated: 1 })
    const after = await areaOf(COUNTY)
    expect(after.quality).toBe('OFFICIAL')
    expect(after.km2).not.toBe(before.km2)
    expect(Math.abs(after.km2 - 873) / 873).toBeLessThan(0.05) // the official area is 873 km²
    const raw = JSON.parse(readFileSync(REFERENCE_COUNTY, 'utf8')).features[0].geometry.coordinates.flat(2) as [number, number][]
    const { rows } = await sql<{ xmin: number; ymin: number; xmax: number; ymax: number; source: string }>`
      select st_xmin(boundary) as xmin, st_ymin(boundary) as ymin, st_xmax(boundary) as xmax, st_ymax(boundary) as ymax,
             boundary_source as source from region where code = ${COUNTY}`.execute(t.db)
    const min = (i: 0 | 1) => Math.min(...raw.map((p) => p[i]))
    const max = (i: 0 | 1) => Math.max(...raw.map((p) => p[i]))
    expect(rows[0].xmin - min(0)).toBeCloseTo(-0.0061, 3)
    expect(rows[0].xmax - max(0)).toBeCloseTo(-0.0061, 3)
    expect(rows[0].ymin - min(1)).toBeCloseTo(0.0013, 3)
    expect(rows[0].ymax - max(1)).toBeCloseTo(0.0013, 3)
    expect(rows[0].source).toBe('imported from xinzheng-county.source.geojson')
  })
})

describe('spreadsheet-safe cells', () => {
  it("writes formula-like text with a leading ', leaves negative numbers alone, and imports the download back with 0 changes", async () => {
    // Independent of the earlier tests' imports (one records a 2025 actual): no actuals before this one's.
    await t.db.deleteFrom('indicator_value').where('kind', '=', 'ACTUAL').execute()
    const values = path.join(dir, 'formulas.csv')
    writeFileSync(
      values,
      [
        'indicator_code,region_code,year,kind,value,value_max,source,note',
        'invention-patents-in-force,410184,2025,ACTUAL,-135,,"=HYPERLINK(""http://evil.example"")",@SUM(A1)',
        "invention-patents-in-force,410184,2024,ACTUAL,1,,+86 371,'-already quoted",
        '',
      ].join('\n'),
    )
    expect(await importFile(t.db, { resource: 'indicator-values', file: values, county: COUNTY })).toMatchObject({ inserted: 2 })
    const stored = await t.db.selectFrom('indicator_value').select(['year', 'value', 'source', 'note']).where('kind', '=', 'ACTUAL').orderBy('year').execute()
    expect(stored.map((r) => [r.year, Number(r.value), r.source, r.note])).toEqual([
      [2024, 1, '+86 371', '-already quoted'], // a ' before a formula character is the file's marker, not the value's
      [2025, -135, '=HYPERLINK("http://evil.example")', '@SUM(A1)'],
    ])

    const body = (await DOWNLOADS.find((d) => d.path === 'indicator-values.csv')!.build(t.db, COUNTY)).body
    const lines = body.split('\r\n')
    expect(lines).toContain('invention-patents-in-force,410184,2025,ACTUAL,-135,,"\'=HYPERLINK(""http://evil.example"")",,\'@SUM(A1),,')
    expect(lines).toContain("invention-patents-in-force,410184,2024,ACTUAL,1,,'+86 371,,'-already quoted,,")

    const back = await importFile(t.db, { resource: 'indicator-values', file: await downloaded('indicator-values.csv'), county: COUNTY, dryRun: true })
    expect(back).toMatchObject({ inserted: 0, updated: 0, changes: [] })
  })

  it("keeps a value that itself begins with ' and a formula character through the round trip", async () => {
    await t.db
      .updateTable('service_point')
      .set({ note: "'=not a marker", note_zh: null, address: '-1 层' })
      .where('id', '=', 'rights-protection-xinzheng')
      .execute()
    const file = await downloaded('service-points.csv')
    const row = readFileSync(file, 'utf8')
      .split('\r\n')
      .find((l) => l.startsWith('rights-protection-xinzheng,'))!
    expect(row).toContain(",'-1 层,")
    expect(row).toMatch(/,''=not a marker,$/)
    expect(await importFile(t.db, { resource: 'service-points', file, county: COUNTY, dryRun: true })).toMatchObject({ inserted: 0, updated: 0, changes: [] })
  })
})

describe('files from GIS tools', () => {
  const pointsGeoJson = async (edit: (feature: any) => void) => {
    const collection = JSON.parse((await DOWNLOADS.find((d) => d.path === 'service-points.geojson')!.build(t.db, COUNTY)).body)
    collection.features.forEach(edit)
    const file = path.join(dir, 'gis-points.geojson')
    writeFileSync(file, JSON.stringify(collection))
    return file
  }

  it("takes a feature's key from its RFC 7946 id when the properties lack it", async () => {
    const file = await pointsGeoJson((f) => delete f.properties.id)
    expect(await importFile(t.db, { resource: 'service-points', file, county: COUNTY, dryRun: true })).toMatchObject({ inserted: 0, updated: 0, changes: [] })
  })

  it('refuses a feature whose id and key property differ, naming both, and writes nothing', async () => {
    const file = await pointsGeoJson((f) => {
      if (f.id === 'rights-protection-xinzheng') f.id = 'someone-else'
      f.properties.name_en += ' (edited)'
    })
    const before = await auditCount()
    const error = await errorOf(importFile(t.db, { resource: 'service-points', file, county: COUNTY }))
    expect(error.problems).toEqual([
      expect.stringMatching(/^gis-points\.geojson feature \d+, property id: "rights-protection-xinzheng" differs from the feature's id "someone-else"/),
    ])
    expect(await auditCount()).toBe(before)
    expect(await t.db.selectFrom('service_point').select('id').where('name_en', 'like', '%(edited)').execute()).toEqual([])
  })

  it('reads X/Y, lon/lat and longitude/latitude columns as lng/lat', async () => {
    for (const [x, y] of [
      ['X', 'Y'],
      ['lon', 'lat'],
      ['Longitude', 'Latitude'],
    ]) {
      const file = await downloaded('service-points.csv', (s) => s.replace(',lng,lat,', `,${x},${y},`))
      expect(readFileSync(file, 'utf8')).toContain(`,${x},${y},`)
      expect(await importFile(t.db, { resource: 'service-points', file, county: COUNTY, dryRun: true }), x).toMatchObject({
        inserted: 0,
        updated: 0,
        changes: [],
      })
    }
  })

  it('refuses a file giving a coordinate twice (lng and X), naming both columns', async () => {
    const file = await downloaded('service-points.csv', (s) =>
      s
        .split('\r\n')
        .map((l, i) => (l ? `${l},${i === 0 ? 'X' : ''}` : l))
        .join('\r\n'),
    )
    const error = await errorOf(importFile(t.db, { resource: 'service-points', file, county: COUNTY }))
    expect(error.problems).toEqual(['service-points.csv line 1, column X: lng and X both give lng: keep one of them'])
  })
})

describe('the data:import command', () => {
  it('refuses with one clear sentence while a server holds the embedded database', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'locked-'))
    // This test process is alive: its pid in the lock file stands for a running server.
    writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.pid, holder: 'server', since: new Date().toISOString() }))
    const file = path.join(dataDir, 'points.csv')
    writeFileSync(file, 'id\n')
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'db/import/cli.ts', 'service-points', file], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toMatch(
      new RegExp(`^The embedded database in DATA_DIR .* is in use by a running server \\(pid ${process.pid}, .*\\): stop it and try again`),
    )
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })
})
