/**
 * The progress engine through the API, one case of each status: actuals are entered as a steward's form
 * sends them (`enterIndicatorValue`, in the plan's display unit, with a status) or recorded by a script
 * (`recordIndicatorValue`), and `Indicator.assessment` judges them; the statements a request runs stay
 * constant whatever was reported. Runs on PGlite and on PostgreSQL.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'
import { ROOT } from '../setup/templates.ts'

let server: TestServer
let editor: string
beforeAll(async () => {
  server = await startTestServer()
  editor = (await createToken(server.db, 'progress test', 'editor')).token
})
afterAll(() => server.close())
// Each test starts with no actual; the server hears of the deletion (its caches start a new generation) before the test asks.
beforeEach(async () => {
  const generation = server.app.cache.generation
  const [{ numDeletedRows }] = await server.db.deleteFrom('indicator_value').where('kind', '=', 'ACTUAL').execute()
  if (numDeletedRows > 0n) await expect.poll(() => server.app.cache.generation, { interval: 5 }).toBeGreaterThan(generation)
})

async function post(query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as { data?: any; errors?: unknown[] }
  expect(body.errors).toBeUndefined()
  return body.data
}

const ENTER = `mutation ($input: IndicatorValueEntryInput!) { enterIndicatorValue(input: $input, confirmWarnings: true) { baseValue saved { value status } } }`
/** Enters an actual in `unit` (the form's way); answers the value stored in the base unit. */
async function enter(indicator: string, year: number, value: number, unit: string, status = 'PROVISIONAL', region?: string): Promise<number> {
  const data = await post(ENTER, { input: { indicator, year, value, unit, status, region, source: '进度测试 progress test' } })
  return data.enterIndicatorValue.saved.value
}
const RECORD = `mutation ($input: IndicatorValueInput!) { recordIndicatorValue(input: $input) { value } }`
async function record(indicator: string, year: number, value: number, region?: string): Promise<void> {
  await post(RECORD, { input: { indicator, year, value, region, source: '进度测试 progress test' } })
}

const ASSESS = `query ($code: ID!, $region: ID) { indicator(code: $code) { assessment(region: $region) {
  status method milestoneMet observedAnnualRate requiredAnnualRate remainingAnnualRate rateRatio projectedYear
  latestActual { year value status } baseline { year value kind } target { year value valueMax kind } } } }`
async function assessment(code: string, region?: string): Promise<any> {
  const { data, errors } = await server.query(ASSESS, { code, region })
  expect(errors).toBeUndefined()
  return data.indicator.assessment
}

