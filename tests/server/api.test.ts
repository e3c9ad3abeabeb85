import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

describe('regions', () => {
  it("lists the county's 15 township-level units in code order, with boundaries", async () => {
    const { data, errors } = await server.query('{ regions { code name level boundary boundaryQuality parent { code } } }')
    expect(errors).toBeUndefined()
    const codes = data.regions.map((r: any) => r.code)
    expect(codes).toEqual([
      '410184001',
      '410184002',
      '410184003',
      '410184101',
      '410184102',
      '410184103',
      '410184104',
      '410184105',
      '410184106',
      '410184107',
      '410184108',
      '410184109',
      '410184200',
      '410184402',
      '410184403',
    ])
    for (const r of data.regions) {
      expect(r.parent.code).toBe('410184')
      expect(r.boundary.type).toBe('MultiPolygon')
      expect(r.boundaryQuality).toBe('APPROXIMATE')
    }
  })

  it('writes coordinates with at most 6 decimals', async () => {
    const { data } = await server.query('{ regions { boundary seat } }')
    const decimals = JSON.stringify(data.regions)
      .match(/\d+\.(\d+)/g)!
      .map((n: string) => n.split('.')[1].length)
    expect(Math.max(...decimals)).toBeLessThanOrEqual(6)
  })

  it('filters by level', async () => {
    const { data } = await server.query('{ regions(levels: [ZONE]) { code } }')
    expect(data.regions.map((r: any) => r.code)).toEqual(['410184402', '410184403'])
  })

  it("keeps the two cells administered by 航空港区 out of the county's list unless asked", async () => {
    const { data } = await server.query(`{ regions(includeAdministeredElsewhere: true) { code inCountyStatistics administeredBy { code name } } }`)
    const outside = data.regions.filter((r: any) => !r.inCountyStatistics)
    expect(outside.map((r: any) => r.code)).toEqual(['410173202', '410173203'])
    expect(outside[0].administeredBy).toEqual({ code: '410173', name: '郑州航空港区' })
  })

  it('records 龙湖镇 becoming 龙湖街道 on 2025-01-20 under the same code', async () => {
    const { data } = await server.query(`{ region(code: "410184109") { name en: name(lang: EN) level names { nameZh level validFrom validTo source } } }`)
    expect(data.region).toMatchObject({ name: '龙湖街道', en: 'Longhu Subdistrict', level: 'SUBDISTRICT' })
    expect(data.region.names.map((n: any) => [n.nameZh, n.level, n.validFrom, n.validTo])).toEqual([
      ['龙湖镇', 'TOWN', null, '2025-01-20'],
      ['龙湖街道', 'SUBDISTRICT', '2025-01-20', null],
    ])
  })

  it("gives the county's 2020 census population with its year and source, and null where none is known", async () => {
    const { data } = await server.query(`{ county: region(code: "410184") { population populationYear populationKind populationSource }
      xinhua: region(code: "410184002") { population populationYear populationNote } }`)
    expect(data.county).toMatchObject({ population: 1172237, populationYear: 2020, populationKind: 'RESIDENT' })
    expect(data.county.populationSource).toMatch(/2020 census/)
    expect(data.xinhua.population).toBeNull()
    expect(data.xinhua.populationYear).toBeNull()
    expect(data.xinhua.populationNote).toMatch(/No published population/)
  })

  it('computes areas geodesically from the boundary', async () => {
    const { data } = await server.query(`{ region(code: "410184") { areaKm2 } }`)
    const { rows } = await sql<{ km2: number }>`select st_area(boundary::geography) / 1e6 as km2 from region where code = '410184'`.execute(server.db)
    expect(data.region.areaKm2).toBeCloseTo(rows[0].km2, 2)
    // The outline's area agrees with the official 873 km² within a few per cent.
    expect(Math.abs(data.region.areaKm2 - 873) / 873).toBeLessThan(0.05)
  })

  it('simplifies a boundary for display when asked, and refuses a nonsensical tolerance', async () => {
    const full = await server.query(`{ region(code: "410184") { boundary } }`)
    const simple = await server.query(`{ region(code: "410184") { boundary(simplifyMeters: 500) } }`)
    const count = (g: any) => JSON.stringify(g).split('],[').length
    expect(simple.data.region.boundary.type).toBe('MultiPolygon')
    expect(count(simple.data.region.boundary)).toBeLessThan(count(full.data.region.boundary) / 2)
    const bad = await server.query(`{ region(code: "410184") { boundary(simplifyMeters: -1) } }`)
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'simplifyMeters' })
  })

  it('answers null for an unknown region code', async () => {
    const { data, errors } = await server.query(`{ region(code: "999999999") { code } }`)
    expect(errors).toBeUndefined()
    expect(data.region).toBeNull()
  })

  it('answers NOT_FOUND for an unknown county', async () => {
    const { errors } = await server.query(`{ regions(county: "123456") { code } }`)
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND')
  })

  it("lists a town's service points and GI products", async () => {
    const { data } = await server.query(`{ region(code: "410184109") { servicePoints { id kind } giProducts { code } } }`)
    expect(data.region.servicePoints.map((p: any) => p.id)).toEqual([
      'henan-university-of-engineering',
      'ip-service-410184109',
      'zhongyuan-university-of-technology',
    ])
    expect(data.region.giProducts.map((g: any) => g.code)).toEqual(['longhu-cherry'])
  })
})

