/** Vector tiles decode (with @mapbox/vector-tile) to the features that lie in them, on both databases. */
import { VectorTile } from '@mapbox/vector-tile'
import { sql } from 'kysely'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLUSTER_MAX_ZOOM } from '../../server/src/tiles/tiles.repository.ts'
import { locatedServicePoints, startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
let located: { id: string; lng: number; lat: number }[]
beforeAll(async () => {
  server = await startTestServer()
  located = await locatedServicePoints(server)
})
afterAll(() => server.close())

const tileOf = (lng: number, lat: number, z: number) => {
  const n = 2 ** z
  const r = (lat * Math.PI) / 180
  return { z, x: Math.floor(((lng + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) }
}
const tileBounds = ({ z, x, y }: { z: number; x: number; y: number }) => {
  const n = 2 ** z
  const lat = (t: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * t) / n))) * 180) / Math.PI
  return { west: (x / n) * 360 - 180, east: ((x + 1) / n) * 360 - 180, north: lat(y), south: lat(y + 1) }
}

async function fetchTile(layer: string, t: { z: number; x: number; y: number }) {
  const res = await fetch(`${server.url}/tiles/${layer}/${t.z}/${t.x}/${t.y}.pbf`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile')
  const tile = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer())))
  const l = tile.layers[layer]
  return { res, features: l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [] }
}

describe('vector tiles', () => {
  it('a low-zoom tile holding the whole county clusters the points: every located point counted once, singles kept whole', async () => {
    const t = tileOf(113.72, 34.46, 8)
    expect(t.z).toBeLessThanOrEqual(CLUSTER_MAX_ZOOM)
    const points = await fetchTile('service-points', t)
    const clusters = points.features.filter((f) => f.properties.point_count !== undefined)
    const singles = points.features.filter((f) => f.properties.point_count === undefined)
    expect(clusters.length).toBeGreaterThan(0)
    expect(clusters.every((f) => (f.properties.point_count as number) > 1 && f.properties.id === undefined)).toBe(true)
    const counted = singles.length + clusters.reduce((n, f) => n + (f.properties.point_count as number), 0)
    expect(counted).toBe(located.length)
    for (const f of singles) expect(located.map((p) => p.id)).toContain(f.properties.id)
    expect(points.features.every((f) => f.type === 1)).toBe(true)
    const regions = await fetchTile('regions', t)
    expect(regions.features).toHaveLength(17)
    expect(regions.features.every((f) => f.type === 3)).toBe(true) // polygons
  })

  it('above the cluster zoom every point is its own feature with the properties a map needs', async () => {
    const station = located.find((p) => p.id === 'ip-service-410184107')!
    const { features } = await fetchTile('service-points', tileOf(station.lng, station.lat, CLUSTER_MAX_ZOOM + 1))
    expect(features.every((f) => f.properties.point_count === undefined)).toBe(true)
    const f = features.find((x) => x.properties.id === station.id)!
    expect(f.properties).toMatchObject({ kind: 'IP_SERVICE_STATION', status: 'PLANNED', locationQuality: 'APPROXIMATE', nameZh: expect.any(String) })
  })

  it('a zoom-12 tile has exactly the points inside its bounds', async () => {
    const t = tileOf(113.7346, 34.397, 12)
    const b = tileBounds(t)
    const expected = located
      .filter((p) => p.lng >= b.west && p.lng < b.east && p.lat > b.south && p.lat <= b.north)
      .map((p) => p.id)
      .sort()
    expect(expected.length).toBeGreaterThan(0)
    const { features } = await fetchTile('service-points', t)
    // A tile carries a small buffer beyond its edge: keep the points that fall inside it proper.
    const inside = features.filter((f) => {
      const [[pt]] = f.loadGeometry()
      return pt.x >= 0 && pt.x < 4096 && pt.y >= 0 && pt.y < 4096
    })
    expect(inside.map((f) => f.properties.id).sort()).toEqual(expected)
  })

  it('answers an empty tile far away, 304 for a known ETag, and 400/404 for impossible tiles', async () => {
    const far = await fetchTile('service-points', tileOf(0, 0, 10))
    expect(far.features).toEqual([])
    const t = tileOf(113.72, 34.46, 8)
    const first = await fetch(`${server.url}/tiles/regions/${t.z}/${t.x}/${t.y}.pbf`)
    const etag = first.headers.get('etag')!
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/)
    expect((await fetch(`${server.url}/tiles/regions/${t.z}/${t.x}/${t.y}.pbf`, { headers: { 'if-none-match': etag } })).status).toBe(304)
    expect((await fetch(`${server.url}/tiles/regions/3/9/1.pbf`)).status).toBe(400)
    expect((await fetch(`${server.url}/tiles/rivers/3/1/1.pbf`)).status).toBe(404)
  })

  it('shows a change in the next tile after a write', async () => {
    const t = tileOf(113.75, 34.42, 12)
    const before = await fetchTile('service-points', t)
    expect(before.features.some((f) => f.properties.id === 'new-station')).toBe(false)
    await sql`insert into service_point (id, county_code, name_zh, name_en, kind, status, location, location_quality, source)
              values ('new-station', '410184', '新站', 'New station', 'IP_SERVICE_STATION', 'ACTIVE',
                      st_setsrid(st_makepoint(113.75, 34.42), 4326), 'SURVEYED', 'test')`.execute(server.db)
    await expect
      .poll(async () => (await fetchTile('service-points', t)).features.some((f) => f.properties.id === 'new-station'), { timeout: 3000, interval: 20 })
      .toBe(true)
  })
})
