/**
 * Towns with context through the API: actuals entered by stewards (the real mutation, a signed-in session)
 * come back on `Region.indicatorContexts` beside the county's value, the towns' median and the rank among
 * the towns with a value; `Region.figureContexts` agrees with compareRegions; `reportingMatrix` says what each
 * town reported with its status, and which indicators it leaves out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../setup/server.ts'
import { COUNTY, createSteward, OTHER_TOWN, signInHttp, TOWN, type HttpSession } from '../setup/value-entry.ts'

/** 410184109 (龙湖). */
const THIRD_TOWN = '410184109'

let server: TestServer
let county: HttpSession
let township: HttpSession

const ENTER = `mutation ($input: IndicatorValueEntryInput!) { enterIndicatorValue(input: $input, confirmWarnings: true) { saved { value } } }`

async function enter(session: HttpSession, region: string, value: number, status: string, note?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({
      query: ENTER,
      variables: { input: { indicator: 'invention-patents-in-force', region, year: 2025, value, unit: '件', source: '测试 test', status, note } },
    }),
  })
  const body = (await response.json()) as { errors?: unknown[] }
  expect(body.errors).toBeUndefined()
}

beforeAll(async () => {
  server = await startTestServer()
  await createSteward(server.db, 'county-editor', 'editor')
  await createSteward(server.db, 'xincun-editor', 'township-editor', { regions: [TOWN] })
  county = await signInHttp(server.url, 'county-editor')
  township = await signInHttp(server.url, 'xincun-editor')
  await enter(township, TOWN, 120, 'FINAL')
  await enter(county, OTHER_TOWN, 80, 'PROVISIONAL')
  await enter(county, THIRD_TOWN, 200, 'REVISED', '更正 corrected')
  await enter(county, COUNTY, 1900, 'FINAL')
}, 120_000)
afterAll(() => server.close())

const CONTEXT = `query ($code: ID!, $r: Float) { region(code: $code) {
  figureContexts(coverageRadiusKm: $r) { metric value countyValue median rank rankedCount withValueCount regionCount excluded comparedPopulationYear comparedPopulationKind }
  indicatorContexts { indicatorCode indicator { nameZh } year value status countyValue median rank rankedCount regionCount } } }`

describe('Region.indicatorContexts', () => {
  it("sets a town's latest actual beside the county's of that year, the median and its rank among the towns with one", async () => {
    const { data, errors } = await server.query(CONTEXT, { code: TOWN })
    expect(errors).toBeUndefined()
    expect(data.region.indicatorContexts).toEqual([
      {
        indicatorCode: 'invention-patents-in-force',
        indicator: { nameZh: '有效发明专利拥有量' },
        year: 2025,
        value: 120,
        status: 'FINAL',
        countyValue: 1900,
        median: 120,
        rank: 2,
        rankedCount: 3,
        regionCount: 15,
      },
    ])
    const top = await server.query(CONTEXT, { code: THIRD_TOWN })
    expect(top.data.region.indicatorContexts[0]).toMatchObject({ rank: 1, status: 'REVISED', value: 200 })
  })

  it('is empty for a town that reported nothing, and for the county itself', async () => {
    expect((await server.query(CONTEXT, { code: '410184103' })).data.region.indicatorContexts).toEqual([])
    const whole = await server.query(CONTEXT, { code: COUNTY })
    expect(whole.data.region).toEqual({ figureContexts: [], indicatorContexts: [] })
  })
})

