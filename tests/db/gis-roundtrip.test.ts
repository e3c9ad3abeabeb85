/**
 * Downloads through GIS tools and back: GDAL (what QGIS uses) reads every download, and each file it
 * rewrites (GeoJSON, RFC 7946 GeoJSON, GeoPackage back to GeoJSON, CSV with X/Y columns) imports with
 * zero changes. GDAL is required in CI (.ci/run installs gdal-bin); elsewhere the suite skips without it.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../db/import/import.ts'
import { DOWNLOADS } from '../../server/src/data/export.ts'
import { openTestDatabase, type TestDatabase } from '../setup/database.ts'

const COUNTY = '410184'
const HAS_GDAL = spawnSync('ogr2ogr', ['--version']).status === 0

if (!HAS_GDAL && !process.env.CI) console.warn('tests/db/gis-roundtrip.test.ts skipped: ogr2ogr (GDAL) is not installed (apt-get install gdal-bin)')

describe.runIf(process.env.CI)('GDAL in CI', () => {
  it('is installed (.ci/run installs gdal-bin)', () => {
    expect(HAS_GDAL, 'ogr2ogr is missing: apt-get install gdal-bin').toBe(true)
  })
})

let t: TestDatabase
const dir = mkdtempSync(path.join(tmpdir(), 'gis-'))

function gdal(tool: 'ogr2ogr' | 'ogrinfo', ...args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' })
  expect(result.status, `${tool} ${args.join(' ')}: ${result.stderr}`).toBe(0)
  return result.stdout
}

/** The import of `file` as `resource`, checked and compared only. */
const dryRun = (resource: string, file: string) => importFile(t.db, { resource, file, county: COUNTY, dryRun: true })

/** The resource a download imports as (`regions.geojson` carries the boundaries). */
const resourceOf = (download: (typeof DOWNLOADS)[number]) => download.name.replace(/-geojson$/, '')

describe.runIf(HAS_GDAL)('downloads through GDAL and back', () => {
  beforeAll(async () => {
    t = await openTestDatabase('seeded')
    // Values a spreadsheet would evaluate, and a plain negative number, so the CSV paths carry safe cells too.
    await t.db
      .updateTable('service_point')
      .set({ note: '=HYPERLINK("http://evil.example")', address: '-1 层' })
      .where('id', '=', 'rights-protection-xinzheng')
      .execute()
    await t.db.updateTable('region').set({ note: '@SUM(A1)' }).where('code', '=', '410184101').execute()
    for (const d of DOWNLOADS) writeFileSync(path.join(dir, d.path), (await d.build(t.db, COUNTY)).body)
  })
  afterAll(() => t?.close())

  it('ogrinfo reads every download with its row count', () => {
    for (const d of DOWNLOADS) {
      const file = path.join(dir, d.path)
      const rows = d.format === 'csv' ? readFileSync(file, 'utf8').split('\r\n').length - 2 : JSON.parse(readFileSync(file, 'utf8')).features.length
      const summary = gdal('ogrinfo', '-ro', '-so', '-al', file)
      expect(summary, d.path).toMatch(new RegExp(`^Feature Count: ${rows}$`, 'm'))
      if (d.format === 'geojson') expect(summary, d.path).toMatch(/^Geometry: (Point|Multi Polygon)$/m)
    }
  })

  it('GeoJSON rewritten by GDAL (the id only as the feature id) imports with 0 changes', async () => {
    for (const d of DOWNLOADS.filter((x) => x.format === 'geojson')) {
      const out = path.join(dir, `gdal-${d.path}`)
      gdal('ogr2ogr', '-f', 'GeoJSON', out, path.join(dir, d.path))
      if (d.name === 'service-points-geojson') expect(JSON.parse(readFileSync(out, 'utf8')).features[0].properties).not.toHaveProperty('id')
      expect(await dryRun(resourceOf(d), out), out).toMatchObject({ inserted: 0, updated: 0, changes: [] })
    }
  })

  it('GeoJSON rewritten with -lco RFC7946=YES imports with 0 changes', async () => {
    for (const d of DOWNLOADS.filter((x) => x.format === 'geojson')) {
      const out = path.join(dir, `rfc7946-${d.path}`)
      gdal('ogr2ogr', '-f', 'GeoJSON', '-lco', 'RFC7946=YES', out, path.join(dir, d.path))
      expect(await dryRun(resourceOf(d), out), out).toMatchObject({ inserted: 0, updated: 0, changes: [] })
    }
  })

  it('a GeoPackage made from each GeoJSON, turned back into GeoJSON, imports with 0 changes', async () => {
    for (const d of DOWNLOADS.filter((x) => x.format === 'geojson')) {
      const gpkg = path.join(dir, d.path.replace(/\.geojson$/, '.gpkg'))
      gdal('ogr2ogr', '-f', 'GPKG', gpkg, path.join(dir, d.path))
      expect(gdal('ogrinfo', '-ro', '-so', '-al', gpkg)).toMatch(/^Feature Count: \d+$/m)
      const out = path.join(dir, `gpkg-${d.path}`)
      gdal('ogr2ogr', '-f', 'GeoJSON', out, gpkg)
      expect(await dryRun(resourceOf(d), out), out).toMatchObject({ inserted: 0, updated: 0, changes: [] })
    }
  })

  it('service points as a GDAL CSV with X and Y columns (-lco GEOMETRY=AS_XY) import with 0 changes', async () => {
    const out = path.join(dir, 'xy-service-points.csv')
    gdal('ogr2ogr', '-f', 'CSV', '-lco', 'GEOMETRY=AS_XY', out, path.join(dir, 'service-points.geojson'))
    expect(readFileSync(out, 'utf8').split(/\r?\n/)[0]).toMatch(/^X,Y,id,/)
    expect(await dryRun('service-points', out)).toMatchObject({ inserted: 0, updated: 0, changes: [] })
  })

  it('every CSV download rewritten by GDAL (point tables with X and Y) imports with 0 changes, safe cells included', async () => {
    for (const d of DOWNLOADS.filter((x) => x.format === 'csv')) {
      const out = path.join(dir, `gdal-${d.path}`)
      const points = d.fields.some((f) => f.name === 'lng')
      const options = points ? ['-oo', 'X_POSSIBLE_NAMES=lng', '-oo', 'Y_POSSIBLE_NAMES=lat', '-oo', 'KEEP_GEOM_COLUMNS=NO', '-lco', 'GEOMETRY=AS_XY'] : []
      gdal('ogr2ogr', '-f', 'CSV', ...options, out, path.join(dir, d.path))
      if (points) expect(readFileSync(out, 'utf8').split(/\r?\n/)[0], d.path).toMatch(/^X,Y,/)
      expect(await dryRun(d.name, out), out).toMatchObject({ inserted: 0, updated: 0, changes: [] })
    }
    expect(readFileSync(path.join(dir, 'gdal-service-points.csv'), 'utf8')).toContain('"\'=HYPERLINK(""http://evil.example"")"')
  })
})
