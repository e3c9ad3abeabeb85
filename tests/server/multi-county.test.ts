/** One county is data, not code: a second package is served beside Xinzheng without mixing. */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../setup/server.ts'
import { ROOT, XINZHENG } from '../setup/templates.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ packages: [XINZHENG, path.join(ROOT, 'tests/fixtures/synthetic-county')] })
})
afterAll(() => server.close())

describe('two counties on one platform', () => {
  it('lists both counties', async () => {
    const { data } = await server.query(`{ counties { code name } datasets { id county { code } } }`)
    expect(data.counties).toEqual([
      { code: '410184', name: '新郑市' },
      { code: '990100', name: '测试县' },
    ])
    expect(data.datasets.map((d: any) => d.county.code).sort()).toEqual(['410184', '990100'])
  })

  it("serves the first package's county by default", async () => {
    const { data } = await server.query(`{ regions { code } indicators { code } }`)
    expect(data.regions).toHaveLength(15)
    expect(data.regions.every((r: any) => r.code.startsWith('410184'))).toBe(true)
    expect(data.indicators).toHaveLength(21)
  })

  it("serves the second county's own regions, indicators and service points when asked, and nothing of the first", async () => {
    const { data, errors } = await server.query(`{
      regions(county: "990100") { code name }
      indicators(county: "990100") { code baseline { value } target { value } }
      indicator(code: "invention-patents-in-force", county: "990100") { baseline { value } }
      servicePoints(county: "990100") { totalCount edges { node { id region { code } } } }
      giProducts(county: "990100") { code }
      tasks(county: "990100") { code }
    }`)
    expect(errors).toBeUndefined()
    expect(data.regions).toEqual([
      { code: '990100001', name: '东街道' },
      { code: '990100101', name: '西镇' },
    ])
    // The same indicator code exists in both counties; each keeps its own figures.
    expect(data.indicators).toEqual([{ code: 'invention-patents-in-force', baseline: { value: 7 }, target: { value: 9 } }])
    expect(data.indicator.baseline.value).toBe(7)
    expect(data.servicePoints.totalCount).toBe(2)
    expect(data.servicePoints.edges.map((e: any) => e.node.region.code)).toEqual(['990100001', '990100101'])
    expect(data.giProducts).toEqual([])
    expect(data.tasks).toEqual([])
  })

  it("keeps Xinzheng's figure for the shared indicator code", async () => {
    const { data } = await server.query(`{ indicator(code: "invention-patents-in-force") { baseline { value region { code } } } }`)
    expect(data.indicator.baseline).toEqual({ value: 1775, region: { code: '410184' } })
  })
})
