/**
 * /data/…: every resource that datapackage.json lists is served and matches its description
 * (CSV header = fields, GeoJSON valid RFC 7946), with file names, ETags and cache headers.
 */
import { createHash } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { SAFE_CELL_NOTE } from '../../db/dataset/safe-cell.ts'
import { findResource } from '../../db/records/resources.ts'
import { XINZHENG } from '../setup/templates.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
let descriptor: any
beforeAll(async () => {
  server = await startTestServer()
  descriptor = await (await fetch(`${server.url}/data/datapackage.json`)).json()
})
afterAll(() => server.close())

/** Signed area of a ring (shoelace): positive when counter-clockwise. */
const signedArea = (ring: number[][]) => ring.slice(1).reduce((sum, [x, y], i) => sum + (ring[i][0] * y - x * ring[i][1]), 0) / 2

function expectRfc7946Geometry(geometry: any, type: string): void {
  expect(geometry.type).toBe(type)
  const positions = JSON.stringify(geometry.coordinates).match(/-?\d+(\.\d+)?/g)!
  for (const p of positions) expect(p.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6)
  if (type === 'Point') {
    expect(geometry.coordinates).toHaveLength(2)
    return
  }
  for (const polygon of geometry.coordinates) {
    polygon.forEach((ring: number[][], i: number) => {
      expect(ring.length).toBeGreaterThanOrEqual(4)
      expect(ring[0]).toEqual(ring.at(-1))
      // Right-hand rule: exterior rings counter-clockwise, holes clockwise.
      expect(Math.sign(signedArea(ring))).toBe(i === 0 ? 1 : -1)
    })
  }
}