describe('Indicator.assessment, one case of each status', () => {
  it('holds the worked case when the 2024 actual is entered in 件 as FINAL: LIMITED_PROGRESS, projected 2030', async () => {
    expect(await enter('invention-patents-in-force', 2024, 1810, '件', 'FINAL')).toBe(1810)
    const a = await assessment('invention-patents-in-force')
    expect(a).toMatchObject({
      status: 'LIMITED_PROGRESS',
      method: 'COMPOUND_GROWTH',
      milestoneMet: true,
      projectedYear: 2030,
      latestActual: { year: 2024, value: 1810, status: 'FINAL' },
    })
    expect(a.observedAnnualRate).toBeCloseTo(0.0197, 4)
    expect(a.requiredAnnualRate).toBeCloseTo(0.0406, 4)
    expect(a.rateRatio).toBeCloseTo(0.49, 2)
    expect(a.remainingAnnualRate).toBeCloseTo(0.0512, 4)

    // The README's worked example shows these very figures.
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const example = readme.slice(readme.indexOf('**Worked example**'), readme.indexOf('```graphql', readme.indexOf('**Worked example**')))
    const rate = (r: number) => `${(r * 100).toFixed(2)} %/yr (${r.toFixed(6)})`
    for (const figure of [
      rate(a.observedAnnualRate),
      rate(a.requiredAnnualRate),
      rate(a.remainingAnnualRate),
      `| ${a.rateRatio.toFixed(2)} → \`${a.status}\``,
      `| ${a.projectedYear} |`,
      `(1810 / 1775)^(1/1)`,
    ])
      expect(example).toContain(figure)
  })

  it('says ON_TRACK when trademarks grow as fast as the target needs (31453 → 32600 in a year against 3.63 %/yr)', async () => {
    await enter('trademarks-in-force', 2024, 32600, '件')
    const a = await assessment('trademarks-in-force')
    expect(a).toMatchObject({ status: 'ON_TRACK', method: 'COMPOUND_GROWTH', milestoneMet: false, latestActual: { status: 'PROVISIONAL' } })
    expect(a.requiredAnnualRate).toBeCloseTo((35000 / 31453) ** (1 / 3) - 1, 10)
    expect(a.observedAnnualRate).toBeCloseTo(32600 / 31453 - 1, 10)
    expect(a.rateRatio).toBeGreaterThanOrEqual(0.95)
    // 31453 × 1.0365ⁿ reaches 35000 in the third year: the plan's own year.
    expect(a.projectedYear).toBe(2026)
  })

  it('says ACCELERATION_NEEDED for pledge financing entered in 亿元 (0.575 → 0.75 亿 in two years, 14.2 % against 20.3 %/yr)', async () => {
    expect(await enter('ip-pledge-financing', 2025, 0.75, '亿元')).toBe(75_000_000)
    const a = await assessment('ip-pledge-financing')
    expect(a).toMatchObject({ status: 'ACCELERATION_NEEDED', method: 'COMPOUND_GROWTH', latestActual: { year: 2025, value: 75_000_000 } })
    expect(a.rateRatio).toBeGreaterThan(0.6)
    expect(a.rateRatio).toBeLessThan(0.95)
    // The year left must bring 1 / 0.75 − 1 = 33.3 %.
    expect(a.remainingAnnualRate).toBeCloseTo(1 / 0.75 - 1, 10)
  })

  it('says DETERIORATION when a stock falls below its baseline, and projects no year', async () => {
    await record('high-value-invention-patents-per-10k', 2025, 3.0)
    const a = await assessment('high-value-invention-patents-per-10k')
    expect(a).toMatchObject({ status: 'DETERIORATION', method: 'COMPOUND_GROWTH', projectedYear: null })
    expect(a.observedAnnualRate).toBeLessThan(0)
  })

  it('judges a count from nothing (省级高价值专利培育中心 0 → 1) by linear change per year: still 0 in 2025 is LIMITED_PROGRESS', async () => {
    await enter('provincial-high-value-patent-centres', 2025, 0, '个')
    const a = await assessment('provincial-high-value-patent-centres')
    expect(a).toMatchObject({
      status: 'LIMITED_PROGRESS',
      method: 'LINEAR_CHANGE',
      observedAnnualRate: 0,
      requiredAnnualRate: 0.5,
      remainingAnnualRate: 1,
      rateRatio: 0,
      milestoneMet: true,
      projectedYear: null,
      baseline: { year: 2024, value: 0, kind: 'MILESTONE' },
      target: { year: 2026, value: 1, kind: 'MILESTONE' },
    })
  })

  it('says ACHIEVED once the centre exists, in the year it was reached', async () => {
    await enter('provincial-high-value-patent-centres', 2025, 1, '个')
    expect(await assessment('provincial-high-value-patent-centres')).toMatchObject({ status: 'ACHIEVED', projectedYear: 2025 })
  })

  it('judges a yearly range (10–15 publicity events) per year: NOT_ASSESSABLE before the target year, with each year in or out of the range', async () => {
    await enter('publicity-events', 2024, 8, '场次')
    expect(await assessment('publicity-events')).toMatchObject({ status: 'NOT_ASSESSABLE', method: 'RANGE_PER_YEAR', milestoneMet: false })
    await enter('publicity-events', 2025, 12, '场次')
    expect(await assessment('publicity-events')).toMatchObject({
      status: 'NOT_ASSESSABLE',
      method: 'RANGE_PER_YEAR',
      milestoneMet: true,
      observedAnnualRate: null,
      target: { value: 10, valueMax: 15 },
    })
    await enter('publicity-events', 2026, 14, '场次')
    expect(await assessment('publicity-events')).toMatchObject({ status: 'ACHIEVED', method: 'RANGE_PER_YEAR', milestoneMet: true })
  })

  it('says NO_DATA, with nothing computed, for an indicator with no actual', async () => {
    expect(await assessment('mediation-cases')).toEqual({
      status: 'NO_DATA',
      method: 'NONE',
      milestoneMet: null,
      observedAnnualRate: null,
      requiredAnnualRate: null,
      remainingAnnualRate: null,
      rateRatio: null,
      projectedYear: null,
      latestActual: null,
      baseline: null,
      target: { year: 2026, value: 30, valueMax: null, kind: 'TARGET' },
    })
  })

  it("assesses a town on its own values, not the county's: a town's actual without a target of its own is NOT_ASSESSABLE", async () => {
    await enter('invention-patents-in-force', 2024, 1810, '件')
    await enter('invention-patents-in-force', 2025, 140, '件', 'PROVISIONAL', '410184109')
    expect(await assessment('invention-patents-in-force', '410184109')).toMatchObject({
      status: 'NOT_ASSESSABLE',
      latestActual: { year: 2025, value: 140 },
      target: null,
    })
    expect((await assessment('invention-patents-in-force')).latestActual).toMatchObject({ year: 2024, value: 1810 })
  })
})

