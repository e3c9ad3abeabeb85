/**
 * The progress engine through the API: actuals recorded with the real mutation (an editor's token) are assessed by
 * `Indicator.assessment`, and `reportingStatus` counts what is reported and what is overdue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
let editor: string
beforeAll(async () => {
  server = await startTestServer()
  editor = (await createToken(server.db, 'assessment test', 'editor')).token
})
afterAll(() => server.close())

const RECORD = `mutation ($input: IndicatorValueInput!) { recordIndicatorValue(input: $input) { year value } }`
async function record(indicator: string, year: number, value: number, region?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
    body: JSON.stringify({ query: RECORD, variables: { input: { indicator, year, value, region, source: '测试 test' } } }),
  })
  const body = (await response.json()) as { errors?: unknown[] }
  expect(body.errors).toBeUndefined()
}

const ASSESS = `query ($code: ID!, $region: ID) { indicator(code: $code) { assessment(region: $region) {
  status method milestoneMet observedAnnualRate requiredAnnualRate remainingAnnualRate rateRatio projectedYear
  latestActual { year value } baseline { year value kind } target { year value kind } } } }`

describe('Indicator.assessment', () => {
  it('says NO_DATA for every indicator before anything is reported', async () => {
    const { data, errors } = await server.query(`{ indicators { code assessment { status method latestActual { value } } } }`)
    expect(errors).toBeUndefined()
    expect(data.indicators.length).toBeGreaterThan(0)
    for (const i of data.indicators) expect(i.assessment, i.code).toEqual({ status: 'NO_DATA', method: 'NONE', latestActual: null })
  })

  it('holds the worked case: 有效发明专利拥有量 1775 → 2000, actual 1810 in 2024 is LIMITED_PROGRESS, projected 2030', async () => {
    await record('invention-patents-in-force', 2024, 1810)
    const { data, errors } = await server.query(ASSESS, { code: 'invention-patents-in-force' })
    expect(errors).toBeUndefined()
    const a = data.indicator.assessment
    expect(a).toMatchObject({
      status: 'LIMITED_PROGRESS',
      method: 'COMPOUND_GROWTH',
      milestoneMet: true,
      projectedYear: 2030,
      latestActual: { year: 2024, value: 1810 },
      baseline: { year: 2023, value: 1775, kind: 'BASELINE' },
      target: { year: 2026, value: 2000, kind: 'TARGET' },
    })
    expect(a.observedAnnualRate).toBeCloseTo(0.0197, 4)
    expect(a.requiredAnnualRate).toBeCloseTo(0.0406, 4)
    expect(a.remainingAnnualRate).toBeCloseTo(0.0512, 4)
    expect(a.rateRatio).toBeCloseTo(0.49, 2)
  })

  it('says ACHIEVED once the target is met, DETERIORATION when a stock falls below its baseline', async () => {
    await record('trademarks-in-force', 2025, 36000)
    await record('high-value-invention-patents-per-10k', 2025, 3.0)
    const trademarks = await server.query(ASSESS, { code: 'trademarks-in-force' })
    expect(trademarks.data.indicator.assessment.status).toBe('ACHIEVED')
    const perTenK = await server.query(ASSESS, { code: 'high-value-invention-patents-per-10k' })
    expect(perTenK.errors).toBeUndefined()
    expect(perTenK.data.indicator.assessment).toMatchObject({ status: 'DETERIORATION', method: 'COMPOUND_GROWTH' })
  })

  it('says NOT_ASSESSABLE for a prose target with no baseline (200 high-tech enterprises)', async () => {
    await record('high-tech-enterprises', 2025, 150)
    expect((await server.query(ASSESS, { code: 'high-tech-enterprises' })).data.indicator.assessment).toMatchObject({
      status: 'NOT_ASSESSABLE',
      baseline: null,
    })
  })

  it('assesses a town on its own values: a town with an actual but no target is NOT_ASSESSABLE', async () => {
    await record('invention-patents-in-force', 2024, 120, '410184109')
    const { data } = await server.query(ASSESS, { code: 'invention-patents-in-force', region: '410184109' })
    expect(data.indicator.assessment).toMatchObject({ status: 'NOT_ASSESSABLE', latestActual: { value: 120 }, baseline: null, target: null })
  })
})

describe('reportingStatus', () => {
  it('counts reported and expected indicators per year, statuses, overdue years and what towns reported', async () => {
    const { data, errors } = await server.query(`{ reportingStatus(asOfYear: 2026) {
      indicatorCount years { year reported expected } statusCounts { status count } overdue { indicatorCode year }
      regionReports { indicatorCode regionCode year } } }`)
    expect(errors).toBeUndefined()
    const r = data.reportingStatus
    const indicators = (await server.query(`{ indicators { code } }`)).data.indicators.length
    expect(r.indicatorCount).toBe(indicators)
    const y2024 = r.years.find((y: any) => y.year === 2024)
    expect(y2024.reported).toBe(1)
    expect(y2024.expected).toBeGreaterThan(1)
    const counts = Object.fromEntries(r.statusCounts.map((s: any) => [s.status, s.count]))
    expect(counts).toMatchObject({ LIMITED_PROGRESS: 1, ACHIEVED: 1, DETERIORATION: 1, NOT_ASSESSABLE: 1 })
    expect(Object.values(counts).reduce((a: any, b: any) => a + b, 0)).toBe(indicators)
    // 2024 is reported for invention patents; 2025 is not, and has passed by 2026.
    expect(r.overdue).toContainEqual({ indicatorCode: 'invention-patents-in-force', year: 2025 })
    expect(r.overdue).not.toContainEqual({ indicatorCode: 'invention-patents-in-force', year: 2024 })
    expect(r.overdue.every((o: any) => o.year < 2026)).toBe(true)
    expect(r.regionReports).toEqual([{ indicatorCode: 'invention-patents-in-force', regionCode: '410184109', year: 2024 }])
  })

  it('refuses an implausible asOfYear naming the argument', async () => {
    const { errors } = await server.query(`{ reportingStatus(asOfYear: 3) { indicatorCount } }`)
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOfYear' })
  })
})