describe('service points', () => {
  const PAGE = `query ($first: Int, $after: String, $kinds: [ServicePointKind!], $statuses: [ServicePointStatus!], $region: ID) {
    servicePoints(first: $first, after: $after, kinds: $kinds, statuses: $statuses, region: $region) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id name kind status location locationQuality region { code } services source } }
    }
  }`

  it('pages through every point in id order with a stable cursor', async () => {
    const seen: string[] = []
    let after: string | null = null
    let pages = 0
    for (;;) {
      const res: any = await server.query(PAGE, { first: 10, after })
      expect(res.errors).toBeUndefined()
      const c = res.data.servicePoints
      expect(c.totalCount).toBe(26)
      seen.push(...c.edges.map((e: any) => e.node.id))
      pages++
      if (!c.pageInfo.hasNextPage) break
      after = c.pageInfo.endCursor
    }
    expect(pages).toBe(3)
    expect(seen).toHaveLength(26)
    expect(seen).toEqual([...seen].sort())
  })

  it('lists the two rights-protection stations, the city-hall station and one planned station per township', async () => {
    const { data } = await server.query(PAGE, { first: 100, kinds: ['RIGHTS_PROTECTION_STATION', 'IP_SERVICE_STATION'] })
    const nodes = data.servicePoints.edges.map((e: any) => e.node)
    const rights = nodes.filter((n: any) => n.kind === 'RIGHTS_PROTECTION_STATION').map((n: any) => n.name)
    expect(rights.sort()).toEqual(['中德产业园知识产权维权援助工作站', '新郑市知识产权维权援助工作站'].sort())
    expect(nodes.filter((n: any) => n.kind === 'IP_SERVICE_STATION' && !n.region).map((n: any) => n.name)).toEqual(['知识产权综合服务工作站（市行政服务大厅）'])
    const township = nodes.filter((n: any) => n.kind === 'IP_SERVICE_STATION' && n.region)
    expect(township).toHaveLength(15)
    for (const n of township) {
      expect(n.status).toBe('PLANNED')
      expect(n.locationQuality).toBe('APPROXIMATE')
      expect(n.location.type).toBe('Point')
    }
  })

  it('keeps places without a known location, with a null location marked UNKNOWN', async () => {
    const { data } = await server.query(PAGE, { first: 100, kinds: ['RESEARCH_CENTER'] })
    const nodes = data.servicePoints.edges.map((e: any) => e.node)
    expect(nodes).toHaveLength(3)
    for (const n of nodes) expect(n).toMatchObject({ location: null, locationQuality: 'UNKNOWN', region: null })
  })

  it('filters by status and by region (points inside its boundary)', async () => {
    const active = await server.query(PAGE, { first: 100, statuses: ['ACTIVE'] })
    expect(active.data.servicePoints.edges.every((e: any) => e.node.status === 'ACTIVE')).toBe(true)
    expect(active.data.servicePoints.totalCount).toBe(7)
    const longhu = await server.query(PAGE, { first: 100, region: '410184109' })
    expect(longhu.data.servicePoints.totalCount).toBe(3)
  })

  it('lets a researcher take the largest page with every field under the default limits', async () => {
    const res = await server.query(`{ servicePoints(first: 500) { totalCount edges { cursor node {
      id name nameZh nameEn kind status address location locationQuality services source note region { code name } } } } }`)
    expect(res.errors).toBeUndefined()
    expect(res.data.servicePoints.edges).toHaveLength(26)
  })

  it('refuses a page larger than 500 and a forged cursor, naming the argument', async () => {
    const big = await server.query(PAGE, { first: 501 })
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' })
    const forged = await server.query(PAGE, { first: 5, after: 'not-a-cursor' })
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' })
  })
})

