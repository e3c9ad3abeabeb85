/**
 * Editing through GraphQL with bearer tokens: an editor's change works, is audited with its
 * actor, before and after, and shows in the downloads; missing, wrong, revoked and too-weak
 * tokens are refused with the right codes; invalid input names its field.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken, revokeToken } from '../../server/src/auth/token.repository.ts'
import { startTestServer, type GraphQLResponse, type TestServer } from '../setup/server.ts'

let server: TestServer
let editor: string
let admin: string
beforeAll(async () => {
  server = await startTestServer()
  editor = (await createToken(server.db, '张三 (market regulation bureau)', 'editor', { publicName: true })).token
  admin = (await createToken(server.db, 'platform-admin', 'admin', { publicName: true })).token
})
afterAll(() => server.close())

async function mutate<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as any
  return { status: response.status, data: body.data ?? undefined, errors: body.errors, headers: response.headers }
}

/** A POST of a body written by hand. */
async function postText(body: string, token: string): Promise<{ errors?: any[] }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  })
  return (await response.json()) as { errors?: any[] }
}

const UPSERT = `mutation ($input: ServicePointInput!) {
  upsertServicePoint(input: $input) { id address location locationQuality region { code } } }`
const RECORD = `mutation ($input: IndicatorValueInput!) { recordIndicatorValue(input: $input) { year kind value source region { code } } }`
const REPLACE = `mutation ($code: ID!, $boundary: GeoJSON!) { replaceRegionBoundary(code: $code, boundary: $boundary) { code boundaryQuality areaKm2 } }`
const AUDIT = `query ($entity: String, $entityId: ID) { auditLog(entity: $entity, entityId: $entityId, first: 5) {
  totalCount edges { node { actor action entity entityId at before after } } } }`

const square = (lng: number, lat: number, half: number) => ({
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
})

