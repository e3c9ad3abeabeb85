/** Spatial queries against brute force computed here in the test, through a real HTTP server. */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { locatedServicePoints, startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
let located: { id: string; lng: number; lat: number }[]
beforeAll(async () => {
  server = await startTestServer()
  located = await locatedServicePoints(server)
})
afterAll(() => server.close())

const ids = (res: any) => res.data.servicePoints.edges.map((e: any) => e.node.id)
const PAGE = `query ($bbox: BBoxInput, $region: ID, $first: Int, $after: String) {
  servicePoints(bbox: $bbox, region: $region, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`

/** Ray casting over every ring (holes included): true when the point is inside the (multi)polygon. */
function inside(lng: number, lat: number, multipolygon: number[][][][]): boolean {
  let crossings = 0
  for (const polygon of multipolygon) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]
        const [xj, yj] = ring[j]
        if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) crossings++
      }
    }
  }
  return crossings % 2 === 1
}

describe('servicePoints filters', () => {
  it('bbox returns exactly the points inside the box', async () => {
    const bbox = { minLng: 113.65, minLat: 34.38, maxLng: 113.76, maxLat: 34.62 }
    const expected = located
      .filter((p) => p.lng >= bbox.minLng && p.lng <= bbox.maxLng && p.lat >= bbox.minLat && p.lat <= bbox.maxLat)
      .map((p) => p.id)
      .sort()
    expect(expected.length).toBeGreaterThan(3)
    expect(expected.length).toBeLessThan(located.length)
    const res = await server.query(PAGE, { bbox, first: 500 })
    expect(ids(res)).toEqual(expected)
    expect(res.data.servicePoints.totalCount).toBe(expected.length)
  })

  it('region returns exactly the points inside its boundary (for every township)', async () => {
    const { data } = await server.query(`{ regions { code boundary } }`)
    let total = 0
    for (const r of data.regions) {
      const expected = located
        .filter((p) => inside(p.lng, p.lat, r.boundary.coordinates))
        .map((p) => p.id)
        .sort()
      const res = await server.query(PAGE, { region: r.code, first: 500 })
      expect(ids(res), r.code).toEqual(expected)
      total += expected.length
    }
    expect(total).toBe(located.length)
  })

  it('pages of 5 walk every service point exactly once', async () => {
    const seen: string[] = []
    let after: string | null = null
    for (let page = 0; page < 100; page++) {
      const res: any = await server.query(PAGE, { first: 5, after })
      seen.push(...ids(res))
      if (!res.data.servicePoints.pageInfo.hasNextPage) break
      after = res.data.servicePoints.pageInfo.endCursor
    }
    expect(seen).toHaveLength(26)
    expect(new Set(seen).size).toBe(26)
  })

  it('refuses an inverted box and out-of-range coordinates, naming the argument', async () => {
    const inverted = await server.query(PAGE, { bbox: { minLng: 114, minLat: 34, maxLng: 113, maxLat: 35 } })
    expect(inverted.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'bbox' })
    const outside = await server.query(PAGE, { bbox: { minLng: 100, minLat: -91, maxLng: 113, maxLat: 35 } })
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'bbox.minLat' })
  })
})

describe('nearestServicePoints', () => {
  const NEAREST = `query ($lng: Float!, $lat: Float!, $limit: Int, $kinds: [ServicePointKind!]) {
    nearestServicePoints(lng: $lng, lat: $lat, limit: $limit, kinds: $kinds) { distanceMeters servicePoint { id kind } } }`

  it.each([
    { lng: 113.74, lat: 34.4, limit: 5 },
    { lng: 113.6, lat: 34.3, limit: 10 },
    { lng: 113.9, lat: 34.6, limit: 50 },
  ])('returns the same points, in the same order and at the same distances, as measuring to every point ($lng, $lat)', async ({ lng, lat, limit }) => {
    const { rows } = await sql<{ id: string; d: number }>`
      select id, st_distance(location::geography, st_setsrid(st_makepoint(${lng}, ${lat}), 4326)::geography) as d
        from service_point where location is not null and county_code = '410184'`.execute(server.db)
    const brute = rows.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1)).slice(0, limit)
    const res = await server.query(NEAREST, { lng, lat, limit })
    expect(res.errors).toBeUndefined()
    const got = res.data.nearestServicePoints
    expect(got.map((n: any) => n.servicePoint.id)).toEqual(brute.map((b) => b.id))
    got.forEach((n: any, i: number) => expect(n.distanceMeters).toBeCloseTo(brute[i].d, 3))
  })

  it('filters by kind and measures geodesically (about 111 km per degree of latitude)', async () => {
    const res = await server.query(NEAREST, { lng: 113.6797, lat: 35.6111, limit: 2, kinds: ['UNIVERSITY'] })
    const got = res.data.nearestServicePoints
    expect(got.map((n: any) => n.servicePoint.kind)).toEqual(['UNIVERSITY', 'UNIVERSITY'])
    // One degree of latitude due north of the universities' (approximate) point: 110.9 km on the WGS84 spheroid here.
    expect(got[0].distanceMeters / 1000).toBeCloseTo(110.95, 0)
  })

  it('refuses a limit beyond 50 and impossible coordinates, naming the argument', async () => {
    expect((await server.query(NEAREST, { lng: 113, lat: 34, limit: 51 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'limit' })
    expect((await server.query(NEAREST, { lng: 190, lat: 34 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'lng' })
    expect((await server.query(NEAREST, { lng: 113, lat: 95 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'lat' })
  })

  it('refuses an unknown kind given as a variable', async () => {
    const res = await server.query(NEAREST, { lng: 113, lat: 34, kinds: ['CASTLE'] })
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(res.errors?.[0].message).toMatch(/CASTLE/)
  })
})