describe('datapackage.json', () => {
  it('is a Frictionless data package with licence, sources, dates and one resource per table', () => {
    expect(descriptor).toMatchObject({ profile: 'data-package', name: 'xinzheng-ip', county: { code: '410184' } })
    expect(descriptor.title).toMatch(/新郑市/)
    expect(descriptor.licenses.map((l: any) => l.name)).toContain('CC-BY-4.0')
    expect(descriptor.sources.length).toBeGreaterThan(0)
    expect(descriptor.created).toBe('2026-11-26T00:00:00Z') // an RFC 3339 date-time, as Frictionless asks
    expect(new Date(descriptor.updated).getTime()).not.toBeNaN()
    expect(descriptor.resources.map((r: any) => r.path)).toEqual([
      'regions.csv',
      'region-names.csv',
      'seats.csv',
      'indicators.csv',
      'indicator-values.csv',
      'indicator-relations.csv',
      'gi-products.csv',
      'gi-product-regions.csv',
      'service-points.csv',
      'departments.csv',
      'tasks.csv',
      'task-departments.csv',
      'task-indicators.csv',
      'regions.geojson',
      'service-points.geojson',
      'gi-products.geojson',
    ])
    const points = descriptor.resources.find((r: any) => r.name === 'service-points')
    expect(points).toMatchObject({ format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', rows: 26, schema: { primaryKey: ['id'] } })
    expect(points.schema.fields.find((f: any) => f.name === 'lng')).toMatchObject({
      type: 'number',
      unit: 'degree',
      description: expect.stringMatching(/WGS84/),
    })
    expect(descriptor.resources.find((r: any) => r.name === 'regions').schema.fields.find((f: any) => f.name === 'population').unit).toBe('person')
  })

  it('serves every resource it lists, matching its schema, row count, size and hash', async () => {
    for (const resource of descriptor.resources) {
      const response = await fetch(`${server.url}/data/${resource.path}`)
      expect(response.status, resource.path).toBe(200)
      const bytes = Buffer.from(await response.arrayBuffer())
      const text = bytes.toString('utf8')
      expect(bytes.length, resource.path).toBe(resource.bytes)
      expect(`sha256:${createHash('sha256').update(text).digest('hex')}`, resource.path).toBe(resource.hash)
      const names = resource.schema.fields.map((f: any) => f.name)
      if (resource.format === 'csv') {
        expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/)
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 with BOM
        const rows = parse(text, { bom: true })
        expect(rows[0], resource.path).toEqual(names)
        expect(names, resource.path).toEqual(findResource(resource.name)!.fields.map((f) => f.name)) // the importer's shapes
        expect(rows.length - 1, resource.path).toBe(resource.rows)
        for (const row of rows.slice(1)) expect(row).toHaveLength(names.length)
      } else {
        expect(response.headers.get('content-type')).toMatch(/^application\/geo\+json/)
        const collection = JSON.parse(text)
        expect(Object.keys(collection)).toEqual(['type', 'features'])
        expect(collection.type).toBe('FeatureCollection')
        expect(collection.features).toHaveLength(resource.rows)
        for (const feature of collection.features) {
          expect(feature.type).toBe('Feature')
          expect(Object.keys(feature.properties), resource.path).toEqual(names)
          if (feature.geometry) expectRfc7946Geometry(feature.geometry, resource.name === 'service-points-geojson' ? 'Point' : 'MultiPolygon')
        }
      }
    }
  })

  it('has point tables carry lng and lat in WGS84 inside the county', async () => {
    const rows = parse<Record<string, string>>(await (await fetch(`${server.url}/data/seats.csv`)).text(), { bom: true, columns: true })
    expect(rows).toHaveLength(17)
    for (const r of rows) {
      expect(Number(r.lng)).toBeGreaterThan(113.4)
      expect(Number(r.lng)).toBeLessThan(114.1)
      expect(Number(r.lat)).toBeGreaterThan(34.2)
      expect(Number(r.lat)).toBeLessThan(34.7)
    }
  })
})

describe('spreadsheet-safe cells', () => {
  it('are said in the description of every CSV text field, served and bundled, and of no numeric field or GeoJSON property', () => {
    const bundled = JSON.parse(readFileSync(path.join(XINZHENG, 'datapackage.json'), 'utf8'))
    for (const [origin, d] of [
      ['served', descriptor],
      ['bundled', bundled],
    ]) {
      for (const resource of d.resources.filter((r: any) => r.schema)) {
        for (const f of resource.schema.fields) {
          const says = (f.description ?? '').includes(SAFE_CELL_NOTE)
          expect(says, `${origin} ${resource.name}.${f.name}`).toBe(resource.format === 'csv' && f.type === 'string')
        }
      }
    }
  })

  it("/data/…csv prefixes formula-like text with ' and leaves negative numbers as numbers", async () => {
    await server.db
      .updateTable('service_point')
      .set({ address: '=HYPERLINK("http://evil.example","点击")', note: '+1', name_en: '@me' })
      .where('id', '=', 'rights-protection-xinzheng')
      .execute()
    const rows = parse<Record<string, string>>(await (await fetch(`${server.url}/data/service-points.csv`)).text(), { bom: true, columns: true })
    expect(rows.find((r) => r.id === 'rights-protection-xinzheng')).toMatchObject({
      address: '\'=HYPERLINK("http://evil.example","点击")',
      note: "'+1",
      name_en: "'@me",
    })
    const geojson = (await (await fetch(`${server.url}/data/service-points.geojson`)).json()) as { features: any[] }
    expect(geojson.features.find((f: any) => f.id === 'rights-protection-xinzheng').properties.note).toBe('+1') // GeoJSON is not a spreadsheet
    const values = parse<Record<string, string>>(await (await fetch(`${server.url}/data/indicator-values.csv`)).text(), { bom: true, columns: true })
    for (const v of values) expect(v.value, 'a number is never prefixed').toMatch(/^-?[0-9]/)
  })
})

describe('download responses', () => {
  it('name the file, carry ETag, Last-Modified and Cache-Control, and answer 304 when unchanged', async () => {
    const response = await fetch(`${server.url}/data/service-points.csv`)
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="xinzheng-ip-service-points.csv"')
    expect(response.headers.get('cache-control')).toBe('public, no-cache')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const etag = response.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]{32}"$/)
    const lastModified = response.headers.get('last-modified')!
    expect(new Date(lastModified).getTime()).toBeLessThanOrEqual(Date.now())
    const again = await fetch(`${server.url}/data/service-points.csv`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const since = await fetch(`${server.url}/data/service-points.csv`, { headers: { 'if-modified-since': lastModified } })
    expect(since.status).toBe(304)
    const head = await fetch(`${server.url}/data/regions.geojson`, { method: 'HEAD' })
    expect(head.headers.get('content-disposition')).toBe('attachment; filename="xinzheng-ip-regions.geojson"')
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000)
  })

  it('answer 404 for an unknown file or county and 405 for writes', async () => {
    expect((await fetch(`${server.url}/data/nothing.csv`)).status).toBe(404)
    expect((await fetch(`${server.url}/data/regions.csv?county=999999`)).status).toBe(404)
    expect((await fetch(`${server.url}/data/regions.csv`, { method: 'POST' })).status).toBe(405)
    const index = await fetch(`${server.url}/data/`, { redirect: 'manual' })
    expect(index.status).toBe(302)
    expect(index.headers.get('location')).toBe('/data/datapackage.json')
  })
})