describe('an editor', () => {
  it("corrects a station's address and location; the region follows; the audit log records actor, before and after", async () => {
    const csvBefore = await fetch(`${server.url}/data/service-points.csv`)
    const { data, errors } = await mutate(
      UPSERT,
      {
        input: { id: 'ip-service-410184101', address: '新村镇便民服务大厅', lng: 113.655, lat: 34.433, locationQuality: 'SURVEYED' },
      },
      editor,
    )
    expect(errors).toBeUndefined()
    expect(data.upsertServicePoint).toMatchObject({
      address: '新村镇便民服务大厅',
      location: { type: 'Point', coordinates: [113.655, 34.433] },
      locationQuality: 'SURVEYED',
    })
    const { rows } = await sql<{
      code: string
    }>`select code from region where level <> 'COUNTY' and st_covers(boundary, st_setsrid(st_makepoint(113.655, 34.433), 4326))`.execute(server.db)
    expect(data.upsertServicePoint.region.code).toBe(rows[0].code)

    const audit = await server.query(AUDIT, { entity: 'service_point', entityId: 'ip-service-410184101' })
    expect(audit.data.auditLog.totalCount).toBe(1)
    const entry = audit.data.auditLog.edges[0].node
    expect(entry).toMatchObject({ actor: '张三 (market regulation bureau)', action: 'UPDATE', entity: 'service_point', entityId: 'ip-service-410184101' })
    expect(entry.before).toMatchObject({ address: null, location_quality: 'APPROXIMATE' })
    expect(entry.after).toMatchObject({ address: '新村镇便民服务大厅', lng: 113.655, lat: 34.433, location_quality: 'SURVEYED' })
    expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000)

    // The downloads show the edit at once.
    const csvAfter = await fetch(`${server.url}/data/service-points.csv`, { headers: { 'if-none-match': csvBefore.headers.get('etag')! } })
    expect(csvAfter.status).toBe(200)
    expect(await csvAfter.text()).toContain('新村镇便民服务大厅')
  })

  it('creates a station from GCJ-02 coordinates, then deletes it; both are audited', async () => {
    const created = await mutate(
      UPSERT,
      {
        input: {
          id: 'test-new-station',
          nameZh: '测试工作站',
          nameEn: 'Test station',
          kind: 'IP_SERVICE_STATION',
          status: 'PLANNED',
          lng: 113.74,
          lat: 34.4,
          crs: 'GCJ02',
          source: 'test',
        },
      },
      editor,
    )
    expect(created.errors).toBeUndefined()
    const [lng, lat] = created.data.upsertServicePoint.location.coordinates
    expect(lng - 113.74).toBeCloseTo(-0.0061, 3)
    expect(lat - 34.4).toBeCloseTo(0.0013, 3)
    expect(created.data.upsertServicePoint.locationQuality).toBe('GEOCODED')
    const deleted = await mutate(`mutation { deleteServicePoint(id: "test-new-station") }`, {}, editor)
    expect(deleted.data).toEqual({ deleteServicePoint: 'test-new-station' })
    const audit = await server.query(AUDIT, { entity: 'service_point', entityId: 'test-new-station' })
    expect(audit.data.auditLog.edges.map((e: any) => [e.node.action, e.node.before?.name_zh ?? null, e.node.after?.name_zh ?? null])).toEqual([
      ['DELETE', '测试工作站', null],
      ['INSERT', null, '测试工作站'],
    ])
    const gone = await mutate(`mutation { deleteServicePoint(id: "test-new-station") }`, {}, editor)
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND')
  })

  it("records this year's actual value of an indicator, which then counts as its latest actual", async () => {
    const { data, errors } = await mutate(
      RECORD,
      {
        input: { indicator: 'invention-patents-in-force', year: 2025, value: 1950, source: '2025年新郑市统计公报' },
      },
      editor,
    )
    expect(errors).toBeUndefined()
    expect(data.recordIndicatorValue).toEqual({ year: 2025, kind: 'ACTUAL', value: 1950, source: '2025年新郑市统计公报', region: { code: '410184' } })
    const indicator = await server.query(`{ indicator(code: "invention-patents-in-force") { actuals { year value } progress } }`)
    expect(indicator.data.indicator.actuals).toEqual([{ year: 2025, value: 1950 }])
    expect(indicator.data.indicator.progress).not.toBeNull()
  })

  it("changes a GI product's status and origin regions; its approximate origin area follows", async () => {
    const { data, errors } = await mutate(
      `mutation ($input: GIProductInput!) { upsertGIProduct(input: $input) { code status originAreaQuality originRegions { code } } }`,
      {
        input: { code: 'longhu-cherry', status: 'APPLYING', originRegions: ['410184109', '410184105'] },
      },
      editor,
    )
    expect(errors).toBeUndefined()
    expect(data.upsertGIProduct).toMatchObject({ status: 'APPLYING', originAreaQuality: 'APPROXIMATE' })
    expect(data.upsertGIProduct.originRegions.map((r: any) => r.code).sort()).toEqual(['410184105', '410184109'])
    const { rows } = await sql<{ same: boolean }>`
      select st_equals(g.origin_area, (select st_union(boundary) from region where code in ('410184105', '410184109'))) as same
        from gi_product g where g.code = 'longhu-cherry'`.execute(server.db)
    expect(rows[0].same).toBe(true)
  })

  it('gets BAD_USER_INPUT naming the field for invalid input, and nothing is written', async () => {
    const before = (await server.query(AUDIT, {})).data.auditLog.totalCount
    // The Chinese name is required (the English one is optional: see service-point-editing.test.ts).
    const missing = await mutate(
      UPSERT,
      { input: { id: 'test-incomplete', nameEn: 'Missing', kind: 'IP_SERVICE_STATION', status: 'PLANNED', source: 's' } },
      editor,
    )
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.nameZh' })
    const far = await mutate(UPSERT, { input: { id: 'ip-service-410184101', lng: 116.4, lat: 39.9 } }, editor)
    expect(far.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.lng' })
    expect(far.errors?.[0].message).toMatch(/not near the county/)
    const region = await mutate(RECORD, { input: { indicator: 'invention-patents-in-force', region: '110101', year: 2025, value: 1, source: 's' } }, editor)
    expect(region.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.region' })
    const id = await mutate(UPSERT, { input: { id: 'Bad Id', nameZh: 'x', nameEn: 'x', kind: 'UNIVERSITY', status: 'ACTIVE', source: 's' } }, editor)
    expect(id.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.id' })
    expect((await server.query(AUDIT, {})).data.auditLog.totalCount).toBe(before)
  })

  it('gets BAD_USER_INPUT naming the field and its limit for oversized input (names, ids, service lists, nested areas), and nothing is written', async () => {
    const before = (await server.query(AUDIT, {})).data.auditLog.totalCount
    const point = { id: 'test-limits', nameZh: '限', nameEn: 'Limits', kind: 'UNIVERSITY', status: 'ACTIVE', source: 's' }
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...point, nameZh: '名'.repeat(100_000) }, 'input.nameZh', /name_zh 过长 \/ too long: 100000 characters \(at most 200\)/],
      [{ ...point, id: 'a'.repeat(10_000) }, 'input.id', /id 过长 \/ too long: 10000 characters \(at most 64\)/],
      [
        { ...point, services: Array.from({ length: 10_000 }, (_, i) => `service ${i}`) },
        'input.services',
        /services 条目过多 \/ too many items: 10000 \(at most 50\)/,
      ],
      [{ ...point, services: ['x'.repeat(101)] }, 'input.services', /services 第 1 项过长 \/ item 1 is too long: 101 characters \(at most 100\)/],
      [{ ...point, address: '路'.repeat(301) }, 'input.address', /address 过长 .*at most 300/],
    ]
    for (const [input, argument, message] of cases) {
      const { errors } = await mutate(UPSERT, { input }, editor)
      expect(errors?.[0].extensions, argument).toMatchObject({ code: 'BAD_USER_INPUT', argument })
      expect(errors?.[0].message).toMatch(message)
    }
    const GI = `mutation ($input: GIProductInput!) { upsertGIProduct(input: $input) { code } }`
    // Sent as text: JSON.stringify itself recurses, and 5000 levels overflow a test worker's stack.
    const deep = `${'['.repeat(5000)}[113.7,34.4]${']'.repeat(5000)}`
    const nested = await postText(
      `{"query":${JSON.stringify(GI)},"variables":{"input":{"code":"longhu-cherry","originArea":{"type":"MultiPolygon","coordinates":${deep}}}}}`,
      editor,
    )
    expect(nested.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.originArea' })
    expect(nested.errors?.[0].message).toMatch(/坐标嵌套过深 \/ the coordinates are nested more than 4 arrays deep/)
    const regions = await mutate(GI, { input: { code: 'longhu-cherry', originRegions: Array.from({ length: 51 }, () => '410184109') } }, editor)
    expect(regions.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.originRegions' })
    expect(regions.errors?.[0].message).toMatch(/too many origin regions: 51 \(at most 50\)/)
    expect((await server.query(AUDIT, {})).data.auditLog.totalCount).toBe(before)
    expect(await server.db.selectFrom('service_point').select('id').where('id', 'like', 'test-limits%').execute()).toEqual([])
  })
})

describe('the audit log', () => {
  it('pages newest first with cursors, and refuses a made-up cursor', async () => {
    const page = `query ($after: String) { auditLog(first: 2, after: $after) { totalCount edges { cursor node { action } }
      pageInfo { hasNextPage endCursor } } }`
    const first = (await server.query(page)).data.auditLog
    expect(first.edges).toHaveLength(2)
    expect(first.pageInfo.hasNextPage).toBe(true)
    const all = (await server.query(`{ auditLog(first: 500) { edges { node { id } } } }`)).data.auditLog.edges.map((e: any) => Number(e.node.id))
    expect(all).toEqual([...all].sort((a, b) => b - a))
    const second = (await server.query(page, { after: first.pageInfo.endCursor })).data.auditLog
    expect(second.totalCount).toBe(first.totalCount)
    expect(second.edges[0].cursor).not.toBe(first.edges[1].cursor)
    const bad = await server.query(page, { after: 'bm9wZQ' })
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' })
  })
})

describe('refusals', () => {
  const change = { input: { id: 'ip-service-410184102', address: 'x' } }

  it('refuses anonymous and wrong-token mutations with UNAUTHENTICATED', async () => {
    const anonymous = await mutate(UPSERT, change)
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    const wrong = await mutate(UPSERT, change, editor.slice(0, -4) + 'AAAA')
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    const garbage = await mutate(UPSERT, change, 'not-a-token')
    expect(garbage.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    const { rows } = await sql<{ address: string | null }>`select address from service_point where id = 'ip-service-410184102'`.execute(server.db)
    expect(rows[0].address).toBeNull()
  })

  it("refuses an editor what needs an admin with FORBIDDEN: boundaries and the plan's own figures", async () => {
    const boundary = await mutate(REPLACE, { code: '410184101', boundary: square(113.65, 34.43, 0.02) }, editor)
    expect(boundary.errors?.[0].extensions?.code).toBe('FORBIDDEN')
    const target = await mutate(RECORD, { input: { indicator: 'invention-patents-in-force', year: 2026, kind: 'TARGET', value: 1, source: 's' } }, editor)
    expect(target.errors?.[0].extensions?.code).toBe('FORBIDDEN')
  })

  it('stops accepting a token once it is revoked', async () => {
    const { token } = await createToken(server.db, 'temporary', 'editor')
    expect((await mutate(UPSERT, { input: { id: 'ip-service-410184103', address: '观音寺镇' } }, token)).errors).toBeUndefined()
    expect(await revokeToken(server.db, 'temporary')).toBe(true)
    const after = await mutate(UPSERT, { input: { id: 'ip-service-410184103', address: '观音寺镇政府' } }, token)
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('an admin', () => {
  it("replaces a region's boundary with an official one: OFFICIAL, and its area changes at once", async () => {
    const before = (await server.query(`{ region(code: "410184102") { areaKm2 boundaryQuality } }`)).data.region
    expect(before.boundaryQuality).toBe('APPROXIMATE')
    const { data, errors } = await mutate(REPLACE, { code: '410184102', boundary: square(113.62, 34.37, 0.05) }, admin)
    expect(errors).toBeUndefined()
    expect(data.replaceRegionBoundary.boundaryQuality).toBe('OFFICIAL')
    expect(data.replaceRegionBoundary.areaKm2).not.toBeCloseTo(before.areaKm2, 0)
    expect(data.replaceRegionBoundary.areaKm2).toBeCloseTo(9.18 * 11.13, -1)
    const audit = await server.query(AUDIT, { entity: 'region', entityId: '410184102' })
    expect(audit.data.auditLog.edges[0].node).toMatchObject({
      actor: 'platform-admin',
      action: 'UPDATE',
      before: { boundary_quality: 'APPROXIMATE' },
      after: { boundary_quality: 'OFFICIAL' },
    })
    expect(audit.data.auditLog.edges[0].node.after.geometry.type).toBe('MultiPolygon')
  })
})