describe('the summary', () => {
  it('counts the county per status, and says when nothing is reported', async () => {
    const query = `{ reportingStatus(asOfYear: 2026) { indicatorCount statusCounts { status count } years { year reported } } }`
    const before = (await server.query(query)).data.reportingStatus
    const noData = before.statusCounts.find((s: any) => s.status === 'NO_DATA').count
    expect(noData).toBe(before.indicatorCount)
    expect(before.years.every((y: any) => y.reported === 0)).toBe(true)

    await enter('trademarks-in-force', 2024, 32600, '件')
    await enter('ip-pledge-financing', 2025, 0.75, '亿元')
    await record('high-value-invention-patents-per-10k', 2025, 3.0)
    const after = (await server.query(query)).data.reportingStatus
    const counts = Object.fromEntries(after.statusCounts.map((s: any) => [s.status, s.count]))
    expect(counts).toMatchObject({ ON_TRACK: 1, ACCELERATION_NEEDED: 1, DETERIORATION: 1, NO_DATA: after.indicatorCount - 3 })
    expect(after.years.find((y: any) => y.year === 2025).reported).toBe(2)
  })
})

describe('the SQL a request runs', () => {
  const QUERY = `{ indicators { code assessment { status latestActual { value region { code } } }
    town: assessment(region: "410184109") { status } } reportingStatus(asOfYear: 2026) { statusCounts { status count } } }`
  /** Waits until the server has heard of every write (its cache generation has stopped moving for 100 ms). */
  async function settle(): Promise<void> {
    let seen = -1
    await expect
      .poll(
        () => {
          const now = server.app.cache.generation
          const settled = now === seen
          seen = now
          return settled
        },
        { interval: 100 },
      )
      .toBe(true)
  }
  async function statements(): Promise<number> {
    server.app.memo.clear()
    const before = server.app.sqlStatements()
    const { errors } = await server.query(QUERY)
    expect(errors).toBeUndefined()
    return server.app.sqlStatements() - before
  }

  it('stays the same for one actual as for many, for the county and a town', async () => {
    await record('invention-patents-in-force', 2024, 1810)
    await settle()
    const one = await statements()
    for (const [code, value] of [
      ['invention-patents-in-force', 1810],
      ['trademarks-in-force', 32600],
      ['high-tech-enterprises', 150],
      ['mediation-cases', 12],
    ] as const) {
      await record(code, 2025, value)
      await record(code, 2025, value, '410184109')
      await record(code, 2025, value, '410184101')
    }
    await settle()
    expect(await statements()).toBe(one)
    expect(one).toBeLessThanOrEqual(8)
  })
})