describe('Region.figureContexts', () => {
  it('agrees with compareRegions: the county value, the median and the rank among the towns with a value', async () => {
    const { data: towns } = await server.query('{ regions { code } }')
    const codes: string[] = towns.regions.map((r: any) => r.code)
    const { data } = await server.query(
      `query ($codes: [ID!]!) { compareRegions(codes: $codes) { region { code } servicePointsPer100Km2 servicePointsPer10k } }`,
      {
        codes: [...codes, COUNTY],
      },
    )
    const rows: any[] = data.compareRegions.filter((r: any) => r.region.code !== COUNTY)
    const whole = data.compareRegions.find((r: any) => r.region.code === COUNTY)
    const sorted = rows.map((r) => r.servicePointsPer100Km2).sort((a, b) => a - b)
    const median = sorted[7] as number // 15 towns: the 8th value
    const own = rows.find((r) => r.region.code === TOWN).servicePointsPer100Km2
    const rank = 1 + rows.filter((r) => r.servicePointsPer100Km2 > own).length

    const context = await server.query(CONTEXT, { code: TOWN })
    expect(context.errors).toBeUndefined()
    const figures = context.data.region.figureContexts
    expect(figures.map((f: any) => f.metric)).toEqual([
      'servicePointCount',
      'servicePointsPer10k',
      'servicePointsPer100Km2',
      'coverageShare',
      'activeCoverageShare',
      'giProductCount',
      'population',
      'areaKm2',
    ])
    const density = figures.find((f: any) => f.metric === 'servicePointsPer100Km2')
    expect(density).toMatchObject({ rank, rankedCount: 15, withValueCount: 15, regionCount: 15, excluded: false })
    expect(density.value).toBeCloseTo(own, 10)
    expect(density.median).toBeCloseTo(median, 10)
    expect(density.countyValue).toBeCloseTo(whole.servicePointsPer100Km2, 10)
    expect(figures.find((f: any) => f.metric === 'giProductCount').countyValue).toBeNull()
  })

  it('keeps an unknown per-capita figure unknown (no rank), and ranks only the towns with a population of one year and kind', async () => {
    const { data: towns } = await server.query('{ regions { code population } }')
    const without = towns.regions.find((r: any) => r.population === null).code
    const { data } = await server.query(CONTEXT, { code: without })
    const perCapita = data.region.figureContexts.find((f: any) => f.metric === 'servicePointsPer10k')
    expect(perCapita).toMatchObject({ value: null, rank: null, excluded: false })
    expect(perCapita.withValueCount).toBe(towns.regions.filter((r: any) => r.population !== null).length)
    expect(perCapita.rankedCount).toBeLessThanOrEqual(perCapita.withValueCount)
    if (perCapita.rankedCount > 0) expect(perCapita.comparedPopulationYear).not.toBeNull()
  })

  it('refuses a radius out of range, naming the argument', async () => {
    const { errors } = await server.query(CONTEXT, { code: TOWN, r: 0 })
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(errors?.[0].message).toContain('coverageRadiusKm')
  })
})

describe('reportingMatrix', () => {
  const MATRIX = `{ reportingMatrix { years regions { code } rows { indicator { code } additive hasTownValues cells { regionCode reports { year status } } } leftOut { code } } }`

  it('gives, per indicator and town, the years reported with their status; an empty cell where nothing is', async () => {
    const { data, errors } = await server.query(MATRIX)
    expect(errors).toBeUndefined()
    const m = data.reportingMatrix
    expect(m.regions).toHaveLength(15)
    expect(m.years).toEqual(expect.arrayContaining([2023, 2024, 2025, 2026]))
    const patents = m.rows.find((r: any) => r.indicator.code === 'invention-patents-in-force')
    expect(patents).toMatchObject({ additive: true, hasTownValues: true })
    const cell = (code: string) => patents.cells.find((c: any) => c.regionCode === code).reports
    expect(cell(TOWN)).toEqual([{ year: 2025, status: 'FINAL' }])
    expect(cell(OTHER_TOWN)).toEqual([{ year: 2025, status: 'PROVISIONAL' }])
    expect(cell(THIRD_TOWN)).toEqual([{ year: 2025, status: 'REVISED' }])
    expect(cell('410184103')).toEqual([])
    expect(patents.cells.map((c: any) => c.regionCode)).toEqual(m.regions.map((r: any) => r.code))
  })

  it('leaves out the rates and per-capita figures no town has reported', async () => {
    const { data } = await server.query(MATRIX)
    const left = data.reportingMatrix.leftOut.map((i: any) => i.code)
    expect(left).toEqual(expect.arrayContaining(['enforcement-on-time-closure-rate', 'high-value-invention-patents-per-10k']))
    expect(data.reportingMatrix.rows.map((r: any) => r.indicator.code)).not.toContain('enforcement-on-time-closure-rate')
  })

  it('and reportingStatus.regionReports carries the status too', async () => {
    const { data } = await server.query('{ reportingStatus { regionReports { indicatorCode regionCode year status } } }')
    expect(data.reportingStatus.regionReports).toEqual(
      expect.arrayContaining([{ indicatorCode: 'invention-patents-in-force', regionCode: TOWN, year: 2025, status: 'FINAL' }]),
    )
  })
})