describe('GI products, tasks and departments', () => {
  it('lists the four GI products with their status and origin townships', async () => {
    const { data } = await server.query(`{ giProducts { code name status originRegions { code } originArea originAreaQuality } }`)
    const byName = Object.fromEntries(data.giProducts.map((g: any) => [g.name, g]))
    expect(Object.keys(byName).sort()).toEqual(['具茨山小米', '新郑红枣', '新郑芗草', '龙湖樱桃'].sort())
    expect(byName['新郑红枣'].status).toBe('PROTECTED_PRODUCT')
    expect(byName['龙湖樱桃']).toMatchObject({ status: 'CULTIVATING', originRegions: [{ code: '410184109' }], originAreaQuality: 'APPROXIMATE' })
    expect(byName['龙湖樱桃'].originArea.type).toBe('MultiPolygon')
    expect(byName['新郑芗草']).toMatchObject({ originRegions: [], originArea: null, originAreaQuality: 'NONE' })
  })

  it("lists the plan's tasks in order with their responsible units as written", async () => {
    const { data } = await server.query(`{ tasks { code title responsibilityAsWritten responsibilities { asWritten department { code name } } } }`)
    expect(data.tasks.map((t: any) => t.code)).toEqual([
      '4.1.1',
      '4.1.2',
      '4.1.3',
      '4.2.1',
      '4.2.2',
      '4.2.3',
      '4.2.4',
      '4.3.1',
      '4.3.2',
      '4.3.3',
      '4.4.1',
      '4.4.2',
      '4.4.3',
      '4.5.1',
      '4.5.2',
      '4.5.3',
      '5.1',
      '5.2',
      '5.3',
    ])
    const gi = data.tasks.find((t: any) => t.code === '4.2.4')
    expect(gi.title).toBe('实施地理标志培育工程')
    expect(gi.responsibilities.map((r: any) => r.asWritten)).toEqual(['市市场监管局', '市农委', '各乡镇、街道、管委会'])
  })

  it('answers "what is 市市场监管局 responsible for?", including tasks given to all member units', async () => {
    const { data } = await server.query(
      `{ departments { code name aliases kind memberOf { code } direct: tasks { code } all: tasks(includeViaGroups: true) { code } } }`,
    )
    const market = data.departments.find((d: any) => d.aliases.includes('市市场监管局'))
    expect(market.name).toBe('市市场监督管理局')
    expect(market.memberOf.code).toBe('leading-group')
    expect(market.direct.length).toBeGreaterThan(10)
    expect(market.all.map((t: any) => t.code)).toEqual(expect.arrayContaining(['4.1.1', '4.1.2', '4.5.3']))
    expect(market.direct.map((t: any) => t.code)).not.toContain('4.1.1')
  })
})

describe('indicators', () => {
  it('computes progress and on-track status from recorded actuals, and null without them', async () => {
    const before = await server.query(`{ indicator(code: "invention-patents-in-force") { progress onTrack latestActual { value } } }`)
    expect(before.data.indicator).toEqual({ progress: null, onTrack: null, latestActual: null })
    await server.db
      .insertInto('indicator_value')
      .values({
        county_code: '410184',
        indicator_code: 'invention-patents-in-force',
        region_code: '410184',
        year: 2024,
        kind: 'ACTUAL',
        value: 1820,
        source: 'test',
      })
      .execute()
    const after = await server.query(`{ indicator(code: "invention-patents-in-force") { progress onTrack actuals { year value } } }`)
    // (1820 − 1775) / (2000 − 1775) = 0.2; 1820 ≥ the 2024 milestone 1800.
    expect(after.data.indicator.progress).toBeCloseTo(0.2, 10)
    expect(after.data.indicator.onTrack).toBe(true)
    expect(after.data.indicator.actuals).toEqual([{ year: 2024, value: 1820 }])
  })

  it('filters by category', async () => {
    const { data } = await server.query(`{ indicators(category: AWARENESS) { code } }`)
    expect(data.indicators.map((i: any) => i.code)).toEqual(['awareness-training-sessions', 'trainees', 'publicity-events'])
  })
})

describe('datasets and HTTP', () => {
  it('describes the loaded dataset with licences, sources and live row counts', async () => {
    const { data } = await server.query(`{ datasets { id title county { code } licenses { name } sources { title } resources { name rowCount } } }`)
    const [d] = data.datasets
    expect(d.id).toBe('xinzheng-ip')
    expect(d.county.code).toBe('410184')
    expect(d.licenses.map((l: any) => l.name)).toContain('CC-BY-4.0')
    expect(d.sources.length).toBeGreaterThanOrEqual(4)
    const counts = Object.fromEntries(d.resources.map((r: any) => [r.name, r.rowCount]))
    expect(counts).toMatchObject({ regions: 19, indicators: 21, 'service-points': 26, tasks: 19, seats: 17, boundaries: null })
  })

  it('answers GET queries (cacheable) as well as POST', async () => {
    const res = await server.get('query ($code: ID!) { region(code: $code) { name } }', { code: '410184' })
    expect(res.status).toBe(200)
    expect(res.data.region.name).toBe('新郑市')
  })

  it('refuses a malformed JSON body with a clear error', async () => {
    const bad = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as any).errors[0].message).toMatch(/not valid JSON/)
  })

  it('answers /healthz 200 once ready', async () => {
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok' })
  })

  it('rejects a body over 1 MB with 413', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ regions { code } }`, padding: 'x'.repeat(1_100_000) }),
    })
    expect(res.status).toBe(413)
  })
})
